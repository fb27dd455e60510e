"""How the line reads a tip, for the classification tests of each round.

`tip_category` is the rules' own category: `by_rules` reads the message without the
learned second opinion, so a test pins the principle the rules hold (a message in English
is read by the rules alone anyway). `tip_severity` is the whole line's urgency (`classify`,
the model weighing in): the urgency rules must hold against the model where they say so.
"""

from __future__ import annotations

from shared.core.classify import by_rules, classify


def tip_category(text: str) -> str | None:
    """The category the rules give `text`, asserted to be read as a tip first."""
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category


def tip_severity(text: str) -> str:
    """The urgency the line gives `text`, asserted to be read as a tip first."""
    verdict = classify(text)
    assert verdict.kind == "tip", (text, verdict)
    return verdict.severity
