"""The escalator: one run over the work that is due.

Each run reads the schedule (one range query on each place it is kept: `due_at`
on tips (their ladders and grouped updates), on messages and on sends; merged
oldest first, in pages) within a time budget, and takes each page in this order:
- sends not done (pending since their tip change, failed for a passing reason,
  or left claimed by a sender that died), the ward's duty officers and the
  citizens' acknowledgements first (`rank`): retried with backoff, an alert
  that keeps failing while Zalo answers others counts as an officer not
  reached (the ladder climbs); a retry of a finished or taken tip is dropped
  (`shared.services.resends`);
- a tip's next ladder action: decided in a transaction that acts only if the
  tip is still due (`shared.core.tip.step`), knowing how the current step's
  sends fared: while they wait on Zalo the ladder holds instead of climbing;
  the next step's sends are recorded in the same transaction, then sent;
- a message no router has handled: republished (with a doubling wait, capped),
  and after repeated failures its tip goes to the desk as it is
  (`shared.services.republish`). The sweep never marks a message handled: a
  router that gets to it late still acts on it;
- what a citizen added to a tip during the pause between updates: told to its
  officers in one update (`shared.services.followups`).
While Zalo is down (`shared.services.dispatch.ZaloHealth`) a run sends a probe
and holds the rest; a run starts no work after its budget, and each send is
bounded (`dispatch.SEND_LIMIT`), so the run ends well inside its function's
timeout. Overlapping runs are safe: whoever commits a tip's step first wins,
and the others find it no longer due (or lose the transaction: `Contended`).
"""

from __future__ import annotations

import contextlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from shared.clock import Clock
from shared.core import delivery, ladder
from shared.core import tip as tip_core
from shared.core.jurisdiction import Profile
from shared.core.policy_file import Policies
from shared.core.tip import Tip
from shared.logs import Logger
from shared.services.dispatch import SendOutcome, Tally
from shared.services.followups import FollowUps
from shared.services.paging import Pager
from shared.services.republish import Republisher
from shared.services.resends import Resends
from shared.store.collections import SCHEDULED, DueKind, SendKind, due_id
from shared.store.ports import Contended, StorageError, StorageRefused
from shared.store.ports.line import DueItem, LineStore

ACTOR = "escalator"
PAGE = 100
FAILED_ITEM_BACKOFF = timedelta(minutes=5)
MAX_ACTIONS = 8  # a release restarts the ladder with its first step due at once
# The order of a page: sends (by rank), then ladders, then messages.
_ORDER = {
    DueKind.SEND.value: 0,
    DueKind.LADDER.value: 1,
    DueKind.MESSAGE.value: 2,
}


def _reason(exc: BaseException) -> str:
    """The type and, for a store error, what it wraps (Google's error type), never
    an exception's text: a message may quote a document."""
    cause = exc.__cause__
    return f"{type(exc).__name__}/{type(cause).__name__}" if cause else type(exc).__name__


@dataclass
class RunSummary:
    due: int = 0
    steps: int = 0
    republished: int = 0
    retried: int = 0  # sends not done that this run took up again
    sent: int = 0  # sends that went out in this run (retries and new steps)
    pending: int = 0  # sends this run left waiting (failed again, or held)
    given_up: int = 0  # sends given up (strikes spent, or Zalo's window closed)
    held: int = 0  # ladders held because their step still waits on Zalo
    outage: bool = False  # Zalo was down when the run ended
    to_desk: int = 0
    failures: int = 0
    failed_on: list[str] = field(default_factory=list)  # what each failure was
    recovered: int = 0  # items done on their one retry after a passing storage failure
    contended: int = 0
    stopped_early: bool = False
    reads: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)

    def count(self, tally: Tally) -> None:
        self.sent += tally.sent
        self.pending += tally.waiting
        self.given_up += tally.given_up


