"""Vietnamese text normalisation for matching.

Citizens write with or without diacritics, in NFC or decomposed Unicode, with
the tone mark on either vowel of "oa/oe/uy" (Hoà and Hòa), in any case. Every
matcher (resolver, classifier, assistant, officer commands) compares folded
text, so the same rule decides everywhere.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
# Compiled on the first fold, through `re`'s own cache, not at import (≈ 0.3 ms of the
# webhook's start for a class of this range).
_NOT_ASCII_OR_MARK = "[^\x00-\x7f\u0300-\u036f]"
_WORD = re.compile(r"[0-9a-z]+")
# A word, with the combining marks NFC leaves uncomposed (fold drops them).
_TOKEN = re.compile(r"(?:[^\W_]|[\u0300-\u036f\ufe00-\ufe0f\U000e0100-\U000e01ef])+")

# Old-style tone placement (hòa) to new style (hoà): only for oa/oe/uy ending a
# syllable; "hoàng" and "khuyên" carry the tone on the second vowel either way.
_OLD_STYLE = re.compile(
    r"(o|u)([\u0300\u0301\u0303\u0309\u0323])(a|e|y)(?![a-z\u0300-\u036f])", re.I
)


# A boundary the writer typed between two clauses: , ; : ! ? . … brackets and a spaced
# dash. Not a mark inside a word or a number: "1,5 triệu", "10.000", "10:30", "tp.hcm".
CLAUSE_BREAK = re.compile(
    r"[;!?…()\[\]]"
    r"|,(?!(?<=\d,)\d)"
    r"|(?<![^\W_])[.:]|[.:](?![^\W_])"
    r"|(?<= )[-–—](?= )"
)


def clauses(text: str) -> list[str]:
    """The clauses of a text, split where the writer typed a boundary (a line break is
    one): "tụi nó đòi tiền, nhờ công an giúp" holds two."""
    return [c for c in CLAUSE_BREAK.split(text.replace("\n", " ; ")) if c.strip()]


# A Vietnamese syllable never ends in a doubled letter, so one typed twice or held down
# ("khôngg", "ngườii", "cứuuu") is a slip or a cry: read once (the assistant's reading,
# `questions.normalise`; the classifier's words are the learned model's features too, and
# retrained on them it read a blind set lower: left as they are). Only in a word typed with
# marks (surely Vietnamese: "shopee", "app", "pass" keep theirs), and in one typed
# without them only where neither language doubles it: the finals ng, nh, ch ("khongg"),
# n and i ("chuyenn", "nguoii"); "cuu" is cứu, and "ee", "oo", "pp", "ss" are English's.
_HELD_LETTER = re.compile(r"([^\W\d_])\1+(?![^\W_])")
_HELD_FINAL = re.compile(
    r"(?<=[a-z])([ni])\1+(?![^\W_])|(?<=n)(g)g+(?![^\W_])|(?<=[nc])(h)h+(?![^\W_])"
)


_LETTERS = re.compile(r"[^\W_]+")


def undoubled(text: str) -> str:
    """Each word's last letter once, where Vietnamese never doubles it (`_HELD_LETTER`);
    lower case NFC in, lower case out."""
    if text.isascii():
        if "gg" in text or "hh" in text or "nn" in text or "ii" in text:
            return _HELD_FINAL.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)
        return text
    return _LETTERS.sub(
        lambda m: (
            undoubled(m.group()) if m.group().isascii() else _HELD_LETTER.sub(r"\1", m.group())
        ),
        text,
    )


def canonical(text: str) -> str:
    """NFC, lower case, one space, tone marks in the new style (hoà)."""
    if text.isascii():  # typed without marks: nothing to normalise, no tone to move
        return " ".join(text.lower().split())
    # Word by word, each once (`canonical_word`): whitespace neither composes nor
    # decomposes, and no mark nor tone moves across it, so this is the whole text's form.
    return " ".join(map(canonical_word, text.split()))


@lru_cache(maxsize=16384)
def canonical_word(word: str) -> str:
    """`canonical` of a text without whitespace (one word, its punctuation with it)."""
    # Citizens use a few thousand words over and over: each is normalised once.
    decomposed = unicodedata.normalize("NFD", word).lower()
    decomposed = _OLD_STYLE.sub(lambda m: m.group(1) + m.group(3) + m.group(2), decomposed)
    return unicodedata.normalize("NFC", decomposed)


def fold(text: str) -> str:
    """Lower case ASCII: diacritics dropped, đ to d, one space between words."""
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "d")
    # Vietnamese decomposes into ASCII and the combining diacritical marks (U+0300-U+036F,
    # all nonspacing): then the marks are dropped in C; anything else, each character's
    # category is asked (8 µs a 50-character text: the webhook folds every text to look
    # for a command, bench/README.md round 32). `split` and `\s` know the same spaces.
    if re.search(_NOT_ASCII_OR_MARK, decomposed) is None:
        stripped = decomposed.encode("ascii", "ignore").decode("ascii")
    else:
        stripped = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    return " ".join(stripped.lower().split())


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese mark (so it was typed with them)."""
    return fold(text) != _SPACE.sub(" ", text.lower()).strip()


def words(text: str) -> list[str]:
    """The folded words of a text, punctuation dropped."""
    folded: list[str] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        folded.extend(_folded_token(token))
    return folded


def typed_words(text: str) -> list[tuple[str, str]]:
    """Each folded word with the form it was typed in (lower case, marks kept), so a
    reader can tell "ca" from "cá" where that matters."""
    out: list[tuple[str, str]] = []
    for token in _TOKEN.findall(unicodedata.normalize("NFC", text)):
        folded = _folded_token(token)
        if len(folded) == 1:
            out.append((folded[0], canonical_word(token)))
        else:
            out.extend((w, w) for w in folded)
    return out


@lru_cache(maxsize=65536)
def _folded_token(token: str) -> tuple[str, ...]:
    # Citizens use a few thousand words over and over: each is folded once.
    return tuple(_WORD.findall(fold(token)))
