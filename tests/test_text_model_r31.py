"""The model's column sums start from 0.0 (perf-31): `sum` from its default start, the int
0, adds the first term as 0 + it (0.0 + it, a float) and the rest as floats; from 0.0 it
adds every term as a float in C. The same additions in the same order: the same figures,
bit for bit, on the shipped model's rows for real messages (and on a negative zero)."""

from __future__ import annotations

import math
import struct
from itertools import islice, pairwise

from shared.core.classify import _tokenise, load_rules
from shared.core.text_model import _softmax_best, load_model

_MESSAGES = (
    "có cướp giật điện thoại ở đầu hẻm 12, nó chạy xe wave hướng chợ",
    "nha ben canh danh nhau um toi, co dao, tới nhanh giúp em",
    "hôm qua bị mất xe đạp trước cổng trường, xe màu xanh",
    "cho hỏi làm căn cước cần mang gì, làm ở đâu ạ",
    "khai truong giam gia 50% hom nay, lien he 0909 000 000",
    "nó nó đánh đánh con nó, ngày nào cũng đánh, tội con bé",
)


def _bits(values: list[float]) -> list[bytes]:
    return [struct.pack("<d", v) for v in values]


def test_sums_from_zero_float_are_the_int_starts() -> None:
    model, rules = load_model(), load_rules()
    for text in _MESSAGES:
        words = _tokenise(text, rules).model_words
        features = [*words, *pairwise(words)]
        vectors = list(filter(None, map(model.rows.__getitem__, features)))
        if len(set(words)) != len(words):
            vectors = model._counted(features)
        assert vectors, text
        columns = len(model.categories) + 3 + len(model.kinds)
        before = list(map(sum, islice(zip(*vectors, strict=True), columns)))
        summed = model._sums(words, columns)
        assert summed is not None
        sums, norm = summed
        assert _bits(sums) == _bits(before), text
        assert norm == math.sqrt(before[len(model.categories) + 2])


def test_negative_zero_and_softmax() -> None:
    assert _bits([sum([-0.0], 0.0)]) == _bits([sum([-0.0])])
    assert _bits([sum([-0.0, 1e-300], 0.0)]) == _bits([sum([-0.0, 1e-300])])
    scores = [0.3, -1.2, 2.5, 2.5, 0.0]
    name, p = _softmax_best(("a", "b", "c", "d", "e"), scores)
    expected = 1.0 / sum(math.exp(s - 2.5) for s in scores)
    assert (name, _bits([p])) == ("c", _bits([expected]))
