"""Train the classifier's second opinion (shared/core/text_model.py) from the tuning fixtures.

    .venv/bin/python scripts/train_text_model.py        # writes shared/data/text_model.json

Trained only on the sets the rules were tuned on (tests/understanding.py: every
set but the blind ones) and tests/fixtures/classify.jsonl; never on a blind set
or classify_blind/classify_heldout, which stay measures. Kind learns from every
message and from the questions sets (each question a "question", except those
asking for an officer); category from the tips (the first category each lists).

scikit-learn (`pip install -r requirements-train.txt`; not needed to run or test
the line) fits the weights; the line scores them in pure Python with the same
features (`features_of` over the rules' own words, `model_words`). The file
records a hash of each training file's labelled lines: tests/test_text_model.py
fails when a fixture changed and the model was not trained again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import sys
from array import array
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core.classify import model_words  # noqa: E402
from shared.core.text_model import MODEL_PATH, features_of  # noqa: E402
from tests.understanding import BLIND, FIXTURES, SETS  # noqa: E402

C = 30.0  # weak regularisation: few examples a class; chosen on held-out sets 4-7
KIND_FROM = 0.8  # a message nothing matched becomes a tip only when this sure
OTHER_FROM = 0.4  # where the rules found no category ("other"), the model's from this
MIN_WORDS = 6  # shorter messages are the rules' alone


def training_files() -> list[str]:
    tuning = [s for s in SETS if s not in BLIND]
    return (
        ["classify.jsonl"]
        + [f"messages_{s}.jsonl" for s in tuning]
        + [f"questions_{s}.jsonl" for s in tuning]
    )


def labelled_lines(name: str) -> list[str]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return [line for line in f if line.strip() and not line.startswith("#")]


def fingerprint(name: str) -> str:
    return hashlib.sha256("".join(labelled_lines(name)).encode()).hexdigest()


def examples() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(text, kind) and (text, category) pairs."""
    kinds: list[tuple[str, str]] = []
    categories: list[tuple[str, str]] = []
    for name in training_files():
        for line in labelled_lines(name):
            case = json.loads(line)
            expect = case["expect"]
            if name.startswith("questions_"):
                if expect.get("answer") != "handoff":
                    kinds.append((case["text"], "question"))
                continue
            kinds.append((case["text"], expect["kind"]))
            if expect["kind"] == "tip" and "category" in expect:
                category = expect["category"]
                categories.append(
                    (case["text"], category if isinstance(category, str) else category[0])
                )
    return kinds, categories


def main() -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    kinds, categories = examples()

    def analyse(text: str) -> list[str]:
        return features_of(model_words(text))

    vectoriser = TfidfVectorizer(analyzer=analyse, sublinear_tf=True)
    vectoriser.fit([t for t, _ in kinds])
    heads = []
    for pairs in (kinds, categories):
        model = LogisticRegression(C=C, max_iter=5000)
        model.fit(vectoriser.transform([t for t, _ in pairs]), [label for _, label in pairs])
        heads.append(model)
    kind, category = heads
    idf = vectoriser.idf_
    names = sorted(vectoriser.vocabulary_)
    packed = array("f")
    for feature in names:
        index = vectoriser.vocabulary_[feature]
        packed.append(float(idf[index]))
        packed.extend(float(idf[index] * w) for w in kind.coef_[:, index])
        packed.extend(float(idf[index] * w) for w in category.coef_[:, index])
    if sys.byteorder != "little":
        packed.byteswap()
    data = {
        "min_words": MIN_WORDS,
        "trained_on": {name: fingerprint(name) for name in training_files()},
        "kind": {
            "classes": [str(c) for c in kind.classes_],
            "bias": [float(b) for b in kind.intercept_],
            "overrule_from": KIND_FROM,
        },
        "category": {
            "classes": [str(c) for c in category.classes_],
            "bias": [float(b) for b in category.intercept_],
            "other_from": OTHER_FROM,
        },
        "features": names,
        "weights": base64.b64encode(packed.tobytes()).decode(),
    }
    with open(MODEL_PATH, "w", encoding="utf-8") as f:
        json.dump(data, f, ensure_ascii=False, separators=(",", ":"))
        f.write("\n")
    print(
        f"{len(kinds)} kind and {len(categories)} category examples, "
        f"{len(names)} features -> {MODEL_PATH}"
    )


if __name__ == "__main__":
    main()
