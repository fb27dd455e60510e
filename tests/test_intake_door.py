"""Nothing lost at the door, on the emulators, through the webhook: Firestore slow
or down (the event waits in Pub/Sub and the router stores it), Firestore refusing
a message for good (kept raw, the citizen still answered), one citizen's
simultaneous photos, and a pseudonym key rotated under a conversation.

What each person receives is read from the Zalo stand-in; Zalo does not retry a
non-200 answer here (the stand-in's default), so nothing relies on a retry.
"""

from __future__ import annotations

import concurrent.futures
import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest

from shared import bootstrap
from shared.store.admin import tip_trail
from shared.store.collections import PARTS
from shared.store.ports import Quarantined, StorageError
from shared.zalo.inbound import MAX_BODY_BYTES
from tests.conftest import APP_ID
from tests.helpers import CITIZEN, DUTY, TIP, alert_texts, firestore_size
from tests.line import Line
from tests.webhook_client import fresh, post, sample, text_event, webhook_app

pytestmark = pytest.mark.emulators
KEPT = "Tin nhắn của anh/chị đã được lưu lại nhưng hệ thống chưa đọc được tự động."


@contextmanager
def budget(seconds: float, fallback: float = 0.4) -> Iterator[None]:
    """The webhook's production budget (the tests' is generous: see conftest)."""
    hook = bootstrap.get_webhook()
    before = hook.settings
    hook.settings = before.model_copy(
        update={
            "tinbao_webhook_budget_seconds": seconds,
            "tinbao_webhook_fallback_seconds": fallback,
        }
    )
    try:
        yield
    finally:
        hook.settings = before


def docs(line: Line, collection: str) -> dict[str, dict[str, Any]]:
    return {s.id: s.to_dict() or {} for s in line.db.collection(collection).stream()}


def routed_once(line: Line, ref: str) -> bool:
    events = tip_trail(line.db.collection("tips").document(ref).get())
    return [e["kind"] for e in events].count("routed") == 1


# --- Firestore slow or down ----------------------------------------------------------------


def test_firestore_frozen_the_citizen_is_answered_200_and_the_router_stores_the_tip_later(
    line: Line,
) -> None:
    with budget(1.5):
        line.env.stack.firestore.freeze()  # accepts connections, answers nothing: slow
        try:
            sent = line.citizen_says(CITIZEN, TIP)
            located = line.citizen_shares(CITIZEN, "10.8012", "106.6285")
        finally:
            line.env.stack.firestore.thaw()
    assert sent["status"] == located["status"] == 200, (sent, located)
    assert docs(line, "messages") == {}  # nothing in Firestore yet: it waits in Pub/Sub
    assert set(line.pump()) == {200}
    messages = docs(line, "messages")
    assert set(messages) == {f"{APP_ID}:{sent['msg_id']}", f"{APP_ID}:{located['msg_id']}"}
    tip = line.only_tip()
    assert tip["message_count"] == 2 and tip["status"] == "routed" and routed_once(line, tip["ref"])
    # In the order the citizen sent them: the tip, then the location it gained.
    alert, update = line.texts(DUTY)
    assert alert.startswith(f"🔔 TIN BÁO MỚI {tip['ref']}") and "ma túy" in alert
    assert update.startswith(f"Tin báo {tip['ref']} có thêm thông tin") and "maps.google" in update
    (ack,) = line.texts(CITIZEN)
    assert tip["ref"] in ack


