"""Invariance of the line's reading under the ways citizens write (issue 17).

    .venv/bin/python scripts/writing_variants.py [--show KIND] [--limit N]

Each labelled message and question of the tuning sets (tests/fixtures/*tuning*.jsonl,
never a blind set) is rewritten the way another citizen would type it: without
diacritics, in teencode ("ko", "dc", "j", "ng", "vs", "bít", "rùi", "ae", "mn", "z",
"wá"), teencode without diacritics, lower case without punctuation, and with a common
typo (a letter doubled or dropped in a long word, "tr" typed "ch": "tạm chú"). For each
variant kind it counts the items whose ORIGINAL is read right but whose variant is read
wrong: a message's kind, category or urgency, a tip lost to chat or a question, a
question's verdict (right -> not right, and anything -> wrong). `--show KIND` prints the
breaks of one kind, the original beside the variant.

The variants are deterministic (no randomness): the same text always gives the same
variant, so a floor measured now holds (tests/test_understanding.py).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

FIXTURES = ROOT / "tests" / "fixtures"

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def strip_marks(text: str) -> str:
    """Diacritics dropped, đ to d, case and punctuation kept (a phone without a
    Vietnamese keyboard)."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    )


# Teencode: a word (or two) of the standard spelling and the forms citizens type for it.
# Where several forms are common, each occurrence takes the next (deterministic).
TEENCODE: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("mọi người", ("mn",)),
    ("anh em", ("ae",)),
    ("không", ("ko", "k", "hok")),
    ("được", ("dc", "đc")),
    ("gì", ("j",)),
    ("người", ("ng",)),
    ("với", ("vs",)),
    ("biết", ("bít",)),
    ("rồi", ("rùi", "r")),
    ("vậy", ("z", "v")),
    ("quá", ("wá",)),
)
_TEEN = re.compile(
    r"(?<![^\W_])(" + "|".join(re.escape(k) for k, _ in TEENCODE) + r")(?![^\W_])",
    re.IGNORECASE,
)
_TEEN_FORMS = {k: forms for k, forms in TEENCODE}


def teencode(text: str) -> str:
    """The standard words typed as teencode, the rest as written."""
    seen: dict[str, int] = {}

    def swap(m: re.Match[str]) -> str:
        key = m.group(1).lower()
        forms = _TEEN_FORMS[key]
        n = seen.get(key, 0)
        seen[key] = n + 1
        return forms[(n + len(text)) % len(forms)]

    return _TEEN.sub(swap, unicodedata.normalize("NFC", text))


def lower_bare(text: str) -> str:
    """Lower case, no punctuation (letters, digits and spaces only)."""
    return " ".join(re.sub(r"[^\w\s]|_", " ", text.lower()).split())


def _longest_word(text: str) -> re.Match[str] | None:
    best = None
    for m in _WORD.finditer(text):
        if len(m.group()) >= 5 and (best is None or len(m.group()) > len(best.group())):
            best = m
    return best


def typo_doubled(text: str) -> str:
    """The last letter of the longest word typed twice ("khôngg", "đượcc")."""
    m = _longest_word(unicodedata.normalize("NFC", text))
    if m is None:
        return text
    text = unicodedata.normalize("NFC", text)
    return text[: m.end()] + text[m.end() - 1] + text[m.end() :]


def typo_dropped(text: str) -> str:
    """A letter of the longest word's middle left out ("ngưi", "khôg")."""
    text = unicodedata.normalize("NFC", text)
    m = _longest_word(text)
    if m is None:
        return text
    i = m.start() + len(m.group()) // 2
    return text[:i] + text[i + 1 :]


_TR = re.compile(r"(?<![^\W_])(tr|Tr|TR)(?=[^\W\d_])")


def typo_ch(text: str) -> str:
    """ "tr" typed "ch" at the start of a word ("tạm chú", "lưu chú", "chộm")."""
    return _TR.sub(lambda m: {"tr": "ch", "Tr": "Ch", "TR": "CH"}[m.group(1)], text)


VARIANTS: dict[str, Callable[[str], str]] = {
    "no-marks": strip_marks,
    "teencode": teencode,
    "teencode-no-marks": lambda t: strip_marks(teencode(t)),
    "lower-no-punct": lower_bare,
    "typo-doubled": typo_doubled,
    "typo-dropped": typo_dropped,
    "typo-tr-ch": typo_ch,
}


def tuning_files(kind: str) -> list[Path]:
    """The tuning sets of messages or questions: never a blind file, nor a set kept out
    (its texts are never shown, and the broken variants are printed)."""
    from tests.understanding import KEPT_OUT

    kept_out = {f"{kind}_{which}.jsonl" for which in KEPT_OUT}
    return sorted(
        p
        for p in FIXTURES.glob(f"{kind}_tuning*.jsonl")
        if "blind" not in p.name and p.name not in kept_out
    )


