"""`escalate` on the emulators: the ladder, takes, reminders, sweeps, cost."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from typing import Any

import pytest

from shared import bootstrap
from shared.store import admin
from shared.store.collections import MESSAGES
from tests.helpers import escalator
from tests.line import DAY as DAY0
from tests.line import ROOT, Line

pytestmark = pytest.mark.emulators
CITIZEN = "6001"
TIP = "Có nhóm thanh niên sử dụng ma túy trong khách sạn ở phường Tân Sơn Nhì"
URGENT = "Đang có người cầm dao đe dọa chém người ở phường Tân Sơn Nhì, cứu với"


@pytest.fixture
def run(line: Line) -> Any:
    return escalator(line)


def steps_alerted(line: Line) -> Counter[str]:
    return Counter(a["step"] for a in line.alerts() if a["status"] == "sent")


def officers_at(line: Line, step: str) -> set[str]:
    return {a["officer_id"] for a in line.alerts() if a["step"] == step and a["status"] == "sent"}


def route_a_tip(line: Line, text: str = TIP) -> dict[str, Any]:
    line.citizen_says(CITIZEN, text)
    assert set(line.pump()) == {200}
    return line.only_tip()


def test_an_empty_run_costs_one_query_where_the_schedule_is_kept(line: Line, run: Any) -> None:
    # tips (ladders and grouped updates), messages and the two send collections
    summary = run()
    assert summary["reads"] == 4 and summary["due"] == 0


def test_normal_tip_climbs_the_default_ladder_then_goes_overdue(line: Line, run: Any) -> None:
    tip = route_a_tip(line)
    assert officers_at(line, "c0s1r0") and all(
        o.startswith("cb-27019-") for o in officers_at(line, "c0s1r0")
    )
    line.clock.advance(minutes=4)
    assert run()["steps"] == 0  # nothing due before 5 minutes
    line.clock.advance(minutes=1)
    run()
    step2 = officers_at(line, "c0s2r0")
    assert any(o.startswith("cb-27019-cmd") for o in step2), step2
    line.clock.advance(minutes=10)
    run()
    step3 = officers_at(line, "c0s3r0")
    assert "cb-27019-chief" in step3 and any(o.startswith("cb-desk") for o in step3), step3
    line.clock.advance(minutes=15)
    run()
    step4 = officers_at(line, "c0s4r0")
    assert "cb-hcm-chief" in step4 and any(o.startswith("cb-hcm-cmd") for o in step4), step4
    for repeat in range(1, 6):
        line.clock.advance(minutes=30)
        run()
        assert officers_at(line, f"c0s4r{repeat}") == step4
    line.clock.advance(minutes=30)
    run()
    done = line.tip(tip["ref"])
    assert done["overdue_at"] is not None and done["next_action_at"] is None
    line.clock.advance(minutes=60)
    before = len(line.alerts())
    run()
    assert len(line.alerts()) == before  # an overdue tip stops climbing


def test_urgent_tip_climbs_every_two_minutes(line: Line, run: Any) -> None:
    route_a_tip(line, URGENT)
    for step in (2, 3, 4):
        line.clock.advance(minutes=2)
        run()
        assert officers_at(line, f"c0s{step}r0"), (step, steps_alerted(line))


def test_a_take_between_two_runs_stops_the_ladder(line: Line, run: Any) -> None:
    tip = route_a_tip(line)
    (officer,) = sorted(officers_at(line, "c0s1r0"))[:1]
    zalo_id = "demo-officer-" + officer.removeprefix("cb-")
    line.standin.send_text(zalo_id, f"NHAN {tip['ref']}")
    line.pump()
    assert line.tip(tip["ref"])["status"] == "acknowledged"
    line.clock.advance(minutes=6)
    run()
    assert not officers_at(line, "c0s2r0")


def test_a_taken_tip_left_unresolved_is_reminded_twice_then_released(line: Line, run: Any) -> None:
    tip = route_a_tip(line)
    officer = sorted(officers_at(line, "c0s1r0"))[0]
    line.standin.send_text("demo-officer-" + officer.removeprefix("cb-"), f"NHAN {tip['ref']}")
    line.pump()
    line.clock.advance(hours=24)
    run()
    assert officers_at(line, "c0m1") == {officer}
    line.clock.advance(hours=4)
    run()
    assert officers_at(line, "c0m2") == {officer}
    line.clock.advance(hours=4)
    run()
    released = line.tip(tip["ref"])
    assert released["status"] == "routed" and released["held_by"] is None
    assert officers_at(line, "c1s1r0"), steps_alerted(line)  # the ladder starts again
    holder_texts = line.texts("demo-officer-" + officer.removeprefix("cb-"))
    assert any("giao lại cho ca trực" in t for t in holder_texts)


def test_overlapping_runs_act_once_per_step(line: Line, run: Any) -> None:
    import concurrent.futures

    for i in range(3):
        line.citizen_says(f"70{i}", f"{TIP} số {i}")
    line.pump()
    line.clock.advance(minutes=5)
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        list(pool.map(lambda _: bootstrap.get_escalator().run(line.clock.now()), range(3)))
    keys = Counter((a["tip_id"], a["step"], a["officer_id"]) for a in line.alerts())
    assert keys and max(keys.values()) == 1
    assert len(line.standin.deliveries()["deliveries"]) >= 0
    step2 = [k for k in keys if k[1] == "c0s2r0"]
    assert len({k[0] for k in step2}) == 3


def test_a_message_no_router_handled_is_republished_after_two_minutes(line: Line, run: Any) -> None:
    line.citizen_says(CITIZEN, TIP)
    lost = line.env.drain()  # the push never reached a router
    assert len(lost) == 1
    line.clock.advance(minutes=2)
    assert run()["republished"] == 1
    assert set(line.pump()) == {200}
    assert line.only_tip()["status"] == "routed"


def test_a_republished_message_the_router_handles_before_its_reschedule_is_no_failure(
    line: Line, run: Any
) -> None:
    # Met in CI after a Pub/Sub restart: the router handled the republished message
    # (removing its schedule entry) before the escalator moved that entry on, and the
    # run answered 500. Here the router always wins: it routes as the publish returns.
    line.citizen_says(CITIZEN, TIP)
    assert len(line.env.drain()) == 1  # the push never reached a router
    line.clock.advance(minutes=2)
    republisher = bootstrap.get_escalator().republisher
    publisher = republisher.publisher
    assert publisher is not None

    class RoutedAtOnce:
        def publish(self, event: Any, timeout: float) -> str:
            published = publisher.publish(event, timeout)
            assert set(line.pump()) == {200}
            return published

    republisher.publisher = RoutedAtOnce()
    summary = run()  # answers 200
    assert summary["republished"] == 1 and summary["failures"] == 0
    assert line.only_tip()["status"] == "routed"
    # The router handled it as it was republished: the republish's reschedule did not
    # put the handled message back on the schedule.
    (message,) = [m.to_dict() or {} for m in line.db.collection(MESSAGES).stream()]
    assert message["handled"] is True and message["due_at"] is None


def test_a_tip_the_router_keeps_failing_on_reaches_the_desk(line: Line, run: Any) -> None:
    line.citizen_says(CITIZEN, TIP)
    line.env.drain()
    for _ in range(3):
        line.clock.advance(minutes=30)
        run()
        line.env.drain()  # republished, and lost again
    line.clock.advance(minutes=60)
    summary = run()
    assert summary["to_desk"] == 1
    tip = line.only_tip()
    assert tip["status"] == "routed" and tip["unit_id"] == "hcm-desk"
    assert any(o.startswith("cb-desk") for o in officers_at(line, "c0s1r0"))


def test_a_failed_alert_is_retried_with_backoff(line: Line, run: Any) -> None:
    for officer in ("demo-officer-27019-1", "demo-officer-27019-2", "demo-officer-27019-3"):
        line.standin.fault(officer, http_status=500, times=1)
    line.citizen_says(CITIZEN, TIP)
    statuses = line.pump()
    assert 200 not in statuses[:1] or statuses  # the router asked for a redelivery
    failed = [a for a in line.alerts() if a["status"] == "failed"]
    assert failed and failed[0]["next_retry_at"] == line.clock.now() + timedelta(minutes=1)
    line.clock.advance(minutes=1)
    run()
    assert {a["status"] for a in line.alerts() if a["step"] == "c0s1r0"} == {"sent"}


def _plant_routed_tips(line: Line, count: int, *, legacy: bool = False) -> list[str]:
    """Tips already routed to ward-27019, their first step done and the second due now.
    `legacy`: as a release before issue 18 left them (the ladder's entry a `due/tip:`
    document, no `due_at` on the tip)."""
    from shared.core.ladder import next_action, start_ladder
    from shared.core.policy_file import default_policies, policy_for
    from shared.store.collections import DUE, DueKind, due_id
    from shared.store.documents import ladder_to_doc, snapshot_to_doc

    routed_at = line.clock.now() - timedelta(minutes=5)
    snapshot = policy_for(default_policies(), "ward", "normal", "drugs")
    first = next_action(snapshot, start_ladder(routed_at), routed_at)
    refs = [f"TB-{i:05d}".replace("0", "A").replace("1", "B") for i in range(count)]
    batch = line.db.batch()
    for n, ref in enumerate(refs):
        tip = {
            "ref": ref,
            "status": "routed",
            "unit_id": "ward-27019",
            "ward_code": "27019",
            "oa_id": "388613280878808645",
            "reporter_key": f"r_planted{n}",
            "created_at": routed_at,
            "routed_at": routed_at,
            "texts": [{"msg": f"m{n}", "text": TIP, "at": routed_at}],
            "locations": [],
            "attachments": [],
            "classification": {"category": "drugs", "severity": "normal"},
            "resolution": {"method": "ward_name", "evidence": ["phường Tân Sơn Nhì"]},
            "policy": snapshot_to_doc(snapshot),
            "ladder": ladder_to_doc(first.state),
            "next_action_at": first.next_action_at,
        }
        if not legacy:
            tip["due_at"] = first.next_action_at
        batch.set(line.db.collection("tips").document(ref), tip)
        if legacy:
            batch.set(
                line.db.collection(DUE).document(due_id(DueKind.TIP, ref)),
                {"at": first.next_action_at, "kind": DueKind.TIP.value, "tip_id": ref},
            )
        if n % 200 == 199:
            batch.commit()
            batch = line.db.batch()
    batch.commit()
    return refs


@pytest.mark.parametrize("legacy", [False, True], ids=["due_at", "due-documents"])
def test_three_overlapping_runs_over_hundreds_of_due_tips_act_once_per_step(
    line: Line, run: Any, legacy: bool
) -> None:
    import concurrent.futures

    refs = _plant_routed_tips(line, 150, legacy=legacy)
    escalator = bootstrap.get_escalator()
    if legacy:  # an older release's `due/tip:` documents, moved onto their tips first
        assert admin.move_due_documents(escalator.store.dbs).ladders == len(refs)
    escalator.budget_seconds = 600  # this test is about overlap, not the budget
    with concurrent.futures.ThreadPoolExecutor(3) as pool:
        summaries = list(pool.map(lambda _: escalator.run(line.clock.now()), range(3)))
    # A tip a run lost to another stays due; the next minute's run takes it.
    summaries.append(escalator.run(line.clock.now()))
    assert sum(s.steps for s in summaries) == len(refs)  # each tip stepped by one run only
    assert sum(s.failures for s in summaries) == 0, [s.failed_on for s in summaries]
    sends = Counter((a["tip_id"], a["step"], a["officer_id"]) for a in line.alerts())
    assert max(sends.values()) == 1
    stepped = {tip for tip, step, _ in sends if step == "c0s2r0"}
    assert stepped == set(refs)
    inbox_total = sum(
        len(line.texts(f"demo-officer-{o.removeprefix('cb-')}"))
        for o in {officer for _, _, officer in sends}
    )
    assert inbox_total == len(sends)  # Zalo received exactly one message per alert
    # An older release's `due/tip:` documents are gone; each tip carries its entry.
    assert not list(line.db.collection("due").list_documents())
    for ref in refs:
        tip = line.tip(ref)
        assert tip["due_at"] == tip["next_action_at"] > line.clock.now(), [
            (e.get("status"), e.get("due_at")) for e in tip.get("sends", {}).values()
        ]


def test_a_policy_changed_in_flight_leaves_routed_tips_on_their_snapshot(
    line: Line, run: Any
) -> None:
    from shared.core.policy_file import load_policies

    old = route_a_tip(line)
    shipped = (ROOT / "shared" / "data" / "policy.yaml").read_text(encoding="utf-8")
    faster = shipped.replace('version: "', 'version: "faster-', 1).replace(
        "        - after: 5  # 5 min after routing", "        - after: 3  # changed", 1
    )
    assert faster != shipped
    bootstrap.get_router().tips.policies = load_policies(faster)
    line.citizen_says("6999", "Có người bán ma túy ở phường Tân Sơn Nhì")
    line.pump()
    new = next(
        t
        for t in (s.to_dict() for s in line.db.collection("tips").stream())
        if t["ref"] != old["ref"]
    )
    assert new["policy"]["version"].startswith("faster-")
    assert not old["policy"]["version"].startswith("faster-")
    line.clock.advance(minutes=3)
    run()
    stepped = {a["tip_id"] for a in line.alerts() if a["step"] == "c0s2r0"}
    assert stepped == {new["ref"]}  # the old tip still waits its 5 minutes
    line.clock.advance(minutes=2)
    run()
    assert old["ref"] in {a["tip_id"] for a in line.alerts() if a["step"] == "c0s2r0"}


@pytest.mark.parametrize("legacy", [False, True], ids=["due_at", "due-document"])
def test_one_item_that_always_fails_does_not_stall_the_run(
    line: Line, run: Any, legacy: bool
) -> None:
    from shared.store.collections import DUE, DueKind, due_id

    refs = _plant_routed_tips(line, 3)
    # A corrupt schedule entry: its tip cannot be read as a ladder.
    broke = {"ref": "TB-BROKE", "ladder": "?", "policy": "?", "next_action_at": DAY0}
    line.db.collection("tips").document("TB-BROKE").set(
        broke if legacy else {**broke, "due_at": DAY0}
    )
    entry = line.db.collection(DUE).document(due_id(DueKind.TIP, "TB-BROKE"))
    if legacy:  # an older release's document, moved onto its tip however broken
        entry.set({"at": DAY0, "kind": DueKind.TIP.value, "tip_id": "TB-BROKE"})
        assert admin.move_due_documents(bootstrap.get_escalator().store.dbs).ladders == 1
        assert not entry.get().exists and line.tip("TB-BROKE")["due_at"] == DAY0
    response = bootstrap.get_escalator().handle("POST")
    assert response[1] == 500 and response[0]["failures"] == 1  # alerting sees it
    stepped = {a["tip_id"] for a in line.alerts() if a["step"] == "c0s2r0"}
    assert stepped == set(refs)  # the others went on
    assert line.tip("TB-BROKE")["due_at"] == line.clock.now() + timedelta(minutes=5)


def test_a_step_decided_on_the_tip_the_query_found_keeps_a_take_written_since(
    line: Line,
) -> None:
    """The ladder's step decides on the tip the schedule's query returned (no read in
    its transaction, issue 18) and is written only if the tip is unchanged since: an
    officer who takes the tip between the query and the step keeps it, and nobody of
    the next step is alerted about a tip already taken."""
    from tests.helpers import DUTY, DUTY_ID, command

    ref = route_a_tip(line)["ref"]
    line.clock.advance(minutes=5)
    escalator = bootstrap.get_escalator()
    escalator.clock = line.clock
    now = line.clock.now()
    [item] = [i for i in escalator.store.due(now, 100) if i.tip_id == ref]
    assert item.kind == "ladder" and item.seen is not None
    assert command(line, DUTY, f"NHAN {ref}") == [200]  # meanwhile, the router
    assert escalator.step(ref, now, seen=item.seen) == 0  # decided again: nothing due
    tip = line.tip(ref)
    assert tip["status"] == "acknowledged" and tip["held_by"] == DUTY_ID
    assert tip["due_at"] == tip["next_action_at"] > now  # the holder's reminder
    assert not [a for a in line.alerts() if a["step"] == "c0s2r0"]


# --- grouped updates: their entry on the tip -------------------------------------------


def _taken_tip_with_a_first_update(line: Line) -> str:
    """A tip its duty officer took, who then heard the citizen's first addition."""
    from tests.helpers import DUTY, command

    ref = str(route_a_tip(line)["ref"])
    assert command(line, DUTY, f"NHAN {ref}") == [200]
    line.clock.advance(minutes=1)
    line.citizen_says(CITIZEN, "bọn nó vẫn đang ở phòng 203")
    assert set(line.pump()) == {200}
    return ref


