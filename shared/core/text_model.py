"""A second opinion on a message's kind, category, urgency and whether it is an ad,
learned from labelled messages.

The phrase rules (`classify.yaml`) are exact and explain themselves, but they
generalise slowly: on each fresh set written by someone who had not seen them,
they got 80–90 % of categories right. A linear model over the message's words and
word pairs, trained on the labelled sets the rules were tuned on, sees phrasings
the rules have no entry for. Where `classify` lets it speak (a tip's urgency and
category within limits, a message nothing matched, a question read as a report:
see `with_urgency`, `with_opinion` and `as_report` there) is decided there;
this module only scores it, a tip in one pass (`tip_reading`).

The model is data (`shared/data/text_model.json`, written by
`scripts/train_text_model.py` from the tuning fixtures, never from a blind set):
term frequency (1 + ln tf) times the stored idf, normalised to unit length,
dotted with each class's weights, a softmax (a logistic for urgency and for
advertising). The file
keeps each weight already multiplied by its feature's idf, so a message whose
words each occur once costs one column sum per class (in C, through `zip`).
It is loaded prebuilt (`shared/data/text_model.pickle`) while that is current.
"""

from __future__ import annotations

import base64
import json
import math
import os
import pickle
import sys
from array import array
from dataclasses import dataclass, field
from functools import cache
from itertools import islice, pairwise, repeat
from operator import add, mul, sub, truediv
from typing import Protocol, SupportsIndex

from shared.core import prebuilt

OPINION = "mô hình: "  # how the model's opinions begin among a decision's reasons
_CORE = os.path.dirname(__file__)
MODEL_PATH = os.path.join(os.path.dirname(_CORE), "data", "text_model.json")
# The model as built from MODEL_PATH, shipped prebuilt (`shared.core.prebuilt`)
PREBUILT_MODEL_PATH = os.path.join(os.path.dirname(_CORE), "data", "text_model.pickle")
# The code that defines and validates the model: a change makes the prebuilt one stale.
MODEL_CODE = tuple(os.path.join(_CORE, name) for name in ("text_model.py", "text_model_file.py"))


@dataclass(frozen=True)
class Opinion:
    """The most probable class of each head, with its probability."""

    kind: str | None  # None: not read (the rules made it a tip: `TextModel.tip_reading`)
    kind_p: float
    category: str
    category_p: float
    spam_p: float = 0.0  # how likely it is advertising sent to the line

    def __init__(
        self,
        kind: str | None,
        kind_p: float,
        category: str,
        category_p: float,
        spam_p: float = 0.0,
    ) -> None:
        # The fields at once, where the frozen dataclass's own __init__ sets each through
        # object.__setattr__: one a message read (as `shared.core.classify.Classification`;
        # kept in step with the fields by tests/test_text_model.py).
        fields = {"kind": kind, "kind_p": kind_p, "category": category}
        fields |= {"category_p": category_p, "spam_p": spam_p}
        object.__setattr__(self, "__dict__", fields)

    @staticmethod
    def urgency_reason(p: float, severity: str) -> str:
        """The model's urgency as it decided `severity`, with the probability it gives
        that: a tip raised from `raise_from` under one half still reads "urgent" (its
        learned urgency, `Classification.severity_learned`), never "normal (0.55)"."""
        return (
            f"{OPINION}urgent ({p:.2f})"
            if severity == "urgent"
            else f"{OPINION}normal ({1 - p:.2f})"
        )

    def reason(self, head: str) -> str:
        """How the opinion shows among a decision's reasons (an officer sees it)."""
        if head == "kind":
            return f"{OPINION}{self.kind} ({self.kind_p:.2f})"
        if head == "spam":
            return f"{OPINION}spam ({self.spam_p:.2f})"
        return f"{OPINION}{self.category} ({self.category_p:.2f})"


class Reader(Protocol):
    """What `shared.core.classify.weigh` reads a message with: the shipped model, or
    one trained without a set (scripts/heldout_opinion.py)."""

    @property
    def min_words(self) -> int: ...

    def opinion(self, words: tuple[str, ...]) -> Opinion: ...

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]: ...


