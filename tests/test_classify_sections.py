"""The decision's table of sections (round 22, issue 18's classification target).

`Rules.sections` gives each group of hits the bits of the decision's sections it may make
speak (`shared.core.classify._SECTIONS`), built once with the rules; a message's groups say
which it reaches (`_reach`), and every other section is skipped on one test of a bit. That
is sound only if a section skipped would have said nothing: every verdict must be the same
with every bit set, whatever the message. These tests read the verdicts both ways, and
check the table names groups the rules hold (a name misspelt would skip its section on
every message).
"""

from __future__ import annotations

import pytest

from shared.core import classify as classify_module
from shared.core.classify import by_rules, load_rules
from tests.classify_generator import generate

# Messages written for these tests, each reaching some of the sections the table skips
# elsewhere (a chain letter, an ad, a laugh, thanks to the line, a status asked after, news
# seen on television, an errand, a supposed event, an officer asked for), and plain tips
# and questions that reach none of them.
OWN = (
    "chia sẻ ngay cho 10 người, ai không chia sẻ sẽ gặp xui cả năm",
    "vay tiền nhanh không cần thế chấp, lãi suất thấp, liên hệ ngay zalo này",
    "hôm qua thằng em tui bị chó rượt chạy té ghế haha",
    "cảm ơn mấy anh đã tới kịp lúc tối qua, giờ xóm yên rồi",
    "tuần trước em có nhắn báo vụ mất xe đạp, giờ sao rồi ạ",
    "coi thời sự thấy vụ cháy kho ở quận 12, mọi người cẩn thận nha",
    "chị Hạnh ơi chiều em ghé lấy đồ nha",
    "nếu thấy người lạ cạy cửa nhà hàng xóm thì báo số nào",
    "cho tôi gặp trực tiếp cán bộ trực ban được không",
    "có 3 thanh niên lạ cầm gậy đứng trước cổng trường tiểu học",
    "làm tạm trú cho người thuê phòng cần giấy tờ gì",
    "đêm nào cũng có tiếng cãi nhau ầm ĩ ở dãy trọ cuối hẻm",
)


def _texts() -> list[str]:
    """The labelled messages of the tuning sides (never a blind set, nor one kept out), the
    classifier's own fixtures, the generated cases and the messages above."""
    from scripts.writing_variants import tuning_files
    from tests.understanding import cases

    texts = list(OWN)
    paths = [*tuning_files("messages"), *tuning_files("questions")]
    for name in [p.name for p in paths] + ["classify.jsonl", "classify_heldout.jsonl"]:
        texts += [case["text"] for case in cases(name)]
    return texts + [case.text for case in generate()]


def test_every_section_names_groups_the_rules_hold() -> None:
    rules = load_rules()
    for bit, names in classify_module._SECTIONS.items():
        for name in names:
            held = [g for g, bits in rules.sections.items() if bits & bit]
            if name.endswith(":"):
                assert any(g.startswith(name) for g in held), name
            else:
                assert name in held, name
    opening = (classify_module._CATEGORY, classify_module._SEVERITY)
    for bit in (*classify_module._SECTIONS, *opening):
        assert any(bits & bit for bits in rules.sections.values()), bit


def test_a_section_skipped_would_have_said_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = _texts()
    assert len(texts) > 5000
    with_table = [by_rules(text) for text in texts]
    monkeypatch.setattr(classify_module, "_reach", lambda rules, groups: -1)
    every_section = [by_rules(text) for text in texts]
    differ = [t for t, a, b in zip(texts, with_table, every_section, strict=True) if a != b]
    assert not differ, differ[:5]


@pytest.mark.parametrize("text", OWN[-3:])
def test_a_plain_message_reaches_none_of_the_asides(text: str) -> None:
    """A tip or a procedure asked reaches no chain, ad, laugh, thanks or news section: their
    cost is a bit tested, not a helper called."""
    rules = load_rules()
    read = classify_module._read(text)
    assert read is not None
    reach = classify_module._reach(rules, read[2])
    asides = (
        classify_module._CHAIN,
        classify_module._SPAM,
        classify_module._LAUGHTER,
        classify_module._ABOUT_LINE_SAID,
        classify_module._ASKED_AFTER,
        classify_module._PASSING_SAID,
        classify_module._REACTION,
    )
    assert not any(reach & bit for bit in asides), text


@pytest.mark.parametrize(
    ("text", "bit"),
    [
        (OWN[0], "_CHAIN"),
        (OWN[3], "_ABOUT_LINE_SAID"),
        (OWN[5], "_PASSING_SAID"),
        (OWN[7], "_SUPPOSED"),
    ],
)
def test_a_message_holding_a_sections_group_reaches_it(text: str, bit: str) -> None:
    rules = load_rules()
    read = classify_module._read(text)
    assert read is not None
    assert classify_module._reach(rules, read[2]) & getattr(classify_module, bit), text