@dataclass
class Escalator:
    store: LineStore
    pager: Pager
    resends: Resends
    republisher: Republisher
    profile: Profile
    policies: Policies
    clock: Clock
    log: Logger
    budget_seconds: float
    followups: FollowUps | None = None
    monotonic: Callable[[], float] = field(default=time.monotonic)
    shuffle: Callable[[list[Any]], None] = field(default=random.shuffle)

    def handle(self, method: str) -> tuple[dict[str, Any], int]:
        if method not in ("POST", "GET"):
            return {"error": "method not allowed: Cloud Scheduler posts"}, 405
        summary = self.run(self.clock.now())
        # A run that could not do some due work answers 500: Cloud Scheduler records
        # a failed run (alerting counts them) and the next minute's run tries again.
        return summary.as_dict(), 500 if summary.failures else 200

    def run(self, now: datetime) -> RunSummary:
        summary = RunSummary()
        deadline = self.monotonic() + self.budget_seconds
        dispatch = self.pager.dispatch
        dispatch.stop_at = deadline  # no send starts after the budget
        after: datetime | None = None
        try:
            while True:
                page = self.store.due(now, PAGE, after)
                # Firestore bills a query that finds nothing one read.
                summary.reads += max(len(SCHEDULED), len(page))
                for item in self._ordered(page):
                    if self.monotonic() > deadline:
                        summary.stopped_early = True
                        break
                    summary.due += 1
                    try:
                        self._attempt(item, now, summary)
                    except Contended:
                        # Another run holds this tip; it stays due for whoever is next.
                        summary.contended += 1
                    except Exception as exc:  # one bad item must not stall every run after it
                        self._failed(item.id, exc, now, summary)
                if len(page) < PAGE or summary.stopped_early:
                    break
                after = page[-1].at
        finally:
            dispatch.stop_at = None
            # What an item that failed left kept back (a send Zalo took is recorded). If
            # this write fails too, those sends go again when their claims lapse: said,
            # never silent.
            try:
                self.store.settle_sends()
            except Exception as exc:  # the run's own outcome stands
                self.log.warning("escalator.settle_failed", reason=_reason(exc))
        summary.outage = dispatch.zalo.any_down()
        if summary.outage or summary.held:
            self.log.warning("escalator.zalo_down", held=summary.held, pending=summary.pending)
        self.log.info("escalator.run", **summary.as_dict())
        return summary

    def _ordered(self, page: list[DueItem]) -> list[DueItem]:
        # Overlapping runs read the same page: taking it in different orders keeps
        # them off each other's tips most of the time; the sort is stable, so the
        # order within one kind and rank stays shuffled.
        work = list(page)
        self.shuffle(work)
        work.sort(
            key=lambda i: (
                _ORDER.get(i.kind, 3),
                i.rank if i.rank is not None else 9,
                i.send_kind is not SendKind.ALERT,  # an officer's alert before a reply
            )
        )
        return work

    def _attempt(self, item: DueItem, now: datetime, summary: RunSummary) -> None:
        """One item, tried again once after a passing storage failure (a timeout, an
        unavailable backend): every action re-reads and claims, so a second try
        finishes what the first left and repeats nothing. Its sends' outcomes on a
        tip are written once it is done, in one write a tip (`settle_sends`)."""
        try:
            self._one(item, now, summary)
        except (Contended, StorageRefused):
            raise
        except StorageError as exc:
            self.log.warning("escalator.item_retry", due=item.id, reason=_reason(exc))
            self._one(item, now, summary)
            summary.recovered += 1
        self.store.settle_sends()

    def _failed(self, item_id: str, exc: BaseException, now: datetime, summary: RunSummary) -> None:
        """Counted (the run answers 500, alerting sees it); the item stays scheduled,
        a little later, so that it cannot hold the head of every page."""
        summary.failures += 1
        summary.failed_on.append(_reason(exc))
        self.log.error("escalator.item_failed", due=item_id, reason=_reason(exc))
        with contextlib.suppress(Exception):
            self.store.reschedule(item_id, now + FAILED_ITEM_BACKOFF)

    def _one(self, item: DueItem, now: datetime, summary: RunSummary) -> None:
        if item.kind == DueKind.LADDER and item.tip_id:
            # The tip's entry is its ladder's or its grouped update's, the earlier.
            updates = self.followups if item.update_at and item.update_at <= now else None
            if updates is None or (item.next_action_at and item.next_action_at <= now):
                summary.steps += self.step(item.tip_id, now, summary, seen=item.seen)
            if updates is not None:  # what the citizen added during the pause, in one update
                summary.count(updates.flush(item.tip_id, now, ACTOR))
        elif item.kind == DueKind.MESSAGE and item.message_id:
            swept = self.republisher.sweep(item, now)
            summary.republished += swept.republished
            summary.to_desk += swept.to_desk
            summary.count(swept.tally)
        elif item.kind == DueKind.SEND and item.send_kind and item.send_key:
            self._retry_send(item, item.send_kind, item.send_key, now, summary)
        else:
            self.store.drop_due(item.id)

    # --- the ladder -----------------------------------------------------------------

    def step(
        self,
        ref: str,
        now: datetime,
        summary: RunSummary | None = None,
        *,
        seen: object | None = None,
    ) -> int:
        """Take every action of this tip that is due at `now`; how many were taken.
        `seen`: the tip as the schedule's query found it; the first action is decided
        on it and written only if the tip is unchanged since (else read again)."""
        summary = summary if summary is not None else RunSummary()
        recheck = self.policies.alert_retry.outage_every
        taken = 0
        for _ in range(MAX_ACTIONS):
            applied = self.pager.change(
                ref,
                lambda t: tip_core.step(t, now, self._delivery(t, now), recheck),
                now,
                seen=seen,
            )
            seen = None  # a later action decides on the tip as this one wrote it
            change, tip = applied.change, applied.tip
            if change is None or tip is None or change.decision is None:
                if not taken:  # an action taken wrote the schedule with the tip
                    self._resync_due(ref)
                return taken
            action = change.decision.action
            if action == "hold":
                summary.held += 1
                held = tip.ladder.held_since if tip.ladder else None
                self.log.warning(
                    "escalator.outage_hold",
                    tip_id=ref,
                    step=ladder.current_send_key(change.decision.state),
                    held_minutes=round((now - held).total_seconds() / 60) if held else 0,
                )
                return taken
            if action == "resume":
                self.log.info("escalator.resumed", tip_id=ref, next_at=str(tip.next_action_at))
                return taken
            taken += 1
            summary.count(self.pager.carry_out(applied, now, ACTOR))
            if action == "release":
                continue
            if action == "overdue":
                return taken
            if tip.next_action_at is None or tip.next_action_at > now:
                return taken  # the tip as written has nothing more due: no re-read
        return taken

    def _delivery(self, tip: Tip, now: datetime) -> delivery.StepDelivery | None:
        """How the sends of the tip's current step fared, when its next action is due."""
        if tip.ladder is None or tip.next_action_at is None or tip.next_action_at > now:
            return None
        key = ladder.current_send_key(tip.ladder)
        return self.resends.step_delivery(tip.ref, key) if key else None

    def _resync_due(self, ref: str) -> None:
        # The schedule entry said due, the tip disagrees: the tip is the truth (its
        # entry set to its own next action or waiting update, in a transaction on it).
        self.store.drop_due(due_id(DueKind.LADDER, ref))

    # --- sends ------------------------------------------------------------------------

    def _retry_send(
        self, item: DueItem, kind: SendKind, key: str, now: datetime, summary: RunSummary
    ) -> None:
        outcome, tally = self.resends.retry(item, kind, key, now)
        if outcome is None:
            return
        summary.retried += 1
        summary.sent += outcome is SendOutcome.SENT
        summary.pending += outcome in (SendOutcome.FAILED, SendOutcome.HELD)
        summary.given_up += outcome is SendOutcome.GIVEN_UP
        summary.count(tally)
