"""Sending, shared by the router and the escalator: one message, once.

Every send is claimed first (`alerts/{tip}:{step}:{officer}` or
`replies/{key}`), so a redelivered Pub/Sub message or an overlapping escalator
run sends nothing twice; the record keeps what a retry needs, and its `due`
entry brings it back until it is done (`shared.core.delivery` has its states).
A send a storage failure broke off after its claim stays this process's
(`Kept`): the failure fails the Pub/Sub delivery, and its redelivery finishes
the send (records what Zalo answered, or sends it) instead of finding it claimed.
What to send and to whom is decided elsewhere (`shared.services.paging`,
`shared.services.notices`, the router's handlers).

Outage is not unreachability. `ZaloHealth` is what this process has seen of
Zalo: once `outage_after` different people's sends failed in a row with no
answer between, Zalo is down. A passing failure then is the platform's and
spends no budget; otherwise it is a strike against the send (this person is
the trouble). While Zalo is down the sender stops calling it: sends are left
pending (held) for the sweep, and one send every `outage_every` probes whether
Zalo answers again. Every attempt is bounded in time (`SEND_LIMIT`), and a
sender given a stop time (`stop_at`, the escalator's budget) starts no send
after it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from shared.core import delivery, recipients
from shared.core.recipients import Recipient
from shared.core.tip import Tip
from shared.logs import Logger
from shared.services.recipients import Recipients
from shared.store.collections import SendKind
from shared.store.ports.line import (
    Claim,
    DeliveryStatus,
    LineStore,
    OfficerRecord,
    PlannedSend,
    SendRecord,
)
from shared.zalo.client import Button, SendResult, SendStatus, ZaloClient

# One attempt's whole time (a post, a token refresh and the resend after it);
# the escalator's budget plus this stays under its function's timeout.
SEND_LIMIT = timedelta(seconds=20)


class SendOutcome(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"  # Zalo will not let us message this person
    NO_CONTACT = "no_contact"  # their Zalo id is gone (contact expired, officer removed)
    REJECTED = "rejected"  # Zalo refused the request itself
    FAILED = "failed"  # a passing failure; its retry is recorded
    GIVEN_UP = "given_up"  # passing failures past the budget, or past Zalo's window
    HELD = "held"  # not attempted (Zalo is down, or no time left): recorded for the sweep
    SUPERSEDED = "superseded"  # no longer wanted
    ALREADY = "already"  # sent, being sent, or waiting for its retry time


# Outcomes that mean the officer was not reached (the ladder moves on).
NOT_REACHED = frozenset(
    {SendOutcome.UNREACHABLE, SendOutcome.REJECTED, SendOutcome.GIVEN_UP, SendOutcome.NO_CONTACT}
)
# Not delivered yet, and the sweep will try again.
WAITING = frozenset({SendOutcome.FAILED, SendOutcome.HELD})


@dataclass
class Tally:
    """What a round of sends achieved; `waiting`: sends the sweep will retry."""

    sent: int = 0
    unreachable: list[str] = field(default_factory=list)
    waiting: int = 0
    held: int = 0  # of the waiting: not even attempted (Zalo down, or no time left)
    given_up: int = 0

    def add(self, other: Tally) -> Tally:
        self.sent += other.sent
        self.unreachable.extend(other.unreachable)
        self.waiting += other.waiting
        self.held += other.held
        self.given_up += other.given_up
        return self

    def count(self, outcome: SendOutcome | None) -> Tally:
        """Count a single reply's outcome (None: there was nobody to send to)."""
        self.sent += outcome in (SendOutcome.SENT, SendOutcome.ALREADY)
        self.waiting += outcome in WAITING
        self.held += outcome is SendOutcome.HELD
        self.given_up += outcome is SendOutcome.GIVEN_UP
        return self


