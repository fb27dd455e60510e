"""Sending, shared by the router and the escalator: one message, once.

Every send is claimed first (`alerts/{tip}:{step}:{officer}` or
`replies/{key}`), so a redelivered Pub/Sub message or an overlapping escalator
run sends nothing twice; the record keeps what a retry needs. What to send and
to whom is decided elsewhere (`shared.services.paging`, the router's handlers).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from shared.core import delivery
from shared.core.tip import Tip
from shared.logs import Logger
from shared.store.collections import SendKind
from shared.store.ports import DeliveryStatus, LineStore, OfficerRecord, SendRecord
from shared.zalo.client import Button, SendStatus, ZaloClient


class SendOutcome(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"  # Zalo will not let us message this person
    REJECTED = "rejected"  # Zalo refused the request itself
    FAILED = "failed"  # a passing failure; a retry is scheduled
    GIVEN_UP = "given_up"  # a passing failure, and the retries are spent
    ALREADY = "already"  # sent, or being sent, by an earlier delivery


# Outcomes that mean the officer was not reached (the ladder moves on).
NOT_REACHED = frozenset({SendOutcome.UNREACHABLE, SendOutcome.REJECTED, SendOutcome.GIVEN_UP})


@dataclass
class Tally:
    """What a round of sends achieved; `transient` means someone must retry."""

    sent: int = 0
    unreachable: list[str] = field(default_factory=list)
    transient: int = 0

    def add(self, other: Tally) -> Tally:
        self.sent += other.sent
        self.unreachable.extend(other.unreachable)
        self.transient += other.transient
        return self

    def count(self, outcome: SendOutcome | None) -> Tally:
        """Count a single reply's outcome (None: there was nobody to send to)."""
        self.transient += outcome is SendOutcome.FAILED
        return self


@dataclass
class Dispatcher:
    store: LineStore
    clients: Callable[[str], ZaloClient]  # OA id -> its client
    retry: delivery.RetrySettings
    log: Logger
    default_oa: str | None = None

    def send(
        self,
        kind: SendKind,
        key: str,
        record: SendRecord,
        now: datetime,
        buttons: Sequence[Button] = (),
    ) -> SendOutcome:
        """Send once under a claim."""
        attempt = self.store.claim_send(kind, key, record, now)
        if not attempt:
            return SendOutcome.ALREADY
        result = self.clients(record.oa_id).send_text(record.user_id, record.text, buttons=buttons)
        if result.status is SendStatus.SENT:
            self.store.finish_send(
                kind, key, DeliveryStatus.SENT, now, message_id=result.message_id
            )
            return SendOutcome.SENT
        if result.status in (SendStatus.UNREACHABLE, SendStatus.REJECTED):
            status = DeliveryStatus(result.status.value)
            self.store.finish_send(kind, key, status, now, error=result.error_code)
            return SendOutcome(result.status.value)
        retry_at = delivery.next_retry_at(attempt, now, self.retry)
        self.store.finish_send(
            kind, key, DeliveryStatus.FAILED, now, retry_at=retry_at, error=result.error_code
        )
        return SendOutcome.FAILED if retry_at else SendOutcome.GIVEN_UP

    def resend(self, kind: SendKind, key: str, now: datetime) -> SendOutcome | None:
        """Retry a send that failed for a passing reason, as recorded."""
        record = self.store.send_record(kind, key)
        if record is None or record.status is not DeliveryStatus.FAILED:
            return None
        buttons = [Button(title, payload) for title, payload in record.buttons]
        return self.send(kind, key, record, now, buttons)

    def reply(
        self,
        key: str,
        oa_id: str,
        user_id: str,
        text: str,
        now: datetime,
        buttons: Sequence[Button] = (),
        *,
        audience: str,
        tip_id: str | None = None,
    ) -> SendOutcome:
        record = SendRecord(
            oa_id,
            user_id,
            text,
            tuple((b.title, b.payload) for b in buttons),
            tip_id=tip_id,
            audience=audience,
        )
        return self.send(SendKind.REPLY, key, record, now, buttons)

    def to_citizen(
        self, tip: Tip, key: str, text: str, now: datetime, buttons: Sequence[Button] = ()
    ) -> SendOutcome | None:
        """A reply to the informant of `tip`; None when their record is gone."""
        reporter = self.store.reporter(tip.reporter_key)
        if reporter is None or not reporter.zalo_user_id:
            self.log.error("dispatch.no_reporter", tip_id=tip.ref)
            return None
        return self.reply(
            key,
            tip.oa_id,
            reporter.zalo_user_id,
            text,
            now,
            buttons,
            audience="citizen",
            tip_id=tip.ref,
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
            record = SendRecord(
                officer.oa_id or self.default_oa or oa_id,
                officer.zalo_user_id,
                text,
                tip_id=ref,
                step=step_key,
                officer_id=officer.officer_id,
            )
            key = f"{ref}:{step_key}:{officer.officer_id}"
            outcome = self.send(SendKind.ALERT, key, record, now)
            if outcome in NOT_REACHED:
                tally.unreachable.append(officer.officer_id)
            elif outcome is SendOutcome.FAILED:
                tally.transient += 1
            else:
                tally.sent += 1  # sent now, or by an earlier delivery
        return tally
