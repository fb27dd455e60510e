"""Where the learned second opinion changes the rules' verdict, and whether it is right,
on messages its model never learned from, gate by gate.

    .venv/bin/python scripts/heldout_gates.py        # needs requirements-train.txt
    .venv/bin/python scripts/heldout_gates.py --sweep   # each threshold tried in turn
    .venv/bin/python scripts/heldout_gates.py --C=10    # trained with another C
    .venv/bin/python scripts/heldout_gates.py --set=marked_from=0.4   # a threshold tried

Every labelled message set of the tuning side (tests/understanding.py: the tuning
pairs, the message tuning sets and the training-only sets; never a blind set) is
read by a model trained without it: the sets the shipped model learns from are left
out by folds (`FOLDS`, each set in exactly one), the untaught message sets
(`UNTRAINED_MESSAGES`) are read by the model trained on everything it is shipped
with, which never saw them. The line's own decision (`classify.weigh`, with the
thresholds of today's model file or the ones tried) reads each message; beside it,
the rules alone. For kind, category and urgency (scored as tests/understanding.py
scores them): how many verdicts the model changed, how many of those it made right
and how many wrong, in all and by the gate that let it speak (the thresholds of
`text_model.json`; `min_words` is the short messages, read as though it were 0).
The rules were tuned on the tuning pairs and message sets, never on the training-only
sets: both are printed apart as well as pooled.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core import classify as rules_module  # noqa: E402
from shared.core.classify import Classification  # noqa: E402
from shared.core.text_model import Opinion, TextModel  # noqa: E402
from tests.scripts import load_script  # noqa: E402
from tests.understanding import (  # noqa: E402
    BLIND,
    MESSAGE_SETS,
    SETS,
    TRAINING,
    UNTRAINED_MESSAGES,
    _names,
    cases,
)

FOLD_COUNT = 5
THRESHOLDS = (
    "other_from",
    "overrule_from",
    "marked_from",
    "raise_from",
    "lower_below",
    "kind_from",
    "report_from",
    "spam_from",
    "unmatched_other_from",
)


def taught_sets() -> list[str]:
    """The message sets the shipped model learns from (each left out in one fold)."""
    pairs = [s for s in SETS if s not in BLIND]
    alone = [s for s in MESSAGE_SETS if s not in UNTRAINED_MESSAGES]
    return [*pairs, *alone, *(s for s in TRAINING if s != "train11g")]


def folds() -> list[tuple[str, ...]]:
    """The taught sets dealt round-robin into `FOLD_COUNT` folds; then the untaught ones,
    read by the model trained on every taught set (an empty leave-out)."""
    taught = taught_sets()
    dealt = [tuple(taught[i::FOLD_COUNT]) for i in range(FOLD_COUNT)]
    return [*dealt, ()]


@dataclass
class _Cached:
    """A held-out model's readings, each computed once per message's words."""

    reader: Any
    min_words: int
    opinions: dict[tuple[str, ...], Opinion] = field(default_factory=dict)
    tips: dict[tuple[str, ...], tuple[Opinion, float]] = field(default_factory=dict)

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        if words not in self.opinions:
            self.opinions[words] = self.reader.opinion(words)
        return self.opinions[words]

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        if words not in self.tips:
            self.tips[words] = self.reader.tip_reading(words)
        return self.tips[words]


@contextmanager
def thresholds(**values: float) -> Iterator[None]:
    """The line's decision with some of the model file's thresholds replaced."""
    shipped = rules_module.load_model
    model: TextModel = replace(shipped(), **values) if values else shipped()
    rules_module.load_model = lambda: model  # type: ignore[assignment]
    try:
        yield
    finally:
        rules_module.load_model = shipped  # type: ignore[assignment]


@dataclass
class Item:
    set_name: str
    case: dict[str, Any]
    read: Any  # `classify._read`'s answer
    rules: Classification


def items_of(names: tuple[str, ...]) -> list[Item]:
    found = []
    for name in names:
        for case in cases(f"messages_{name}.jsonl"):
            read = rules_module._read(case["text"])
            rules = read[0] if read else Classification("other", None, "normal", None, None, ())
            found.append(Item(name, case, read, rules))
    return found


def _right(head: str, got: Classification, expect: dict[str, Any]) -> bool | None:
    """Whether `got` is right on `head` as tests/understanding.py scores it (None: not
    scored, the head of a message that is no tip)."""
    if head == "kind":
        return got.kind == expect["kind"]
    if expect["kind"] != "tip":
        return None
    if head == "category":
        return got.kind == "tip" and got.category in _names(expect["category"])
    severity = got.severity if got.kind == "tip" else "normal"
    return severity == expect["severity"]


def gate_of(head: str, item: Item, got: Classification, short: bool) -> str:
    """The gate that let the model change `head` of the rules' verdict."""
    rules = item.rules
    if short:
        return "min_words"
    if got.spam and not rules.spam:
        return "spam_from"
    if got.kind != rules.kind:
        if rules.kind == "question":
            return "report_from"
        if got.kind == "other":
            return "unmatched_other_from"
        return "kind_from"
    if head == "category":
        message, groups = item.read[1], item.read[2]
        named = bool(rules_module._sure(groups, "cat:other"))
        if rules.category is None or (rules.category == "other" and not named):
            return "marked_from" if message.typed_with_marks else "other_from"
        return "overrule_from"
    if head == "urgency":
        return "raise_from" if got.severity == "urgent" else "lower_below"
    return "kind?"


