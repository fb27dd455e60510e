"""How much Firestore counts a value for: the bounds that keep a tip below 1 MiB
(its trail, `documents.TRAIL_MAX_BYTES`; its sends, `tip_sends.SENDS_MAX_BYTES`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def stored_size(value: Any) -> int:
    """Firestore's storage size of a value (its documented rules: a string's UTF-8
    bytes + 1, a number or timestamp 8, a map its keys and values)."""
    if isinstance(value, str):
        return len(value.encode()) + 1
    if isinstance(value, bytes):
        return len(value)
    if isinstance(value, bool) or value is None:
        return 1
    if isinstance(value, Mapping):
        return sum(len(str(k).encode()) + 1 + stored_size(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return sum(stored_size(v) for v in value)
    return 8  # int, float, datetime
