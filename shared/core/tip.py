"""A tip's lifecycle: its typed view and every transition between its statuses.

    received ──route / to desk──▶ routed ──take──▶ acknowledged ──resolve──▶ resolved
       │                           │  ▲                │
       │                           │  └───release──────┤ (holder silent, or unreachable)
       │                           │                   └──close──▶ closed
       │                           ├──resolve / close without take (taken and finished at once)
       │                           ├──reroute (the desk's tip gets its ward)
       │                           ├──transfer (to any unit; the ladder restarts there)
       │                           ├──step / climb (the ladder moves on)
       │                           └──raise to urgent (a later message reports danger)
       └──withdraw──▶ withdrawn (an officer's own message, not a citizen's tip;
                                or a citizen's message that reopened their earlier tip)
    resolved / closed ──reopen──▶ routed (the citizen writes that nobody came or it is back)

Officers' notes join a tip in any status but received (`note`). Who may make
which transition is `shared.core.authority`'s business, asked in the same
decision; these functions only keep the lifecycle consistent.

Each transition takes the tip as stored and returns a `TipChange`: the tip as it
is to be written, its audit event, and the ladder step (if any) the shell must
carry out once it is written. The store writes a change in one transaction that
read the tip it was decided on, so two routers, or a router and an escalator
run, never both act on the same state. Nothing here reads the clock or storage.

The statuses are `shared.core.tip_statuses`, the summary's entries
`shared.core.tip_entries` (the webhook uses those alone).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from shared.core.classify import Classification
from shared.core.intake import ANONYMOUS_KEY_PREFIX
from shared.core.tip_entries import TipAttachment, TipLocation, TipText
from shared.core.tip_statuses import OPEN, TipStatus

if TYPE_CHECKING:
    from shared.core.delivery import StepDelivery
    from shared.core.ladder import LadderState, PolicySnapshot, StepDecision

# The ladder (and the delivery it reads) is imported by the transitions that move it,
# not here (bench/README.md, round 10). The webhook loads none of this module: the
# statuses and the summary's entries it uses are modules of their own (round 15).


# The outcomes that first put a tip before a unit: the citizen is told its code.
FIRST_ASSIGNED = frozenset({"routed", "routed_to_desk"})


@dataclass(frozen=True)
class TipNote:
    """An officer's field note (GHI, or free text from the officer holding the tip)."""

    officer_id: str
    name: str
    unit_id: str
    at: datetime
    text: str
    msg: str = ""  # the officer's message it came in (a redelivery adds nothing)


# The tip keeps its latest notes, each cut to a length an alert can show; the
# audit trail keeps every note whole. A tip document stays bounded.
NOTES_KEPT = 20
NOTE_CHARS_KEPT = 1000


@dataclass(frozen=True)
class Acted:
    """An officer's command applied to the tip: the message it came in and what it
    did. A redelivery of that message finds it here: it acts not again and is
    answered as the first delivery was (the message itself is not read for it)."""

    msg: str
    outcome: str  # the change's: taken, resolved, closed, transferred, noted, asked, refused
    reason: str = ""  # why it was refused
    took: bool = False  # a finish that took the tip in the same step
    holder: str | None = None  # who held the tip before it (a finish or forward tells them)


# The latest commands a tip remembers: a redelivery comes within minutes (Pub/Sub's
# retries, the sweep's republish of a message no router handled), not after twenty
# more commands on the same tip.
ACTED_KEPT = 20


@dataclass(frozen=True)
class Reopened:
    """The citizen wrote that nobody came, or the problem is back: the latest reopening."""

    at: datetime
    msg: str  # the citizen's message that reopened it (a redelivery reopens nothing)
    text: str  # their words, cut to what an alert shows
    was: TipStatus  # resolved or closed
    finished_by: str | None  # the officer id who resolved or closed it
    finished_by_name: str  # their name, for the officers' alert (never the citizen's)
    finished_at: datetime | None
    cycle: int  # the ladder cycle the reopening started
    count: int = 1  # how many times the tip was reopened


REOPEN_CHARS_KEPT = 400


@dataclass(frozen=True)
class Placement:
    """Where routing puts a tip and what it is (see `shared.core.routing.decide`)."""

    unit_id: str
    ward_code: str | None
    map: str | None
    resolution: Mapping[str, Any] | None
    classification: Classification
    # A complaint about the police: the desk holds it, never the unit complained
    # about (`complaint_about`, the ward the citizen named, if they named one).
    complaint: bool = False
    complaint_about: str | None = None


