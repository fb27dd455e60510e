"""Firestore reads and writes of the admin commands (`tinbao seed|officer|zalo|report`).

The router and webhook go through `shared.store.line` and `shared.store.intake`;
the operator's tools go through this module, so the CLI modules never touch
Firestore. Each adapter function takes the operator's `Databases` (officers,
invites, units, rosters and OA tokens live in the identity database); what to write is
decided by the pure functions next to them (`profile_problems`,
`officer_doc`, `tip_record`, `count_questions`), which the tests exercise on
plain dicts.

Documents written (the router reads them exactly so):

- `units/{unit_id}`: `name`, `kind`, `parent` (from the seed, checked against
  the profile, which is the source of truth for the unit tree).
- `officers/{officer_id}`: `name`, `unit_id`, `role`, `active`,
  `zalo_user_id` (str or None), `enrolled_at` (datetime or None); a record
  retired by a move or a deactivation keeps everything, with `active` false,
  `deactivated_at`, `deactivated_reason`, `replaced_by`, and an entry in
  `officers/{officer_id}/events`.
- `rosters/{unit_id}`: `shared.core.roster.roster_to_dict` as it is (it holds
  `unit_id`; each rotation crew is a map `{"officers": [ids]}`, which
  Firestore can store, so crews of any size are written).
- `invites/{code}`: `unit_id`, `name`, `role`, `created_at`, `expires_at`
  (created + 24 h), `used_at` None, `officer_id` None. The router consumes it.
- `oa_tokens/{oa_id}` (confidential): `access_token`, `refresh_token`,
  `expires_at`, `updated_at`.

Seeding is idempotent: the same seed written twice gives the same documents.
Officers and rosters that are in Firestore but not in the seed are left as they
are and reported (`SeedSummary.officers_not_in_seed`): officers who enrolled
with an invite code are never in the seed, so deleting or deactivating
"unknown" officers would lock out every enrolled officer. Retire an officer by
setting `active: false` in the seed instead.
"""

from __future__ import annotations

import secrets
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore

from shared.core import tip as tip_core
from shared.core.jurisdiction import Profile
from shared.core.refcode import ALPHABET as CODE_ALPHABET
from shared.core.report_figures import LadderEvent, SendFact, coarse_point, take_target
from shared.core.roster import ROLES, roster_to_dict
from shared.core.seed import Seed, SeedError, SeedOfficer
from shared.core.sla import TipRecord
from shared.core.tip import TipNote, TipStatus
from shared.store import transactions
from shared.store.collections import (
    ALERTS,
    DUE,
    DUE_AT,
    EVENTS,
    INVITES,
    MESSAGES,
    OA_TOKENS,
    OFFICERS,
    QUESTIONS,
    REPLIES,
    ROSTERS,
    TIPS,
    UNITS,
    DueKind,
)
from shared.store.databases import Databases
from shared.store.databases import connect as connect_databases
from shared.store.documents import (
    TRAIL,
    officer_event_doc,
    retired_officer_fields,
    snapshot_from_doc,
    tip_from_doc,
)
from shared.store.line import FirestoreLine
from shared.store.tip_sends import SENDS, sends_of
from shared.zalo.tokens import TokenPair

INVITE_LIFETIME = timedelta(hours=24)
INVITE_CODE_LENGTH = 8  # 31^8 ≈ 8.5e11 codes; DK accepts 4-16 letters and digits
_BATCH_LIMIT = 500  # Firestore's limit of writes in one batch
_INVITE_ATTEMPTS = 5


def connect(project: str, names: Mapping[str, str]) -> Databases:
    """The operator's clients, one per database (`Settings.database_names`; the
    emulator when FIRESTORE_EMULATOR_HOST is set)."""
    return connect_databases(project, names)


# --- seed -------------------------------------------------------------------------


@dataclass(frozen=True)
class SeedSummary:
    units: int
    officers: int
    rosters: int
    pre_enrolled: int  # officers the seed gives a (local stack) Zalo id
    enrolments_kept: int  # officers without a Zalo id in the seed who had enrolled
    officers_not_in_seed: tuple[str, ...]  # left untouched (see the module docstring)
    rosters_not_in_seed: tuple[str, ...]


