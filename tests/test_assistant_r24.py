"""Round 24's assistant pass (issue 17 §5: questions it has not seen): a person's words beside
another office's matter say who it is for. Each rule is tried on fresh phrasings and on the
near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import answer
from shared.core.classify import classify
from tests.asked import NO_PHONE, read

TODAY = date(2026, 12, 3)


# -- a person's words beside another office's matter say who it is for -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Xưởng em cần làm giấy phép lao động cho 2 kỹ thuật viên người Hàn Quốc, nộp ở đâu ạ",
        "người nước ngoài làm việc ở VN muốn đóng bảo hiểm xã hội thì đăng ở đâu",
    ],
)
def test_a_persons_words_beside_another_offices_matter_name_no_stay(text: str) -> None:
    verdict = classify(text)
    result = answer(text, TODAY, NO_PHONE, classification=verdict)
    assert result.handoff and not result.topics, text


@pytest.mark.parametrize(
    "text",
    [
        # the stay asked beside it, with a residence verb: the foreigner's declaration
        "anh kỹ sư người Hàn thuê phòng nhà tôi nửa năm, công ty lo giấy phép lao động rồi, "
        "tôi phải khai báo gì",
        # the stay named by its own words
        "khai báo tạm trú cho người nước ngoài có cần giấy phép lao động không",
    ],
)
def test_a_foreigners_stay_asked_beside_a_work_permit_is_answered(text: str) -> None:
    assert read(text, TODAY)[1] == ("nuoc_ngoai",), text
