"""Principles of the message classifier added in round 24's pass on chat read as tips
(issue 17 §1, §4: kind; the `other` -> tip misses of the message tuning sets, kept only when
they held on dev set 43's counts and the blind sets' aggregates). Each is tried on phrasings
of our own (with and without diacritics) and on near misses sharing their words that must
not change: a real tip stays a tip, a person in danger stays urgent."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# a match cheered in a fire's or a weapon's words: nothing burns, nobody shoots


@pytest.mark.parametrize(
    "text",
    [
        "tối qua đội tuyển đá như bắn súng, xé lưới đối thủ 4 bàn",
        "trận chung kết hôm qua cháy quá mấy anh ơi, cả quán la muốn bể nhà",
        "tran chung ket hom qua chay qua may anh oi, ca quan la muon be nha",
        "đội bóng khu phố mình bắn hạ đội bạn 2-1, mai anh em công an ra cổ vũ nha",
        "cầu thủ số 10 sút như bắn, cả sân bùng cháy 🔥",
    ],
)
def test_a_match_cheered_is_chat(text: str) -> None:
    assert by_rules(text).kind == "other"
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # the match's aftermath told in other words: a tip
        (
            "sau trận chung kết tối qua tụi nó đi bão, đốt pháo cháy luôn mái hiên nhà tôi",
            "public_order",
            "normal",
        ),
        # a fire beside a match, its own context said: a fire, urgent
        (
            "đang xem trận bóng thì nhà bên cháy quá trời, khói đen bốc lên, cứu với",
            "fire",
            "urgent",
        ),
        # a weapon fired after a match: not a cheer
        ("tan trận bóng tụi nó bắn súng hơi lên trời ở hẻm 45", "weapons", "urgent"),
        # a fight after a match, a blade in hand
        (
            "trận bóng vừa xong cổ động viên hai bên đánh nhau, có đứa cầm dao ở đầu hẻm 12",
            "weapons",
            "urgent",
        ),
    ],
)
def test_a_match_beside_a_real_event_stays_a_tip(text: str, category: str, severity: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.severity) == ("tip", category, severity)


# thanks or praise for what the officers did, a kindness passed on, a complaint withdrawn once
# settled: words about the line, whatever crime they name as gone


@pytest.mark.parametrize(
    "text",
    [
        "cảm ơn công an phường nha, hôm trước nhà em gọi là tới liền, tử tế lắm",
        "cam on cong an phuong nha, hom truoc nha em goi la toi lien, tu te lam",
        "vụ bể khóa xe tuần trước, sáng nay em được gọi lên nhận lại xe rồi, em cảm ơn các anh",
        "chú công an khu vực hôm bữa dắt giùm bà ngoại con qua đường, cho con gửi lời cảm ơn chú",
        "tôi xin gửi lời khen tổ tuần tra khu phố 4, từ tháng rồi hẻm tôi hết hẳn trộm vặt",
        "nhà bên đã tắt loa và qua xin lỗi rồi, em xin rút lại phản ánh hôm qua nha",
    ],
)
def test_thanks_praise_and_a_withdrawal_are_about_the_line(text: str) -> None:
    got = classify(text)
    assert got.kind == "other"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # thanks said first, a theft told after it
        ("cho em gửi lời cảm ơn trước, nhà em vừa bị trộm xe hồi tối ở hẻm 12", "theft"),
        # praise, but the trouble back since
        ("tôi xin gửi lời khen tổ tuần tra, nhưng tối qua hẻm 5 lại bị trộm 2 xe", "theft"),
        # came at once, but the trouble back now
        ("cảm ơn các anh, gọi là tới liền, mà giờ tụi nó lại tụ tập hút chích đầu hẻm", "drugs"),
        # a withdrawal forced: a harm told, not settled
        (
            "chủ nhà dọa đuổi nên tôi bị ép rút lại phản ánh vụ nhà trọ không khai tạm trú",
            "residence",
        ),
    ],
)
def test_thanks_beside_a_harm_stays_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category)


# laughter beside a crime told of no street: a joke in the writer's own small world (a pet, a
# sibling, a riddle); a street place, something now, the writer's own harm or a danger still
# reports


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà tui nó trộm nguyên cái đùi gà trên bàn, công an bắt nó giùm 😂",
        "con cho nha tui no trom nguyen cai dui ga tren ban, cong an bat no gium =))",
        "ông nội kể năm 1985 có thằng ăn trộm con heo nhà ông, giờ báo còn kịp không ta haha",
        "đố vui: tại sao tên trộm không lấy cái đồng hồ treo tường? vì sợ mất thời gian 🤣",
    ],
)
def test_a_crime_laughed_at_in_ones_own_world_is_a_joke(text: str) -> None:
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a street place named
        ("haha tụi trộm chó lại lảng vảng ở đầu hẻm 40 rồi mấy anh ơi", "theft"),
        # the writer's own harm
        ("haha ngu thiệt, em bị lừa chuyển khoản 3 triệu cho shop ảo rồi", "fraud"),
        # going on now
        ("thằng say đang đập phá đồ nhà nó kìa, cả nhà chạy ra ngoài 😂", None),
        # the excuse of whoever did it, no laughter of the writer's
        ("ông ta nói đùa thôi rồi sàm sỡ con bé nhà tôi", None),
    ],
)
def test_a_crime_laughed_at_in_the_street_still_reports(text: str, category: str | None) -> None:
    got = classify(text)
    assert got.kind == "tip", got
    assert category is None or got.category == category, got


# ads the spam phrases missed: a fitter's offer, a health product pushed by a fright, an app
# pushed by a secret; a victim of the same offer still reports


@pytest.mark.parametrize(
    "text",
    [
        "Lắp camera wifi giá chỉ 450k, bảo hành 12 tháng, lắp tận nơi quận Tân Phú, gọi ngay",
        "lap camera wifi gia chi 450k, bao hanh 12 thang, lap tan noi quan Tan Phu, goi ngay",
        "Gan nhiễm mỡ âm thầm đang tăng nhanh! Chuyên gia khuyên dùng viên uống thảo mộc,"
        " mua chính hãng giảm 40%",
        "Mẹ bỉm kiếm 30 triệu/tháng tại nhà, bí quyết kiếm tiền mà ngân hàng không muốn bạn"
        " biết, tải ngay app",
    ],
)
def test_an_ad_the_phrases_missed_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), got


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # the same offer, the writer cheated by it
        ("em đặt viên uống giảm cân trên mạng, bị lừa chuyển 2 triệu rồi shop chặn luôn", "fraud"),
        # a child beaten, typed without marks: "bao hanh" is abuse here
        ("con be bi cha duong bao hanh suot, tren nguoi toan vet bam", "violence"),
        # an app installed at a caller's word, money gone
        ("có người xưng công an bảo em tải app dịch vụ công giả, mất 30 triệu", "fraud"),
    ],
)
def test_the_ads_words_beside_a_harm_still_report(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", category, False), got


# the writer's own errand asked (an everyday trouble, a shop, the way), no category's word
# typed sure: the learned model's reading of a report does not make a tip of it


@pytest.mark.parametrize(
    "text",
    [
        "Cứu với mọi người ơi, mai đãi khách mà em không biết nấu món gì hết 😭",
        "gần phường mình có tiệm nào bán áo mưa không ạ, em quên đem theo rồi",
    ],
)
def test_an_errand_asked_is_no_tip(text: str) -> None:
    assert classify(text).kind != "tip"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a shop near the ward named, a theft told there
        ("tiệm tạp hóa gần phường có thằng vừa giật điện thoại của bà chủ rồi chạy", "robbery"),
        # a cry beside a trouble and a real harm
        ("cứu với, không biết nấu gì mà chồng em say về đánh em chảy máu", "violence"),
    ],
)
def test_an_errand_beside_a_harm_still_reports(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category), got
