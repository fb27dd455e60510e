"""`route_event` on the emulators, with the Zalo stand-in over HTTP: delivery.

Pub/Sub delivers at least once, in any order, sometimes concurrently, and in
two CloudEvent modes; Zalo answers with errors, slowly, or not at all. Every
test here plays one of those against the real router (the functions framework),
the Firestore and Pub/Sub emulators and the stand-in.

Helpers shared with the other router tests are in tests/helpers.py.
"""

from __future__ import annotations

import base64
import json
import threading
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import functions_framework
import httpx
import pytest
from google.cloud import firestore
from werkzeug.serving import make_server

from shared import bootstrap
from shared.core.recipients import RecipientKind
from shared.store.collections import SendKind
from shared.store.ports import StorageError
from tests.conftest import APP_ID, APP_SECRET, OA_ID
from tests.helpers import (
    CITIZEN,
    COMMANDER,
    DUTY,
    DUTY_ID,
    TIP,
    alert_texts,
    alerts_to,
    deliver,
    escalate,
    on_duty,
    poll,
    pump,
    report,
    subscriber,
    take,
)
from tests.line import DAY, Line
from tests.sends import firestore_sends

pytestmark = pytest.mark.emulators

ROOT = Path(__file__).resolve().parents[1]
ROUTER_SOURCE = str(ROOT / "functions" / "router" / "main.py")


# --- the happy path -------------------------------------------------------------------


def test_a_tip_reaches_the_ward_duty_officer_and_the_citizen_is_acknowledged(line: Line) -> None:
    assert on_duty(line, "ward-27019", "duty_officer") == [DUTY_ID]  # the seed's roster at DAY
    line.citizen_says(CITIZEN, TIP)
    line.citizen_shares(CITIZEN, "10.7987", "106.6301")
    assert pump(line, 2) == [200, 200]
    tip = line.only_tip()
    assert tip["status"] == "routed" and tip["unit_id"] == "ward-27019"
    assert tip["classification"]["category"] == "drugs"
    assert [a["officer_id"] for a in line.alerts() if a["status"] == "sent"] == [DUTY_ID]
    (alert,) = line.texts(DUTY)
    assert alert.startswith(f"🔔 TIN BÁO MỚI {tip['ref']}")
    assert "Phường: Tân Sơn Nhì" in alert and "Loại: Ma túy" in alert
    assert "ma túy tại khách sạn" in alert and f"NHAN {tip['ref']}" in alert
    (ack,) = line.texts(CITIZEN)
    assert ack.startswith(
        f"Công an phường Tân Sơn Nhì đã tiếp nhận tin báo của anh/chị. Mã tin báo: {tip['ref']}"
    )
    assert "giữ bí mật" in ack


# --- redelivery ---------------------------------------------------------------------------


def test_the_same_message_delivered_three_times_alerts_each_officer_once(line: Line) -> None:
    line.citizen_says(CITIZEN, TIP)
    assert pump(line, times=3) == [200, 200, 200]
    ref = line.only_tip()["ref"]
    assert [a["officer_id"] for a in line.alerts()] == [DUTY_ID]
    assert len(line.texts(DUTY)) == 1
    assert len(line.texts(CITIZEN)) == 1
    assert line.tip(ref)["ladder"]["step"] == 1


def test_the_same_message_delivered_concurrently_alerts_each_officer_once(line: Line) -> None:
    line.citizen_says(CITIZEN, TIP)
    (body,) = take(line, 1)
    # The Flask test client is not thread-safe: one app and client per thread.
    clients = [
        functions_framework.create_app(target="route_event", source=ROUTER_SOURCE).test_client()
        for _ in range(3)
    ]
    start = threading.Barrier(len(clients))
    statuses: list[int] = []

    def push(client: Any) -> None:
        start.wait()
        statuses.append(client.post("/", json=body).status_code)

    threads = [threading.Thread(target=push, args=(c,)) for c in clients]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    # A delivery that lost a Firestore transaction race answers 5xx, so Pub/Sub
    # redelivers it; whatever won, the redelivery finds everything done.
    assert len(statuses) == len(clients) and 200 in statuses
    assert all(s == 200 or s >= 500 for s in statuses), statuses
    assert deliver(line, [body]) == [200]
    assert [a["officer_id"] for a in line.alerts()] == [DUTY_ID]
    assert len(line.texts(DUTY)) == 1
    assert len(line.texts(CITIZEN)) == 1


