"""Round 23's assistant pass (issue 17 §5: an assistant that knows its edges): what a
question is for decides its answer, not every procedure its words name. Each rule is tried
on fresh phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import read

TODAY = date(2026, 12, 3)


# -- a residence paper asked as another office's requirement is that office's ---------------


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("xin cấp hộ chiếu cho bé nhà em 3 tuổi có cần sổ hộ khẩu không ạ", "passport"),
        ("làm passport lần đầu ở TP có cần tạm trú không vậy", "passport"),
        ("đăng ký sang tên xe máy cũ có cần xác nhận cư trú không", "vehicle_registration"),
    ],
)
def test_a_paper_required_by_another_office_is_that_offices(text: str, service: str) -> None:
    assert read(text, TODAY) == (False, (), service), text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the paper named as a procedure of its own beside the other office: still answered
        ("em đi làm hộ chiếu rồi, giờ muốn đăng ký tạm trú ở Tân Phú thì cần giấy gì", "tam_tru"),
        ("xin hộ chiếu xong em về quê, khai báo tạm vắng thế nào", "tam_vang"),
    ],
)
def test_a_procedure_named_beside_another_office_is_still_answered(text: str, topic: str) -> None:
    assert topic in read(text, TODAY)[1], text
