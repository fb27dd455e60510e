"""Principles of category added in round 32's second wave (issue 17, cat-32), each on the
situation described rather than on a topic word. Tried on phrasings of our own, each beside a
near miss that must not change. The rules' own verdict is read (`by_rules`)."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules


def _category(text: str) -> str | None:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category


# A gambling den told as a habit, its din and the quarrels it breeds told beside it: the din
# (public order) scores highest, and both the gambling and the quarrel's threat beat it; the one
# told most takes it (the den), not the one listed first (violence)
@pytest.mark.parametrize(
    "text",
    [
        "Nhà số 9 hẻm 40 Lũy Bán Bích tối nào cũng đánh bài ăn tiền tới 2 3h sáng, la hét om sòm, "
        "tối qua còn cãi nhau đòi chém nhau",
        "day tro so 5 duong Go Dau dem nao cung danh bai an tien toi sang, la het om som, toi qua "
        "con doi chem nhau",
        "căn nhà cuối hẻm 22 Phú Thọ Hòa tối nào cũng đánh bài ăn tiền, la hét ồn ào om sòm, hôm "
        "qua 2 đứa cãi nhau đòi chém nhau",
    ],
)
def test_gambling_den_with_its_din_and_quarrels_is_gambling(text: str) -> None:
    assert _category(text) == "gambling"


# near misses: a fight told most, with its din and no gambling, stays violence; so does a
# drinking spot's din with a threat beside it (only violence beats the din there)
@pytest.mark.parametrize(
    "text",
    [
        "Hẻm 7 Bình Long tối qua 2 nhóm cãi nhau la hét om sòm rồi chém nhau, 1 người bị chém vào "
        "tay chảy máu, đánh nhau tới khuya",
        "quán nhậu đầu hẻm tối nào cũng hát karaoke la hét om sòm, hôm qua say xỉn cãi nhau đòi "
        "chém nhau",
    ],
)
def test_a_fight_told_most_stays_violence(text: str) -> None:
    assert _category(text) == "violence"