def test_firestore_frozen_a_follow_an_odd_shape_and_a_rotated_key_are_each_deferred_in_time(
    line: Line, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each of these paths reaches Firestore by a call of its own (a follow's contact and
    # commit, the quarantine's commit, the read that picks which of two pseudonyms a
    # citizen is known by): each is bounded by the storage budget itself, so the citizen
    # is answered in time and no storage call outlives its request.
    monkeypatch.setenv("TINBAO_PSEUDONYM_KEY_PREVIOUS", "test-pseudonym-key-5555")
    monkeypatch.setenv("TINBAO_PSEUDONYM_KEY", "rotated-pseudonym-key-7777")
    clock = bootstrap.get_webhook().clock
    bootstrap.reset()
    bootstrap.get_webhook().clock = clock
    bootstrap.get_router().clock = clock
    at = line.clock.now()
    odd = text_event("xe may dau truoc cong cho", "m-odd", user=CITIZEN)
    odd["sender"]["id"] = int(CITIZEN)  # a number where Zalo sends a string: kept raw
    events = {
        "follow": fresh(sample("follow"), at),
        "shape": fresh(odd, at),
        "rotated": fresh(text_event("co nguoi la lai vang quanh nha", "m-rot", user=CITIZEN), at),
    }
    answers, took = {}, {}
    with budget(1.5):
        line.env.stack.firestore.freeze()
        try:
            for name, event in events.items():
                started = time.monotonic()
                answers[name] = post(webhook_app(), event)
                took[name] = time.monotonic() - started
        finally:
            line.env.stack.firestore.thaw()
    assert {n: (a.status_code, a.json["status"]) for n, a in answers.items()} == {
        n: (200, "deferred") for n in events
    }
    assert max(took.values()) < 1.5, took
    # The store itself, past the webhook's wait: each call ends at its deadline.
    store = bootstrap.get_webhook().door.store
    kept_raw = Quarantined("k-frozen", "shape", "sender.id", at, b"{}")
    calls = {
        "quarantine": lambda d: store.quarantine(kept_raw, 30, d),
        "follow": lambda d: store.record_follow("f", "oa", "app", "r_x", "u", True, at, 30, d),
        "resolve": lambda d: store.resolve_reporter(("r_new", "r_old"), d),
    }
    ended = {}
    line.env.stack.firestore.freeze()
    try:
        for name, call in calls.items():
            started = time.monotonic()
            with pytest.raises(StorageError):
                call(started + 0.3)
            ended[name] = time.monotonic() - started
    finally:
        line.env.stack.firestore.thaw()
    assert max(ended.values()) < 1.0, ended
    assert set(line.pump()) == {200}  # the router stores each as the webhook would have
    # The direct call's own commit may still land after the thaw (a deadline gives up the
    # wait, it does not recall a commit already sent): only the webhook's event is asked for.
    (kept,) = (d for key, d in docs(line, "quarantine").items() if key != kept_raw.key)
    assert kept["reason"] == "shape"
    assert any(s.get("following") is True for s in docs(line, "senders").values())
    assert len(docs(line, "tips")) == 1


def test_a_deferred_event_delivered_twice_and_late_is_stored_and_routed_once(line: Line) -> None:
    with budget(1.5):
        line.env.stack.firestore.freeze()
        try:
            sent = line.citizen_says(CITIZEN, TIP)
        finally:
            line.env.stack.firestore.thaw()
    assert sent["status"] == 200
    assert set(line.pump(times=3, shuffle=True)) == {200}
    assert len(docs(line, "messages")) == 1 and len(docs(line, "tips")) == 1
    tip = line.only_tip()
    assert routed_once(line, tip["ref"]) and len(alert_texts(line, DUTY, tip["ref"])) == 1
    assert len(line.texts(CITIZEN)) == 1


# --- Firestore refusing for good ----------------------------------------------------------------


def test_a_message_firestore_refuses_is_kept_raw_and_the_citizen_still_answered(
    line: Line,
) -> None:
    # A text as long as the webhook takes: its message cannot be one Firestore document.
    text = "Toi bi lua dao qua mang, xin giup do. " * ((MAX_BODY_BYTES - 400) // 38)
    sent = line.citizen_says(CITIZEN, text)
    assert sent["status"] == 200
    assert docs(line, "messages") == {} and docs(line, "tips") == {}
    key = f"{APP_ID}:{sent['msg_id']}"
    kept = docs(line, "quarantine")[key]
    assert kept["reason"] == "refused" and "InvalidArgument" in kept["detail"]
    parts = line.db.collection("quarantine").document(key).collection(PARTS).stream()
    raw = kept["raw"] + b"".join(p.to_dict()["raw"] for p in sorted(parts, key=lambda p: p.id))
    assert len(raw) == kept["raw_bytes"] and json.loads(raw)["message"]["text"] == text
    assert line.pump() == [200]
    (answer,) = line.texts(CITIZEN)
    assert answer.startswith(KEPT)
    assert docs(line, "quarantine")[key]["answered"] is True
    assert line.pump() == []  # answered once


def test_text_firestore_cannot_encode_is_kept_raw_not_a_500(line: Line) -> None:
    event = text_event("co nguoi \ud83d danh nhau", "m-surrogate", user=CITIZEN)  # a lone surrogate
    event["timestamp"] = str(int(line.clock.now().timestamp() * 1000))
    raw = json.dumps(event).encode()  # as JSON allows: the escape is ASCII
    line.standin.record_interaction(CITIZEN)  # it came from them: the OA may answer
    response = post(webhook_app(), raw)
    assert response.status_code == 200 and response.json["status"] == "quarantined"
    (kept,) = docs(line, "quarantine").values()
    assert kept["reason"] == "refused"
    assert line.pump() == [200] and line.texts(CITIZEN)[0].startswith(KEPT)


# --- one citizen, many at once -----------------------------------------------------------------


def test_fifty_photos_from_one_citizen_at_once_are_all_answered_200_and_stored(
    line: Line,
) -> None:
    with budget(1.5), concurrent.futures.ThreadPoolExecutor(25) as pool:
        sent = list(
            pool.map(
                lambda n: line.standin.send_image(
                    CITIZEN, f"https://f21-zpc.zdn.vn/jpg/hien-truong-{n}.jpg"
                ),
                range(50),
            )
        )
    assert [s["status"] for s in sent] == [200] * 50
    assert set(line.pump()) == {200}  # deferred ones are stored by the router now
    messages = docs(line, "messages")
    assert set(messages) == {f"{APP_ID}:{s['msg_id']}" for s in sent}
    tip = line.only_tip()
    assert tip["message_count"] == 50 and tip["attachments_total"] == 50
    assert sorted(m["seq"] for m in messages.values()) == list(range(1, 51))
    assert len(tip["attachments"]) == 10  # the first five and the latest five
    assert firestore_size(f"tips/{tip['ref']}", tip) < 96 * 1024


# --- a rotated pseudonym key ---------------------------------------------------------------------


def test_a_rotated_pseudonym_key_keeps_the_citizens_open_tip(
    line: Line, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = line.citizen_says(CITIZEN, TIP)
    assert line.pump() == [200]
    ref = line.only_tip()["ref"]
    monkeypatch.setenv("TINBAO_PSEUDONYM_KEY_PREVIOUS", "test-pseudonym-key-5555")
    monkeypatch.setenv("TINBAO_PSEUDONYM_KEY", "rotated-pseudonym-key-6666")
    clock = bootstrap.get_webhook().clock
    bootstrap.reset()
    bootstrap.get_webhook().clock = clock
    router = bootstrap.get_router()
    router.clock = clock
    line.citizen_says(CITIZEN, "Ho van con o day, phong 302")
    assert line.pump() == [200]
    assert len(docs(line, "tips")) == 1 and line.tip(ref)["message_count"] == 2
    assert first["status"] == 200
    # A citizen new since the rotation gets a pseudonym of the new key.
    line.citizen_says("8471209356612347999", "Co danh bac o hem 12 phuong Tan Son Nhi")
    assert line.pump() == [200]
    assert len(docs(line, "senders")) == 2
