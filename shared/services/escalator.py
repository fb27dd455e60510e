"""The escalator: one run over the work that is due.

Each run reads `due` (one query, oldest first, in pages) within a time budget:
- a tip's next ladder action: decided in a transaction that acts only if the
  tip is still due (`shared.core.tip.step`), then its officers are paged;
- a message no router has handled: republished, and after repeated failures
  its tip goes to the desk as it is (`shared.core.routing.plan_to_desk`, the
  same transition and store call the router uses);
- a send that failed for a passing reason: retried with backoff; an alert that
  keeps failing counts as an officer not reached (the ladder climbs).
Overlapping runs are safe: whoever commits a tip's step first wins, and the
others find it no longer due (or lose the transaction: `Contended`).
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
from shared.core import messages, routing
from shared.core import tip as tip_core
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.ladder import current_alert_key
from shared.core.policy_file import Policies
from shared.core.tip import Tip
from shared.logs import Logger
from shared.services.dispatch import NOT_REACHED, Tally
from shared.services.notices import CitizenNotices
from shared.services.paging import Pager
from shared.store.collections import DueKind, SendKind, due_id
from shared.store.ports import Contended, DueItem, LineStore, Publisher, PublishError

ACTOR = "escalator"
PAGE = 100
REPUBLISH_ATTEMPTS = 3
# Then the router is taken to be failing on it: the desk takes it.
FAILED_ITEM_BACKOFF = timedelta(minutes=5)
MAX_ACTIONS = 8  # a release restarts the ladder with its first step due at once


@dataclass
class RunSummary:
    due: int = 0
    steps: int = 0
    republished: int = 0
    retried: int = 0
    to_desk: int = 0
    failures: int = 0
    contended: int = 0
    stopped_early: bool = False
    reads: int = 0

    def as_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass
class Escalator:
    store: LineStore
    pager: Pager
    notices: CitizenNotices
    publisher: Publisher | None
    profile: Profile
    policies: Policies
    clock: Clock
    log: Logger
    budget_seconds: float
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
        after: datetime | None = None
        while True:
            page = self.store.due(now, PAGE, after)
            summary.reads += max(1, len(page))
            # Overlapping runs read the same page: taking it in different orders
            # keeps them off each other's tips most of the time.
            work = list(page)
            self.shuffle(work)
            for item in work:
                if self.monotonic() > deadline:
                    summary.stopped_early = True
                    break
                summary.due += 1
                try:
                    self._one(item, now, summary)
                except Contended:
                    # Another run holds this tip; it stays due for whoever is next.
                    summary.contended += 1
                except Exception as exc:  # one bad item must not stall every run after it
                    self._failed(item.id, exc, now, summary)
            if len(page) < PAGE or summary.stopped_early:
                break
            after = page[-1].at
        self.log.info("escalator.run", **summary.as_dict())
        return summary

    def _failed(self, item_id: str, exc: BaseException, now: datetime, summary: RunSummary) -> None:
        """Counted (the run answers 500, alerting sees it); the item stays scheduled,
        a little later, so that it cannot hold the head of every page."""
        summary.failures += 1
        self.log.error("escalator.item_failed", due=item_id, reason=type(exc).__name__)
        with contextlib.suppress(Exception):
            self.store.reschedule(item_id, now + FAILED_ITEM_BACKOFF)

    def _one(self, item: DueItem, now: datetime, summary: RunSummary) -> None:
        if item.kind == DueKind.TIP and item.tip_id:
            summary.steps += self.step(item.tip_id, now)
        elif item.kind == DueKind.MESSAGE and item.message_id:
            self._sweep_message(item, now, summary)
        elif item.kind == DueKind.SEND and item.send_kind and item.send_key:
            summary.retried += 1
            self._retry_send(item.send_kind, item.send_key, now)
        else:
            self.store.drop_due(item.id)

    # --- the ladder -----------------------------------------------------------------

    def step(self, ref: str, now: datetime) -> int:
        """Take every action of this tip that is due at `now`; how many were taken."""
        taken = 0
        for _ in range(MAX_ACTIONS):
            applied = self.store.change_tip(ref, lambda t: tip_core.step(t, now), now)
            change, tip = applied.change, applied.tip
            if change is None or tip is None or change.decision is None:
                self._resync_due(ref, tip)
                return taken
            taken += 1
            if change.decision.action == "release":
                self._tell_released(tip, now)
                continue
            self.pager.carry_out(tip, change.decision, now, ACTOR)
            if change.decision.action == "overdue":
                return taken
        return taken

    def _resync_due(self, ref: str, tip: Tip | None) -> None:
        # The schedule entry said due, the tip disagrees: the tip is the truth.
        entry = due_id(DueKind.TIP, ref)
        if tip is None or tip.next_action_at is None:
            self.store.drop_due(entry)
        else:
            self.store.reschedule(entry, tip.next_action_at)

    def _tell_released(self, tip: Tip, now: datetime) -> None:
        holder = self.store.officer(tip.released_from) if tip.released_from else None
        if holder is None or not holder.zalo_user_id or tip.ladder is None:
            return
        key = f"release-{current_alert_key(tip.ladder)}"
        text = messages.holder_released(tip.ref)
        self.pager.dispatch.alert_officers(tip.ref, tip.oa_id, [holder], key, text, now)

    # --- sweeps ----------------------------------------------------------------------

    def _sweep_message(self, item: DueItem, now: datetime, summary: RunSummary) -> None:
        assert item.message_id is not None
        msg = self.store.message(item.message_id)
        if msg is None or msg.handled:
            self.store.drop_due(item.id)
            return
        if item.attempts >= REPUBLISH_ATTEMPTS:
            # Routing keeps failing on it (a poison message): never leave it in silence.
            if item.tip_id:
                self._to_desk(item.tip_id, now, "routing failed repeatedly")
                summary.to_desk += 1
            self.log.error(
                "escalator.gave_up_on_message",
                message_key=item.message_id,
                tip_id=item.tip_id,
                kind=item.event_kind,
            )
            self.store.mark_handled(item.message_id, now, gave_up=True)
            return
        if self.publisher is None:
            raise PublishError("no publisher configured")
        self.publisher.publish(
            TipEvent(
                kind=item.event_kind,  # type: ignore[arg-type]
                tip_id=item.tip_id,
                message_id=item.message_id,
                oa_id=item.oa_id or "",
                at=now,
            ),
            timeout=10,
        )
        summary.republished += 1
        wait = self.policies.sweeps.unrouted_after * (2**item.attempts)
        self.store.reschedule(item.id, now + wait, attempts=item.attempts + 1)

    def _to_desk(self, ref: str, now: datetime, reason: str) -> Tally:
        """Routing kept failing: the desk takes the tip as it is, now."""
        # As it is: a tip too damaged to read is repaired enough for the desk to see it.
        applied = self.store.change_tip(
            ref,
            lambda t: routing.plan_to_desk(self.profile, self.policies, t, now, reason),
            now,
            salvage=True,
        )
        tip = applied.tip
        if tip is None or applied.change is None or applied.change.decision is None:
            return Tally()
        tally = self.pager.carry_out(tip, applied.change.decision, now, ACTOR)
        self.notices.acknowledge(tip, now)
        return tally

    def _retry_send(self, kind: SendKind, key: str, now: datetime) -> None:
        outcome = self.pager.dispatch.resend(kind, key, now)
        if outcome not in NOT_REACHED or kind is not SendKind.ALERT:
            return
        record = self.store.send_record(kind, key)
        if record is None or not record.tip_id or not record.step:
            return
        # Counted as an officer not reached: the ladder moves on towards the desk.
        step_key, officers = record.step, (record.officer_id or "",)
        applied = self.store.change_tip(
            record.tip_id, lambda t: tip_core.climb(t, step_key, officers, now, ACTOR), now
        )
        decision = applied.change.decision if applied.change else None
        if applied.tip is not None and decision and decision.action in ("notify", "remind"):
            self.pager.carry_out(applied.tip, decision, now, ACTOR)