@dataclass
class ZaloHealth:
    """What this process has seen of Zalo lately, per OA (thread-safe: the router
    serves several requests at once).

    Zalo is down once `after` different people's sends failed in a row, with no
    answer between: one person's failures, however many, never make an outage.
    A passing failure while Zalo is down is the platform's; otherwise it is a
    strike against the send (the first failure of an outage is one too, as
    nothing tells it apart yet). While it is down, one send every `every` is
    tried (a probe); any answer means it is up again.
    """

    after: int  # different people failing in a row that mean Zalo is down
    every: timedelta  # between probes while it is down
    log: Logger
    _streak: dict[str, set[str]] = field(default_factory=dict)  # OA -> people failing in a row
    _probe_at: dict[str, datetime] = field(default_factory=dict)
    _down_since: dict[str, datetime] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allows(self, oa_id: str, now: datetime) -> bool:
        """May a send to Zalo be tried now? Not while it is down, but for a probe."""
        with self._lock:
            probe = self._probe_at.get(oa_id)
            if probe is None or now >= probe:
                if probe is not None:
                    self._probe_at[oa_id] = now + self.every  # one probe at a time
                return True
            return False

    def down(self, oa_id: str) -> bool:
        with self._lock:
            return oa_id in self._down_since

    def any_down(self) -> bool:
        with self._lock:
            return bool(self._down_since)

    def answered(self, oa_id: str, now: datetime) -> None:
        """Zalo answered (sent, or refused this person): it is up."""
        with self._lock:
            self._streak.pop(oa_id, None)
            self._probe_at.pop(oa_id, None)
            since = self._down_since.pop(oa_id, None)
        if since is not None:
            minutes = round((now - since).total_seconds() / 60, 1)
            self.log.warning("zalo.outage_over", oa_id=oa_id, minutes=minutes)

    def failed(self, oa_id: str, person: str, now: datetime) -> bool:
        """A passing failure of a send to `person` (its recipient's reference); True when
        it is the platform's (an outage), False when it is a strike against the send."""
        with self._lock:
            streak = self._streak.setdefault(oa_id, set())
            streak.add(person)
            if len(streak) < self.after:
                return False
            began = oa_id not in self._down_since
            self._down_since.setdefault(oa_id, now)
            self._probe_at[oa_id] = now + self.every
        if began:
            self.log.warning("zalo.outage", oa_id=oa_id, people=len(streak))
        return True


@dataclass(frozen=True)
class Finish:
    """What a send came to, as its record is to keep it (`LineStore.finish_send`)."""

    outcome: SendOutcome
    status: DeliveryStatus
    at: datetime
    retry_at: datetime | None = None
    message_id: str | None = None
    error: int | None = None
    strikes: int | None = None
    outage: bool | None = None
    quota: Mapping[str, Any] | None = None

    def write(self, store: LineStore, kind: SendKind, key: str, tip_id: str | None) -> None:
        """Record it on the send's record (it leaves the schedule or keeps its retry
        time; a tip's send's with the tip's other outcomes, `LineStore.settle_sends`)."""
        store.finish_send(
            kind,
            key,
            self.status,
            self.at,
            retry_at=self.retry_at,
            message_id=self.message_id,
            error=self.error,
            strikes=self.strikes,
            outage=self.outage,
            quota=self.quota,
            tip_id=tip_id,
        )


@dataclass(frozen=True)
class Held:
    """A claim this process holds on a send, since `claimed_at`; `finish`: what Zalo
    answered, when the write that records it failed (the send is not made again)."""

    claim: Claim
    claimed_at: datetime
    finish: Finish | None = None