@dataclass(frozen=True)
class TextModel:
    """The learned second opinion: each feature's weights for each head, and the thresholds."""

    kinds: tuple[str, ...]
    categories: tuple[str, ...]
    kind_bias: tuple[float, ...]
    category_bias: tuple[float, ...]
    severity_bias: float
    kind_from: float
    report_from: float
    unmatched_other_from: float
    other_from: float
    marked_from: float
    overrule_from: float
    rules_only: frozenset[str]
    raise_from: float
    lower_below: float
    spam_bias: float
    spam_from: float
    min_words: int
    offsets: dict[str, int]  # feature -> where its row starts in `weights`
    # an array("f") when built; unpickled, a view of the pickle's bytes (`_unpickled_model`)
    weights: array | memoryview  # type: ignore[type-arg]
    width: int  # a row: idf, the weight of every kind and category, urgency's, spam's
    trained_on: dict[str, str]
    rows: _Rows = field(init=False, compare=False, repr=False)  # `_Rows`, made on first use

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "rows", _Rows(self.offsets, self.weights, self.width, len(self.kinds))
        )

    def __reduce__(self) -> tuple[object, ...]:
        # Prebuilt (`shared.core.prebuilt`), the features' offsets are pickled in small
        # pieces by their first letters, each made a dict on the first lookup that needs
        # it: the 43,000-entry dict was ≈ 12 ms of the webhook's start (bench/README.md,
        # round 15), and a message looks up some thirty features. `offsets` is made whole
        # only when asked for by name (tests, `==`), never by a message.
        # The weights go as their bytes, viewed as floats where they are unpickled: an
        # array is copied from the pickle's bytes once more (≈ 2 ms of the start, 3.4 MB).
        state = {k: v for k, v in self.__dict__.items() if k not in ("offsets", "rows")}
        state["weights"] = (self.weights.tobytes(), sys.byteorder)
        return (_unpickled_model, (state, _pieces(self.offsets)))

    def __reduce_ex__(self, protocol: SupportsIndex) -> tuple[object, ...]:
        # From protocol 5 the weights go as a buffer, which the prebuilt file stores
        # apart and unpickles as a view of the mapped file: no 3.4 MB copy at start
        # (bench/README.md, round 17).
        rebuild, (state, pieces) = self.__reduce__()
        if int(protocol) >= 5:
            packed, byteorder = state["weights"]
            state["weights"] = (pickle.PickleBuffer(packed), byteorder)
        return (rebuild, (state, pieces))

    def opinion(self, words: tuple[str, ...]) -> Opinion:
        k, c = len(self.kinds), len(self.categories)
        scores = self._scores(words, c + 3 + k)  # categories, urgency, spam, norm, kinds
        if scores is None:
            return _opinion(self, list(self.kind_bias), list(self.category_bias), self.spam_bias)
        # (each sum its bias plus the score, in C: `map`, no comprehension's frame)
        kind = list(map(add, self.kind_bias, scores[c + 3 :]))
        category = list(map(add, self.category_bias, scores[:c]))
        return _opinion(self, kind, category, self.spam_bias + scores[c + 1])

    def tip_reading(self, words: tuple[str, ...]) -> tuple[Opinion, float]:
        """A tip of the rules': its category, how likely it is an ad and how likely it
        reports a danger now, in one pass over its rows (the kinds are not read)."""
        c = len(self.categories)
        summed = self._sums(words, c + 3)  # categories, urgency, spam, norm
        if summed is None:
            name, p = _softmax_best(self.categories, list(self.category_bias))
            spam_p = _logistic(self.spam_bias)
            return Opinion(None, 0.0, name, p, spam_p), _logistic(self.severity_bias)
        sums, norm = summed
        # each column read divided by the norm, then its bias added, as `_scores` and the
        # biases did (the same figures), with no list of the columns divided made first
        category = list(map(add, self.category_bias, map(truediv, sums[:c], repeat(norm))))
        name, p = _softmax_best(self.categories, category)
        spam_p = _logistic(self.spam_bias + sums[c + 1] / norm)
        return Opinion(None, 0.0, name, p, spam_p), _logistic(self.severity_bias + sums[c] / norm)

    def _scores(self, words: tuple[str, ...], columns: int) -> list[float] | None:
        """The first `columns` columns of the rows of a message's features (`_Rows`: the
        categories, urgency, spam, the idf squared, the kinds), each row weighted by
        (1 + ln tf), summed, and divided by the message's norm (None: none is known)."""
        summed = self._sums(words, columns)
        if summed is None:
            return None
        sums, norm = summed
        return list(map(truediv, sums, repeat(norm)))

    def _sums(self, words: tuple[str, ...], columns: int) -> tuple[list[float], float] | None:
        """The first `columns` columns of the rows of a message's features (`_Rows`: the
        categories, urgency, spam, the idf squared, the kinds), each row weighted by
        (1 + ln tf), summed, and the message's norm (None: none is known)."""
        features = [*words, *pairwise(words)]  # a pair as a tuple: see `_Rows`
        if len(set(words)) == len(words):
            # most messages: no word said twice, so no pair either (the pairs are not
            # hashed to tell), and 1 + ln 1 is 1: each row and its idf as they are
            vectors = list(filter(None, map(self.rows.__getitem__, features)))  # known ones
        else:
            vectors = self._counted(features)
        if not vectors:
            return None
        # `zip` makes a column only when asked: a tip's reading never makes the kinds'.
        # (Loops in C, `map`, wherever the figures stay the same: the model is a sixth of
        # a message's cost.) The norm is the root of the idf squared's column: the sum
        # of each row's idf times itself, in the rows' order, as it was summed apart.
        # (each column summed from a float, 0.0: `sum`'s start 0, an int, added the first
        # term as 0.0 + it, the same figure, the slow way, then summed the rest as floats;
        # from 0.0 every term is added in C as a float, round 31)
        sums = list(map(sum, islice(zip(*vectors, strict=True), columns), repeat(0.0)))
        return sums, math.sqrt(sums[len(self.categories) + 2])

    def _counted(self, features: list[Feature]) -> list[Row]:
        """The row of each known feature, scaled by 1 + ln tf, in order of first use. (The
        features counted in a loop: a `Counter` cost more than the rest of the reading.)"""
        counts: dict[Feature, int] = {}
        for feature in features:
            counts[feature] = counts.get(feature, 0) + 1
        rows = self.rows
        vectors = []
        for feature, tf in counts.items():
            row = rows[feature]
            if row is not None:
                vectors.append(row if tf == 1 else rows.scaled(feature, row, tf))
        return vectors


