"""Round 30's assistant pass (issue 17: the part asked answered, never another's): how a
procedure is done asked in the words citizens use. Each rule is tried on fresh phrasings
and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import answered

TODAY = date(2026, 12, 4)


# -- the procedure's own name then "như thế nào" asks how it is done: the whole answer ---------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "nhà nghỉ của chị mới mở ở Tân Quý, khách tới ngủ 1 đêm thì khai báo lưu trú như thế "
            "nào, báo trễ nhất mấy giờ",
            "luu_tru",
        ),
        (
            "em mới thuê trọ ở Tây Thạnh, đăng ký tạm trú như thế nào vậy ad, có mất tiền ko",
            "tam_tru",
        ),
        ("sap di lam xa 1 nam, khai bao tam vang ra sao, nop o dau a", "tam_vang"),
    ],
)
def test_how_a_procedure_named_is_done_gets_the_whole_answer(text: str, topic: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == (topic,), text
    assert result.sections == (), text  # every part, where and how among them


def test_a_part_asked_without_how_stays_that_part() -> None:
    # near miss: the fee alone asked of the named procedure: that part, not the whole answer
    text = "đăng ký tạm trú mất phí bao nhiêu vậy ad"
    result = answered(text, TODAY)
    assert result.topics == ("tam_tru",), text
    assert result.sections == ("le_phi",), text
