"""Round 11: other learned readers, held out as scripts/heldout_opinion.py holds them
(an experiment: the line never imports it; needs requirements-train.txt).

    .venv/bin/python scripts/reader_variants.py VARIANT [VARIANT ...] [--sweep] [--rules]

Each training-only set (all of `TRAINING` but 11g, as heldout_opinion.py) left out of
each variant in turn; the line's own decision (`weigh`) reads the held-out messages
with the variant's probabilities, computed in one batch per fold (the figures are the
line's decisions, not the learner's speed). Also tuning set 6 (untaught) read by the
variant trained on everything. Each variant's probabilities are kept in
$READER_TABLES (/tmp/reader11-tables by default; delete to train again), so "a&b" (the
two averaged), "a|b" (a's heads with b's category) and `--sweep` (each threshold of
train_text_model.py moved alone) cost no training. The results are appended to
$READER_TABLES-results.jsonl.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from shared.core import classify as rules_module  # noqa: E402
from shared.core.text import fold  # noqa: E402
from shared.core.text_model import Opinion  # noqa: E402
from tests.scripts import load_script  # noqa: E402
from tests.understanding import TRAINING, MessageScore, cases, score_messages  # noqa: E402

trainer = load_script("train_text_model")
HELD_OUT = tuple(s for s in TRAINING if s != "train11g")[: int(os.environ.get("FOLDS", "99"))]
SHIPPED = rules_module.load_model()
TABLES = Path(os.environ.get("READER_TABLES", "/tmp/reader11-tables"))

_READ: dict[str, Any] = {}


def read(text: str) -> Any:
    if text not in _READ:
        _READ[text] = rules_module._read(text)
    return _READ[text]


_WORDS: dict[str, tuple[str, ...]] = {}


def words_of(text: str) -> tuple[str, ...]:
    if text not in _WORDS:
        _WORDS[text] = rules_module.model_words(text)
    return _WORDS[text]


# --- features ---------------------------------------------------------------


def folded(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(fold(w) or w for w in words)


def words_and_pairs(words: tuple[str, ...]) -> list[str]:
    """The shipped model's features until round 12 (the words and pairs as written)."""
    return list(words) + [f"{a} {b}" for a, b in pairwise(words)]


def f_words(words: tuple[str, ...]) -> list[str]:
    return words_and_pairs(words)


def f_words_folded(words: tuple[str, ...]) -> list[str]:
    """As written (marked) and, in a marked message, folded too: the shipped model's
    features from round 12 (`features_of`)."""
    flat = folded(words)
    if flat == words:
        return words_and_pairs(words)
    return words_and_pairs(words) + words_and_pairs(flat)


def f_words_marked_folded(words: tuple[str, ...]) -> list[str]:
    """As written and, in a marked message, each word typed with marks folded, with
    the pairs of two such neighbours: a word typed without marks beside others typed
    with them is taken as written ("hàng da" is leather: no "hang da")."""
    flat = folded(words)
    if flat == words:
        return words_and_pairs(words)
    kept = [f if f != w else None for w, f in zip(words, flat, strict=True)]
    pairs = [f"{a} {b}" for a, b in pairwise(kept) if a is not None and b is not None]
    return [*words_and_pairs(words), *[f for f in kept if f is not None], *pairs]


def chars(words: tuple[str, ...], lo: int = 3, hi: int = 5) -> list[str]:
    text = " " + " ".join(folded(words)) + " "
    return ["#" + text[i : i + n] for n in range(lo, hi + 1) for i in range(len(text) - n + 1)]


def f_chars(words: tuple[str, ...]) -> list[str]:
    return chars(words)


def f_words_chars(words: tuple[str, ...]) -> list[str]:
    return words_and_pairs(words) + chars(words)


def f_wordsf_chars(words: tuple[str, ...]) -> list[str]:
    return f_words_folded(words) + chars(words)


def f_words_chars4(words: tuple[str, ...]) -> list[str]:
    return words_and_pairs(words) + chars(words, 4, 4)


def f_words_trigrams(words: tuple[str, ...]) -> list[str]:
    return words_and_pairs(words) + [" ".join(words[i : i + 3]) for i in range(len(words) - 2)]


