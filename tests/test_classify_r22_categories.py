"""Principles of category added in round 22 (issue 17, point 4), each on the situation
described rather than on a topic word: a street race is traffic (the line's convention, as
its writers since round 17 label it). Tried on phrasings of our own and on near-misses that
must not change; the rules' own verdict is read (`by_rules`), so a retrained model moves
none of them."""

from __future__ import annotations

import pytest

from tests.rules_reading import tip_category


@pytest.mark.parametrize(
    "text",
    [
        "khuya nào cũng có tụi nhỏ đua xe trên Trường Chinh, chạy ẩu lắm",
        "cuối tuần nào cũng có nhóm đua xe trên cầu Tham Lương",
    ],
)
def test_a_street_race_is_traffic(text: str) -> None:
    assert tip_category(text) == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        # the crowd gathered for it, or its din, is the neighbours'
        "tối thứ 7 thanh niên tụ tập đua xe đầu hẻm, la hét om sòm",
        "tụi nó nẹt pô ầm ầm trước nhà tới 2h sáng, không ngủ được",
    ],
)
def test_a_crowd_gathered_or_a_din_stays_public_order(text: str) -> None:
    assert tip_category(text) == "public_order"
