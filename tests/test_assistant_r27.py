"""Round 27's assistant pass (issue 17 §5: questions it has not seen): a tạm trú told already run
out, registering anew asked beside its renewal, is answered with both the renewal and the new
registration (a renewal is made only before the term ends). Each rule is tried on fresh
phrasings and on the near misses that must not change."""

from __future__ import annotations

from datetime import date

import pytest

from shared.core.assistant import knowledge
from tests.asked import answered, read

TODAY = date(2026, 12, 4)


# -- a term told run out, registering anew asked: the renewal and the new registration ---------


@pytest.mark.parametrize(
    "text",
    [
        "Tạm trú của chồng em hết hạn từ tuần trước rồi, giờ gia hạn tiếp hay phải đăng ký lại?",
        "tam tru het han 1 thang roi ma chua gia han, gio phai lam lai tu dau ha ad",
        "Tạm trú hết hạn mà em quên gia hạn, vậy làm mới hay gia hạn được nữa ạ?",
    ],
)
def test_a_term_run_out_with_registering_anew_asked_gets_both(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert set(topics) == {"gia_han_tam_tru", "tam_tru"}, text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: the term still running, registering anew only weighed against the renewal
        "Tạm trú của em sắp hết hạn rồi, nên gia hạn hay đăng ký lại từ đầu ạ?",
        # near miss: the term ends later, "rồi" said of the wait ("đợi hết hạn rồi")
        "còn 10 ngày là hết hạn tạm trú, e gia hạn luôn hay đợi hết hạn rồi đăng ký lại?",
        # near miss: "đăng ký mới" as the fee compared, no term run out
        "gia hạn tạm trú có tốn phí như đăng ký mới không anh",
        # near miss: run out, a bare "làm lại" (the renewal asked, as the sets label it)
        "tạm trú hết hạn rồi thì làm lại hay gia hạn",
    ],
)
def test_a_term_not_told_run_out_or_no_new_registration_asked_is_the_renewal(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert not tip, text
    assert topics == ("gia_han_tam_tru",), text


# -- "hồ sơ tạm trú" is a registration's file, never the old tạm trú book ----------------------


def test_a_registrations_file_beside_its_term_is_the_registration() -> None:
    text = "Hồ sơ tạm trú nộp rồi mấy ngày có kết quả? Với lại tạm trú được bao lâu thì hết hạn?"
    tip, topics, _ = read(text, TODAY)
    assert (tip, topics) == (False, ("tam_tru",))


def test_the_old_book_said_expired_is_still_the_renewal() -> None:
    # near miss: the book itself, "sổ tạm trú", said run out: its renewal, as before
    tip, topics, _ = read("Sổ tạm trú của ba em hết hạn rồi, giờ làm sao ạ?", TODAY)
    assert (tip, topics) == (False, ("gia_han_tam_tru",))


# -- a guest's declaration asked how, who the guest is unsaid: lưu trú or a foreigner's ---------


@pytest.mark.parametrize(
    "text",
    [
        "Nhà nghỉ của chị mới mở, khách tới thì khai báo như thế nào em?",
        "homestay nha minh co khach o lai thi khai bao ra sao vay ad",
        "Khách sạn tụi em có khách đặt phòng qua đêm thì khai báo thế nào ạ?",
    ],
)
def test_a_guests_declaration_asked_how_with_the_guest_unsaid_asks_which(text: str) -> None:
    result = answered(text, TODAY)
    assert not result.tip and not result.topics, text
    titles = [b.title for reply in result.replies for b in reply.buttons]
    buttons = knowledge().buttons
    assert titles == [buttons["luu_tru"], buttons["nuoc_ngoai"]], text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: lưu trú named, the citizens' own declaration asked
        "Nhà nghỉ khai báo lưu trú cho khách như thế nào ạ?",
        # near miss: the guest said a citizen ("khách Việt")
        "homestay có khách Việt ở lại qua đêm thì khai báo sao ạ?",
        # near miss: whether, not how ("có phải khai báo gì không")
        "Nhà em có khách ở lại qua đêm, có phải khai báo gì không ạ?",
        # near miss: a part asked beside (where it is sent), the topic's own part
        "nhà nghỉ có khách ngủ lại thì khai báo sao, làm trên app nào?",
    ],
)
def test_a_guests_declaration_named_said_of_a_citizen_or_part_asked_is_luu_tru(text: str) -> None:
    tip, topics, _ = read(text, TODAY)
    assert (tip, topics) == (False, ("luu_tru",)), text


