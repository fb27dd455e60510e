"""`zalo_webhook` through the real functions framework on the real emulators."""

from __future__ import annotations

import ast
import concurrent.futures
import copy
import io
import json
import sys
import threading
from contextlib import redirect_stdout
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from shared import bootstrap
from shared.core.refcode import is_code
from shared.moving_clocks import FixedClock
from shared.settings import ConfigError
from tests.conftest import APP_ID, APP_SECRET, OA_ID, Env, databases, load_sample
from tests.webhook_client import (
    encode,
    location_event,
    post,
    sample,
    signed_headers,
    text_event,
    webhook_app,
    webhook_server,
)
from tests.webhook_client import (
    fresh as sample_now,
)

pytestmark = pytest.mark.emulators
TIP_TEXT = (
    "Có nhóm thanh niên sử dụng ma túy tại khách sạn trên đường Tân Sơn Nhì, phường Tân Sơn Nhì"
)
USER = "246845883529197922"


def db() -> Any:
    return databases()


def count(collection: str) -> int:
    return len(list(db().collection(collection).stream()))


def nothing_stored() -> bool:
    return all(count(c) == 0 for c in ("messages", "tips", "reporters", "senders", "quarantine"))


def fixed_clock() -> FixedClock:
    clock = FixedClock()
    bootstrap.get_webhook().clock = clock
    return clock


# --- every sample ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "status", "kind"),
    [
        ("user_send_text", "stored", "tip"),
        ("user_send_location", "stored", "tip"),
        ("user_send_image", "stored", "tip"),
        ("user_send_file", "stored", "tip"),
        ("user_send_link", "stored", "tip"),
        ("user_send_sticker", "stored", "chat"),
    ],
)
def test_every_user_message_sample_is_stored_once(
    env: Env, name: str, status: str, kind: str
) -> None:
    client = webhook_app()
    response = post(client, sample(name))
    assert response.status_code == 200, response.json
    assert response.json["status"] == status
    assert response.json["kind"] == kind
    assert count("messages") == 1
    assert count("tips") == (1 if kind == "tip" else 0)


@pytest.mark.parametrize("name", ["user_received_message", "user_seen_message"])
def test_receipts_are_accepted_and_not_stored(env: Env, name: str) -> None:
    response = post(webhook_app(), sample(name))
    assert response.status_code == 200
    assert response.json["status"] == "ignored"
    assert nothing_stored()


def test_follow_records_the_interaction_once_and_publishes_a_follow(env: Env) -> None:
    client = webhook_app()
    follow = sample("follow")
    assert post(client, follow).json["status"] == "recorded"
    assert post(client, follow).json["status"] == "duplicate"
    assert count("tips") == 0 and count("reporters") == 1
    messages = env.drain()
    assert [m.attributes["kind"] for m in messages] == ["follow"]
    assert post(client, sample("unfollow")).json["status"] == "recorded"
    (contact,) = [s.to_dict() or {} for s in db().collection("reporters").stream()]
    (sender,) = [s.to_dict() or {} for s in db().collection("senders").stream()]
    # Who they are in contacts (created once); whether they follow, pseudonymous, in main.
    assert contact["zalo_user_id"] and "following" not in contact
    assert sender["following"] is False and "zalo_user_id" not in sender


