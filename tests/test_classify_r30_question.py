"""Principles of the message classifier added in round 30's second kind pass (issue 17: the
border between a question and a tip or chat), kept only when the blind sets' aggregates lost
nothing. Each is tried on phrasings of our own (with and without diacritics, typos) and on
near misses sharing their words that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import classify

# where the writer's matter stands asked and nothing else said but polite words: the writer's
# own tip asked after (chat to the line, its topic the tip's status), not a question naming
# no procedure


@pytest.mark.parametrize(
    "text",
    [
        "sao roi ad??",
        "anh oi toi dau roi?",
        "có tin gì chưa ạ",
        "giờ sao rồi anh ơi ?",
    ],
)
def test_a_status_asked_alone_is_the_tip_asked_after(text: str) -> None:
    verdict = classify(text)
    assert (verdict.kind, verdict.topic) == ("other", "tip_status")


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # someone else asked after, or a procedure named: still asked
        ("mẹ em sao rồi ad?", "other"),
        ("lam tam tru sao roi ad?", "tam_tru"),
    ],
)
def test_a_status_of_something_named_stays_a_question(text: str, topic: str) -> None:
    verdict = classify(text)
    assert (verdict.kind, verdict.topic) == ("question", topic)
