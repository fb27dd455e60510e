"""The webhook's imperative shell: judge the request, store, publish, answer.

Zalo allows 2 seconds and retries what fails, so the webhook makes no outbound
HTTP call, bounds its storage time (the Firestore client would otherwise retry
an unreachable backend for a minute) and answers:
- 200 for what is stored, a duplicate, the console's test, or an event we ignore;
- 4xx for bad input (nothing is written);
- 503 when Firestore failed: nothing is half-written, and Zalo's retry is safe
  because the message's de-duplication record decides.
If Pub/Sub fails after Firestore took the write, the answer is still 200 and the
item is marked unpublished for the escalator's sweep (the outbox).
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import Any

from shared.clock import Clock
from shared.core.events import TipEvent
from shared.logs import Logger
from shared.settings import OaConfig, Settings
from shared.store.ports import IntakeResult, IntakeStore, Publisher, PublishError, StorageError
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
    settings: Settings
    store: IntakeStore
    publisher: Publisher
    clock: Clock
    classify: Callable[[str], Any]
    parse_command: Callable[[str], Any]
    log: Logger
    executor: concurrent.futures.ThreadPoolExecutor
    oas: list[OaConfig]  # resolved once: the OAs and their keys do not change in a process

    def handle(self, method: str, headers: Any, read_body: Callable[[int], bytes]) -> Response:
        raw = read_body(inbound.MAX_BODY_BYTES + 1)
        verdict = inbound.judge(
            method,
            headers,
            raw if len(raw) <= inbound.MAX_BODY_BYTES else None,
            self.oas,
        )
        if isinstance(verdict, inbound.Rejection):
            self.log.warning(
                "webhook.rejected", status=verdict.status, reason=verdict.error, field=verdict.field
            )
            return verdict.body(), verdict.status
        if isinstance(verdict, inbound.ConsoleTest):
            self.log.info("webhook.console_test")
            return {"status": "test event received, nothing stored"}, 200
        return self._accept(verdict)

    def _accept(self, accepted: inbound.Accepted) -> Response:
        event, oa = accepted.event, accepted.oa
        now = self.clock.now()
        budget = self.settings.tinbao_webhook_budget_seconds
        if isinstance(event, TextEvent | LocationEvent | MediaEvent | AnonymousEvent):
            key_of = (
                inbound.anonymous_reporter_key
                if isinstance(event, AnonymousEvent)
                else inbound.reporter_key
            )
            reporter = key_of(oa, event.oa_id, event.user_id)
            msg = inbound.to_inbound(event, self.classify, self.parse_command)
            raw = inbound.redact(accepted.raw, event.user_id, reporter)
            store = partial(
                self.store.intake,
                msg,
                reporter,
                event.user_id,
                raw,
                now,
                self.settings.tinbao_intake_window_minutes,
                self.settings.tinbao_retention_days,
            )
            try:
                result: IntakeResult = self.executor.submit(store).result(timeout=budget)
            except STORAGE_FAILURES as exc:
                return self._unavailable(exc, event.event_name)
            fields = {
                "event_name": event.event_name,
                "message_key": msg.key,
                "kind": result.kind,
                "tip_id": result.tip_id,
                "action": result.action,
            }
            if result.duplicate:
                self.log.info("webhook.duplicate", **fields)
                return {"status": "duplicate", "tip": result.tip_id}, 200
            self._publish(
                TipEvent(
                    kind=result.event_kind,  # type: ignore[arg-type]
                    tip_id=result.tip_id,
                    message_id=msg.key,
                    oa_id=event.oa_id,
                    at=now,
                ),
                budget,
            )
            self.log.info("webhook.stored", **fields)
            return {"status": "stored", "kind": result.kind, "tip": result.tip_id}, 200
        if isinstance(event, FollowEvent):
            reporter = inbound.reporter_key(oa, event.oa_id, event.user_id)
            key = f"{event.event_name}:{event.oa_id}:{reporter}:{event.timestamp}"
            following = event.event_name == "follow"
            record = partial(
                self.store.record_follow,
                key,
                event.oa_id,
                event.app_id,
                reporter,
                event.user_id,
                following,
                now,
                self.settings.tinbao_retention_days,
            )
            try:
                new = self.executor.submit(record).result(timeout=budget)
            except STORAGE_FAILURES as exc:
                return self._unavailable(exc, event.event_name)
            if new and following:
                self._publish(
                    TipEvent(kind="follow", message_id=key, oa_id=event.oa_id, at=now), budget
                )
            self.log.info("webhook.follow", event_name=event.event_name, duplicate=not new)
            return {"status": "recorded" if new else "duplicate"}, 200
        if isinstance(event, OaSendEvent) and event.oa_id is not None:
            return self._oa_chat_reply(event, oa, now, budget)
        self.log.info("webhook.ignored", event_name=event.event_name)
        return {"status": "ignored", "event_name": event.event_name}, 200

    def _oa_chat_reply(
        self, event: OaSendEvent, oa: OaConfig, now: datetime, budget: float
    ) -> Response:
        """A person answered a citizen from the OA's chat tool: the router records it on
        the citizen's open tip. Nothing is stored here, so when Pub/Sub fails the answer
        is 503 and Zalo's retry (if any) is safe; the message key de-duplicates."""
        assert event.oa_id is not None
        reporter = inbound.reporter_key(oa, event.oa_id, event.user_id)
        key = "oa:" + inbound.message_key(event.app_id, event.message.msg_id)
        reply = TipEvent(
            kind="oa_reply",
            message_id=key,
            oa_id=event.oa_id,
            at=now,
            reporter_key=reporter,
            text=(event.message.text or "").strip()[:2000],
        )
        try:
            self.publisher.publish(reply, timeout=max(0.3, budget / 2))
        except PublishError as exc:
            self.log.error("webhook.oa_reply_unpublished", message_key=key, reason=str(exc))
            return {"error": "event queue unavailable, retry later"}, 503
        self.log.info("webhook.oa_reply", event_name=event.event_name, message_key=key)
        return {"status": "forwarded"}, 200

    def _publish(self, event: TipEvent, budget: float) -> None:
        try:
            self.publisher.publish(event, timeout=max(0.3, budget / 2))
        except PublishError as exc:
            self.log.warning(
                "webhook.unpublished",
                tip_id=event.tip_id,
                message_key=event.message_id,
                reason=str(exc),
            )
            mark = self.executor.submit(
                self.store.mark_unpublished, event.tip_id, event.message_id, event.at
            )
            try:
                mark.result(timeout=budget / 2)
            except STORAGE_FAILURES as mark_exc:
                # The sweep of items received but unhandled after 2 minutes still finds it.
                self.log.error(
                    "webhook.outbox_mark_failed",
                    tip_id=event.tip_id,
                    reason=type(mark_exc).__name__,
                )

    def _unavailable(self, exc: BaseException, event_name: str) -> Response:
        self.log.error(
            "webhook.storage_unavailable", event_name=event_name, reason=type(exc).__name__
        )
        return {"error": "storage unavailable, retry later"}, 503
