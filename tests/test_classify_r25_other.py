"""Principles of the message classifier added in round 25's pass on chat, news and ads read
as tips or questions (issue 17 §1, §4: kind; the `other` -> tip and `other` -> question misses
of the message tuning sets, kept only when they held on dev set 44's counts and the blind
sets' aggregates). Each is tried on phrasings of our own and on near misses sharing their
words that must not change: a real tip stays a tip, a person in danger stays urgent."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify

# an ad's own shape: the sender's number to call or a price per period weighs as one of the
# ad's phrases (never enough alone)


@pytest.mark.parametrize(
    "text",
    [
        "Sửa máy lạnh tận nhà, giá rẻ, có mặt sau 30 phút, gọi 0912 xxx 456",
        "Cho thue can ho mini full noi that 4tr/thang, giờ giấc tự do, gan cho Tan Huong",
        "Góp vốn nuôi yến lãi 8%/tháng, cam kết hoàn vốn, hotline 0987xxxxxx",
        "Gửi xe tháng chỉ 150k/tháng, bảo hành mất xe, liên hệ ngay chị Lan",
    ],
)
def test_an_ad_with_its_number_or_its_price_per_period_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a loan shark's rate told by the one it threatens: a tip
        (
            "ông chủ tiệm cầm đồ đầu hẻm cho vay nặng lãi 25%/tháng, ai trễ là cho người tới "
            "tạt sơn, uy tín gì đâu",
            None,
        ),
        # a rate quoted, the writer judging it a scam
        (
            "có nhóm zalo 'cam kết lãi 3%/ngày' rủ mấy bà trong xóm góp tiền, tôi thấy giống "
            "lừa đảo",
            "fraud",
        ),
        # papers lost, the writer's own number to call back
        (
            "em đánh rơi cái bóp có căn cước với bằng lái ở chợ Tân Hương, ai nhặt được liên "
            "hệ ngay 0909 xxx 321, em cảm ơn",
            "lost_property",
        ),
        # a caller's number reported, his offer quoted
        (
            "số 0868xxxxxx gọi cho ba tôi nói vay nhanh không thế chấp, ba tôi đưa căn cước "
            "rồi giờ bị gọi đòi nợ",
            None,
        ),
    ],
)
def test_a_number_or_a_rate_in_a_report_stays_a_tip(text: str, category: str | None) -> None:
    got = classify(text)
    assert got.kind == "tip" and not got.spam
    assert category is None or got.category == category


def test_the_shape_alone_makes_no_ad() -> None:
    # a number and a rate, and nothing of an ad's voice: not an ad
    for text in ("thuê phòng trọ ở hẻm 12 giá 3tr/tháng có đắt không", "số này 0903 xxx 111 là ai"):
        assert not by_rules(text).spam


# a crime on the screen: a film's genre named, as a video game's; never beside a street place


@pytest.mark.parametrize(
    "text",
    [
        "tối qua coi phim hình sự bắn nhau quá trời, coi xong sợ không dám ngủ một mình",
        "toi qua coi phim hinh su ban nhau qua troi, coi xong so khong dam ngu mot minh",
        "mới xem phim xã hội đen đâm chém ghê quá, mấy anh coi chưa",
        "con trai em mê phim chưởng, suốt ngày cầm cây chổi múa kiếm chém lung tung 😅",
    ],
)
def test_a_crime_in_a_film_is_chat(text: str) -> None:
    assert by_rules(text).kind == "other"
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        # the street beside the film: a tip
        (
            "coi phim hành động xong ra đầu hẻm 14 thấy tụi nó đâm chém nhau thật",
            "violence",
            "urgent",
        ),
        # a cry heard while watching: urgent
        ("đang coi phim kinh dị thì nghe nhà bên la cứu với, tiếng đập đồ", None, "urgent"),
        # a film shown to children: done to them here (no genre named)
        ("có ông cho mấy đứa con nít xem phim đồi trụy trong tiệm net", None, None),
    ],
)
def test_a_film_beside_the_street_stays_a_tip(
    text: str, category: str | None, severity: str | None
) -> None:
    got = classify(text)
    assert got.kind == "tip"
    assert category is None or got.category == category
    assert severity is None or got.severity == severity


# the line itself: its pace praised (as its slowness is a complaint), its location button
# failing; never beside something reported


@pytest.mark.parametrize(
    "text",
    [
        "ad rep nhanh quá, cảm ơn nha",
        "OA này phản hồi nhanh lắm, hay ghê",
        "bấm hoài nó không hiện, không gửi được vị trí cho mấy anh",
        "gui dinh vi khong duoc, bam hoai no xoay xoay",
    ],
)
def test_the_line_praised_or_its_button_failing_is_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True)


@pytest.mark.parametrize(
    ("text", "category", "severity"),
    [
        ("tụi nó đang đánh nhau ở hẻm 5, gửi vị trí không được, tới gấp", "violence", "urgent"),
        ("bị giật điện thoại ở đường Âu Cơ, gửi định vị không được", "robbery", None),
        (
            "ad trả lời nhanh quá, mà giờ tụi nó lại tụ tập hút chích ở hẻm 9",
            "drugs",
            None,
        ),
        ("trả lời nhanh quá nhưng chưa ai xuống, nhà bên vẫn hát karaoke", "public_order", None),
    ],
)
def test_the_line_named_beside_a_report_stays_a_tip(
    text: str, category: str, severity: str | None
) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category)
    assert severity is None or got.severity == severity


# the reader told they won: a phisher's voice (as "you have won" in English)


@pytest.mark.parametrize(
    "text",
    [
        "Chúc mừng bạn đã trúng xe SH Mode, bấm link để nhận quà ngay hôm nay",
        "chuc mung ban da duoc chon nhan 5 trieu tri an, truy cap link de nhan",
    ],
)
def test_the_reader_told_they_won_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    "text",
    [
        # quoted by the one it cheated: the scam reported
        "mẹ tôi nhận tin nhắn 'chúc mừng bạn đã trúng xe SH', bấm link nhận quà rồi bị trừ "
        "5 triệu trong tài khoản",
        # forwarded as a warning
        "em nhận được tin 'bạn đã được chọn nhận quà tri ân', báo để bà con cảnh giác",
    ],
)
def test_the_prize_quoted_to_report_it_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", "fraud", False)


# a seller's call to act now or to be advised: one ad phrase beside its others


@pytest.mark.parametrize(
    "text",
    [
        "Kem trị nám Hàn Quốc, hiệu quả sau 7 ngày, inbox để được tư vấn",
        "Xả hàng áo khoác mùa đông, nhanh tay kẻo lỡ, freeship toàn quận",
    ],
)
def test_a_sellers_call_to_act_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a residence procedure the writer wants advice on: a question
        ("tôi muốn lên phường để được tư vấn về đăng ký tạm trú cho con", "question"),
        # a "free consultation" that cheated the writer: a tip
        (
            "tôi đi khám tư vấn miễn phí ở phòng khám đường Lũy Bán Bích rồi bị lừa mua "
            "thuốc 5 triệu",
            "tip",
        ),
    ],
)
def test_advice_sought_or_a_free_offer_that_cheated_is_no_ad(text: str, kind: str) -> None:
    got = classify(text)
    assert got.kind == kind and not got.spam


# a betting site's own offer: its payout, its deposits and withdrawals, its odds


@pytest.mark.parametrize(
    "text", ["Xổ số mini trả thưởng cao, nạp rút 3 phút", "keno online 1 an 90, nap rut nhanh"]
)
def test_a_betting_sites_offer_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    "text",
    [
        # a den reported, its odds told
        "quán nước đầu hẻm 12 có ông ghi đề, 1 ăn 70, tối nào cũng đông",
        # a player cheated: the money would not come back
        "em chơi web cá độ nạp rút bình thường, tuần này nạp 20 triệu thì không rút được",
        # a father's debt from the site
        "ba em ghi lô đề trên mạng trả thưởng 1 ăn 80, giờ nợ 50 triệu",
    ],
)
def test_the_betting_told_by_its_neighbours_or_players_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", "gambling", False)
