"""The spellings citizens use for a word ("ko" for không, "CA" for công an), swapped
for the word before phrases are matched (`shared/data/conversation.yaml`, `aliases`
and `not_aliased`).

Diacritics are evidence: an alias is matched as typed, marks and all, so "cá độ",
"cà phê" and "cả nhà" hold no "CA". Typed without marks, an alias is still its own
word beside the words it forms a compound with ("ca phe", "tan ca"). Pure: the
conversation rules and the classifier both read the file and build one of these.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from shared.core.text import fold, typed_words, words


@dataclass(frozen=True)
class Aliases:
    """Spellings folded to the word they stand for, and the pairs kept as typed."""

    spellings: dict[str, tuple[str, ...]]  # one or two words as typed -> the folded word(s)
    kept: frozenset[tuple[str, str]]  # folded pairs in which an alias is its own word

    @classmethod
    def from_file(cls, aliases: Mapping[str, Sequence[str]], not_aliased: Sequence[str]) -> Aliases:
        spellings = {
            " ".join(typed for _, typed in typed_words(spelling)): tuple(words(fold(word)))
            for word, spelled in aliases.items()
            for spelling in spelled
        }
        kept = [tuple(words(fold(pair))) for pair in not_aliased]
        if any(len(pair) != 2 for pair in kept):
            raise ValueError(f"not_aliased: each entry is two words, not {kept}")
        return cls(spellings, frozenset((a, b) for a, b in kept))

    def folded(self, text: str) -> tuple[str, ...]:
        """The text's folded words, each alias swapped for its word."""
        ws = typed_words(text)
        folded = [f for f, _ in ws]
        out: list[str] = []
        i = 0
        while i < len(ws):
            pair = self.spellings.get(f"{ws[i][1]} {ws[i + 1][1]}") if i + 1 < len(ws) else None
            if pair is not None:
                out.extend(pair)
                i += 2
                continue
            alias = self.spellings.get(ws[i][1])
            beside = {(folded[i - 1], folded[i]) if i else ("", ""), tuple(folded[i : i + 2])}
            out.extend(alias if alias is not None and not beside & self.kept else (folded[i],))
            i += 1
        return tuple(out)