@dataclass(frozen=True)
class SplitOff:
    """A message of this tip that told another incident, and the tip it started."""

    msg: str
    ref: str
    reason: str  # other_ward, other_kind, related (shared.core.incidents)
    at: datetime | None = None
    ward_code: str | None = None  # where the message placed that incident, if it did
    category: str | None = None  # what kind of incident its words told, if they did


@dataclass(frozen=True)
class Tip:
    """A tip as the core sees it. No field carries the citizen's Zalo id."""

    ref: str
    status: TipStatus
    reporter_key: str
    oa_id: str
    created_at: datetime
    # A bounded summary of the citizen's messages (shared.core.intake.fold):
    texts: tuple[TipText, ...] = ()
    locations: tuple[TipLocation, ...] = ()
    attachments: tuple[TipAttachment, ...] = ()
    message_count: int = 0  # every message the tip has taken in
    expire_at: datetime | None = None
    # Intake opened it as the citizen's first tip (`senders` counts them): no earlier
    # tip of theirs to find. False when unknown, and for a tip a split started.
    first_tip: bool = False
    # Written by routing:
    unit_id: str | None = None
    ward_code: str | None = None
    map: str | None = None
    resolution: Mapping[str, Any] | None = None
    classification: Classification | None = None
    routed_at: datetime | None = None
    routed_msgs: tuple[str, ...] = ()  # the messages the current unit's first alert carried
    routing_failure: str | None = None
    policy: PolicySnapshot | None = None
    ladder: LadderState | None = None
    next_action_at: datetime | None = None
    # A complaint about the police (first message): held by the desk, never moved to
    # the unit complained about (`complaint_about`, kept for the report) by a location.
    complaint: bool = False
    complaint_about: str | None = None
    # Written by officers and the ladder:
    held_by: str | None = None
    holder_unit: str | None = None  # the holder's unit when they took it
    taken_at: datetime | None = None
    resolved_at: datetime | None = None
    resolved_by: str | None = None
    closed_at: datetime | None = None
    closed_by: str | None = None
    outcome_note: str | None = None
    overdue_at: datetime | None = None
    unreachable: tuple[str, ...] = ()
    released_from: str | None = None
    transferred_from: str | None = None
    transferred_from_name: str | None = None
    transfer_reason: str | None = None
    notes: tuple[TipNote, ...] = ()  # the latest NOTES_KEPT
    note_count: int = 0  # every note ever written (the trail has them all)
    # What the officers before the tip have been told of (messages 1..told_count):
    told_count: int = 0
    told_from: int = 0  # the last update carried messages told_from+1..told_count
    told_at: datetime | None = None  # when that update was decided
    told_updates: int = 0  # updates decided so far (an update's send key)
    told_by: str | None = None  # the message (or flush) whose handling decided it
    # When what the citizen added since (pending) is told to the officers in one update;
    # None while nothing waits. The tip's entry of the schedule is the earlier of this
    # and its ladder's next action.
    update_at: datetime | None = None

    @property
    def pending(self) -> int:
        """Messages the officers have not been told of yet."""
        return max(0, self.message_count - self.told_count)

    reopened: Reopened | None = None
    joined_into: str | None = None  # withdrawn: its message reopened this earlier tip
    urgent_msg: str | None = None  # the later message that made the tip urgent
    asked_at: datetime | None = None  # an officer's latest question to the informant (HOI)
    asked_by: str | None = None
    asked_msg: str | None = None  # the officer's message that asked it
    acted: tuple[Acted, ...] = ()  # the latest ACTED_KEPT officers' commands applied
    # Another incident than this tip's, told in one of its messages: that message
    # started a tip of its own (`split`). The new tip names where it came from.
    split_off: tuple[SplitOff, ...] = ()
    split_from: str | None = None

    @property
    def related(self) -> tuple[str, ...]:
        """The tips linked to this one as the same citizen's other incidents."""
        return (*((self.split_from,) if self.split_from else ()), *(s.ref for s in self.split_off))

    def acted_on(self, msg: str) -> Acted | None:
        """What officer's message `msg` did to the tip, if it was applied."""
        return next((a for a in self.acted if a.msg == msg), None)

    def split_to(self, msg: str) -> str | None:
        """The tip message `msg` started, when it was another incident."""
        return next((s.ref for s in self.split_off if s.msg == msg), None)

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    @property
    def is_assigned(self) -> bool:
        """Before a unit's officers (routed or taken) and not finished."""
        return self.is_open and self.status is not TipStatus.RECEIVED

    @property
    def is_held(self) -> bool:
        return self.status is TipStatus.ACKNOWLEDGED

    @property
    def is_anonymous(self) -> bool:
        """From Zalo's anonymous chat: the informant cannot be messaged back."""
        return self.reporter_key.startswith(ANONYMOUS_KEY_PREFIX)

    @property
    def text(self) -> str:
        return "\n".join(t.text for t in self.texts if t.text)

    def words_of(self, msg: str) -> str:
        """What message `msg` said, as the tip shows it ("" for a pin or a photo)."""
        return "\n".join(t.text for t in self.texts if t.msg == msg and t.text)

    @property
    def location(self) -> TipLocation | None:
        """The latest location the citizen shared (a later one corrects an earlier one)."""
        if not self.locations:
            return None
        return max(self.locations, key=lambda x: x.at.timestamp() if x.at else float("-inf"))

    @property
    def message_ids(self) -> tuple[str, ...]:
        """The citizen messages that make up the tip as it is now."""
        items = (*self.texts, *self.locations, *self.attachments)
        return tuple(sorted({item.msg for item in items if item.msg}))

    @property
    def severity(self) -> str:
        return self.classification.severity if self.classification else "normal"

    @property
    def category(self) -> str:
        return (self.classification.category if self.classification else None) or "other"