def failing_once(method: Callable[..., Any], when: Callable[..., bool]) -> Callable[..., Any]:
    """`method`, its first call that `when` accepts failing as the Firestore store
    fails when Google's client gives up on a call (a StorageError); the rest pass."""
    left = [1]

    def call(*args: Any, **kwargs: Any) -> Any:
        if left[0] and when(*args):
            left[0] = 0
            raise StorageError("DeadlineExceeded")
        return method(*args, **kwargs)

    return call


@pytest.mark.parametrize("fails", ["recording-what-zalo-took", "looking-up-the-citizen"], ids=str)
def test_a_firestore_failure_in_the_citizens_code_is_finished_by_the_redelivery_once(
    line: Line, monkeypatch: pytest.MonkeyPatch, fails: str
) -> None:
    """The code's send, claimed with the routing, breaks off on a Firestore failure
    (the write that records what Zalo answered, or the citizen's contact read before
    sending): the router answers 500 and Pub/Sub redelivers. The redelivery finishes
    that send at once, never twice, rather than finding it claimed and leaving the
    citizen waiting for the sweep until the claim lapses. (Redelivered to another
    instance, the sweep takes it up then, as after a crash.)"""
    dispatch = bootstrap.get_router().tips.pager.dispatch
    reached_zalo = fails == "recording-what-zalo-took"
    if reached_zalo:
        to_reply = lambda kind, *_: kind is SendKind.REPLY  # noqa: E731
        monkeypatch.setattr(
            dispatch.store, "finish_send", failing_once(dispatch.store.finish_send, to_reply)
        )
    else:
        to_citizen = lambda to, *_: to.kind is RecipientKind.REPORTER  # noqa: E731
        lookup = failing_once(dispatch.recipients.zalo_id, to_citizen)
        monkeypatch.setattr(dispatch.recipients, "zalo_id", lookup)
    line.citizen_says(CITIZEN, TIP)
    bodies = take(line, 1)
    assert deliver(line, bodies) == [500]
    ref = line.only_tip()["ref"]
    code = firestore_sends(line.db, "replies").get(f"ack:{ref}")
    assert code["status"] == "sending" and code["attempts"] == 1
    assert len(line.texts(CITIZEN)) == (1 if reached_zalo else 0)

    assert deliver(line, bodies) == [200]
    code = firestore_sends(line.db, "replies").get(f"ack:{ref}")
    assert code["status"] == "sent" and code["attempts"] == 1 and code["due_at"] is None
    (text,) = line.texts(CITIZEN)
    assert f"Mã tin báo: {ref}" in text
    assert len(line.texts(DUTY)) == 1 and {a["status"] for a in line.alerts()} == {"sent"}


# --- CloudEvents as the functions framework receives them -------------------------------------


def tip_event_data(line: Line) -> tuple[str, dict[str, Any]]:
    """The published TipEvent of a citizen's tip, base64, and its attributes."""
    line.citizen_says(CITIZEN, TIP)
    (body,) = take(line, 1)
    return body["message"]["data"], body["message"]["attributes"]


def message_published(data: str, attributes: dict[str, str]) -> dict[str, Any]:
    # The shape of googleapis/google-cloudevents
    # testdata/google/events/cloud/pubsub/v1/MessagePublishedData-text.json, its data replaced.
    return {
        "subscription": "projects/tinbao-test/subscriptions/tinbao-events-router",
        "message": {
            "@type": "type.googleapis.com/google.pubsub.v1.PubsubMessage",
            "attributes": attributes,
            "data": data,
            "messageId": "3103425958877813",
            "publishTime": "2026-12-01T02:00:00.386Z",
        },
    }