# -- a father said "ông già", a spouse said come to live with one: a stay for good, which ------


@pytest.mark.parametrize(
    ("text", "topics"),
    [
        # the father come to live with whoever asks: the short stay, tạm trú or thường trú
        (
            "ông già em dưới quê lên ở với em, giờ em phải làm giấy gì ạ?",
            ["luu_tru", "tam_tru", "thuong_tru"],
        ),
        # a spouse come to live: tạm trú or thường trú, never the short stay
        ("chồng tui về ở với tui bên này thì phải đăng ký gì vậy?", ["tam_tru", "thuong_tru"]),
    ],
)
def test_a_father_or_spouse_come_to_live_asks_which(text: str, topics: list[str]) -> None:
    result = answered(text, TODAY)
    assert not result.tip and not result.topics, text
    titles = [b.title for reply in result.replies for b in reply.buttons]
    assert titles == [knowledge().buttons[t] for t in topics], text


def test_a_spouse_come_for_a_length_said_short_is_the_short_stay() -> None:
    # near miss: the spouse's stay said a week long: lưu trú, as before
    tip, topics, _ = read("vợ tui về ở nhà ngoại 1 tuần thì có phải khai báo gì không", TODAY)
    assert (tip, topics) == (False, ("luu_tru",))


# -- the household book's procedure asked "làm sao": which procedure ---------------------------


def test_the_household_books_procedure_asked_how_asks_which() -> None:
    result = answered("cho em hỏi thủ tục hộ khẩu làm sao ạ", TODAY)
    assert not result.tip and not result.topics
    titles = [b.title for reply in result.replies for b in reply.buttons]
    k = knowledge()
    assert titles == [k.buttons[t] for t in ("thuong_tru", "xoa_dang_ky", "xac_nhan_cu_tru")]


def test_a_part_asked_beside_the_household_book_is_the_registrations() -> None:
    # near miss: the fee asked beside: the registration's part, as before
    tip, topics, _ = read("thủ tục hộ khẩu làm sao, lệ phí bao nhiêu ạ", TODAY)
    assert (tip, topics) == (False, ("thuong_tru",))


# -- both nationalities named, a registration asked: an officer --------------------------------


def test_both_nationalities_named_with_a_registration_asked_goes_to_an_officer() -> None:
    text = "Vợ tôi có cả quốc tịch Việt Nam và Úc, về ở hẳn với tôi thì đăng ký thế nào ạ?"
    result = answered(text, TODAY)
    assert result.handoff and not result.topics


def test_a_foreign_nationality_and_a_green_card_named_is_the_foreigners_stay() -> None:
    # near miss: "có cả" of one nationality and another country's card: a foreigner
    text = "chồng em người Mỹ, có cả quốc tịch Mỹ và thẻ xanh, ở nhà em 2 tuần thì khai báo sao"
    tip, topics, _ = read(text, TODAY)
    assert (tip, topics) == (False, ("nuoc_ngoai",))


# -- "già hàng xóm" (an old neighbour) folds as "gia hang", a renewal's typo: never a renewal --


@pytest.mark.parametrize(
    "text",
    [
        "ông già hàng xóm nhà em mới cho người ở trọ thì có phải khai báo gì không",
        "bà già hàng xóm ở một mình, con cháu ở quê lên chơi 1 tuần có cần khai báo không",
    ],
)
def test_an_old_neighbour_is_no_renewal(text: str) -> None:
    _, topics, _ = read(text, TODAY)
    assert "gia_han_tam_tru" not in topics, text


def test_the_renewal_typed_gia_hang_is_still_read() -> None:
    # near miss: the typo the rewrite is for
    _, topics, _ = read("gia hang tam tru o dau vay ad", TODAY)
    assert "gia_han_tam_tru" in topics
