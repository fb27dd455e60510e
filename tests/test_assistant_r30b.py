"""Round 30's second assistant pass (issue 17: never a wrong legal fact). A question asking
whether the old registration must be removed before the new one names both procedures, and
the labelled sets disagree on which of them is asked (the new registration, the removal, or
both): for a permanent registration ("cắt khẩu trước"), which is asked back, as buttons, an
answer honest under each reading."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import knowledge
from tests.asked import answered

TODAY = date(2026, 12, 4)


def _buttons(text: str) -> list[str]:
    result = answered(text, TODAY)
    assert result.topics == () and result.topic is None, (text, result.topics)
    return [b.title for reply in result.replies for b in reply.buttons]


def _titles(*topics: str) -> set[str]:
    return {knowledge().buttons[t] for t in topics}


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        (
            "chuyen ho khau tu Ben Tre len Tan Phu thi co phai ve que cat khau truoc hong ad",
            ("xoa_dang_ky", "thuong_tru"),
        ),
        (
            "Vợ em quê Cà Mau, giờ em muốn nhập khẩu cho vợ về nhà em ở Sơn Kỳ, có cần về Cà Mau "
            "cắt khẩu trước không anh",
            ("xoa_dang_ky", "thuong_tru"),
        ),
        # (moved from tests/test_assistant.py, where both were answered before round 30)
        (
            "đăng ký thường trú cho con rể ở nhà tôi, có cần cắt khẩu bên nội trước không",
            ("xoa_dang_ky", "thuong_tru"),
        ),
        (
            "đăng ký thường trú cho chồng về nhà vợ, có phải về quê cắt khẩu trước không",
            ("xoa_dang_ky", "thuong_tru"),
        ),
        (
            "mình ở Bình Dương, có phải về quê Thanh Hóa cắt khẩu trước rồi mới nhập khẩu ở đây "
            "được không",
            ("xoa_dang_ky", "thuong_tru"),
        ),
    ],
)
def test_the_old_registrations_removal_asked_first_asks_which(
    text: str, topics: tuple[str, ...]
) -> None:
    assert set(_buttons(text)) == _titles(*topics), text


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # "trước khi" is when the buyer wants it, not a step before a new registration:
        # both procedures, as before
        (
            "ban nha roi, ben mua doi ca nha cat khau truoc khi giao nha, nhap khau vo nha con "
            "gai thi lam o dau",
            {"xoa_dang_ky", "thuong_tru"},
        ),
        # the removal alone, for one who died
        ("ba em mat roi, co phai cat khau cho ba truoc khong a", {"xoa_dang_ky"}),
        # a room's tạm trú left for another: its removal and the new registration, both
        # (follow_ups), as every set labels "tạm trú cũ có phải xóa không, chỗ mới làm lại"
        (
            "doi tro tu Tan Thanh qua Son Ky thi tam tru o cho cu co phai xoa ko, cho moi dk lai "
            "tu dau ha",
            {"xoa_dang_ky", "tam_tru"},
        ),
    ],
)
def test_no_step_before_a_new_registration_answers_as_before(text: str, topics: set[str]) -> None:
    result = answered(text, TODAY)
    assert set(result.topics) == topics, (text, result.topics)


# -- a relative's short visit to one's home, tạm trú named: lưu trú alone ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "ba me toi o que len tham 1 tuan, o nha toi, co can dang ky tam tru cho ong ba ko",
        "Mẹ vợ em dưới quê lên chơi 6 ngày, có phải làm tạm trú cho bà không ạ",
    ],
)
def test_a_relatives_short_visit_with_tam_tru_named_gets_luu_tru_alone(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("luu_tru",), (text, result.topics)
    assert "ai_khi" in result.sections, text  # whose answer says when tạm trú applies


@pytest.mark.parametrize(
    "text",
    [
        # one's own stay with kin before a room rented: both, as labelled (qt31-75)
        "em len o nho nha co ruot 10 ngay roi moi thue phong tro, 10 ngay do co phai dang ky "
        "tam tru ko",
        # no relative: whether the procedure named will do, beside the one the length picks
        "em o nha ban 45 ngay thi bao luu tru la duoc phai khong",
    ],
)
def test_ones_own_stay_or_no_relative_still_gets_both(text: str) -> None:
    assert set(answered(text, TODAY).topics) == {"luu_tru", "tam_tru"}, text