Feature = str | tuple[str, str]  # a word, or two neighbours (`features_of` joins them)
# A feature's weight in each category, urgency's, spam's, its idf squared, each kind's,
# then its idf (`_Rows`: the file's order rotated, so a tip's reading sums a prefix of
# the columns, the message's norm among them)
Row = tuple[float, ...]


class _Rows(dict[Feature, Row | None]):
    """Each known feature's row as Python floats, made on its first use: summing a
    message's rows from the packed floats made every number an object again on every
    message. A pair is looked up as the tuple `pairwise` gives, its text built only
    the first time. A known feature keeps its row (at most one per feature of the
    file); an unknown one is kept as None, up to `_UNKNOWN_KEPT` of them (a message
    holds two or three, each looked up again through `__missing__` otherwise; the
    bound keeps the memory of words nobody else writes).

    A row holds the file's columns (idf, kinds, categories, urgency, spam) rotated to
    categories, urgency, spam, kinds, idf, with the idf squared after spam: most
    messages are tips, whose reading wants neither the kinds nor the idf's column
    summed, and the message's norm is the idf squared's column summed with the others
    (`TextModel._scores`)."""

    def __init__(
        self,
        offsets: dict[str, int],
        weights: array | memoryview,  # type: ignore[type-arg]
        width: int,
        kinds: int,
        pieces: dict[str, bytes] | None = None,
    ) -> None:
        super().__init__()
        self.offsets, self.weights, self.width = offsets, weights, width
        self.split = 1 + kinds  # where the categories begin in the file's row
        self.square = width - self.split  # the idf squared's column in a row (after spam)
        # the offsets not yet read, by the first letters of their features (`_pieces`)
        self.pieces = pieces or {}
        self.unknown = 0  # unknown features kept as None
        self.scaled_rows: dict[tuple[Feature, int], Row] = {}  # (`scaled`)

    def scaled(self, feature: Feature, row: Row, tf: int) -> Row:
        """A known feature's row scaled by 1 + ln tf, made on its first use: the words
        people repeat in a message are few and common ("có", "nó"), and scaling a row cost
        as much as summing it. Kept up to `_SCALED_KEPT` of them."""
        made = self.scaled_rows.get((feature, tf))
        if made is None:
            scaled = list(map(mul, row, repeat(1.0 + math.log(tf))))  # v * scale, in C
            scaled[self.square] = scaled[-1] * scaled[-1]  # the scaled idf's square
            made = tuple(scaled)
            if len(self.scaled_rows) < _SCALED_KEPT:
                self.scaled_rows[(feature, tf)] = made
        return made

    def __missing__(self, feature: Feature) -> Row | None:
        key = feature if isinstance(feature, str) else " ".join(feature)
        pieces = self.pieces
        if pieces and (piece := pieces.get(key[:_PIECE])) is not None:
            # read before it is dropped: a thread that finds it gone finds its offsets
            # (the webhook's first requests arrive together)
            self.offsets.update(pickle.loads(piece))
            pieces.pop(key[:_PIECE], None)
        offset = self.offsets.get(key)
        if offset is None:
            if self.unknown < _UNKNOWN_KEPT:
                self.unknown += 1
                self[feature] = None
            return None
        packed = self.weights[offset : offset + self.width]
        idf = packed[0]
        row = self[feature] = (*packed[self.split :], idf * idf, *packed[1 : self.split], idf)
        return row


