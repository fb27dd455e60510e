"""Structured JSON logs that Cloud Logging understands (`severity`, `message`).

One JSON object a line on stdout. Callers pass fields explicitly: never a Zalo
user id, a secret, a token or a citizen's words at INFO or above.
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from typing import Any, TextIO

# One encoder for every line: `json.dumps` with options builds a new one each call.
_ENCODE = json.JSONEncoder(ensure_ascii=False, default=str).encode
_LEVELS = {"DEBUG": 10, "INFO": 20, "NOTICE": 25, "WARNING": 30, "ERROR": 40, "CRITICAL": 50}


class Logger:
    def __init__(self, component: str, stream: TextIO | None = None, level: str = "INFO") -> None:
        self.component = component
        self._stream = stream
        self._threshold = _LEVELS[level]

    def log(self, severity: str, event: str, **fields: Any) -> None:
        if _LEVELS[severity] < self._threshold:
            return
        record = {
            "severity": severity,
            "message": event,
            "event": event,
            "component": self.component,
            "time": datetime.now(UTC).isoformat(),
            **fields,
        }
        stream = self._stream or sys.stdout
        stream.write(_ENCODE(record) + "\n")
        stream.flush()

    def debug(self, event: str, **fields: Any) -> None:
        self.log("DEBUG", event, **fields)

    def info(self, event: str, **fields: Any) -> None:
        self.log("INFO", event, **fields)

    def warning(self, event: str, **fields: Any) -> None:
        self.log("WARNING", event, **fields)

    def error(self, event: str, **fields: Any) -> None:
        self.log("ERROR", event, **fields)


def get_logger(component: str) -> Logger:
    return Logger(component)