def items(kind: str) -> Iterator[dict[str, Any]]:
    from tests.understanding import cases

    for path in tuning_files(kind):
        yield from cases(path.name)


def _names(value: str | list[str]) -> list[str]:
    return [value] if isinstance(value, str) else value


def message_wrong(expect: dict[str, Any], got: Any) -> set[str]:
    """The heads a message is read wrong on (kind, category, urgency, tip-lost)."""
    wrong = set()
    if got.kind != expect["kind"]:
        wrong.add("kind")
        if expect["kind"] == "tip":
            wrong.add("tip-lost")
    if expect["kind"] == "tip":
        if not (got.kind == "tip" and got.category in _names(expect["category"])):
            wrong.add("category")
        severity = got.severity if got.kind == "tip" else "normal"
        if severity != expect["severity"]:
            wrong.add("urgency")
    return wrong


HEADS = ("kind", "tip-lost", "category", "urgency", "question", "question-wrong")


@dataclass
class Breaks:
    """Per variant kind: how many items changed, and which broke on each head."""

    changed: int = 0
    eligible: dict[str, int] = field(default_factory=lambda: dict.fromkeys(HEADS, 0))
    broken: dict[str, list[tuple[str, str, str, str]]] = field(
        default_factory=lambda: {h: [] for h in HEADS}
    )

    def count(self, head: str) -> int:
        return len(self.broken[head])

    def rate(self) -> float:
        """Share of (item, head) pairs read right originally that stay right."""
        total = sum(self.eligible[h] for h in ("kind", "category", "urgency", "question"))
        lost = sum(self.count(h) for h in ("kind", "category", "urgency", "question"))
        return 1 - lost / total if total else 1.0


def measure(
    kinds: tuple[str, ...] = tuple(VARIANTS),
    limit: int | None = None,
) -> dict[str, Breaks]:
    from shared.core import assistant
    from shared.core.classify import classify
    from tests.understanding import judge, understood

    out = {k: Breaks() for k in kinds}
    messages = [c for c in items("messages")][:limit]
    for case in messages:
        base = message_wrong(case["expect"], classify(case["text"]))
        for k in kinds:
            text = VARIANTS[k](case["text"])
            if text == case["text"]:
                continue
            b = out[k]
            b.changed += 1
            got = classify(text)
            now = message_wrong(case["expect"], got)
            for head in ("kind", "tip-lost", "category", "urgency"):
                if head in ("category", "urgency") and case["expect"]["kind"] != "tip":
                    continue
                if head == "tip-lost" and case["expect"]["kind"] != "tip":
                    continue
                if head in base:
                    continue
                b.eligible[head] += 1
                if head in now:
                    label = f"{got.kind} {got.category} {got.severity}"
                    b.broken[head].append((case["id"], case["text"], text, label))
    questions = [c for c in items("questions")][:limit]
    for case in questions:
        before = judge(case["expect"], understood(case["text"], classify, assistant))
        for k in kinds:
            text = VARIANTS[k](case["text"])
            if text == case["text"]:
                continue
            b = out[k]
            b.changed += 1
            got = understood(text, classify, assistant)
            after = judge(case["expect"], got)
            label = f"{after}: tip={got.tip} topics={list(got.topics)} oos={got.out_of_scope}"
            if before == "right":
                b.eligible["question"] += 1
                if after != "right":
                    b.broken["question"].append((case["id"], case["text"], text, label))
            if before != "wrong":
                b.eligible["question-wrong"] += 1
                if after == "wrong":
                    b.broken["question-wrong"].append((case["id"], case["text"], text, label))
    return out


def main(argv: list[str]) -> None:
    show = argv[argv.index("--show") + 1] if "--show" in argv else None
    limit = int(argv[argv.index("--limit") + 1]) if "--limit" in argv else None
    result = measure(limit=limit)
    print(f"{'variant':<20} {'changed':>7} " + " ".join(f"{h:>14}" for h in HEADS) + "   kept")
    for k, b in result.items():
        cells = " ".join(f"{b.count(h):>5}/{b.eligible[h]:<8}" for h in HEADS)
        print(f"{k:<20} {b.changed:>7} {cells}   {b.rate():.2%}")
    if show:
        for head in HEADS:
            for case_id, original, text, label in result[show].broken[head]:
                print(f"[{head}] {case_id}\n   {original!r}\n   {text!r}\n   -> {label}")


if __name__ == "__main__":
    main(sys.argv[1:])
