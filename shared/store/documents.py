"""The storage form of a tip's policy snapshot and ladder state (Firestore maps).

The values live in `shared.core.ladder` as frozen dataclasses; this module is only
their serializer (as Grafana OnCall keeps `serializers/` apart from
`snapshot_classes/`). On the tip document:

    policy: {version, digest, unit_kind, severity, category,
             steps: [{after_s, targets: [{unit, role}]}],
             repeat_every_s, repeat_times, resolve_within_s,
             reminder_count, reminder_every_s}
    ladder: {phase, routed_at, last_step_at, cycle, step, repeats_done,
             taken_at, held_by, reminders_sent, overdue_at}

Durations are whole seconds (ints), so any duration survives the trip;
instants are timezone-aware datetimes (Firestore timestamps). `digest` is
written for people and queries grouping tips by ladder; on reading it is
recomputed from the content, never trusted. Unknown keys are ignored, so an
older reader survives a newer writer during a deploy.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field

from shared.core.ladder import (
    LadderState,
    Phase,
    PolicySnapshot,
    Repeat,
    Role,
    Severity,
    Step,
    Target,
    UnitRef,
)


class _Doc(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class TargetDoc(_Doc):
    unit: UnitRef
    role: Role


class StepDoc(_Doc):
    after_s: int = Field(ge=0)
    targets: list[TargetDoc]


class PolicySnapshotDoc(_Doc):
    version: str
    digest: str = ""
    unit_kind: str
    severity: Severity
    category: str
    steps: list[StepDoc] = Field(min_length=1)
    repeat_every_s: int = Field(ge=1)
    repeat_times: int = Field(ge=0)
    resolve_within_s: int = Field(ge=1)
    reminder_count: int = Field(ge=0)
    reminder_every_s: int = Field(ge=1)


class LadderStateDoc(_Doc):
    phase: Phase
    routed_at: AwareDatetime
    last_step_at: AwareDatetime
    cycle: int = Field(0, ge=0)
    step: int = Field(0, ge=0)
    repeats_done: int = Field(0, ge=0)
    taken_at: AwareDatetime | None = None
    held_by: str | None = None
    reminders_sent: int = Field(0, ge=0)
    overdue_at: AwareDatetime | None = None


def _seconds(d: timedelta) -> int:
    return int(d.total_seconds())


def snapshot_to_doc(snapshot: PolicySnapshot) -> dict[str, Any]:
    """The Firestore map of a snapshot."""
    doc = PolicySnapshotDoc(
        version=snapshot.version,
        digest=snapshot.digest,
        unit_kind=snapshot.unit_kind,
        severity=snapshot.severity,
        category=snapshot.category,
        steps=[
            StepDoc(
                after_s=_seconds(s.after),
                targets=[TargetDoc(unit=t.unit, role=t.role) for t in s.targets],
            )
            for s in snapshot.steps
        ],
        repeat_every_s=_seconds(snapshot.repeat.every),
        repeat_times=snapshot.repeat.times,
        resolve_within_s=_seconds(snapshot.resolve_within),
        reminder_count=snapshot.reminder_count,
        reminder_every_s=_seconds(snapshot.reminder_every),
    )
    return doc.model_dump(mode="python")


def snapshot_from_doc(data: Mapping[str, Any]) -> PolicySnapshot:
    """A snapshot back from its map; pydantic's ValidationError if malformed."""
    doc = PolicySnapshotDoc.model_validate(dict(data))
    return PolicySnapshot(
        version=doc.version,
        unit_kind=doc.unit_kind,
        severity=doc.severity,
        category=doc.category,
        steps=tuple(
            Step(
                after=timedelta(seconds=s.after_s),
                targets=tuple(Target(unit=t.unit, role=t.role) for t in s.targets),
            )
            for s in doc.steps
        ),
        repeat=Repeat(every=timedelta(seconds=doc.repeat_every_s), times=doc.repeat_times),
        resolve_within=timedelta(seconds=doc.resolve_within_s),
        reminder_count=doc.reminder_count,
        reminder_every=timedelta(seconds=doc.reminder_every_s),
    )


def ladder_to_doc(state: LadderState) -> dict[str, Any]:
    """The Firestore map of a ladder state."""
    doc = LadderStateDoc(
        phase=state.phase,
        routed_at=state.routed_at,
        last_step_at=state.last_step_at,
        cycle=state.cycle,
        step=state.step,
        repeats_done=state.repeats_done,
        taken_at=state.taken_at,
        held_by=state.held_by,
        reminders_sent=state.reminders_sent,
        overdue_at=state.overdue_at,
    )
    return doc.model_dump(mode="python")


def ladder_from_doc(data: Mapping[str, Any]) -> LadderState:
    """A ladder state back from its map; pydantic's ValidationError if malformed."""
    doc = LadderStateDoc.model_validate(dict(data))
    return LadderState(
        phase=doc.phase,
        routed_at=doc.routed_at,
        last_step_at=doc.last_step_at,
        cycle=doc.cycle,
        step=doc.step,
        repeats_done=doc.repeats_done,
        taken_at=doc.taken_at,
        held_by=doc.held_by,
        reminders_sent=doc.reminders_sent,
        overdue_at=doc.overdue_at,
    )
