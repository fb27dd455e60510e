"""A citizen's question read as the line's path reads it (classified, then answered), for the
assistant's tests: whether it was filed as a tip, the topics answered, the service pointed to."""

from __future__ import annotations

from datetime import date

from shared.core.assistant import WardContact, answer
from shared.core.classify import classify

NO_PHONE = WardContact("Công an phường Tân Sơn Nhì", None, None)


def read(text: str, today: date) -> tuple[bool, tuple[str, ...], str | None]:
    """(filed as a tip, topics answered, service pointed to)."""
    verdict = classify(text)
    result = answer(text, today, NO_PHONE, classification=verdict)
    return verdict.kind == "tip" or result.tip, result.topics, result.out_of_scope
