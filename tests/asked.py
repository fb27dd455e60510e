"""A citizen's question read as the line's path reads it (classified, then answered), for the
assistant's tests: whether it was filed as a tip, the topics answered, the service pointed to."""

from __future__ import annotations

from datetime import date

from shared.core import assistant
from shared.core.assistant import AssistantResult, WardContact, answer
from shared.core.classify import classify
from tests.understanding import Understood, understood

NO_PHONE = WardContact("Công an phường Tân Sơn Nhì", None, None)


def answered(text: str, today: date) -> AssistantResult:
    """The assistant's answer to `text` classified as the line classifies it."""
    return answer(text, today, NO_PHONE, classification=classify(text))


def read(text: str, today: date) -> tuple[bool, tuple[str, ...], str | None]:
    """(filed as a tip, topics answered, service pointed to)."""
    verdict = classify(text)
    result = answer(text, today, NO_PHONE, classification=verdict)
    return verdict.kind == "tip" or result.tip, result.topics, result.out_of_scope


def scored(text: str) -> Understood:
    """The line's reading of `text` as tests/understanding.py scores a labelled question."""
    return understood(text, classify, assistant)
