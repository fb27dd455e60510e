"""The router's imperative shell (grows with the router issue)."""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from shared.events import TipEvent
from shared.logs import Logger, get_logger


def decode_pubsub(cloud_event: Any) -> TipEvent | None:
    """The TipEvent inside a messagePublished CloudEvent; None when it is malformed."""
    data = cloud_event.get_data() if hasattr(cloud_event, "get_data") else cloud_event.data
    try:
        payload = base64.b64decode(data["message"]["data"])
        return TipEvent.model_validate_json(payload)
    except (KeyError, TypeError, ValueError, ValidationError):
        return None


@dataclass
class Router:
    log: Logger

    def handle(self, cloud_event: Any) -> None:
        event = decode_pubsub(cloud_event)
        if event is None:
            # Acknowledge: redelivering a malformed message cannot make it valid.
            self.log.error("router.malformed_message", id=cloud_event["id"])
            return
        self.log.info("router.received", kind=event.kind, tip_id=event.tip_id)


_lock = threading.Lock()
_instance: Router | None = None


def get_router() -> Router:
    global _instance
    with _lock:
        if _instance is None:
            _instance = Router(log=get_logger("router"))
        return _instance