def test_console_test_event_gets_200_unsigned_and_stores_nothing(env: Env) -> None:
    raw = encode(load_sample("console_test"))
    response = webhook_app().post("/", data=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 200
    assert nothing_stored()


def test_unknown_event_names_are_accepted_logged_and_not_stored(env: Env) -> None:
    event = sample("user_send_text") | {"event_name": "oa_send_text"}
    out = io.StringIO()
    with redirect_stdout(out):
        response = post(webhook_app(), event)
    assert response.status_code == 200 and response.json["status"] == "ignored"
    assert nothing_stored()
    assert any(
        json.loads(line)["event"] == "webhook.ignored" for line in out.getvalue().splitlines()
    )


OTHERS = sorted((Path(__file__).parent / "fixtures" / "zalo" / "others").glob("*.json"))


def as_ours(event: dict[str, Any]) -> dict[str, Any]:
    """Another project's payload as Zalo would send it to our app and OA, now."""
    event = sample_now(copy.deepcopy(event))
    event["app_id"] = APP_ID
    if event["event_name"] in ("user_received_message", "user_seen_message"):
        event["sender"]["id"] = OA_ID  # receipts come from the OA's side
    elif "recipient" in event:
        event["recipient"]["id"] = OA_ID
    if "oa_id" in event:
        event["oa_id"] = OA_ID
    return event


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.stem)
def test_payloads_others_send_are_taken_never_refused(env: Env, path: Path) -> None:
    event = as_ours(json.loads(path.read_text(encoding="utf-8")))
    response = post(webhook_app(), event)
    assert response.status_code == 200, response.json
    name = event["event_name"]
    if event.get("message", {}).get("msg_id") == "This is message id":
        assert nothing_stored()  # the console's Test button
    elif name.startswith("user_send_"):
        assert response.json["status"] == "stored", response.json
        (message,) = [s.to_dict() for s in db().collection("messages").stream()]
        assert message["text"] == (event["message"].get("text") or "").strip()
    elif name == "follow":
        assert response.json["status"] == "recorded"
    else:
        assert response.json["status"] == "ignored"
    assert count("quarantine") == 0


# --- signatures ---------------------------------------------------------------------


def test_signature_edge_cases_get_401_and_change_nothing(env: Env) -> None:
    client = webhook_app()
    raw = encode(sample("user_send_text"))
    good = signed_headers(raw)["X-ZEvent-Signature"]
    mac = good.removeprefix("mac=")
    respaced = json.dumps(json.loads(raw), indent=2, ensure_ascii=False).encode()
    changed = raw.replace("ma túy".encode(), "ma tuý".encode())
    cases = {
        "missing": (raw, {}),
        "app secret": (raw, signed_headers(raw, key=APP_SECRET)),
        "wrong key": (raw, signed_headers(raw, key="another-key")),
        "re-serialised body": (respaced, {"X-ZEvent-Signature": good}),
        "changed byte": (changed, {"X-ZEvent-Signature": good}),
        "truncated": (raw, {"X-ZEvent-Signature": good[:-2]}),
        "other scheme": (raw, {"X-ZEvent-Signature": "sha256=" + mac}),
    }
    for name, (body, headers) in cases.items():
        response = client.post("/", data=body, headers=headers)
        assert response.status_code == 401, name
        assert "error" in response.json, name
    assert nothing_stored()


@pytest.mark.parametrize("header", ["mac={}", "{}", "MAC={}", "mac={upper}", "{upper}"])
def test_signature_with_or_without_prefix_in_any_case_is_accepted(env: Env, header: str) -> None:
    raw = encode(sample("user_send_text"))
    mac = signed_headers(raw)["X-ZEvent-Signature"].removeprefix("mac=")
    value = header.format(mac, upper=mac.upper()) if "upper" in header else header.format(mac)
    response = webhook_app().post("/", data=raw, headers={"X-ZEvent-Signature": value})
    assert response.status_code == 200


def test_unknown_app_and_unknown_oa_get_403(env: Env) -> None:
    client = webhook_app()
    other_app = sample("user_send_text") | {"app_id": "111"}
    assert post(client, other_app).status_code == 403
    other_oa = copy.deepcopy(sample("user_send_text"))
    other_oa["recipient"]["id"] = "999"
    response = post(client, other_oa)
    assert response.status_code == 403 and response.json["error"] == "unknown OA"
    assert nothing_stored()


# --- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda e: e.update(timestamp=1612345678901), "timestamp"),
        (lambda e: e.pop("app_id"), "app_id"),
    ],
)
def test_what_cannot_be_verified_gets_400_naming_the_field(
    env: Env, mutate: Any, field: str
) -> None:
    event = copy.deepcopy(sample("user_send_text"))
    mutate(event)
    raw = encode(event)
    response = webhook_app().post("/", data=raw, headers={"X-ZEvent-Signature": "mac=" + "0" * 64})
    assert response.status_code == 400, response.json
    assert response.json["field"] == field
    assert nothing_stored()


