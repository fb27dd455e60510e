"""The router: one Pub/Sub message of `tinbao-events` in, handled by its use case.

Returning acknowledges the message. A storage error propagates, so Pub/Sub
redelivers; every handler is idempotent (tips move under transactions, every
send is claimed), so a redelivery only finishes what the first delivery left
undone. A send Zalo did not take is no reason to redeliver: it is recorded with
its retry time on the schedule (the escalator's sweep owns it, at its own pace), and asking
Pub/Sub again through a long Zalo outage would only send the event to the
dead-letter topic. A malformed message is acknowledged and logged: redelivering
it cannot make it valid.

    tip.created, tip.updated   -> router/tips.py          route, page, follow-ups
    command                    -> router/commands.py      officers' commands
    question, chat, follow     -> router/conversation.py  the assistant, hand-offs
    intake.deferred            -> router/intake.py        store what the webhook could not,
                                                          then route it as above
    quarantined                -> router/intake.py        answer the citizen of a kept event
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import ValidationError

from shared.clock import Clock
from shared.core.events import DeferredEvent, TipEvent, decode
from shared.logs import Logger
from shared.services.dispatch import Tally
from shared.services.router.commands import CommandHandler
from shared.services.router.conversation import ConversationHandler
from shared.services.router.intake import IntakeHandler
from shared.services.router.tips import TipHandler
from shared.store.ports.line import LineStore


def decode_pubsub(cloud_event: Any) -> TipEvent | DeferredEvent | None:
    """The event inside a messagePublished CloudEvent; None when it is malformed."""
    data = cloud_event.get_data() if hasattr(cloud_event, "get_data") else cloud_event.data
    try:
        payload = base64.b64decode(data["message"]["data"], validate=True)
        return decode(payload)
    except (KeyError, TypeError, ValueError, ValidationError):
        return None


@dataclass
class Router:
    store: LineStore
    tips: TipHandler
    commands: CommandHandler
    conversation: ConversationHandler
    intake: IntakeHandler
    clock: Clock
    log: Logger

    def handle(self, cloud_event: Any) -> None:
        event = decode_pubsub(cloud_event)
        if event is None:
            self.log.error("router.malformed_message", id=cloud_event["id"])
            return
        now = self.clock.now()
        if isinstance(event, DeferredEvent):
            # Stored now (or found stored), then routed like any stored change.
            tally = self.intake.on_deferred(event, self.route, now)
        else:
            tally = self.route(event, now)
        # The outcomes of sends on a tip a handler kept back (`mark_handled` writes
        # them first; a handler that marks nothing, here).
        self.store.settle_sends()
        self.log.info(
            "router.handled",
            kind=event.kind,
            tip_id=getattr(event, "tip_id", None),
            sent=tally.sent,
            waiting=tally.waiting,
            held=tally.held,
        )

    def route(self, event: TipEvent, now: datetime) -> Tally:
        handlers: dict[str, Callable[[TipEvent, datetime], Tally]] = {
            "tip.created": self.tips.on_tip,
            "tip.updated": self.tips.on_tip,
            "command": self.commands.on_command,
            "question": self.conversation.on_question,
            "chat": self.conversation.on_chat,
            "follow": self.conversation.on_follow,
            "oa_reply": self.tips.on_oa_reply,
            "quarantined": self.intake.on_quarantined,
        }
        return handlers[event.kind](event, now)
