"""Principles of the message classifier added in round 26's pass on chat, news and ads read
as tips or questions (issue 17 §1, §4: kind; the `other` -> tip and `other` -> question misses
of the message tuning sets, kept only when they held on dev set 45's counts and the blind
sets' aggregates). Each is tried on phrasings of our own and on near misses sharing their
words that must not change: a real tip stays a tip, a person in danger stays urgent."""

from __future__ import annotations

import pytest

from shared.core.classify import classify

# a glad face typed on a message in which nothing else matched: the writer's own glad news,
# chat; a harm or a loss said beside it, or a danger, keeps the report


@pytest.mark.parametrize(
    "text",
    [
        "Chủ nhật này cả nhà về quê ngoại ăn giỗ, nhớ mang theo bánh cho bà nha 😘",
        "con bé nhà em hôm nay được cô khen viết chữ đẹp nhất lớp, mừng ghê á mấy chị 😄",
        "tối mai tụi mình hẹn nhau ở quán ốc đường Lũy Bán Bích nha, ai tới trễ thì bao 🥳",
        "ba tui mới tập xong bài thể dục buổi sáng ở công viên, tuổi 70 mà dẻo dai ghê 😁",
    ],
)
def test_a_glad_face_on_news_of_ones_own_is_chat(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", False)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a loss said beside the face: the writer's nervous laugh, still a report
        ("xe đạp của con em để trước cổng trường bị lấy mất rồi 😅😄 giờ sao đây", "tip"),
        # a danger beside it
        ("ông hàng xóm say rượu cầm dao đứng trước cửa nhà em kìa 😁 em sợ quá", "tip"),
        # a crying face is no glad one: a pet lost, someone hurt
        ("đứa nhỏ nhà bên khóc từ chiều tới giờ, nghe như có người đánh nó 😭", "tip"),
    ],
)
def test_a_face_beside_a_harm_or_a_danger_keeps_the_report(text: str, kind: str) -> None:
    assert classify(text).kind == kind


def test_a_glad_face_keeps_the_ad_the_model_reads() -> None:
    # the ad's words are the model's to read, as they were in the default tip
    got = classify("🎉 Tiệm bánh kem Hạnh Phúc mở chi nhánh mới trên Tân Kỳ Tân Quý, giảm 30%")
    assert (got.kind, got.spam) == ("other", True)


# one's own health or a dish overstated, closing a message in which nothing matched


@pytest.mark.parametrize(
    "text",
    [
        "mấy tháng nay tối nào cũng đi bộ quanh hồ bán nguyệt, thấy khỏe hẳn ra",
        "hủ tiếu Nam Vang ở chợ Tân Hương mới mở, tui ăn thử rồi, ngon muốn xỉu",
    ],
)
def test_ones_own_health_or_a_dish_overstated_is_chat(text: str) -> None:
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        # someone else's health, a neighbour named: not the writer's own day
        "bà cụ hàng xóm bị bỏ đói mấy hôm, nay được người ta cho ăn mới khỏe ra",
        # weariness closing a complaint the rules do not read: not glad news
        "chồng tôi uống rượu về la lối cả đêm, mệt muốn chết",
        # someone about to faint
        "ông cụ ngồi ở trạm xe buýt cả buổi trưa nắng, mệt muốn xỉu, không ai đưa về",
    ],
)
def test_someone_elses_state_or_weariness_is_no_glad_news(text: str) -> None:
    assert classify(text).kind == "tip"


# the line's own page or chat box failing: about the line, never a report


@pytest.mark.parametrize(
    "text",
    [
        "sao em gõ tiếng Việt trong khung chat cứ bị mất chữ, khó dùng quá",
        "trang này bị lỗi hay sao mà gửi ảnh hoài không lên",
        "bấm theo dõi trang mấy lần rồi mà nó cứ hiện lại nút theo dõi",
    ],
)
def test_the_lines_own_page_failing_is_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True)


@pytest.mark.parametrize(
    "text",
    [
        # a threat sent in a chat box: a tip, urgent
        "có thằng nhắn vô khung chat zalo của em đòi tối nay tới giết cả nhà",
        # the writer's own account taken over: a scam
        "zalo của em bị hack, nó nhắn khung chat với bạn bè em mượn tiền",
        # a page passing itself off as the line's
        "có trang giả mạo công an phường nhắn em đăng nhập vào OA này để nộp phạt, em mất 2 triệu",
    ],
)
def test_a_threat_or_a_scam_told_beside_a_chat_box_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


# what a seller promises, and a price per unit sold, are an ad's phrases (never enough alone)


