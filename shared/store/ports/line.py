"""The line's store as the router and the escalator see it: the records they read
and `LineStore`, what they read and write (tips, messages, people, sends, the
schedule). Firestore keeps it in `shared.store.line`, memory in `shared.store.memory`.
The webhook does not load this module (`shared.store.ports`, bench/README.md,
round 10).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Protocol

from shared.core.delivery import DeliveryStatus
from shared.core.tip import Tip, TipChange
from shared.store.collections import SendKind
from shared.store.ports import Quarantined

if TYPE_CHECKING:  # annotations only
    from shared.core.recipients import Recipient
    from shared.core.roster import Roster


@dataclass(frozen=True)
class Applied:
    """What `change_tip` found and did: the tip as written (or as found when nothing
    was decided; None when there is no such tip), the change, if any, and the sends
    recorded as pending with it (the change's consequences, to carry out now)."""

    tip: Tip | None
    change: TipChange | None = None
    sends: tuple[PlannedSend, ...] = ()
    # Nothing decided: the tip as read, for a next `change_tip(seen=...)` on it that
    # needs no second read (the store's own token; None where it has none).
    seen: object | None = None


@dataclass(frozen=True)
class Reporter:
    """A citizen (or anyone who wrote to the OA), under a pseudonymous key: their
    contact, kept apart from everything else (the contacts database). Confidential."""

    key: str
    zalo_user_id: str | None
    oa_id: str | None
    expire_at: datetime | None = None  # TTL: the router renews it (`core.recipients.renewal`)


@dataclass(frozen=True)
class Talk:
    """The assistant's follow-up window with a citizen (pseudonymous, main database)."""

    last_topic: str | None = None
    last_at: datetime | None = None


@dataclass(frozen=True)
class MessageRecord:
    """An inbound message as intake stored it (its de-duplication record)."""

    key: str
    kind: str  # tip, question, command, chat, follow, unfollow
    tip_id: str | None
    sender_key: str
    oa_id: str
    text: str | None
    handled: bool
    classification: Mapping[str, Any] | None = None
    received_at: datetime | None = None
    gave_up: bool = False  # the sweep stopped republishing it (it was never handled)
    throttled: bool = False  # beyond the citizen's fair use: summarised, not answered
    expire_at: datetime | None = None


@dataclass(frozen=True)
class OfficerRecord:
    officer_id: str
    name: str
    unit_id: str
    role: str
    active: bool
    zalo_user_id: str | None = None  # confidential: only for sending
    oa_id: str | None = None


@dataclass(frozen=True)
class Question:
    """A citizen's question handed to the desk (`questions/{HD-code}`)."""

    code: str
    status: str  # open, answered
    text: str
    message_id: str
    reporter_key: str
    oa_id: str
    created_at: datetime
    expire_at: datetime | None = None
    more: int = 0  # the citizen's later requests while this one was open


@dataclass(frozen=True)
class SendRecord:
    """One outbound message, kept so that it is sent once and can be retried. Its
    recipient is a reference (`shared.core.recipients`): the Zalo id is looked up
    when it is sent, so no send record holds one."""

    oa_id: str
    to: Recipient
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, payload)
    tip_id: str | None = None
    step: str | None = None
    officer_id: str | None = None
    audience: str | None = None
    status: DeliveryStatus | None = None
    attempts: int = 0
    claimed_at: datetime | None = None
    strikes: int = 0  # passing failures while Zalo answered others
    created_at: datetime | None = None  # first recorded: Zalo's window counts from here
    finished_at: datetime | None = None
    next_retry_at: datetime | None = None
    outage: bool = False  # its last failure was the platform's, not the person's


@dataclass(frozen=True)
class PlannedSend:
    """A send a tip change calls for, recorded as pending in the change's transaction.

    `rank` orders a backlog (lower first): the ward's duty officer and the
    citizen's acknowledgement before the leadership's alerts. `claimed`: to be
    recorded already claimed by the change's caller (`sending`, as a claim writes
    it), who sends it next: no separate claim transaction. If the caller dies the
    claim lapses when the send falls due (its `due_at`). `change_tip` returns it
    with `claimed` False when it was recorded before (not this change's claim)."""

    kind: SendKind
    key: str
    record: SendRecord
    rank: int = 1
    claimed: bool = False


@dataclass(frozen=True)
class Claim:
    """The right to attempt a send once now."""

    attempt: int  # this attempt's number, the first 1
    strikes: int  # passing failures so far while Zalo answered others
    created_at: datetime  # when the send was first recorded


@dataclass(frozen=True)
class DueItem:
    """An entry of the schedule (see `shared.store.collections.DueKind`)."""

    id: str
    kind: str
    at: datetime
    tip_id: str | None = None
    message_id: str | None = None
    event_kind: str | None = None
    oa_id: str | None = None
    attempts: int = 0
    send_kind: SendKind | None = None
    send_key: str | None = None
    rank: int | None = None  # sends: the order of a backlog (lower first)
    # A tip's: its ladder's next action, and when its grouped update is due if one waits.
    next_action_at: datetime | None = None
    update_at: datetime | None = None
    # A ladder's: the tip as the schedule's query found it, for a first
    # `change_tip(seen=...)` that needs no second read (the store's token; or None).
    seen: object | None = None


