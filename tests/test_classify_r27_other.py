"""Principles of the message classifier added in round 27's pass on chat and ads read as tips
or questions (issue 17 §1, §4: kind; the `other` -> tip and `other` -> question misses and the
ads missed of the message tuning sets, kept only when they held on dev set 46's counts and
the blind sets' aggregates without a tip lost). Each is tried on phrasings of our own and on
near misses sharing their words that must not change: a real tip stays a tip, a person in
danger stays urgent."""

from __future__ import annotations

import pytest

from shared.core.classify import classify

# the line's own app failing or hard to read: its pictures, menu, font, text, links, a
# feature wished for; nothing reported besides


@pytest.mark.parametrize(
    "text",
    [
        "sáng giờ gửi ảnh lên app không được, bấm nút gửi là nó quay vòng vòng",
        "bấm menu hoài mà không thấy mục nào để chọn hết",
        "tin nhắn của trang hiện toàn ô vuông, chắc bị lỗi font rồi",
        "trên điện thoại chữ nhỏ quá, mắt tôi kém đọc không nổi, chỉnh giùm to lên",
        "cái link trong tin nhắn trước của trang bấm hoài không vô được",
        "trang nên có thêm chức năng gọi thoại cho người không biết chữ",
    ],
)
def test_the_lines_own_app_failing_is_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the pictures that would not send are of a report: its words keep it a tip
        ("ông hàng xóm cứ chửi bới vợ con, tôi quay clip rồi mà gửi ảnh không được", "tip"),
        ("có xe tải đậu chắn lối đi hẻm 5 cả ngày, gửi hình không được nên tôi tả vậy", "tip"),
        # a post reported to a site that will not take it down: a defamation told
        ("có đứa lấy hình con tôi đăng lên mạng bôi nhọ, tôi báo lỗi hoài mà không gỡ được", "tip"),
        # a stranger's link, not the line's
        ("tôi bấm vào link lạ trong tin nhắn xong bị trừ 5 triệu trong tài khoản", "tip"),
        # a harm told in weak words beside a picture that would not send: not the app's
        ("thằng đó gửi hình đồi trụy cho con gái tôi, gửi ảnh không được nên tôi kể", "tip"),
        # "có chủ" typed without marks, a landlord's consent asked: the question stays
        ("e o tro, dk tam tru co bat buoc co chu nha ky ko a", "question"),
    ],
)
def test_a_report_or_a_question_beside_the_apps_words_keeps_its_kind(text: str, kind: str) -> None:
    assert classify(text).kind == kind


# a seller's offer: a deal's price, a gift per quantity bought, a service offered in English
# with its contact, a betting stream's rebate, a course named


@pytest.mark.parametrize(
    "text",
    [
        "Cà phê rang xay nhà làm, mua 3 tặng 1, ship tận nơi trong ngày",
        "Nhận in ấn thiệp cưới, name card đẹp, giá sinh viên, lấy liền",
        "We offer cheap web design for your shop, contact us today on Telegram",
        "Trade with me, 15% weekly profit, profit guaranteed, contact me now",
        "Đá gà thomo xem full HD miễn phí, đặt cược tại link, hoàn trả 2% mỗi ngày",
        "Khóa tiếng Anh giao tiếp cho người mất gốc, học thử miễn phí tuần đầu",
    ],
)
def test_a_sellers_offer_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # a cockfight told of, its bets placed on the spot: a den reported
        ("có nhóm tụ tập đá gà ở bãi đất trống hẻm 12, đặt cược tại chỗ", "gambling"),
        # the deal's price quoted by the victim of fakes
        ("shop online bán giá gốc mà giao hàng giả, tôi bị lừa mất 2 triệu", "fraud"),
        # the English offer quoted by the one who lost money to it
        ("nhận tin nhắn: we offer loans, contact us on WhatsApp, chuyển phí rồi mất tiền", "fraud"),
    ],
)
def test_an_offer_quoted_in_a_report_stays_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.spam) == ("tip", category, False)


# a song or clothes praised in a fire's words, as a match is: nothing burns


@pytest.mark.parametrize(
    "text",
    [
        "bài hát mới của Đen Vâu cháy quá mọi người ơi",
        "cái váy chị tặng em mặc đi tiệc cháy lắm luôn",
    ],
)
def test_a_song_or_clothes_praised_as_burning_is_chat(text: str) -> None:
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        # a post read, not a song: the fire it tells is real
        "thấy bài mới trên group khu phố: xưởng gỗ hẻm 50 cháy quá trời",
        "đang coi phim thì thấy nhà bên cháy quá trời",
        # the new shirt of a robber described
        "thằng mặc áo mới màu đỏ vừa giật túi bà cụ ở chợ Tân Hương",
        # a fear of fire is a hazard told
        "xưởng may chứa vải đầy, dây điện chằng chịt, sợ cháy lắm",
    ],
)
def test_a_fire_or_a_crime_beside_those_words_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


def test_a_fire_told_now_stays_urgent() -> None:
    got = classify("cái váy phơi ngoài ban công cháy quá trời rồi, lửa đang lan qua nhà bên")
    assert (got.kind, got.category, got.severity) == ("tip", "fire", "urgent")


# a referee said to be paid, a match named: the result complained of, no bet reported


def test_a_referee_said_to_be_paid_is_chat() -> None:
    assert classify("trận hôm nay thua 3 bàn, chắc trọng tài ăn tiền rồi").kind == "other"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # bets taken beside the match: a betting den told
        ("giải bóng đá khu phố trọng tài ăn tiền, ngoài sân có sòng cá độ", "gambling"),
        # a fight after it
        ("trận tối qua trọng tài ăn tiền, xong tụi cổ động viên đánh nhau ngoài sân", "violence"),
        # the play "robbed" is no cheer: a theft told beside it stays
        ("trận đó đá như bị cướp, về nhà còn bị móc túi mất ví", "theft"),
    ],
)
def test_a_crime_beside_a_referee_or_a_match_stays_a_tip(text: str, category: str) -> None:
    got = classify(text)
    assert (got.kind, got.category) == ("tip", category)
