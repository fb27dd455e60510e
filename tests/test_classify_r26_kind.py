"""Principles of the message classifier added in round 26's kind pass (issue 17 §1, §4:
tips read as questions or as other). Each is tried on phrasings of our own (with and
without diacritics) and on near misses sharing their words that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# a stranger staying said in other words than "người lạ" ("người đàn ông lạ", "thanh niên
# lạ", "lạ mặt"), nobody declaring them: someone else's lodger undeclared, a residence tip


@pytest.mark.parametrize(
    "text",
    [
        "Nhà ông Sáu kế bên có người phụ nữ lạ ở gần 3 tuần nay, chưa ai đăng ký tạm trú cho bà ta",
        "nha ong Tu ke ben co 2 thanh nien la o may tuan nay, chua ai dang ky tam tru",
        "Mấy tuần nay có một đàn ông lạ ngủ lại nhà bà Tư đầu hẻm, chưa ai khai báo tạm trú",
    ],
)
def test_a_stranger_staying_undeclared_is_a_residence_tip(text: str) -> None:
    # the rules' own verdict: the learned model is not what is tested
    assert (by_rules(text).kind, by_rules(text).category) == ("tip", "residence")
    assert classify(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own stay, a stranger in town: the fine asked
        "em mới lên thành phố còn lạ mặt mọi người, chưa đăng ký tạm trú thì bị phạt bao nhiêu",
        # lạ said of the city, one's own registration asked
        "em mới lên thành phố, lạ nước lạ cái, chưa đăng ký tạm trú thì làm sao",
    ],
)
def test_ones_own_stay_beside_lạ_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# a bag or a folder of papers dropped ("rớt túi hồ sơ"), told with where: a loss told,
# whatever papers it held (diplomas, a birth certificate); their re-issue asked of nothing
# told stays a question


@pytest.mark.parametrize(
    "text",
    [
        "Em rớt túi hồ sơ ở bến xe Miền Tây sáng nay, trong có bằng tốt nghiệp với giấy"
        " khai sinh bản gốc",
        "rot tui ho so o cho Tan Huong hoi trua, co hoc ba voi giay khai sinh goc, gap lam",
        "Tôi rớt cái cặp có giấy tờ xe đâu đó trên đường Âu Cơ chiều nay",
    ],
)
def test_a_bag_of_papers_dropped_is_a_loss_told(text: str) -> None:
    assert (by_rules(text).kind, by_rules(text).category) == ("tip", "lost_property")


@pytest.mark.parametrize(
    "text",
    [
        # the re-issue of the card it held asked, nothing told of where or when
        "rớt túi hồ sơ có căn cước, giờ làm lại căn cước ở đâu",
        # "rồi tui" typed without marks is no bag dropped
        "xong roi tui hoi phuong lam tam tru can giay gi",
    ],
)
def test_a_reissue_asked_or_roi_tui_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# a tradesman or a shop named beside the writer's own harm or loss told ("thuê thợ sửa
# điện về làm, ổng đi rồi thì mất cái nhẫn"): where it happened, not an errand asked


@pytest.mark.parametrize(
    "text",
    [
        "nhà em kêu thợ sửa máy lạnh về làm, ổng về rồi thì mất cái đồng hồ để trên tủ, em"
        " có số điện thoại ổng",
        "nha toi goi tho sua ong nuoc toi, ong ta di roi thi mat cai vi de tren ban, toi co"
        " so dien thoai",
    ],
)
def test_a_tradesman_beside_ones_own_loss_is_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        # a mishap of one's own, the tradesman sought
        "Máy lạnh nhà em hư rồi, ai biết thợ sửa nào uy tín chỉ em với",
        # one's own illness, a pharmacy sought
        "em bị cảm rồi, nhà thuốc nào mở khuya gần Tân Hương vậy",
    ],
)
def test_a_shop_sought_after_ones_own_mishap_stays_other(text: str) -> None:
    assert classify(text).kind == "other"