@pytest.mark.parametrize(
    ("mutate", "field"),
    [
        (lambda e: e["sender"].update(id=246845883529197922), "sender.id"),
        (lambda e: e["message"].pop("msg_id"), "message.msg_id"),
        (lambda e: e.pop("recipient"), "recipient"),
        (lambda e: e["message"].update(text=["a"]), "message.text"),
    ],
)
def test_a_signed_event_of_an_unexpected_shape_is_kept_raw_and_answered_200(
    env: Env, mutate: Any, field: str
) -> None:
    event = copy.deepcopy(sample("user_send_text"))
    mutate(event)
    raw = encode(event)
    response = post(webhook_app(), raw)
    assert response.status_code == 200, response.json
    assert response.json["status"] == "quarantined"
    (kept,) = [s.to_dict() for s in db().collection("quarantine").stream()]
    assert kept["raw"] == raw and kept["reason"] == "shape" and kept["detail"].startswith(field)
    assert kept["expire_at"] - kept["received_at"] == timedelta(days=30)
    assert count("messages") == 0 and count("tips") == 0
    # Zalo's retry of the same event finds it kept.
    assert post(webhook_app(), raw).json["status"] == "quarantined"
    assert count("quarantine") == 1


def test_broken_json_and_invalid_utf8_get_400(env: Env) -> None:
    client = webhook_app()
    header = {"X-ZEvent-Signature": "mac=" + "a" * 64}
    for body in (b'{"app_id": ', b"\xff\xfe{}", b"[]", b"null"):
        response = client.post("/", data=body, headers=header)
        assert response.status_code == 400, body
        assert response.json["field"] == "body"
    assert nothing_stored()


def test_body_over_one_mebibyte_gets_413(env: Env) -> None:
    event = text_event("x" * 100, "big")
    event["padding"] = "y" * (1024 * 1024)
    response = post(webhook_app(), event)
    assert response.status_code == 413
    assert nothing_stored()


@pytest.mark.parametrize("method", ["get", "put", "delete", "patch"])
def test_methods_other_than_post_get_405(env: Env, method: str) -> None:
    response = getattr(webhook_app(), method)("/")
    assert response.status_code == 405


def test_coordinates_outside_the_globe_are_kept_raw_not_refused(env: Env) -> None:
    response = post(webhook_app(), location_event("91.5", "106.63", "m-bad"))
    assert response.status_code == 200 and response.json["status"] == "quarantined"
    (kept,) = [s.to_dict() for s in db().collection("quarantine").stream()]
    assert "latitude" in kept["detail"] and count("tips") == 0
    # The citizen is answered: the router learns of the kept event.
    (message,) = env.drain()
    assert message.attributes["kind"] == "quarantined"
    assert json.loads(message.data)["message_id"] == f"{APP_ID}:m-bad"


# --- de-duplication -----------------------------------------------------------------------


def test_same_delivery_twice_stores_one_message(env: Env) -> None:
    client = webhook_app()
    event = sample("user_send_text")
    first, second = post(client, event), post(client, event)
    assert first.json["status"] == "stored" and second.json["status"] == "duplicate"
    assert second.json["tip"] == first.json["tip"]
    assert count("messages") == 1 and count("tips") == 1
    assert len(env.drain()) == 1


def test_same_delivery_eight_times_at_once_stores_one_message(env: Env) -> None:
    event = sample("user_send_text")
    app = webhook_server()  # one app, built before the burst (webhook_server says why)
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(lambda _: post(app.test_client(), event).json["status"], range(8)))
    assert statuses.count("stored") == 1 and statuses.count("duplicate") == 7
    assert count("messages") == 1 and count("tips") == 1
    assert len(env.drain()) == 1


