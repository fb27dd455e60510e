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
from typing import Any

import yaml

from shared.core import data_file as yaml_data
from shared.core.classify import CATEGORIES as CLASSIFIER_CATEGORIES
from shared.core.delivery import RetrySettings
from shared.core.ladder import (
    ROLES,
    SEVERITIES,
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


class PolicyError(ValueError):
    """The policy file is malformed; the message names the offending place."""


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