def profile_problems(seed: Seed, profile: Profile) -> list[str]:
    """What in the seed's units disagrees with the profile (empty: none).

    The profile is the source of truth for the tree: every unit id must be one
    of the profile's, with the profile's kind, parent and name.
    """
    problems: list[str] = []
    unknown = [u.unit_id for u in seed.units if u.unit_id not in profile.units]
    if unknown:
        problems.append(
            f"units: not in profile {profile.name}: {', '.join(unknown)} "
            f"(known: {', '.join(sorted(profile.units))})"
        )
    for i, unit in enumerate(seed.units):
        known = profile.units.get(unit.unit_id)
        if known is None:
            continue
        if unit.kind != known.kind:
            problems.append(
                f"units[{i}].kind: {unit.unit_id} is a {known.kind} in profile "
                f"{profile.name}, not a {unit.kind}"
            )
        if unit.parent != known.parent:
            problems.append(
                f"units[{i}].parent: the parent of {unit.unit_id} is {known.parent} in "
                f"profile {profile.name}, not {unit.parent}"
            )
        if unit.name != known.name:
            problems.append(
                f"units[{i}].name: the profile names {unit.unit_id} {known.name!r}, "
                f"not {unit.name!r}"
            )
    return problems


def officer_doc(
    officer: SeedOfficer, existing: Mapping[str, Any] | None, now: datetime
) -> dict[str, Any]:
    """The `officers/{id}` document for a seeded officer, given what is stored.

    The seed decides name, unit, role and active. A Zalo id in the seed (local
    stack only) pre-enrols the officer; `enrolled_at` is kept when the stored
    id is the same, so writing the seed again changes nothing. Without a Zalo
    id in the seed, a stored enrolment (made with `DK <code>`) is kept.
    """
    existing = existing or {}
    doc: dict[str, Any] = {
        "name": officer.name,
        "unit_id": officer.unit_id,
        "role": officer.role,
        "active": officer.active,
    }
    stored_id = existing.get("zalo_user_id")
    stored_at = existing.get("enrolled_at")
    if officer.zalo_user_id is not None:
        same = stored_id == officer.zalo_user_id and stored_at is not None
        doc["zalo_user_id"] = officer.zalo_user_id
        doc["enrolled_at"] = stored_at if same else now
    else:
        doc["zalo_user_id"] = stored_id
        doc["enrolled_at"] = stored_at if stored_id is not None else None
    return doc


def write_seed(
    db: Databases, seed: Seed, profile: Profile, *, now: datetime | None = None
) -> SeedSummary:
    """Write the seed's units, officers and rosters; raises SeedError if the profile disagrees."""
    problems = profile_problems(seed, profile)
    if problems:
        raise SeedError(problems)
    now = now or datetime.now(UTC)
    stored = {snap.id: snap.to_dict() or {} for snap in db.collection(OFFICERS).stream()}
    stored_rosters = {ref.id for ref in db.collection(ROSTERS).list_documents()}

    writes: list[tuple[Any, dict[str, Any]]] = []
    for unit in seed.units:
        doc = {"name": unit.name, "kind": unit.kind, "parent": unit.parent}
        writes.append((db.collection(UNITS).document(unit.unit_id), doc))
    kept = 0
    for officer in seed.officers:
        doc = officer_doc(officer, stored.get(officer.officer_id), now)
        if officer.zalo_user_id is None and doc["zalo_user_id"] is not None:
            kept += 1
        writes.append((db.collection(OFFICERS).document(officer.officer_id), doc))
    for roster in seed.rosters:
        writes.append((db.collection(ROSTERS).document(roster.unit_id), roster_to_dict(roster)))

    for start in range(0, len(writes), _BATCH_LIMIT):
        batch = db.of(OFFICERS).batch()  # units, officers, rosters: identity
        for ref, doc in writes[start : start + _BATCH_LIMIT]:
            batch.set(ref, doc)  # the whole document: a second run writes the same
        batch.commit()

    seeded = {o.officer_id for o in seed.officers}
    seeded_rosters = {r.unit_id for r in seed.rosters}
    return SeedSummary(
        units=len(seed.units),
        officers=len(seed.officers),
        rosters=len(seed.rosters),
        pre_enrolled=sum(1 for o in seed.officers if o.zalo_user_id is not None),
        enrolments_kept=kept,
        officers_not_in_seed=tuple(sorted(set(stored) - seeded)),
        rosters_not_in_seed=tuple(sorted(stored_rosters - seeded_rosters)),
    )


