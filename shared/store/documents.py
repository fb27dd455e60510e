"""The storage form of tinbao's documents: pydantic models of what Firestore holds,
and their conversion to and from the plain values the core and services use.

The values live in `shared.core` (the tip, its policy snapshot and ladder state)
and `shared.store.ports` (records); this module is only their serializer (as
Grafana OnCall keeps `serializers/` apart from `snapshot_classes/`). A tip's
policy snapshot and ladder state are maps on the tip document:

    policy: {version, digest, unit_kind, severity, category,
             steps: [{after_s, targets: [{unit, role}]}],
             repeat_every_s, repeat_times, resolve_within_s,
             reminder_count, reminder_every_s}
    ladder: {phase, routed_at, last_step_at, cycle, step, repeats_done,
             taken_at, held_by, reminders_sent, overdue_at, held_since, holds}

Durations are whole seconds (ints), so any duration survives the trip;
instants are timezone-aware datetimes (Firestore timestamps). `digest` is
written for people and queries grouping tips by ladder; on reading it is
recomputed from the content, never trusted. Unknown keys are ignored, so an
older reader survives a newer writer during a deploy.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, ValidationError

from shared.core import delivery, recipients
from shared.core.classify import Classification
from shared.core.intake import Summary
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
from shared.core.tip import (
    Acted,
    AuditEvent,
    Reopened,
    SplitOff,
    Tip,
    TipNote,
    TipStatus,
)
from shared.store.collections import DUE, DUE_AT, DueKind, SendKind, due_id, send_due_id
from shared.store.ports.line import (
    DeliveryStatus,
    DueItem,
    Enrolment,
    MessageRecord,
    OfficerRecord,
    Question,
    Reporter,
    SendRecord,
    Talk,
)
from shared.store.sizes import stored_size
from shared.store.summary_documents import (
    AttachmentDoc,
    LocationDoc,
    TextDoc,
    attachments_from_docs,
    locations_from_docs,
    summary_fields,
    texts_from_docs,
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
    held_since: AwareDatetime | None = None
    holds: int = Field(0, ge=0)


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
        held_since=state.held_since,
        holds=state.holds,
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
        held_since=doc.held_since,
        holds=doc.holds,
    )


# --- tips -----------------------------------------------------------------------------


class NoteDoc(_Doc):
    officer_id: str
    name: str = ""
    unit_id: str = ""
    at: AwareDatetime
    text: str = ""
    msg: str = ""


class ActedDoc(_Doc):
    msg: str
    outcome: str = ""
    reason: str = ""
    took: bool = False
    holder: str | None = None


class ClassificationDoc(_Doc):
    kind: str = "tip"
    category: str | None = None
    severity: str = "normal"
    topic: str | None = None
    subtopic: str | None = None
    reasons: list[str] = Field(default_factory=list)


class ReopenedDoc(_Doc):
    at: AwareDatetime
    msg: str
    text: str = ""
    was: TipStatus
    finished_by: str | None = None
    finished_by_name: str = ""
    finished_at: AwareDatetime | None = None
    cycle: int = 0
    count: int = 1


class SplitOffDoc(_Doc):
    msg: str
    ref: str
    reason: str
    at: AwareDatetime | None = None
    ward_code: str | None = None
    category: str | None = None


class TipDoc(_Doc):
    """`tips/{ref}` as stored (the fields the core reads; intake's own are left alone)."""

    ref: str
    status: TipStatus
    reporter_key: str
    oa_id: str
    created_at: AwareDatetime
    texts: list[TextDoc] = Field(default_factory=list)
    locations: list[LocationDoc] = Field(default_factory=list)
    attachments: list[AttachmentDoc] = Field(default_factory=list)
    message_count: int = 0
    expire_at: AwareDatetime | None = None
    first_tip: bool = False
    unit_id: str | None = None
    ward_code: str | None = None
    map: str | None = None
    resolution: dict[str, Any] | None = None
    classification: ClassificationDoc | None = None
    routed_at: AwareDatetime | None = None
    routed_msgs: list[str] = Field(default_factory=list)
    routing_failure: str | None = None
    policy: dict[str, Any] | None = None
    ladder: dict[str, Any] | None = None
    next_action_at: AwareDatetime | None = None
    complaint: bool = False
    complaint_about: str | None = None
    held_by: str | None = None
    holder_unit: str | None = None
    taken_at: AwareDatetime | None = None
    resolved_at: AwareDatetime | None = None
    resolved_by: str | None = None
    closed_at: AwareDatetime | None = None
    closed_by: str | None = None
    outcome_note: str | None = None
    overdue_at: AwareDatetime | None = None
    unreachable: list[str] = Field(default_factory=list)
    released_from: str | None = None
    transferred_from: str | None = None
    transferred_from_name: str | None = None
    transfer_reason: str | None = None
    notes: list[NoteDoc] = Field(default_factory=list)
    note_count: int = 0
    told_count: int = 0
    told_from: int = 0
    told_at: AwareDatetime | None = None
    told_updates: int = 0
    told_by: str | None = None
    update_at: AwareDatetime | None = None
    reopened: ReopenedDoc | None = None
    joined_into: str | None = None
    urgent_msg: str | None = None
    asked_at: AwareDatetime | None = None
    asked_by: str | None = None
    asked_msg: str | None = None
    acted: list[ActedDoc] = Field(default_factory=list)
    split_off: list[SplitOffDoc] = Field(default_factory=list)
    split_from: str | None = None


def tip_from_doc(data: Mapping[str, Any]) -> Tip:
    """The core's view of a stored tip; pydantic's ValidationError if malformed."""
    doc = TipDoc.model_validate(dict(data))
    c = doc.classification
    # A message split off to a tip of its own is no part of this one (intake's
    # summary, written apart from the router's fields, may still hold it).
    gone = {s.msg for s in doc.split_off}
    return Tip(
        ref=doc.ref,
        status=doc.status,
        reporter_key=doc.reporter_key,
        oa_id=doc.oa_id,
        created_at=doc.created_at,
        texts=tuple(t for t in texts_from_docs(doc.texts) if t.msg not in gone),
        locations=tuple(x for x in locations_from_docs(doc.locations) if x.msg not in gone),
        attachments=tuple(a for a in attachments_from_docs(doc.attachments) if a.msg not in gone),
        message_count=doc.message_count,
        expire_at=doc.expire_at,
        first_tip=doc.first_tip,
        unit_id=doc.unit_id,
        ward_code=doc.ward_code,
        map=doc.map,
        resolution=doc.resolution,
        classification=Classification(
            c.kind, c.category, c.severity, c.topic, c.subtopic, tuple(c.reasons)
        )
        if c
        else None,
        routed_at=doc.routed_at,
        routed_msgs=tuple(doc.routed_msgs),
        routing_failure=doc.routing_failure,
        policy=snapshot_from_doc(doc.policy) if doc.policy else None,
        ladder=ladder_from_doc(doc.ladder) if doc.ladder else None,
        next_action_at=doc.next_action_at,
        complaint=doc.complaint,
        complaint_about=doc.complaint_about,
        held_by=doc.held_by,
        holder_unit=doc.holder_unit,
        taken_at=doc.taken_at,
        resolved_at=doc.resolved_at,
        resolved_by=doc.resolved_by,
        closed_at=doc.closed_at,
        closed_by=doc.closed_by,
        outcome_note=doc.outcome_note,
        overdue_at=doc.overdue_at,
        unreachable=tuple(doc.unreachable),
        released_from=doc.released_from,
        transferred_from=doc.transferred_from,
        transferred_from_name=doc.transferred_from_name,
        transfer_reason=doc.transfer_reason,
        notes=tuple(
            TipNote(n.officer_id, n.name, n.unit_id, n.at, n.text, n.msg) for n in doc.notes
        ),
        note_count=max(doc.note_count, len(doc.notes)),
        told_count=doc.told_count,
        told_from=doc.told_from,
        told_at=doc.told_at,
        told_updates=doc.told_updates,
        told_by=doc.told_by,
        update_at=doc.update_at,
        reopened=Reopened(**doc.reopened.model_dump()) if doc.reopened else None,
        joined_into=doc.joined_into,
        urgent_msg=doc.urgent_msg,
        asked_at=doc.asked_at,
        asked_by=doc.asked_by,
        asked_msg=doc.asked_msg,
        acted=tuple(Acted(**a.model_dump()) for a in doc.acted),
        split_off=tuple(SplitOff(**s.model_dump()) for s in doc.split_off),
        split_from=doc.split_from,
    )


def salvage_tip(ref: str, data: Mapping[str, Any], now: datetime) -> tuple[Tip, dict[str, Any]]:
    """A damaged tip made readable, for the desk's last resort: each top-level field
    that fails validation takes its default (the identity fields a neutral value).
    Returns the tip and the repaired fields in their stored form, to write back."""
    doc = dict(data)
    repairs: dict[str, Any] = {}
    for _ in range(len(TipDoc.model_fields) + 1):
        try:
            return tip_from_doc(doc), repairs
        except ValidationError as exc:
            bad = {str(e["loc"][0]) for e in exc.errors() if e["loc"]} - set(repairs)
            if not bad:
                raise
            for name in bad:
                repairs[name] = doc[name] = _repaired(name, ref, now)
    raise AssertionError("unreachable: every field repaired")


def _repaired(name: str, ref: str, now: datetime) -> Any:
    neutral = {
        "ref": ref,
        "status": TipStatus.RECEIVED.value,
        "reporter_key": "",
        "oa_id": "",
        "created_at": now,
    }
    if name in neutral:
        return neutral[name]
    info = TipDoc.model_fields.get(name)
    if info is not None and info.default_factory is not None:
        return info.default_factory()  # type: ignore[call-arg]
    return None


# The fields a transition may change; the rest (the citizen's messages, intake's
# bookkeeping) belong to intake and are never written back from a decision.
_DECIDED = (
    "status",
    "unit_id",
    "ward_code",
    "map",
    "resolution",
    "classification",
    "routed_at",
    "routed_msgs",
    "routing_failure",
    "policy",
    "ladder",
    "next_action_at",
    "complaint",
    "complaint_about",
    "held_by",
    "holder_unit",
    "taken_at",
    "resolved_at",
    "resolved_by",
    "closed_at",
    "closed_by",
    "outcome_note",
    "overdue_at",
    "unreachable",
    "released_from",
    "transferred_from",
    "transferred_from_name",
    "transfer_reason",
    "notes",
    "note_count",
    "told_count",
    "told_from",
    "told_at",
    "told_updates",
    "told_by",
    "update_at",
    "reopened",
    "joined_into",
    "urgent_msg",
    "asked_at",
    "asked_by",
    "asked_msg",
    "acted",
    "split_off",
    "split_from",
)


def _decided_fields(tip: Tip) -> dict[str, Any]:
    return {
        "status": tip.status.value,
        "unit_id": tip.unit_id,
        "ward_code": tip.ward_code,
        "map": tip.map,
        "resolution": dict(tip.resolution) if tip.resolution is not None else None,
        "classification": tip.classification.as_dict() if tip.classification else None,
        "routed_at": tip.routed_at,
        "routed_msgs": list(tip.routed_msgs),
        "routing_failure": tip.routing_failure,
        "policy": snapshot_to_doc(tip.policy) if tip.policy else None,
        "ladder": ladder_to_doc(tip.ladder) if tip.ladder else None,
        "next_action_at": tip.next_action_at,
        "complaint": tip.complaint,
        "complaint_about": tip.complaint_about,
        "held_by": tip.held_by,
        "holder_unit": tip.holder_unit,
        "taken_at": tip.taken_at,
        "resolved_at": tip.resolved_at,
        "resolved_by": tip.resolved_by,
        "closed_at": tip.closed_at,
        "closed_by": tip.closed_by,
        "outcome_note": tip.outcome_note,
        "overdue_at": tip.overdue_at,
        "unreachable": list(tip.unreachable),
        "released_from": tip.released_from,
        "transferred_from": tip.transferred_from,
        "transferred_from_name": tip.transferred_from_name,
        "transfer_reason": tip.transfer_reason,
        "notes": [
            {"officer_id": n.officer_id, "name": n.name, "unit_id": n.unit_id, "at": n.at}
            | {"text": n.text, "msg": n.msg}
            for n in tip.notes
        ],
        "note_count": tip.note_count,
        "told_count": tip.told_count,
        "told_from": tip.told_from,
        "told_at": tip.told_at,
        "told_updates": tip.told_updates,
        "told_by": tip.told_by,
        "update_at": tip.update_at,
        "reopened": _reopened_doc(tip.reopened),
        "joined_into": tip.joined_into,
        "urgent_msg": tip.urgent_msg,
        "asked_at": tip.asked_at,
        "asked_by": tip.asked_by,
        "asked_msg": tip.asked_msg,
        "acted": [
            {"msg": a.msg, "outcome": a.outcome, "reason": a.reason, "took": a.took}
            | {"holder": a.holder}
            for a in tip.acted
        ],
        "split_off": [
            {"msg": x.msg, "ref": x.ref, "reason": x.reason, "at": x.at}
            | {"ward_code": x.ward_code, "category": x.category}
            for x in tip.split_off
        ],
        "split_from": tip.split_from,
    }


def _reopened_doc(r: Reopened | None) -> dict[str, Any] | None:
    if r is None:
        return None
    return {
        "at": r.at,
        "msg": r.msg,
        "text": r.text,
        "was": r.was.value,
        "finished_by": r.finished_by,
        "finished_by_name": r.finished_by_name,
        "finished_at": r.finished_at,
        "cycle": r.cycle,
        "count": r.count,
    }


def tip_updates(stored: Mapping[str, Any], after: Tip) -> dict[str, Any]:
    """The decided fields whose stored form differs from the document as read (a
    field never written yet is written, so a routed tip carries every field)."""
    absent = object()
    new = _decided_fields(after)
    return {name: new[name] for name in _DECIDED if stored.get(name, absent) != new[name]}


def spawned_tip_doc(tip: Tip, now: datetime, event: AuditEvent | None = None) -> dict[str, Any]:
    """The whole document of a tip a change starts (a message split off to a tip of
    its own): intake's fields as if the message had opened it, and the router's, and
    the first entry of its trail."""
    summary = Summary(
        texts=tip.texts,
        locations=tip.locations,
        attachments=tip.attachments,
        messages=tip.message_count,
        texts_total=len(tip.texts),
        locations_total=len(tip.locations),
        attachments_total=len(tip.attachments),
    )
    return {
        "ref": tip.ref,
        "reporter_key": tip.reporter_key,
        "oa_id": tip.oa_id,
        "created_at": tip.created_at,
        "updated_at": now,
        "last_message_at": now,
        **summary_fields(summary),
        "unpublished": False,
        "expire_at": tip.expire_at,
        **tip_updates({}, tip),
        **({TRAIL: [trail_entry(event, now)]} if event is not None else {}),
    }


def event_doc(event: AuditEvent, at: datetime, expire_at: datetime | None) -> dict[str, Any]:
    # TTL does not cascade: an event kept as a document of its own (spilled past the
    # list's bound, or an older release's) expires with its tip.
    return {**trail_entry(event, at), "expire_at": expire_at}


def trail_entry(event: AuditEvent, at: datetime) -> dict[str, Any]:
    """An entry of a tip's audit trail as the tip's `events` list keeps it."""
    return {"at": at, "actor": event.actor, "kind": event.kind, "data": dict(event.data)}


# A tip's audit trail is a list on the tip (`events`), written in the write of the
# change it records (issue 18, round 13: one document written a change, not two).
# Bounded so the tip stays far below Firestore's 1 MiB a document (the rest of a tip
# is bounded too: `shared.core.tip.NOTES_KEPT`, the latest commands `acted`): past
# either bound, the trail goes on as documents of `tips/{ref}/events`, as before, one
# write each, numbered in order (`events_spilled` counts them). Nothing is dropped.
TRAIL = "events"
TRAIL_SPILLED = "events_spilled"
TRAIL_MAX_EVENTS = 200
TRAIL_MAX_BYTES = 256 * 1024


def spilled_event_id(n: int) -> str:
    """The id of the n-th trail document past the list (0-based): in the trail's
    order, whatever the clock (an older release's documents have random ids)."""
    return f"spilled-{n:06d}"


def trail_appended(
    stored: Mapping[str, Any], entries: list[dict[str, Any]]
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """A change's trail entries added to the tip as stored: the fields to write on the
    tip, and the entries past the list's bound, by document id (`spilled_event_id`),
    to write as documents of `tips/{ref}/events`. Once one spills, every later one
    does (the trail keeps its order: the list, then the documents)."""
    if not entries:
        return {}, {}
    kept = list(stored.get(TRAIL) or [])
    spilled = int(stored.get(TRAIL_SPILLED) or 0)
    size = stored_size(kept)
    added: list[dict[str, Any]] = []
    spill: dict[str, dict[str, Any]] = {}
    for entry in entries:
        size += stored_size(entry)
        full = len(kept) + len(added) >= TRAIL_MAX_EVENTS or size > TRAIL_MAX_BYTES
        if spilled or spill or full:
            spill[spilled_event_id(spilled + len(spill))] = entry
        else:
            added.append(entry)
    fields: dict[str, Any] = {TRAIL: kept + added} if added else {}
    if spill:
        fields[TRAIL_SPILLED] = spilled + len(spill)
    return fields, spill


# --- people and messages ------------------------------------------------------------------


class _Conversation(_Doc):
    last_topic: str | None = None
    last_at: AwareDatetime | None = None


class ReporterDoc(_Doc):
    """`reporters/{key}` in the contacts database: who the pseudonym is, nothing else."""

    zalo_user_id: str | None = None
    oa_id: str | None = None
    expire_at: AwareDatetime | None = None


def reporter_from_doc(key: str, data: Mapping[str, Any]) -> Reporter:
    doc = ReporterDoc.model_validate(dict(data))
    return Reporter(key, doc.zalo_user_id, doc.oa_id, doc.expire_at)


class _TalkDoc(_Doc):
    conversation: _Conversation | None = None


def talk_from_doc(data: Mapping[str, Any] | None) -> Talk:
    """The assistant's follow-up window, kept on `senders/{key}` (main)."""
    talk = _TalkDoc.model_validate(dict(data or {})).conversation or _Conversation()
    return Talk(talk.last_topic, talk.last_at)


class MessageDoc(_Doc):
    kind: str
    tip_id: str | None = None
    sender_key: str
    oa_id: str
    text: str | None = None
    handled: bool = False
    classification: dict[str, Any] | None = None
    received_at: AwareDatetime | None = None
    gave_up: bool = False
    throttled: bool = False
    expire_at: AwareDatetime | None = None


def message_from_doc(key: str, data: Mapping[str, Any]) -> MessageRecord:
    doc = MessageDoc.model_validate(dict(data))
    return MessageRecord(
        key,
        doc.kind,
        doc.tip_id,
        doc.sender_key,
        doc.oa_id,
        doc.text,
        doc.handled,
        doc.classification,
        doc.received_at,
        doc.gave_up,
        doc.throttled,
        doc.expire_at,
    )


class OfficerDoc(_Doc):
    name: str = ""
    unit_id: str = ""
    role: str = ""
    active: bool = False
    zalo_user_id: str | None = None
    oa_id: str | None = None
    enrolled_at: AwareDatetime | None = None


def officer_from_doc(officer_id: str, data: Mapping[str, Any]) -> OfficerRecord:
    doc = OfficerDoc.model_validate(dict(data))
    return OfficerRecord(
        officer_id, doc.name, doc.unit_id, doc.role, doc.active, doc.zalo_user_id, doc.oa_id
    )


def the_officer(found: Iterable[tuple[str, Mapping[str, Any]]]) -> OfficerRecord | None:
    """The one officer a Zalo account acts as, among the records that carry its id:
    the active one (the latest enrolled, should older data hold two), else the
    latest inactive one (whose commands are refused as inactive)."""
    epoch = datetime.min.replace(tzinfo=UTC)

    def rank(item: tuple[str, Mapping[str, Any]]) -> tuple[bool, datetime, str]:
        doc = OfficerDoc.model_validate(dict(item[1]))
        return (doc.active, doc.enrolled_at or epoch, item[0])

    ordered = sorted(found, key=rank)
    return officer_from_doc(*ordered[-1]) if ordered else None


@dataclass(frozen=True)
class EnrolmentWrites:
    """What an enrolment writes, decided on what was read in its transaction."""

    result: Enrolment
    officer_id: str | None = None  # the new officer record, with `officer`
    officer: dict[str, Any] | None = None
    retired: tuple[str, ...] = ()  # earlier records of the same Zalo account, made inactive
    retire_fields: dict[str, Any] = field(default_factory=dict)
    retire_event: dict[str, Any] = field(default_factory=dict)
    invite_used: dict[str, Any] | None = None


def enrolment_writes(
    code: str,
    invite: Mapping[str, Any] | None,
    existing: list[tuple[str, Mapping[str, Any]]],
    zalo_user_id: str,
    oa_id: str,
    now: datetime,
) -> EnrolmentWrites:
    """DK <code>: consume the invite once and bind the account to a new officer record.
    A Zalo account is one officer: its other active records are retired (kept,
    inactive, with an audit event naming the record that replaced them)."""
    current = the_officer(existing)
    if invite is None:
        return EnrolmentWrites(Enrolment("unknown_code"))
    if invite.get("used_at") is not None:
        if current and current.officer_id == invite.get("officer_id"):
            return EnrolmentWrites(Enrolment("already", current))
        return EnrolmentWrites(Enrolment("used_code"))
    if invite["expires_at"] <= now:
        return EnrolmentWrites(Enrolment("expired_code"))
    officer_id = f"cb-{code.lower()}"
    doc = {
        "name": invite["name"],
        "unit_id": invite["unit_id"],
        "role": invite["role"],
        "active": True,
        "zalo_user_id": zalo_user_id,
        "oa_id": oa_id,
        "enrolled_at": now,
    }
    retired = tuple(i for i, d in existing if d.get("active") and i != officer_id)
    previous = current if current and current.officer_id in retired else None
    return EnrolmentWrites(
        Enrolment("moved" if previous else "ok", officer_from_doc(officer_id, doc), previous),
        officer_id,
        doc,
        retired,
        retired_officer_fields(now, "enrolled_again", officer_id),
        officer_event_doc(now, "enrolment", "retired", {"replaced_by": officer_id}),
        {"used_at": now, "officer_id": officer_id},
    )


def retired_officer_fields(now: datetime, reason: str, replaced_by: str | None) -> dict[str, Any]:
    """An officer record made inactive: kept for the audit, never deleted."""
    return {
        "active": False,
        "deactivated_at": now,
        "deactivated_reason": reason,
        "replaced_by": replaced_by,
    }


def officer_event_doc(
    at: datetime, actor: str, kind: str, data: Mapping[str, Any]
) -> dict[str, Any]:
    """An entry of `officers/{id}/events`: who changed the record, how, when."""
    return {"at": at, "actor": actor, "kind": kind, "data": dict(data)}


class QuestionDoc(_Doc):
    code: str
    status: str
    text: str = ""
    message_id: str
    reporter_key: str
    oa_id: str
    created_at: AwareDatetime
    expire_at: AwareDatetime | None = None
    more: int = 0


def question_from_doc(data: Mapping[str, Any]) -> Question:
    doc = QuestionDoc.model_validate(dict(data))
    return Question(
        doc.code,
        doc.status,
        doc.text,
        doc.message_id,
        doc.reporter_key,
        doc.oa_id,
        doc.created_at,
        doc.expire_at,
        doc.more,
    )


def question_doc(question: Question) -> dict[str, Any]:
    # The citizen's words and pseudonym: expires like the message it came from.
    return {
        "code": question.code,
        "status": question.status,
        "created_at": question.created_at,
        "text": question.text,
        "message_id": question.message_id,
        "reporter_key": question.reporter_key,
        "oa_id": question.oa_id,
        "expire_at": question.expire_at,
        "more": question.more,
    }


# --- sends and the schedule ------------------------------------------------------------------


class _Button(_Doc):
    title: str
    payload: str


class SendDoc(_Doc):
    oa_id: str
    to: str
    text: str
    buttons: list[_Button] = Field(default_factory=list)
    tip_id: str | None = None
    step: str | None = None
    officer_id: str | None = None
    audience: str | None = None
    status: DeliveryStatus | None = None
    attempts: int = 0
    claimed_at: AwareDatetime | None = None
    strikes: int = 0
    created_at: AwareDatetime | None = None
    finished_at: AwareDatetime | None = None
    next_retry_at: AwareDatetime | None = None
    outage: bool = False


def send_from_doc(data: Mapping[str, Any]) -> SendRecord:
    doc = SendDoc.model_validate(dict(data))
    return SendRecord(
        oa_id=doc.oa_id,
        to=recipients.parse(doc.to),
        text=doc.text,
        buttons=tuple((b.title, b.payload) for b in doc.buttons),
        tip_id=doc.tip_id,
        step=doc.step,
        officer_id=doc.officer_id,
        audience=doc.audience,
        status=doc.status,
        attempts=doc.attempts,
        claimed_at=doc.claimed_at,
        strikes=doc.strikes,
        created_at=doc.created_at,
        finished_at=doc.finished_at,
        next_retry_at=doc.next_retry_at,
        outage=doc.outage,
    )


def alert_reached(doc: Mapping[str, Any]) -> bool:
    """An alert that went out, or may still (one recorded and not yet done counts;
    an unreachable, given up or superseded one does not)."""
    reached = {s.value for s in (*delivery.WAITING, DeliveryStatus.SENT)}
    return bool(doc.get("officer_id")) and doc.get("status") in reached


# Long enough for the report's windows (a send record keeps what an officer or a
# citizen was told, under a pseudonymous recipient).
SEND_RETENTION = timedelta(days=90)


def _send_fields(record: SendRecord) -> dict[str, Any]:
    """The message itself, kept so that any sender can (re)try it."""
    doc: dict[str, Any] = {
        "oa_id": record.oa_id,
        "text": record.text,
        "buttons": [{"title": t, "payload": p} for t, p in record.buttons],
        "to": record.to.ref,  # never the Zalo id (`shared.core.recipients`)
    }
    for name in ("tip_id", "step", "officer_id", "audience"):
        value = getattr(record, name)
        if value is not None:
            doc[name] = value
    return doc


def send_pending_doc(record: SendRecord, now: datetime) -> dict[str, Any]:
    """A send recorded with the change that calls for it, not tried yet."""
    return {
        **_send_fields(record),
        "status": DeliveryStatus.PENDING.value,
        "attempts": 0,
        "strikes": 0,
        "created_at": now,
        "expire_at": now + SEND_RETENTION,
    }


def send_recorded_doc(record: SendRecord, now: datetime, claimed: bool) -> dict[str, Any]:
    """A send recorded with the change that calls for it: pending, or (`claimed`)
    claimed in the same write by the change's caller, who attempts it next: a
    claim's document (`send_claim_doc`, first attempt) with no strikes yet."""
    if not claimed:
        return send_pending_doc(record, now)
    return {**send_claim_doc(record, now, 1, now), "strikes": 0}


def send_claim_doc(
    record: SendRecord, now: datetime, attempts: int, created_at: datetime
) -> dict[str, Any]:
    """What a claim writes: the message (kept so it can be retried) and the claim."""
    return {
        **_send_fields(record),
        "status": DeliveryStatus.SENDING.value,
        "claimed_at": now,
        "attempts": attempts,
        "created_at": created_at,
        "expire_at": created_at + SEND_RETENTION,
    }


# At most this many of the quota's fields are kept (its shape beyond `quota_type` and
# `remain` is not confirmed by Zalo's documents: its scalar fields are kept as text).
QUOTA_FIELDS = 10


def send_finish_fields(
    status: DeliveryStatus,
    now: datetime,
    retry_at: datetime | None,
    message_id: str | None,
    error: int | None,
    strikes: int | None = None,
    outage: bool | None = None,
    quota: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "status": status.value,
        "finished_at": now,
        "next_retry_at": retry_at,
        DUE_AT: retry_at,  # a retry stays scheduled; anything else leaves the schedule
    }
    if quota:
        # Zalo's `data.quota` of the accepted send, kept on its record for ops to read
        # (how many free replies are left): scalar fields as text, nothing nested.
        scalars = [(str(k), v) for k, v in quota.items() if isinstance(v, str | int | float)]
        fields["quota"] = {k: str(v) for k, v in scalars[:QUOTA_FIELDS]}
    if outage is not None:
        fields["outage"] = outage
    if message_id is not None:
        fields["message_id"] = message_id
    if error is not None:
        fields["error"] = error
    if strikes is not None:
        fields["strikes"] = strikes
    return fields


def send_due_fields(at: datetime, rank: int | None = None) -> dict[str, Any]:
    """A send's entry of the schedule, on its own record (`due_at`): written with the
    record, moved to a failure's retry time, null once done. `rank` orders a
    backlog (lower first)."""
    fields: dict[str, Any] = {DUE_AT: at}
    if rank is not None:
        fields["rank"] = rank
    return fields


def send_due_item(kind: SendKind, key: str, data: Mapping[str, Any]) -> DueItem:
    """A send found due by the schedule's query on its collection."""
    rank = data.get("rank")
    return DueItem(
        send_due_id(kind.value, key),
        DueKind.SEND.value,
        data[DUE_AT],
        send_kind=kind,
        send_key=key,
        rank=int(rank) if rank is not None else None,
    )


def message_due_item(key: str, data: Mapping[str, Any]) -> DueItem:
    """A message no router has handled, found due by the schedule's query on
    `messages` (`due_at`, written with the message, null once handled)."""
    return DueItem(
        due_id(DueKind.MESSAGE, key),
        DueKind.MESSAGE.value,
        data[DUE_AT],
        tip_id=data.get("tip_id"),
        message_id=key,
        event_kind=data.get("event_kind"),
        oa_id=data.get("oa_id"),
        attempts=int(data.get("republish_attempts") or 0),
    )


def rescheduled_fields(collection: str, at: datetime, attempts: int | None) -> dict[str, Any]:
    """What moving an entry of the schedule writes where it is kept
    (`shared.store.collections.due_home`)."""
    if collection == DUE:
        fields: dict[str, Any] = {"at": at}
        if attempts is not None:
            fields["attempts"] = attempts
        return fields
    fields = {DUE_AT: at}
    if attempts is not None:
        fields["republish_attempts"] = attempts
    return fields
