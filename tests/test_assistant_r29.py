"""Round 29's assistant pass (issue 17: never a wrong procedure's facts): the topic and part
of a question read right when words look like another procedure's. Each rule is tried on
fresh phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import answered, read

TODAY = date(2026, 12, 4)


# -- "vẫn còn tạm trú" is still held, not "còn tạm trú thì" (as for): one matter asked -------


@pytest.mark.parametrize(
    "text",
    [
        "Người thuê phòng trọ nhà tui dọn đi rồi mà vẫn còn tạm trú ở nhà tui, tui là chủ có xin "
        "xóa tạm trú cho họ được hông",
        "ng thue tro cu da chuyen di ma van con tam tru o nha minh, minh la chu nha thi xoa tam "
        "tru cho ho the nao",
        "nguoi thue tro nha e di roi ma van con tam tru o dia chi nha e, chu nha de nghi xoa "
        "tam tru cho ho dc ko",
    ],
)
def test_a_registration_still_held_is_no_second_matter(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("xoa_dang_ky",), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: "còn" setting a second procedure beside the first: both asked
        "báo tạm vắng ở quê xong rồi, còn tạm trú ở đây thì làm sao",
    ],
)
def test_as_for_a_second_procedure_still_asks_both(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert set(topics) == {"tam_vang", "tam_tru"}, text


# -- a home for good abroad: the removal alone, no registration here follows --------------------


@pytest.mark.parametrize(
    "text",
    [
        "thằng út nhà tôi qua Úc làm rồi ở luôn bên đó, giờ có phải cắt khẩu cho nó không",
        "Em gái tôi sang Nhật lấy chồng rồi ở hẳn bên đó, có cần cắt khẩu cho em ấy không ạ?",
        "ba tui qua my song luon voi anh hai roi, co phai xoa thuong tru cua ong o nha ko",
        "chị tôi đi Canada sống luôn bên đó, cắt khẩu cho chị ấy làm sao",
    ],
)
def test_a_home_abroad_asks_the_removal_alone(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("xoa_dang_ky",), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: a home for good in the country: registered there, the old one ends
        "cắt khẩu ở Tân Phú về quê Trà Vinh sống luôn thì làm sao",
        "ba me toi ve que o luon, cat khau o day roi nhap ve que the nao",
    ],
)
def test_a_home_for_good_here_still_asks_the_registration(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert set(topics) == {"xoa_dang_ky", "thuong_tru"}, text


# -- a registration's term asked in other words is tạm trú's fact, never its renewal ------------


@pytest.mark.parametrize(
    "text",
    [
        "dang ky tam tru xong thi dc cap cho bao lau thi het han vay ad",
        "Tạm trú đăng ký xong có giá trị bao lâu thì hết hạn ạ, nộp xong mấy ngày có kết quả?",
        "làm tạm trú ở trọ thì được cấp cho bao lâu vậy ad",
    ],
)
def test_the_term_asked_is_the_registrations(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("tam_tru",), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: the registration run out, what to do asked: the renewal
        "tam tru cua em het han tuan truoc roi, gio lam sao a",
        "tạm trú còn 10 ngày nữa là hết hạn, gia hạn ở đâu",
    ],
)
def test_a_registration_run_out_still_asks_the_renewal(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("gia_han_tam_tru",), text


# -- "gia hạn" said of another thing that ran out, however long it is named ----------------------


@pytest.mark.parametrize(
    "text",
    [
        "the bao hiem y te cua ba noi toi nam nay bi het han roi, gia han o dau vay",
        "Giấy phép lao động của anh kỹ sư bên công ty em sắp hết hạn, gia hạn chỗ nào ạ",
    ],
)
def test_another_things_renewal_names_no_registration(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == (), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: the registration named as what ran out, however long the place said
        "tạm trú của em ở phòng trọ hẻm 12 đường Lũy Bán Bích bị hết hạn rồi, gia hạn ở đâu ạ",
        "tam tru cua em o tro gan cho Tan Huong het han roi, gia han sao ad",
    ],
)
def test_the_registration_run_out_is_still_renewed(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("gia_han_tam_tru",), text


# -- the new registration said made, the old one's removal asked: the removal alone -------------


@pytest.mark.parametrize(
    "text",
    [
        "toi da chuyen ho khau ve Go Vap xong, ho khau cu o Tay Thanh co tu xoa ko hay phai di cat",
        "Cả nhà đã nhập khẩu vào căn hộ mới ở Bình Tân, vậy hộ khẩu cũ bên Tân Phú có phải đi xóa "
        "không anh?",
    ],
)
def test_the_old_registration_after_the_move_is_the_removal(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("xoa_dang_ky",), text


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2019 nhà tôi cho người quen nhập khẩu nhờ, giờ họ dọn đi lâu rồi mà vẫn còn khẩu ở "
        "nhà tôi, tôi muốn xóa cho họ thì cần giấy gì?",
        "hoi truoc cho thang em ho nhap ho khau vo, no di 3 nam r ma van con ho khau o day, xoa "
        "sao ad",
    ],
)
def test_a_registration_left_behind_is_the_removal(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("xoa_dang_ky",), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: both steps still to do: both asked
        "cắt khẩu ở nhà tôi rồi nhập khẩu chỗ mới thì làm sao",
    ],
)
def test_both_steps_still_to_do_ask_both(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert set(topics) == {"xoa_dang_ky", "thuong_tru"}, text


# -- the law said to compel it, or at once: whether and by when (ai_khi) -------------------------


@pytest.mark.parametrize(
    "text",
    [
        "bán nhà rồi mà bên mua đòi cả nhà cắt khẩu, luật có bắt phải cắt ngay không hay được bao "
        "lâu vậy ad",
    ],
)
def test_compelled_or_at_once_asks_whether_and_when(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("xoa_dang_ky",), text
    assert "ai_khi" in result.sections, text


def test_compelled_at_once_to_register_asks_whether_and_when() -> None:
    text = "mới dọn vô trọ thì luật có bắt phải đăng ký tạm trú ngay không hay được mấy ngày"
    result = answered(text, TODAY)
    assert result.topics == ("tam_tru",), text
    assert "ai_khi" in result.sections, text


# -- a tip followed by the lost papers' rule, nothing else read: that rule's topic answered ------


@pytest.mark.parametrize(
    "text",
    [
        "hom qua bi giut tui o cho, mat het ca cccd lan bang lai, gio lam lai cai cccd o dau vay",
        "Hi, I lost my wallet in a taxi last night and my CCCD was in it. Do I need a police "
        "report before getting a new CCCD?",
    ],
)
def test_the_lost_papers_rule_sent_is_the_topic_answered(text: str) -> None:
    result = answered(text, TODAY)
    assert result.tip, text
    assert result.topic == "mat_giay_to", text
    assert result.replies, text


def test_a_theft_with_no_papers_answers_no_topic() -> None:
    # near miss: no rule follows, nothing is answered
    result = answered("tối qua trộm vô nhà lấy chiếc xe máy với cái laptop", TODAY)
    assert result.tip
    assert result.topic is None


# -- "nhiêu" typed short alone asks the amount: the fine ------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "homestay cua e khai luu tru cho khach tren app nao, khai tre thi phat nhiu",
        "khach o lai qua dem ma ko bao luu tru thi phat nhiu vay ad",
    ],
)
def test_a_fine_asked_with_nhiu_is_the_fine(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("luu_tru",), text
    assert "muc_phat" in result.sections, text


# -- the step's own verb then "thế nào" asks how it is done: the whole answer ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "Người thuê phòng dọn đi rồi mà tạm trú vẫn còn ở nhà tôi, giờ tôi báo xóa thế nào, không "
        "báo có bị phạt không",
        "khách thuê cũ dọn đi lâu rồi, tôi muốn xóa tạm trú cho họ, xóa thế nào, có mất phí không",
    ],
)
def test_how_the_removal_is_done_gets_the_whole_answer(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("xoa_dang_ky",), text
    assert result.sections == (), text  # every part, where and how among them


# -- when a duty starts ("bao lâu thì mới phải"), how long one must have lived ("ở đủ bao lâu") ---


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("ve que cham me benh, vang nha bao lau thi moi can bao tam vang a", "tam_vang"),
        (
            "Tôi thuê nhà ở Tân Phú, muốn đăng ký thường trú luôn thì phải ở đủ bao lâu mới "
            "được ạ?",
            "thuong_tru",
        ),
        ("muốn nhập khẩu vào nhà thuê thì phải ở đủ bao lâu mới được vậy ad", "thuong_tru"),
    ],
)
def test_when_a_duty_starts_asks_whether_and_when(text: str, topic: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == (topic,), text
    assert "ai_khi" in result.sections, text


def test_a_length_said_before_registering_still_asks_its_deadline() -> None:
    # near miss: "phải ở đủ 30 ngày rồi mới được đăng ký" is a claim about the deadline: the
    # whole answer, the processing time among it
    text = "Chủ trọ nói phải ở đủ 30 ngày rồi mới được đi đăng ký tạm trú, đúng không ạ?"
    result = answered(text, TODAY)
    assert result.topics == ("tam_tru",), text
    assert result.sections == (), text


# -- a declaration's deadline ("báo trong bao lâu") asks whether and when, beside its time -------


@pytest.mark.parametrize(
    "text",
    [
        "ban e o ke phong tro nha e 3 hom, e phai bao luu tru ko, bao trong bao lau",
        "em gai o nho phong tro e 5 ngay, chu tro phai khai luu tru ko, khai trong bao lau",
    ],
)
def test_a_declarations_deadline_asks_whether_and_when(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("luu_tru",), text
    assert "ai_khi" in result.sections, text


# -- a foreign guest's passport or visa to attach asks the papers ---------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "khach tay o homestay cua minh, khai bao tam tru cho ho co can chup ho chieu voi visa gui "
        "len ko",
        "Ông bạn người Hàn ở nhà tôi 1 tuần, khai báo cho ông ấy trên mạng có phải gửi ảnh hộ "
        "chiếu không?",
    ],
)
def test_a_foreign_guests_passport_to_attach_asks_the_papers(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("nuoc_ngoai",), text
    assert "giay_to" in result.sections, text