# --- officers and invites ----------------------------------------------------------


@dataclass(frozen=True)
class Invite:
    code: str
    unit_id: str
    name: str
    role: str
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class OfficerRow:
    officer_id: str
    name: str
    unit_id: str
    role: str
    active: bool
    enrolled: bool  # the Zalo id itself is confidential and never leaves this module


def new_invite_code(choice: Callable[[str], str] = secrets.choice) -> str:
    """Eight characters without look-alikes (no 0/O, 1/I/L), as `DK <code>` accepts."""
    return "".join(choice(CODE_ALPHABET) for _ in range(INVITE_CODE_LENGTH))


def create_invite(
    db: Databases,
    unit_id: str,
    name: str,
    role: str,
    now: datetime,
    code_factory: Callable[[], str] = new_invite_code,
) -> Invite:
    """Store `invites/{code}` with a create precondition; a taken code draws another."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (one of {', '.join(ROLES)})")
    if now.tzinfo is None:
        raise ValueError("a timezone-aware datetime is required")
    for _ in range(_INVITE_ATTEMPTS):
        invite = Invite(code_factory(), unit_id, name, role, now, now + INVITE_LIFETIME)
        try:
            db.collection(INVITES).document(invite.code).create(
                {
                    "unit_id": unit_id,
                    "name": name,
                    "role": role,
                    "created_at": invite.created_at,
                    "expires_at": invite.expires_at,
                    "used_at": None,
                    "officer_id": None,
                }
            )
        except gexc.Conflict:  # AlreadyExists: that code is taken
            continue
        return invite
    raise RuntimeError(f"no free invite code after {_INVITE_ATTEMPTS} attempts")


def list_officers(db: Databases, unit: str | None = None) -> list[OfficerRow]:
    query: Any = db.collection(OFFICERS)
    if unit is not None:
        query = query.where(filter=firestore.FieldFilter("unit_id", "==", unit))
    rows = []
    for snap in query.stream():
        d = snap.to_dict() or {}
        rows.append(
            OfficerRow(
                officer_id=snap.id,
                name=str(d.get("name", "")),
                unit_id=str(d.get("unit_id", "")),
                role=str(d.get("role", "")),
                active=bool(d.get("active", False)),
                enrolled=d.get("zalo_user_id") is not None,
            )
        )
    return sorted(rows, key=lambda r: (r.unit_id, r.officer_id))


@dataclass(frozen=True)
class Retired:
    """What retiring an officer record did: the record that replaced it (a move),
    and the tips it held, given back to their units."""

    officer_id: str
    name: str
    replaced_by: str | None
    given_back: tuple[str, ...]


class UnknownOfficer(LookupError):
    """No officer record with that id."""


def move_officer(
    db: Databases,
    officer_id: str,
    unit_id: str,
    role: str | None,
    now: datetime,
    code_factory: Callable[[], str] = new_invite_code,
) -> Retired:
    """The officer moves to `unit_id`: a new record there (same person, same Zalo
    account), the old one retired and kept. Rosters name records, so the new
    record is on no roster until the unit puts it there."""
    old_ref = db.collection(OFFICERS).document(officer_id)
    new_id = f"cb-{code_factory().lower()}"

    @firestore.transactional
    def body(txn: Any) -> Retired:
        snap = old_ref.get(transaction=txn)
        if not snap.exists:
            raise UnknownOfficer(officer_id)
        old = snap.to_dict() or {}
        new_ref = db.collection(OFFICERS).document(new_id)
        txn.create(
            new_ref,
            {
                "name": old.get("name", ""),
                "unit_id": unit_id,
                "role": role or old.get("role", ""),
                "active": True,
                "zalo_user_id": old.get("zalo_user_id"),
                "oa_id": old.get("oa_id"),
                "enrolled_at": old.get("enrolled_at"),
                "moved_from": officer_id,
            },
        )
        txn.set(
            new_ref.collection(EVENTS).document(),
            officer_event_doc(now, "operator", "moved_in", {"from": officer_id}),
        )
        _retire(txn, old_ref, now, "moved", new_id, {"to": new_id, "unit_id": unit_id})
        return Retired(officer_id, str(old.get("name", "")), new_id, ())

    done = body(db.of(OFFICERS).transaction())
    return replace(done, given_back=_give_back(db, officer_id, now, "moved"))


def deactivate_officer(db: Databases, officer_id: str, reason: str, now: datetime) -> Retired:
    """The record stops acting (kept, inactive, with an audit event); its tips go back."""
    ref = db.collection(OFFICERS).document(officer_id)

    @firestore.transactional
    def body(txn: Any) -> Retired:
        snap = ref.get(transaction=txn)
        if not snap.exists:
            raise UnknownOfficer(officer_id)
        old = snap.to_dict() or {}
        if old.get("active"):
            _retire(txn, ref, now, reason or "deactivated", None, {"reason": reason})
        return Retired(officer_id, str(old.get("name", "")), None, ())

    done = body(db.of(OFFICERS).transaction())
    return replace(done, given_back=_give_back(db, officer_id, now, "deactivated"))


def _retire(
    txn: Any, ref: Any, now: datetime, reason: str, replaced_by: str | None, data: dict[str, Any]
) -> None:
    txn.update(ref, retired_officer_fields(now, reason, replaced_by))
    kind = "moved" if replaced_by else "deactivated"
    txn.set(ref.collection(EVENTS).document(), officer_event_doc(now, "operator", kind, data))


def _give_back(db: Databases, officer_id: str, now: datetime, reason: str) -> tuple[str, ...]:
    """The open tips the retired record held go back to their units (their ladders
    restart at once: the escalator's next run pages the unit)."""
    line = FirestoreLine(db)
    given: list[str] = []
    for tip in line.tips_held_by(officer_id):
        applied = line.change_tip(
            tip.ref, lambda t: tip_core.give_back(t, now, "operator", reason), now
        )
        if applied.change is not None:
            given.append(tip.ref)
    return tuple(sorted(given))


# --- OA tokens ---------------------------------------------------------------------


def store_token_pair(db: Databases, oa_id: str, pair: TokenPair, now: datetime) -> datetime:
    """Store the OA's pair in `oa_tokens/{oa_id}`; returns when the access token expires."""
    expires_at = now + timedelta(seconds=pair.expires_in)
    db.collection(OA_TOKENS).document(oa_id).set(
        {
            "access_token": pair.access_token,
            "refresh_token": pair.refresh_token,
            "expires_at": expires_at,
            "updated_at": now,
        }
    )
    return expires_at


# --- the report --------------------------------------------------------------------


def tip_record(doc: Mapping[str, Any]) -> TipRecord | None:
    """The SLA view of a `tips/{ref}` document (None without `created_at`).

    `step_reached` is `ladder.step` (the last step notified in the current
    cycle; a release starts a new cycle at 0, so a released tip counts its
    current cycle only). `overdue` is `overdue_at` being set. The category is
    the router's classification (the webhook's before routing); the location
    the last one shared, already coarse: the exact point never leaves here.
    """
    created = doc.get("created_at")
    if not isinstance(created, datetime) or doc.get("status") == TipStatus.WITHDRAWN.value:
        return None  # a withdrawn tip was an officer's own message, never a citizen's tip
    ladder = _map(doc.get("ladder"))
    step = ladder.get("step", doc.get("step"))
    unreachable = doc.get("unreachable") or ()
    classified = _map(doc.get("classification")) or _map(doc.get("intake_classification"))
    located = [_map(x) for x in doc.get("locations") or ()]
    return TipRecord(
        unit_id=str(doc.get("unit_id") or ""),
        created_at=created,
        routed_at=_instant(doc.get("routed_at")),
        taken_at=_instant(doc.get("taken_at")),
        resolved_at=_instant(doc.get("resolved_at")),
        overdue=doc.get("overdue_at") is not None,
        step_reached=step if isinstance(step, int) and step > 0 else 0,
        unreachable_officers=tuple(str(o) for o in unreachable),
        category=classified.get("category") or None,
        ward_code=str(doc["ward_code"]) if doc.get("ward_code") else None,
        coarse_location=coarse_point(located[-1].get("lat"), located[-1].get("lng"))
        if located
        else None,
        take_target=_take_target(doc.get("policy")),
    )


def _instant(value: Any) -> datetime | None:
    return value if isinstance(value, datetime) else None


def _map(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _take_target(policy: Any) -> timedelta | None:
    try:
        return take_target(snapshot_from_doc(_map(policy)))
    except ValueError:  # pydantic's ValidationError: no snapshot, or not one this reads
        return None


def load_tip_records(db: Databases, since: datetime, unit: str | None = None) -> list[TipRecord]:
    """Tips created at or after `since` (optionally of one unit only).

    One single-field range query on `created_at` (no composite index); the unit
    is filtered here, which a week of one district's tips makes cheap.
    """
    query = db.collection(TIPS).where(filter=firestore.FieldFilter("created_at", ">=", since))
    records = [tip_record(snap.to_dict() or {}) for snap in query.stream()]
    return [r for r in records if r is not None and (unit is None or r.unit_id == unit)]


# The audit events that move a ladder past its first step.
LADDER_EVENTS = ("notify", "climbed", "overdue")


def ladder_event(doc: Mapping[str, Any], unit_id: str) -> LadderEvent | None:
    """The ladder view of a `tips/{ref}/events` document (None without `at`)."""
    at = doc.get("at")
    if not isinstance(at, datetime):
        return None
    data = _map(doc.get("data"))
    step, repeat = data.get("step"), data.get("repeat")
    return LadderEvent(
        at=at,
        unit_id=unit_id,
        kind=str(doc.get("kind")),
        step=step if isinstance(step, int) else None,
        repeat=repeat if isinstance(repeat, int) else 0,
        climbed_from=str(data["from"]) if data.get("from") else None,
    )


def _climbed(doc: Mapping[str, Any]) -> bool:
    # Only these tips have events the page counts: a ladder past its first step,
    # restarted by a release, or run out.
    ladder = _map(doc.get("ladder"))
    step, cycle = ladder.get("step"), ladder.get("cycle")
    return (
        (isinstance(step, int) and step >= 2)
        or (isinstance(cycle, int) and cycle > 0)
        or doc.get("overdue_at") is not None
    )


def load_page_records(
    db: Databases, since: datetime, unit: str | None = None
) -> tuple[list[TipRecord], list[LadderEvent]]:
    """The tips of `load_tip_records`, and the ladder events of those that climbed.

    One query on `tips`, then one on the `events` of each tip that climbed
    (an equality on `kind`, which Firestore indexes by itself). The tips'
    reference codes are used for the reads and dropped: neither value holds one.
    """
    query = db.collection(TIPS).where(filter=firestore.FieldFilter("created_at", ">=", since))
    records: list[TipRecord] = []
    events: list[LadderEvent] = []
    for snap in query.stream():
        doc = snap.to_dict() or {}
        record = tip_record(doc)
        if record is None or (unit is not None and record.unit_id != unit):
            continue
        records.append(record)
        if not _climbed(doc):
            continue
        for event in tip_trail(snap, LADDER_EVENTS):
            found = ladder_event(event, record.unit_id)
            if found is not None:
                events.append(found)
    return records, events


def tip_trail(snap: Any, kinds: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """A tip's audit trail (of `kinds`, or all), in order: the `events` list on the
    tip (issue 18, round 13), then its `tips/{ref}/events` documents, which hold what
    spilled past the list's bound and what older releases wrote (one query, an
    equality on `kind` that Firestore indexes by itself; an older router may still
    add documents to a tip during a rollout, so they are always looked for)."""
    wanted = set(kinds) if kinds is not None else None
    listed = [
        dict(e)
        for e in (snap.to_dict() or {}).get(TRAIL) or []
        if isinstance(e, Mapping) and (wanted is None or e.get("kind") in wanted)
    ]
    query: Any = snap.reference.collection(EVENTS)
    if wanted is not None:
        query = query.where(filter=firestore.FieldFilter("kind", "in", sorted(wanted)))
    epoch = datetime.min.replace(tzinfo=UTC)

    def order(e: Any) -> tuple[datetime, str]:  # spilled ids keep one instant's order
        at = (e.to_dict() or {}).get("at")
        return (at if isinstance(at, datetime) else epoch, e.id)

    return listed + [e.to_dict() or {} for e in sorted(query.stream(), key=order)]


def load_delivery(db: Databases, since: datetime) -> tuple[list[SendFact], list[datetime]]:
    """Sends recorded since `since` (alerts and replies, without their recipients) and
    the outage holds of the tips created since then (when each hold began).

    Single-field queries: each send collection by `created_at`; the tips by
    `created_at` (with their sends, kept on them: a send about a tip created before
    `since` is not counted), reading the hold events only of tips whose ladder held.
    """
    sends: list[SendFact] = []
    for collection in (ALERTS, REPLIES):
        query = (
            db.collection(collection)
            .where(filter=firestore.FieldFilter("created_at", ">=", since))
            .select(["created_at", "status", "attempts"])
        )
        for snap in query.stream():
            doc = snap.to_dict() or {}
            created = _instant(doc.get("created_at"))
            if created is not None:
                sends.append(SendFact(created, str(doc.get("status")), int(doc.get("attempts", 0))))
    holds: list[datetime] = []
    tips = (
        db.collection(TIPS)
        .where(filter=firestore.FieldFilter("created_at", ">=", since))
        .select(["ladder.holds", TRAIL, SENDS])
    )
    for snap in tips.stream():
        data = snap.to_dict() or {}
        # A tip's sends are entries of the tip (issue 18, round 13), counted with it.
        for send in sends_of(data).values():
            created = _instant(send.get("created_at"))
            if created is not None and created >= since:
                sends.append(
                    SendFact(created, str(send.get("status")), int(send.get("attempts", 0)))
                )
        ladder = data.get("ladder") or {}
        if not ladder.get("holds"):
            continue
        holds += [at for e in tip_trail(snap, ("hold",)) if (at := _instant(e.get("at")))]
    return sends, holds


@dataclass(frozen=True)
class TipNotes:
    """A tip's field notes for the report (the latest the tip keeps; all are in its trail)."""

    ref: str
    unit_id: str
    notes: tuple[TipNote, ...]
    total: int


def tip_notes(doc: Mapping[str, Any]) -> TipNotes | None:
    """The notes of a `tips/{ref}` document, None when it has none (or cannot be read)."""
    if not doc.get("notes"):
        return None
    try:
        tip = tip_from_doc(doc)
    except ValueError:
        return None
    return TipNotes(tip.ref, tip.unit_id or "", tip.notes, tip.note_count)


def load_tip_notes(db: Databases, since: datetime, unit: str | None = None) -> list[TipNotes]:
    """Field notes on the tips created since `since` (the report's window), oldest tip first."""
    query = db.collection(TIPS).where(filter=firestore.FieldFilter("created_at", ">=", since))
    found = [tip_notes(snap.to_dict() or {}) for snap in query.stream()]
    kept = [n for n in found if n is not None and (unit is None or n.unit_id == unit)]
    return sorted(kept, key=lambda n: (n.notes[0].at, n.ref))


@dataclass(frozen=True)
class TopicCount:
    asked: int
    unanswered: int


@dataclass(frozen=True)
class QuestionCounts:
    # (topic, subtopic) -> counts; topic None: the classifier gave none
    by_topic: Mapping[tuple[str | None, str | None], TopicCount] = field(default_factory=dict)
    handoffs: int = 0  # hand-offs to the desk opened in the window
    handoffs_open: int = 0  # of those, still open
    handoffs_open_all: int = 0  # every open hand-off, however old: the desk's backlog

    @property
    def asked(self) -> int:
        return sum(c.asked for c in self.by_topic.values())

    @property
    def unanswered(self) -> int:
        return sum(c.unanswered for c in self.by_topic.values())


def count_questions(
    messages: Iterable[Mapping[str, Any]],
    handoffs: Iterable[Mapping[str, Any]],
    open_handoffs: int,
) -> QuestionCounts:
    """Questions per (topic, subtopic); a question is unanswered unless `answered` is true."""
    asked: Counter[tuple[str | None, str | None]] = Counter()
    unanswered: Counter[tuple[str | None, str | None]] = Counter()
    for doc in messages:
        if doc.get("kind") != "question":
            continue
        c = doc.get("classification") if isinstance(doc.get("classification"), Mapping) else {}
        key = (c.get("topic"), c.get("subtopic"))
        asked[key] += 1
        if doc.get("answered") is not True:
            unanswered[key] += 1
    items = list(handoffs)
    return QuestionCounts(
        by_topic={k: TopicCount(n, unanswered[k]) for k, n in asked.items()},
        handoffs=len(items),
        handoffs_open=sum(1 for h in items if h.get("status") == "open"),
        handoffs_open_all=open_handoffs,
    )


def question_counts(db: Databases, since: datetime) -> QuestionCounts:
    """Questions received and hand-offs opened since `since`, plus the open backlog.

    Single-field queries only: `messages` by `received_at` (kind is filtered
    here, reading only the fields counted), `questions` by `created_at` and by
    `status`.
    """
    messages = (
        db.collection(MESSAGES)
        .where(filter=firestore.FieldFilter("received_at", ">=", since))
        .select(["kind", "classification.topic", "classification.subtopic", "answered"])
    )
    handoffs = (
        db.collection(QUESTIONS)
        .where(filter=firestore.FieldFilter("created_at", ">=", since))
        .select(["status"])
    )
    backlog = (
        db.collection(QUESTIONS)
        .where(filter=firestore.FieldFilter("status", "==", "open"))
        .select(["status"])
    )
    return count_questions(
        (s.to_dict() or {} for s in messages.stream()),
        (s.to_dict() or {} for s in handoffs.stream()),
        sum(1 for _ in backlog.stream()),
    )


# --- the schedule's documents older releases left ------------------------------------


@dataclass(frozen=True)
class MovedSchedule:
    """What `move_due_documents` did."""

    ladders: int  # `due/tip:` documents: their time is the tip's `due_at` now
    updates: int  # `due/update:` documents: their time is the tip's `update_at` now
    dropped: int  # documents whose tip is gone (expired): removed
    left: tuple[str, ...] = ()  # documents of a kind this does not know: left as they are


def move_due_documents(db: Databases) -> MovedSchedule:
    """Move every `due` document an older release wrote onto its tip, once: since issue
    18's round 11 no escalator run reads the `due` collection (its query cost a read a
    run). Each in a transaction on the document and its tip, so it may run while the
    line runs, and again (a document moved is gone). A ladder's entry (`due/tip:`)
    becomes the tip's `due_at` when earlier (or when it has none); a grouped update's
    (`due/update:`) its `update_at`, and its `due_at` when earlier. Run it once the
    router and the escalator of this release are deployed everywhere (docs/OPERATIONS.md)."""
    client = db.of(DUE)
    counts: Counter[str] = Counter()
    left: list[str] = []
    for entry in db.collection(DUE).list_documents():
        kind, _, ref = entry.id.partition(":")
        if kind not in (DueKind.TIP.value, DueKind.UPDATE.value) or not ref:
            left.append(entry.id)
            continue
        counts[transactions.run(client, lambda txn, e=entry, r=ref: _move_due(db, txn, e, r))] += 1
    return MovedSchedule(counts["tip"], counts["update"], counts["dropped"], tuple(left))


def _move_due(db: Databases, txn: Any, entry: Any, ref: str) -> str:
    """One `due` document onto its tip; what it was ("tip", "update", "dropped", or
    "" when another run moved it first)."""
    tip_ref = db.collection(TIPS).document(ref)
    found, tip = entry.get(transaction=txn), tip_ref.get(transaction=txn)
    if not found.exists:
        return ""
    data = found.to_dict() or {}
    txn.delete(entry)
    if not tip.exists:
        return "dropped"
    stored, at = tip.to_dict() or {}, data.get("at")
    fields: dict[str, Any] = {}
    if data.get("kind") == DueKind.UPDATE.value and at is not None:
        fields["update_at"] = min(at, stored.get("update_at") or at)
    if at is not None and (stored.get(DUE_AT) is None or at < stored[DUE_AT]):
        fields[DUE_AT] = at
    if fields:
        txn.update(tip_ref, fields)
    return str(data.get("kind") or "")
