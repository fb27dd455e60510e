"""Round 25's assistant pass (issue 17 §5: questions it has not seen): a room's registration
said as what may be removed asks no new registration beside a tạm vắng, and a place or a why
beside another office's matter says where or what for, not a residence matter asked. Each
rule is tried on fresh phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import answered, read

TODAY = date(2026, 12, 3)


# -- a registration said as what may be removed asks its removal, not a registration ----------


@pytest.mark.parametrize(
    "text",
    [
        "Con ở trọ Tân Quý, Tết này về quê gần 2 tháng. Con có cần báo tạm vắng không, và tạm "
        "trú ở phòng trọ của con có bị xóa luôn không ạ?",
        "minh ve que cham ba 3 thang, co phai khai tam vang khong, va tam tru o tro co phai "
        "huy khong",
    ],
)
def test_a_registration_said_removed_beside_tam_vang_asks_no_registration(text: str) -> None:
    assert read(text, TODAY)[1] == ("tam_vang", "xoa_dang_ky"), text


@pytest.mark.parametrize(
    "text",
    [
        # the registration asked in its own words after the removal: both, and the new one
        "Con về quê 2 tháng có phải khai tạm vắng không, và tạm trú ở đây có bị xóa không, lên "
        "lại thì đăng ký tạm trú lại ra sao?",
        # near miss: the same words, the tạm trú asked where one goes, no removal said
        "Con về quê 2 tháng, ở quê có phải khai tạm vắng không, và lên lại đây thì làm tạm trú "
        "thế nào?",
    ],
)
def test_a_registration_asked_beside_tam_vang_is_still_answered(text: str) -> None:
    assert "tam_tru" in read(text, TODAY)[1], text


# -- a place or a why beside another office's matter says where or what for -------------------


@pytest.mark.parametrize(
    "text",
    [
        "Cho hỏi làm phiếu lý lịch tư pháp để đi xuất khẩu lao động Hàn Quốc thì nộp ở đâu?",
        "xin ly lich tu phap cho nguoi thue tro cua toi o dau",
    ],
)
def test_a_place_or_a_why_beside_another_offices_matter_is_handed_over(text: str) -> None:
    result = answered(text, TODAY)
    assert result.handoff and not result.topics, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near miss: the trip abroad asked as a residence matter itself, nothing else's office
        ("Sắp đi xuất khẩu lao động 3 năm thì có phải khai tạm vắng không?", "tam_vang"),
        # near miss: the room named with its own registration asked beside the other paper
        (
            "Xin lý lịch tư pháp có cần đăng ký tạm trú ở phòng trọ trước không, và đăng ký tạm "
            "trú cần giấy gì?",
            "tam_tru",
        ),
    ],
)
def test_a_residence_matter_asked_beside_them_is_answered(text: str, topic: str) -> None:
    assert topic in read(text, TODAY)[1], text
