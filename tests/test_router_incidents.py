"""Separate incidents stay separate (issue 12, point 4) through the webhook and the
router on the emulators: the stories of tests/test_usecases_incidents.py on the real
Firestore and Pub/Sub, every event delivered twice, a webhook duplicate and out of
order."""

from __future__ import annotations

import hashlib
from typing import Any

import pytest

from tests.helpers import CITIZEN, DUTY, OTHER_WARD
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
    events = line.db.collection("tips").document(ref).collection("events").stream()
    return [e.to_dict() or {} for e in events]


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
