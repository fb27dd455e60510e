"""Round 32: `fold` drops the combining diacritical marks in C when the decomposed text is
ASCII and those marks only (Vietnamese, typed with or without them), and collapses spaces
by `split`: the same text as the character-by-character fold it replaced, for every
character of the Basic Multilingual Plane and for mixed texts of marks, other scripts and
every kind of space."""

from __future__ import annotations

import random
import re
import sys
import unicodedata

from shared.core.text import fold

_SPACE = re.compile(r"\s+")


def fold_before(text: str) -> str:
    """Round 31's fold, verbatim."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "d")
    stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return _SPACE.sub(" ", stripped.lower()).strip()


def characters() -> list[str]:
    return [chr(c) for c in range(0x10000) if not 0xD800 <= c <= 0xDFFF]


def test_the_combining_diacritical_marks_are_all_nonspacing() -> None:
    assert all(unicodedata.category(chr(c)) == "Mn" for c in range(0x0300, 0x0370))


def test_split_and_the_patterns_spaces_are_the_same_characters() -> None:
    for c in range(sys.maxunicode + 1):
        if 0xD800 <= c <= 0xDFFF:
            continue
        char = chr(c)
        assert bool(_SPACE.fullmatch(char)) == char.isspace(), hex(c)


def test_every_character_folds_as_before() -> None:
    for char in characters():
        for text in (char, f"Đ{char}á  {char}x", f" {char}\u0301e\u0323 "):
            assert fold(text) == fold_before(text), (hex(ord(char)), text)


def test_texts_folds_as_before() -> None:
    pool = (
        "aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯ0123456789 .,!?-:/#"
        "áàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
        "ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
        "\u0300\u0301\u0303\u0309\u0323\u0306\u0302\u031b\u0345\u0483\u20d0"
        "\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2009\u200b\u2028\u202f\u3000"
        "İıßøæœŁЖжΣσςÅKΩ①ª²ﬁ中文한국어😀🇻🇳\U0001d165\U000e0100\ufe0f"
    )
    rand = random.Random(32)
    for _ in range(20_000):
        text = "".join(rand.choice(pool) for _ in range(rand.randint(0, 40)))
        assert fold(text) == fold_before(text), repr(text)
    assert fold("Cho hỏi ĐĂNG KÝ  tạm trú\u00a0ạ ") == "cho hoi dang ky tam tru a"