@pytest.mark.parametrize(
    "text",
    [
        "Nhận làm hồ sơ xin việc nhanh, lấy liền trong ngày, bao công chứng, ib em",
        "Rau sạch Đà Lạt giao nhận tận nơi khu Tân Phú, chỉ 25k/kg, đặt trước 9h",
        "Vay tín chấp không cần chứng minh thu nhập, nợ xấu vẫn duyệt, gọi chị Hoa",
        "Game bắn cá bao thắng, nạp 50k nhận 150k, link ở bio",
        "Bảo hiểm sức khỏe cho cả nhà, tư vấn miễn phí tận nhà, gọi ngay em Vy",
    ],
)
def test_a_sellers_promise_or_a_price_per_unit_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    "text",
    [
        # the promise quoted by the one it cheated
        "tụi nó hứa vay tín chấp nợ xấu vẫn duyệt, em đưa căn cước rồi bị lừa mất 3 triệu phí",
        # a bonus offer quoted, the money gone
        "con tôi chơi game bắn cá nạp 200k nhận 600k, nạp xong không rút được, mất 5 triệu",
        # a shop selling weapons delivered to the door: reported
        "có shop online bán dao bấm, giao nhận tận nơi, 150k/bộ, không hỏi tuổi, con nít mua được",
    ],
)
def test_a_promise_or_a_price_quoted_in_a_report_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


def test_free_advice_asked_of_the_ward_is_no_ad() -> None:
    got = classify("cho hỏi phường mình có chỗ tư vấn miễn phí về pháp luật cho người già không")
    assert (got.kind, got.spam) == ("question", False)


# the utility's own notice of an outage passed on: another office's matter, nobody's to report


def test_a_planned_outage_notice_is_another_offices_matter() -> None:
    got = classify("Điện lực báo: ngừng cấp điện khu phố 3 Tân Quý sáng thứ 5 để bảo trì lưới điện")
    assert got.kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "có thằng trèo lên trụ cắt trộm dây lưới điện ở hẻm 12 Tân Hương",
        "khu em mất điện từ chiều, có người leo cột cắt dây lưới điện",
    ],
)
def test_someone_at_the_power_lines_is_reported(text: str) -> None:
    assert classify(text).kind == "tip"


# the writer's earlier message named by what it was ("tin báo em gửi") with where it stands
# asked: about what was sent; something new told beside it stays a tip


def test_an_earlier_report_named_as_sent_asked_after_is_about_the_line() -> None:
    got = classify("tin báo tôi gửi chiều qua về vụ trộm xe ở hẻm 40, có anh nào nhận được chưa")
    assert (got.kind, got.topic) == ("other", "tip_status")


def test_an_earlier_report_told_again_with_something_new_stays_a_tip() -> None:
    text = "tin báo tôi gửi chiều qua về vụ trộm xe ở hẻm 40, giờ tụi nó lại quay lại nữa"
    assert classify(text).kind == "tip"


# a visit to the station asked for a child or a class: the officers' trade as small talk


@pytest.mark.parametrize(
    "text",
    [
        "thằng cu nhà tôi cứ đòi làm cảnh sát, cuối tuần cho cháu ghé phường tham quan được không",
        "trường mầm non muốn dẫn các bé tham quan trụ sở công an phường, gọi ai để xin ạ",
    ],
)
def test_a_visit_to_the_station_asked_is_small_talk(text: str) -> None:
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        # a fee for the visit asked by someone posing as an officer: a scam asked about
        "có người xưng công an phường thu mỗi bé 500k đi tham quan trụ sở, có phải lừa đảo không",
        # a child who wants to be an officer, and his theft told
        "thằng con tôi cứ đòi làm công an, hôm qua nó lấy trộm tiền của bà nội",
    ],
)
def test_a_visit_or_the_trade_beside_a_harm_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"


# the town grown since long ago, a crime of then told in passing: nobody's to report now;
# a habit of these days or something just done beside it still reports


def test_the_town_grown_since_long_ago_is_chat() -> None:
    text = "bà ngoại kể hồi xưa ở đây toàn ruộng, trộm chó là chuyện thường, giờ nhà cửa san sát"
    assert classify(text).kind == "other"


@pytest.mark.parametrize(
    "text",
    [
        "hồi xưa khu này toàn ruộng, giờ đông đúc quá, vừa có thằng đụng xe bà cụ rồi bỏ chạy",
        "hồi xưa khu này toàn ruộng, giờ đông đúc mà tối nào cũng có tụi trộm xe lảng vảng",
        "hồi xưa ở đây toàn ruộng, giờ nhà cửa san sát mà lúc nãy có đứa giật túi bà bán vé số",
    ],
)
def test_a_crime_of_these_days_beside_the_towns_past_stays_a_tip(text: str) -> None:
    assert classify(text).kind == "tip"