CE_ATTRIBUTES = {
    "specversion": "1.0",
    "type": "google.cloud.pubsub.topic.v1.messagePublished",
    "source": "//pubsub.googleapis.com/projects/tinbao-test/topics/tinbao-events",
    "id": "3103425958877813",
    "time": "2026-12-01T02:00:00.386Z",
}


def test_a_binary_mode_cloudevent_is_routed(line: Line) -> None:
    data, attributes = tip_event_data(line)
    response = line.router.post(
        "/",
        data=json.dumps(message_published(data, attributes)),
        headers={
            "Content-Type": "application/json",
            **{f"ce-{k}": v for k, v in CE_ATTRIBUTES.items()},
        },
    )
    assert response.status_code == 200
    assert line.only_tip()["status"] == "routed"
    assert len(line.texts(DUTY)) == 1


def test_a_structured_mode_cloudevent_is_routed(line: Line) -> None:
    data, attributes = tip_event_data(line)
    event = {
        **CE_ATTRIBUTES,
        "datacontenttype": "application/json",
        "data": message_published(data, attributes),
    }
    response = line.router.post(
        "/", data=json.dumps(event), headers={"Content-Type": "application/cloudevents+json"}
    )
    assert response.status_code == 200
    assert line.only_tip()["status"] == "routed"
    assert len(line.texts(DUTY)) == 1


@pytest.mark.parametrize(
    "data",
    [
        "not base64 at all!",
        base64.b64encode(b'{"hello": "world"}').decode(),
        base64.b64encode(b"\xff\xfe not json").decode(),
    ],
    ids=["not-base64", "not-a-tip-event", "not-json"],
)
def test_a_malformed_message_is_acknowledged_logged_and_changes_nothing(
    line: Line, data: str, capsys: pytest.CaptureFixture[str]
) -> None:
    line.citizen_says(CITIZEN, TIP)
    (body,) = take(line, 1)
    body["message"]["data"] = data
    capsys.readouterr()
    assert deliver(line, [body]) == [200]
    assert "router.malformed_message" in capsys.readouterr().out
    assert line.only_tip()["status"] == "received"
    assert line.alerts() == []
    assert line.texts(DUTY) == [] and line.texts(CITIZEN) == []


# --- the emulator's own push ------------------------------------------------------------------


@pytest.fixture
def pushed(line: Line) -> Iterator[Line]:
    """A real push subscription of the events topic to the router served over HTTP."""
    app = functions_framework.create_app(target="route_event", source=ROUTER_SOURCE)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    name = line.env.topics["router"] + "-push"
    subscriber().create_subscription(
        request={
            "name": name,
            "topic": line.env.topics["events"],
            "push_config": {"push_endpoint": f"http://127.0.0.1:{server.server_port}/"},
            "ack_deadline_seconds": 60,
        }
    )
    try:
        yield line
    finally:
        subscriber().delete_subscription(request={"subscription": name})
        server.shutdown()


def test_the_emulator_pushes_a_tip_to_the_router_and_the_duty_officer_is_alerted(
    pushed: Line,
) -> None:
    pushed.citizen_says(CITIZEN, TIP)
    (alert,) = poll(lambda: pushed.texts(DUTY))
    ref = pushed.only_tip()["ref"]
    assert alert.startswith(f"🔔 TIN BÁO MỚI {ref}")
    assert poll(lambda: pushed.texts(CITIZEN))[0].startswith("Công an phường Tân Sơn Nhì")


# --- Zalo's answers -----------------------------------------------------------------------------


def test_a_token_rotated_elsewhere_while_kept_in_memory_costs_one_refusal_not_a_refresh(
    line: Line,
) -> None:
    # The router keeps the access token it read (no read per send); another
    # instance then refreshes it: Zalo refuses the kept one, the router finds the
    # stored token changed and sends with it, without spending the refresh token.
    line.citizen_says(CITIZEN, TIP)
    assert pump(line) == [200]
    assert len(line.texts(DUTY)) == 1
    line.standin.set_tokens("standin-access-elsewhere", "standin-refresh-elsewhere")
    line.db.collection("oa_tokens").document(OA_ID).update(
        {"access_token": "standin-access-elsewhere", "refresh_token": "standin-refresh-elsewhere"}
    )
    other = "8471209356612347999"
    line.citizen_says(other, "co nguoi danh nhau truoc cho Tan Son Nhi, toi lam")
    assert pump(line) == [200]
    assert line.texts(other), "the second citizen's acknowledgement went out"
    assert line.standin.deliveries()["refreshes"] == 0
    stored = line.db.collection("oa_tokens").document(OA_ID).get().to_dict() or {}
    assert stored["refresh_token"] == "standin-refresh-elsewhere"