def _updates_to(line: Line, user: str, ref: str) -> list[str]:
    heads = (f"Tin báo {ref} có thêm", f"Tin báo {ref}: người báo gửi thêm")
    return [t for t in line.texts(user) if t.startswith(heads)]


@pytest.mark.parametrize("order", ["in_order", "reversed"])
def test_a_grouped_update_waits_on_its_tip_and_goes_once_when_the_pause_ends(
    line: Line, run: Any, order: str
) -> None:
    from tests.helpers import DUTY, deliver, take

    ref = _taken_tip_with_a_first_update(line)
    assert len(_updates_to(line, DUTY, ref)) == 1  # the first addition, at once
    told_at = line.tip(ref)["told_at"]
    line.clock.advance(minutes=1)
    line.citizen_says(CITIZEN, "có thêm hai người nữa vừa tới")
    line.citizen_says(CITIZEN, "họ đi xe máy màu đỏ")
    bodies = take(line, 2)
    if order == "reversed":
        bodies.reverse()
    assert deliver(line, bodies, times=2) == [200] * 4  # each twice, as Pub/Sub may
    tip = line.tip(ref)
    assert len(_updates_to(line, DUTY, ref)) == 1  # held back during the pause
    assert tip["update_at"] == told_at + timedelta(minutes=5)
    assert tip["due_at"] == tip["update_at"] < tip["next_action_at"]  # the earlier entry
    assert not list(line.db.collection("due").list_documents())  # no document of its own
    line.clock.advance(minutes=3)
    assert run()["reads"] == 4  # one query a place, and nothing due yet
    assert len(_updates_to(line, DUTY, ref)) == 1
    line.clock.advance(minutes=1)
    run()
    run()  # a second run finds nothing more to tell
    (_first, grouped) = _updates_to(line, DUTY, ref)
    assert "gửi thêm 2 tin nhắn" in grouped and "xe máy màu đỏ" in grouped
    tip = line.tip(ref)
    assert tip["update_at"] is None and tip["due_at"] == tip["next_action_at"]


