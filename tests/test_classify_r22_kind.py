"""Principles of the message classifier added in round 22's kind pass (issue 17; the kind
misses of the message tuning sets, chosen by whether they reach writers the rules have not
seen: set 41's counts and the blind sets' aggregates). Each is tried on phrasings of our own
(other registers, no diacritics, teencode, longer stories) and on near-misses sharing their
words or their shape that must not change."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify


def _kind(text: str) -> str:
    return classify(text).kind


# an everyday question: asked of the line, but of nothing a public office, a procedure, the
# law or a report names, nobody else acting, no harm and nothing of the writer's family said


@pytest.mark.parametrize(
    "text",
    [
        "vé xem phim tối nay ở rạp gần chợ giá bao nhiêu vậy ad",
        "tối nay đội tuyển Việt Nam đá mấy giờ vậy mấy anh",
        "ad ơi mai trời có mưa không",
        "bun bo dau hem ngon ko ad",
        "hom nay gia ca phe sua da bao nhieu 1 ly vay ad",
        "ad thich an mon gi nhat?",
        "bài này hát hay ghê, ai biết tên bài không?",
    ],
)
def test_an_everyday_question_is_other(text: str) -> None:
    got = classify(text)
    assert got.kind == "other"
    assert got.reasons  # the question's own words say why


@pytest.mark.parametrize(
    "text",
    [
        # a procedure, even one another office handles
        "làm hộ chiếu cho con ở đâu vậy ad",
        "em tính mở tiệm nail thì cần giấy phép gì",
        "dang ky xe dap dien o dau vay ad",
        # another office's service
        "cúp điện từ sáng tới giờ thì báo ai",
        # the law or one's rights
        "mang dao gọt trái cây theo người có bị phạt không",
        "tui cho mượn tiền mà họ không trả thì đi kiện được không",
        # a stay whose declaration is asked without naming it
        "cháu ở quê lên ở nhờ nhà tôi 1 tuần, có phải báo gì không",
        # a question announced, its matter still to come
        "cho em hỏi chút",
        "hoi chut xiu nha ad",
        # the line's own office
        "bộ phận một cửa có nhận hồ sơ vào chiều thứ 7 không ạ",
        # a foreigner asking in English
        "hello, where can I buy a sim card?",
    ],
)
def test_a_question_of_the_line_or_an_office_is_never_other(text: str) -> None:
    assert _kind(text) != "other"


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own family in it: something may have happened to them
        "con em sốt cao từ tối giờ, làm sao bây giờ",
        # someone else acting, a harm or a loss said
        "hàng xóm cứ đậu xe chắn cửa nhà em thì em làm sao",
        "mất ví ở chợ thì làm sao",
        "nhà bên hát karaoke tới khuya thì làm sao ạ",
        # an everyday sense the rules list hides its words, which may be the line's
        "sao có người lạ trong hộ khẩu nhà tôi vậy",
    ],
)
def test_a_question_beside_a_harm_or_the_family_is_never_other(text: str) -> None:
    assert _kind(text) != "other"


def test_an_everyday_question_the_model_reads_as_a_report_is_a_tip() -> None:
    # kind other by the rules, its topic kept: the learned model may still read a report in
    # it, as in a question naming no procedure (a house watched at night)
    text = "có ai biết nhà số 5 làm gì mà đêm nào cũng đông người ra vô không"
    assert by_rules(text).kind == "other"
    assert classify(text).kind == "tip"


# diacritics are evidence for the final question word too: a place's name or a noun typed
# with other marks ends a statement ("Tân Sơn Nhì" is not "nhỉ", "Gò Dầu" not "đâu")


@pytest.mark.parametrize(
    "text",
    [
        "căn nhà hoang cuối hẻm có đèn sáng suốt đêm, gần chợ Gò Dầu",
        "máy bơm nhà bên chạy rè rè cả đêm ở hẻm 12, khu Tân Sơn Nhì",
        "xe ba gác chở cây chất ngoài lề đường cả tuần, không thấy mặt chủ",
    ],
)
def test_a_final_word_typed_with_other_marks_asks_nothing(text: str) -> None:
    assert by_rules(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "căn nhà hoang cuối hẻm có đèn sáng suốt đêm, ai ở trong đó nhỉ",
        "can nha hoang cuoi hem co den sang suot dem, ai o trong do nhi",
        "xe ba gác chở cây chất ngoài lề đường cả tuần, ai cho họ làm vậy chứ",
    ],
)
def test_the_same_word_typed_as_asked_or_without_marks_still_asks(text: str) -> None:
    assert by_rules(text).kind != "tip"


# a group of friends or neighbours called inside the message, not only at its end: closing a
# clause after a polite word ("... nha mn, nhớ ..."), or asked an errand in the last clause
# closing with "nha"/"nhé" ("mọi người ghé ủng hộ nha"): a word to the group


@pytest.mark.parametrize(
    "text",
    [
        "chủ nhật này đi picnic ở Cần Giờ nha cả nhà, nhớ mang nón",
        "tết này về quê sớm nha mn, vé xe hết nhanh lắm",
        "troi nong qua mn nho uong nhieu nuoc nha",
        "mọi người ghé tiệm bánh mới mở đầu chợ ủng hộ em nha",
        "quán cơm mới mở giá sinh viên ngon lắm, mọi người ghé ủng hộ nha",
    ],
)
def test_a_group_called_inside_the_message_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # the family the tickets were bought for, no one called
        "tôi mua 4 vé cho cả nhà, tới cổng mới biết vé giả, trang đó vẫn còn bán",
        # a warning, the writer's own harm, a crime told, a report asked of the group
        "mọi người cẩn thận nha, có thằng lạ mặt lảng vảng trong hẻm",
        "mn ơi nhà em vừa bị trộm xe trước cửa nha",
        "tối nay mấy thằng trong hẻm lại nhậu say rồi đánh nhau nha mọi người",
        "xe rác đổ bậy ở đầu hẻm mấy ngày nay, mọi người báo phường giúp nha",
    ],
)
def test_a_group_called_beside_a_report_or_as_an_object_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# a yes/no question asked in a clause before the last, its reason told after it: the clause
# opens with "có" and closes with "không"/"chưa", as a message ending so does


@pytest.mark.parametrize(
    "text",
    [
        "tiệm thuốc tây đầu hẻm giờ này có mở cửa không ạ, em cần mua thuốc cảm",
        "ad ơi quán phở đầu hẻm có ship không, em lười đi quá",
        "chủ nhật này nhà văn hoá có mở cửa chưa anh, tụi nhỏ muốn vô chơi",
        "quan com tam dau hem co ban buoi toi ko ad, nha em het gao",
    ],
)
def test_a_question_asked_before_its_reason_is_no_tip_of_the_rules(text: str) -> None:
    assert by_rules(text).kind != "tip"


@pytest.mark.parametrize(
    "text",
    [
        # "không" closing a clause with no "có" before it: a refusal told, nothing asked
        "ông bảo vệ nhắc hoài không, xe khách vẫn đậu kín sân chung cư mỗi tối",
        # "không" inside the clause, not closing it
        "tối qua nhà bên có tiếng la không ngớt, sáng nay thấy cửa khóa im lìm",
    ],
)
def test_a_clause_not_framed_as_a_question_asks_nothing(text: str) -> None:
    assert by_rules(text).kind == "tip"


@pytest.mark.parametrize(
    "text",
    [
        "thằng đó có cầm dao không, em thấy nó đứng trước cửa nhà bà Tư",
        "nó có đánh con em không, em không biết nữa, giờ con em khóc hoài",
    ],
)
def test_a_question_asked_beside_a_harm_told_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# thanks beside the trouble said to have stopped or eased since ("đã giảm", "ngưng rồi",
# "bị đưa đi rồi"): what the police did is over, a word to the line


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn các anh, tụi nhậu đầu hẻm đã ngưng hát rồi",
        "cam on cac anh, quan karaoke nho lai roi, ca xom ngu ngon",
        "Dạ em cảm ơn, ông say bên nhà kế bên được đưa đi rồi ạ",
    ],
)
def test_thanks_for_a_trouble_stopped_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # not stopped yet, or back since
        "cảm ơn anh, nhưng tụi nó vẫn chưa ngưng, giờ còn hát to hơn",
        "cảm ơn, mà ông hàng xóm bị đưa đi rồi lại quay về đánh vợ",
        # eased once, no thanks: the trouble told again
        "nhạc bên đó đã giảm được một lúc giờ lại mở to hơn, ồn quá",
    ],
)
def test_a_trouble_not_stopped_or_back_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# the writer's own contact given for whoever finds the thing ("ai thấy thì liên hệ em"): said,
# nothing asked of the line; a loss of papers told where it happened is then the ward's tip


@pytest.mark.parametrize(
    "text",
    [
        "rot cai balo tren xe om sang nay, trong do co so ho khau, ai thay lien he voi em nha",
        "Tôi đánh rơi sổ tạm trú cũ trên taxi tối qua. Ai nhặt được thì liên hệ cho tôi số 0912xxx",
    ],
)
def test_papers_lost_somewhere_with_the_writers_contact_are_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", "lost_property"), got


@pytest.mark.parametrize(
    "text",
    [
        # the line's contact asked, or where to go
        "cho em xin số liên hệ của công an phường",
        "liên hệ ở đâu để làm lại căn cước",
    ],
)
def test_a_contact_asked_of_the_line_still_asks(text: str) -> None:
    assert _kind(text) != "tip"


# figures told alone: the writer saying they themselves are dead (in trouble: whoever writes
# is alive), a pet gone missing (no person lost)


@pytest.mark.parametrize(
    "text",
    [
        "chết tui rồi, sáng nay ngủ quên trễ giờ làm",
        "con chó nhà tôi đi lạc từ hôm qua, lông đen, ai thấy nhắn giúp",
    ],
)
def test_a_figure_told_alone_is_other(text: str) -> None:
    assert _kind(text) == "other"


@pytest.mark.parametrize(
    "text",
    [
        # wishing to die, nearly killed, a child lost, a pet taken: not these figures
        "em muốn chết quá, không ai hiểu em",
        "suýt chết rồi, thằng đó tông em xong bỏ chạy ở ngã tư",
        "thằng bé nhà bên đi lạc từ trưa chưa về",
        "con chó nhà em đi lạc từ sáng, chắc bị tụi bắt chó trộm mất rồi",
    ],
)
def test_a_harm_beside_or_instead_of_the_figure_stays_a_tip(text: str) -> None:
    assert _kind(text) == "tip"


# a house put up for sale by its owner, the price open to bargaining: an ad (kind other, spam)


@pytest.mark.parametrize(
    "text",
    [
        "chính chủ cần bán gấp căn nhà 1 trệt 1 lầu hẻm xe hơi Lũy Bán Bích, sổ riêng, "
        "giá thương lượng",
        "can ban gap nha 1 tret 2 lau hem xe hoi Au Co, so rieng, mien trung gian",
    ],
)
def test_a_house_for_sale_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    "text",
    [
        # the seller's words quoted by the one they cheated
        "bị lừa cọc mua nhà, nó nói bán gấp giá thương lượng rồi lặn mất",
        # a landlord reporting a lodger
        "nhà tôi có phòng cho thuê, thằng thuê trả tiền mặt mà không đưa giấy tờ đăng ký tạm trú, "
        "tôi thấy nghi nên báo",
    ],
)
def test_a_sale_or_a_let_told_in_a_report_is_no_ad(text: str) -> None:
    assert _kind(text) == "tip"
