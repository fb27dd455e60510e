"""How much the learned second opinion adds to the rules, on messages the rules never saw.

    .venv/bin/python scripts/heldout_opinion.py      # needs requirements-train.txt
    .venv/bin/python scripts/heldout_opinion.py tuning6 tuning7   # those sets taught too
    .venv/bin/python scripts/heldout_opinion.py --heads=kind,category,spam tuning6

Each training-only set written by people who had not seen the rules (tests/
understanding.py `TRAINING`, all but g; no rule was ever written to fit them) is held out in
turn: the model is trained
as scripts/train_text_model.py trains it, on everything but that set, and the line's
own decision (`with_urgency`, `with_opinion`, with the thresholds of today's model
file) reads each held-out message. Printed: the rules alone and the rules with the
held-out model, per set and over all. The thresholds in scripts/train_text_model.py
were chosen on these figures; the blind sets stay out of it. Message sets named on
the command line (of `UNTRAINED_MESSAGES`) are taught too, to every head or to those
`--heads` names: how the figures would move were they trained on.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core import classify as rules_module  # noqa: E402
from shared.core.classify import Classification, by_rules  # noqa: E402
from shared.core.text_model import Opinion  # noqa: E402
from tests.scripts import load_script  # noqa: E402
from tests.understanding import (  # noqa: E402
    HEADS_TAUGHT,
    TRAINING,
    UNTRAINED_MESSAGES,
    cases,
    score_messages,
)

HELD_OUT = tuple(s for s in TRAINING if s != "train11g")  # g: the lead's, who saw the rules


def _trainer() -> Any:
    return load_script("train_text_model")


def _heads(trainer: Any, leave_out: str, taught: tuple[str, ...] = ()) -> tuple[Any, list[Any]]:
    """The four heads, trained as the shipped model is, without `leave_out` and with the
    message sets `taught` besides."""
    return heads_of(trainer, [n for n in files(trainer, taught) if f"_{leave_out}." not in n])


def files(trainer: Any, taught: tuple[str, ...] = ()) -> list[str]:
    """The shipped model's training files, and the message sets `taught`."""
    return trainer.training_files(shipped=False) + [f"messages_{s}.jsonl" for s in taught]


def heads_of(trainer: Any, kept: list[str]) -> tuple[Any, list[Any]]:
    """The vectoriser and four heads, trained as the shipped model is, on `kept`."""
    kinds, categories, severities, ads = trainer.examples(kept)
    vectoriser = trainer.vectoriser()  # texts when fitted; model words when `weigh` reads
    vectoriser.fit([t for t, _ in kinds])
    examples = (kinds, categories, severities, ads)
    heads = [
        trainer.fit(name, vectoriser, pairs)
        for name, pairs in zip(trainer.ALL_HEADS, examples, strict=True)
    ]
    return vectoriser, heads


@dataclass(frozen=True)
class _HeldOutReader:
    """The line's `Reader` with the held-out heads in place of the shipped model's."""

    vectoriser: Any
    heads: list[Any]
    min_words: int

    def _row(self, words: tuple[str, ...]) -> Any:
        return self.vectoriser.transform([words])

    @staticmethod
    def _best(head: Any, row: Any) -> tuple[str, float]:
        p = head.predict_proba(row)[0]
        return str(head.classes_[p.argmax()]), float(p.max())

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        kind, category, _, spam = self.heads
        row = self._row(words)
        spam_p = float(spam.predict_proba(row)[0][1])
        return Opinion(*self._best(kind, row), *self._best(category, row), spam_p)

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        _, category, severity, spam = self.heads
        row = self._row(words)
        spam_p = float(spam.predict_proba(row)[0][1])
        urgent_p = float(severity.predict_proba(row)[0][1])
        return Opinion(None, 0.0, *self._best(category, row), spam_p), urgent_p


def with_opinion_of(vectoriser: Any, heads: list[Any]) -> Any:
    """`classify`, with the held-out heads in place of the shipped model's weights."""
    reader = _HeldOutReader(vectoriser, heads, rules_module.load_model().min_words)

    def decide(text: str) -> Classification:
        read = rules_module._read(text)
        return by_rules(text) if read is None else rules_module.weigh(*read, reader)

    return decide


def taught_sets(argv: list[str]) -> tuple[str, ...]:
    """The message sets named in `argv`, each taught the heads `--heads=` names (every
    head when not given): recorded in `HEADS_TAUGHT`, which the trainer reads."""
    heads = [a.removeprefix("--heads=").split(",") for a in argv if a.startswith("--heads=")]
    taught = tuple(a for a in argv if not a.startswith("--"))
    assert set(taught) <= set(UNTRAINED_MESSAGES), f"not an untaught message set: {taught}"
    for name in taught if heads else ():
        HEADS_TAUGHT[name] = tuple(heads[-1])
    return taught


def main(argv: list[str] | None = None) -> None:
    taught = taught_sets(sys.argv[1:] if argv is None else argv)
    trainer = _trainer()
    totals: dict[str, list[Any]] = {"rules": [], "rules + model": []}
    for name in HELD_OUT:
        items = cases(f"messages_{name}.jsonl")
        vectoriser, heads = _heads(trainer, name, taught)
        for label, decide in (
            ("rules", by_rules),
            ("rules + model", with_opinion_of(vectoriser, heads)),
        ):
            score = score_messages(items, decide)
            totals[label].append(score)
            print(f"{name:9} {label:14} {score.summary()}")
    for label, scores in totals.items():
        n, tips = sum(s.total for s in scores), sum(s.tips for s in scores)
        kind = sum(s.kind_right for s in scores) / n
        category = sum(s.category_right for s in scores) / tips
        urgency = sum(s.severity_right for s in scores) / tips
        calm = sum(len(s.false_alarms) for s in scores)
        danger = sum(len(s.danger_missed) for s in scores)
        print(
            f"all       {label:14} kind {kind:.1%}, category {category:.1%}, urgency {urgency:.1%}"
            f" ({n} messages, {tips} tips), urgent on a calm tip {calm},"
            f" normal on a person in danger {danger}"
        )


if __name__ == "__main__":
    main()
