"""Faults on the in-memory line, in seconds: a Zalo outage, a crash after every
commit, codes that collide, a router that is down. The same stories run on the
emulators in tests/test_outage.py.

Zalo's outage is the stand-in's fault switch (every send answers HTTP 500); a
crash is the store dying right after a commit (tests/crash.py); the clock is
the line's, moved a minute at a time with an escalator run each minute, as
Cloud Scheduler would.
"""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta
from typing import Any

import pytest

from shared.core import recipients
from shared.core.roster import on_duty, roster_from_dict
from shared.logs import get_logger
from shared.services.dispatch import Kept, ZaloHealth, reply_record
from shared.store import tip_sends
from shared.store.collections import ALERTS, MESSAGES, QUESTIONS, REPLIES, ROSTERS, TIPS
from shared.store.documents import send_due_fields, send_pending_doc
from shared.store.tip_sends import KeptOutcomes
from tests.conftest import load_sample
from tests.crash import ESCALATOR_COMMITS, ROUTER_COMMITS, Crash, commit_ids
from tests.memory_line import DAY, MemoryLine
from tests.sends import memory_sends

WARDS = {
    "ward-27013": "Tay Thanh",
    "ward-27019": "Tan Son Nhi",
    "ward-27022": "Phu Tho Hoa",
    "ward-27028": "Phu Thanh",
    "ward-27031": "Tan Phu",
}
CITIZEN = "8471209356612347001"
TIP = "Co nhom thanh nien dung ma tuy o khach san duong Tan Son Nhi, phuong Tan Son Nhi"
DUTY_ID, DUTY = "cb-27019-2", "demo-officer-27019-2"
COMMANDER = "demo-officer-27019-cmd-1"


def zalo_id(officer_id: str) -> str:
    return "demo-officer-" + officer_id.removeprefix("cb-")


def duty_officer(line: MemoryLine, unit: str) -> str:
    roster = roster_from_dict(line.store.docs[ROSTERS][unit])
    (officer,) = on_duty(roster, "duty_officer", line.clock.now())
    return officer


def minutes(line: MemoryLine, count: int) -> None:
    """`count` minutes, the escalator running at each, what it publishes delivered."""
    for _ in range(count):
        line.advance(minutes=1)
        assert line.escalate().failures == 0
        line.pump()


def sent_once(line: MemoryLine) -> Counter[tuple[str, str]]:
    """(user, text) of everything Zalo accepted: a count above one is a double send."""
    sent: Counter[tuple[str, str]] = Counter()
    users = {
        line.user_of(d) for c in (ALERTS, REPLIES) for d in memory_sends(line.store, c).values()
    }
    for user in users:
        sent.update((user, t) for t in line.texts(user))
    return sent


def assert_nothing_twice(line: MemoryLine) -> None:
    sent = sent_once(line)
    assert sent and max(sent.values()) == 1
    records = [d for c in (ALERTS, REPLIES) for d in memory_sends(line.store, c).values()]
    delivered = [d for d in records if d["status"] == "sent"]
    assert len(delivered) == sum(sent.values())  # Zalo holds exactly what was recorded sent


# --- a Zalo outage ------------------------------------------------------------------------


