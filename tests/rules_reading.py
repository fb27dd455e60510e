"""The rules' own category for a tip, for the category tests of each round.

`by_rules` reads the message without the learned second opinion, so a test pins the
principle the rules hold (a message in English is read by the rules alone anyway).
"""

from __future__ import annotations

from shared.core.classify import by_rules


def tip_category(text: str) -> str | None:
    """The category the rules give `text`, asserted to be read as a tip first."""
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category
