"""Train the classifier's second opinion (shared/core/text_model.py) from the tuning fixtures.

    .venv/bin/python scripts/train_text_model.py        # writes shared/data/text_model.json

and then its prebuilt form (scripts/compile_data.py: shared/data/text_model.pickle).

Trained only on the sets the rules were tuned on (tests/understanding.py: every
set but the blind ones, and the sets of questions alone), the sets written only
to train it (`TRAINING`) and tests/fixtures/classify.jsonl; never on a blind set
or classify_blind/classify_heldout, which stay measures. Kind learns from every
message and from the questions sets (each question a "question", except those
asking for an officer); category from the tips (the first category each lists); urgency from the
tips and the rule file's severity examples; advertising from every message and question
(`spam: true` or not).

scikit-learn (`pip install -r requirements-train.txt`; not needed to run or test
the line) fits the weights; the line scores them in pure Python with the same
features (`analyse`: `features_of` over the rules' own words, `model_words`), each
kept when seen in `MIN_DF` training messages or more. The file
records a hash of each training file's labelled lines: tests/test_text_model.py
fails when a fixture changed and the model was not trained again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import sys
from array import array
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core.classify import model_words  # noqa: E402
from shared.core.text_model import MODEL_PATH, features_of  # noqa: E402
from tests.understanding import (  # noqa: E402
    BLIND,
    FIXTURES,
    HEADS_TAUGHT,
    KEPT_OUT,
    MESSAGE_SETS,
    QUESTION_SETS,
    SETS,
    TRAINING,
    UNTRAINED,
    UNTRAINED_MESSAGES,
    URGENCY_TAUGHT,
)

# weak regularisation: few examples a class; chosen on held-out sets 4-7. Round 9: C = 300
# with every threshold chosen again held out (13 sets) is no better than 30 chosen alike
C = 30.0
# How far the model's word counts against the rules': chosen on messages the rules never
# saw (set 10 before it was worked on, and the six sets written only to train the model),
# each held out in turn from the model's training (scripts/heldout_opinion.py).
KIND_FROM = 0.8  # a message nothing matched becomes a tip only when this sure
REPORT_FROM = 0.85  # a question naming no procedure is handed to an officer when this sure
# A long message nothing matched is a tip of category other by default (never dropped);
# from this sure of "other" (and not of a danger now), the model makes it other. Round 9,
# each of 15 training sets held out in turn: of 399 such default tips (315 real tips, 84
# not), 0.6 reads 38 as other, every one rightly (0.5: 42, 0.7: 28; none a tip lost)
UNMATCHED_OTHER_FROM = 0.6
OTHER_FROM = 0.3  # where the rules found no category: the model's, from this sure
# the same in a message typed with marks, where the rules' silence says more: they read
# "hàng da" (leather) apart from "hàng đá" (meth); the model's words are less sure of it.
# Round 9 chose the thresholds again together, each of 15 training sets held out in turn
# (3,129 messages): 0.2 here would name 50 more categories right, but only by taking the
# model's "drugs" for leather and "theft" for a child swept away by a flood; 0.2 for
# OTHER_FROM and 0.5 for OVERRULE_FROM gain 0.6 points of category together: both kept
MARKED_FROM = 0.5
OVERRULE_FROM = 0.6  # over a category the rules named, from this sure
RAISE_FROM = 0.45  # a tip the rules rated normal is urgent when the model is this sure
# a tip the rules rated urgent is normal when the model gives it less. Round 8, with set
# 12d (danger now beside the same events over) teaching urgency, held out on eleven sets:
# 0.2 -> people in danger rated normal 18, calm tips urgent 13, but 1 in 9 of the rules'
# generated fires and weapons told as "nhờ các anh kiểm tra" lowered; 0.15 -> 18, 18 and
# the generated cases' urgency back at 0.90 (without 12d at 0.2: 23, 11). With questions
# set 14 in training, 0.15 lowered three more of the rules' generated threats, fires and
# explosions (0.899); 0.12 holds them (0.910), every tuning set unchanged. Round 9, held
# out on 15 sets: 0.15 rates 3 fewer calm tips urgent, but the generated cases fall to
# 0.8998 again: kept
LOWER_BELOW = 0.12
# A fire pages the city's fire department: only the rules' fire context names one ("chay
# xe" is riding a motorbike, "khói thuốc" is a cigarette), never the model's guess.
RULES_ONLY = ("fire",)
MIN_WORDS = 6  # shorter messages are the rules' alone
# An ad is kind other, spam, whatever the rules read, when the model is this sure. Held
# out (2,353 messages, 218 ads): the rules alone recognise 97 ads; with the model from 0.9,
# 109 and no tip lost; from 0.5 to 0.8, 143 to 115, but a scam reported in the ad's own
# words ("tuyển CTV online ... phải nạp tiền trước ..., scam rõ ràng") is lost to it
SPAM_FROM = 0.9


# In how many training messages a feature must be seen to be kept. Round 12 (bench/
# README.md): 2, with the folded words of a marked message beside them, keeps every
# held-out gate (category +1.9 points) and halves the features, but fails six of the
# line's tests ("hàng da thuộc" read as drugs, the generated cases' urgency): not taken
MIN_DF = 1

ALL_HEADS = ("kind", "category", "severity", "spam")

# How many lbfgs iterations each head is fitted for, whatever its gradient then. C and every
# threshold here were chosen with heads that stopped at scikit-learn's default tolerance
# (1e-4), short of their optimum: that early stop is part of the model. Round 29: stopped
# by the tolerance, a retrain with two severity examples more (cat-28's overdose rule)
# stopped the urgency head at 36 iterations, not 50, and every weight moved 0.025 on
# average (0.0013 once fitted to the end): ten calm tips of tests/test_classify's generated
# cases crossed `RAISE_FROM` (urgency 0.904 -> 0.898, the target 0.90). Fitted to the end
# instead (tol 1e-6), the thresholds no longer hold: C 30 loses the blind sets pooled a
# kind and three categories, C 50 "hàng da thuộc" to drugs and four more of the line's
# tests. Pinned where round 27's fit stopped, the same examples give the shipped model
# again, to the bit, and a few more move it half as far, and smoothly.
ITERATIONS = {"kind": 53, "category": 72, "severity": 50, "spam": 25}


def head(name: str) -> Any:
    """One head of the model (`ALL_HEADS`), unfitted: fitted for its `ITERATIONS`, no
    tolerance stopping it sooner (the training's one solver: the held-out tools use it)."""
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(C=C, tol=_NO_TOLERANCE, max_iter=ITERATIONS[name])


_NO_TOLERANCE = 1e-30


def fit(name: str, words: Any, pairs: list[tuple[str, str]]) -> Any:
    """`head(name)` fitted on `pairs` (text, label) with the fitted vectoriser `words`; the
    solver's warning that it stopped at its iterations silenced (it is told to)."""
    import warnings

    from sklearn.exceptions import ConvergenceWarning

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        fitted = head(name).fit(words.transform([t for t, _ in pairs]), [y for _, y in pairs])
    if int(fitted.n_iter_.max()) != ITERATIONS[name]:
        raise SystemExit(f"the {name} head stopped at {fitted.n_iter_}, not {ITERATIONS[name]}")
    return fitted


def analyse(doc: str | tuple[str, ...]) -> list[str]:
    """The features of a text, or of a message's model words (as the line's `weigh`
    hands them to a reader): what the line's `TextModel` sums (tests/test_text_model.py)."""
    return features_of(doc if isinstance(doc, tuple) else model_words(doc))


def vectoriser() -> Any:
    """The term weighting the line scores with (`shared.core.text_model`), unfitted."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    return TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=MIN_DF)


def training_files(shipped: bool = True) -> list[str]:
    """The files the shipped model learns from; `shipped=False`, without the untaught sets
    it is taught the urgency of (`URGENCY_TAUGHT`): where the held-out tools start from."""
    tuning = [s for s in SETS if s not in BLIND]
    return (
        ["classify.jsonl"]
        + [f"messages_{s}.jsonl" for s in tuning]
        + [f"questions_{s}.jsonl" for s in tuning]
        + [f"questions_{s}.jsonl" for s in QUESTION_SETS if s not in (*KEPT_OUT, *UNTRAINED)]
        + [f"messages_{s}.jsonl" for s in MESSAGE_SETS if s not in UNTRAINED_MESSAGES]
        + [f"messages_{s}.jsonl" for s in TRAINING]
        + [f"messages_{s}.jsonl" for s in URGENCY_TAUGHT if shipped and s not in KEPT_OUT]
    )


def labelled_lines(name: str) -> list[str]:
    with (FIXTURES / name).open(encoding="utf-8") as f:
        return [line for line in f if line.strip() and not line.startswith("#")]


def fingerprint(name: str) -> str:
    return hashlib.sha256("".join(labelled_lines(name)).encode()).hexdigest()


Pairs = list[tuple[str, str]]


RULES_FILE = "classify.yaml (severity examples)"


def severity_examples() -> Pairs:
    """The rule file's own urgent and normal examples of each severity rule: where
    each danger starts and stops ("đoàn cứu trợ" is no cry for help, "hôm qua"
    is over), taught to the model's urgency too."""
    import yaml

    from shared.core.classify import RULES_PATH

    with open(RULES_PATH, encoding="utf-8") as f:
        rules = yaml.safe_load(f)["severity"]["rules"]
    return [
        (text, label)
        for rule in rules
        for label in ("urgent", "normal")
        for text in rule.get("examples", {}).get(label, []) or []
    ]


def fingerprints() -> dict[str, str]:
    """What the model was trained on: each source and a hash of its labelled content."""
    found = {name: fingerprint(name) for name in training_files()}
    pairs = json.dumps(severity_examples(), ensure_ascii=False)
    found[RULES_FILE] = hashlib.sha256(pairs.encode()).hexdigest()
    return found


def examples(files: list[str] | None = None) -> tuple[Pairs, Pairs, Pairs, Pairs]:
    """(text, kind), (text, category), (text, severity) and (text, spam) pairs of
    `files` (all the training files when None) and the rule file's severity examples."""
    kinds: Pairs = []
    categories: Pairs = []
    severities: Pairs = []
    ads: Pairs = []
    for name in training_files() if files is None else files:
        for line in labelled_lines(name):
            case = json.loads(line)
            expect = case["expect"]
            if name.startswith("questions_"):
                if expect.get("answer") != "handoff":
                    kinds.append((case["text"], "question"))
                ads.append((case["text"], "not"))
                continue
            heads = next((h for s, h in HEADS_TAUGHT.items() if f"_{s}." in name), ALL_HEADS)
            if "spam" in heads:
                ads.append((case["text"], "spam" if expect.get("spam") else "not"))
            if expect["kind"] == "tip" and "severity" in expect and "severity" in heads:
                severities.append((case["text"], expect["severity"]))
            if "kind" in heads:
                kinds.append((case["text"], expect["kind"]))
            if expect["kind"] == "tip" and "category" in expect and "category" in heads:
                category = expect["category"]
                categories.append(
                    (case["text"], category if isinstance(category, str) else category[0])
                )
    return kinds, categories, severities + severity_examples(), ads


def main() -> None:
    kinds, categories, severities, ads = examples()
    terms = vectoriser()
    terms.fit([t for t, _ in kinds])
    examples_of = (kinds, categories, severities, ads)
    heads = [fit(name, terms, pairs) for name, pairs in zip(ALL_HEADS, examples_of, strict=True)]
    kind, category, severity, spam = heads
    assert list(severity.classes_) == ["normal", "urgent"]  # coef_ is urgent's logit
    assert list(spam.classes_) == ["not", "spam"]  # coef_ is spam's logit
    idf = terms.idf_
    names = sorted(terms.vocabulary_)
    packed = array("f")
    for feature in names:
        index = terms.vocabulary_[feature]
        packed.append(float(idf[index]))
        packed.extend(float(idf[index] * w) for w in kind.coef_[:, index])
        packed.extend(float(idf[index] * w) for w in category.coef_[:, index])
        packed.append(float(idf[index] * severity.coef_[0, index]))
        packed.append(float(idf[index] * spam.coef_[0, index]))
    if sys.byteorder != "little":
        packed.byteswap()
    data = {
        "min_words": MIN_WORDS,
        "trained_on": fingerprints(),
        "fit": {"c": C, "iterations": ITERATIONS},
        "kind": {
            "classes": [str(c) for c in kind.classes_],
            "bias": [float(b) for b in kind.intercept_],
            "overrule_from": KIND_FROM,
            "report_from": REPORT_FROM,
            "other_from": UNMATCHED_OTHER_FROM,
        },
        "category": {
            "classes": [str(c) for c in category.classes_],
            "bias": [float(b) for b in category.intercept_],
            "other_from": OTHER_FROM,
            "marked_from": MARKED_FROM,
            "overrule_from": OVERRULE_FROM,
            "rules_only": list(RULES_ONLY),
        },
        "severity": {
            "bias": float(severity.intercept_[0]),
            "raise_from": RAISE_FROM,
            "lower_below": LOWER_BELOW,
        },
        "spam": {"bias": float(spam.intercept_[0]), "spam_from": SPAM_FROM},
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
    # The prebuilt model the line loads must follow the file (tests/test_prebuilt.py).
    subprocess.run([sys.executable, str(ROOT / "scripts" / "compile_data.py")], check=True)


if __name__ == "__main__":
    main()