def test_a_60_minute_zalo_outage_holds_every_ladder_then_pages_each_ward_first(
    memory_line: MemoryLine,
) -> None:
    line = memory_line
    line.standin.fault("*", http_status=500)  # Zalo is down for everyone
    refs: dict[str, str] = {}  # unit -> tip
    citizens: dict[str, str] = {}
    for n, (unit, ward) in enumerate(WARDS.items()):
        citizens[unit] = f"84712093566123471{n:02d}"
        line.citizen_says(citizens[unit], f"co nguoi ban ma tuy o quan karaoke phuong {ward} nha")
        assert line.pump() == [200]  # the router acknowledges: the retries are recorded
        refs[unit] = next(ref for ref in line.store.docs[TIPS] if ref not in refs.values())
        minutes(line, 12)
    # An hour of outage: nobody heard anything, nothing was given up, no ladder climbed.
    for unit, ref in refs.items():
        tip = line.tip(ref)
        assert tip["unit_id"] == unit and tip["ladder"]["step"] == 1, tip["ladder"]
        assert tip["ladder"]["held_since"] is not None
        assert line.texts(citizens[unit]) == []
    records = [d for c in (ALERTS, REPLIES) for d in memory_sends(line.store, c).values()]
    assert {d["status"] for d in records} <= {"pending", "failed"}
    run = line.escalate()
    assert run.outage and run.held == 0 and run.given_up == 0
    held = [e for ref in refs.values() for e in line.store.events[ref] if e["kind"] == "hold"]
    assert len(held) == len(refs)  # one line in each trail, not one a minute

    line.standin.clear_faults()  # Zalo answers again
    minutes(line, 1)
    for unit, ref in refs.items():
        duty = zalo_id(duty_officer(line, unit))
        (first,) = line.texts(duty)
        assert first.startswith(f"🔔 TIN BÁO MỚI {ref}")
        (ack,) = line.texts(citizens[unit])
        assert f"Mã tin báo: {ref}" in ack
    assert not [a for a in memory_sends(line.store, ALERTS).values() if "c0s2" in a["step"]]
    # The ladders resume from the delivery: the duty officers get their five minutes.
    minutes(line, 4)
    assert not [a for a in memory_sends(line.store, ALERTS).values() if "c0s2" in a["step"]]
    minutes(line, 1)
    for ref in refs.values():
        assert line.tip(ref)["ladder"]["step"] == 2
    minutes(line, 40)
    for ref in refs.values():
        steps = {a["step"] for a in memory_sends(line.store, ALERTS).values() if a["tip_id"] == ref}
        assert {"c0s1r0", "c0s2r0", "c0s3r0", "c0s4r0"} <= steps  # no step skipped
    assert {a["status"] for a in memory_sends(line.store, ALERTS).values()} == {"sent"}
    assert_nothing_twice(line)