def test_a_refused_token_is_refreshed_stored_and_the_alert_sent_once(line: Line) -> None:
    line.standin.set_tokens("standin-access-0", "standin-refresh-0")  # valid on its clock
    line.standin.fault(DUTY, error=-216, times=1)
    line.citizen_says(CITIZEN, TIP)
    assert pump(line) == [200]
    assert len(line.texts(DUTY)) == 1
    assert line.standin.deliveries()["refreshes"] == 1
    tokens = line.db.collection("oa_tokens").document(OA_ID).get().to_dict() or {}
    assert tokens["access_token"].startswith("standin-access-")
    assert tokens["access_token"] != "standin-access-0"
    assert tokens["refresh_token"] != "standin-refresh-0"
    assert tokens["refreshing_until"] is None
    # The old refresh token died with the refresh; the stored one is the live one.
    old = httpx.post(
        f"{line.standin_url}/v4/oa/access_token",
        headers={"secret_key": APP_SECRET},
        data={
            "refresh_token": "standin-refresh-0",
            "app_id": APP_ID,
            "grant_type": "refresh_token",
        },
    ).json()
    assert "access_token" not in old
    (alert,) = alerts_to(line, DUTY_ID)
    assert alert["status"] == "sent" and alert["attempts"] == 1


def test_an_officer_without_interaction_in_7_days_is_unreachable_and_the_ladder_climbs(
    line: Line,
) -> None:
    line.standin.fault(DUTY, error=-230)
    ref = report(line)
    tip = line.tip(ref)
    assert tip["unreachable"] == [DUTY_ID]
    assert tip["ladder"]["step"] == 2  # the duty officer and the commander, now
    assert line.texts(DUTY) == []
    (alert,) = alert_texts(line, COMMANDER, ref)
    assert "Phường: Tân Sơn Nhì" in alert
    assert {a["status"] for a in alerts_to(line, DUTY_ID)} == {"unreachable"}


@pytest.mark.parametrize(
    "fault",
    [{"error": -32}, {"http_status": 500}, {"delay": 6.0}],
    ids=["rate-limited", "http-500", "timeout"],
)
def test_a_passing_zalo_failure_keeps_its_retry_time_through_redeliveries_then_is_sent_once(
    line: Line, fault: dict[str, Any]
) -> None:
    line.standin.fault(DUTY, times=1, **fault)
    line.citizen_says(CITIZEN, TIP)
    bodies = take(line, 1)
    # The retry is recorded with its time: the router acknowledges, and Pub/Sub's
    # redeliveries before that time try nothing (no attempt is burnt).
    assert deliver(line, bodies, times=3) == [200, 200, 200]
    (alert,) = alerts_to(line, DUTY_ID)
    assert alert["status"] == "failed" and alert["attempts"] == 1
    assert alert["next_retry_at"] == line.clock.now() + timedelta(minutes=1)
    line.clock.advance(minutes=1)
    assert escalate(line).sent == 1
    (alert,) = alerts_to(line, DUTY_ID)
    assert alert["status"] == "sent" and alert["attempts"] == 2
    # A timed-out send may still have reached Zalo (it has no idempotency key):
    # the stand-in keeps what it accepted late. Exactly one send was answered.
    answered = [m for m in line.standin.inbox(DUTY) if not m["delayed"]]
    assert len(answered) == 1
    assert len(line.texts(CITIZEN)) == 1  # the acknowledgement was not repeated
    assert deliver(line, bodies) == [200]
    assert len(line.standin.inbox(DUTY)) == (2 if "delay" in fault else 1)


# --- the roster -------------------------------------------------------------------------------