@dataclass(frozen=True)
class AuditEvent:
    """One entry of the tip's append-only trail: who did what."""

    actor: str  # citizen, router, escalator, officer:<id>
    kind: str
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class TipChange:
    """What a transition wants written, in one transaction."""

    tip: Tip  # the tip as it is to be written
    event: AuditEvent | None  # None: nothing worth a line in the trail (a hold rechecked)
    decision: StepDecision | None = None  # a ladder step to carry out once written
    outcome: str = ""  # for the shell's answer: taken, resolved, closed, transferred, refused
    reason: str = ""  # why it was refused
    # The citizen's intake state stops pointing at this tip as their open one.
    finishes_conversation: bool = False
    # ... or points at it again, until then, when it names no other open tip.
    resumes_conversation: datetime | None = None
    preceded_by: tuple[AuditEvent, ...] = ()  # events written before `event`, in order
    # A tip this change starts (created with it, never over an existing one), and
    # the first line of its own trail.
    spawned: Tip | None = None
    spawned_event: AuditEvent | None = None
    # A message another tip gave up to this one: the store writes the summary too, and
    # counts it on the citizen's intake state when this is their open tip.
    takes_in: str | None = None

    @property
    def events(self) -> tuple[AuditEvent, ...]:
        """Every audit event of the change, in the order they happened."""
        return (*self.preceded_by, *((self.event,) if self.event is not None else ()))


# --- routing ------------------------------------------------------------------------


def route(
    tip: Tip, placement: Placement, snapshot: PolicySnapshot, now: datetime
) -> TipChange | None:
    """The router's first decision on a received tip; None once another delivery routed it."""
    if tip.status is not TipStatus.RECEIVED:
        return None
    return _assign(tip, placement, snapshot, now, "routed", "router")


def to_desk(
    tip: Tip, placement: Placement, snapshot: PolicySnapshot, now: datetime, reason: str
) -> TipChange | None:
    """Routing kept failing on a received tip: the desk takes it as it is."""
    if tip.status is not TipStatus.RECEIVED:
        return None
    return _assign(tip, placement, snapshot, now, "routed_to_desk", "escalator", reason=reason)


def reroute(
    tip: Tip, placement: Placement, snapshot: PolicySnapshot, now: datetime, desk_id: str
) -> TipChange | None:
    """A desk tip whose ward became known (a location arrived) moves to that ward;
    a complaint about the police stays with the desk (only an officer moves it)."""
    if tip.status is not TipStatus.ROUTED or tip.unit_id != desk_id or tip.complaint:
        return None
    if placement.unit_id == desk_id:
        return None
    return _assign(tip, placement, snapshot, now, "rerouted", "router")


def transfer(
    tip: Tip,
    to_unit: str,
    snapshot: PolicySnapshot,
    now: datetime,
    officer_id: str,
    from_name: str,
    reason: str,
) -> TipChange:
    """CHUYEN: the tip goes to another unit (any unit); its ladder restarts there."""
    actor = f"officer:{officer_id}"
    if not tip.is_assigned:
        return refused(tip, actor, "transfer", "finished")
    if to_unit == tip.unit_id:
        return refused(tip, actor, "transfer", "same_unit")
    assert tip.classification is not None
    placement = Placement(to_unit, tip.ward_code, tip.map, tip.resolution, tip.classification)
    change = _assign(tip, placement, snapshot, now, "transferred", actor)
    moved = replace(
        change.tip,
        transferred_from=tip.unit_id,
        transferred_from_name=from_name,
        transfer_reason=reason,
    )
    data = {**change.event.data, "from_unit": tip.unit_id, "held_by": tip.held_by}
    if reason:
        data["reason"] = reason
    event = AuditEvent(actor, "transferred", data)
    return replace(change, tip=moved, event=event, outcome="transferred")


