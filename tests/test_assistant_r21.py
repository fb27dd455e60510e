"""Round 21's assistant pass (issue 17: never wrong, honest when unsure): mechanisms rather
than phrasings, each tried on fresh phrasings and on the near-misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import WardContact, answer
from shared.core.classify import classify

TODAY = date(2026, 11, 30)
NO_PHONE = WardContact("Công an phường Tân Sơn Nhì", None, None)


def _read(text: str) -> tuple[bool, tuple[str, ...], str | None]:
    """(filed as a tip, topics answered, service pointed to), as the line's path does it."""
    verdict = classify(text)
    result = answer(text, TODAY, NO_PHONE, classification=verdict)
    return verdict.kind == "tip" or result.tip, result.topics, result.out_of_scope


# -- a paper of another office said as held, beside a residence matter asked -------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "chị họ tôi mang hộ chiếu Việt Nam về nước, ở nhà tôi 3 tuần, có phải báo lưu trú "
            "không",
            "luu_tru",
        ),
        (
            "cậu tôi có bằng lái xe tải, lên thành phố ở trọ làm tài xế nửa năm, đăng ký tạm "
            "trú cần gì",
            "tam_tru",
        ),
        ("con gái tôi chưa có căn cước, nhập khẩu về nhà chồng được không", "thuong_tru"),
        (
            "ông bà không có thẻ căn cước, ở nhà tôi 1 tháng có cần đăng ký tạm trú không",
            "tam_tru",
        ),
        ("em ho co bang lai dang hoang, len o nha toi 5 ngay, phai bao luu tru khong", "luu_tru"),
    ],
)
def test_a_paper_held_says_who_the_person_is_not_the_service_asked(text: str, topic: str) -> None:
    # "có bằng lái", "mang hộ chiếu", "chưa có căn cước": the person, not the office's matter;
    # the residence answer alone, with no "not handled here" for a service nobody asked
    tip, topics, service = _read(text)
    assert not tip and topics == (topic,) and service is None, (text, topics, service)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        # an act on the paper: its office is asked
        ("em có bằng lái rồi, giờ muốn nâng hạng lên B2 thì làm ở đâu", "driving_licence"),
        ("đổi bằng lái xe ở đâu, có cần giấy tạm trú không", "driving_licence"),
        ("tôi chưa có hộ chiếu, làm hộ chiếu lần đầu ở đâu", "passport"),
        ("con tôi chưa có căn cước, làm căn cước cho con ở đâu", "identity_card"),
        # the paper said expired: never a stay's renewal
        ("mẹ tôi dùng hộ chiếu hết hạn, gia hạn ở đâu", "passport"),
        # the paper alone, nothing else asked: still pointed to its office
        ("em không có bằng lái", "driving_licence"),
    ],
)
def test_a_paper_acted_on_or_said_alone_still_points_to_its_office(text: str, service: str) -> None:
    tip, topics, got = _read(text)
    assert not tip and topics == () and got == service, (text, topics, got)