@dataclass
class Kept:
    """Claims on sends this process holds but has not finished, kept a little while
    (thread-safe): the sends a tip change just recorded claimed for it
    (`PlannedSend.claimed`), and sends whose attempt a storage failure broke off
    after their claim. Whoever here sends one of them first, while the claim holds,
    needs no claim transaction of its own (a read and a write saved per send); and
    a redelivery of the failed Pub/Sub message finishes a broken-off send at once,
    rather than finding it claimed and leaving it to the sweep once the claim
    lapses. Each is taken once; the rest lapse like any claim.

    Forgetting is by this process's own elapsed time, never by another handler's
    `now`: a handler that started later (or on a clock moved on, as the local
    stack's is) must not drop a claim a handler still running is about to send
    under. Such a send would find its record claimed, by itself, and leave it to the
    sweep."""

    monotonic: Callable[[], float] = time.monotonic
    _owned: dict[tuple[str, str], tuple[Held, float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def own(self, sends: Sequence[PlannedSend], now: datetime) -> None:
        with self._lock:
            self._forget_old()
            for planned in sends:
                if planned.claimed:
                    self._put((planned.kind.value, planned.key), Held(Claim(1, 0, now), now))

    def keep(self, kind: SendKind, key: str, held: Held) -> None:
        """A claim still ours after its attempt broke off (`held.finish`: Zalo answered)."""
        with self._lock:
            self._forget_old()
            self._put((kind.value, key), held)

    def take(self, kind: SendKind, key: str, now: datetime) -> Held | None:
        """Our claim on this send, once; None when it is not ours or has lapsed."""
        with self._lock:
            entry = self._owned.pop((kind.value, key), None)
        if entry is None or entry[0].claimed_at + delivery.CLAIM_LAPSES_AFTER <= now:
            return None
        return entry[0]

    def _put(self, key: tuple[str, str], held: Held) -> None:
        self._owned[key] = (held, self.monotonic())

    def _forget_old(self) -> None:
        """Drop what was kept longer than a claim lasts (its claim has lapsed anyway)."""
        oldest = self.monotonic() - delivery.CLAIM_LAPSES_AFTER.total_seconds()
        for key in [k for k, (_, at) in self._owned.items() if at <= oldest]:
            del self._owned[key]


@dataclass
class Dispatcher:
    store: LineStore
    clients: Callable[[str], ZaloClient]  # OA id -> its client
    retry: delivery.RetrySettings
    log: Logger
    recipients: Recipients  # who a send's `to` is, looked up when it is sent
    default_oa: str | None = None
    health: ZaloHealth | None = None
    stop_at: float | None = None  # time.monotonic(): start no send after it
    monotonic: Callable[[], float] = time.monotonic
    kept: Kept = field(default_factory=lambda: Kept())

    def __post_init__(self) -> None:
        if self.health is None:
            self.health = ZaloHealth(self.retry.outage_after, self.retry.outage_every, self.log)

    def will_attempt(self, oa_id: str) -> bool:
        """Would a send be attempted now (time left, Zalo up)? Else: recorded pending."""
        out_of_time = self.stop_at is not None and self.monotonic() >= self.stop_at
        return not out_of_time and not self.zalo.down(oa_id)

    @property
    def zalo(self) -> ZaloHealth:
        assert self.health is not None
        return self.health

    def send(
        self,
        kind: SendKind,
        key: str,
        record: SendRecord,
        now: datetime,
        buttons: Sequence[Button] = (),
        *,
        recorded: bool = False,
    ) -> SendOutcome:
        """Send once under a claim. `recorded`: the record (and its `due` entry) exist
        already, so a send not attempted now needs no write."""
        held = self.kept.take(kind, key, now)
        if held is not None and held.finish is not None:
            # Zalo answered this send before, and recording that failed: recorded now.
            return self._record(kind, key, record.tip_id, held, held.finish)
        out_of_time = self.stop_at is not None and self.monotonic() >= self.stop_at
        if out_of_time or not self.zalo.allows(record.oa_id, now):
            if held is not None:
                # Claimed by us, then Zalo went down: pending again, due when the
                # claim would have lapsed, as if it had never been claimed.
                lapse = held.claimed_at + delivery.CLAIM_LAPSES_AFTER
                Finish(SendOutcome.HELD, DeliveryStatus.PENDING, now, lapse).write(
                    self.store, kind, key, record.tip_id
                )
            elif not recorded:
                self.store.hold_send(kind, key, record, now, now)
            return SendOutcome.HELD
        if held is None:
            claim = self.store.claim_send(kind, key, record, now)
            if claim is None:
                return SendOutcome.ALREADY
            held = Held(claim, now)
        try:
            finish = self._attempt(kind, record, now, buttons, held.claim)
        except Exception:
            # Broken off before Zalo took it (a storage failure looking up the
            # recipient or the token): the claim stays ours for the redelivery.
            self.kept.keep(kind, key, held)
            raise
        return self._record(kind, key, record.tip_id, held, finish)

    def _attempt(
        self,
        kind: SendKind,
        record: SendRecord,
        now: datetime,
        buttons: Sequence[Button],
        claim: Claim,
    ) -> Finish:
        """One attempt under `claim`: what it came to, not recorded yet."""
        if now >= claim.created_at + delivery.WINDOW:
            self.log.error("dispatch.given_up", send=kind.value, reason="window_closed")
            return Finish(SendOutcome.GIVEN_UP, DeliveryStatus.GIVEN_UP, now)
        user_id = self.recipients.zalo_id(record.to, now)
        if user_id is None:  # nobody to retry for: final, and the id is not logged
            self.log.warning("dispatch.no_contact", send=kind.value, to=record.to.kind.value)
            return Finish(SendOutcome.NO_CONTACT, DeliveryStatus.NO_CONTACT, now)
        deadline = self.monotonic() + SEND_LIMIT.total_seconds()
        result = self.clients(record.oa_id).send_text(
            user_id, record.text, buttons=buttons, deadline=deadline
        )
        if result.status in ANSWERED:
            self.zalo.answered(record.oa_id, now)
            return answered(result, now)
        outage = self.zalo.failed(record.oa_id, record.to.ref, now)
        until_window = record.audience == "citizen"
        finish = after_failure(result, claim, outage, now, self.retry, until_window)
        if finish.outcome is SendOutcome.GIVEN_UP:
            self.log.error(
                "dispatch.given_up", send=kind.value, reason="strikes", strikes=finish.strikes
            )
        return finish

    def _record(
        self, kind: SendKind, key: str, tip_id: str | None, held: Held, finish: Finish
    ) -> SendOutcome:
        """Record what the send came to. When that write fails, what Zalo answered
        stays with the claim, so the redelivery records it without sending again."""
        try:
            finish.write(self.store, kind, key, tip_id)
        except Exception:
            self.kept.keep(kind, key, replace(held, finish=finish))
            raise
        return finish.outcome

    def send_planned(self, planned: PlannedSend, now: datetime) -> SendOutcome:
        """A send recorded with its tip change."""
        buttons = [Button(title, payload) for title, payload in planned.record.buttons]
        return self.send(planned.kind, planned.key, planned.record, now, buttons, recorded=True)

    def reply(
        self,
        key: str,
        oa_id: str,
        to: Recipient,
        text: str,
        now: datetime,
        buttons: Sequence[Button] = (),
        *,
        audience: str,
        tip_id: str | None = None,
    ) -> SendOutcome:
        record = reply_record(oa_id, to, text, buttons, audience, tip_id)
        return self.send(SendKind.REPLY, key, record, now, buttons)

    def citizen_record(
        self, tip: Tip, text: str, buttons: Sequence[Button] = ()
    ) -> SendRecord | None:
        """A reply to the informant of `tip` (their contact is read when it is sent);
        None when they wrote from Zalo's anonymous chat (the consultation API cannot
        reach them)."""
        if tip.is_anonymous:
            self.log.info("dispatch.anonymous_informant", tip_id=tip.ref)
            return None
        to = recipients.reporter(tip.reporter_key)
        return reply_record(tip.oa_id, to, text, buttons, "citizen", tip.ref)

    def to_citizen(
        self, tip: Tip, key: str, text: str, now: datetime, buttons: Sequence[Button] = ()
    ) -> SendOutcome | None:
        """A reply to the informant of `tip`; None when nobody can be written back."""
        record = self.citizen_record(tip, text, buttons)
        if record is None:
            return None
        return self.send(SendKind.REPLY, key, record, now, buttons)

    def alert_record(
        self, ref: str, oa_id: str, officer: OfficerRecord, step_key: str, text: str
    ) -> SendRecord:
        return SendRecord(
            officer.oa_id or self.default_oa or oa_id,
            recipients.officer(officer.officer_id, officer.zalo_user_id),
            text,
            tip_id=ref,
            step=step_key,
            officer_id=officer.officer_id,
        )

    def alert_officers(
        self,
        ref: str,
        oa_id: str,
        officers: Sequence[OfficerRecord],
        step_key: str,
        text: str,
        now: datetime,
    ) -> Tally:
        """One alert per officer for `step_key` of the tip (or hand-off) `ref`."""
        tally = Tally()
        for officer in officers:
            if not officer.zalo_user_id:
                tally.unreachable.append(officer.officer_id)  # not enrolled on Zalo yet
                continue
            record = self.alert_record(ref, oa_id, officer, step_key, text)
            key = f"{ref}:{step_key}:{officer.officer_id}"
            outcome = self.send(SendKind.ALERT, key, record, now)
            tally.add(outcome_tally(outcome, officer.officer_id))
        return tally


# Zalo's answers about the person: it is up, whatever it said.
ANSWERED = frozenset({SendStatus.SENT, SendStatus.UNREACHABLE, SendStatus.REJECTED})


def answered(result: SendResult, now: datetime) -> Finish:
    """What a send Zalo answered comes to: sent, or this person refused."""
    if result.status is SendStatus.SENT:
        return Finish(
            SendOutcome.SENT,
            DeliveryStatus.SENT,
            now,
            message_id=result.message_id,
            quota=result.quota,
        )
    status = DeliveryStatus(result.status.value)
    return Finish(SendOutcome(result.status.value), status, now, error=result.error_code)


def after_failure(
    result: SendResult,
    claim: Claim,
    outage: bool,
    now: datetime,
    settings: delivery.RetrySettings,
    until_window: bool,
) -> Finish:
    """What a passing failure comes to: a retry at its time, or given up
    (`shared.core.delivery.retry_after_failure`); `outage`: the platform's failure."""
    strikes = claim.strikes + (0 if outage else 1)
    retry_at = delivery.retry_after_failure(
        strikes=strikes,
        outage=outage,
        created_at=claim.created_at,
        now=now,
        settings=settings,
        until_window=until_window,
    )
    if retry_at is None:
        return Finish(
            SendOutcome.GIVEN_UP,
            DeliveryStatus.GIVEN_UP,
            now,
            error=result.error_code,
            strikes=strikes,
        )
    return Finish(
        SendOutcome.FAILED,
        DeliveryStatus.FAILED,
        now,
        retry_at=retry_at,
        error=result.error_code,
        strikes=strikes,
        outage=outage,
    )


def outcome_tally(outcome: SendOutcome, officer_id: str | None = None) -> Tally:
    """The tally of one alert's outcome."""
    tally = Tally()
    if outcome in NOT_REACHED:
        tally.unreachable.append(officer_id or "")
        tally.given_up += outcome is SendOutcome.GIVEN_UP
    elif outcome in WAITING:
        tally.waiting += 1
        tally.held += outcome is SendOutcome.HELD
    elif outcome is not SendOutcome.SUPERSEDED:
        tally.sent += 1  # sent now, or by (or for) an earlier delivery
    return tally


def reply_record(
    oa_id: str,
    to: Recipient,
    text: str,
    buttons: Sequence[Button],
    audience: str,
    tip_id: str | None = None,
) -> SendRecord:
    return SendRecord(
        oa_id,
        to,
        text,
        tuple((b.title, b.payload) for b in buttons),
        tip_id=tip_id,
        audience=audience,
    )
