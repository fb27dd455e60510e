"""Principles of the message classifier added in round 25's kind pass (issue 17 §1, §4:
tips read as questions). Each is tried on phrasings of our own (with and without
diacritics) and on near misses sharing their words that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# a wish to report said, and the writer's own harm told dated: where or how to file it is
# asked of the line that takes the report, a tip


@pytest.mark.parametrize(
    "text",
    [
        "Em muốn tố cáo vụ hôm thứ 3 em bị một người quen mượn xe máy rồi cầm luôn không trả,"
        " giờ em nộp đơn chỗ nào",
        "em muon bao lai vu tuan truoc em bi thang ban cung phong tro danh vi chuyen tien"
        " dien, gio em nop don o dau vay a?",
        "Tôi muốn báo lại chuyện tháng trước tôi bị người thuê nhà lấy mất cái tivi rồi bỏ"
        " đi, giờ tôi gửi đơn ở đâu?",
        # the writer's own harm ("em bị"), its date typed wrong
        "em muon bao lai vu tuan truocc em bi thang ban cung phong tro danh vi chuyen tien"
        " dien, gio em nop don o dau vay a?",
    ],
)
def test_a_report_wished_of_ones_own_harm_is_a_tip(text: str) -> None:
    # the rules' own verdict: the learned model, sure of some, is not what is tested
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")


@pytest.mark.parametrize(
    "text",
    [
        # how to report asked, nothing told
        "muốn tố giác tội phạm thì làm đơn gửi ở đâu ạ?",
        "muon to giac toi pham thi lam don gui o dau a?",
        # a case supposed
        "nếu hôm nào em bị trộm xe thì muốn trình báo phải lên đâu ạ?",
        # a residence procedure the word "báo" names
        "tôi muốn báo tạm vắng, hôm qua tôi về quê rồi, làm ở đâu ạ?",
        # the writer's home or family named, no harm told
        "em muốn trình báo, nhà em ở hẻm 5 Tân Hương thì lên phường nào",
        "tôi muốn tố cáo, con tôi học ở trường Tân Hương thì gửi đơn ở đâu",
    ],
)
def test_how_to_report_asked_of_nothing_told_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# something said going on for a while up to now ("mấy tháng nay") is told, never a case
# supposed, whatever "thì" follows it (the writer's own check: "hỏi tổ trưởng thì ...")


@pytest.mark.parametrize(
    "text",
    [
        "Chủ trọ số 20 hẻm 15 Tân Hương cho hơn chục người lạ ở mấy tháng nay, hỏi bảo vệ"
        " thì chưa ai khai báo tạm trú",
        "chu tro so 20 hem 15 Tan Huong cho hon chuc nguoi la o may thang nay, hoi bao ve"
        " thi chua ai khai bao tam tru",
        "căn nhà số 8 hẻm 22 Gò Dầu mấy tuần nay có 5 6 thanh niên lạ tới ở, hỏi tổ trưởng"
        " thì không ai đăng ký tạm trú",
    ],
)
def test_lodgers_undeclared_for_months_are_a_tip(text: str) -> None:
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")


@pytest.mark.parametrize(
    "text",
    [
        # "nếu" before it still supposes
        "nếu chủ nhà cho người lạ ở mấy tháng nay mà chưa ai khai báo thì có bị phạt không",
        # one's own guest, the procedure asked
        "khách ở nhà tôi mấy tháng nay thì có cần đăng ký tạm trú không",
        "khach o nha toi may thang nay thi co can dang ky tam tru khong",
    ],
)
def test_a_stay_of_months_asked_of_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# the police asked to verify something the writer received, told before the request, no
# category's phrase and no procedure named, nothing asked after it but whether it is real: a
# suspected fake for an officer to check, a tip


@pytest.mark.parametrize(
    "text",
    [
        "Tôi nhận được 'quyết định xử phạt' của Công an quận qua Zalo có đóng dấu, bảo đóng"
        " tiền vào tài khoản cá nhân. Nhờ công an xác minh giúp có phải thật không",
        "toi nhan duoc 'giay trieu tap' cua cong an quan qua zalo, co dong dau do, bat cai app"
        " de khai bao. Nho cong an xac minh gium co phai that khong",
    ],
)
def test_a_thing_received_the_police_asked_to_verify_is_a_tip(text: str) -> None:
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")


@pytest.mark.parametrize(
    "text",
    [
        # nothing told before the request
        "ad ơi nhờ công an xác minh giùm có phải thật không",
        # a procedure named: one's own registration's paper
        "Tôi nhận được giấy hẹn trả kết quả đăng ký tạm trú, nhờ công an xác minh giúp có"
        " phải thật không",
        # a procedure named after the request: what the visit is for
        "mẹ em già yếu không đi được, nhờ công an xuống nhà xác minh giúp để làm căn cước",
        # one's own file told before the request, its procedure's word typed wrong: nothing
        # received
        "Hồ sơ đăng ký thưng trú của ba tui nộp trên mạng từ tháng 5, trễ hẹn mà chưa có kết"
        " quả, ai giải quyết giùm",
    ],
)
def test_a_verification_asked_for_a_procedure_stays_a_question(text: str) -> None:
    assert classify(text).kind == "question"


# a wish to report opening the message, the case inside it before "thì" ("muốn báo có người
# bán ma túy trong hẻm thì báo ở đâu"): "if one wants to report", nothing told; a number (a
# house, a lane) makes what follows precise, a report


@pytest.mark.parametrize(
    "text",
    [
        "cho em hỏi muốn báo có người bán ma túy trong xóm thì báo ở đâu, có bị lộ tên không ạ",
        "cho hoi muon to giac co nguoi danh bac trong xom thi gui don o dau",
    ],
)
def test_a_report_wished_of_a_case_supposed_is_a_question(text: str) -> None:
    assert (by_rules(text).kind, classify(text).kind) == ("question", "question")


@pytest.mark.parametrize(
    "text",
    [
        "tôi muốn báo nhà số 5 hẻm 30 Tân Hương bán ma túy thì báo ở đâu",
        "em muốn tố cáo ông chủ quán karaoke số 12 Gò Dầu bán ma túy cho học sinh thì gửi đơn"
        " ở đâu",
        # "thì" not a supposition's: what everyone knows
        "tôi muốn báo, thằng hàng xóm bán ma túy thì ai cũng biết",
    ],
)
def test_a_report_wished_of_a_place_told_stays_a_tip(text: str) -> None:
    assert (by_rules(text).kind, classify(text).kind) == ("tip", "tip")
