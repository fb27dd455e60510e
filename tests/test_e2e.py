"""End to end on the whole local stack (local/stack.py): the real emulators, the
three functions on the functions framework, the Zalo stand-in over HTTP.

Each test starts its own `Stack` with the fast clock (shared.clock, local only)
and the scheduler out of the way: the tests call the escalator themselves after
moving the clock, as Cloud Scheduler would. Every wait polls; nothing sleeps a
fixed time except the quiet period that shows no late, second send arrives.

- the demo story of `make demo`, asserted step by step (local/demo.py's `Story`);
- a flood: 200 tips from 50 citizens, 30 % of the deliveries duplicated, the
  order shuffled, posted concurrently and signed, straight to the webhook;
- the Pub/Sub emulator killed and restarted in the middle;
- the Firestore emulator stopped for a minute while citizens write: every
  message answered 200 (it waits in Pub/Sub), stored when Firestore is back,
  routed once; nothing relies on Zalo retrying (the stand-in does not);
- a message the router fails on every time: the escalator's sweep gives up on
  it and the desk takes its tip, while the other tips flow on. (The Pub/Sub
  emulator cannot play the dead-letter topic: see that test.)
"""

from __future__ import annotations

import concurrent.futures
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from local.demo import (
    CITIZEN,
    LADDER,
    PLEADER,
    QUESTION_ANSWER_TITLE,
    REF,
    TIP_TEXT,
    WARD_CODE,
    WARD_NAME,
    WARD_UNIT,
    Story,
)
from local.stack import Stack
from local.standin_client import StandinClient
from local.zalo_standin import signature
from shared.core import messages
from shared.services.escalator import FAILED_ITEM_BACKOFF
from shared.store.admin import tip_trail
from tests import stack_logs
from tests.conftest import databases
from tests.recipients import in_firestore, recipient_user
from tests.sends import firestore_sends
from tests.stack_logs import SHOW_ON_FAILURE

pytestmark = pytest.mark.e2e
T = TypeVar("T")
WARDS = ("Tây Thạnh", "Tân Sơn Nhì", "Phú Thọ Hòa", "Phú Thạnh", "Tân Phú")
# Tips a ward takes (categories that do not go to a city department).
TEMPLATES = (
    "Có nhóm thanh niên sử dụng ma túy trong quán karaoke ở phường {ward}, lần {n}",
    "Có sòng bạc hoạt động trong nhà dân ở phường {ward}, lần {n}",
    "Nhóm thanh niên tụ tập la hét gây mất trật tự ở phường {ward} lúc khuya, lần {n}",
)


def poll(check: Callable[[], T | None], what: str, timeout: float = 60.0) -> T:
    """The first truthy answer of `check`, polled every 0.2 s (fails naming `what`)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.2)


def quiet(stack: Stack, client: StandinClient, seconds: float = 3.0) -> int:
    """Wait until no message has moved either way for `seconds`; the timeline's length."""
    last, since = -1, time.monotonic()
    deadline = since + 120
    while time.monotonic() < deadline:
        now = int(client.timeline(10**9)["last"])
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= seconds:
            return last
        time.sleep(0.2)
    pytest.fail("the line never went quiet")


