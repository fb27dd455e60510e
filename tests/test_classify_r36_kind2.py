"""Round 36's second kind pass (issue 17, kind2-36), from the tuning sets' questions read as
tips, by principle: a residence question that names an event only in passing stays a question
for the assistant. The way a fee is paid asked ("tiền mặt hay chuyển khoản") is no transfer
anyone demanded; the writer's own registration said impossible ("em không đăng ký tạm trú chỗ
mới được") is no omission to report; one's own papers lost, what to do asked and neither where
nor when told ("mất giấy tờ rồi giờ sao") is the lost papers' question, as when their re-issue is
asked. Fresh phrasings (no marks, teencode, English) beside near misses that must stay tips: a
transfer demanded, lodgers not registered, a loss told with its place or time, a theft told in
words of its own, a wallet or a vehicle's papers lost."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        # the fee's way of paying asked
        "Le phi nhap khau bao nhieu, dong tien mat hay chuyen khoan vay em?",
        "lệ phí đăng ký tạm trú chuyển khoản được không ạ",
        "đóng lệ phí thường trú bằng chuyển khoản hay phải nộp tiền mặt tại phường",
        "nop le phi tam tru qua chuyen khoan dc ko ad",
        "lam tam tru online thi thanh toan le phi bang chuyen khoan hay sao",
        "tạm trú nộp tiền mặt hay chuyển khoản vậy chị",
        "xin giấy xác nhận cư trú có được chuyển khoản không hay phải đem tiền mặt",
        # the writer's own registration said impossible
        "Chủ trọ cũ giữ căn cước của em không trả vì em còn nợ 1 tháng tiền phòng, em không "
        "đăng ký tạm trú chỗ mới được",
        "em không đăng ký tạm trú được vì chủ nhà không đưa giấy tờ nhà",
        "chủ trọ giữ giấy tờ nhà nên tụi em không đăng ký tạm trú được, phải làm sao",
        "chu tro giu cccd cua e, e ko dang ky tam tru dc",
        "tui ko dang ky tam tru dc vi chu nha di vang",
        "chủ trọ giữ căn cước nên e ko dk tạm trú đc, em phải làm sao",
        # one's own papers lost, what to do asked, neither where nor when told
        "mat giay to roi gio sao",
        "mất giấy tờ rồi làm sao đây",
        "mat cccd voi the bhyt roi, phai lam sao",
        "làm mất căn cước rồi giờ tính sao ad",
        "mat het giay to roi ad oi, gio tinh sao day",
        "ba tui lam mat chung minh roi, gio phai lam gi a",
    ],
)
def test_a_residence_question_naming_an_event_in_passing_stays_a_question(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", (text, got)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a transfer demanded by someone, a deposit taken
        ("nó kêu em chuyển khoản 2 triệu để làm tạm trú nhanh rồi chặn luôn", "fraud"),
        ("em chuyển khoản tiền cọc phòng trọ rồi mà chủ trọ không cho vào ở, giờ sao", "fraud"),
        (
            "có người gọi nói là công an phường kêu chuyển khoản lệ phí tạm trú 500k, có phải "
            "thật không",
            "fraud",
        ),
        # lodgers nobody registered, a stay's length after "được"
        ("dãy trọ kế bên có 10 người ở mà không đăng ký tạm trú được 3 tháng nay", "residence"),
        ("nhà trọ hẻm 40 cho người ở không đăng ký tạm trú", "residence"),
        ("chủ trọ không đăng ký tạm trú cho tụi em, ở 5 tháng rồi", "residence"),
        ("nhà kế bên cho mấy người lạ ở mà không đăng ký tạm trú", "residence"),
        # a loss told with its place or time
        ("mất căn cước ở chợ Tân Hương sáng nay, giờ làm sao", "lost_property"),
        ("hôm qua mất căn cước, giờ làm sao", "lost_property"),
        ("Em đánh rơi cái bóp có CCCD với bằng lái ở gần siêu thị, giờ phải làm sao", None),
        # a theft told in words of its own
        ("bị móc túi mất hết giấy tờ rồi, giờ phải làm gì", "theft"),
        ("nhà bị trộm mất giấy tờ, giờ sao", "theft"),
        ("thằng hàng xóm trộm xe của tôi, giấy tờ xe còn đây, giờ làm sao", "theft"),
        # a wallet or a vehicle's papers lost, a paper found
        ("mất ví rồi, giờ làm sao", "lost_property"),
        ("mất giấy đăng ký xe rồi giờ làm sao", "lost_property"),
        ("em nhặt được cái ví có căn cước của ai đó, giờ làm sao", "lost_property"),
    ],
)
def test_a_report_told_beside_the_same_words_stays_a_tip(text: str, category: str | None) -> None:
    got = classify(text)
    assert got.kind == "tip", (text, got)
    assert category is None or got.category == category, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # foreigners or guests housed, their declaration doubted with "không rõ"
        "Căn nhà số 22 trong tổ cho thuê ngắn ngày qua mạng, khách nước ngoài liên tục, chủ "
        "nhà ở Úc, không rõ có khai báo tạm trú cho khách không.",
        "nha ben canh co may nguoi nuoc ngoai o ca thang nay, khong ro co khai bao tam tru khong",
        "can ho 12A cho khach tay thue theo ngay, khong ro chu nha co khai bao khong",
        # the writer's own stay left unregistered by the landlord, in English
        "My landlord never register my temporary residence, I live here 6 months. I want tell "
        "police this.",
        "my landlord didn't register me for 4 months, I want to report him",
    ],
)
def test_a_stay_left_undeclared_by_someone_else_is_a_residence_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and got.category == "residence", (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the host's own declaration asked, the writer's own registration asked
        "nhà tôi có người nước ngoài ở, không rõ có khai báo được không, thủ tục thế nào",
        "Nhà tôi có khách nước ngoài tới ở 3 ngày, không rõ có phải khai báo tạm trú không?",
        "Do I need to register my temporary residence myself or does my landlord do it?",
        "I never registered my stay, what do I need to do?",
        # a bag lost with papers in it, nothing told of where or when, the re-issue asked
        "mất cái túi có căn cước rồi, làm lại ở đâu ạ",
        "em mất cái ví có căn cước, giờ làm lại sao",
    ],
)
def test_ones_own_stay_or_papers_asked_stay_questions(text: str) -> None:
    got = classify(text)
    assert got.kind == "question", (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "rot cai vi co cccd voi the atm o cho tan huong roi",
        "mất cái bóp có bằng lái với căn cước ở quán cà phê Lũy Bán Bích hồi trưa",
    ],
)
def test_a_bag_lost_with_papers_told_where_is_a_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and got.category == "lost_property", (text, got)
