"""A group's name and a model's reason told by their first letters compared (perf-29), as
`str.startswith` told them: every group name the rules give, every prefix looked for, and
the model's reasons beside the rules' phrases."""

from __future__ import annotations

import pytest

from shared.core.classify import _any_named, _any_sure_of, classify, load_rules
from shared.core.text_model import OPINION, Opinion, is_opinion_of

_PREFIXES = ("cat:", "with:", "not_done:", "over:", "topic:", "papers:", "near:", "", "x")


def _names() -> list[str]:
    rules = load_rules()
    named = {phrase.group for phrases in rules.words.values() for phrase in phrases}
    named.update(phrase.group for phrases in rules.pairs.values() for phrase in phrases)
    return sorted(named)


def test_a_group_named_by_its_prefix_as_startswith_reads_it() -> None:
    names = _names()
    assert any(n.startswith("not_done:") for n in names)  # the prefixes weigh looks for
    for name in names:
        for prefix in _PREFIXES:
            groups = {"now": [("now", "đang", 0, 1, True, 0)], name: []}
            assert _any_named(groups, prefix) == any(g.startswith(prefix) for g in groups)


def test_a_sure_hit_of_a_prefixed_group_as_startswith_reads_it() -> None:
    sure, unsure = (
        ("over:fire", "cháy rồi", 0, 2, True, 0),
        ("over:fire", "chay roi", 0, 2, False, 0),
    )
    assert _any_sure_of({"over:fire": [sure]}, "over:")
    assert not _any_sure_of({"over:fire": [unsure]}, "over:")
    assert not _any_sure_of({"overall": [sure]}, "over:")
    assert not _any_sure_of({"ove": [sure]}, "over:")


@pytest.mark.parametrize(
    ("label", "reasons", "expected"),
    [
        ("theft", ("trộm",), False),
        ("theft", (f"{OPINION}theft (0.91)",), True),
        ("theft", ("trộm", f"{OPINION}theft (0.91)"), True),
        ("theft", (f"{OPINION}theft_x (0.91)",), False),  # another label beginning alike
        ("urgent", (Opinion.urgency_reason(0.8, "urgent"),), True),
        ("urgent", (Opinion.urgency_reason(0.3, "normal"),), False),
        ("theft", ("mô hình", "mô hình:", f"{OPINION}theft"), False),  # shorter than said
        ("theft", (), False),
    ],
)
def test_the_models_reason_told_as_startswith_tells_it(
    label: str, reasons: tuple[str, ...], expected: bool
) -> None:
    assert is_opinion_of(label, reasons) is expected
    assert expected == any(r.startswith(f"{OPINION}{label} (") for r in reasons)


def test_a_tip_weighed_reads_as_before() -> None:
    # a tip the model weighs (its category learned or not), typed without marks too
    for text in ("nha ben co nguoi danh nhau chay mau", "hàng xóm đánh nhau, có người chảy máu"):
        verdict = classify(text)
        assert verdict.kind == "tip"
        assert verdict.category_learned == any(
            r.startswith(f"{OPINION}{verdict.category} (") for r in verdict.reasons
        )