@pytest.fixture
def start(
    monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> Iterator[Callable[..., tuple[Stack, Any]]]:
    """Start a stack (fast clock, no scheduler); (stack, its Firestore client). A
    failed test's report shows the stack's logs (tests/stack_logs.py)."""
    stacks: list[Stack] = []
    request.node.stash[SHOW_ON_FAILURE] = lambda: [
        section for stack in stacks for section in stack_logs.sections(stack.logdir)
    ]

    def make(**options: Any) -> tuple[Stack, Any]:
        stack = Stack(tick=3600, fast_clock=True, **options)
        stacks.append(stack)
        stack.start()
        assert stack.seeded, stack.seed_summary
        for name, value in stack.emulator_env.items():
            monkeypatch.setenv(name, value)
        return stack, databases(stack.project)

    yield make
    for stack in stacks:
        stack.stop()


def docs(db: Any, collection: str) -> dict[str, dict[str, Any]]:
    if collection in ("alerts", "replies"):  # a tip's sends are on the tip
        return firestore_sends(db, collection)
    return {s.id: s.to_dict() or {} for s in db.collection(collection).stream()}


def routed_events(db: Any) -> Counter[str]:
    """How many times each tip was routed (its audit trail's `routed` events)."""
    kinds = ("routed", "routed_to_desk")
    return Counter(
        {s.id: n for s in db.collection("tips").stream() if (n := len(tip_trail(s, kinds)))}
    )


def settled_sends(db: Any, within: float = 10.0) -> list[dict[str, Any]]:
    """The `alerts` and `replies` records once none is in flight (pending or being
    sent), or as they are after `within` seconds: a story's last answer can reach the
    citizen while a hand-off's alert to the commander is still being sent."""
    deadline = time.monotonic() + within
    while True:
        records = [r for c in ("alerts", "replies") for r in docs(db, c).values()]
        in_flight = any(r["status"] in ("pending", "sending") for r in records)
        if not in_flight or time.monotonic() > deadline:
            return records
        time.sleep(0.1)


def assert_sent_once(db: Any, client: StandinClient) -> None:
    """Every alert and reply went out once: the stand-in holds exactly what was claimed."""
    sent: Counter[str] = Counter()
    for record in settled_sends(db):
        assert record["status"] == "sent", record
        sent[recipient_user(record, in_firestore(db))] += 1
    for user_id, count in sent.items():
        assert len(client.inbox(user_id)) == count, user_id


def escalate(stack: Stack) -> dict[str, Any]:
    status, summary = stack.escalate()
    assert status == 200, summary
    return summary


def escalate_as_scheduled(stack: Stack, runs: int = 3) -> tuple[dict[str, Any], int]:
    """Runs as Cloud Scheduler would after a dependency came back: a run whose item
    failed (a client still reconnecting) answers 500 and the item is due again after
    the escalator's back-off; the line must be clean by the last run. Returns the
    last summary and how many runs failed."""
    for failed in range(runs):
        status, summary = stack.escalate()
        if status == 200:
            return summary, failed
        assert status == 500 and summary["failures"], summary
        stack.advance_clock(FAILED_ITEM_BACKOFF.total_seconds() + 60)
    raise AssertionError(f"the escalator still failed after {runs} runs: {summary}")


def redeliver_quickly(stack: Stack) -> None:
    """The router's push subscription made again without its dead-letter policy and
    with seconds of backoff. The emulator's dead-letter forwarding is broken: when a
    push subscription's message runs out of attempts it throws (NullPointerException,
    publisherService is null, in MessageBacklog.pull) and its push loop dies, so
    NOTHING is pushed afterwards; and 10 s to 10 min of backoff would make a test
    wait minutes. Pub/Sub then redelivers a failing message every second or two."""
    from google.cloud import pubsub_v1

    sub_conf = stack.topology["router_subscription"]
    subscriber = pubsub_v1.SubscriberClient()
    router_sub = subscriber.subscription_path(stack.project, sub_conf["name"])
    subscriber.delete_subscription(request={"subscription": router_sub})
    subscriber.create_subscription(
        request={
            "name": router_sub,
            "topic": subscriber.topic_path(stack.project, stack.topology["events_topic"]),
            "ack_deadline_seconds": sub_conf["ack_deadline_seconds"],
            "enable_message_ordering": True,
            "retry_policy": {"minimum_backoff": {"seconds": 1}, "maximum_backoff": {"seconds": 2}},
            "push_config": {"push_endpoint": stack.router_url},
        }
    )


# --- the demo story --------------------------------------------------------------------


def test_the_demo_story_step_by_step(
    start: Callable[..., tuple[Stack, Any]], tmp_path: Path
) -> None:
    stack, db = start()
    client = StandinClient(stack.standin_url)
    printed: list[str] = []
    story = Story(stack, client, out=printed.append, pace=0.0, timeout=30.0)

    ref = story.report()
    assert REF.fullmatch(ref)
    duty = story.duty_officer_alerted(ref)
    tip = db.collection("tips").document(ref).get().to_dict()
    assert tip["status"] == "routed" and tip["unit_id"] == WARD_UNIT
    assert tip["ward_code"] == WARD_CODE and tip["classification"]["category"] == "drugs"
    assert len(tip["locations"]) == 1
    assert {story.officers[o]["unit_id"] for o in duty} == {WARD_UNIT}
    ack = messages.citizen_ack(ref, WARD_NAME, False)
    assert client.texts(CITIZEN) == [ack]

    climbed = story.nobody_answers(ref)
    assert sorted(climbed) == [m for m, _, _ in LADDER if m]
    steps = Counter(a["step"] for a in docs(db, "alerts").values() if a["tip_id"] == ref)
    assert set(steps) >= {"c0s1r0", "c0s2r0", "c0s3r0", "c0s4r0"}, steps
    assert client.texts(CITIZEN) == [ack], "the citizen hears nothing while the ladder climbs"

    taken = story.take(ref, duty[0])
    tip = db.collection("tips").document(ref).get().to_dict()
    officer_id = "cb-" + duty[0].removeprefix("demo-officer-")
    assert tip["status"] == "acknowledged" and tip["held_by"] == officer_id
    resolved = story.resolve(ref, duty[0])
    tip = db.collection("tips").document(ref).get().to_dict()
    assert tip["status"] == "resolved" and tip["next_action_at"] is None
    assert client.texts(CITIZEN) == [ack, taken, resolved]

    answer = story.ask()
    assert answer[0].startswith(QUESTION_ANSWER_TITLE) and "Căn cứ:" in answer[0]

    # The commander's page of the story: one tip, taken, resolved; one question.
    said = story.write_report(tmp_path / "bao-cao.html")
    page = (tmp_path / "bao-cao.html").read_text(encoding="utf-8")
    assert said.startswith("Đã ghi báo cáo") and str(tmp_path) in said
    for kpi, value in (("tips", 1), ("taken", 1), ("done", 1), ("questions", 1)):
        assert f'data-kpi="{kpi}"><span class="kpi-value">{value}<' in page, kpi
    assert "<title>Tân Sơn Nhì: 1</title>" in page and 'class="tip-point"' in page
    assert ref not in page and TIP_TEXT not in page and CITIZEN not in page

    # What officers read is Vietnamese for them: no internal ids or resolver notes.
    for officer in story.officers:
        for text in client.texts(officer):
            assert stack.secrets.oa_id not in text and "ward named" not in text, text
    assert_sent_once(db, client)
    assert f"takes it: NHAN {ref}" in "\n".join(printed)
    client.close()


# --- a flood of tips, duplicated and shuffled -----------------------------------------------


def test_200_tips_from_50_citizens_duplicated_and_shuffled_are_stored_and_routed_once(
    start: Callable[..., tuple[Stack, Any]],
) -> None:
    stack, db = start()
    client = StandinClient(stack.standin_url)
    standin = stack.standin.standin  # type: ignore[union-attr]
    citizens = [f"flood-citizen-{i:02d}" for i in range(50)]
    for citizen in citizens:
        client.record_interaction(citizen)  # they write to the OA: its replies may reach them
    rng = random.Random(2025)
    http = httpx.Client(timeout=30.0)
    outcomes: Counter[str] = Counter()
    retries: Counter[int] = Counter()

    def deliver(event: dict[str, Any]) -> str:
        """POST signed like Zalo; retry what fails (which the webhook must never need)."""
        body = json.dumps(event, ensure_ascii=False).encode()
        headers = {
            "Content-Type": "application/json",
            "X-ZEvent-Signature": signature(
                stack.secrets.app_id, body, event["timestamp"], stack.secrets.oa_secret_key
            ),
        }
        for attempt in range(8):
            if attempt:
                headers["num_retry"] = str(attempt)
                time.sleep(0.5 * attempt)
            response = http.post(stack.webhook_url, content=body, headers=headers)
            retries[response.status_code] += 1
            if response.status_code == 200:
                return str(response.json()["status"])
        return "failed"

    began = time.monotonic()
    events: list[dict[str, Any]] = []
    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        for round_ in range(4):
            # A citizen's messages within 30 minutes join one tip: each round is a
            # new half hour, so every citizen opens a tip per round.
            if round_:
                stack.advance_clock(31 * 60)
            batch = [
                standin.build_event(
                    citizen,
                    {
                        "text": rng.choice(TEMPLATES).format(
                            ward=WARDS[(i + round_) % len(WARDS)], n=round_ + 1
                        )
                    },
                )
                for i, citizen in enumerate(citizens)
            ]
            events += batch
            deliveries = batch + rng.sample(batch, 15)  # 30 % of the deliveries twice
            rng.shuffle(deliveries)
            outcomes.update(pool.map(deliver, deliveries))
    posted = time.monotonic() - began
    # Each delivery answered 200 at once: stored, found stored, or (Firestore slow
    # under this load) handed to Pub/Sub for the router to store.
    assert set(retries) == {200}, retries
    assert set(outcomes) <= {"stored", "duplicate", "deferred"}, outcomes
    assert sum(outcomes.values()) == 260 and outcomes["duplicate"] <= 60, outcomes

    def all_handled() -> bool:
        handled = [m for m in docs(db, "messages").values() if m.get("handled")]
        return len(handled) == 200

    poll(all_handled, "the router to handle the 200 messages", timeout=240)
    quiet(stack, client)
    routed = time.monotonic() - began

    stored = docs(db, "messages")
    assert len(stored) == 200
    assert {f"{stack.secrets.app_id}:{e['message']['msg_id']}" for e in events} == set(stored)
    tips = docs(db, "tips")
    assert len(tips) == 200 and {t["status"] for t in tips.values()} == {"routed"}
    assert routed_events(db) == Counter(dict.fromkeys(tips, 1))
    alerts = docs(db, "alerts")
    assert {a["tip_id"] for a in alerts.values()} == set(tips)
    assert {a["step"] for a in alerts.values()} == {"c0s1r0"}
    assert_sent_once(db, client)
    for citizen in citizens:
        acks = [t for t in client.texts(citizen) if "đã tiếp nhận tin báo" in t]
        assert len(acks) == 4 and len({REF.search(t).group(0) for t in acks}) == 4  # type: ignore[union-attr]
    print(
        f"\nflood: posted 260 deliveries in {posted:.1f} s "
        f"(webhook answers {dict(retries)}), all routed and quiet after {routed:.1f} s"
    )
    http.close()
    client.close()


# --- Pub/Sub killed and restarted ------------------------------------------------------------


def test_pubsub_killed_and_restarted_nothing_lost_every_tip_routed_after(
    start: Callable[..., tuple[Stack, Any]],
) -> None:
    stack, db = start()
    client = StandinClient(stack.standin_url)

    def send(phase: str, count: int) -> list[str]:
        users = [f"ps-{phase}-{i}" for i in range(count)]
        for n, user in enumerate(users):
            sent = client.send_text(user, TEMPLATES[n % 3].format(ward=WARDS[n % 5], n=1))
            assert sent["delivered"], sent  # the webhook answers 200 either way
        return users

    before = send("before", 5)
    stack.stop_emulator("pubsub")
    during = send("during", 5)
    stack.start_emulator("pubsub")  # empty: the topology is created again
    after = send("after", 5)

    # The outbox: what the webhook could not publish is due at once; what Pub/Sub
    # lost with the emulator is due 2 minutes after intake.
    _, failed_first = escalate_as_scheduled(stack)
    # The fast clock jumps: let what that sweep set off finish first, as real time
    # would (a send's claim lapses after 90 s of the line's clock, and a send still in
    # flight at the jump would be taken for a crashed one and sent again).
    quiet(stack, client)
    stack.advance_clock(3 * 60)
    summary, failed_then = escalate_as_scheduled(stack)
    users = before + during + after

    def everyone_acked() -> bool:
        return all(any("đã tiếp nhận tin báo" in t for t in client.texts(user)) for user in users)

    poll(everyone_acked, "every citizen's acknowledgement", timeout=90)
    poll(lambda: all(m.get("handled") for m in docs(db, "messages").values()), "all handled")
    quiet(stack, client)
    tips = docs(db, "tips")
    assert len(tips) == 15 and {t["status"] for t in tips.values()} == {"routed"}
    assert routed_events(db) == Counter(dict.fromkeys(tips, 1))
    # Those sent in the outage went through the outbox (and maybe a few sent right
    # after, while the publisher's channel reconnects).
    reporters = docs(db, "reporters")
    outboxed = {
        reporters[t["reporter_key"]]["zalo_user_id"] for t in tips.values() if t.get("unpublished")
    }
    assert set(during) <= outboxed, outboxed
    assert_sent_once(db, client)
    for user in users:
        assert len([t for t in client.texts(user) if "đã tiếp nhận tin báo" in t]) == 1
    print(
        f"\npubsub restart: {len(outboxed)} tips through the outbox; sweep {summary}; "
        f"runs failed while a client reconnected: {failed_first + failed_then}"
    )
    client.close()


# --- Firestore stopped for a minute ---------------------------------------------------------


def test_firestore_stopped_for_a_minute_every_message_answered_200_then_stored_and_routed_once(
    start: Callable[..., tuple[Stack, Any]],
) -> None:
    stack, db = start()
    redeliver_quickly(stack)
    client = StandinClient(stack.standin_url)
    users = [f"fs-citizen-{i}" for i in range(6)]

    stack.stop_emulator("firestore")
    began = time.monotonic()
    sent = []
    for n, user in enumerate(users):
        # Citizens keep writing through the minute Firestore is away.
        pause = began + 10 * n - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        sent.append(client.send_text(user, TEMPLATES[n % 3].format(ward=WARDS[n % 5], n=1)))
    pause = began + 60 - time.monotonic()
    if pause > 0:
        time.sleep(pause)
    assert [s["status"] for s in sent] == [200] * 6, sent  # none lost, none retried
    assert client.deliveries()["deliveries"] and all(
        d["attempts"] == 1 for d in client.deliveries()["deliveries"]
    )
    # The emulator comes back empty; the seed and the token pair are written again
    # (production Firestore keeps its data: only what was sent in the outage counts).
    stack.start_emulator("firestore")

    def everyone_acked() -> bool:
        return all(any("đã tiếp nhận tin báo" in t for t in client.texts(user)) for user in users)

    poll(everyone_acked, "every citizen's acknowledgement", timeout=180)
    quiet(stack, client)
    stored = docs(db, "messages")
    assert {f"{stack.secrets.app_id}:{s['msg_id']}" for s in sent} == set(stored)
    tips = docs(db, "tips")
    assert len(tips) == 6 and {t["status"] for t in tips.values()} == {"routed"}
    assert routed_events(db) == Counter(dict.fromkeys(tips, 1))
    assert_sent_once(db, client)
    for user in users:
        assert len([t for t in client.texts(user) if "đã tiếp nhận tin báo" in t]) == 1
    print(f"\nfirestore stopped {time.monotonic() - began:.0f} s: 6 messages deferred, all stored")
    client.close()


# --- a poison message --------------------------------------------------------------------------


def test_a_message_the_router_always_fails_on_goes_to_the_desk_and_the_others_flow_on(
    start: Callable[..., tuple[Stack, Any]],
) -> None:

    from shared.core.events import TipEvent
    from shared.core.refcode import new_code
    from shared.store.pubsub import PubSubPublisher

    stack, db = start()
    client = StandinClient(stack.standin_url)
    # Pub/Sub redelivers the poison forever (redeliver_quickly: no dead-letter policy,
    # which the emulator cannot play), and the line's own dead-letter path, the
    # escalator's sweep, must take it to the desk while the others flow on.
    redeliver_quickly(stack)

    # A tip stored with corrupt data (its OA id a map, as a bad migration might
    # leave it): routing it raises, so the router answers 500 every time.
    now = stack.now()
    ref, key = new_code(), f"{stack.secrets.app_id}:poison0000000000001"
    text = "Có người lạ đột nhập nhà bên cạnh ở phường Tân Sơn Nhì"
    db.collection("tips").document(ref).set(
        {
            "ref": ref,
            "status": "received",
            "reporter_key": "r_poison",
            "oa_id": {"corrupt": True},
            "app_id": stack.secrets.app_id,
            "created_at": now,
            "updated_at": now,
            "last_message_at": now,
            "texts": [{"msg": key, "text": text, "at": now}],
            "locations": [],
            "attachments": [],
            "message_count": 1,
            "expire_at": now + timedelta(days=365),
        }
    )
    # As intake writes it: unhandled, on the sweep's schedule two minutes out.
    db.collection("messages").document(key).set(
        {"kind": "tip", "tip_id": ref, "sender_key": "r_poison", "received_at": now}
        | {"oa_id": stack.secrets.oa_id, "handled": False, "text": None}
        | {"event_kind": "tip.created", "due_at": now + timedelta(minutes=2)}
    )
    PubSubPublisher(stack.project, stack.topology["events_topic"]).publish(
        TipEvent(kind="tip.created", tip_id=ref, message_id=key, oa_id=stack.secrets.oa_id, at=now),
        timeout=10,
    )

    # The others flow on while Pub/Sub keeps redelivering the poison.
    others = [f"poison-neighbour-{i}" for i in range(3)]
    for n, user in enumerate(others):
        client.send_text(user, TEMPLATES[n].format(ward=WARDS[n], n=1))
    poll(
        lambda: all(any("đã tiếp nhận" in t for t in client.texts(u)) for u in others),
        "the other tips routed",
        timeout=30,
    )

    router_log = stack.logdir / "router.log"
    poll(
        lambda: router_log.read_text().count("Exception on / [POST]") >= 5,
        "the router to fail on the poison 5 times (Pub/Sub keeps redelivering it)",
        timeout=30,
    )

    # The escalator's sweep republishes it, and after three republishes gives up:
    # the desk takes the tip as it is.
    summaries = []
    for minutes in (3, 3, 5, 9):
        stack.advance_clock(minutes * 60)
        summaries.append(escalate(stack))
    assert [s["republished"] for s in summaries] == [1, 1, 1, 0], summaries
    assert summaries[-1]["to_desk"] == 1, summaries
    tip = db.collection("tips").document(ref).get().to_dict()
    assert tip["status"] == "routed" and tip["unit_id"] == "hcm-desk", tip
    assert tip["routing_failure"] == "routing failed repeatedly"
    desk = [
        o["zalo_user_id"]
        for o in client.directory()["officers"]
        if o["unit_id"] == "hcm-desk" and any(ref in t for t in client.texts(o["zalo_user_id"]))
    ]
    assert desk, "a desk officer alerted"
    # The sweep stopped on it without marking it handled (only a router that gets to
    # it does: late is not lost).
    swept = db.collection("messages").document(key).get().to_dict()
    assert swept["gave_up"] is True
    assert routed_events(db)[ref] == 1
    # Pub/Sub's copies still in flight now find the tip routed: the router acks them.
    failures = router_log.read_text().count("Exception on / [POST]")
    later = [f"poison-later-{i}" for i in range(2)]
    for n, user in enumerate(later):
        client.send_text(user, TEMPLATES[n].format(ward=WARDS[n + 2], n=1))
    poll(
        lambda: all(any("đã tiếp nhận" in t for t in client.texts(u)) for u in later),
        "the tips sent after the poison routed",
        timeout=30,
    )
    time.sleep(3)  # a few more backoff periods: no new failure (the poison is settled)
    assert router_log.read_text().count("Exception on / [POST]") == failures
    assert all(n == 1 for n in routed_events(db).values())
    client.close()


def test_the_demo_second_story_a_plea_turns_urgent_a_tip_closed_too_early_is_reopened(
    start: Callable[..., tuple[Stack, Any]],
) -> None:
    stack, db = start()
    client = StandinClient(stack.standin_url)
    story = Story(stack, client, out=lambda _s: None, pace=0.0, timeout=30.0)
    second = story.second_story()
    ref = second["ref"]
    tip = db.collection("tips").document(ref).get().to_dict()
    assert tip["status"] == "acknowledged" and tip["classification"]["severity"] == "urgent"
    assert tip["reopened"]["was"] == "closed" and tip["ladder"]["cycle"] == 1
    kinds = [e["kind"] for e in tip_trail(db.collection("tips").document(ref).get())]
    assert {"severity_raised", "closed", "reopened", "taken"} <= set(kinds)
    assert len([t for t in client.texts(PLEADER) if "mức khẩn cấp" in t]) == 1
    assert_sent_once(db, client)
    client.close()