def withdraw(tip: Tip) -> TipChange | None:
    """An officer's message opened a tip: it is the officer's, never routed as a citizen's."""
    if tip.status is not TipStatus.RECEIVED:
        return None
    written = replace(tip, status=TipStatus.WITHDRAWN, next_action_at=None)
    event = AuditEvent("router", "withdrawn", {"reason": "sent_by_officer"})
    return TipChange(written, event, outcome="withdrawn", finishes_conversation=True)


def reopen(
    tip: Tip,
    msg: str,
    text: str,
    finished_by_name: str,
    now: datetime,
    open_until: datetime | None = None,
) -> TipChange | None:
    """The citizen writes that nobody came, or that the problem is back: a resolved or
    closed tip goes back before its unit, its ladder restarted a cycle on (so its
    alerts' keys never repeat those sent), nobody holding it. The trail and the
    officers' alert say who finished it and when. It is the citizen's open tip again
    (their next messages join it) until `open_until`, unless another is open. None
    when this message already reopened it (a redelivery) or the tip is not finished."""
    from shared.core import ladder

    if tip.status not in (TipStatus.RESOLVED, TipStatus.CLOSED) or tip.policy is None:
        return None
    if tip.reopened is not None and tip.reopened.msg == msg:
        return None
    was = tip.status
    by = tip.resolved_by if was is TipStatus.RESOLVED else tip.closed_by
    at = tip.resolved_at if was is TipStatus.RESOLVED else tip.closed_at
    start = ladder.start_ladder(now)
    if tip.ladder is not None:
        start = replace(start, cycle=tip.ladder.cycle + 1)
    first = ladder.next_action(tip.policy, start, now)
    count = tip.reopened.count + 1 if tip.reopened is not None else 1
    reopened = Reopened(
        now,
        msg,
        _cut(text, REOPEN_CHARS_KEPT),
        was,
        by,
        finished_by_name,
        at,
        first.state.cycle,
        count,
    )
    written = replace(
        tip,
        status=TipStatus.ROUTED,
        ladder=first.state,
        next_action_at=first.next_action_at,
        held_by=None,
        holder_unit=None,
        overdue_at=None,
        reopened=reopened,
        # Open again: the report counts it as not finished; `reopened` and the trail
        # keep who finished it and when.
        resolved_at=None,
        resolved_by=None,
        closed_at=None,
        closed_by=None,
    )
    data = {
        "was": was.value,
        "finished_by": by,
        "finished_at": at.isoformat() if at else None,
        "msg": msg,
        "unit_id": tip.unit_id,
    }
    return TipChange(
        written,
        AuditEvent("citizen", "reopened", data),
        decision=first,
        outcome="reopened",
        resumes_conversation=open_until,
    )


def raise_to_urgent(
    tip: Tip, snapshot: PolicySnapshot, msg: str, reasons: tuple[str, ...], now: datetime
) -> TipChange | None:
    """A later message of an open tip reports danger now: the tip becomes urgent and its
    ladder follows the urgent schedule (`snapshot`) from this moment; the step it is at
    stays, so nobody already paged is paged again for it. Severity never falls on its
    own: None when the tip is already urgent, finished, or not yet before a unit."""
    from shared.core import ladder

    if not tip.is_assigned or tip.severity == "urgent" or tip.classification is None:
        return None
    assert tip.ladder is not None
    state = tip.ladder
    if state.phase == "open":
        state = replace(state, last_step_at=now)  # the next step comes at the urgent pace
    kept = tuple(r for r in tip.classification.reasons if r not in reasons)
    verdict = replace(tip.classification, severity="urgent", reasons=(*kept, *reasons))
    written = replace(
        tip,
        classification=verdict,
        policy=snapshot,
        ladder=state,
        next_action_at=ladder.due_at(snapshot, state),
        urgent_msg=msg,
        # The update marked urgent goes out now, whatever the pause between updates,
        # and carries everything not yet told: it counts as the next update.
        told_from=tip.told_count,
        told_count=tip.message_count,
        told_at=now,
        told_updates=tip.told_updates + 1,
        told_by=msg,
    )
    data = {"from": tip.severity, "to": "urgent", "msg": msg, "reasons": list(reasons)}
    data["policy"] = snapshot.digest
    return TipChange(written, AuditEvent("router", "severity_raised", data), outcome="urgent")


