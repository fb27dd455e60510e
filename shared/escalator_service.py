"""The escalator's imperative shell (grows with the escalator issue)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

from shared.logs import Logger, get_logger


@dataclass
class Escalator:
    log: Logger

    def handle(self, method: str) -> tuple[dict[str, Any], int]:
        if method not in ("POST", "GET"):
            return {"error": "method not allowed"}, 405
        self.log.info("escalator.run", due=0)
        return {"status": "ok", "due": 0}, 200


_lock = threading.Lock()
_instance: Escalator | None = None


def get_escalator() -> Escalator:
    global _instance
    with _lock:
        if _instance is None:
            _instance = Escalator(log=get_logger("escalator"))
        return _instance