FEATURES: dict[str, Callable[[tuple[str, ...]], list[str]]] = {
    "words": f_words,
    "words+folded": f_words_folded,
    "words+marked-folded": f_words_marked_folded,
    "chars": f_chars,
    "words+chars": f_words_chars,
    "words+folded+chars": f_wordsf_chars,
    "words+chars4": f_words_chars4,
    "words+trigrams": f_words_trigrams,
}


# --- learners ---------------------------------------------------------------


def lr(c: float = 30.0, balanced: bool = False) -> Callable[[], Any]:
    def make() -> Any:
        from sklearn.linear_model import LogisticRegression

        return LogisticRegression(C=c, max_iter=5000, class_weight="balanced" if balanced else None)

    return make


def svm(c: float = 1.0, balanced: bool = False, cv: int = 3) -> Callable[[], Any]:
    def make() -> Any:
        from sklearn.calibration import CalibratedClassifierCV
        from sklearn.svm import LinearSVC

        svc = LinearSVC(C=c, class_weight="balanced" if balanced else None)
        return CalibratedClassifierCV(svc, cv=cv, ensemble=False, method="sigmoid")

    return make


def cnb(alpha: float = 0.3) -> Callable[[], Any]:
    def make() -> Any:
        from sklearn.naive_bayes import ComplementNB

        return ComplementNB(alpha=alpha)

    return make


@dataclass(frozen=True)
class Variant:
    features: str
    learner: Callable[[], Any]
    tfidf: bool = True
    min_df: int = 1
    # a second variant whose probabilities are averaged with this one's
    partner: Variant | None = None


