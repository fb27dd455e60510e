"""Faults on the emulators: a Zalo outage, a crash after every commit, codes that
collide, a router that is down, a follow whose publish failed.

The same stories run in milliseconds on the in-memory store
(tests/test_outage_usecases.py); these prove them on Firestore and Pub/Sub.
Zalo's outage is the stand-in's fault switch; a crash is the store dying right
after a commit (tests/crash.py); the clock is the line's (and the stand-in's),
moved a minute at a time with an escalator run each minute, as Cloud Scheduler
would.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

import pytest

from local.emulators import create_topology
from shared.core.roster import on_duty, roster_from_dict
from shared.store.admin import create_invite
from tests.conftest import PROJECT, load_sample
from tests.crash import ESCALATOR_COMMITS, ROUTER_COMMITS, Crash, commit_ids
from tests.helpers import CITIZEN, COMMANDER, DUTY, DUTY_ID, TIP, deliver, escalate, take
from tests.line import Line, push_to
from tests.recipients import in_firestore, recipient_user
from tests.sends import firestore_sends
from tests.webhook_client import fresh, post, webhook_app

pytestmark = pytest.mark.emulators
WARDS = {
    "ward-27013": "Tây Thạnh",
    "ward-27019": "Tân Sơn Nhì",
    "ward-27022": "Phú Thọ Hòa",
    "ward-27028": "Phú Thạnh",
    "ward-27031": "Tân Phú",
}


def minutes(line: Line, count: int, pump: bool = False) -> None:
    """`count` minutes, the escalator running at each (what it publishes delivered)."""
    for _ in range(count):
        line.advance(minutes=1)
        assert escalate(line).failures == 0
        if pump:
            line.pump(settle=0.3)


def docs(line: Line, collection: str) -> dict[str, dict[str, Any]]:
    if collection in ("alerts", "replies"):  # a tip's sends are on the tip
        return firestore_sends(line.db, collection)
    return {s.id: s.to_dict() or {} for s in line.db.collection(collection).stream()}


def duty_officer(line: Line, unit: str) -> str:
    roster = line.db.collection("rosters").document(unit).get().to_dict() or {}
    (officer,) = on_duty(roster_from_dict(roster), "duty_officer", line.clock.now())
    return "demo-officer-" + officer.removeprefix("cb-")


def assert_nothing_twice(line: Line) -> None:
    """Zalo holds exactly what was recorded sent, and nobody got a text twice."""
    records = [*docs(line, "alerts").values(), *docs(line, "replies").values()]
    find = in_firestore(line.db)
    sent = Counter(recipient_user(r, find) for r in records if r["status"] == "sent")
    for user, count in sent.items():
        texts = line.texts(user)
        assert len(texts) == count, user
        assert len(set(texts)) == len(texts), user


# --- a Zalo outage ------------------------------------------------------------------------


def test_a_60_minute_zalo_outage_holds_every_ladder_then_pages_each_ward_first(
    line: Line,
) -> None:
    line.standin.fault("*", http_status=500)  # Zalo is down for everyone
    citizens = {unit: f"700{n}" for n, unit in enumerate(WARDS)}
    for unit, ward in WARDS.items():
        line.citizen_says(citizens[unit], f"co nguoi ban ma tuy o quan karaoke phuong {ward}")
        assert set(line.pump(settle=0.3)) == {200}  # acknowledged: the retries are recorded
        minutes(line, 12)
    tips = {t["unit_id"]: t for t in docs(line, "tips").values()}
    assert set(tips) == set(WARDS)
    for unit, tip in tips.items():
        assert tip["ladder"]["step"] == 1 and tip["ladder"]["held_since"] is not None
        assert line.texts(citizens[unit]) == []
    statuses = {r["status"] for c in ("alerts", "replies") for r in docs(line, c).values()}
    assert statuses <= {"pending", "failed"}  # nothing given up, nobody skipped

    line.standin.clear_faults()  # Zalo answers again
    minutes(line, 1)
    for unit, tip in tips.items():
        (first,) = line.texts(duty_officer(line, unit))
        assert first.startswith(f"🔔 TIN BÁO MỚI {tip['ref']}")
        (ack,) = line.texts(citizens[unit])
        assert f"Mã tin báo: {tip['ref']}" in ack
    minutes(line, 4)
    assert not [a for a in docs(line, "alerts").values() if a["step"] != "c0s1r0"]
    minutes(line, 1)  # five minutes after the duty officers heard: their commanders
    minutes(line, 25)
    for tip in tips.values():
        steps = {a["step"] for a in docs(line, "alerts").values() if a["tip_id"] == tip["ref"]}
        assert {"c0s1r0", "c0s2r0", "c0s3r0", "c0s4r0"} <= steps  # no step skipped
    assert {a["status"] for a in docs(line, "alerts").values()} == {"sent"}
    assert_nothing_twice(line)


# --- a crash after every commit ------------------------------------------------------------


def test_the_router_and_escalator_commit_where_the_crash_tests_expect(line: Line) -> None:
    router, escalator, crashes = line.crashing()
    line.citizen_says(CITIZEN, TIP)
    (body,) = take(line, 1)
    push_to(router, body)
    assert crashes.commits == ROUTER_COMMITS
    crashes.arm(None)
    line.advance(minutes=5)
    escalator.run(line.clock.now())
    assert crashes.commits == ESCALATOR_COMMITS


def assert_each_step_once(line: Line) -> None:
    ref = next(iter(docs(line, "tips")))
    sent = Counter(a["step"] for a in docs(line, "alerts").values() if a["status"] == "sent")
    assert sent["c0s1r0"] == 1 and sent["c0s2r0"] == 2 and sent["c0s3r0"] >= 2, sent
    assert sum(f"Mã tin báo: {ref}" in t for t in line.texts(CITIZEN)) == 1
    assert len([t for t in line.texts(COMMANDER) if ref in t]) == 1  # step 2 (step 3: the chief)
    assert_nothing_twice(line)


@pytest.mark.parametrize("after", range(1, len(ROUTER_COMMITS) + 1), ids=commit_ids(ROUTER_COMMITS))
def test_a_router_crash_after_any_commit_loses_and_doubles_no_alert(line: Line, after: int) -> None:
    router, _escalator, crashes = line.crashing()
    line.citizen_says(CITIZEN, TIP)
    (body,) = take(line, 1)
    crashes.arm(after)
    with pytest.raises(Crash):
        push_to(router, body)
    # The push is redelivered (no answer reached Pub/Sub), to a new instance.
    assert deliver(line, [body]) == [200]
    minutes(line, 16, pump=True)
    assert_each_step_once(line)


@pytest.mark.parametrize(
    "after", range(1, len(ESCALATOR_COMMITS) + 1), ids=commit_ids(ESCALATOR_COMMITS)
)
def test_an_escalator_crash_after_any_commit_loses_and_doubles_no_alert(
    line: Line, after: int
) -> None:
    _router, escalator, crashes = line.crashing()
    line.citizen_says(CITIZEN, TIP)
    assert set(line.pump(settle=0.3)) == {200}
    line.advance(minutes=5)
    crashes.arm(after)
    with pytest.raises(Crash):
        escalator.run(line.clock.now())
    minutes(line, 11)  # the next runs are new instances
    assert_each_step_once(line)


# --- codes that collide ---------------------------------------------------------------


def test_two_citizens_drawing_the_same_codes_are_both_served(line: Line) -> None:
    from shared import bootstrap

    tips = iter(["TB-AAAAAA", "TB-AAAAAA", "TB-BBBBBB"])
    bootstrap.get_webhook().door.store.new_ref = lambda: next(tips)  # type: ignore[attr-defined]
    handoffs = iter(["HD-AAAAAA", "HD-AAAAAA", "HD-BBBBBB"])
    bootstrap.get_router().conversation.new_code = lambda: next(handoffs)
    other = "8471209356612347999"
    line.citizen_says(CITIZEN, TIP)
    line.citizen_says(other, "co nguoi danh bac trong nha dan phuong Tay Thanh")
    line.citizen_says("7101", "xin gap can bo a")
    line.citizen_says("7102", "gặp cán bộ")
    assert set(line.pump(settle=0.3)) == {200}
    assert set(docs(line, "tips")) == {"TB-AAAAAA", "TB-BBBBBB"}
    assert any("TB-AAAAAA" in t for t in line.texts(CITIZEN))
    assert any("TB-BBBBBB" in t for t in line.texts(other))
    assert set(docs(line, "questions")) == {"HD-AAAAAA", "HD-BBBBBB"}
    asked = {a["tip_id"] for a in docs(line, "alerts").values() if a["step"] == "handoff"}
    assert asked == {"HD-AAAAAA", "HD-BBBBBB"}
    for user in ("7101", "7102"):
        assert any("đã được chuyển đến cán bộ" in t for t in line.texts(user))


def test_two_invites_drawing_the_same_code_get_a_code_each(line: Line) -> None:
    codes = iter(["KQ7M2XPA", "KQ7M2XPA", "ZX9P4RTA"])
    first = create_invite(
        line.db, "ward-27019", "Trần Văn Một", "duty_officer", line.clock.now(), lambda: next(codes)
    )
    second = create_invite(
        line.db, "ward-27019", "Lê Thị Hai", "duty_officer", line.clock.now(), lambda: next(codes)
    )
    assert (first.code, second.code) == ("KQ7M2XPA", "ZX9P4RTA")
    for user, invite in (("7201", first), ("7202", second)):
        line.standin.send_text(user, f"dk {invite.code.lower()}")
    assert set(line.pump(settle=0.3)) == {200}
    assert any("Trần Văn Một" in t for t in line.texts("7201"))
    assert any("Lê Thị Hai" in t for t in line.texts("7202"))


# --- a router outage --------------------------------------------------------------------


def test_commands_and_questions_queued_through_a_30_minute_router_outage_all_take_effect(
    line: Line,
) -> None:
    line.citizen_says(CITIZEN, TIP)
    assert set(line.pump(settle=0.3)) == {200}
    ref = next(iter(docs(line, "tips")))
    asker = "7301"
    line.standin.send_text(DUTY, f"Nhận {ref}")
    line.standin.send_text(asker, "cho hoi dang ky tam tru can giay to gi vay")
    queued = take(line, 2)  # the router is down: Pub/Sub keeps them
    for _ in range(30):
        minutes(line, 1)
        queued.extend(m for m in _drain(line))  # and the sweep's republishes
    assert len(queued) > 2
    assert set(deliver(line, queued)) == {200}  # the router is back
    tip = docs(line, "tips")[ref]
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    answers = [t for t in line.texts(DUTY) if "nhận xử lý tin báo" in t]
    assert len(answers) == 1 and "xử lý chậm" in answers[0]
    (reply,) = line.texts(asker)
    assert reply.startswith("Xin lỗi anh/chị vì phản hồi chậm")
    assert all(m["handled"] for m in docs(line, "messages").values())
    assert_nothing_twice(line)


def _drain(line: Line) -> list[dict[str, Any]]:
    from local.emulators import push_body

    return [push_body(m, line.env.topics["router"]) for m in line.env.drain(0.3)]


# --- follows ------------------------------------------------------------------------------


def test_a_follow_whose_publish_failed_still_gets_its_welcome(line: Line) -> None:
    follow = load_sample("follow")
    follower = follow["follower"]["id"]
    line.standin.record_interaction(follower)  # following opens Zalo's window
    line.env.stack.pubsub.stop()
    try:
        assert post(webhook_app(), fresh(follow, line.clock.now())).status_code == 200
    finally:
        line.env.stack.pubsub.start()
        # The emulator forgets its topics when it stops: the same names again, empty.
        create_topology(PROJECT, suffix=line.env.suffix)
    # Unconfirmed is not undone: the client may still land the publish once the emulator
    # is back (seen under load). Whatever landed is taken away here, so only the outbox
    # can bring the follow to the router.
    line.env.drain(0.5)
    minutes(line, 2, pump=True)
    assert line.texts(follower)  # the outbox brought it to the router
    (message,) = docs(line, "messages").values()
    assert message["handled"] is True


def test_the_ladder_waits_out_the_outage_and_not_a_minute_less(line: Line) -> None:
    line.standin.fault("*", http_status=500)
    line.citizen_says(CITIZEN, TIP)
    line.pump(settle=0.3)
    minutes(line, 20)
    line.standin.clear_faults()
    minutes(line, 1)
    heard = line.clock.now()
    assert len(line.texts(DUTY)) == 1
    minutes(line, 4)
    assert line.texts(COMMANDER) == []
    minutes(line, 1)
    assert len(line.texts(COMMANDER)) == 1
    tip = next(iter(docs(line, "tips").values()))
    assert tip["ladder"]["last_step_at"] >= heard + timedelta(minutes=4)
