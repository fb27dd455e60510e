"""Principles of the message classifier added in round 21's second kind pass (issue 17;
the kind misses of message tuning set 40: chat near a police subject). Each is tried on
phrasings of our own and on near-misses sharing their words that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


def _kind(text: str) -> str:
    return classify(text).kind


# a crime told inside a dream or a video game: nothing happened in the street


@pytest.mark.parametrize(
    "text",
    [
        "Tối qua nằm mơ thấy nhà bị cướp, sợ ghê, có phải điềm xấu không mọi người",
        "em mơ thấy bị trộm xe, có phải sắp xui không ta",
        "thằng em tui ghiền game bắn súng, nói hoài không nghe",
        "cả đêm chiêm bao thấy bị người ta đánh, giờ còn mệt",
    ],
)
def test_a_dream_or_a_game_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # a real fire heard while playing
        "đang chơi game thì nghe nhà bên la cứu, khói bốc lên nghi cháy nhà",
        # kids robbed at a net café: playing is only where they were
        "tụi nhỏ chơi game ở tiệm net hẻm 5 bị mấy thằng lớn chặn lấy tiền, vừa xong",
        # a scam inside a game takes real money
        "con tôi chơi game online bị lừa nạp thẻ 2 triệu, người ta hứa bán tài khoản",
        # players shouting all night are real noise
        "đêm nào quán net cũng la hét trong game tới 2h sáng, ồn không ngủ được",
        # the dream came true
        "nằm mơ thấy bị trộm, sáng ra mất xe thật rồi, xe để trước cửa nhà hẻm 3",
        # a real gun beside a game shop's name
        "có thằng cầm súng bắn chỉ thiên trước tiệm game bắn cá hẻm 9",
    ],
)
def test_a_real_event_beside_a_game_or_a_dream_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# a police office named only as a landmark, where an everyday shop is sought: nothing is
# asked of the office


@pytest.mark.parametrize(
    "text",
    [
        "gửi xe cạnh trụ sở công an quận chỗ nào rẻ vậy",
        "đối diện phường có quán nào rẻ ăn trưa không ạ",
        "ai biết gần công an phường Tây Thạnh có tiệm photo nào không",
    ],
)
def test_a_shop_sought_near_a_police_office_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # the office's own hours asked
        "phường mấy giờ mở cửa vậy anh",
        # a procedure's papers asked
        "gần phường có chỗ nào photo hồ sơ tạm trú không",
        # the office asked besides the landmark
        "gần công an phường có chỗ nào photo, mà phường mấy giờ mở cửa vậy",
        "công an phường có photo hồ sơ giúp dân không",
    ],
)
def test_the_office_itself_asked_stays_a_question(text: str) -> None:
    assert _kind(text) == "question"


def test_a_theft_at_a_lot_near_the_office_stays_a_tip() -> None:
    assert (
        _kind("bãi giữ xe gần công an phường bị mất nón bảo hiểm, bảo vệ không chịu đền") == "tip"
    )


# papers told lost somewhere, nothing asked: the loss reported for the ward's desk, though a
# residence paper is what was lost


@pytest.mark.parametrize(
    "text",
    [
        "chồng tôi làm mất sổ hộ khẩu với giấy khai sinh của con ở bến xe Miền Tây",
        "mẹ em đánh rơi sổ hộ khẩu cũ ngoài chợ Tân Hương sáng nay",
    ],
)
def test_papers_told_lost_somewhere_are_a_lost_property_tip(text: str) -> None:
    verdict = classify(text)
    assert (verdict.kind, verdict.category) == ("tip", "lost_property")


@pytest.mark.parametrize(
    "text",
    [
        # their re-issue asked
        "mất sổ hộ khẩu cũ thì làm lại ở đâu",
        "mất sổ hộ khẩu ở bến xe, có cần làm lại không",
        # the paper asked of, nothing lost
        "sổ hộ khẩu bỏ rồi đúng không anh",
    ],
)
def test_papers_whose_procedure_is_asked_stay_a_question(text: str) -> None:
    assert _kind(text) == "question"


# a question word made indefinite by "cũng" ("gì cũng": whatever) asks nothing


def test_an_indefinite_with_cung_is_no_question() -> None:
    assert _kind("con bot này nói gì cũng trả lời giống nhau, chán ghê") == "other"
    assert _kind("ai cũng biết nhà đó bán ma túy mà không ai dám báo") == "tip"
    assert _kind("hẻm này đi đâu cũng gặp tụi nó ngồi hút chích") == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # a final "không" still asks
        "nhà em ai cũng bị ho, có cần khai báo gì không",
        # a question beside the indefinite
        "làm gì cũng được, cho hỏi tạm trú nộp ở đâu",
    ],
)
def test_a_question_beside_an_indefinite_still_asks(text: str) -> None:
    assert _kind(text) == "question"


# the utility company itself named, its outage told in other words: its matter, no report;
# people acting in its name are a scam the model may still read


@pytest.mark.parametrize(
    "text",
    [
        "nước nhà tui yếu xìu cả tuần, báo công ty cấp nước mà hổng thấy ai tới",
        "đèn nhà em chập chờn từ tối, gọi tổng đài điện lực hoài không được",
    ],
)
def test_the_utility_company_named_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        "có người giả danh nhân viên điện lực gọi điện đòi đóng tiền nếu không cắt điện",
        "thằng hàng xóm câu trộm điện, em báo điện lực rồi mà không ai xử",
        "mấy người mặc đồng phục điện lực gõ cửa từng nhà đòi thu phí kiểm tra 300k, "
        "em gọi điện lực thì họ nói không có",
    ],
)
def test_someone_acting_near_the_utility_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# a forward's header, its post advising everyone or passing on another office's notice: a
# post passed on, no report of the writer's


@pytest.mark.parametrize(
    "text",
    [
        "[Chuyển tiếp] Ngập nặng đường Tân Kỳ Tân Quý, xe chết máy nhiều, bà con nên tránh khu này",
        "Fwd: Thông báo từ ban quản lý chung cư: sáng mai cúp điện bảo trì trạm biến áp từ 7h",
        "Forwarded from tổ dân phố: mọi người lưu ý khóa cửa cẩn thận dịp lễ",
    ],
)
def test_a_notice_passed_on_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # a threat received, passed on by its victim
        "chuyển tiếp tin nhắn nó dọa em: 'mày không trả tiền tao cho người tới nhà', em sợ quá",
        # the writer's own loss under a forward's header
        "Fwd: tôi bị mất xe tối qua ở hẻm 3, mọi người ai thấy báo tôi với",
    ],
)
def test_the_writers_own_matter_under_a_header_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# the bot itself called stupid or said not to understand: a word about the line, no report


@pytest.mark.parametrize(
    "text",
    ["bot nay do ec, noi gi no cung tra loi lung tung", "con bot chẳng hiểu em nói gì hết trơn"],
)
def test_the_bot_called_stupid_is_other(text: str) -> None:
    assert _kind(text) == "other"


def test_a_harm_told_beside_the_bot_stays_a_tip() -> None:
    text = "không hiểu sao tối nào thằng hàng xóm cũng đập cửa nhà em, bot có chuyển đi không"
    assert _kind(text) == "tip"


# what to cook or to wear, told beside only a cry: a household choice, no danger


def test_a_cooking_worry_beside_a_cry_is_other() -> None:
    assert _kind("cứu tui với mọi người, mai đãi khách mà chưa biết nấu gì") == "other"


@pytest.mark.parametrize(
    "text",
    [
        "cứu với, đang nấu ăn thì bình gas xì khí mùi nồng lắm",
        "cứu em với, chồng em say rượu cầm dao đòi chém, em đang trốn trong bếp không biết nấu gì",
    ],
)
def test_a_danger_in_the_kitchen_stays_an_urgent_tip(text: str) -> None:
    verdict = classify(text)
    assert (verdict.kind, verdict.severity) == ("tip", "urgent")