def ask(tip: Tip, officer_id: str, question: str, msg: str, now: datetime) -> TipChange | None:
    """HOI: an officer asks the informant through the OA; their answer joins the tip
    and reaches this officer. None when this message already asked (a redelivery)."""
    if tip.asked_msg == msg:
        return None
    written = replace(tip, asked_at=now, asked_by=officer_id, asked_msg=msg)
    event = AuditEvent(f"officer:{officer_id}", "asked", {"text": question, "msg": msg})
    return TipChange(written, event, outcome="asked")


def locate(
    tip: Tip, ward_code: str, map_name: str | None, resolution: Mapping[str, Any] | None
) -> TipChange | None:
    """A department's tip whose ward was unknown learns it from a later location: the
    tip keeps its unit and ladder; only where it happens is written."""
    if not tip.is_assigned or tip.ward_code == ward_code:
        return None
    written = replace(tip, ward_code=ward_code, map=map_name, resolution=resolution)
    data = {"ward_code": ward_code, "before": tip.ward_code, "unit_id": tip.unit_id}
    return TipChange(written, AuditEvent("router", "located", data), outcome="located")


def join_into(tip: Tip, into: str) -> TipChange | None:
    """A received tip whose message reopened the citizen's earlier tip `into`: it is
    never routed on its own (its words reach `into`'s officers)."""
    if tip.status is not TipStatus.RECEIVED:
        return None
    written = replace(tip, status=TipStatus.WITHDRAWN, next_action_at=None, joined_into=into)
    event = AuditEvent("router", "withdrawn", {"reason": "reopened_earlier_tip", "into": into})
    return TipChange(written, event, outcome="withdrawn", finishes_conversation=True)


def split(tip: Tip, off: SplitOff, existing: bool = False) -> TipChange | None:
    """Message `off.msg` of an open tip tells another incident: it leaves this tip
    for tip `off.ref`, which it starts (received, to be routed on its own), or joins
    when `existing` (a tip split off this one before, about that incident); each tip
    names the other. A message joining an existing tip leaves this one even if it was
    finished meanwhile (the message was its while it was open; the other tip has
    taken it in already). None when the message is split off already (a
    redelivery), or is not this tip's."""
    msg, new_ref, reason, now = off.msg, off.ref, off.reason, off.at
    if not (tip.is_open or existing) or tip.split_to(msg) is not None or now is None:
        return None
    texts = tuple(t for t in tip.texts if t.msg == msg)
    locations = tuple(x for x in tip.locations if x.msg == msg)
    attachments = tuple(a for a in tip.attachments if a.msg == msg)
    if not (texts or locations or attachments):
        return None
    written = replace(
        tip,
        texts=tuple(t for t in tip.texts if t.msg != msg),
        locations=tuple(x for x in tip.locations if x.msg != msg),
        attachments=tuple(a for a in tip.attachments if a.msg != msg),
        split_off=(*tip.split_off, off),
    )
    data = {"msg": msg, "reason": reason}
    if existing:
        return TipChange(
            written, AuditEvent("router", "split", {**data, "to": new_ref}), outcome="split"
        )
    first = 1  # the message is the new tip's first
    new = Tip(
        ref=new_ref,
        status=TipStatus.RECEIVED,
        reporter_key=tip.reporter_key,
        oa_id=tip.oa_id,
        created_at=now,
        texts=tuple(replace(t, seq=first) for t in texts),
        locations=tuple(replace(x, seq=first) for x in locations),
        attachments=tuple(replace(a, seq=first) for a in attachments),
        message_count=first,
        expire_at=tip.expire_at,
        split_from=tip.ref,
    )
    return TipChange(
        written,
        AuditEvent("router", "split", {**data, "to": new_ref}),
        outcome="split",
        spawned=new,
        spawned_event=AuditEvent("router", "split_from", {**data, "from": tip.ref}),
    )


