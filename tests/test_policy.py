"""The escalation policy file and the ladder's step function."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.core.delivery import StepDelivery
from shared.core.ladder import (
    UNIT_KINDS,
    LadderState,
    PolicySnapshot,
    Repeat,
    Step,
    StepDecision,
    Target,
    current_send_key,
    due_at,
    next_action,
    on_finished,
    on_released,
    on_taken,
    on_unreachable,
    start_ladder,
)
from shared.core.policy_file import (
    CATEGORIES,
    DEFAULT_POLICY_PATH,
    PolicyError,
    default_policies,
    load_policies,
    policy_for,
)

T0 = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)
SHIPPED = DEFAULT_POLICY_PATH.read_text(encoding="utf-8")


def snap(kind: str = "ward", severity: str = "normal", category: str = "theft") -> PolicySnapshot:
    return policy_for(default_policies(), kind, severity, category)  # type: ignore[arg-type]


def run_until_quiet(
    snapshot: PolicySnapshot, state: LadderState, now: datetime
) -> tuple[list[StepDecision], LadderState]:
    """What the escalator does at `now`: act while something is due."""
    decisions = []
    for _ in range(100):
        decision = next_action(snapshot, state, now)
        state = decision.state
        if decision.action == "nothing":
            break
        decisions.append(decision)
    return decisions, state


def drive(snapshot: PolicySnapshot, state: LadderState) -> list[tuple[datetime, StepDecision]]:
    """Every action of an undisturbed ladder, each taken the moment it is due."""
    out = []
    for _ in range(200):
        due = due_at(snapshot, state)
        if due is None:
            break
        decision = next_action(snapshot, state, due)
        out.append((due, decision))
        state = decision.state
    return out


def edited(change: Any) -> str:
    data = yaml.safe_load(SHIPPED)
    change(data)
    return yaml.safe_dump(data, allow_unicode=True)


# --- the shipped file ---------------------------------------------------------


def test_shipped_policy_gives_a_snapshot_for_every_kind_severity_and_category():
    policies = load_policies(DEFAULT_POLICY_PATH)
    for kind in UNIT_KINDS:
        for severity in ("normal", "urgent"):
            for category in CATEGORIES:
                snapshot = policy_for(policies, kind, severity, category)
                assert snapshot.steps and snapshot.version == policies.version


def test_loading_from_a_path_or_from_text_gives_the_same_policies():
    assert load_policies(DEFAULT_POLICY_PATH) == load_policies(SHIPPED)


def test_kind_without_its_own_ladder_uses_the_default():
    assert snap("team").steps == snap("ward").steps
    assert snap("command").steps != snap("ward").steps


def test_resolve_time_is_a_day_normally_two_hours_when_urgent_and_shorter_for_fire():
    assert snap(category="theft").resolve_within == timedelta(hours=24)
    assert snap(severity="urgent", category="theft").resolve_within == timedelta(hours=2)
    assert snap(category="fire").resolve_within < timedelta(hours=24)
    assert snap(severity="urgent", category="fire").resolve_within < timedelta(hours=2)


def test_unknown_category_falls_back_to_the_default_resolve_time():
    assert snap(category="not-a-category").resolve_within == timedelta(hours=24)


def test_sweeps_republish_tips_stuck_for_two_minutes():
    sweeps = default_policies().sweeps
    assert sweeps.unpublished_before(T0) == T0 - 2 * MIN
    assert sweeps.unrouted_before(T0) == T0 - 2 * MIN


# --- the ladder ---------------------------------------------------------------


def test_normal_tip_climbs_at_0_5_15_and_30_minutes_to_the_issues_targets():
    actions = drive(snap(), start_ladder(T0))
    notified = [(at - T0, d.step, d.targets) for at, d in actions[:4]]
    assert notified == [
        (0 * MIN, 1, (Target("self", "duty_officer"),)),
        (5 * MIN, 2, (Target("self", "duty_officer"), Target("self", "duty_commander"))),
        (15 * MIN, 3, (Target("parent", "desk"), Target("self", "chief"))),
        (30 * MIN, 4, (Target("parent", "chief"), Target("parent", "duty_commander"))),
    ]


def test_top_step_repeats_every_30_minutes_five_times_then_the_tip_is_overdue():
    actions = drive(snap(), start_ladder(T0))
    repeats = [(at - T0, d.step, d.repeat) for at, d in actions if d.repeat]
    assert repeats == [(m * MIN, 4, r) for r, m in enumerate((60, 90, 120, 150, 180), start=1)]
    last_at, last = actions[-1]
    assert last.action == "overdue" and last_at - T0 == 210 * MIN
    assert last.state.overdue_at == T0 + 210 * MIN and last.next_action_at is None


def test_urgent_tip_climbs_every_two_minutes():
    actions = drive(snap(severity="urgent"), start_ladder(T0))
    assert [at - T0 for at, d in actions[:4]] == [0 * MIN, 2 * MIN, 4 * MIN, 6 * MIN]


def test_nothing_happens_before_the_next_action_is_due():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    early = next_action(snapshot, first.state, T0 + 4 * MIN)
    assert early.action == "nothing" and early.state == first.state
    assert early.next_action_at == T0 + 5 * MIN


def test_a_late_sweep_does_not_push_the_rest_of_the_ladder_back():
    snapshot = snap(severity="urgent")
    state = next_action(snapshot, start_ladder(T0), T0).state
    late = next_action(snapshot, state, T0 + 2 * MIN + 50 * timedelta(seconds=1))
    assert late.step == 2 and late.next_action_at == T0 + 4 * MIN


def test_after_an_outage_the_missed_steps_come_due_one_after_the_other():
    decisions, state = run_until_quiet(snap(), start_ladder(T0), T0 + 20 * MIN)
    assert [d.step for d in decisions] == [1, 2, 3]
    assert due_at(snap(), state) == T0 + 30 * MIN


# --- holding through a Zalo outage ------------------------------------------------------

WAITING = StepDelivery(reached=False, waiting=True)
UNREACHED = StepDelivery(reached=False, waiting=False)


def delivered(at: datetime) -> StepDelivery:
    return StepDelivery(reached=True, waiting=False, delivered_at=at)


def test_a_step_whose_alerts_wait_on_zalo_holds_instead_of_climbing():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    assert current_send_key(first.state) == first.alert_key
    held = next_action(snapshot, first.state, T0 + 5 * MIN, WAITING)
    assert held.action == "hold" and held.state.step == 1
    assert held.state.held_since == T0 + 5 * MIN and held.state.holds == 1
    assert held.next_action_at == T0 + 6 * MIN  # looked at again a minute later
    again = next_action(snapshot, held.state, T0 + 50 * MIN, WAITING)
    assert again.action == "hold" and again.state.held_since == T0 + 5 * MIN
    assert again.state.holds == 1  # one hold, however long


def test_a_step_delivered_after_an_outage_keeps_the_next_steps_full_wait():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    held = next_action(snapshot, first.state, T0 + 5 * MIN, WAITING).state
    # Zalo came back: the duty officer was alerted at minute 61.
    resumed = next_action(snapshot, held, T0 + 62 * MIN, delivered(T0 + 61 * MIN))
    assert resumed.action == "resume" and resumed.state.held_since is None
    assert resumed.next_action_at == T0 + 66 * MIN  # five minutes after the delivery
    step2 = next_action(snapshot, resumed.state, T0 + 66 * MIN, delivered(T0 + 61 * MIN))
    assert step2.action == "notify" and step2.step == 2
    assert step2.next_action_at == T0 + 76 * MIN  # and the ladder moved with it


def test_a_step_delivered_on_time_climbs_on_time():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    step2 = next_action(snapshot, first.state, T0 + 5 * MIN, delivered(T0 + MIN // 2))
    assert step2.action == "notify" and step2.step == 2


def test_a_step_that_reached_nobody_climbs_as_scheduled_even_after_a_hold():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    held = next_action(snapshot, first.state, T0 + 5 * MIN, WAITING).state
    step2 = next_action(snapshot, held, T0 + 9 * MIN, UNREACHED)
    assert step2.action == "notify" and step2.step == 2 and step2.state.held_since is None


def test_a_reminder_waiting_on_zalo_holds_the_release():
    snapshot = snap(category="theft")
    state = next_action(snapshot, start_ladder(T0), T0).state
    taken = on_taken(snapshot, state, T0, "cb-01").state
    due = T0 + snapshot.resolve_within
    reminded = next_action(snapshot, taken, due)
    assert reminded.action == "remind"
    assert current_send_key(reminded.state) == reminded.alert_key
    later = due + snapshot.reminder_every * 3
    state = reminded.state
    for _ in range(3):
        decision = next_action(snapshot, state, later, WAITING)
        assert decision.action == "hold"
        state = decision.state
    resumed = next_action(snapshot, state, later, delivered(later))
    assert resumed.action == "resume"
    assert resumed.next_action_at == later + snapshot.reminder_every


def test_unreachable_officer_moves_the_ladder_on_at_once():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    moved = on_unreachable(snapshot, first.state, T0 + MIN, first.alert_key or "")
    assert moved.action == "notify" and moved.step == 2
    assert moved.next_action_at == T0 + MIN + 10 * MIN  # the rest follows from now


def test_two_unreachable_officers_of_one_step_climb_one_step():
    snapshot = snap()
    first = next_action(snapshot, start_ladder(T0), T0)
    key = first.alert_key or ""
    moved = on_unreachable(snapshot, first.state, T0 + MIN, key)
    again = on_unreachable(snapshot, moved.state, T0 + MIN, key)
    assert again.action == "nothing" and again.state == moved.state


def test_unreachable_at_the_top_step_keeps_the_repeat_pace():
    snapshot = snap()
    _, state = run_until_quiet(snapshot, start_ladder(T0), T0)
    for minute in (5, 15, 30):
        state = next_action(snapshot, state, T0 + minute * MIN).state
    top_key = "c0s4r0"
    result = on_unreachable(snapshot, state, T0 + 31 * MIN, top_key)
    assert result.action == "nothing" and result.next_action_at == T0 + 60 * MIN


def test_taken_tip_gets_a_reminder_when_its_resolve_time_is_up():
    snapshot = snap(category="theft")
    state = next_action(snapshot, start_ladder(T0), T0).state
    taken = on_taken(snapshot, state, T0 + 3 * MIN, "cb-01")
    assert taken.state.phase == "held" and taken.next_action_at == T0 + 3 * MIN + 24 * 60 * MIN
    reminder = next_action(snapshot, taken.state, T0 + 3 * MIN + 24 * 60 * MIN)
    assert reminder.action == "remind" and reminder.reminder == 1


def test_second_unanswered_reminder_releases_the_tip_and_restarts_its_ladder():
    snapshot = snap(severity="urgent", category="fire")  # 30 min to resolve, reminders every 30
    state = next_action(snapshot, start_ladder(T0), T0).state
    state = on_taken(snapshot, state, T0, "cb-01").state
    actions = drive(snapshot, state)
    kinds = [(at - T0, d.action) for at, d in actions[:4]]
    assert kinds == [
        (30 * MIN, "remind"),
        (60 * MIN, "remind"),
        (90 * MIN, "release"),
        (90 * MIN, "notify"),
    ]
    restarted = actions[3][1]
    assert restarted.step == 1 and restarted.state.cycle == 1
    assert restarted.state.held_by is None and restarted.state.phase == "open"


def test_holder_taking_the_tip_again_answers_the_reminder():
    snapshot = snap(severity="urgent", category="fire")
    state = on_taken(snapshot, start_ladder(T0), T0, "cb-01").state
    reminded = next_action(snapshot, state, T0 + 30 * MIN).state
    answered = on_taken(snapshot, reminded, T0 + 40 * MIN, "cb-01")
    assert answered.state.reminders_sent == 0
    assert answered.next_action_at == T0 + 70 * MIN


def test_another_officer_cannot_take_a_tip_already_held():
    snapshot = snap()
    held = on_taken(snapshot, start_ladder(T0), T0, "cb-01").state
    other = on_taken(snapshot, held, T0 + MIN, "cb-02")
    assert other.state == held


def test_holder_unreachable_for_a_reminder_releases_the_tip_at_once():
    snapshot = snap(severity="urgent", category="fire")
    state = on_taken(snapshot, start_ladder(T0), T0, "cb-01").state
    reminded = next_action(snapshot, state, T0 + 30 * MIN)
    result = on_unreachable(snapshot, reminded.state, T0 + 31 * MIN, reminded.alert_key or "")
    assert result.action == "release" and result.next_action_at == T0 + 31 * MIN


def test_released_tip_starts_its_ladder_again_from_the_first_step():
    snapshot = snap()
    _, state = run_until_quiet(snapshot, start_ladder(T0), T0 + 20 * MIN)
    held = on_taken(snapshot, state, T0 + 21 * MIN, "cb-01").state
    released = on_released(snapshot, held, T0 + 22 * MIN)
    assert released.action == "release"
    first = next_action(snapshot, released.state, T0 + 22 * MIN)
    assert first.step == 1 and first.targets == (Target("self", "duty_officer"),)


def test_releasing_a_tip_nobody_holds_changes_nothing():
    snapshot = snap()
    state = start_ladder(T0)
    assert on_released(snapshot, state, T0).state == state


def test_finished_tip_has_no_next_action():
    snapshot = snap()
    done = on_finished(snapshot, on_taken(snapshot, start_ladder(T0), T0, "cb-01").state, T0)
    assert done.next_action_at is None
    assert next_action(snapshot, done.state, T0 + 1000 * MIN).action == "nothing"
    assert on_taken(snapshot, done.state, T0, "cb-02").state.phase == "done"


def test_overdue_tip_can_still_be_taken_and_stays_counted_overdue():
    snapshot = snap()
    _, overdue = drive(snapshot, start_ladder(T0))[-1]
    taken = on_taken(snapshot, overdue.state, T0 + 300 * MIN, "cb-01")
    assert taken.state.phase == "held" and taken.state.overdue_at == T0 + 210 * MIN


def test_alert_keys_never_repeat_across_repeats_and_restarted_ladders():
    snapshot = snap(severity="urgent", category="fire")
    state = start_ladder(T0)
    keys: list[str] = []
    for cycle in range(3):
        actions = drive(snapshot, state)  # the whole ladder, up to overdue
        keys += [d.alert_key or "" for _, d in actions if d.action == "notify"]
        later = actions[-1][0] + MIN
        state = on_taken(snapshot, actions[-1][1].state, later, "cb-01").state
        state = on_released(snapshot, state, later + MIN).state
        assert state.cycle == cycle + 1
    assert len(keys) == 3 * (len(snapshot.steps) + snapshot.repeat.times)
    assert len(keys) == len(set(keys))


def test_snapshot_digest_follows_its_content():
    assert snap().digest == snap().digest
    assert snap().digest != snap(severity="urgent").digest
    assert snap(category="theft").digest != snap(category="fire").digest


# --- loading errors -------------------------------------------------------------


def test_urgent_ladder_slower_than_normal_is_rejected():
    def slow(data: dict) -> None:
        data["ladders"]["default"]["urgent"]["steps"][1]["after"] = 30

    with pytest.raises(PolicyError, match=r"ladders\.default\.urgent\.steps\[1\]"):
        load_policies(edited(slow))


def test_urgent_ladder_with_fewer_steps_than_normal_is_rejected():
    def short(data: dict) -> None:
        data["ladders"]["desk"]["urgent"]["steps"].pop()

    with pytest.raises(PolicyError, match="fewer steps"):
        load_policies(edited(short))


def _set(path: tuple[Any, ...], value: Any) -> Any:
    def change(data: dict) -> None:
        node = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


STEP0 = ("ladders", "default", "normal", "steps", 0)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (_set((*STEP0, "targets", 0, "role"), "captain"), r"targets\[0\]\.role"),
        (_set((*STEP0, "targets", 0, "unit"), "grandparent"), r"targets\[0\]\.unit"),
        (_set((*STEP0, "after"), -1), r"steps\[0\]\.after"),
        (_set((*STEP0, "after"), "5m"), r"steps\[0\]\.after"),
        (_set((*STEP0, "wait"), 5), r"steps\[0\]\.wait: unknown"),
        (_set(("ladders", "default", "normal", "steps"), []), r"normal\.steps"),
        (_set(("ladders", "default", "normal", "repeat", "every"), 0), r"repeat\.every"),
        (_set(("ladders", "desk", "normal"), None), r"ladders\.desk\.normal"),
        (_set(("ladders", "precinct"), {}), r"ladders\.precinct: unknown"),
        (_set(("resolve", "categories", "robery"), {"normal": 60, "urgent": 30}), "robery"),
        (_set(("resolve", "default", "urgent"), 2000), r"resolve\.default\.urgent"),
        (_set(("reminders", "count"), True), r"reminders\.count"),
        (_set(("alert_retry", "delays"), 5), r"alert_retry\.delays"),
        # One person's failures must never look like an outage.
        (_set(("alert_retry", "outage", "after"), 1), r"alert_retry\.outage\.after"),
        (_set(("alert_retry", "outage", "every"), 0), r"alert_retry\.outage\.every"),
        (_set(("sweeps", "late_after"), "5m"), r"sweeps\.late_after"),
        (_set(("version",), ""), "version"),
    ],
)
def test_a_malformed_policy_is_rejected_with_the_place_named(change: Any, where: str):
    with pytest.raises(PolicyError, match=where):
        load_policies(edited(change))


def test_a_policy_file_that_is_not_yaml_is_rejected():
    with pytest.raises(PolicyError):
        load_policies("ladders: [unclosed")


def test_a_policy_file_missing_a_section_is_rejected():
    data = yaml.safe_load(SHIPPED)
    del data["sweeps"]
    with pytest.raises(PolicyError, match="sweeps: missing"):
        load_policies(yaml.safe_dump(data))


# --- properties -------------------------------------------------------------------

TARGET = (Target("self", "duty_officer"),)

snapshots = st.builds(
    PolicySnapshot,
    version=st.just("t"),
    unit_kind=st.sampled_from(UNIT_KINDS),
    severity=st.sampled_from(("normal", "urgent")),
    category=st.sampled_from(CATEGORIES),
    steps=st.lists(
        st.builds(Step, after=st.integers(0, 60).map(lambda m: m * MIN), targets=st.just(TARGET)),
        min_size=1,
        max_size=6,
    ).map(tuple),
    repeat=st.builds(
        Repeat, every=st.integers(1, 60).map(lambda m: m * MIN), times=st.integers(0, 6)
    ),
    resolve_within=st.integers(1, 3000).map(lambda m: m * MIN),
    reminder_count=st.integers(0, 3),
    reminder_every=st.integers(1, 600).map(lambda m: m * MIN),
)
gaps = st.lists(st.integers(0, 120).map(lambda m: m * MIN), min_size=1, max_size=60)


@given(snapshots, gaps)
def test_next_action_at_never_goes_back_whenever_the_escalator_runs(snapshot, steps):
    state, now, previous = start_ladder(T0), T0, None
    for gap in steps:
        now += gap
        decision = next_action(snapshot, state, now)
        state = decision.state
        if decision.next_action_at is None:
            break
        if previous is not None:
            assert decision.next_action_at >= previous
        previous = decision.next_action_at


@given(snapshots)
def test_an_untaken_ladder_ends_overdue_after_its_steps_and_bounded_repeats(snapshot):
    actions = drive(snapshot, start_ladder(T0))
    notified = [d for _, d in actions if d.action == "notify"]
    assert len(notified) == len(snapshot.steps) + snapshot.repeat.times
    assert actions[-1][1].action == "overdue"
    assert actions[-1][1].state.phase == "overdue"
    offsets = sum((s.after for s in snapshot.steps), timedelta(0))
    expected = offsets + (snapshot.repeat.times + 1) * snapshot.repeat.every
    assert actions[-1][0] - T0 == expected


def step_reached_by(snapshot: PolicySnapshot, elapsed: timedelta) -> tuple[int, int]:
    _, state = run_until_quiet(snapshot, start_ladder(T0), T0 + elapsed)
    return state.step, state.repeats_done


@settings(max_examples=300)
@given(
    st.sampled_from(UNIT_KINDS),
    st.sampled_from(CATEGORIES),
    st.integers(0, 400).map(lambda m: m * MIN),
)
def test_urgent_is_never_slower_than_normal_at_any_step(kind, category, elapsed):
    urgent = step_reached_by(snap(kind, "urgent", category), elapsed)
    normal = step_reached_by(snap(kind, "normal", category), elapsed)
    assert urgent[0] >= normal[0]
    if urgent[0] == normal[0]:
        assert urgent[1] >= normal[1]


events = st.lists(
    st.one_of(
        st.tuples(st.just("tick"), st.integers(0, 300)),
        st.tuples(st.just("unreachable_current"), st.just(0)),
        st.tuples(st.just("unreachable_stale"), st.just(0)),
        st.tuples(st.just("taken"), st.integers(1, 2)),
        st.tuples(st.just("released"), st.just(0)),
        st.tuples(st.just("finished"), st.just(0)),
    ),
    max_size=40,
)


@given(snapshots, events)
def test_any_sequence_of_events_keeps_the_cursor_within_its_snapshot(snapshot, script):
    state, now, last_key = start_ladder(T0), T0, "none"
    for kind, arg in script:
        if kind == "tick":
            now += arg * MIN
            decision = next_action(snapshot, state, now)
        elif kind == "unreachable_current":
            decision = on_unreachable(snapshot, state, now, last_key)
        elif kind == "unreachable_stale":
            decision = on_unreachable(snapshot, state, now, "c99s1r0")
        elif kind == "taken":
            decision = on_taken(snapshot, state, now, f"cb-{arg}")
        elif kind == "released":
            decision = on_released(snapshot, state, now)
        else:
            decision = on_finished(snapshot, state, now)
        last_key = decision.alert_key or last_key
        state = decision.state
        assert 0 <= state.step <= len(snapshot.steps)
        assert 0 <= state.repeats_done <= snapshot.repeat.times
        assert 0 <= state.reminders_sent <= snapshot.reminder_count
        assert decision.next_action_at == due_at(snapshot, state)
        if state.phase in ("held", "open"):
            assert (state.phase == "held") == (state.held_by is not None)
        if decision.action == "notify":
            assert decision.targets == snapshot.steps[(decision.step or 1) - 1].targets
