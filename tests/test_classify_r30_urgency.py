"""Principles of the message classifier added in round 30's urgency pass (issue 17: urgency
that matches the danger), kept only when the blind sets' aggregates lost nothing. Each is
tried on phrasings of our own (without diacritics, typos) and on counter-examples (the
danger over) that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# a fire's ambiguous words typed without marks ("dang chay": also "đang chạy") count beside
# the category's own context typed plainly ("lửa bén vô"), as they count to name the category


@pytest.mark.parametrize(
    "text",
    [
        "nguoi ta dot vang ma tren via he truoc nha, lua bay ben vo tam bat che nang nha tui roi,"
        " dang chay",
        "dot rac ngoai hem lua ben vo hang rao nha toi, dang chay",
        "lua ben vo tam bat nha tui, dang chay",
    ],
)
def test_a_fire_caught_on_a_home_is_urgent(text: str) -> None:
    assert by_rules(text).severity == "urgent"
    assert classify(text).severity == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "hom qua lua ben vo tam bat nha tui, dap tat roi",
        "lua ben vo tam bat nha tui hoi toi, da dap tat, ko ai sao",
    ],
)
def test_a_fire_put_out_stays_calm(text: str) -> None:
    assert classify(text).severity == "normal"


# weapons hidden ready for a fight set for later today: the learned model, reading a plan,
# never lowers the rules' urgency (`severity.kept_today` beside `severity.today`); weapons
# hidden there for weeks, or found lying, stay as they were


@pytest.mark.parametrize(
    "text",
    [
        "tui thanh nien giau dao tuyp trong bui cay cong vien sau truong, e thay luc sang,"
        " toi nay chac tui no xu nhau",
        "tụi nhỏ trong xóm hẹn kèo tối nay ra công viên giải quyết, tụi nó giấu mã tấu trong"
        " bụi cây đầu hẻm, tui thấy tận mắt",
        "may dua trong hem giau san ma tau sau nha kho, nghe noi dem nay keo qua xom ben",
    ],
)
def test_weapons_hidden_for_tonight_are_urgent(text: str) -> None:
    assert classify(text).severity == "urgent"


@pytest.mark.parametrize(
    "text",
    [
        "Nhưng mấy tuần nay có 1 nhóm khoảng 6-7 đứa giấu dao, côn nhị khúc trong bụi cây cạnh"
        " cổng trường, tan học là lấy ra nhét vô cặp, nghe nói hẹn đánh nhau với trường khác."
        " Tôi sợ có chuyện lớn, nhờ các anh để ý giùm giờ tan học.",
        "mấy đứa trong xóm cất giấu dao phay sau nhà kho, hay lấy ra khoe với nhau",
        "hom truoc tui no giau ma tau trong bui cay roi danh nhau, cong an bat het roi",
    ],
)
def test_weapons_hidden_long_since_stay_calm(text: str) -> None:
    assert classify(text).severity == "normal"


# impostors dressed as a utility's staff, going on to the next homes now (`impostor_here`):
# they can still be caught; the same told of last week stays calm


@pytest.mark.parametrize(
    "text",
    [
        "Nhóm người mặc áo giống điện lực tới từng nhà ở Hòa Thạnh nói thay đồng hồ thu 500k,"
        " tôi hỏi điện lực thì ko có, họ đang ở hẻm 30 nè",
        "co 2 ng mac ao dien luc toi nha doi tien cat dien, tui kiem tra app thi ko no gi, ho dang"
        " di gom nha khac trong hem 90",
        "2 thang mac ao giong dien luc toi tung nha thu tien thay dong ho, gio dang o hem 12",
    ],
)
def test_impostors_at_work_now_are_urgent(text: str) -> None:
    assert classify(text).severity == "urgent"


def test_impostors_of_last_week_stay_calm() -> None:
    text = (
        "tuần trước có 2 người mặc áo điện lực tới từng nhà thu tiền, hỏi điện lực thì không có ai"
    )
    assert classify(text).severity == "normal"


# a parent pressed to pay for a child said hurt, the child not reachable to ask
# (`scam_being_paid`): not paid yet, still to be stopped


@pytest.mark.parametrize(
    "text",
    [
        "có người gọi nói con tôi đang cấp cứu ở bệnh viện, đòi chuyển tiền mổ gấp 50 triệu trong"
        " 15 phút, tôi gọi con không được, làm sao giờ",
        "co nguoi goi noi con toi dang cap cuu o benh vien, doi chuyen tien gap 30tr, goi cho con"
        " ko bat may, gio sao",
        # the demand typed with a typo ("chuển"): the story told to press the parent still says it
        "có người gọi nói con tôi đang cấp cứu ở bệnh viện, đòi chuển tiền mổ gấp, tôi gọi con"
        " không được",
    ],
)
def test_a_parent_pressed_to_pay_now_is_urgent(text: str) -> None:
    assert classify(text).severity == "urgent"


def test_a_scam_call_told_after_stays_calm() -> None:
    text = (
        "hôm qua có người gọi nói con tôi đang cấp cứu, đòi chuyển tiền mổ gấp, tôi gọi con không"
        " được, may mà tôi chưa chuyển, sau đó gọi được rồi"
    )
    assert classify(text).severity == "normal"