@dataclass(frozen=True)
class Enrolment:
    outcome: str  # ok, moved, already, unknown_code, expired_code, used_code
    officer: OfficerRecord | None = None
    # moved: the record this Zalo account had before (now inactive): one person, one officer
    previous: OfficerRecord | None = None


Decide = Callable[[Tip], TipChange | None]
# What a change must send: given the tip as it is to be written and the change.
Plan = Callable[[Tip, TipChange], Sequence[PlannedSend]]


class LineStore(Protocol):
    """Everything the router and the escalator read and write."""

    # tips
    def tip(self, ref: str) -> Tip | None: ...
    def read_tip(self, ref: str) -> Applied:
        """The tip as read now (`tip` None: no such tip), with the store's token for a
        `change_tip(seen=...)` that then needs no second read of it."""
        ...

    def tips_held_by(self, officer_id: str) -> list[Tip]: ...
    def unheld_tips(self, unit_id: str | None, limit: int) -> list[Tip]: ...
    def tips_of_reporter(self, reporter_key: str) -> list[Tip]: ...
    def change_tip(
        self,
        ref: str,
        decide: Decide,
        now: datetime,
        *,
        salvage: bool = False,
        plan: Plan | None = None,
        seen: object | None = None,
    ) -> Applied: ...

    # messages and the people who wrote them
    def message(self, key: str) -> MessageRecord | None: ...
    def mark_handled(self, key: str, now: datetime, *, answered: bool | None = None) -> None: ...
    def give_up_message(self, key: str, now: datetime) -> None: ...
    def reporter(self, key: str) -> Reporter | None: ...
    def keep_contact(self, key: str, expire_at: datetime) -> None:
        """Move the contact's expiry to `expire_at`; a contact gone stays gone."""
        ...

    def open_tip_of(self, reporter_key: str) -> str | None:
        """The citizen's open tip, as intake last recorded it (None: none open)."""
        ...

    def last_talk(self, reporter_key: str) -> Talk: ...
    def remember_topic(self, reporter_key: str, topic: str | None, now: datetime) -> None: ...

    # officers and their rosters
    def officer(self, officer_id: str) -> OfficerRecord | None: ...
    def officers(self, ids: Iterable[str]) -> dict[str, OfficerRecord]: ...
    def officer_by_zalo(self, zalo_user_id: str) -> OfficerRecord | None: ...
    def officers_alerted(self, ref: str) -> list[str]: ...
    def roster(self, unit_id: str) -> Roster | None: ...
    def check_in(self, officer_id: str, now: datetime) -> None: ...
    def enrol(self, code: str, zalo_user_id: str, oa_id: str, now: datetime) -> Enrolment: ...

    # questions handed to the desk
    def open_question(self, question: Question, new_code: Callable[[], str]) -> Question: ...
    def question(self, code: str) -> Question | None: ...
    def open_question_of(self, reporter_key: str) -> Question | None: ...
    def add_to_question(self, code: str, now: datetime) -> None: ...
    def answer_question(self, code: str, unit_id: str, now: datetime) -> None: ...

    # events kept raw
    def quarantined(self, key: str) -> Quarantined | None: ...
    def mark_quarantine_answered(self, key: str, now: datetime) -> None: ...

    # sends
    def claim_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime
    ) -> Claim | None: ...
    def finish_send(
        self,
        kind: SendKind,
        key: str,
        status: DeliveryStatus,
        now: datetime,
        *,
        retry_at: datetime | None = None,
        message_id: str | None = None,
        error: int | None = None,
        strikes: int | None = None,
        outage: bool | None = None,
        quota: Mapping[str, Any] | None = None,
        tip_id: str | None = None,
    ) -> bool:
        """`quota`: Zalo's quota of an accepted send, kept on the send's record.
        `tip_id`: the send's record's, which says where it is kept (a tip's send's
        outcome is kept back until `settle_sends`, or the tip's next write: False)."""
        ...

    def settle_sends(self) -> bool:
        """Write the outcomes kept back (one write a tip), as `mark_handled` does first;
        whether anything was written."""
        ...

    def hold_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime, at: datetime
    ) -> None: ...
    def send_record(
        self, kind: SendKind, key: str, tip_id: str | None = None
    ) -> SendRecord | None: ...
    def step_sends(self, ref: str, alert_key: str) -> list[SendRecord]: ...

    # the schedule
    def due(self, now: datetime, limit: int, after: datetime | None = None) -> list[DueItem]: ...
    def reschedule(self, due_id: str, at: datetime, attempts: int | None = None) -> None:
        """Move an entry; one removed meanwhile (its work done) stays removed."""
        ...

    def drop_due(self, due_id: str) -> None: ...
