"""Separate incidents stay separate (issue 12, point 4) through the webhook and the
router on the emulators: the stories of tests/test_usecases_incidents.py on the real
Firestore and Pub/Sub, every event delivered twice, a webhook duplicate and out of
order."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from shared.store.admin import tip_trail
from shared.store.documents import tip_from_doc
from tests.helpers import CITIZEN, DUTY, OTHER_WARD, deliver, take
from tests.line import Line
from tests.memory_line import APP_ID
from tests.webhook_client import location_event, now_ms, post, webhook_app

pytestmark = pytest.mark.emulators
FIGHT = "May thang thanh nien danh nhau truoc quan nhau duong Tan Son Nhi phuong tan son nhi"
TAY_THANH = ("10.8150", "106.6200")  # a pin inside ward 27013 (Tây Thạnh)
SPLIT = "có vẻ nói về một vụ việc khác với tin báo"


def says(line: Line, text: str) -> None:
    line.citizen_says(CITIZEN, text)
    assert set(line.pump(times=2)) == {200}


def tips(line: Line) -> list[dict[str, Any]]:
    found = [s.to_dict() or {} for s in line.db.collection("tips").stream()]
    return sorted(found, key=lambda t: t["created_at"])


def trail(line: Line, ref: str) -> list[dict[str, Any]]:
    return tip_trail(line.db.collection("tips").document(ref).get())


def test_a_theft_pinned_in_another_ward_is_a_second_tip_and_the_fight_keeps_its_words(
    line: Line,
) -> None:
    says(line, FIGHT)
    (fight,) = tips(line)
    first = fight["ref"]
    line.advance(minutes=10)
    says(line, "ben phuong tay thanh co thang vua trom xe may nha hang xom")
    line.citizen_shares(CITIZEN, *TAY_THANH)
    assert set(line.pump(times=2)) == {200}
    line.advance(minutes=1)
    says(line, "no dang danh nhau tiep kia cac anh oi")

    a, b = tips(line)
    assert a["ref"] == first and a["unit_id"] == "ward-27019" and a["ward_code"] == "27019"
    assert b["unit_id"] == "ward-27013" and b["split_from"] == first
    assert [s["reason"] for s in a["split_off"]] == ["other_ward", "related"]
    (split,) = [e for e in trail(line, first) if e["kind"] == "split"][:1]
    assert split["data"]["to"] == b["ref"]
    assert {"split_from", "taken_in"} <= {e["kind"] for e in trail(line, b["ref"])}
    theft_alerts = [t for t in line.texts(OTHER_WARD) if b["ref"] in t]
    assert any(f"Liên quan: {first}" in t for t in theft_alerts)
    assert not any("trom xe" in t for t in line.texts(DUTY))
    assert any("danh nhau tiep" in t for t in line.texts(DUTY))  # the fight's update
    told = line.texts(CITIZEN)
    assert sum(SPLIT in t for t in told) == 1
    assert sum(f"Mã tin báo: {b['ref']}" in t for t in told) == 1


def test_a_pin_posted_twice_by_zalo_and_delivered_out_of_order_makes_one_new_tip(
    line: Line,
) -> None:
    says(line, FIGHT)
    (fight,) = tips(line)
    line.advance(minutes=10)
    # Zalo posts the same pin twice (its retry of a slow answer): one message.
    event = location_event(*TAY_THANH, "incident-pin-1", user=CITIZEN)
    by_app = int(hashlib.sha256(f"{APP_ID}:{CITIZEN}".encode()).hexdigest()[:15], 16)
    event |= {"user_id_by_app": str(by_app), "timestamp": now_ms(line.clock.now())}
    hook = webhook_app()
    assert post(hook, event).status_code == post(hook, event).status_code == 200
    line.citizen_says(CITIZEN, "p tay thanh vua co vu trom xe may")
    assert set(line.pump(times=3, shuffle=True)) == {200}

    a, b = tips(line)
    assert a["ref"] == fight["ref"] and b["split_from"] == fight["ref"]
    assert {s["ref"] for s in a["split_off"]} == {b["ref"]} and len(a["split_off"]) == 2
    assert sum(SPLIT in t for t in line.texts(CITIZEN)) == 1
    firsts = [t for t in line.texts(OTHER_WARD) if t.startswith(f"🔔 TIN BÁO MỚI {b['ref']}")]
    assert len(firsts) == 1
    assert line.tip(fight["ref"])["unit_id"] == "ward-27019"


def test_a_message_moved_into_the_tip_the_webhook_remembers_stays_in_its_summary(
    line: Line,
) -> None:
    """The router takes a message into the citizen's open tip (a reopened tip split off
    the one the message joined), writing its summary: the webhook that joined their
    last message to it, whose memory of that summary is now stale, reads it again
    before the next, so the moved words stay where officers read them."""
    says(line, FIGHT)
    (fight,) = tips(line)
    line.advance(minutes=10)
    says(line, "o ben phuong tay thanh co thang vua trom xe may cua nha hang xom")
    _, theft = tips(line)
    line.standin.send_text(OTHER_WARD, f"xong {theft['ref']} da bat duoc")
    assert set(line.pump()) == {200}
    line.advance(minutes=5)
    moved = "phuong tay thanh thang trom xe may lai quay lai nua"
    line.citizen_says(CITIZEN, moved)  # joins the fight, the open tip ...
    late = take(line, 1)  # ... and reaches the router only at the end
    line.advance(minutes=31)  # past the fight's intake window
    says(line, "cong an ve roi ma thang trom xe lai quay lai, ko ai toi het")
    sender = line.db.collection("senders").document(theft["reporter_key"]).get().to_dict()
    assert sender is not None and sender["open_tip_id"] == theft["ref"]  # reopened: open
    says(line, "no dang chay ve huong cho")  # the webhook remembers the theft's summary
    assert deliver(line, late, times=2) == [200, 200]  # taken in: the summary rewritten
    says(line, "nhanh len cac anh oi")

    # What officers read: the moved words on the theft only, each message numbered once
    # (the theft's words, "it runs", the moved one, "hurry"), none left untold.
    fight_tip, kept = (tip_from_doc(line.tip(ref)) for ref in (fight["ref"], theft["ref"]))
    assert not any(moved in t.text for t in fight_tip.texts)
    assert sum(moved in t.text for t in kept.texts) == 1
    assert [t.seq for t in kept.texts] == [1, 2, 3, 4] and kept.message_count == 4
