"""What the citizen describes, not the procedure they name, decides the answer (issue 17,
point 5: never a wrong legal fact): a renewal asked for a new place, a removal asked in
order to move, a residence held asked as another office's condition."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import WardContact, answer

TODAY = date(2026, 12, 2)
WARD = WardContact("Công an phường Tân Quý", None, "12 Tân Quý, phường Tân Quý")


def test_a_renewal_asked_for_a_new_place_is_a_new_registration():
    # a renewal keeps the same place: the new room is registered anew
    text = "tuần rồi chị chuyển sang phòng mới ở Tân Quý, gia hạn tạm trú sang phòng mới được không"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("tam_tru",), result


def test_a_renewal_at_the_same_place_is_still_a_renewal():
    result = answer("tạm trú phòng trọ sắp hết hạn, gia hạn ở đâu", TODAY, WARD)
    assert result.topics == ("gia_han_tam_tru",), result


def test_a_removal_asked_in_order_to_move_is_the_new_registration():
    # registering at the new home removes the old one: the removal's facts would mislead
    text = "tôi cần cắt khẩu ở chỗ cũ để chuyển về căn hộ mới, nộp hồ sơ ở phường nào"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("thuong_tru",), result


def test_a_tam_tru_held_where_one_works_is_the_premise_of_the_tam_vang_asked():
    text = (
        "con tôi làm ở Đồng Nai hơn 1 năm, đã đăng ký tạm trú dưới đó rồi,"
        " nhà có cần khai tạm vắng nữa không"
    )
    result = answer(text, TODAY, WARD)
    assert result.topics == ("tam_vang",), result


def test_a_residence_asked_as_the_vehicle_offices_condition_is_that_office():
    text = "đang có tạm trú ở Tân Quý thì đăng ký xe máy mới được không hay phải có thường trú"
    result = answer(text, TODAY, WARD)
    assert result.topics == () and result.out_of_scope == "vehicle_registration", result


def test_the_old_book_asked_back_to_front_by_a_bank_is_the_confirmation():
    text = "công ty bảo nộp thêm sổ hộ khẩu bản photo, sổ đã thu hồi rồi thì nộp gì"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("xac_nhan_cu_tru",), result


@pytest.mark.parametrize(
    "text",
    [
        "tuyển sinh lớp 6 có ưu tiên hộ khẩu thường trú không, tạm trú có được vào trường gần nhà",
        "học phí trường mầm non công lập ở phường mình bao nhiêu một tháng",
    ],
)
def test_a_schools_admission_or_fees_are_the_schools(text: str):
    result = answer(text, TODAY, WARD)
    assert result.topics == () and result.out_of_scope == "school", result


def test_a_confirmation_the_school_asks_for_is_still_answered():
    text = "trường tiểu học đòi giấy xác nhận cư trú để tuyển sinh lớp 1, xin ở đâu"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("xac_nhan_cu_tru",), result
