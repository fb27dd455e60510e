"""Round 30's assistant pass (issue 17: the part asked answered, never another's): how a
procedure is done asked in the words citizens use. Each rule is tried on fresh phrasings
and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import knowledge
from tests.asked import answered, read

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


# -- a bag "có" the card, lost: the lost papers' re-issue, whatever word follows ---------------


@pytest.mark.parametrize(
    "text",
    [
        "mat ca tui xach co cccd luon, cccd lam lai mat may ngay vay ad",
        "mất luôn cái giỏ có giấy tờ, giấy tờ làm lại mất mấy ngày ạ",
        "làm mất cái cặp có cccd của con rồi, cccd làm lại bao lâu vậy ad",
    ],
)
def test_a_bag_holding_the_card_lost_is_the_lost_papers(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("mat_giay_to",), text


def test_a_card_in_a_bag_not_lost_is_no_lost_papers() -> None:
    # near miss: a bag with the card in it said, nothing lost, a registration asked
    text = "em đi đăng ký tạm trú chỉ mang cái túi có căn cước thôi được không ạ"
    _, topics, _ = read(text, TODAY)
    assert "mat_giay_to" not in topics, text


# -- going away from home for long, "nhà" between, nothing named: tạm vắng or tạm trú asked ----


@pytest.mark.parametrize(
    "text",
    [
        "em sắp đi xa nhà lâu ngày, có cần báo gì ko ạ",
        "di xa nha lau ngay thi co phai khai bao gi ko ad",
    ],
)
def test_going_away_from_home_for_long_asks_which(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == (), text
    buttons = [b.title for reply in result.replies for b in reply.buttons]
    assert buttons == [knowledge().buttons["tam_vang"], knowledge().buttons["tam_tru"]], text


# -- papers said burnt, whose between ("giấy tờ tùy thân cả nhà cháy hết"): the lost papers --


@pytest.mark.parametrize(
    "text",
    [
        "giay to tuy than cua ca nha chay het tu thang truoc, gio lam lai o dau a",
        "căn cước cả nhà cháy luôn hồi năm ngoái, giờ làm lại bắt đầu từ đâu ạ",
        "giấy tờ nhà em bị cháy hết từ hồi tết, làm lại ở đâu vậy ad",
    ],
)
def test_papers_burnt_are_the_lost_papers(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("mat_giay_to",), text


def test_a_fire_with_no_papers_burnt_is_no_lost_papers() -> None:
    # near miss: a fire told, the confirmation asked, no paper said burnt
    text = "nhà em mới bị cháy bếp, giờ xin giấy xác nhận cư trú ở đâu ạ"
    _, topics, _ = read(text, TODAY)
    assert "mat_giay_to" not in topics, text


# -- a paper asked for on another's behalf ("xin giùm được không"): who may, beside the rest ---


@pytest.mark.parametrize(
    "text",
    [
        "ba em nằm viện, em xin giấy xác nhận cư trú giùm cho ba được không, cần đem gì ạ",
        "xac nhan cu tru cho ong noi, chau xin dum duoc ko, can mang giay gi",
    ],
)
def test_a_paper_asked_for_another_asks_who_may(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("xac_nhan_cu_tru",), text
    assert "ai_khi" in result.sections, text
    assert "giay_to" in result.sections, text


def test_asking_for_a_paper_politely_asks_no_who() -> None:
    # near miss: "cho em xin" is a polite ask, not for another: the part asked only
    text = "cho em xin giấy xác nhận cư trú thì cần mang gì ạ"
    result = answered(text, TODAY)
    assert result.topics == ("xac_nhan_cu_tru",), text
    assert "ai_khi" not in result.sections, text


# -- what must be declared, "những" between ("phải khai báo những gì"): whose duty and when ---


@pytest.mark.parametrize(
    "text",
    [
        "mẹ em dưới quê lên ở với em 2 tháng để chữa bệnh, em phải khai báo những gì ạ",
        "co dua em ho len o nho 5 hom, nha minh phai khai nhung gi vay ad",
    ],
)
def test_what_must_be_declared_asks_whose_duty(text: str) -> None:
    result = answered(text, TODAY)
    assert len(result.topics) == 1, text
    assert "ai_khi" in result.sections, text


# -- kin from abroad come to visit, no country nor nationality said: a citizen or a foreigner --


@pytest.mark.parametrize(
    "text",
    [
        "chi gai em ben nuoc ngoai ve choi, o nha em thi phai khai bao gi ko",
        "Anh trai tôi từ nước ngoài về thăm nhà, có cần báo gì với phường không ạ?",
    ],
)
def test_kin_from_abroad_visiting_asks_which_declaration(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == (), text
    titles = {title: topic for topic, title in knowledge().buttons.items()}
    asked = [titles[b.title] for reply in result.replies for b in reply.buttons]
    assert set(asked) == {"luu_tru", "nuoc_ngoai"}, (text, asked)


def test_kin_abroad_said_a_citizen_is_no_doubt() -> None:
    # near miss: the citizen's card said, the stay's length said: a citizen's lưu trú
    text = "em trai tôi ở nước ngoài về chơi 5 ngày, vẫn có căn cước, có phải báo lưu trú không"
    result = answered(text, TODAY)
    assert result.topics == ("luu_tru",), text


# -- Thai said of someone in English ("my gf is Thai"): a foreigner's stay ---------------------


@pytest.mark.parametrize(
    "text",
    [
        "My girlfriend is Thai and she will stay at my flat for 10 days. Do I have to declare her?",
        "my wife's Thai, we live at my parents house in Tan Phu, does she need to register?",
    ],
)
def test_thai_said_of_someone_is_a_foreigners_stay(text: str) -> None:
    result = answered(text, TODAY)
    assert result.topics == ("nuoc_ngoai",), text


def test_thai_in_vietnamese_words_is_no_foreigner() -> None:
    # near miss: "thái" in a Vietnamese word ("thái độ"): no foreigner said
    text = "cán bộ hướng dẫn thái độ tốt lắm, cho em hỏi thêm đăng ký tạm trú cần giấy gì ạ"
    result = answered(text, TODAY)
    assert result.topics == ("tam_tru",), text