# At most so many unknown features are remembered as unknown (`_Rows`): ≈ 10 MB at most.
_UNKNOWN_KEPT = 65536
# At most so many scaled rows are kept (`_Rows.scaled`): ≈ 2 MB at most.
_SCALED_KEPT = 8192

# A feature's piece of the prebuilt offsets: its first three characters (≈ 2,300 pieces of
# ≈ 19 features, the largest ≈ 620).
_PIECE = 3


def _pieces(offsets: dict[str, int]) -> dict[str, bytes]:
    grouped: dict[str, dict[str, int]] = {}
    for feature, offset in offsets.items():
        grouped.setdefault(feature[:_PIECE], {})[feature] = offset
    return {key: pickle.dumps(group, protocol=5) for key, group in grouped.items()}


class _OffsetsWhole:
    """`TextModel.offsets` of a model unpickled in pieces: made whole on its first use by
    name. Set on the class after the dataclass is made, so it is no field's default; a
    model's own value (built, or made whole) comes first. (Not a `__getattr__`: a class
    with one has every attribute read the slow way.)"""

    def __get__(self, model: TextModel | None, owner: type | None = None) -> object:
        if model is None:
            return self
        rows = getattr(model, "rows", None)
        if rows is None:
            raise AttributeError("offsets")
        offsets = dict(rows.offsets)
        for piece in list(rows.pieces.values()):
            offsets.update(pickle.loads(piece))
        object.__setattr__(model, "offsets", offsets)
        return offsets


TextModel.offsets = _OffsetsWhole()  # type: ignore[assignment]


def _unpickled_model(state: dict[str, object], pieces: dict[str, bytes]) -> TextModel:
    model = object.__new__(TextModel)
    packed, byteorder = state["weights"]
    weights: array | memoryview  # type: ignore[type-arg]
    if byteorder == sys.byteorder:
        weights = memoryview(packed).cast("f")  # read-only, as the model never writes it
    else:  # pickled on a machine of the other byte order
        weights = array("f", bytes(packed))
        weights.byteswap()
    state = {**state, "weights": weights}
    # attribute by attribute, so their names are interned (`classify._unpickled_rules`)
    for name, value in state.items():
        object.__setattr__(model, name, value)
    rows = _Rows({}, model.weights, model.width, len(model.kinds), pieces)
    object.__setattr__(model, "rows", rows)
    return model


