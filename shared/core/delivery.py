"""A send's life (an alert, a reply): when it may be attempted, when it is retried,
when it is given up, and what a ladder step's sends add up to. One rule for all.

Every outbound Zalo message has a record keyed by what it is (the alert of a
tip's step to one officer; the acknowledgement of a tip; the answer to a
message), and goes through these states:

    pending ──claim──▶ sending ──▶ sent | unreachable | rejected | no_contact  (final)
       ▲                  │
       │                  └──▶ failed (next_retry_at) ──claim when due──▶ sending …
       │                               └──▶ given_up (final)
    recorded with the change that calls for it (intent before action)

- pending: recorded, not yet tried. The transaction that moves a tip to a
  ladder step records that step's sends so (on the schedule: `due_at`), so a crash
  between the commit and the send leaves work the sweep finds, never a step
  skipped in silence.
- sending: claimed by one sender. A claim lapses after `CLAIM_LAPSES_AFTER`,
  so a sender that died does not block the send forever. A sender that lives on
  after a storage failure broke its send off keeps the claim (and what Zalo
  answered) in memory, so the redelivery it gets finishes the send at once
  (`shared.services.dispatch.Kept`); another instance waits for the lapse.
- failed: Zalo did not take it for a passing reason; `next_retry_at` says when
  it may be tried again. A redelivered Pub/Sub message or an overlapping sweep
  before that time sends nothing: the schedule holds however often the work is
  repeated.
- no_contact: the recipient's Zalo id could not be looked up when it was to be
  sent (`shared.core.recipients`: their contact expired or was deleted, the
  officer's record is gone); nobody to retry for.
- superseded: a retry no longer wanted (the tip it was about is finished or
  taken); final, and not counted as given up.

Outage is not unreachability. A failure of the platform itself (HTTP 5xx,
timeouts, -32, a token that cannot be refreshed) says nothing about the
person: while Zalo is down nobody is given up, and the failure is retried at
the outage pace (`RetrySettings.outage_every`). Only a passing failure while
Zalo answers others (a "strike") counts against the budget of
`alert_retry.delays`; whether Zalo is answering others is the sender's
knowledge (`shared.services.dispatch`), given here as `outage`. A recipient
Zalo refuses (-213, -227, -230, -232, -244) is unreachable at once. Nothing is
retried past Zalo's 7-day window, after which Zalo refuses the message anyway.

No jitter: the escalator runs once a minute, which already spreads retries, and
a deterministic schedule is one a test can pin.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any


class DeliveryStatus(StrEnum):
    """A send record's state (see the module's diagram)."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    UNREACHABLE = "unreachable"
    REJECTED = "rejected"
    FAILED = "failed"  # a passing failure; `next_retry_at` says when to try again
    GIVEN_UP = "given_up"  # passing failures past the budget, or past Zalo's window
    SUPERSEDED = "superseded"  # no longer wanted (the tip is finished or taken)
    NO_CONTACT = "no_contact"  # the recipient's Zalo id is gone (contact expired, officer removed)


FINAL = frozenset(
    {
        DeliveryStatus.SENT,
        DeliveryStatus.UNREACHABLE,
        DeliveryStatus.REJECTED,
        DeliveryStatus.GIVEN_UP,
        DeliveryStatus.SUPERSEDED,
        DeliveryStatus.NO_CONTACT,
    }
)
# Not delivered yet, and still expected to be.
WAITING = frozenset({DeliveryStatus.PENDING, DeliveryStatus.SENDING, DeliveryStatus.FAILED})
CLAIM_LAPSES_AFTER = timedelta(seconds=90)  # longer than a push delivery's deadline
# Zalo lets an OA message a person up to 7 days after their last interaction
# (-230 after that); a send is never older than the message that called for it.
WINDOW = timedelta(days=7)


def may_send(record: Mapping[str, Any] | None, now: datetime) -> bool:
    """May a sender claim this record now? The one claim rule of every send."""
    if record is None:
        return True
    status = record.get("status")
    if status in FINAL:
        return False
    if status == DeliveryStatus.SENDING:
        claimed = record.get("claimed_at")
        return claimed is None or claimed + CLAIM_LAPSES_AFTER <= now
    if status == DeliveryStatus.FAILED:
        # Its retry time, not the next redelivery, decides.
        retry_at = record.get("next_retry_at")
        return retry_at is None or retry_at <= now
    return True  # pending: recorded, never tried