def test_a_grouped_update_zalo_refuses_is_sent_once_when_zalo_is_back(line: Line, run: Any) -> None:
    from tests.helpers import DUTY

    ref = _taken_tip_with_a_first_update(line)
    line.clock.advance(minutes=1)
    line.citizen_says(CITIZEN, "có thêm hai người nữa vừa tới")
    assert set(line.pump()) == {200}
    line.standin.fault("*", http_status=500)
    line.clock.advance(minutes=5)
    run()
    assert len(_updates_to(line, DUTY, ref)) == 1 and line.tip(ref)["update_at"] is None
    line.standin.clear_faults()
    for _ in range(3):
        line.clock.advance(minutes=1)
        run()
    (_first, later) = _updates_to(line, DUTY, ref)
    assert "hai người" in later


def test_a_run_that_dies_after_deciding_a_grouped_update_leaves_its_sends_to_the_next(
    line: Line,
) -> None:
    from tests.crash import Crash
    from tests.helpers import DUTY

    ref = _taken_tip_with_a_first_update(line)
    line.clock.advance(minutes=1)
    line.citizen_says(CITIZEN, "có thêm hai người nữa vừa tới")
    assert set(line.pump()) == {200}
    _router, escalator, crashes = line.crashing()
    line.clock.advance(minutes=5)
    crashes.arm(1)  # the update decided and written, nothing sent
    with pytest.raises(Crash):
        escalator.run(line.clock.now())
    assert len(_updates_to(line, DUTY, ref)) == 1 and line.tip(ref)["update_at"] is not None
    crashes.arm(None)
    line.clock.advance(minutes=2)  # the next runs are new instances
    escalator.run(line.clock.now())
    escalator.run(line.clock.now())
    (_first, later) = _updates_to(line, DUTY, ref)
    assert "hai người" in later
    tip = line.tip(ref)
    assert tip["update_at"] is None and tip["due_at"] == tip["next_action_at"]