@dataclass
class Tally:
    counts: Counter[tuple[str, str, str]] = field(default_factory=Counter)
    totals: Counter[tuple[str, str]] = field(default_factory=Counter)  # (head, which)

    def add(self, item: Item, got: Classification, short: bool, side: str) -> None:
        expect = item.case["expect"]
        for head in ("kind", "category", "urgency"):
            before, after = _right(head, item.rules, expect), _right(head, got, expect)
            if before is None:
                continue
            for group in ("all", side):
                self.totals[(head, group)] += 1
                self.totals[(head, group, "right")] += bool(after)
                self.totals[(head, group, "rules")] += bool(before)
            if not _changed(head, item.rules, got):
                continue
            gate = gate_of(head, item, got, short)
            outcome = "same" if after == before else "made right" if after else "made wrong"
            for where in ("all", gate):
                self.counts[(head, where, outcome)] += 1
                self.counts[(head, where, "changed")] += 1
        for group in ("all", side):
            urgent = got.kind == "tip" and got.severity == "urgent"
            self.totals[("calm urgent", group)] += bool(expect.get("calm") and urgent)
            self.totals[("danger normal", group)] += bool(expect.get("danger") and not urgent)
            if expect.get("spam"):
                self.totals[("ads", group)] += 1
                self.totals[("ads recognised", group)] += bool(got.spam)

    def lines(self) -> list[str]:
        out = []
        for group in ("all", "tuning", "training-only", "untaught"):
            parts = []
            for head in ("kind", "category", "urgency"):
                n = self.totals[(head, group)]
                if not n:
                    continue
                right = self.totals[(head, group, "right")]
                rules = self.totals[(head, group, "rules")]
                parts.append(f"{head} {right / n:.2%} ({right}/{n}; rules {rules})")
            calm = self.totals[("calm urgent", group)]
            danger = self.totals[("danger normal", group)]
            ads = f"{self.totals[('ads recognised', group)]}/{self.totals[('ads', group)]}"
            if parts:
                out.append(
                    f"{group:13} "
                    + ", ".join(parts)
                    + f", calm urgent {calm}, danger normal {danger}, ads {ads}"
                )
        gates = sorted({where for _, where, _ in self.counts})
        for head in ("kind", "category", "urgency"):
            for where in gates:
                changed = self.counts[(head, where, "changed")]
                if not changed:
                    continue
                good = self.counts[(head, where, "made right")]
                bad = self.counts[(head, where, "made wrong")]
                out.append(
                    f"  {head:8} {where:21} changed {changed:4}: made right {good:4}, "
                    f"made wrong {bad:4}, net {good - bad:+d}"
                )
        return out


def _changed(head: str, rules: Classification, got: Classification) -> bool:
    if head == "kind":
        return got.kind != rules.kind
    if head == "category":
        return (got.kind, got.category) != (rules.kind, rules.category)
    return _severity(got) != _severity(rules)


