"""The webhook's imperative shell: judge the request, make the event durable,
publish, answer.

Zalo allows 2 seconds and may never send an event again (its retry is a switch
in the app's settings, and documented for connection failures only), so a
validly signed event is answered 200 as soon as it is durable somewhere:

1. in Firestore (`Door.take`), within the budget less what the fallback needs;
2. else, when Firestore failed or was slow, as the raw signed event on
   `tinbao-events` (`intake.deferred`): the router stores it later, by its
   message id, once, and routes it as usual;
3. 503 only when neither took it.

A signed event whose shape we do not model, or that Firestore refuses for good,
is kept raw in the quarantine (step 1 or, deferred, in the router): never a 400
or a 503. Other answers: 200 for a duplicate, the console's test, or an event
we ignore; 4xx for what is not validly signed, and for a stale event (a replay:
older than any retry of Zalo's), with nothing written. If Pub/Sub fails after
Firestore took the message, the answer is still 200 and the message is marked
unpublished for the escalator's sweep (the outbox).
"""

from __future__ import annotations

import concurrent.futures
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from shared.clock import Clock
from shared.core.events import DeferredEvent, TipEvent
from shared.logs import Logger
from shared.services.intake import Arrival, Door
from shared.settings import OaConfig, Settings
from shared.store.ports import Publisher, PublishError, StorageError
from shared.zalo import inbound
from shared.zalo.events import (
    AnonymousEvent,
    FollowEvent,
    LocationEvent,
    MediaEvent,
    OaSendEvent,
    TextEvent,
)

STORAGE_FAILURES = (StorageError, concurrent.futures.TimeoutError)
Response = tuple[dict[str, Any], int]


@dataclass
class Webhook:
    """Zalo's webhook: judges each event and makes it durable within the budget."""

    settings: Settings
    door: Door
    publisher: Publisher
    clock: Clock
    log: Logger
    executor: concurrent.futures.ThreadPoolExecutor
    oas: list[OaConfig]  # resolved once: the OAs and their keys do not change in a process
    pseudonym_keys: tuple[str, ...]  # newest first
    monotonic: Callable[[], float] = time.monotonic

    def handle(self, method: str, headers: Any, read_body: Callable[[int], bytes]) -> Response:
        started = self.monotonic()
        raw = read_body(inbound.MAX_BODY_BYTES + 1)
        now = self.clock.now()
        verdict = inbound.judge(
            method,
            headers,
            raw if len(raw) <= inbound.MAX_BODY_BYTES else None,
            self.oas,
            now,
            timedelta(hours=self.settings.tinbao_max_event_age_hours),
        )
        if isinstance(verdict, inbound.Rejection):
            self.log.warning(
                "webhook.rejected", status=verdict.status, reason=verdict.error, field=verdict.field
            )
            return verdict.body(), verdict.status
        if isinstance(verdict, inbound.ConsoleTest):
            self.log.info("webhook.console_test")
            return {"status": "test event received, nothing stored"}, 200
        arrival = Arrival(
            verdict.raw,
            verdict.data,
            verdict.event,
            verdict.problem,
            now,
            self._pseudonyms(verdict),
        )
        return self._accept(arrival, started)

    def _pseudonyms(self, accepted: inbound.Accepted) -> tuple[str, ...]:
        event = accepted.event
        if isinstance(event, AnonymousEvent):
            return inbound.anonymous_pseudonyms(self.pseudonym_keys, event.oa_id, event.user_id)
        if isinstance(event, TextEvent | LocationEvent | MediaEvent | FollowEvent):
            return inbound.pseudonyms(self.pseudonym_keys, event.oa_id, event.user_id)
        if isinstance(event, OaSendEvent) and event.oa_id is not None:
            # A person's reply from the OA chat: the citizen it went to.
            return inbound.pseudonyms(self.pseudonym_keys, event.oa_id, event.user_id)
        return ()

    def _accept(self, arrival: Arrival, started: float) -> Response:
        budget = self.settings.tinbao_webhook_budget_seconds
        store_budget = budget - self.settings.tinbao_webhook_fallback_seconds
        deadline = started + store_budget
        try:
            # On the request's thread: every storage call on every path of the door is
            # bounded by `deadline` itself (one try, the RPC's timeout what is left), and
            # the door's Python is classification (< 0.1 ms) and planning. A hop to the
            # executor cost each request two thread hand-offs (bench/README.md, round 20).
            taken = self.door.take(arrival, deadline)
        except STORAGE_FAILURES as exc:
            return self._defer(arrival, exc, started + budget)
        if taken.new and taken.event is not None:
            published = self._publish(taken.event, started + budget)
            if not published and taken.event.kind == "oa_reply":
                # Nothing is stored for an OA-chat reply: only Zalo's retry, if any,
                # brings it back (the ladder then pages as if nobody had answered).
                return {"error": "event queue unavailable, retry later"}, 503
        if taken.status == "ignored":
            self.log.info("webhook.ignored", **taken.fields)
            return {"status": "ignored", **taken.fields}, 200
        self.log.info(f"webhook.{taken.status}", **taken.fields)
        body: dict[str, Any] = {"status": taken.status}
        if "kind" in taken.fields:
            body |= {"kind": taken.fields["kind"], "tip": taken.fields["tip_id"]}
        return body, 200

    def _defer(self, arrival: Arrival, exc: BaseException, until: float) -> Response:
        """Firestore failed or was slow: the raw signed event goes to Pub/Sub."""
        reason = type(exc).__name__
        deferred = DeferredEvent(
            message_id=arrival.key,
            oa_id=arrival.oa_id,
            at=arrival.received_at,
            raw=arrival.raw.decode("utf-8"),
            pseudonyms=arrival.pseudonyms,
        )
        try:
            self.publisher.publish(deferred, timeout=max(0.05, until - self.monotonic()))
        except PublishError as publish_exc:
            self.log.error(
                "webhook.unavailable",
                message_key=arrival.key,
                storage=reason,
                publish=str(publish_exc),
            )
            return {"error": "storage unavailable, retry later"}, 503
        self.log.warning("webhook.deferred", message_key=arrival.key, storage=reason)
        return {"status": "deferred"}, 200

    def _publish(self, event: TipEvent, until: float) -> bool:
        """Whether it was published; what was stored and not published goes to the outbox."""
        try:
            self.publisher.publish(event, timeout=max(0.1, until - self.monotonic()))
        except PublishError as exc:
            self.log.warning(
                "webhook.unpublished",
                tip_id=event.tip_id,
                message_key=event.message_id,
                reason=str(exc),
            )
            if event.kind in ("quarantined", "oa_reply"):
                # Nothing is scheduled for these: the quarantine's metric already alerts;
                # an OA-chat reply stored nothing (the caller answers 503).
                return False
            mark = self.executor.submit(
                self.door.store.mark_unpublished, event.tip_id, event.message_id, event.at
            )
            try:
                mark.result(timeout=0.5)
            except STORAGE_FAILURES as mark_exc:
                # The sweep of items received but unhandled after 2 minutes still finds it.
                self.log.error(
                    "webhook.outbox_mark_failed",
                    tip_id=event.tip_id,
                    reason=type(mark_exc).__name__,
                )
            return False
        return True
