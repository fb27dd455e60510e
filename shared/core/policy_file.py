"""The escalation policy file (`shared/data/policy.yaml`, its format documented
at its top): per unit kind and severity a ladder of steps (wait, whom to
notify), the last step repeated a bounded number of times, then overdue; per
category and severity the time a taken tip has to be resolved; reminders; sweep
and alert retry settings. `policy_for` takes the snapshot one tip is routed under.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.core import data_file as yaml_data
from shared.core.classify import CATEGORIES as CLASSIFIER_CATEGORIES
from shared.core.delivery import RetrySettings
from shared.core.ladder import (
    ROLES,
    UNIT_KINDS,
    UNIT_REFS,
    PolicySnapshot,
    Repeat,
    Severity,
    Step,
    Target,
)

# The classifier's categories: a policy naming any other is a typo.
CATEGORIES: tuple[str, ...] = CLASSIFIER_CATEGORIES

DEFAULT_POLICY_PATH = Path(__file__).parents[1] / "data" / "policy.yaml"


class PolicyError(yaml_data.DataFileError):
    """The policy file is malformed; ``problems`` names every offending place."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("policy", problems)


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
    republish_at_most: timedelta = timedelta(minutes=30)  # the cap of the doubling wait
    give_up_after: timedelta = timedelta(days=7)  # the sweep stops; the message stays unhandled
    late_after: timedelta = timedelta(minutes=5)  # handled later than this: say it came late

    def republish_wait(self, attempts: int) -> timedelta:
        """The wait after republishing a message for the `attempts`-th time (0-based)."""
        return min(self.unrouted_after * (2 ** min(attempts, 16)), self.republish_at_most)

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


# --- the file as written (boundary models) ---------------------------------------


class _Strict(BaseModel):
    # defer_build: the schemas are built on the first load, not when the
    # router's cold start imports this module.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


# Whole minutes, never a bool or a string ("5m"); strict so YAML's `true` is no 1.
Minutes0 = Annotated[int, Field(strict=True, ge=0)]
Minutes1 = Annotated[int, Field(strict=True, ge=1)]
Count = Annotated[int, Field(strict=True, ge=0)]


class TargetIn(_Strict):
    unit: Literal[UNIT_REFS]  # type: ignore[valid-type]
    role: Literal[ROLES]  # type: ignore[valid-type]


class StepIn(_Strict):
    after: Minutes0
    targets: list[TargetIn] = Field(min_length=1)


class RepeatIn(_Strict):
    # every >= 1: a zero wait would repeat the top step in one sweep, times over.
    every: Minutes1
    times: Count


class LadderIn(_Strict):
    steps: list[StepIn] = Field(min_length=1)
    repeat: RepeatIn


class LadderPairIn(_Strict):
    normal: LadderIn
    urgent: LadderIn


class PerSeverityIn(_Strict):
    normal: Minutes1
    urgent: Minutes1


class ResolveIn(_Strict):
    default: PerSeverityIn
    categories: dict[Literal[CATEGORIES], PerSeverityIn] | None = None  # type: ignore[valid-type]


class RemindersIn(_Strict):
    count: Count
    every: PerSeverityIn


class SweepsIn(_Strict):
    unpublished_after: Minutes1
    unrouted_after: Minutes1
    republish_at_most: Minutes1 = 30
    give_up_after: Minutes1 = 7 * 24 * 60
    late_after: Minutes1 = 5


class OutageIn(_Strict):
    every: Minutes1 = 1
    # Different people failing in a row: one person's failures must never look like an outage.
    after: Annotated[int, Field(strict=True, ge=2)] = 2


class AlertRetryIn(_Strict):
    delays: list[Minutes0]
    outage: OutageIn = OutageIn()


class PolicyIn(_Strict):
    model_config = ConfigDict(coerce_numbers_to_str=True)  # `version: 3` is "3"

    version: str = Field(min_length=1)
    # unit kind or "default" -> its pair of ladders; "default" checked below
    ladders: dict[Literal[("default", *UNIT_KINDS)], LadderPairIn]  # type: ignore[misc]
    resolve: ResolveIn
    reminders: RemindersIn
    sweeps: SweepsIn
    alert_retry: AlertRetryIn


