"""Round 32's second kind pass (issue 17, kind-32b): questions read as tips. The rules'
own verdict is read (`by_rules`), so a retrained model moves none of them.

An address to the line or a leave to ask opening the message ("ad ơi", "anh ơi cho em
hỏi") tells nothing: a case supposed after it ("... đánh nhau gây thương tích thì bị xử lý
sao") asks the law as it would with nothing before it, while a case told (dated, just done,
going on now, or a habit) stays a tip whatever opens it."""

from __future__ import annotations

import pytest

from shared.core.classify import _opening_end, by_rules


@pytest.mark.parametrize(
    "text",
    [
        # the law's penalty asked in general, an address first (typed without marks too)
        "ad oi danh nhau gay thuong tich 11% thi bi xu ly sao",
        "ad ơi đánh bạc ăn tiền thì bị xử lý thế nào",
        "mấy anh ơi trộm chó thì bị phạt sao",
        "ad ơi trộm xe thì bị xử lý sao",
        "a oi chay no xe may thi boi thuong sao",
        # where or how to report a case supposed, after a leave to ask
        "cho hoi bi mat xe may thi can giay to gi de trinh bao",
        "anh ơi cho em hỏi bị giật điện thoại thì báo ở đâu",
        "chị ơi bị lừa đảo qua mạng thì báo ở đâu ạ",
        # a comma after the address changes nothing
        "ad ơi, đánh nhau gây thương tích 11% thì bị xử lý sao",
    ],
)
def test_a_case_supposed_after_an_address_is_asked(text: str) -> None:
    assert by_rules(text).kind == "question", text


@pytest.mark.parametrize(
    "text",
    [
        # a real fight told (dated), then what to do asked
        "ad ơi tối qua thằng hàng xóm đánh em chảy máu đầu, giờ xử lý sao",
        # a theft just done, then where to report asked
        "anh ơi em vừa bị giật điện thoại ở chợ thì báo ở đâu",
        # a fight going on now
        "ad oi hem 12 dang danh nhau thi xu ly sao",
        # a habit told after the leave to ask: told, not supposed
        "dạ cho e hỏi e nghi người giúp việc lấy tiền trong tủ nhà e nhiều lần, giờ e muốn "
        "báo công an thì có cần bằng chứng gì ko",
        # a story told over clauses before the "thì", its time typed wrong ("hồi chưa")
        "cho hoi bi giat tui chen duong Tan Son Nhi hoi chua, chong tui co cccd vs 3tr thi gio "
        "lam sao ak, phai ra phuong hay bao o day dc",
    ],
)
def test_a_case_told_after_an_address_stays_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


def test_the_opening_ends_after_each_address_in_turn() -> None:
    address = ("supposing_opening", "ad ơi", 0, 2, True, 0)
    leave = ("line_opener", "cho em hỏi", 2, 5, True, 0)
    assert _opening_end({}) == 0
    assert _opening_end({"supposing_opening": [address]}) == 2
    assert _opening_end({"supposing_opening": [address], "line_opener": [leave]}) == 5
    # one not at the start opens nothing
    assert _opening_end({"line_opener": [leave]}) == 0


# a foreigner's own visa run out, asked by the foreigner: their own stay, a question (the
# residence rule's `asks`), what to do asked after it or not
@pytest.mark.parametrize(
    "text",
    [
        "toi la nguoi nuoc ngoai, visa het han 1 tuan roi, gio lam sao",
        "Mình là người nước ngoài, visa hết hạn mấy hôm nay do kẹt vé, chủ trọ lo bị phạt, "
        "giờ phải làm gì",
        "visa cua tui het han hom qua, chu nha noi phai di gia han, tui phai lam sao",
    ],
)
def test_a_foreigners_own_visa_is_asked(text: str) -> None:
    assert by_rules(text).kind == "question", text


# someone else's overstay told, what to do asked or not: still a residence tip
@pytest.mark.parametrize(
    "text",
    [
        "nhà kế bên có ông người nước ngoài visa hết hạn lâu rồi mà vẫn ở, chủ nhà không khai báo",
        "phong tro ben canh co 2 nguoi nuoc ngoai visa het han roi van o, gio lam sao",
    ],
)
def test_someone_elses_overstay_stays_a_tip(text: str) -> None:
    verdict = by_rules(text)
    assert (verdict.kind, verdict.category) == ("tip", "residence"), text


def test_a_foreigner_reporting_the_neighbours_stays_a_tip() -> None:
    # (the writer's own foreignness said weakens the residence words: the tip's category may
    # then be other, its kind never moves)
    text = "tôi là người nước ngoài, nhà kế bên có 5 người lạ ở cả tháng không khai báo"
    assert by_rules(text).kind == "tip"


# an office's practice asked in general (`practice_asked`): which cases it takes, nothing told
@pytest.mark.parametrize(
    "text",
    [
        "công an phường có nhận đơn tố cáo lừa đảo online không",
        "cong an phuong co nhan don to cao lua dao qua mang ko ad",
        "phường mình có tiếp nhận tố cáo vụ đánh bạc không vậy",
    ],
)
def test_an_offices_practice_asked_is_a_question(text: str) -> None:
    assert by_rules(text).kind == "question", text


# the writer's own harm told, or something going on now, then the same asked: a tip
@pytest.mark.parametrize(
    "text",
    [
        "em bị lừa 5 triệu qua mạng rồi, công an phường có nhận đơn không",
        "hôm qua mẹ em bị giật túi ở chợ, công an phường có nhận đơn không ạ",
        "hẻm 12 đang đánh nhau, công an có nhận tin báo không",
    ],
)
def test_a_harm_told_then_the_practice_asked_stays_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text
