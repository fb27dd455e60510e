"""The router's intake use cases: events the webhook could not store in time,
stored now and routed as usual; and the citizen of an event kept raw (the
quarantine), answered.

A deferred event is stored by the same door as the webhook's
(`shared.services.intake.Door`), by its message id, so a redelivery, or a
webhook write that outlived its 503 budget, finds it stored and only routes it
(every handler is idempotent). A passing storage failure propagates: Pub/Sub
redelivers the event until Firestore takes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from shared.core import messages, recipients
from shared.core.events import DeferredEvent, TipEvent
from shared.logs import Logger
from shared.services.dispatch import Dispatcher, Tally
from shared.services.intake import Door, arrival_from_raw
from shared.store.ports.line import LineStore

Route = Callable[[TipEvent, datetime], Tally]


@dataclass
class IntakeHandler:
    door: Door
    store: LineStore
    dispatch: Dispatcher
    log: Logger

    def on_deferred(self, event: DeferredEvent, route: Route, now: datetime) -> Tally:
        arrival = arrival_from_raw(event.raw.encode("utf-8"), event.at, event.pseudonyms)
        taken = self.door.take(arrival)
        self.log.info("router.deferred_stored", status=taken.status, message_key=event.message_id)
        return route(taken.event, now) if taken.event is not None else Tally()

    def on_quarantined(self, event: TipEvent, now: datetime) -> Tally:
        """The citizen whose message was kept raw hears that it was received."""
        item = self.store.quarantined(event.message_id)
        if item is None or item.answered or not item.user_id or not item.oa_id:
            return Tally()
        outcome = self.dispatch.reply(
            f"kept:{item.key}",
            item.oa_id,
            recipients.quarantined(item.key, item.user_id),
            messages.citizen_kept(),
            now,
            audience="citizen",
        )
        self.store.mark_quarantine_answered(item.key, now)
        return Tally().count(outcome)
