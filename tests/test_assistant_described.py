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


def _buttons(result: object) -> set[str]:
    from shared.core import assistant

    titles = {title: topic for topic, title in assistant.knowledge().buttons.items()}
    return {titles[b.title] for r in result.replies for b in r.buttons if b.title in titles}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "stay"),
    [
        ("chú em là Việt kiều Pháp về thăm, ở nhà em thì có phải khai báo không", "luu_tru"),
        ("dì tôi Việt kiều Canada về ở với tôi chừng 3 tháng, khai báo kiểu gì", "tam_tru"),
    ],
)
def test_a_vietnamese_abroad_whose_passport_is_unsaid_asks_citizen_or_foreigner(
    text: str, stay: str
):
    # a citizen's stay or a foreigner's: their facts differ, so it is asked, never guessed
    result = answer(text, TODAY, WARD)
    assert not result.topics and _buttons(result) == {stay, "nuoc_ngoai"}, result


def test_a_vietnamese_abroad_still_a_citizen_is_answered_as_one():
    text = "anh tôi Việt kiều Đức nhưng vẫn giữ quốc tịch Việt Nam, về ở nhà tôi 10 ngày"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("luu_tru",), result


def test_a_length_said_as_a_guess_beside_not_known_is_asked():
    text = (
        "em trai tôi lên ở chung, chưa biết ở bao lâu, chắc 2 tuần mà cũng có thể ở luôn,"
        " khai báo gì"
    )
    result = answer(text, TODAY, WARD)
    assert not result.topics and _buttons(result) == {"luu_tru", "tam_tru"}, result


@pytest.mark.parametrize(
    "text",
    [
        # a residence fine disputed, the fine's words those of a traffic one
        (
            "cán bộ lập biên bản phạt nhà tôi vì không báo lưu trú cho cháu, nhà tôi báo trên"
            " VNeID rồi, tôi muốn khiếu nại"
        ),
        # a file sent back again and again
        "hồ sơ tách hộ bị trả về 2 lần, lần nào cũng bắt thêm giấy khác, tôi phải làm sao",
        # one's registration gone with no cause known
        "thường trú của em tự nhiên bị xóa trên vneid, em vẫn ở đây, kiểm tra giúp em",
    ],
)
def test_a_file_or_a_fine_to_look_at_goes_to_a_person(text: str):
    assert answer(text, TODAY, WARD).handoff


@pytest.mark.parametrize(
    ("text", "sections"),
    [
        (
            "My husband is Vietnamese and we stay with his family. Do I need to register?",
            {"ai_khi"},
        ),
        ("We host foreign visitors in our homestay. Is there a fee to declare them?", {"le_phi"}),
    ],
)
def test_a_foreigner_asking_in_english_is_answered_the_foreigners_declaration(
    text: str, sections: set[str]
):
    result = answer(text, TODAY, WARD)
    assert result.topics == ("nuoc_ngoai",) and sections <= set(result.sections), result


def test_someone_known_staying_nobody_described_asks_the_three_declarations():
    result = answer("có người quen tới ở nhờ thì sao ạ", TODAY, WARD)
    assert not result.topics and _buttons(result) == {"luu_tru", "tam_tru", "nuoc_ngoai"}, result


def test_a_registration_for_the_child_of_ones_home_asks_which():
    result = answer("hỏi chút, đăng ký cho con nhà mình thì làm sao ạ", TODAY, WARD)
    assert not result.topics and _buttons(result) == {"thuong_tru", "tam_tru"}, result


def test_a_camera_fine_looked_up_by_the_plate_is_the_traffic_fine():
    result = answer("xem phạt nguội theo biển số xe ô tô ở trang nào", TODAY, WARD)
    assert result.out_of_scope == "traffic_fine", result


def test_a_paper_asked_for_after_a_registration_is_both():
    text = "đăng ký thường trú cho vợ cần gì, rồi xin giấy xác nhận cư trú cho vợ luôn được không"
    result = answer(text, TODAY, WARD)
    assert set(result.topics) == {"thuong_tru", "xac_nhan_cu_tru"}, result


@pytest.mark.parametrize(
    ("text", "topic", "part"),
    [
        # a minor's registration: the parents' consent is in the file
        (
            "cháu tôi 15 tuổi ra Sài Gòn học, đăng ký tạm trú cho cháu ở trọ sao",
            "tam_tru",
            "giay_to",
        ),
        # the landlord refusing to sign: whether the file holds without it
        ("chủ nhà không chịu ký giấy, tôi tự đăng ký tạm trú được không", "tam_tru", "giay_to"),
        # each one for themselves, or all at once
        (
            "tôi đăng ký tạm trú theo danh sách cho cả dãy trọ hay từng người phải tự làm",
            "tam_tru",
            "ai_khi",
        ),
        # coming in person from far
        (
            "con tôi thuê trọ ở Tân Quý, tôi ở Cà Mau có phải lên tận nơi làm tạm trú cho nó",
            "tam_tru",
            "noi_nop",
        ),
        # a paper asked for by oneself: the minor's age said keeps who must asked
        ("em 17 tuổi tự xin giấy xác nhận cư trú được không", "xac_nhan_cu_tru", "ai_khi"),
    ],
)
def test_the_part_a_described_case_turns_on_is_answered(text: str, topic: str, part: str):
    result = answer(text, TODAY, WARD)
    assert result.topics == (topic,) and part in result.sections, result


def test_the_guests_declaration_named_for_ones_own_rented_room_answers_its_registration():
    # a tenancy of months is tạm trú; lưu trú, named, is answered after it (it says when)
    text = "em mới thuê trọ được 4 tháng, báo lưu trú là đủ phải không"
    result = answer(text, TODAY, WARD)
    assert result.topics == ("tam_tru", "luu_tru"), result