def claim_lapses_at(record: Mapping[str, Any]) -> datetime | None:
    """When the claim of a record in `sending` lapses (None: not claimed)."""
    claimed = record.get("claimed_at")
    if record.get("status") != DeliveryStatus.SENDING or claimed is None:
        return None
    result: datetime = claimed + CLAIM_LAPSES_AFTER
    return result


@dataclass(frozen=True)
class RetrySettings:
    """`alert_retry` of `shared/data/policy.yaml`."""

    delays: tuple[timedelta, ...]  # wait before retry 1, 2, ... after strikes
    outage_every: timedelta = timedelta(minutes=1)  # retry pace while Zalo is down
    outage_after: int = 2  # people failing in a row, nobody answered between: Zalo is down

    @property
    def max_attempts(self) -> int:
        """Strikes in all, the first send included, before an alert is given up."""
        return len(self.delays) + 1


def next_retry_at(attempts: int, now: datetime, settings: RetrySettings) -> datetime | None:
    """When to try again after `attempts` strikes, the last at `now`.

    None: the strikes are spent. Zero (or fewer) means nothing was tried yet: try now.
    """
    if attempts <= 0:
        return now
    if attempts > len(settings.delays):
        return None
    return now + settings.delays[attempts - 1]


def retry_after_failure(
    *,
    strikes: int,
    outage: bool,
    created_at: datetime,
    now: datetime,
    settings: RetrySettings,
    until_window: bool,
) -> datetime | None:
    """When a send that just failed for a passing reason is tried again; None: given up.

    `strikes` counts the failures so far that happened while Zalo answered
    others (this one included when `outage` is False). An outage failure is
    retried at the outage pace and never spends the budget. `until_window`:
    keep trying past the budget, at the last delay's pace, until the window
    closes (a citizen's acknowledgement); otherwise spent strikes give up (an
    alert: the ladder then moves on past an officer nobody can reach).
    """
    if now >= created_at + WINDOW:
        return None
    if outage:
        return min(now + settings.outage_every, created_at + WINDOW)
    retry = next_retry_at(strikes, now, settings)
    if retry is None and until_window:
        retry = now + (settings.delays[-1] if settings.delays else settings.outage_every)
    return None if retry is None else min(retry, created_at + WINDOW)


# --- a ladder step's sends --------------------------------------------------------------


@dataclass(frozen=True)
class StepDelivery:
    """What the sends of one ladder step (or reminder) add up to.

    reached: someone was alerted. waiting: nobody yet, but some send still waits on
    Zalo itself (not tried yet, being sent, or failed because Zalo was down).
    Neither: nobody could be reached, or there was nobody to send to, or their
    sends keep failing while Zalo answers others (the person's trouble, not an
    outage: the ladder does not wait for them).
    """

    reached: bool
    waiting: bool
    delivered_at: datetime | None = None  # the first delivery of the step

    @property
    def unreached(self) -> bool:
        return not self.reached and not self.waiting


def step_delivery(records: Iterable[Mapping[str, Any]], zalo_down: bool = False) -> StepDelivery:
    """Summarise the send records of one step (`status`, `finished_at`, `outage`).

    `zalo_down`: the sender knows Zalo is down now, so any failed send waits on it
    (whatever its last failure was taken for)."""
    delivered: list[datetime] = []
    reached = waiting = False
    for record in records:
        status = record.get("status")
        if status == DeliveryStatus.SENT:
            reached = True
            at = record.get("finished_at")
            if isinstance(at, datetime):
                delivered.append(at)
        elif status in WAITING:
            # A failure while Zalo answered others is the person's: nothing to wait for.
            outage = zalo_down or bool(record.get("outage"))
            waiting = waiting or status != DeliveryStatus.FAILED or outage
    return StepDelivery(reached, waiting and not reached, min(delivered, default=None))