def fit_heads(variant: Variant, files: list[str]) -> tuple[Any, list[Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    kinds, categories, severities, ads = trainer.examples(files)
    feats = FEATURES[variant.features]

    def analyse(doc: str | tuple[str, ...]) -> list[str]:
        return feats(doc if isinstance(doc, tuple) else words_of(doc))

    vectoriser = TfidfVectorizer(
        analyzer=analyse,
        sublinear_tf=True,
        use_idf=variant.tfidf,
        min_df=variant.min_df,
    )
    vectoriser.fit([t for t, _ in kinds])
    heads = []
    for pairs in (kinds, categories, severities, ads):
        head = variant.learner()
        x = vectoriser.transform([t for t, _ in pairs])
        heads.append(head.fit(x, [y for _, y in pairs]))
    return vectoriser, heads


@dataclass(frozen=True)
class Probs:
    """Each text's model words -> its row; per head, the probabilities of its classes."""

    rows: dict[tuple[str, ...], int]
    kinds: Any
    categories: Any
    kind: Any  # rows x kinds
    category: Any  # rows x categories
    urgent: Any  # rows
    spam: Any  # rows

    def mixed(self, other: Probs) -> Probs:
        assert list(self.kinds) == list(other.kinds) and self.rows == other.rows
        return Probs(
            self.rows,
            self.kinds,
            self.categories,
            (self.kind + other.kind) / 2,
            (self.category + other.category) / 2,
            (self.urgent + other.urgent) / 2,
            (self.spam + other.spam) / 2,
        )


def probabilities(variant: Variant, files: list[str], texts: list[str]) -> tuple[Probs, int, Any]:
    vectoriser, heads = fit_heads(variant, files)
    keys = sorted({words_of(t) for t in texts})
    x = vectoriser.transform(keys)
    p = [h.predict_proba(x) for h in heads]
    probs = Probs(
        {k: i for i, k in enumerate(keys)},
        heads[0].classes_,
        heads[1].classes_,
        p[0],
        p[1],
        p[2][:, 1],
        p[3][:, 1],
    )
    if variant.partner is not None:
        probs = probs.mixed(probabilities(variant.partner, files, texts)[0])
    return probs, len(vectoriser.vocabulary_), (vectoriser, heads)


@dataclass(frozen=True)
class TableReader:
    probs: Probs
    min_words: int

    def _category(self, i: int) -> tuple[str, float]:
        row = self.probs.category[i]
        return str(self.probs.categories[row.argmax()]), float(row.max())

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        i = self.probs.rows[words]
        row = self.probs.kind[i]
        kind, kind_p = str(self.probs.kinds[row.argmax()]), float(row.max())
        return Opinion(kind, kind_p, *self._category(i), float(self.probs.spam[i]))

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        i = self.probs.rows[words]
        opinion = Opinion(None, 0.0, *self._category(i), float(self.probs.spam[i]))
        return opinion, float(self.probs.urgent[i])


def by_rules(text: str) -> Any:
    got = read(text)
    return rules_module.by_rules(text) if got is None else got[0]


def decide_with(reader: TableReader) -> Callable[[str], Any]:
    def decide(text: str) -> Any:
        got = read(text)
        if got is None:
            return rules_module.by_rules(text)
        return rules_module.weigh(*got, reader)

    return decide


def with_thresholds(**changes: float) -> None:
    model = replace(SHIPPED, **changes)
    rules_module.load_model = lambda: model  # type: ignore[assignment]


def total(scores: list[MessageScore]) -> dict[str, Any]:
    n, tips = sum(s.total for s in scores), sum(s.tips for s in scores)
    return {
        "kind": sum(s.kind_right for s in scores) / n,
        "category": sum(s.category_right for s in scores) / tips,
        "urgency": sum(s.severity_right for s in scores) / tips,
        "calm": sum(len(s.false_alarms) for s in scores),
        "danger": sum(len(s.danger_missed) for s in scores),
        "ads": sum(s.spam_right for s in scores),
        "ads_of": sum(s.spam for s in scores),
        "n": n,
        "tips": tips,
    }


def measure(tables: list[tuple[list[dict[str, Any]], TableReader]]) -> dict[str, Any]:
    """The totals, and the tips the line did not make tips (read as other, spam or a
    question: "tips lost") and the messages no ad it made ads ("false ads")."""
    scores = []
    lost = false_ads = 0
    for items, reader in tables:
        decide = decide_with(reader)
        got = {c["text"]: decide(c["text"]) for c in items}
        scores.append(score_messages(items, got.__getitem__))
        for c in items:
            verdict = got[c["text"]]
            lost += c["expect"]["kind"] == "tip" and verdict.kind != "tip"
            false_ads += not c["expect"].get("spam") and bool(getattr(verdict, "spam", False))
    return {**total(scores), "lost": lost, "false_ads": false_ads}


def line(label: str, t: dict[str, Any]) -> str:
    return (
        f"{label:40} kind {t['kind']:.1%} category {t['category']:.1%} urgency "
        f"{t['urgency']:.1%} calm-urgent {t['calm']} danger-normal {t['danger']} "
        f"ads {t['ads']}/{t['ads_of']} false-ads {t.get('false_ads')} tips-lost "
        f"{t.get('lost')} ({t['n']} msgs, {t['tips']} tips)"
    )


VARIANTS: dict[str, Variant] = {
    "base": Variant("words", lr()),
    "base-balanced": Variant("words", lr(balanced=True)),
    "base-C100": Variant("words", lr(100.0)),
    "base-C10": Variant("words", lr(10.0)),
    "folded": Variant("words+folded", lr()),
    "folded-md2": Variant("words+folded", lr(), min_df=2),
    "marked-folded-md2": Variant("words+marked-folded", lr(), min_df=2),
    "trigrams": Variant("words+trigrams", lr()),
    "chars": Variant("chars", lr()),
    "words+chars": Variant("words+chars", lr()),
    "words+chars-md2": Variant("words+chars", lr(), min_df=2),
    "words+folded+chars": Variant("words+folded+chars", lr()),
    "words+chars4": Variant("words+chars4", lr()),
    "words+chars-balanced": Variant("words+chars", lr(balanced=True)),
    "svm": Variant("words", svm()),
    "svm-chars": Variant("words+chars", svm()),
    "svm-C0.3": Variant("words", svm(0.3)),
    "svm-C3": Variant("words", svm(3.0)),
    "svm-balanced": Variant("words", svm(balanced=True)),
    "svm-cv5": Variant("words", svm(cv=5)),
    "svm-folded": Variant("words+folded", svm()),
    "svm-folded-md2": Variant("words+folded", svm(), min_df=2),
    "svm-md2": Variant("words", svm(), min_df=2),
    "base-md2": Variant("words", lr(), min_df=2),
    "svm-trigrams": Variant("words+trigrams", svm()),
    "cnb": Variant("words", cnb()),
    "cnb-chars": Variant("words+chars", cnb()),
    "ens-words-chars": Variant("words", lr(), partner=Variant("chars", lr())),
    "ens-lr-svm": Variant("words", lr(), partner=Variant("words+chars", svm())),
}

SWEEPS: dict[str, list[float]] = {
    "kind_from": [0.6, 0.7, 0.8, 0.9],
    "report_from": [0.7, 0.85, 0.95],
    "overrule_from": [0.5, 0.6, 0.7, 0.8],
    "other_from": [0.2, 0.3, 0.4, 0.5],
    "raise_from": [0.4, 0.5, 0.6, 0.7],
    "lower_below": [0.08, 0.12, 0.2],
    "spam_from": [0.8, 0.9, 0.95],
    "unmatched_other_from": [0.5, 0.6, 0.7],
    "marked_from": [0.4, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9],
}


def main() -> None:
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    sweep = "--sweep" in sys.argv
    results: dict[str, Any] = {}
    rules_scores = []
    set6 = cases("messages_tuning6.jsonl")
    folds = {name: cases(f"messages_{name}.jsonl") for name in HELD_OUT}
    for items in folds.values():
        rules_scores.append(score_messages(items, by_rules))
    if "--rules" in sys.argv:
        print(line("rules alone", total(rules_scores)), flush=True)
    print(line("rules alone, set 6", total([score_messages(set6, rules_module.by_rules)])))
    everything = trainer.training_files(shipped=False)
    for name in names:
        start = time.monotonic()
        saved = TABLES / f"{name}.pkl"
        if "|" in name:  # the first variant's heads but the second's category
            mixes = []
            for part in name.split("|"):
                with (TABLES / f"{part}.pkl").open("rb") as f:
                    mixes.append(pickle.load(f))
            (fa, sa, na), (fb, sb, nb) = mixes
            fold_probs = [replace(a, category=b.category) for a, b in zip(fa, fb, strict=True)]
            probs6, size6 = replace(sa, category=sb.category), na
        elif "&" in name:  # an even mix of two variants' tables
            mixes = []
            for part in name.split("&"):
                with (TABLES / f"{part}.pkl").open("rb") as f:
                    mixes.append(pickle.load(f))
            (fa, sa, na), (fb, sb, nb) = mixes
            fold_probs = [a.mixed(b) for a, b in zip(fa, fb, strict=True)]
            probs6, size6 = sa.mixed(sb), na + nb
        elif saved.exists():
            with saved.open("rb") as f:
                fold_probs, probs6, size6 = pickle.load(f)
        else:
            variant = VARIANTS[name]
            fold_probs = []
            for held, items in folds.items():
                kept = [n for n in everything if f"_{held}." not in n]
                probs, _, _ = probabilities(variant, kept, [c["text"] for c in items])
                fold_probs.append(probs)
            probs6, size6, _ = probabilities(variant, everything, [c["text"] for c in set6])
            TABLES.mkdir(exist_ok=True)
            with saved.open("wb") as f:
                pickle.dump((fold_probs, probs6, size6), f)
        tables = [
            (items, TableReader(probs, SHIPPED.min_words))
            for items, probs in zip(folds.values(), fold_probs, strict=True)
        ]
        reader6 = TableReader(probs6, SHIPPED.min_words)

        def run(tables: list[Any] = tables, reader6: TableReader = reader6) -> tuple[Any, Any]:
            return measure(tables), measure([(set6, reader6)])

        with_thresholds()
        held_t, six_t = run()
        took = time.monotonic() - start
        print(line(f"{name}", held_t), f"features {size6}, {took:.0f} s", flush=True)
        print(line(f"{name}, set 6", six_t), flush=True)
        results[name] = {"held": held_t, "set6": six_t, "features": size6}
        if sweep:
            for key, values in SWEEPS.items():
                for value in values:
                    with_thresholds(**{key: value})
                    held_t, six_t = run()
                    print(line(f"  {name} {key}={value}", held_t), flush=True)
                    print(line(f"  {name} {key}={value}, set 6", six_t), flush=True)
                    results[f"{name} {key}={value}"] = {"held": held_t, "set6": six_t}
            with_thresholds()
    out = TABLES.with_name(f"{TABLES.name}-results.jsonl")
    with out.open("a", encoding="utf-8") as f:
        for key, value in results.items():
            f.write(json.dumps({"variant": key, **value}) + "\n")


if __name__ == "__main__":
    main()
