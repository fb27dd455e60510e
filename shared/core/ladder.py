"""The escalation ladder of one tip: its policy snapshot, its cursor, and the
step function that says what is due.

When the router routes a tip it takes a `PolicySnapshot` (see
`shared.core.policy_file.policy_for`) and stores it on the tip with a fresh
`LadderState` (`start_ladder`), so a changed policy never rewrites tips in
flight. From then on everything that happens to the ladder is a pure function
of (snapshot, state, now, event) returning a `StepDecision`: the new state to
write, what to do besides (notify step k, mark overdue, remind the holder,
release), and when the next action is due. The escalator calls `next_action`
in a transaction and writes the decision; it never decides anything itself.

Timing. A step's `after` counts from the moment the previous step was DUE (or
the ladder started), not from when the every-minute sweep got round to it:
anchoring on the sweep's time would add up to a minute per step, half again
the pace of an urgent ladder that climbs every two minutes. The price is that
after an escalator outage the missed steps come due one after the other at
once, which is right: the tip is that late. Events (unreachable officer,
release) anchor on `now`, since they are not scheduled.

Running the ladder. A decision may leave the next action due at once (a step
with `after: 0`, a release that restarts the ladder): the escalator should call
`next_action` again while `next_action_at <= now`; each call does one thing.

Holding through a Zalo outage. Before the ladder moves past a step (or a
reminder) it asks how that step's sends fared (`shared.core.delivery.
StepDelivery`, read by the shell): while nobody of the step has been reached
and some send still waits on Zalo, the ladder holds (`hold`: the state is kept,
`held_since` set, and it is looked at again `recheck` later) rather than climb
past people merely because Zalo was down. When the step's alerts are delivered
at last, the wait for the next action counts from that delivery (`resume`), so
the duty officer alerted after an hour's outage still has the step's minutes
before their commander is paged. A step that reached nobody climbs as before.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Literal, get_args

from shared.core.delivery import StepDelivery

Severity = Literal["normal", "urgent"]
UnitKind = Literal["ward", "team", "department", "desk", "command"]
Role = Literal["duty_officer", "duty_commander", "chief", "desk"]
UnitRef = Literal["self", "parent"]
# open: nobody holds the tip, the ladder climbs; overdue: the ladder is spent
# and nobody took it; held: an officer took it (reminders run); done: resolved,
# closed or transferred. Kept apart from the tip's workflow status on purpose:
# the ladder only cares whether someone holds the tip.
Phase = Literal["open", "overdue", "held", "done"]
Action = Literal["notify", "overdue", "remind", "release", "hold", "resume", "nothing"]

# How soon a holding ladder is looked at again (the escalator's pace).
HOLD_RECHECK = timedelta(minutes=1)

SEVERITIES: tuple[str, ...] = get_args(Severity)
UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)
ROLES: tuple[str, ...] = get_args(Role)
UNIT_REFS: tuple[str, ...] = get_args(UnitRef)


# --- values -------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    unit: UnitRef  # self: the unit the tip is routed to; parent: its parent unit
    role: Role


@dataclass(frozen=True)
class Step:
    after: timedelta  # after the previous step was due (the first: after the ladder started)
    targets: tuple[Target, ...]


@dataclass(frozen=True)
class Repeat:
    every: timedelta  # between repeats of the last step, and from the last repeat to overdue
    times: int


@dataclass(frozen=True)
class PolicySnapshot:
    """What applies to one tip, copied onto it at routing."""

    version: str  # the policy file's version
    unit_kind: str
    severity: Severity
    category: str
    steps: tuple[Step, ...]
    repeat: Repeat
    resolve_within: timedelta
    reminder_count: int
    reminder_every: timedelta

    @property
    def digest(self) -> str:
        """Hash of the content: two tips with equal digests run the same ladder."""
        return hashlib.sha256(_canonical(self).encode()).hexdigest()[:16]


@dataclass(frozen=True)
class LadderState:
    """The cursor of a tip's ladder (stored on the tip beside the snapshot)."""

    phase: Phase
    routed_at: datetime  # first routing; never moves
    last_step_at: datetime  # when the last step (or repeat) was due; the start if none yet
    cycle: int = 0  # ladders restarted by a release so far
    step: int = 0  # number of the last step notified, 1-based; 0: none yet in this cycle
    repeats_done: int = 0  # repeats of the last step so far
    taken_at: datetime | None = None  # when the holder took it (or answered a reminder)
    held_by: str | None = None  # officer id of the holder
    reminders_sent: int = 0
    overdue_at: datetime | None = None  # first time the ladder ran out; stays set
    # Since when the ladder holds, waiting for Zalo to deliver the current step
    # (None: not holding), and how many holds this tip has had.
    held_since: datetime | None = None
    holds: int = 0