def test_an_inactive_duty_officer_is_skipped_and_the_commander_is_alerted_at_once(
    line: Line,
) -> None:
    line.db.collection("officers").document(DUTY_ID).update({"active": False})
    ref = report(line)
    assert line.texts(DUTY) == []
    assert len(alert_texts(line, COMMANDER, ref)) == 1
    assert line.tip(ref)["ladder"]["step"] == 2


def test_a_duty_officer_not_enrolled_on_zalo_is_unreachable_and_the_commander_is_alerted(
    line: Line,
) -> None:
    line.db.collection("officers").document(DUTY_ID).update(
        {"zalo_user_id": firestore.DELETE_FIELD}
    )
    ref = report(line)
    assert line.tip(ref)["unreachable"] == [DUTY_ID]
    assert len(alert_texts(line, COMMANDER, ref)) == 1


def test_at_night_the_night_shift_duty_officer_is_alerted(line: Line) -> None:
    line.clock.current = DAY.replace(hour=14)  # 21:00 in Ho Chi Minh City
    assert on_duty(line, "ward-27019", "duty_officer") == ["cb-27019-3"]
    ref = report(line)
    assert len(alert_texts(line, "demo-officer-27019-3", ref)) == 1
    assert line.texts(DUTY) == []


def test_a_change_on_a_tip_read_before_keeps_what_another_process_wrote_since(
    line: Line,
) -> None:
    """`change_tip(seen=...)` decides on the tip an earlier read found, without
    reading it again (issue 18), and is written only if nobody changed the tip
    since: here another process notes the tip in between, and neither note is lost."""
    from shared.core import tip as tip_core
    from shared.store.line import FirestoreLine
    from tests.conftest import databases

    line.citizen_says(CITIZEN, TIP)
    assert set(line.pump()) == {200}
    ref = line.only_tip()["ref"]
    store, now = FirestoreLine(databases()), line.clock.now()

    def noted(msg: str) -> Any:
        written = tip_core.TipNote("cb-27019-01", "Trung úy A", "ward:27019", now, msg, msg)
        return lambda t: tip_core.note(t, written)

    looked = store.change_tip(ref, lambda t: None, now)  # decides nothing: the router's look
    assert looked.seen is not None
    store.change_tip(ref, noted("other"), now)  # another process, meanwhile
    applied = store.change_tip(ref, noted("mine"), now, seen=looked.seen)

    assert applied.change is not None and applied.tip is not None
    assert [n.text for n in applied.tip.notes] == ["other", "mine"]
    assert [n["text"] for n in line.tip(ref)["notes"]] == ["other", "mine"]


def test_a_tip_read_without_a_transaction_is_changed_only_as_it_was_read(line: Line) -> None:
    """`read_tip` (a new tip's first delivery, before it is routed) gives the token a
    `change_tip(seen=...)` then decides on without reading the tip again; a change
    written by another process in between is kept (the tip is read again)."""
    from shared.core import tip as tip_core
    from shared.store.line import FirestoreLine
    from tests.conftest import databases

    line.citizen_says(CITIZEN, TIP)
    assert set(line.pump()) == {200}
    ref = line.only_tip()["ref"]
    store, now = FirestoreLine(databases()), line.clock.now()
    assert store.read_tip("TB-AAAAAA").tip is None

    def noted(msg: str) -> Any:
        written = tip_core.TipNote("cb-27019-01", "Trung úy A", "ward:27019", now, msg, msg)
        return lambda t: tip_core.note(t, written)

    looked = store.read_tip(ref)
    assert looked.tip is not None and looked.tip.ref == ref and looked.seen is not None
    store.change_tip(ref, noted("other"), now)  # another process, meanwhile
    applied = store.change_tip(ref, noted("mine"), now, seen=looked.seen)
    assert applied.tip is not None
    assert [n.text for n in applied.tip.notes] == ["other", "mine"]
    unchanged = store.read_tip(ref)
    applied = store.change_tip(ref, noted("again"), now, seen=unchanged.seen)
    assert [n["text"] for n in line.tip(ref)["notes"]] == ["other", "mine", "again"]
