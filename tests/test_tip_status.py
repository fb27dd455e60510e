"""Pure: a tip code as citizens type it, and which tip a status question is about."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shared.core.refcode import find_code
from shared.core.tip import Tip, TipStatus
from shared.core.tip_status import asked, view

T0 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("TB-K5N9CX", "TB-K5N9CX"),
        ("tin bao tb-k5n9cx sao roi", "TB-K5N9CX"),
        ("TBK5N9CX", "TB-K5N9CX"),
        ("tb k5n9cx", "TB-K5N9CX"),
        ("mã TB - K5N9CX ạ", "TB-K5N9CX"),
        ("TB-K5N9C", "TB-K5N9C"),  # a five-character code, issued before six
        ("tbk5n9c", "TB-K5N9C"),
        ("tb nhanh giup", None),  # words, not a code: a spaced group needs a digit
        ("xtbk5n9cx", None),
        ("TB-K5N9CXY", None),
        ("TB-K5N0CX", None),  # 0 is not in the alphabet
    ],
)
def test_a_code_is_read_as_citizens_type_it(text: str, code: str | None) -> None:
    assert find_code(text) == code


def tip(ref: str, key: str, minutes: int, status: TipStatus = TipStatus.ROUTED) -> Tip:
    return Tip(ref, status, key, "oa", T0 + timedelta(minutes=minutes), routed_at=T0)


def test_only_the_informants_own_tips_are_asked_about() -> None:
    tips = [tip("TB-AAAAA", "r1", 0), tip("TB-BBBBB", "r1", 5), tip("TB-CCCCC", "r2", 9)]
    assert asked(tips, "r1", None).tip == tips[1]  # the latest of theirs
    assert asked(tips, "r1", "TB-AAAAA").tip == tips[0]
    other = asked(tips, "r1", "TB-CCCCC")
    assert other.tip is None and other.unknown_code == "TB-CCCCC"
    assert asked(tips, "r3", None).tip is None


def test_an_officers_withdrawn_message_is_no_tip_of_theirs() -> None:
    tips = [tip("TB-AAAAA", "r1", 0, TipStatus.WITHDRAWN)]
    assert asked(tips, "r1", None).tip is None


def test_the_view_says_since_when_and_whether_finished() -> None:
    done = Tip("TB-AAAAA", TipStatus.RESOLVED, "r1", "oa", T0, resolved_at=T0 + timedelta(hours=1))
    v = view(done)
    assert v.finished and v.since == T0 + timedelta(hours=1) and v.sent_at == T0
    assert not view(tip("TB-BBBBB", "r1", 0)).finished
