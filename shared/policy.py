"""Escalation policy snapshots and the step function of the ladder.

The policy is data (`shared/data/policy.yaml`, format documented at its top):
per unit kind and severity a ladder of steps (wait, whom to notify), the last
step repeated a bounded number of times, then overdue; per category and
severity the time a taken tip has to be resolved; reminders; sweep and alert
retry settings.

When the router routes a tip it takes a `PolicySnapshot` (`policy_for`) and
stores it on the tip with a fresh `LadderState` (`start_ladder`), so a changed
policy never rewrites tips in flight. From then on everything that happens to
the ladder is a pure function of (snapshot, state, now, event) returning a
`StepDecision`: the new state to write, what to do besides (notify step k,
mark overdue, remind the holder, release), and when the next action is due.
The escalator queries tips whose `next_action_at` is due, calls `next_action`
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
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, get_args

import yaml

from shared import yaml_data
from shared.alert_retry import RetrySettings
from shared.classify import CATEGORIES as CLASSIFIER_CATEGORIES

Severity = Literal["normal", "urgent"]
UnitKind = Literal["ward", "team", "department", "desk", "command"]
Role = Literal["duty_officer", "duty_commander", "chief", "desk"]
UnitRef = Literal["self", "parent"]
# open: nobody holds the tip, the ladder climbs; overdue: the ladder is spent
# and nobody took it; held: an officer took it (reminders run); done: resolved,
# closed or transferred. Kept apart from the tip's workflow status on purpose:
# the ladder only cares whether someone holds the tip.
Phase = Literal["open", "overdue", "held", "done"]
Action = Literal["notify", "overdue", "remind", "release", "nothing"]

SEVERITIES: tuple[str, ...] = get_args(Severity)
UNIT_KINDS: tuple[str, ...] = get_args(UnitKind)
ROLES: tuple[str, ...] = get_args(Role)
UNIT_REFS: tuple[str, ...] = get_args(UnitRef)
# The classifier's categories: a policy naming any other is a typo.
CATEGORIES: tuple[str, ...] = CLASSIFIER_CATEGORIES

DEFAULT_POLICY_PATH = Path(__file__).parent / "data" / "policy.yaml"


class PolicyError(ValueError):
    """The policy file is malformed; the message names the offending place."""


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
class Ladder:
    steps: tuple[Step, ...]
    repeat: Repeat


@dataclass(frozen=True)
class PerSeverity:
    normal: timedelta
    urgent: timedelta

    def of(self, severity: Severity) -> timedelta:
        return self.urgent if severity == "urgent" else self.normal


@dataclass(frozen=True)
class Reminders:
    count: int
    every: PerSeverity


@dataclass(frozen=True)
class SweepSettings:
    unpublished_after: timedelta
    unrouted_after: timedelta

    def unpublished_before(self, now: datetime) -> datetime:
        """Tips flagged unpublished and last written before this are republished."""
        return now - self.unpublished_after

    def unrouted_before(self, now: datetime) -> datetime:
        """Tips still `received` and created before this are republished."""
        return now - self.unrouted_after


@dataclass(frozen=True)
class Policies:
    """The whole policy file, as loaded."""

    version: str
    ladders: dict[str, dict[str, Ladder]]  # unit kind or "default" -> severity -> ladder
    resolve_default: PerSeverity
    resolve_by_category: dict[str, PerSeverity]
    reminders: Reminders
    sweeps: SweepSettings
    alert_retry: RetrySettings


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


@dataclass(frozen=True)
class StepDecision:
    """What the escalator must do now. Always write `state` and `next_action_at`.

    `action`: notify `targets` for `step` (its `repeat`-th repeat when > 0),
    mark the tip overdue, send reminder number `reminder` to the holder,
    release the tip (tell the holder, clear `held_by`; the ladder restarts),
    or nothing besides writing the state.
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