def test_the_webhook_app_parses_no_python_while_it_serves_requests_at_once(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CPython before 3.11.8 (this machine's 3.11.7) keeps one AST-building depth for
    all threads: `ast.parse` in two threads at once can fail with "SystemError: AST
    constructor recursion depth mismatch" (gh-106905). Werkzeug parses its URL rules
    when the app is built, which the functions framework does once, before gunicorn's
    threads serve; serving must parse nothing, or a burst of requests could trip it."""
    parsed_in: list[str] = []
    parse = ast.parse

    def recorded(*args: Any, **kwargs: Any) -> Any:
        parsed_in.append(threading.current_thread().name)
        return parse(*args, **kwargs)

    monkeypatch.setattr(ast, "parse", recorded)
    app = webhook_server()
    assert parsed_in, "werkzeug no longer parses its rules: this test watches nothing"
    parsed_in.clear()
    events = [text_event(f"Có trộm xe máy lần {i}", f"m-{i}", f"{USER[:-1]}{i}") for i in range(8)]
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        responses = list(pool.map(lambda e: post(app.test_client(), e), events))
    assert [r.status_code for r in responses] == [200] * 8
    assert parsed_in == []


def test_one_citizen_sending_many_messages_at_once_gets_one_tip(env: Env) -> None:
    events = [text_event(f"Có trộm xe máy lần {i}", f"m-{i}") for i in range(6)]
    app = webhook_server()
    with concurrent.futures.ThreadPoolExecutor(6) as pool:
        responses = list(pool.map(lambda e: post(app.test_client(), e), events))
    assert all(r.status_code == 200 for r in responses)
    assert count("tips") == 1 and count("messages") == 6
    tip = next(iter(db().collection("tips").stream())).to_dict()
    assert len(tip["texts"]) == 6 and tip["message_count"] == 6
    assert sorted(t["seq"] for t in tip["texts"]) == [1, 2, 3, 4, 5, 6]


def test_one_citizens_messages_at_once_take_turns_in_a_process_and_none_conflicts(
    env: Env,
) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import firestore_counter

    events = [text_event(f"Có trộm xe máy lần {i}", f"m-{i}") for i in range(6)]
    app = webhook_server()
    counter = firestore_counter.install()
    try:
        with counter.phase("burst"), concurrent.futures.ThreadPoolExecutor(6) as pool:
            responses = list(pool.map(lambda e: post(app.test_client(), e), events))
        counts = counter.total(["burst"])
    finally:
        firestore_counter.uninstall()
        counter.reset()
    assert [r.json["status"] for r in responses] == ["stored"] * 6
    # The contact once, then one commit a message: no precondition failed, nothing read.
    assert counts["rpc:commit"] == 7 and counts["rpc:batch_get_documents"] == 0, counts
    assert count("tips") == 1 and count("messages") == 6


# --- the intake window --------------------------------------------------------------------


def test_messages_within_the_window_join_the_open_tip(env: Env) -> None:
    client = webhook_app()
    clock = fixed_clock()
    first = post(client, text_event("Có người bán ma túy trong hẻm", "m1")).json
    clock.advance(minutes=20)
    second = post(client, location_event("10.7987", "106.6301", "m2")).json
    clock.advance(minutes=20)  # within 30 min of the last message
    third = post(client, sample("user_send_image")).json
    assert first["tip"] == second["tip"] == third["tip"]
    tip = db().collection("tips").document(first["tip"]).get().to_dict()
    assert [t["text"] for t in tip["texts"]] == ["Có người bán ma túy trong hẻm"]
    assert tip["locations"][0]["lat"] == "10.7987" and tip["locations"][0]["lng"] == "106.6301"
    assert tip["attachments"][0]["type"] == "image" and tip["message_count"] == 3
    kinds = sorted(m.attributes["kind"] for m in env.drain())
    assert kinds == ["tip.created", "tip.updated", "tip.updated"]


def test_a_message_after_the_window_opens_a_new_tip(env: Env) -> None:
    client = webhook_app()
    clock = fixed_clock()
    first = post(client, text_event("Có trộm xe máy", "m1")).json
    clock.advance(minutes=31)
    second = post(client, text_event("Có đánh bạc ăn tiền", "m2")).json
    assert first["tip"] != second["tip"] and count("tips") == 2


def test_each_citizen_has_their_own_tip(env: Env) -> None:
    client = webhook_app()
    fixed_clock()
    a = post(client, text_event("Có trộm xe máy", "m1", user="1001")).json
    b = post(client, text_event("Có trộm xe máy", "m2", user="1002")).json
    assert a["tip"] != b["tip"]


def test_greetings_and_questions_do_not_open_tips(env: Env) -> None:
    client = webhook_app()
    assert post(client, text_event("Xin chào", "m1")).json["kind"] == "chat"
    assert (
        post(client, text_event("Đăng ký tạm trú cần những giấy tờ gì?", "m2")).json["kind"]
        == "question"
    )
    assert count("tips") == 0 and count("messages") == 2
    question = db().collection("messages").document(f"{APP_ID}:m2").get().to_dict()
    assert question["text"] == "Đăng ký tạm trú cần những giấy tờ gì?"
    assert question["classification"]["topic"] == "tam_tru"


def test_officer_commands_are_stored_as_commands_not_tips(env: Env) -> None:
    client = webhook_app()
    command = text_event("NHAN TB-7K2Q9", "m1")
    response = post(client, command).json
    assert response["kind"] == "command" and count("tips") == 0
    # A command changes nothing of its writer's intake state: none is written. Their
    # contact is (the router finds the officer by it), and a retry is a duplicate.
    assert count("senders") == 0 and count("reporters") == 1 and count("messages") == 1
    again = post(client, command).json
    assert again["status"] == "duplicate" and again["kind"] == "command"
    assert count("messages") == 1 and len(env.drain()) == 1


def test_a_command_leaves_the_writers_open_tip_as_it_was(env: Env) -> None:
    client = webhook_app()
    fixed_clock()
    tip = post(client, text_event("Có trộm xe máy", "m1")).json["tip"]
    (sender,) = [s.to_dict() or {} for s in db().collection("senders").stream()]
    assert post(client, text_event("NHAN TB-7K2Q9", "m2")).json["kind"] == "command"
    (after,) = [s.to_dict() or {} for s in db().collection("senders").stream()]
    assert after == sender
    # The next message still joins the open tip, in one commit on the state remembered.
    joined = post(client, text_event("bọn nó vẫn ở đó", "m3")).json
    assert joined["tip"] == tip and count("tips") == 1


def test_a_tip_text_after_a_question_joins_the_open_tip_without_reading_it(env: Env) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import firestore_counter

    client = webhook_app()
    fixed_clock()
    tip = post(client, text_event("Có người bán ma túy trong hẻm", "m1")).json["tip"]
    question = text_event("Đăng ký tạm trú cần những giấy tờ gì?", "m2")
    assert post(client, question).json["kind"] == "question"
    counter = firestore_counter.install()
    try:
        with counter.phase("join"):
            joined = post(client, text_event("bọn nó vẫn đang ở đó", "m3")).json
        counts = counter.total(["join"])
    finally:
        firestore_counter.uninstall()
        counter.reset()
    assert joined["tip"] == tip
    # The question touched no tip: the summary this process last wrote is still the tip's.
    assert counts["rpc:commit"] == 1 and counts.get("rpc:batch_get_documents", 0) == 0, counts
    stored = db().collection("tips").document(tip).get().to_dict() or {}
    assert [t["text"] for t in stored["texts"]] == [
        "Có người bán ma túy trong hẻm",
        "bọn nó vẫn đang ở đó",
    ]
    assert stored["message_count"] == 2


def test_a_citizen_new_to_the_instance_is_read_at_once_not_after_a_pause(env: Env) -> None:
    tip = post(webhook_app(), text_event("Có trộm xe máy", "m1")).json["tip"]
    bootstrap.reset()  # a new instance: it remembers nothing of the citizen
    client = webhook_app()
    pauses: list[float] = []
    bootstrap.get_webhook().door.store._sleep = pauses.append  # type: ignore[attr-defined]
    # Its blind first try fails (the citizen's state exists); what failed it is this
    # instance's memory, not a concurrent writer: no backoff before reading.
    joined = post(client, text_event("bọn nó vẫn ở đó", "m2")).json
    assert joined["tip"] == tip and pauses == []
    assert count("tips") == 1 and count("messages") == 2


def test_a_new_tip_gets_a_reference_code_and_keeps_the_citizen_apart(env: Env) -> None:
    response = post(webhook_app(), sample("user_send_text")).json
    assert is_code(response["tip"])
    tip = db().collection("tips").document(response["tip"]).get().to_dict()
    assert tip["status"] == "received" and tip["texts"][0]["text"] == TIP_TEXT
    assert tip["expire_at"] - tip["created_at"] == timedelta(days=365)
    blob = json.dumps(tip, default=str)
    assert USER not in blob and "552177279717587730" not in blob
    reporter = db().collection("reporters").document(tip["reporter_key"]).get().to_dict()
    assert reporter["zalo_user_id"] == USER
    # Intake's own state of the citizen is pseudonymous: no identity in it.
    sender = db().collection("senders").document(tip["reporter_key"]).get().to_dict()
    assert sender["open_tip_id"] == response["tip"] and USER not in json.dumps(sender, default=str)
    # The event as it came is kept with the message, the ids replaced by the pseudonym.
    (message,) = [m.to_dict() or {} for m in db().collection("messages").stream()]
    assert message["tip_id"] == response["tip"] and message["seq"] == 1
    raw = json.loads(message["raw"])
    assert raw["sender"]["id"] == tip["reporter_key"] and raw["message"]["text"] == TIP_TEXT
    blob = json.dumps(message, default=str)
    assert USER not in blob and "552177279717587730" not in blob


def test_coordinates_are_stored_exactly_as_sent(env: Env) -> None:
    event = location_event("10.798700000000000001", "106.630100", "m1")
    tip_id = post(webhook_app(), event).json["tip"]
    tip = db().collection("tips").document(tip_id).get().to_dict()
    assert tip["locations"][0]["lat"] == "10.798700000000000001"
    assert tip["locations"][0]["lng"] == "106.630100"


# --- Pub/Sub -------------------------------------------------------------------------------


def test_published_message_carries_kind_tip_id_and_ordering_key_and_no_identity(env: Env) -> None:
    response = post(webhook_app(), sample("user_send_text")).json
    (message,) = env.drain()
    assert message.attributes["kind"] == "tip.created"
    assert message.attributes["tip_id"] == response["tip"]
    assert message.ordering_key == response["tip"]
    data = json.loads(message.data)
    assert (
        data["tip_id"] == response["tip"] and data["message_id"] == f"{APP_ID}:96d3cdf3af150460909"
    )
    assert data["oa_id"] == OA_ID
    assert USER not in message.data.decode() and TIP_TEXT not in message.data.decode()


# --- dependencies down -----------------------------------------------------------------------


def test_pubsub_down_still_answers_200_and_marks_the_tip_unpublished(env: Env) -> None:
    env.stack.pubsub.stop()
    try:
        response = post(webhook_app(), sample("user_send_text"))
    finally:
        env.stack.pubsub.start()
    assert response.status_code == 200
    tip = db().collection("tips").document(response.json["tip"]).get().to_dict()
    assert tip["unpublished"] is True


def test_firestore_down_answers_200_and_the_event_waits_in_pubsub_signed_as_it_came(
    env: Env,
) -> None:
    client = webhook_app()
    event = sample("user_send_text")
    raw = encode(event)
    env.stack.firestore.stop()
    try:
        response = post(client, raw)
    finally:
        env.stack.firestore.start()
    assert response.status_code == 200 and response.json["status"] == "deferred"
    (message,) = env.drain()
    assert message.attributes["kind"] == "intake.deferred"
    deferred = json.loads(message.data)
    assert (
        deferred["raw"].encode() == raw
        and deferred["message_id"] == f"{APP_ID}:{event['message']['msg_id']}"
    )
    assert message.ordering_key == deferred["pseudonyms"][0]  # one citizen's, in order
    assert count("messages") == 0  # stored later, by the router (tests/test_intake_door.py)


def test_firestore_and_pubsub_both_down_is_the_only_503(env: Env) -> None:
    env.stack.firestore.stop()
    env.stack.pubsub.stop()
    try:
        response = post(webhook_app(), sample("user_send_text"))
    finally:
        env.stack.firestore.start()
        env.stack.pubsub.start()
    assert response.status_code == 503 and "error" in response.json


def test_a_signed_event_replayed_after_its_age_limit_is_refused_and_logged(env: Env) -> None:
    clock = fixed_clock()
    client = webhook_app()
    event = text_event(
        "Co trom xe may", "m-replay", timestamp=str(int(clock.now().timestamp() * 1000))
    )
    assert post(client, event).json["status"] == "stored"
    # A year on, the de-duplication record is gone (TTL); the same signed request again:
    for snap in db().collection("messages").stream():
        snap.reference.delete()
    clock.advance(hours=25)
    out = io.StringIO()
    with redirect_stdout(out):
        response = post(client, event)
    assert response.status_code == 403 and response.json["field"] == "timestamp"
    assert count("messages") == 0 and count("tips") == 1
    logged = [json.loads(x) for x in out.getvalue().splitlines() if x.startswith("{")]
    assert any(x["event"] == "webhook.rejected" and "stale" in x["reason"] for x in logged)


# --- logs ----------------------------------------------------------------------------------


def test_logs_are_json_with_severity_and_never_carry_identity_or_words(env: Env) -> None:
    out = io.StringIO()
    with redirect_stdout(out):
        client = webhook_app()
        event = sample("user_send_text")
        post(client, event)
        post(client, event)
        post(client, event, key="wrong")
    lines = [json.loads(line) for line in out.getvalue().splitlines() if line.startswith("{")]
    assert {"webhook.stored", "webhook.duplicate", "webhook.rejected"} <= {
        x["event"] for x in lines
    }
    assert all(x["severity"] in {"DEBUG", "INFO", "WARNING", "ERROR"} for x in lines)
    text = out.getvalue()
    assert USER not in text and "552177279717587730" not in text and "ma túy" not in text


def test_missing_configuration_fails_on_first_use_naming_the_setting(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ZALO_OA_SECRET_KEY")
    bootstrap.reset()
    client = webhook_app()  # importing the entry point needs no setting
    with pytest.raises(ConfigError, match="ZALO_OA_SECRET_KEY"):
        bootstrap.get_webhook()
    assert post(client, sample("user_send_text")).status_code == 500
    assert nothing_stored()


def test_the_pseudonym_key_is_a_setting_of_its_own(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TINBAO_PSEUDONYM_KEY")
    bootstrap.reset()
    with pytest.raises(ConfigError, match="TINBAO_PSEUDONYM_KEY"):
        bootstrap.get_webhook()


def test_several_oas_on_one_webhook_each_verify_with_their_own_key(
    env: Env, monkeypatch: pytest.MonkeyPatch
) -> None:
    ward_oa, ward_key = "500000000000000001", "ward-oa-secret-key"
    monkeypatch.setenv(
        "TINBAO_OAS",
        json.dumps(
            [
                {"oa_id": OA_ID, "unit": "hcm-desk"},
                {"oa_id": ward_oa, "unit": "ward-27019", "secret_key_env": "ZALO_OA_KEY_TSN"},
            ]
        ),
    )
    monkeypatch.setenv("ZALO_OA_KEY_TSN", ward_key)
    bootstrap.reset()
    client = webhook_app()
    to_ward = text_event("Có trộm xe máy ở phường Tân Sơn Nhì", "m-ward")
    to_ward["recipient"]["id"] = ward_oa
    assert post(client, to_ward, key=ward_key).status_code == 200
    assert post(client, text_event("Có trộm xe máy", "m-desk")).status_code == 200
    wrong = text_event("Có trộm xe máy", "m-wrong")
    wrong["recipient"]["id"] = ward_oa
    assert post(client, wrong).status_code == 401  # the desk's key does not sign for the ward
    unknown = text_event("Có trộm xe máy", "m-unknown")
    unknown["recipient"]["id"] = "500000000000000009"
    assert post(client, unknown).status_code == 403
    tips = {t.to_dict()["oa_id"] for t in db().collection("tips").stream()}
    assert tips == {ward_oa, OA_ID}
    assert bootstrap.get_webhook().settings.oa_units() == {OA_ID: "hcm-desk", ward_oa: "ward-27019"}
