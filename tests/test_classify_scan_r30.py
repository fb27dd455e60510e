"""The scan groups its hits as it finds them (perf-30, `_grouped`): the same groups, each
with the same hits in the same order, the groups themselves in the same order, as the
hits scanned, compounds dropped and grouped apart (`_by_group(_without_compounds(...))`),
on messages typed with and without marks, with compounds and groups said again."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from shared.core.classify import (
    Hit,
    _by_group,
    _compounds_dropped,
    _grouped,
    _longest,
    _scan,
    _tokenise,
    _without_compounds,
    load_rules,
)

_FIXTURES = Path(__file__).parent / "fixtures"

_MESSAGES = (
    # a compound ("đánh thức", "bê tông") beside a category's word
    "sáng nay bị đánh thức vì tiếng khoan bê tông, xong thằng hàng xóm đánh vợ",
    "xe tông vào đống bê tông ở đầu hẻm, người đi xe bị thương",
    "danh thuc con di hoc thi nghe ben nha ke ben danh nhau",
    # a group said again, one inside a longer one ("cháy" in "cháy nhà")
    "cháy nhà ở hẻm 12, cháy lớn lắm, khói đen, có người kẹt trong nhà",
    "chay nha o hem 12 chay lon lam co nguoi ket ben trong",
    # typed with marks elsewhere, a word without them
    "có người cam dao đứng trước cổng trường đe dọa học sinh",
    "hỏi thủ tục đăng ký tạm trú cho người thuê trọ thì làm ở đâu ạ?",
    "ok",
)


def _texts() -> list[str]:
    """Every non-blind fixture's text, and the messages above."""
    texts = list(_MESSAGES)
    for path in sorted(_FIXTURES.glob("*.jsonl")):
        if "blind" in path.name:
            continue
        for line in path.open(encoding="utf-8"):
            try:
                item = json.loads(line)
            except ValueError:
                continue
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
    return list(dict.fromkeys(texts))


def _apart(text: str) -> list[tuple[str, list[Hit]]]:
    rules = load_rules()
    return list(_by_group(_without_compounds(_scan(_tokenise(text, rules), rules))).items())


def _as_scanned(text: str) -> list[tuple[str, list[Hit]]]:
    rules = load_rules()
    return list(_grouped(_tokenise(text, rules), rules).items())


@pytest.mark.parametrize("text", _MESSAGES)
def test_grouped_as_apart(text: str) -> None:
    assert _as_scanned(text) == _apart(text)


def test_grouped_as_apart_on_every_fixture() -> None:
    texts = _texts()
    assert len(texts) > 1000
    assert [text for text in texts if _as_scanned(text) != _apart(text)] == []


def test_compounds_and_repeats_are_met() -> None:
    """The messages above hold what the grouping treats apart: a compound, a group said
    more than once with a hit inside a longer one."""
    rules = load_rules()
    compounds = repeats = 0
    for text in _MESSAGES[:5]:
        hits = _scan(_tokenise(text, rules), rules)
        compounds += any(hit[0] == "compound" for hit in hits)
        repeats += any(len(items) > 1 for items in _by_group(list(hits)).values())
    assert compounds >= 1
    assert repeats >= 1


def _hits(rng: random.Random) -> list[Hit]:
    """Hits in order of start, as `_scan` finds them, some of them compounds."""
    hits: list[Hit] = []
    for start in range(rng.randint(1, 10)):
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            group = rng.choice(("a", "b", "c", "compound"))
            length = rng.randint(1 if group != "compound" else 2, 3)
            hits.append((group, f"{group}{start}{length}", start, start + length, True, 0))
    return hits


def test_compounds_dropped_as_without_compounds() -> None:
    """On random hits: where `_compounds_dropped` answers, the groups are those of the
    hits kept, grouped (order of the groups included); where it does not, a group lost its
    first hit and kept a later one."""
    rng = random.Random(30)
    answered = declined = 0
    for _ in range(20000):
        hits = _hits(rng)
        if not any(hit[0] == "compound" for hit in hits):
            continue
        groups: dict[str, list[Hit]] = {}
        repeated: list[list[Hit]] = []
        for hit in hits:
            items = groups.setdefault(hit[0], [])
            items.append(hit)
            if len(items) == 2:
                repeated.append(items)
        before = {group: list(items) for group, items in groups.items()}
        if _compounds_dropped(groups, repeated):
            answered += 1
            if repeated:
                _longest(repeated)
            assert list(groups.items()) == list(_by_group(_without_compounds(hits)).items())
        else:
            declined += 1
            kept = _without_compounds(hits)
            assert any(
                items[0] not in kept and any(h in kept for h in items[1:])
                for items in before.values()
            )
    assert answered > 1000
    assert declined > 10