@dataclass(frozen=True)
class StepDecision:
    """What the escalator must do now. Always write `state` and `next_action_at`.

    `action`: notify `targets` for `step` (its `repeat`-th repeat when > 0),
    mark the tip overdue, send reminder number `reminder` to the holder,
    release the tip (tell the holder, clear `held_by`; the ladder restarts),
    hold (the current step still waits on Zalo), resume (it was delivered
    late: the next action moves with it), or nothing besides writing the state.
    """

    action: Action
    state: LadderState
    next_action_at: datetime | None  # None: nothing more will happen on its own
    step: int | None = None  # 1-based step number (notify)
    repeat: int = 0
    targets: tuple[Target, ...] = ()
    reminder: int | None = None  # 1-based (remind)
    # The {step} part of alerts/{tip}:{step}:{officer}: unique across steps,
    # repeats and restarted ladders of one tip, so the alert's create
    # precondition only ever stops a duplicate, never a legitimate repeat.
    alert_key: str | None = None


# --- the step function ------------------------------------------------------


def start_ladder(routed_at: datetime) -> LadderState:
    """The state the router stores with the snapshot; then it calls `next_action`."""
    return LadderState(phase="open", routed_at=routed_at, last_step_at=routed_at)


def due_at(snapshot: PolicySnapshot, state: LadderState) -> datetime | None:
    """When the next action of this state falls due (None: never on its own)."""
    if state.phase == "open":
        step = _clamped_step(snapshot, state)
        if step < len(snapshot.steps):
            return state.last_step_at + snapshot.steps[step].after
        return state.last_step_at + snapshot.repeat.every  # a repeat, or overdue
    if state.phase == "held":
        taken_at = state.taken_at or state.last_step_at
        # Reminder n+1 with n sent; with all sent, the release.
        return (
            taken_at
            + snapshot.resolve_within
            + max(state.reminders_sent, 0) * snapshot.reminder_every
        )
    return None  # overdue or done: only an officer's command moves it


def next_action(
    snapshot: PolicySnapshot,
    state: LadderState,
    now: datetime,
    delivery: StepDelivery | None = None,
    recheck: timedelta = HOLD_RECHECK,
) -> StepDecision:
    """The one thing due at `now`, if any, and the state after it.

    `delivery`: how the sends of the current step (`current_send_key`) fared;
    None when the caller does not know (the ladder then moves as scheduled).
    """
    due = due_at(snapshot, state)
    if due is None or now < due:
        return StepDecision("nothing", state, due)
    if delivery is not None and current_send_key(state) is not None:
        if delivery.waiting:
            held = replace(
                state,
                held_since=state.held_since or now,
                holds=state.holds + (1 if state.held_since is None else 0),
            )
            return StepDecision("hold", held, now + recheck)
        if state.held_since is not None:
            state = _resumed(snapshot, state, delivery.delivered_at)
            resumed_due = due_at(snapshot, state)
            if resumed_due is not None and now < resumed_due:
                return StepDecision("resume", state, resumed_due)
            due = resumed_due or due
    if state.phase == "held":
        if state.reminders_sent < snapshot.reminder_count:
            n = state.reminders_sent + 1
            new = replace(state, reminders_sent=n)
            return StepDecision(
                "remind", new, due_at(snapshot, new), reminder=n, alert_key=_reminder_key(new)
            )
        return _release(snapshot, state, due)
    # open
    step = _clamped_step(snapshot, state)
    if step < len(snapshot.steps):
        return _notify(snapshot, replace(state, step=step + 1, repeats_done=0, last_step_at=due))
    if state.repeats_done < snapshot.repeat.times:
        return _notify(
            snapshot, replace(state, repeats_done=state.repeats_done + 1, last_step_at=due)
        )
    new = replace(state, phase="overdue", overdue_at=state.overdue_at or due)
    return StepDecision("overdue", new, None)


def _resumed(
    snapshot: PolicySnapshot, state: LadderState, delivered_at: datetime | None
) -> LadderState:
    """The hold is over: the current step's wait counts from its delivery (if later
    than when it fell due), so the next action keeps its full wait."""
    done = replace(state, held_since=None)
    fell_due = _current_due(snapshot, done)
    if delivered_at is None or fell_due is None or delivered_at <= fell_due:
        return done
    late = delivered_at - fell_due
    if done.phase == "held":
        taken_at = (done.taken_at or done.last_step_at) + late
        return replace(done, taken_at=taken_at)
    return replace(done, last_step_at=done.last_step_at + late)


def _current_due(snapshot: PolicySnapshot, state: LadderState) -> datetime | None:
    """When the current step (or reminder) fell due."""
    if state.phase == "open" and state.step > 0:
        return state.last_step_at
    if state.phase == "held" and state.reminders_sent > 0:
        taken_at = state.taken_at or state.last_step_at
        return (
            taken_at
            + snapshot.resolve_within
            + (state.reminders_sent - 1) * snapshot.reminder_every
        )
    return None