def test_the_schedules_documents_an_older_release_left_move_onto_their_tips(
    line: Line, run: Any
) -> None:
    from shared.store.collections import DUE, DueKind, due_id
    from tests.helpers import DUTY

    ref = _taken_tip_with_a_first_update(line)
    (legacy,) = _plant_routed_tips(line, 1, legacy=True)
    # What an older router wrote for a grouped update: the tip's addition counted, its
    # entry a `due/update:` document.
    line.clock.advance(minutes=1)
    line.citizen_says(CITIZEN, "có thêm hai người nữa vừa tới")
    assert set(line.pump()) == {200}
    tip = line.tip(ref)
    at = tip["update_at"]
    line.db.collection("tips").document(ref).update({"update_at": None, "due_at": None})
    update = line.db.collection(DUE).document(due_id(DueKind.UPDATE, ref))
    update.set({"at": at, "kind": DueKind.UPDATE.value, "tip_id": ref})
    dbs = bootstrap.get_escalator().store.dbs
    moved = admin.move_due_documents(dbs)
    assert (moved.updates, moved.ladders, moved.dropped, moved.left) == (1, 1, 0, ())
    assert not list(line.db.collection(DUE).list_documents())
    assert line.tip(ref)["update_at"] == at and line.tip(ref)["due_at"] == at
    assert line.tip(legacy)["due_at"] == line.tip(legacy)["next_action_at"]
    again = admin.move_due_documents(dbs)  # run twice: nothing more to move
    assert (again.updates, again.ladders, again.dropped, again.left) == (0, 0, 0, ())
    line.clock.advance(minutes=5)
    run()
    assert len(_updates_to(line, DUTY, ref)) == 2
    assert legacy in {a["tip_id"] for a in line.alerts() if a["step"] == "c0s2r0"}
