"""How much the learned second opinion adds to the rules, on messages the rules never saw.

    .venv/bin/python scripts/heldout_opinion.py      # needs requirements-train.txt

Each training-only set written by people who had not seen the rules (tests/
understanding.py `TRAINING`, all but g; no rule was ever written to fit them) is held out in
turn: the model is trained
as scripts/train_text_model.py trains it, on everything but that set, and the line's
own decision (`with_urgency`, `with_opinion`, with the thresholds of today's model
file) reads each held-out message. Printed: the rules alone and the rules with the
held-out model, per set and over all. The thresholds in scripts/train_text_model.py
were chosen on these figures; the blind sets stay out of it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core import classify as rules_module  # noqa: E402
from shared.core.classify import Classification, by_rules  # noqa: E402
from shared.core.text_model import Opinion, features_of  # noqa: E402
from tests.understanding import TRAINING, cases, score_messages  # noqa: E402

HELD_OUT = tuple(s for s in TRAINING if s != "train11g")  # g: the lead's, who saw the rules


def _trainer() -> Any:
    spec = importlib.util.spec_from_file_location("trainer", ROOT / "scripts/train_text_model.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _heads(trainer: Any, leave_out: str) -> tuple[Any, list[Any]]:
    """The three heads, trained as the shipped model is, without `leave_out`."""
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    kept = [n for n in trainer.training_files() if f"_{leave_out}." not in n]
    kinds, categories, severities = trainer.examples(kept)
    vectoriser = TfidfVectorizer(
        analyzer=lambda t: features_of(rules_module.model_words(t)), sublinear_tf=True
    )
    vectoriser.fit([t for t, _ in kinds])
    heads = []
    for pairs in (kinds, categories, severities):
        head = LogisticRegression(C=trainer.C, max_iter=5000)
        heads.append(head.fit(vectoriser.transform([t for t, _ in pairs]), [y for _, y in pairs]))
    return vectoriser, heads


def _with_opinion_of(vectoriser: Any, heads: list[Any]) -> Any:
    """`classify`, with the held-out heads in place of the shipped model's weights."""
    kind_head, category_head, severity_head = heads
    model = rules_module.load_model()

    def best(head: Any, row: Any) -> tuple[str, float]:
        p = head.predict_proba(row)[0]
        return str(head.classes_[p.argmax()]), float(p.max())

    def decide(text: str) -> Classification:
        read = rules_module._read(text)
        if read is None:
            return by_rules(text)
        verdict, message, groups = read
        words = rules_module._model_words(message)
        if len(words) < model.min_words:
            return verdict
        row = vectoriser.transform([text])
        if verdict.kind == "question" and verdict.topic == "other":
            opinion = Opinion(*best(kind_head, row), *best(category_head, row))
            if not rules_module.reports(opinion) or rules_module.about_police(message.folded):
                return verdict
            urgent_p = float(severity_head.predict_proba(row)[0][1])
            unsure = frozenset(
                g.removeprefix("cat:")
                for g, hits in groups.items()
                if g.startswith("cat:") and not any(h.sure for h in hits)
            )
            calm = rules_module._told_calm(groups)
            return rules_module.as_report(opinion, urgent_p, calm, unsure)
        if not rules_module.open_to_opinion(verdict):
            return verdict
        category, category_p = best(category_head, row)
        if verdict.kind == "tip":
            urgent_p = float(severity_head.predict_proba(row)[0][1])
            calm = rules_module._told_calm(groups)
            verdict = rules_module.with_urgency(verdict, urgent_p, calm)
            opinion = Opinion(None, 0.0, category, category_p)
        else:
            opinion = Opinion(*best(kind_head, row), category, category_p)
        return rules_module.with_opinion(verdict, opinion, len(words), message.typed_with_marks)

    return decide


def main() -> None:
    trainer = _trainer()
    totals: dict[str, list[Any]] = {"rules": [], "rules + model": []}
    for name in HELD_OUT:
        items = cases(f"messages_{name}.jsonl")
        vectoriser, heads = _heads(trainer, name)
        for label, decide in (
            ("rules", by_rules),
            ("rules + model", _with_opinion_of(vectoriser, heads)),
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
