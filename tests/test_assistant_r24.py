"""Round 24's assistant pass (issue 17 §5: questions it has not seen): two questions written
apart are both answered, and a person's words beside another office's matter say who it is
for. Each rule is tried on fresh phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import answered, read

TODAY = date(2026, 12, 3)


# -- two questions written apart, one procedure each: both answered --------------------------


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # a list's numbers
        (
            "Mình hỏi 2 chuyện: 1) con gái mình lên thành phố học, khai tạm trú cho cháu ra sao; "
            "2) giấy xác nhận cư trú để làm hồ sơ vay vốn thì xin chỗ nào",
            ("tam_tru", "xac_nhan_cu_tru"),
        ),
        # two question marks, each procedure with its own part asked
        (
            "Em mới thuê trọ ở Tân Phú, đăng ký tạm trú cần giấy gì? Em cũng cần giấy xác nhận "
            "cư trú để làm hồ sơ vay vốn thì xin ở đâu?",
            ("tam_tru", "xac_nhan_cu_tru"),
        ),
    ],
)
def test_two_questions_written_apart_are_both_answered(text: str, topics: tuple[str, ...]) -> None:
    assert read(text, TODAY)[1] == topics, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the first procedure only told, a full stop after it: the second's premise
        (
            "Em đăng ký tạm trú ở Bình Hưng Hòa rồi. Giờ xin giấy xác nhận cư trú ở đâu ạ?",
            "xac_nhan_cu_tru",
        ),
        # the same with no punctuation at all: read as one question, as before
        (
            "em co tam tru o binh hung hoa roi gio xin giay xac nhan cu tru o dau",
            "xac_nhan_cu_tru",
        ),
    ],
)
def test_a_procedure_only_told_is_not_a_second_question(text: str, topic: str) -> None:
    assert read(text, TODAY)[1] == (topic,), text


# -- a person's words beside another office's matter say who it is for -----------------------


@pytest.mark.parametrize(
    "text",
    [
        "Xưởng em cần làm giấy phép lao động cho 2 kỹ thuật viên người Hàn Quốc, nộp ở đâu ạ",
        "người nước ngoài làm việc ở VN muốn đóng bảo hiểm xã hội thì đăng ở đâu",
    ],
)
def test_a_persons_words_beside_another_offices_matter_name_no_stay(text: str) -> None:
    result = answered(text, TODAY)
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


# -- a place says where, beside a procedure named by its own words ----------------------------


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        (
            "Tôi có dãy phòng trọ, một anh thuê 4 năm rồi xin nhập hộ khẩu vào địa chỉ trọ, tôi "
            "có phải đồng ý không",
            "thuong_tru",
        ),
        ("bảo vệ khách sạn ngủ lại luôn ở khách sạn thì có cần đăng ký tạm trú không ạ", "tam_tru"),
    ],
)
def test_a_place_beside_a_procedure_named_is_where(text: str, topic: str) -> None:
    assert read(text, TODAY)[1] == (topic,), text


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # the place alone names its procedure
        ("mới thuê phòng trọ thì cần làm giấy tờ gì với công an", ("tam_tru",)),
        ("nhà nghỉ của tôi khai báo khách qua đâu", ("luu_tru",)),
        # a foreigner among citizens: the place is the citizens' guests' matter beside theirs
        (
            "khách sạn nhỏ của chị nhận cả khách Việt lẫn khách Hàn, khai báo có khác nhau không",
            ("luu_tru", "nuoc_ngoai"),
        ),
    ],
)
def test_a_place_alone_or_among_mixed_guests_still_names_its_procedure(
    text: str, topics: tuple[str, ...]
) -> None:
    assert read(text, TODAY)[1] == topics, text


# -- another party refusing what the registration needs of them: an officer answers -----------


@pytest.mark.parametrize(
    "text",
    [
        "Căn nhà đứng tên chung hai chị em, chị tôi không đồng ý cho chồng tôi nhập khẩu vào, "
        "giờ tôi làm sao",
        "vợ cũ đã ly hôn mà không chịu chuyển khẩu đi, tôi muốn xóa tên cô ấy khỏi hộ",
    ],
)
def test_a_party_refusing_goes_to_an_officer(text: str) -> None:
    result = answered(text, TODAY)
    assert result.handoff and not result.tip, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # the consent given: the registration's own facts
        ("chủ nhà đồng ý cho tôi nhập khẩu rồi thì cần giấy tờ gì", "thuong_tru"),
        # a party's right asked, not a refusal: when a registration is removed
        ("nhà bán rồi, chủ mới đòi cắt khẩu nhà tôi, họ có quyền xóa không", "xoa_dang_ky"),
        # someone not willing to do something else
        ("con tôi không chịu đi học, có phải khai tạm vắng không", "tam_vang"),
    ],
)
def test_no_refusal_of_the_registration_is_answered(text: str, topic: str) -> None:
    result = answered(text, TODAY)
    assert not result.handoff and result.topics == (topic,), text


# -- the channel asked is where it is done ----------------------------------------------------


def test_the_channel_asked_is_where_it_is_done() -> None:
    text = "Nhà nghỉ bên tôi báo lưu trú cho khách qua kênh nào vậy"
    result = answered(text, TODAY)
    assert result.topics == ("luu_tru",) and result.sections == ("noi_nop",), text


def test_a_channel_a_rumour_was_heard_on_asks_no_part() -> None:
    text = "nghe trên kênh nào đó nói tạm trú bỏ rồi, thật không"
    result = answered(text, TODAY)
    assert result.topics == ("tam_tru",) and "noi_nop" not in result.sections, text