def _severity(got: Classification) -> str:
    return got.severity if got.kind == "tip" else "normal"


def side_of(name: str) -> str:
    if name in TRAINING:
        return "training-only"
    return "untaught" if name in UNTRAINED_MESSAGES else "tuning"


def readers(trainer: Any) -> list[tuple[list[Item], _Cached]]:
    """Each fold's held-out messages and the model trained without them."""
    heldout = load_script("heldout_opinion")
    found = []
    for left_out in folds():
        names = left_out or tuple(UNTRAINED_MESSAGES)
        kept = [
            n
            for n in trainer.training_files(shipped=False)
            if not any(f"_{s}." in n for s in left_out)
        ]
        vectoriser, heads = heldout.heads_of(trainer, kept)
        reader = heldout._HeldOutReader(vectoriser, heads, 0)
        found.append((items_of(names), _Cached(reader, 0)))
        print(f"fold {len(found)}: {len(found[-1][0])} messages held out", file=sys.stderr)
    return found


def measure(folded: list[tuple[list[Item], _Cached]], **values: float) -> Tally:
    tally = Tally()
    with thresholds(**values):
        min_words = rules_module.load_model().min_words
        for items, reader in folded:
            for item in items:
                if item.read is None:
                    got = item.rules
                    short = False
                else:
                    short = len(rules_module._model_words(item.read[1])) < min_words
                    reader.min_words = 0 if short else min_words
                    with thresholds(**values, min_words=reader.min_words):
                        got = rules_module.weigh(*item.read, reader)
                tally.add(item, got, short, side_of(item.set_name))
    return tally


def shipped_only(folded: list[tuple[list[Item], _Cached]], **values: float) -> Tally:
    """As `measure`, but the short messages left to the rules, as the line leaves them."""
    tally = Tally()
    with thresholds(**values):
        for items, reader in folded:
            reader.min_words = rules_module.load_model().min_words
            for item in items:
                got = item.rules if item.read is None else rules_module.weigh(*item.read, reader)
                tally.add(item, got, False, side_of(item.set_name))
    return tally


SWEEP = {
    "other_from": (0.2, 0.3, 0.4, 0.5),
    "marked_from": (0.3, 0.4, 0.5, 0.6, 0.7),
    "overrule_from": (0.5, 0.6, 0.7, 0.8, 0.9),
    "raise_from": (0.4, 0.5, 0.6, 0.7),
    "lower_below": (0.08, 0.12, 0.2, 0.3),
    "kind_from": (0.7, 0.8, 0.9),
    "report_from": (0.75, 0.85, 0.95),
    "spam_from": (0.8, 0.9, 0.95),
    "unmatched_other_from": (0.5, 0.6, 0.7),
}


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    trainer = load_script("train_text_model")
    for arg in args:
        if arg.startswith("--C="):  # another regularisation, tried held out
            trainer.C = float(arg.removeprefix("--C="))
        if arg.startswith("--min-df="):  # features seen in fewer messages dropped
            trainer.MIN_DF = int(arg.removeprefix("--min-df="))
    folded = readers(trainer)
    print(f"trained as scripts/train_text_model.py (C {trainer.C}, min_df {trainer.MIN_DF})")
    shipped = rules_module.load_model()
    print("  " + ", ".join(f"{t} {getattr(shipped, t)}" for t in THRESHOLDS))
    tried: dict[str, float] = {}  # --set=marked_from=0.4: the line with it in place
    for arg in args:
        if arg.startswith("--set="):
            name, _, value = arg.removeprefix("--set=").partition("=")
            tried[name] = float(value)
    if tried:
        print("== the line with " + ", ".join(f"{k} {v}" for k, v in tried.items()) + ":")
        print("\n".join(shipped_only(folded, **tried).lines()))
    print("== the line (short messages the rules' alone):")
    print("\n".join(shipped_only(folded).lines()))
    print("== min_words 0 (the short messages' changes under min_words):")
    print("\n".join(measure(folded).lines()))
    if "--sweep" in args:
        for name, values in SWEEP.items():
            for value in values:
                tally = shipped_only(folded, **{name: value})
                print(f"-- {name} = {value}: {tally.lines()[0]}")


if __name__ == "__main__":
    main()
