"""The escalator's imperative shell: one run over the work that is due.

Each run reads `due` (one query, oldest first, in pages) within a time budget:
- a tip's next ladder action: re-read and decided in a transaction that acts
  only if the tip is still due at the same step, then its alerts go out;
- a message no router has handled: republished, and after repeated failures
  its tip goes to the desk as it is;
- a send that failed for a passing reason: retried with backoff; an alert that
  keeps failing counts as an officer not reached (the ladder climbs).
Overlapping runs are safe: whoever commits a tip's step first wins, and the
others find it no longer due.
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from shared.clock import Clock
from shared.core import ladder as policy
from shared.core import messages
from shared.core.events import TipEvent
from shared.core.policy_file import Policies
from shared.logs import Logger
from shared.services.dispatch import Dispatcher
from shared.services.router import Router
from shared.store.documents import ladder_from_doc, ladder_to_doc, snapshot_from_doc
from shared.store.intake import MESSAGES, TIPS
from shared.store.pubsub import Publisher, PublishError
from shared.store.tips import ALERTS, OFFICERS, TipChange, TipStore

PAGE = 100
REPUBLISH_ATTEMPTS = 3
FAILED_ITEM_BACKOFF = timedelta(
    minutes=5
)  # then the router is taken to be failing on it: the desk takes it


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
    store: TipStore
    dispatch: Dispatcher
    router: Router
    publisher: Publisher | None
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
            for snap in work:
                if self.monotonic() > deadline:
                    summary.stopped_early = True
                    break
                summary.due += 1
                try:
                    self._one(snap.id, snap.to_dict() or {}, now, summary)
                except ValueError as exc:
                    if "Failed to commit transaction" in str(exc):
                        # Another run holds this tip; it stays due for whoever is next.
                        summary.contended += 1
                        continue
                    self._failed(snap.id, exc, now, summary)
                except Exception as exc:  # one bad item must not stall every run after it
                    self._failed(snap.id, exc, now, summary)
            if len(page) < PAGE or summary.stopped_early:
                break
            after = (page[-1].to_dict() or {})["at"]
        self.log.info("escalator.run", **summary.as_dict())
        return summary

    def _failed(self, due_id: str, exc: BaseException, now: datetime, summary: RunSummary) -> None:
        """Counted (the run answers 500, alerting sees it); the item stays scheduled,
        a little later, so that it cannot hold the head of every page."""
        summary.failures += 1
        self.log.error("escalator.item_failed", due=due_id, reason=type(exc).__name__)
        with contextlib.suppress(Exception):
            self.store.reschedule(due_id, now + FAILED_ITEM_BACKOFF)

    def _one(self, due_id: str, due: dict[str, Any], now: datetime, summary: RunSummary) -> None:
        kind = due.get("kind")
        if kind == "tip":
            summary.steps += self.step(due["tip_id"], now)
        elif kind == "message":
            self._sweep_message(due_id, due, now, summary)
        elif kind == "send":
            summary.retried += 1
            self._retry_send(due, now)
        else:
            self.store.drop_due(due_id)

    # --- the ladder -----------------------------------------------------------------

    def step(self, tip_id: str, now: datetime) -> int:
        """Take every action of this tip that is due at `now`; how many were taken."""
        taken = 0
        for _ in range(8):  # a release restarts the ladder with its first step due at once
            change = self.store.change_tip(tip_id, lambda t: self._decide(t, now), now)
            if change is None:
                self._resync_due(tip_id)
                return taken
            decision: policy.StepDecision = change.result
            taken += 1
            tip = self.store.get(TIPS, tip_id) or {}
            if decision.action == "release":
                self._tell_released(tip, change.updates.get("released_from"), now)
                continue
            self.dispatch.perform(tip_id, decision, now)
            if decision.action == "overdue":
                return taken
        return taken

    def _decide(self, tip: dict[str, Any], now: datetime) -> TipChange | None:
        due = tip.get("next_action_at")
        if due is None or due > now or not tip.get("policy") or not tip.get("ladder"):
            return None  # taken, resolved, or already stepped by another run
        snapshot, state = snapshot_from_doc(tip["policy"]), ladder_from_doc(tip["ladder"])
        decision = policy.next_action(snapshot, state, now)
        if decision.action == "nothing" and decision.state == state:
            return None
        updates: dict[str, Any] = {"ladder": ladder_to_doc(decision.state)}
        if decision.action == "overdue":
            updates["overdue_at"] = decision.state.overdue_at
        if decision.action == "release":
            updates.update(status="routed", held_by=None, released_from=tip.get("held_by"))
        data = {
            "action": decision.action,
            "step": decision.step,
            "repeat": decision.repeat,
            "alert_key": decision.alert_key,
        }
        return TipChange(
            updates,
            {"actor": "escalator", "kind": decision.action, "data": data},
            next_action_at=decision.next_action_at,
            result=decision,
        )

    def _resync_due(self, tip_id: str) -> None:
        # The schedule entry said due, the tip disagrees: the tip is the truth.
        tip = self.store.get(TIPS, tip_id)
        at = tip.get("next_action_at") if tip else None
        if at is None:
            self.store.drop_due(f"t:{tip_id}")
        else:
            self.store.reschedule(f"t:{tip_id}", at)

    def _tell_released(self, tip: dict[str, Any], officer_id: str | None, now: datetime) -> None:
        officer = self.store.get(OFFICERS, officer_id) if officer_id else None
        if not officer or not officer.get("zalo_user_id"):
            return
        key = f"{tip['ref']}:release-{policy.current_alert_key(ladder_from_doc(tip['ladder']))}"
        self.dispatch.alert_officers(
            tip, [(officer_id or "", officer)], key, messages.holder_released(tip["ref"]), now
        )

    # --- sweeps ----------------------------------------------------------------------

    def _sweep_message(
        self, due_id: str, due: dict[str, Any], now: datetime, summary: RunSummary
    ) -> None:
        msg = self.store.get(MESSAGES, due["message_id"])
        if msg is None or msg.get("handled"):
            self.store.drop_due(due_id)
            return
        attempts = int(due.get("attempts", 0))
        tip_id = due.get("tip_id")
        if attempts >= REPUBLISH_ATTEMPTS:
            # Routing keeps failing on it (a poison message): never leave it in silence.
            if tip_id:
                self.router.route_to_desk(tip_id, now, "routing failed repeatedly")
                summary.to_desk += 1
            self.log.error(
                "escalator.gave_up_on_message",
                message_key=due["message_id"],
                tip_id=tip_id,
                kind=due.get("event_kind"),
            )
            self.store.mark_handled(due["message_id"], now, gave_up=True)
            return
        if self.publisher is None:
            raise PublishError("no publisher configured")
        self.publisher.publish(
            TipEvent(
                kind=due["event_kind"],
                tip_id=tip_id,
                message_id=due["message_id"],
                oa_id=due["oa_id"],
                at=now,
            ),
            timeout=10,
        )
        summary.republished += 1
        wait = self.policies.sweeps.unrouted_after * (2**attempts)
        self.store.reschedule(due_id, now + wait, attempts=attempts + 1)

    def _retry_send(self, due: dict[str, Any], now: datetime) -> None:
        collection, key = due["collection"], due["key"]
        outcome = self.dispatch.resend(collection, key, now)
        if outcome in ("given_up", "unreachable", "rejected") and collection == ALERTS:
            record = self.store.get(ALERTS, key) or {}
            # Counted as an officer not reached: the ladder moves on towards the desk.
            decision = self.dispatch.climb(
                record.get("tip_id", ""),
                record.get("step", ""),
                [record.get("officer_id", "")],
                now,
            )
            if decision is not None and decision.action in ("notify", "remind"):
                self.dispatch.perform(record["tip_id"], decision, now)


_lock = threading.Lock()
_instance: Escalator | None = None


def get_escalator() -> Escalator:
    """The process's escalator, built on first use (a missing setting fails then)."""
    global _instance
    with _lock:
        if _instance is None:
            from shared.bootstrap import build_escalator

            _instance = build_escalator()
        return _instance


def reset() -> None:
    global _instance
    with _lock:
        _instance = None


__all__ = ["Escalator", "RunSummary", "get_escalator", "reset"]