# --- loading ----------------------------------------------------------------


def load_policies(source: str | Path) -> Policies:
    """Parse a policy file: a `Path` is read, a `str` is the YAML text itself.

    Raises PolicyError listing every problem, each with its place in the file.
    """
    text = source.read_text(encoding="utf-8") if isinstance(source, Path) else source
    try:
        raw = yaml_data.load(text)
    except yaml.YAMLError as exc:
        raise PolicyError([f"(yaml): not YAML: {exc}"]) from exc
    try:
        policy = PolicyIn.model_validate(raw)
    except ValidationError as exc:
        raise PolicyError(yaml_data.problems_of(exc.errors())) from exc
    problems = _invariants(policy)
    if problems:
        raise PolicyError(problems)
    return Policies(
        version=policy.version,
        ladders={
            kind: {"normal": _ladder(pair.normal), "urgent": _ladder(pair.urgent)}
            for kind, pair in policy.ladders.items()
        },
        resolve_default=_per_severity(policy.resolve.default),
        resolve_by_category={
            cat: _per_severity(value) for cat, value in (policy.resolve.categories or {}).items()
        },
        reminders=Reminders(policy.reminders.count, _per_severity(policy.reminders.every)),
        sweeps=SweepSettings(
            timedelta(minutes=policy.sweeps.unpublished_after),
            timedelta(minutes=policy.sweeps.unrouted_after),
            republish_at_most=timedelta(minutes=policy.sweeps.republish_at_most),
            give_up_after=timedelta(minutes=policy.sweeps.give_up_after),
            late_after=timedelta(minutes=policy.sweeps.late_after),
        ),
        alert_retry=RetrySettings(
            tuple(timedelta(minutes=d) for d in policy.alert_retry.delays),
            outage_every=timedelta(minutes=policy.alert_retry.outage.every),
            outage_after=policy.alert_retry.outage.after,
        ),
    )


@lru_cache(maxsize=1)
def default_policies() -> Policies:
    """The policy shipped in `shared/data/policy.yaml` (read once per process)."""
    return load_policies(DEFAULT_POLICY_PATH)


def _ladder(raw: LadderIn) -> Ladder:
    steps = tuple(
        Step(timedelta(minutes=s.after), tuple(Target(t.unit, t.role) for t in s.targets))
        for s in raw.steps
    )
    return Ladder(steps, Repeat(timedelta(minutes=raw.repeat.every), raw.repeat.times))


def _per_severity(raw: PerSeverityIn) -> PerSeverity:
    return PerSeverity(timedelta(minutes=raw.normal), timedelta(minutes=raw.urgent))


def _invariants(policy: PolicyIn) -> list[str]:
    """The promises of severity, checked so a careless edit cannot break them silently."""
    problems: list[str] = []
    if "default" not in policy.ladders:
        problems.append("ladders.default: missing")
    for kind, pair in policy.ladders.items():
        problems += _urgent_not_slower(
            _ladder(pair.normal), _ladder(pair.urgent), f"ladders.{kind}"
        )
    per_severity = [("resolve.default", policy.resolve.default)]
    per_severity += [
        (f"resolve.categories.{cat}", value)
        for cat, value in (policy.resolve.categories or {}).items()
    ]
    per_severity.append(("reminders.every", policy.reminders.every))
    for where, value in per_severity:
        if value.urgent > value.normal:
            problems.append(f"{where}.urgent: longer than normal")
    return problems


def _urgent_not_slower(normal: Ladder, urgent: Ladder, where: str) -> list[str]:
    # An urgent tip reaches every rung at least as soon, and at least as high,
    # as a normal one.
    problems: list[str] = []
    if len(urgent.steps) < len(normal.steps):
        problems.append(f"{where}.urgent: fewer steps than normal")
    for i, (u, n) in enumerate(
        zip(step_offsets(urgent.steps), step_offsets(normal.steps), strict=False)
    ):
        if u > n:
            problems.append(f"{where}.urgent.steps[{i}]: later than the normal ladder's")
    if urgent.repeat.every > normal.repeat.every:
        problems.append(f"{where}.urgent.repeat.every: longer than the normal ladder's")
    return problems