def is_opinion_of(label: str, reasons: tuple[str, ...]) -> bool:
    """Whether `reasons` hold the model's opinion for `label` (a category, a kind)."""
    # (a loop: twice a tip weighed, a `map` with its `repeat` made for one to three reasons;
    # most reasons are the rules' phrases, told apart by their first letters before the
    # label's own beginning is made: on 3.11 `startswith` is a method of its arguments in
    # a tuple, the letters compared cost a third less)
    for reason in reasons:
        if reason[:_OPINION_LENGTH] == OPINION and reason.startswith(f"{OPINION}{label} ("):
            return True
    return False


_OPINION_LENGTH = len(OPINION)


def features_of(words: tuple[str, ...]) -> list[str]:
    """The folded words and each pair of neighbours, as the model was trained on."""
    return list(words) + [f"{a} {b}" for a, b in pairwise(words)]


def _logistic(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-z))


def _softmax_best(classes: tuple[str, ...], scores: list[float]) -> tuple[str, float]:
    top = max(scores)
    best = scores.index(top)  # the first highest, as max() picks it
    # the best's own term is exp(top - top), 1.0 exactly: the terms are only summed
    # (in C, `map`: the same terms summed in the same order, with no comprehension's frame)
    return classes[best], 1.0 / sum(map(math.exp, map(sub, scores, repeat(top))), 0.0)


def _opinion(model: TextModel, kind: list[float], category: list[float], spam: float) -> Opinion:
    kind_name, kind_p = _softmax_best(model.kinds, kind)
    category_name, category_p = _softmax_best(model.categories, category)
    return Opinion(kind_name, kind_p, category_name, category_p, _logistic(spam))


def build_model(data: object) -> TextModel:
    """Validate a model file's content: heads, and one row of weights per feature."""
    if not isinstance(data, dict):
        raise ValueError("a model file is an object")
    names = data.get("features")
    packed = data.get("weights")
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError("`features` is a list of strings")
    if not isinstance(packed, str):
        raise ValueError("`weights` is base64 text")
    from shared.core.text_model_file import ModelFile

    file = ModelFile.model_validate(
        {k: v for k, v in data.items() if k not in ("features", "weights")}
    )
    width = 1 + len(file.kind.classes) + len(file.category.classes) + 2
    weights = array("f")
    weights.frombytes(base64.b64decode(packed, validate=True))
    if sys.byteorder != "little":
        weights.byteswap()
    if len(weights) != width * len(names):
        raise ValueError(f"`weights` must hold {width} numbers (idf and weights) per feature")
    offsets = {name: i * width for i, name in enumerate(names)}
    return TextModel(
        kinds=file.kind.classes,
        categories=file.category.classes,
        kind_bias=file.kind.bias,
        category_bias=file.category.bias,
        severity_bias=file.severity.bias,
        kind_from=file.kind.overrule_from,
        report_from=file.kind.report_from,
        unmatched_other_from=file.kind.other_from,
        other_from=file.category.other_from,
        marked_from=file.category.marked_from,
        overrule_from=file.category.overrule_from,
        rules_only=frozenset(file.category.rules_only),
        raise_from=file.severity.raise_from,
        lower_below=file.severity.lower_below,
        spam_bias=file.spam.bias,
        spam_from=file.spam.spam_from,
        min_words=file.min_words,
        offsets=offsets,
        weights=weights,
        width=width,
        trained_on=file.trained_on,
    )


@cache
def load_model(path: str = MODEL_PATH, prebuilt_path: str = PREBUILT_MODEL_PATH) -> TextModel:
    """The model, once: prebuilt when `prebuilt_path` was built from the model file and
    `MODEL_CODE` as they are now, else validated from the file (`model_from_file`).
    The tests validate the file before a deploy (tests/test_text_model.py) and check
    the prebuilt model is current (tests/test_prebuilt.py)."""
    model = prebuilt.load(prebuilt_path, model_sources(path), TextModel)
    return model if model is not None else model_from_file(path)


def model_sources(path: str = MODEL_PATH) -> tuple[str, ...]:
    """What the model is built from: the model file and the code (`MODEL_CODE`)."""
    return (path, *MODEL_CODE)


def model_from_file(path: str = MODEL_PATH) -> TextModel:
    with open(path, encoding="utf-8") as f:
        return build_model(json.load(f))