def on_unreachable(
    snapshot: PolicySnapshot, state: LadderState, now: datetime, alert_key: str
) -> StepDecision:
    """An alert (`alert_key`) could not reach its officer: move on at once.

    Also the call to make when a step found nobody on duty to alert. Only the
    current step moves the ladder, so several unreachable officers of one step
    climb one step, and a late report about an older step changes nothing. At
    the top step there is nobody higher; the repeats keep their pace. A holder
    who cannot receive a reminder cannot be counted on: the tip is released.
    """
    if state.phase == "open" and state.step > 0 and alert_key == _current_key(state):
        step = _clamped_step(snapshot, state)
        if step < len(snapshot.steps):
            return _notify(
                snapshot, replace(state, step=step + 1, repeats_done=0, last_step_at=now)
            )
    if state.phase == "held" and state.reminders_sent > 0 and alert_key == _reminder_key(state):
        return _release(snapshot, state, now)
    return StepDecision("nothing", state, due_at(snapshot, state))


def on_taken(
    snapshot: PolicySnapshot, state: LadderState, now: datetime, officer_id: str
) -> StepDecision:
    """An officer took the tip (NHAN); the resolve time runs from now.

    The holder taking it again is the answer to a reminder: the clock and the
    reminders start over. Another officer's take of a held tip changes nothing
    here (who may take it is `shared.core.commands`' business).
    """
    if state.phase == "done" or (state.phase == "held" and state.held_by != officer_id):
        return StepDecision("nothing", state, due_at(snapshot, state))
    new = replace(state, phase="held", taken_at=now, held_by=officer_id, reminders_sent=0)
    return StepDecision("nothing", new, due_at(snapshot, new))


def on_released(snapshot: PolicySnapshot, state: LadderState, now: datetime) -> StepDecision:
    """The holder gave the tip back: its ladder starts again from the first step."""
    if state.phase != "held":
        return StepDecision("nothing", state, due_at(snapshot, state))
    return _release(snapshot, state, now)


def on_finished(snapshot: PolicySnapshot, state: LadderState, now: datetime) -> StepDecision:
    """Resolved, closed as not a tip, or transferred: the ladder stops."""
    del now  # part of every event's signature; a finished ladder keeps no time
    return StepDecision("nothing", replace(state, phase="done"), None)


def _clamped_step(snapshot: PolicySnapshot, state: LadderState) -> int:
    # A valid state never needs this; it keeps the function total if a stored
    # cursor ever disagrees with its snapshot.
    return min(max(state.step, 0), len(snapshot.steps))


def _current_key(state: LadderState) -> str:
    return f"c{state.cycle}s{state.step}r{state.repeats_done}"


def _reminder_key(state: LadderState) -> str:
    return f"c{state.cycle}m{state.reminders_sent}"


def _notify(snapshot: PolicySnapshot, new: LadderState) -> StepDecision:
    index = min(max(new.step, 1), len(snapshot.steps)) - 1
    return StepDecision(
        "notify",
        new,
        due_at(snapshot, new),
        step=new.step,
        repeat=new.repeats_done,
        targets=snapshot.steps[index].targets,
        alert_key=_current_key(new),
    )


def _release(snapshot: PolicySnapshot, state: LadderState, at: datetime) -> StepDecision:
    new = replace(
        state,
        phase="open",
        cycle=state.cycle + 1,
        step=0,
        repeats_done=0,
        last_step_at=at,
        taken_at=None,
        held_by=None,
        reminders_sent=0,
    )
    return StepDecision("release", new, due_at(snapshot, new))


def _canonical(snapshot: PolicySnapshot) -> str:
    def minutes(d: timedelta) -> float:
        return d.total_seconds() / 60

    return json.dumps(
        [
            snapshot.version,
            snapshot.unit_kind,
            snapshot.severity,
            snapshot.category,
            [[minutes(s.after), [[t.unit, t.role] for t in s.targets]] for s in snapshot.steps],
            [minutes(snapshot.repeat.every), snapshot.repeat.times],
            minutes(snapshot.resolve_within),
            snapshot.reminder_count,
            minutes(snapshot.reminder_every),
        ],
        separators=(",", ":"),
    )


def current_send_key(state: LadderState) -> str | None:
    """The alert key whose sends the next action depends on: the step last notified
    while the ladder is open, the reminder last sent while it is held; None before
    any (nothing to wait for)."""
    if state.phase == "open" and state.step > 0:
        return _current_key(state)
    if state.phase == "held" and state.reminders_sent > 0:
        return _reminder_key(state)
    return None


_STEP_KEY = re.compile(r"^c\d+s\d+r\d+$")


def is_step_key(alert_key: str) -> bool:
    """Is this the alert key of a ladder step (not a reminder, an update, a release)?"""
    return bool(_STEP_KEY.match(alert_key))


def current_alert_key(state: LadderState) -> str:
    """The alert key of the step last notified (to re-deliver it idempotently)."""
    return _current_key(state)


def current_targets(snapshot: PolicySnapshot, state: LadderState) -> tuple[Target, ...]:
    """Who the step last notified addresses; () before the first step."""
    if state.step <= 0:
        return ()
    return snapshot.steps[_clamped_step(snapshot, state) - 1].targets
