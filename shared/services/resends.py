"""Sends not done, taken up again by the escalator's sweep (a send's `due_at`).

A send is in the schedule from the moment it is recorded (pending with its tip
change, or failed with its retry time) until it is done, so whatever crashed
where, the sweep finds it: a claim that a dead sender left lapses and is
retried; a retry of a tip that is finished, or that an officer has taken, is
dropped (superseded); an alert that ends unreached lets its step climb when
nobody of the step was reached and nothing of it still waits on Zalo.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.core import delivery, ladder
from shared.core import tip as tip_core
from shared.services.dispatch import NOT_REACHED, SendOutcome, Tally
from shared.services.paging import Pager
from shared.store.collections import SendKind
from shared.store.ports.line import DeliveryStatus, DueItem, LineStore, SendRecord
from shared.zalo.client import Button

ACTOR = "escalator"


@dataclass
class Resends:
    store: LineStore
    pager: Pager

    def retry(
        self, item: DueItem, kind: SendKind, key: str, now: datetime
    ) -> tuple[SendOutcome | None, Tally]:
        """Take up one send again; its outcome (None: nothing was tried) and what a
        climb it caused sent."""
        record = self.store.send_record(kind, key, item.tip_id)
        if record is None or record.status in delivery.FINAL:
            self.store.drop_due(item.id)  # done, or gone (TTL)
            return None, Tally()
        lapses = delivery.claim_lapses_at(
            {"status": record.status, "claimed_at": record.claimed_at}
        )
        if lapses is not None and lapses > now:  # someone is sending it right now
            self.store.reschedule(item.id, lapses)
            return None, Tally()
        if kind is SendKind.ALERT and self._superseded(record):
            # No longer wanted (its tip is finished or taken).
            status = DeliveryStatus.SUPERSEDED
            self.store.finish_send(kind, key, status, now, tip_id=record.tip_id)
            return None, Tally()
        # Tried again as recorded (the claim rule decides; nothing is read twice).
        buttons = [Button(title, payload) for title, payload in record.buttons]
        outcome = self.pager.dispatch.send(kind, key, record, now, buttons, recorded=True)
        tally = Tally()
        if outcome in NOT_REACHED and kind is SendKind.ALERT and record.tip_id and record.step:
            tally = self._settle_step(record.tip_id, record.step, record.officer_id or "", now)
        return outcome, tally

    def step_delivery(self, ref: str, alert_key: str) -> delivery.StepDelivery:
        """How the sends of one step of a tip fared, as stored."""
        return delivery.step_delivery(
            (
                {"status": r.status, "finished_at": r.finished_at, "outage": r.outage}
                for r in self.store.step_sends(ref, alert_key)
            ),
            zalo_down=self.pager.dispatch.zalo.any_down(),
        )

    def _superseded(self, record: SendRecord) -> bool:
        """A ladder alert of a tip that is finished, or that an officer has taken."""
        if not record.tip_id or not record.step or not ladder.is_step_key(record.step):
            return False
        tip = self.store.tip(record.tip_id)
        return tip is not None and (not tip.is_open or tip.is_held)

    def _settle_step(self, ref: str, step_key: str, officer_id: str, now: datetime) -> Tally:
        """An alert ended unreached: if nobody of its step was reached or still waits,
        the ladder moves on at once (the step after it is recorded and sent)."""
        reached = self.step_delivery(ref, step_key)
        applied = self.pager.change(
            ref,
            lambda t: tip_core.climb(t, step_key, (officer_id,), now, ACTOR, reached),
            now,
        )
        if applied.tip is None or applied.change is None:
            return Tally()
        return self.pager.carry_out(applied, now, ACTOR)