def take_in(tip: Tip, moved: Tip, msg: str, now: datetime) -> TipChange | None:
    """Message `msg`, split off the citizen's open tip `moved` as being about this
    tip's incident, joins this tip as its next message. None once it has (a
    redelivery) or when this tip is finished."""
    if not tip.is_open or msg in tip.message_ids:
        return None
    seq = tip.message_count + 1

    def mine(items: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(replace(item, seq=seq, at=item.at or now) for item in items if item.msg == msg)

    texts, locations = mine(moved.texts), mine(moved.locations)
    attachments = tuple(replace(a, seq=seq) for a in moved.attachments if a.msg == msg)
    if not (texts or locations or attachments):
        return None
    written = replace(
        tip,
        texts=(*tip.texts, *texts),
        locations=(*tip.locations, *locations),
        attachments=(*tip.attachments, *attachments),
        message_count=seq,
    )
    data = {"msg": msg, "from": moved.ref, "seq": seq}
    return TipChange(
        written, AuditEvent("router", "taken_in", data), outcome="taken_in", takes_in=msg
    )


def _assign(
    tip: Tip,
    placement: Placement,
    snapshot: PolicySnapshot,
    now: datetime,
    kind: str,
    actor: str,
    reason: str | None = None,
) -> TipChange:
    """Give the tip to a unit under that unit's policy, its ladder at step one.

    A tip that had a ladder starts the new one a cycle later, so the keys of its
    alerts (`alerts/{tip}:c{cycle}s{step}...`) never repeat those already sent:
    the desk paged for the first unit is paged again for the next.
    """
    from shared.core import ladder

    start = ladder.start_ladder(now)
    if tip.ladder is not None:
        start = replace(start, cycle=tip.ladder.cycle + 1)
    first = ladder.next_action(snapshot, start, now)
    written = replace(
        tip,
        status=TipStatus.ROUTED,
        unit_id=placement.unit_id,
        ward_code=placement.ward_code,
        map=placement.map,
        resolution=placement.resolution,
        classification=placement.classification,
        # What the new unit's first alert carries: a follow-up of one of these
        # messages (delivered after the routing) has nothing new to tell.
        routed_msgs=tip.message_ids,
        routed_at=tip.routed_at or now,
        # The first alert shows the tip as it is: nothing is left to tell.
        told_count=tip.message_count,
        told_from=tip.message_count,
        routing_failure=reason if reason is not None else tip.routing_failure,
        policy=snapshot,
        ladder=first.state,
        next_action_at=first.next_action_at,
        held_by=None,
        holder_unit=None,
        complaint=placement.complaint or tip.complaint,
        complaint_about=placement.complaint_about or tip.complaint_about,
    )
    data = {
        "unit_id": placement.unit_id,
        "policy": snapshot.digest,
        "ward_code": placement.ward_code,
        "category": written.category,
        "severity": written.severity,
    }
    if written.complaint:
        data["complaint_about"] = written.complaint_about
    return TipChange(written, AuditEvent(actor, kind, data), decision=first, outcome=kind)


# --- what the citizen adds -------------------------------------------------------------


def tell(
    tip: Tip,
    now: datetime,
    by: str,
    every: timedelta,
    actor: str,
    recheck: datetime | None = None,
) -> TipChange | None:
    """The officers are brought up to date with what the citizen added since they
    were last told, in one update, at most once per `every`: what arrives meanwhile
    waits for the next update. None when there is nothing to tell yet. `recheck`:
    the tip's update entry stays until then, so that a run that dies before the
    update's sends finishes them (a message's redelivery does for the router)."""
    if not tip.is_assigned or tip.pending == 0:
        return None
    if tip.told_at is not None and now < tip.told_at + every:
        return None
    written = replace(
        tip,
        told_from=tip.told_count,
        told_count=tip.message_count,
        told_at=now,
        told_updates=tip.told_updates + 1,
        told_by=by,
        update_at=recheck,
    )
    data = {"from": tip.told_count, "to": tip.message_count, "update": written.told_updates}
    return TipChange(written, AuditEvent(actor, "officers_updated", data), outcome="updated")


def update_due(tip: Tip, at: datetime) -> TipChange | None:
    """What the citizen added waits for the update at `at` (`update_at`), or for none
    once nothing waits (told, or the tip no longer before officers). No line in the
    trail: the update itself has one. None when the tip says so already."""
    want = at if tip.is_assigned and tip.pending else None
    if tip.update_at == want:
        return None
    return TipChange(replace(tip, update_at=want), None)


def next_due(tip: Tip) -> datetime | None:
    """The tip's entry of the schedule: the earlier of its ladder's next action and
    its grouped update; None when neither is due."""
    return min((t for t in (tip.next_action_at, tip.update_at) if t is not None), default=None)


# --- officers -------------------------------------------------------------------------


def take(tip: Tip, officer_id: str, unit_id: str, now: datetime) -> TipChange:
    """NHAN: the officer holds the tip; taking it again answers a reminder."""
    actor = f"officer:{officer_id}"
    if not tip.is_assigned:
        return refused(tip, actor, "take", "finished")
    if tip.is_held and tip.held_by != officer_id:
        return refused(tip, actor, "take", "already_taken")
    return TipChange(
        _held(tip, officer_id, unit_id, now), AuditEvent(actor, "taken"), outcome="taken"
    )


def _held(tip: Tip, holder: str, unit_id: str | None, now: datetime) -> Tip:
    """The tip as `holder` takes it: its ladder stops paging and its hold clock runs."""
    from shared.core import ladder

    assert tip.policy is not None and tip.ladder is not None
    decision = ladder.on_taken(tip.policy, tip.ladder, now, holder)
    return replace(
        tip,
        status=TipStatus.ACKNOWLEDGED,
        held_by=holder,
        holder_unit=unit_id,
        taken_at=tip.taken_at or now,
        ladder=decision.state,
        next_action_at=decision.next_action_at,
    )


def resolve(tip: Tip, officer_id: str, unit_id: str, note: str, now: datetime) -> TipChange:
    """XONG: dealt with. A tip nobody held is taken in the same step."""
    return _finish(tip, officer_id, unit_id, TipStatus.RESOLVED, note, now)


def close(tip: Tip, officer_id: str, unit_id: str, note: str, now: datetime) -> TipChange:
    """KHONG: not a tip after all. A tip nobody held is taken in the same step."""
    return _finish(tip, officer_id, unit_id, TipStatus.CLOSED, note, now)


def _finish(
    tip: Tip, officer_id: str, unit_id: str, status: TipStatus, note: str, now: datetime
) -> TipChange:
    from shared.core import ladder

    actor = f"officer:{officer_id}"
    if not tip.is_assigned:
        return refused(tip, actor, status.value, "finished")
    before: tuple[AuditEvent, ...] = ()
    if not tip.is_held:
        # Finished without NHAN: taken now, so the time to take is what it was.
        taken = take(tip, officer_id, unit_id, now)
        tip, before = taken.tip, (taken.event,)
    assert tip.policy is not None and tip.ladder is not None
    decision = ladder.on_finished(tip.policy, tip.ladder, now)
    stamps: dict[str, Any] = (
        {"resolved_at": now, "resolved_by": officer_id}
        if status is TipStatus.RESOLVED
        else {"closed_at": now, "closed_by": officer_id}
    )
    written = replace(
        tip,
        status=status,
        outcome_note=note,
        ladder=decision.state,
        next_action_at=None,
        **stamps,
    )
    return TipChange(
        written,
        AuditEvent(actor, status.value, {"note": note}),
        outcome=status.value,
        finishes_conversation=True,
        preceded_by=before,
    )


def note(tip: Tip, written_note: TipNote) -> TipChange | None:
    """GHI: an officer's field note joins the tip (never the citizen's view of it);
    None when this message's note is already there."""
    actor = f"officer:{written_note.officer_id}"
    if tip.status in (TipStatus.RECEIVED, TipStatus.WITHDRAWN):
        return refused(tip, actor, "note", "not_routed")
    if written_note.msg and any(n.msg == written_note.msg for n in tip.notes):
        return None
    kept = replace(written_note, text=_cut(written_note.text, NOTE_CHARS_KEPT))
    written = replace(tip, notes=(*tip.notes, kept)[-NOTES_KEPT:], note_count=tip.note_count + 1)
    data = {"text": written_note.text, "unit_id": written_note.unit_id}
    return TipChange(written, AuditEvent(actor, "note", data), outcome="noted")


# Who holds a tip a person answered from the OA's own chat tool (oa.zalo.me), not
# from tinbao: no officer record, so no reminder reaches them and the ladder's hold
# limit gives the tip back to its unit if nobody closes it.
OA_CHAT = "oa-chat"


def answered_in_oa_chat(tip: Tip, reply: TipNote, now: datetime) -> TipChange | None:
    """Someone answered the citizen from the OA chat: the reply joins the tip as a note
    and, if nobody held the tip, the desk counts as having taken it (its ladder stops
    paging). None when this reply is already there, or the tip is not being worked."""
    if not tip.is_assigned or (reply.msg and any(n.msg == reply.msg for n in tip.notes)):
        return None
    kept = replace(reply, text=_cut(reply.text, NOTE_CHARS_KEPT))
    written = replace(tip, notes=(*tip.notes, kept)[-NOTES_KEPT:], note_count=tip.note_count + 1)
    data = {"text": reply.text, "msg": reply.msg}
    event = AuditEvent(f"oa:{OA_CHAT}", "answered_in_oa_chat", data)
    if tip.is_held:
        return TipChange(written, event, outcome="noted")
    return TipChange(_held(written, OA_CHAT, tip.unit_id, now), event, outcome="taken")


def give_back(tip: Tip, now: datetime, actor: str, reason: str) -> TipChange | None:
    """The holder can no longer act (moved to another unit, deactivated): the tip goes
    back to its unit and its ladder starts again there; None when nobody holds it."""
    from shared.core import ladder

    if not tip.is_held or tip.policy is None or tip.ladder is None:
        return None
    decision = ladder.on_released(tip.policy, tip.ladder, now)
    written = _moved(tip, decision)
    event = AuditEvent(actor, "released", {"from": tip.held_by, "reason": reason})
    return TipChange(written, event, decision, "released")


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def by_command(change: TipChange, msg: str, before: Tip) -> TipChange:
    """`change` as officer's message `msg` made it on `before`: written with the
    message remembered (`Tip.acted`), in the same write, so that a redelivery of it,
    however late and whatever happened to the tip since, acts not twice."""
    done = Acted(msg, change.outcome, change.reason, bool(change.preceded_by), before.held_by)
    acted = (*change.tip.acted, done)[-ACTED_KEPT:]
    return replace(change, tip=replace(change.tip, acted=acted))


def refused(tip: Tip, actor: str, verb: str, reason: str) -> TipChange:
    """Nothing changes but the trail, which records who tried what."""
    event = AuditEvent(actor, "refused", {"verb": verb, "reason": reason})
    return TipChange(tip, event, outcome="refused", reason=reason)


# --- the ladder -------------------------------------------------------------------------


def step(
    tip: Tip,
    now: datetime,
    delivery: StepDelivery | None = None,
    recheck: timedelta | None = None,
) -> TipChange | None:
    """The escalator's transition: the one ladder action due at `now`, if any.

    `delivery`: how the sends of the current step fared (see `ladder.next_action`);
    while they wait on Zalo the ladder holds, and only the start of a hold goes
    in the trail. `recheck`: how often a hold is looked at again (None:
    `ladder.HOLD_RECHECK`).
    """
    from shared.core import ladder

    if recheck is None:
        recheck = ladder.HOLD_RECHECK
    due = tip.next_action_at
    if due is None or due > now or tip.policy is None or tip.ladder is None:
        return None  # taken, resolved, or already stepped by another run
    decision = ladder.next_action(tip.policy, tip.ladder, now, delivery, recheck)
    if decision.action == "nothing" and decision.state == tip.ladder:
        return None
    data = {
        "action": decision.action,
        "step": decision.step,
        "repeat": decision.repeat,
        "alert_key": decision.alert_key,
    }
    if decision.action in ("hold", "resume"):
        data = {"alert_key": ladder.current_send_key(decision.state)}
    event: AuditEvent | None = AuditEvent("escalator", decision.action, data)
    if decision.action == "hold" and tip.ladder.held_since is not None:
        event = None  # still holding: the trail already says since when
    written = _moved(tip, decision)
    return TipChange(written, event, decision, decision.action)


def climb(
    tip: Tip,
    alert_key: str,
    unreachable: tuple[str, ...],
    now: datetime,
    actor: str,
    delivery: StepDelivery | None = None,
) -> TipChange | None:
    """Nobody could be reached for `alert_key`: the next step, now.

    `delivery`: the step's sends as stored, when the caller read them: a step
    someone of which was reached, or whose sends still wait on Zalo, does not climb.
    """
    from shared.core import ladder

    if tip.policy is None or tip.ladder is None:
        return None
    if delivery is not None and not delivery.unreached:
        return None
    decision = ladder.on_unreachable(tip.policy, tip.ladder, now, alert_key)
    if decision.state == tip.ladder:
        return None
    written = _moved(tip, decision)
    if unreachable:
        added = tuple(u for u in unreachable if u not in written.unreachable)
        written = replace(written, unreachable=written.unreachable + added)
    event = AuditEvent(actor, "climbed", {"from": alert_key, "unreachable": list(unreachable)})
    return TipChange(written, event, decision, "climbed")


def _moved(tip: Tip, decision: StepDecision) -> Tip:
    """The tip with the ladder's new state; a release gives the tip back to its unit."""
    written = replace(tip, ladder=decision.state, next_action_at=decision.next_action_at)
    if decision.action == "overdue":
        written = replace(written, overdue_at=decision.state.overdue_at)
    if decision.action == "release":
        written = replace(
            written,
            status=TipStatus.ROUTED,
            held_by=None,
            holder_unit=None,
            released_from=tip.held_by,
        )
    return written


def current_step(tip: Tip) -> StepDecision | None:
    """The step last decided, to carry out again when a delivery is repeated (idempotent)."""
    from shared.core import ladder

    if tip.policy is None or tip.ladder is None or tip.status is not TipStatus.ROUTED:
        return None
    state = tip.ladder
    if state.phase != "open" or state.step <= 0:
        return None
    return ladder.StepDecision(
        "notify",
        state,
        tip.next_action_at,
        step=state.step,
        repeat=state.repeats_done,
        targets=ladder.current_targets(tip.policy, state),
        alert_key=ladder.current_alert_key(state),
    )