def test_a_failed_send_keeps_its_retry_time_however_often_pubsub_redelivers(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.fault(DUTY, http_status=500, times=1)
    memory_line.citizen_says(CITIZEN, TIP)
    (event,) = memory_line.publisher.take()
    for _ in range(20):
        assert memory_line.deliver(event) == 200
    (alert,) = memory_sends(memory_line.store, ALERTS).values()
    assert alert["attempts"] == 1 and alert["status"] == "failed"
    memory_line.advance(seconds=59)
    assert memory_line.escalate().retried == 0  # not before its time
    minutes(memory_line, 1)
    (alert,) = memory_sends(memory_line.store, ALERTS).values()
    assert alert["status"] == "sent" and alert["attempts"] == 2


def test_an_officer_zalo_refuses_is_not_an_outage_the_ladder_climbs_at_once(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.fault(DUTY, error=-230)
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.pump()
    tip = next(iter(memory_line.store.docs[TIPS].values()))
    assert tip["ladder"]["step"] == 2 and tip["unreachable"] == [DUTY_ID]
    assert any(tip["ref"] in t for t in memory_line.texts(COMMANDER))


def test_one_officer_failing_while_zalo_answers_others_is_given_up_and_the_ladder_moves_on(
    memory_line: MemoryLine,
) -> None:
    # Not an outage: Zalo delivers to everyone else; this officer's sends keep failing.
    memory_line.standin.fault(DUTY, http_status=500)
    for n in range(6):
        memory_line.citizen_says(f"84712093566123472{n:02d}", f"{TIP}, lan {n}")
        memory_line.pump()
        minutes(memory_line, 1)
    minutes(memory_line, 15)
    first = min(memory_line.store.docs[TIPS].values(), key=lambda t: t["created_at"])
    given_up = [
        a
        for a in memory_sends(memory_line.store, ALERTS).values()
        if a["tip_id"] == first["ref"] and a["officer_id"] == DUTY_ID and a["step"] == "c0s1r0"
    ]
    assert [a["status"] for a in given_up] == ["given_up"]
    assert any(first["ref"] in t for t in memory_line.texts(COMMANDER))


def a_tip_whose_citizen_zalo_fails_to_reach(line: MemoryLine) -> None:
    """Zalo answers 500 to every send to the citizen (and delivers the rest)."""
    line.standin.fault(CITIZEN, http_status=500)
    line.citizen_says(CITIZEN, TIP)
    line.pump()


def test_the_citizens_code_is_retried_until_delivered_past_the_alerts_budget(
    memory_line: MemoryLine,
) -> None:
    a_tip_whose_citizen_zalo_fails_to_reach(memory_line)
    minutes(memory_line, 90)  # far past the five strikes an alert would get
    (ack,) = memory_sends(memory_line.store, REPLIES).values()
    assert ack["status"] == "failed" and ack["strikes"] > 5
    memory_line.standin.clear_faults()
    minutes(memory_line, 10)
    (text,) = memory_line.texts(CITIZEN)
    assert "Mã tin báo: TB-" in text


def test_the_citizens_code_is_given_up_when_zalos_window_closes(
    memory_line: MemoryLine,
) -> None:
    a_tip_whose_citizen_zalo_fails_to_reach(memory_line)
    for _ in range(7 * 24 + 1):
        memory_line.advance(hours=1)
        memory_line.escalate()
    (ack,) = memory_sends(memory_line.store, REPLIES).values()
    assert ack["status"] == "given_up"
    assert ack["due_at"] is None  # off the schedule
    assert not [i for i in memory_line.store.due(memory_line.clock.now(), 100) if i.kind == "send"]


# --- a crash after every commit ------------------------------------------------------------


def test_the_router_commits_where_the_crash_tests_expect(memory_line: MemoryLine) -> None:
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.pump()
    assert memory_line.crashes.commits == ROUTER_COMMITS
    memory_line.crashes.arm(None)
    memory_line.advance(minutes=5)
    memory_line.escalate()
    assert memory_line.crashes.commits == ESCALATOR_COMMITS


def assert_ladder_exactly_once(line: MemoryLine, ref: str) -> None:
    """Each step's alerts went out once each, in order, and the citizen heard once."""
    by_step = Counter(
        a["step"] for a in memory_sends(line.store, ALERTS).values() if a["status"] == "sent"
    )
    assert by_step["c0s1r0"] == 1  # the ward's duty officer
    assert by_step["c0s2r0"] == 2  # the duty officer and the commander
    assert by_step["c0s3r0"] >= 2  # the desk and the ward's chief
    assert sum(f"Mã tin báo: {ref}" in t for t in line.texts(CITIZEN)) == 1
    assert_nothing_twice(line)


@pytest.mark.parametrize("after", range(1, len(ROUTER_COMMITS) + 1), ids=commit_ids(ROUTER_COMMITS))
def test_a_router_crash_after_any_commit_loses_and_doubles_no_alert(
    memory_line: MemoryLine, after: int
) -> None:
    memory_line.crashes.arm(after)
    memory_line.citizen_says(CITIZEN, TIP)
    (event,) = memory_line.publisher.take()
    with pytest.raises(Crash):
        memory_line.deliver(event)
    # No redelivery comes (the push was lost with the instance): the sweeps alone recover.
    minutes(memory_line, 16)
    ref = next(iter(memory_line.store.docs[TIPS]))
    assert_ladder_exactly_once(memory_line, ref)
    assert memory_line.store.docs[MESSAGES][event.message_id]["handled"] is True


@pytest.mark.parametrize(
    "after", range(1, len(ESCALATOR_COMMITS) + 1), ids=commit_ids(ESCALATOR_COMMITS)
)
def test_an_escalator_crash_after_any_commit_loses_and_doubles_no_alert(
    memory_line: MemoryLine, after: int
) -> None:
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.pump()
    ref = next(iter(memory_line.store.docs[TIPS]))
    memory_line.advance(minutes=5)
    memory_line.crashes.arm(after)
    with pytest.raises(Crash):
        memory_line.escalate()
    minutes(memory_line, 11)
    assert_ladder_exactly_once(memory_line, ref)


def test_a_crash_between_two_sends_of_a_handler_sends_the_first_again(
    memory_line: MemoryLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What keeping a tip's outcomes back for one write costs (issue 18, round 13): the
    # routing's alert went out, the instance died before the acknowledgement and before
    # any outcome was written; once the claims lapse the sweep sends both, the alert a
    # second time. Before, each outcome was written after its post (nothing twice).
    dispatch = memory_line.router.tips.pager.dispatch
    real, posts = dispatch.clients, []

    class Dying:
        def __init__(self, inner: Any) -> None:
            self.inner = inner

        def send_text(self, *args: Any, **kwargs: Any) -> Any:
            posts.append(args[0])
            if len(posts) == 2:
                raise Crash("killed between two sends")
            return self.inner.send_text(*args, **kwargs)

    monkeypatch.setattr(dispatch, "clients", lambda oa: Dying(real(oa)))
    memory_line.citizen_says(CITIZEN, TIP)
    (event,) = memory_line.publisher.take()
    with pytest.raises(Crash):
        memory_line.deliver(event)
    monkeypatch.setattr(dispatch, "clients", real)
    # A new instance: what the dead one kept in memory is gone.
    monkeypatch.setattr(memory_line.store, "kept_outcomes", KeptOutcomes())
    monkeypatch.setattr(dispatch, "kept", Kept())
    assert len(memory_line.texts(DUTY)) == 1 and memory_line.texts(CITIZEN) == []
    minutes(memory_line, 3)
    (alert, again) = memory_line.texts(DUTY)
    assert alert == again and alert.startswith("🔔 TIN BÁO MỚI")
    assert len(memory_line.texts(CITIZEN)) == 1  # the acknowledgement, once
    sends = [*memory_sends(memory_line.store, ALERTS).values()]
    assert {s["status"] for s in sends} == {"sent"}


def test_an_older_releases_send_documents_are_found_sent_and_finished_by_the_sweep(
    memory_line: MemoryLine,
) -> None:
    # During a rollout a tip routed by an older release keeps its sends as documents of
    # `alerts` and `replies`: the sweep still finds them (their own `due_at`), sends them
    # once, finishes them there, and who was alerted is read from them.
    memory_line.citizen_says(CITIZEN, TIP)
    assert memory_line.pump() == [200]
    (ref,) = memory_line.store.docs[TIPS]
    tip = memory_line.store.docs[TIPS][ref]
    older = tip.pop("sends")  # as an older release left it: its records are documents
    tip.pop("sends_on_tip")
    tip["due_at"] = tip["next_action_at"]
    for entry, send in older.items():
        kind, _, key = entry.partition("|")
        memory_line.store.docs[kind][key] = send
    now = memory_line.clock.now()
    record = reply_record(
        tip["oa_id"], recipients.reporter(tip["reporter_key"]), "Lời nhắn cũ", (), "citizen", ref
    )
    memory_line.store.docs[REPLIES][f"old:{ref}"] = {
        **send_pending_doc(record, now),
        **send_due_fields(now),
    }
    assert memory_line.store.officers_alerted(ref) == [DUTY_ID]
    minutes(memory_line, 1)
    assert memory_line.texts(CITIZEN).count("Lời nhắn cũ") == 1
    done = memory_line.store.docs[REPLIES][f"old:{ref}"]
    assert done["status"] == "sent" and done["due_at"] is None
    assert "sends" not in memory_line.store.docs[TIPS][ref]  # left where it was
    minutes(memory_line, 2)
    assert memory_line.texts(CITIZEN).count("Lời nhắn cũ") == 1


def test_a_tip_whose_sends_fill_their_bound_goes_on_with_documents(
    memory_line: MemoryLine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The sends map is bounded (the tip stays far below 1 MiB): past it a send is a
    # document of its own, and everything that reads a tip's sends reads both.
    monkeypatch.setattr(tip_sends, "SENDS_MAX_BYTES", 1)
    memory_line.citizen_says(CITIZEN, TIP)
    assert memory_line.pump() == [200]
    (ref,) = memory_line.store.docs[TIPS]
    tip = memory_line.store.docs[TIPS][ref]
    assert len(tip["sends"]) == 1 and tip["sends_spilled"] is True  # the first fitted
    assert len(memory_line.texts(CITIZEN)) == 1 and len(memory_line.texts(DUTY)) == 1
    assert memory_line.store.officers_alerted(ref) == [DUTY_ID]
    minutes(memory_line, 6)  # the next step: its alerts are documents
    steps = {a["step"] for a in memory_sends(memory_line.store, ALERTS).values()}
    assert {"c0s1r0", "c0s2r0"} <= steps
    assert_nothing_twice(memory_line)


# --- codes that collide ---------------------------------------------------------------


def test_two_citizens_drawing_the_same_tip_code_get_a_code_each(
    memory_line: MemoryLine,
) -> None:
    draws = iter(["TB-AAAAAA", "TB-AAAAAA", "TB-BBBBBB"])
    memory_line.store.new_ref = lambda: next(draws)
    memory_line.citizen_says(CITIZEN, TIP)
    memory_line.citizen_says("8471209356612347999", "co nguoi danh bac o phuong Tay Thanh")
    assert memory_line.pump() == [200, 200]
    assert set(memory_line.store.docs[TIPS]) == {"TB-AAAAAA", "TB-BBBBBB"}
    assert any("TB-AAAAAA" in t for t in memory_line.texts(CITIZEN))
    assert any("TB-BBBBBB" in t for t in memory_line.texts("8471209356612347999"))


def test_two_citizens_drawing_the_same_handoff_code_are_both_put_through(
    memory_line: MemoryLine,
) -> None:
    draws = iter(["HD-AAAAAA", "HD-AAAAAA", "HD-BBBBBB"])
    memory_line.router.conversation.new_code = lambda: next(draws)
    memory_line.citizen_says(CITIZEN, "xin gap can bo a")
    memory_line.citizen_says("8471209356612347999", "gặp cán bộ")
    assert memory_line.pump() == [200, 200]
    questions = memory_line.store.docs[QUESTIONS]
    assert set(questions) == {"HD-AAAAAA", "HD-BBBBBB"}
    assert {q["reporter_key"] for q in questions.values()} == {
        m["sender_key"] for m in memory_line.store.docs[MESSAGES].values()
    }
    desk = [a for a in memory_sends(memory_line.store, ALERTS).values() if a["step"] == "handoff"]
    assert {a["tip_id"] for a in desk} == {"HD-AAAAAA", "HD-BBBBBB"}


# --- a router outage --------------------------------------------------------------------


def test_commands_and_questions_queued_through_a_30_minute_router_outage_all_take_effect(
    memory_line: MemoryLine,
) -> None:
    line = memory_line
    line.citizen_says(CITIZEN, TIP)
    line.pump()
    ref = next(iter(line.store.docs[TIPS]))
    # The router is down: what is published waits in Pub/Sub (kept here), and the
    # sweep republishes what no router handled.
    line.standin.send_text(DUTY, f"nhan {ref.lower()}")
    line.standin.send_text("8471209356612347555", "cho hoi lam tam tru can giay to gi")
    queued = line.publisher.take()
    for _ in range(30):
        line.advance(minutes=1)
        line.escalate()
        queued.extend(line.publisher.take())
    assert len(queued) > 2  # the originals and the sweep's republishes
    statuses = [line.deliver(e) for e in queued]
    assert set(statuses) == {200}
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    answer = [t for t in line.texts(DUTY) if "nhận xử lý tin báo" in t]
    assert len(answer) == 1 and "xử lý chậm" in answer[0]
    (reply,) = line.texts("8471209356612347555")
    assert reply.startswith("Xin lỗi anh/chị vì phản hồi chậm") and "tạm trú" in reply.lower()
    assert all(m["handled"] for m in line.store.docs[MESSAGES].values())


def test_the_sweep_never_marks_a_message_handled_that_no_router_handled(
    memory_line: MemoryLine,
) -> None:
    memory_line.standin.send_text(DUTY, "TRUC")
    (event,) = memory_line.publisher.take()
    for _ in range(8 * 24):
        memory_line.advance(hours=1)
        memory_line.escalate()
        memory_line.publisher.take()  # republished, and lost again
    (message,) = memory_line.store.docs[MESSAGES].values()
    assert message["handled"] is False and message["gave_up"] is True
    memory_line.standin.record_interaction(DUTY)  # the officer wrote to the OA since
    assert memory_line.deliver(event) == 200  # a router gets to it at last
    assert "xử lý chậm" in memory_line.texts(DUTY)[-1]


# --- follows ------------------------------------------------------------------------------


def test_a_follow_whose_publish_failed_still_gets_its_welcome(memory_line: MemoryLine) -> None:
    follow = load_sample("follow")
    follower = follow["follower"]["id"]
    memory_line.standin.record_interaction(follower)  # following opens Zalo's window
    memory_line.publisher.fail = True
    assert memory_line.zalo_posts(follow)[1] == 200
    memory_line.publisher.fail = False
    assert memory_line.publisher.take() == []  # the welcome's event is lost
    minutes(memory_line, 1)
    assert memory_line.texts(follower)  # the outbox brought it to the router
    (message,) = memory_line.store.docs[MESSAGES].values()
    assert message["handled"] is True


# --- a run inside its time ----------------------------------------------------------------


def test_a_run_takes_no_work_after_its_budget_and_the_next_run_sends_what_it_left(
    memory_line: MemoryLine,
) -> None:
    for n in range(3):
        memory_line.citizen_says(f"84712093566123473{n:02d}", f"{TIP}, lan {n}")
    memory_line.pump()
    memory_line.advance(minutes=5)  # three ladders due at step 2
    ticks = iter(range(10_000))  # a monotonic clock that moves one second a look
    escalator, dispatch = memory_line.escalator, memory_line.escalator.pager.dispatch
    escalator.monotonic = dispatch.monotonic = lambda: float(next(ticks))
    escalator.budget_seconds = 2
    run = escalator.run(memory_line.clock.now())
    assert run.stopped_early and run.steps == 1 and run.sent == 0
    pending = [
        a for a in memory_sends(memory_line.store, ALERTS).values() if a["status"] == "pending"
    ]
    assert len(pending) == 2  # the step was taken, its alerts recorded, none sent late
    escalator.monotonic = dispatch.monotonic = time.monotonic
    minutes(memory_line, 2)
    sent = Counter(
        a["step"] for a in memory_sends(memory_line.store, ALERTS).values() if a["status"] == "sent"
    )
    assert sent["c0s2r0"] == 6  # every ladder's second step, each officer once
    assert_nothing_twice(memory_line)


# --- what the sender knows of Zalo ----------------------------------------------------------


def test_one_persons_failures_never_make_an_outage_two_peoples_do() -> None:
    health = ZaloHealth(after=2, every=timedelta(minutes=1), log=get_logger("test"))
    t0 = DAY
    assert [health.failed("oa", "officer-1", t0) for _ in range(5)] == [False] * 5  # strikes
    assert not health.down("oa") and health.allows("oa", t0)
    assert health.failed("oa", "citizen-1", t0) is True  # a second person: Zalo is down
    assert health.down("oa")
    assert health.allows("oa", t0 + timedelta(minutes=1))  # one probe a minute ...
    assert not health.allows("oa", t0 + timedelta(minutes=1, seconds=1))  # ... and no more
    health.answered("oa", t0 + timedelta(minutes=2))
    assert not health.down("oa") and health.allows("oa", t0 + timedelta(minutes=2))
