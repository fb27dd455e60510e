"""Principles of the message classifier added in round 24's kind pass (issue 17 §1, §4:
tips and chat read as questions). Each is tried on phrasings of our own (with and without
diacritics) and on near misses sharing their words that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# the police asked to act on what the message tells (check it, verify it, handle it), the
# request itself phrased as a question: for an officer to act on, a tip


@pytest.mark.parametrize(
    "text",
    [
        "tiệm sạc pin xe đạp điện trong hẻm 30 sạc cả chục chiếc qua đêm, tôi sợ cháy,"
        " có ai kiểm tra không",
        "tiem sac pin xe dap dien trong hem 30 sac ca chuc chiec qua dem, toi so chay,"
        " co ai kiem tra khong",
        "quan nuong dau hem 18 de binh gas sat bep than, so chay lam, co ai kiem tra ko",
    ],
)
def test_the_police_asked_to_act_is_a_tip(text: str) -> None:
    # the rules' own verdict: the learned model, sure of some, is not what is tested
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")


@pytest.mark.parametrize(
    "text",
    [
        # how a check works asked: the procedure's question
        "công an phường có kiểm tra tạm trú vào ban đêm không",
        "cong an phuong co kiem tra tam tru vao ban dem khong",
        # one's own file asked after: a question, whoever is asked to look
        "nhờ công an kiểm tra giúp hồ sơ đăng ký tạm trú của em nộp tuần trước tới đâu rồi",
        # a visit asked for a procedure, its word typed wrong: no category beside the request
        "nho cong an khu vuc ghe nha xac minh giup de dang ky thung tru cho me em, me em bi"
        " liet ko di dc",
        # a case supposed, then asked
        "nếu quán bên cạnh để bình gas sát bếp thì có ai kiểm tra không",
    ],
)
def test_a_check_asked_of_a_procedure_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# what to do asked, the only thing asked, after something told in a category's words: the
# writer asks for help with what happened, no procedure is named for the assistant to answer


@pytest.mark.parametrize(
    "text",
    [
        "sáng nay dọn phòng trọ thấy dưới gầm giường có ống hút với giấy bạc cháy đen, người"
        " thuê đi vắng, em nên làm gì ạ",
        "sang nay don phong tro thay duoi gam giuong co ong hut voi giay bac chay den, nguoi"
        " thue di vang, em nen lam gi a",
    ],
)
def test_what_to_do_asked_after_something_told_is_a_tip(text: str) -> None:
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")


@pytest.mark.parametrize(
    "text",
    [
        # how to report asked first, nothing told: the procedure's question
        "làm sao để tố giác tội phạm trong xóm",
        "lam sao de bao tin ve toi pham trong xom ma khong bi lo danh tinh",
        # a report only named, nothing told of
        "em muốn tố giác tội phạm thì phải làm sao",
        # a procedure named beside it: the procedure is what is asked
        "con tôi 16 tuổi bị bạn rủ đi làm thêm ở quán nhậu, muốn đăng ký tạm trú cho cháu ở"
        " chỗ làm thì phải làm sao",
        # a case supposed
        "nếu thấy người ta buôn bán ma túy thì mình nên làm gì",
    ],
)
def test_what_to_do_asked_of_a_procedure_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# a shop told of with a check asked of the police is no shop asked for: not everyday chat


def test_a_shop_told_of_with_a_check_asked_is_a_tip() -> None:
    text = (
        "tiem sua xe dau hem 9 chua ca chuc can xang trong nha, so chay qua, co ai kiem tra khong"
    )
    assert classify(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    ["tiệm sửa xe nào uy tín gần chợ Tân Hương vậy mọi người", "chỗ sửa xe nào rẻ, ai biết chỉ em"],
)
def test_a_shop_asked_for_stays_chat(text: str) -> None:
    assert classify(text).kind == "other"
