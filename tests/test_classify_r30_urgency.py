"""Principles of the message classifier added in round 30's urgency pass (issue 17: urgency
that matches the danger), kept only when the blind sets' aggregates lost nothing. Each is
tried on phrasings of our own (without diacritics, typos) and on counter-examples (the
danger over) that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# a fire's ambiguous words typed without marks ("dang chay": also "đang chạy") count beside
# the category's own context typed plainly ("lửa bén vô"), as they count to name the category


@pytest.mark.parametrize(
    "text",
    [
        "nguoi ta dot vang ma tren via he truoc nha, lua bay ben vo tam bat che nang nha tui roi,"
        " dang chay",
        "dot rac ngoai hem lua ben vo hang rao nha toi, dang chay",
        "lua ben vo tam bat nha tui, dang chay",
    ],
)
def test_a_fire_caught_on_a_home_is_urgent(text: str) -> None:
    assert by_rules(text).severity == "urgent"
    assert classify(text).severity == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "hom qua lua ben vo tam bat nha tui, dap tat roi",
        "lua ben vo tam bat nha tui hoi toi, da dap tat, ko ai sao",
    ],
)
def test_a_fire_put_out_stays_calm(text: str) -> None:
    assert classify(text).severity == "normal"