def next_action(snapshot: PolicySnapshot, state: LadderState, now: datetime) -> StepDecision:
    """The one thing due at `now`, if any, and the state after it."""
    due = due_at(snapshot, state)
    if due is None or now < due:
        return StepDecision("nothing", state, due)
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
    here (who may take it is `shared.commands`' business).
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


# --- choosing a snapshot ----------------------------------------------------


def policy_for(
    policies: Policies, unit_kind: str, severity: Severity, category: str
) -> PolicySnapshot:
    """The snapshot for a tip routed to a unit of `unit_kind`.

    A kind without its own ladder uses `default`; a category without its own
    resolve time uses the default one.
    """
    ladder = policies.ladders.get(unit_kind, policies.ladders["default"])[severity]
    resolve = policies.resolve_by_category.get(category, policies.resolve_default)
    return PolicySnapshot(
        version=policies.version,
        unit_kind=unit_kind,
        severity=severity,
        category=category,
        steps=ladder.steps,
        repeat=ladder.repeat,
        resolve_within=resolve.of(severity),
        reminder_count=policies.reminders.count,
        reminder_every=policies.reminders.every.of(severity),
    )


def step_offsets(steps: tuple[Step, ...]) -> tuple[timedelta, ...]:
    """When each step falls due, counted from the start of an undisturbed ladder."""
    offsets: list[timedelta] = []
    total = timedelta(0)
    for step in steps:
        total += step.after
        offsets.append(total)
    return tuple(offsets)


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


# --- loading ----------------------------------------------------------------


def load_policies(source: str | Path) -> Policies:
    """Parse a policy file: a `Path` is read, a `str` is the YAML text itself."""
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    try:
        raw = yaml_data.load(text)
    except yaml.YAMLError as exc:
        raise PolicyError(f"policy: not YAML: {exc}") from exc
    top = _mapping(
        raw,
        "policy",
        required=("version", "ladders", "resolve", "reminders", "sweeps", "alert_retry"),
    )
    version = top["version"]
    if not isinstance(version, str | int) or isinstance(version, bool) or str(version) == "":
        raise PolicyError("policy.version: expected a non-empty string")

    ladders_raw = _mapping(top["ladders"], "ladders", required=("default",), optional=UNIT_KINDS)
    ladders: dict[str, dict[str, Ladder]] = {}
    for kind, entry in ladders_raw.items():
        pair = _mapping(entry, f"ladders.{kind}", required=SEVERITIES)
        ladders[kind] = {sev: _ladder(pair[sev], f"ladders.{kind}.{sev}") for sev in SEVERITIES}
        _check_urgent_not_slower(ladders[kind], f"ladders.{kind}")

    resolve_raw = _mapping(
        top["resolve"], "resolve", required=("default",), optional=("categories",)
    )
    resolve_default = _per_severity(resolve_raw["default"], "resolve.default")
    categories = _mapping(
        resolve_raw.get("categories") or {}, "resolve.categories", optional=CATEGORIES
    )
    resolve_by_category = {
        cat: _per_severity(value, f"resolve.categories.{cat}") for cat, value in categories.items()
    }

    reminders_raw = _mapping(top["reminders"], "reminders", required=("count", "every"))
    count = reminders_raw["count"]
    if not _is_int(count) or count < 0:
        raise PolicyError("reminders.count: expected a whole number >= 0")
    reminders = Reminders(count, _per_severity(reminders_raw["every"], "reminders.every"))

    sweeps_raw = _mapping(top["sweeps"], "sweeps", required=("unpublished_after", "unrouted_after"))
    sweeps = SweepSettings(
        _minutes(sweeps_raw["unpublished_after"], "sweeps.unpublished_after", minimum=1),
        _minutes(sweeps_raw["unrouted_after"], "sweeps.unrouted_after", minimum=1),
    )

    retry_raw = _mapping(top["alert_retry"], "alert_retry", required=("delays",))
    delays = retry_raw["delays"]
    if not isinstance(delays, list):
        raise PolicyError("alert_retry.delays: expected a list of minutes")
    retry = RetrySettings(
        tuple(_minutes(d, f"alert_retry.delays[{i}]", minimum=0) for i, d in enumerate(delays))
    )

    return Policies(
        version=str(version),
        ladders=ladders,
        resolve_default=resolve_default,
        resolve_by_category=resolve_by_category,
        reminders=reminders,
        sweeps=sweeps,
        alert_retry=retry,
    )


@lru_cache(maxsize=1)
def default_policies() -> Policies:
    """The policy shipped in `shared/data/policy.yaml` (read once per process)."""
    return load_policies(DEFAULT_POLICY_PATH)


def _ladder(raw: Any, where: str) -> Ladder:
    body = _mapping(raw, where, required=("steps", "repeat"))
    steps_raw = body["steps"]
    if not isinstance(steps_raw, list) or not steps_raw:
        raise PolicyError(f"{where}.steps: expected a non-empty list")
    steps = tuple(_step(s, f"{where}.steps[{i}]") for i, s in enumerate(steps_raw))
    repeat_raw = _mapping(body["repeat"], f"{where}.repeat", required=("every", "times"))
    times = repeat_raw["times"]
    if not _is_int(times) or times < 0:
        raise PolicyError(f"{where}.repeat.times: expected a whole number >= 0")
    # every >= 1: a zero wait would repeat the top step in one sweep, times over.
    every = _minutes(repeat_raw["every"], f"{where}.repeat.every", minimum=1)
    return Ladder(steps, Repeat(every, times))


def _step(raw: Any, where: str) -> Step:
    body = _mapping(raw, where, required=("after", "targets"))
    targets_raw = body["targets"]
    if not isinstance(targets_raw, list) or not targets_raw:
        raise PolicyError(f"{where}.targets: expected a non-empty list")
    targets = []
    for i, t in enumerate(targets_raw):
        target = _mapping(t, f"{where}.targets[{i}]", required=("unit", "role"))
        if target["unit"] not in UNIT_REFS:
            raise PolicyError(f"{where}.targets[{i}].unit: expected one of {UNIT_REFS}")
        if target["role"] not in ROLES:
            raise PolicyError(f"{where}.targets[{i}].role: expected one of {ROLES}")
        targets.append(Target(target["unit"], target["role"]))
    return Step(_minutes(body["after"], f"{where}.after", minimum=0), tuple(targets))


def _check_urgent_not_slower(pair: dict[str, Ladder], where: str) -> None:
    # The promise of severity: an urgent tip reaches every rung at least as
    # soon, and at least as high, as a normal one. Checked here so a careless
    # edit of the file cannot break it silently.
    normal, urgent = pair["normal"], pair["urgent"]
    if len(urgent.steps) < len(normal.steps):
        raise PolicyError(f"{where}.urgent: fewer steps than normal")
    for i, (u, n) in enumerate(
        zip(step_offsets(urgent.steps), step_offsets(normal.steps), strict=False)
    ):
        if u > n:
            raise PolicyError(f"{where}.urgent.steps[{i}]: later than the normal ladder's")
    if urgent.repeat.every > normal.repeat.every:
        raise PolicyError(f"{where}.urgent.repeat.every: longer than the normal ladder's")


def _per_severity(raw: Any, where: str) -> PerSeverity:
    body = _mapping(raw, where, required=SEVERITIES)
    value = PerSeverity(
        normal=_minutes(body["normal"], f"{where}.normal", minimum=1),
        urgent=_minutes(body["urgent"], f"{where}.urgent", minimum=1),
    )
    if value.urgent > value.normal:
        raise PolicyError(f"{where}.urgent: longer than normal")
    return value


def _mapping(
    raw: Any, where: str, required: tuple[str, ...] = (), optional: tuple[str, ...] = ()
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise PolicyError(f"{where}: expected a mapping")
    for key in required:
        if key not in raw:
            raise PolicyError(f"{where}.{key}: missing")
    for key in raw:
        if key not in required and key not in optional:
            raise PolicyError(f"{where}.{key}: unknown key")
    return raw


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _minutes(value: Any, where: str, minimum: int) -> timedelta:
    if not _is_int(value) or value < minimum:
        raise PolicyError(f"{where}: expected whole minutes >= {minimum}")
    return timedelta(minutes=value)


def current_alert_key(state: LadderState) -> str:
    """The alert key of the step last notified (to re-deliver it idempotently)."""
    return _current_key(state)


def current_targets(snapshot: PolicySnapshot, state: LadderState) -> tuple[Target, ...]:
    """Who the step last notified addresses; () before the first step."""
    if state.step <= 0:
        return ()
    return snapshot.steps[_clamped_step(snapshot, state) - 1].targets
