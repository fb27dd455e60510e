"""Round 33's kind pass (issue 17, kind-33), from dev set 48's misses: a seller's price floor,
flat fare, early-bird discount and referral bonus are an ad's phrases (never one alone, and
not beside the writer's harm); a game's English name is no fire; a cat's glad face is chat;
a message sent here by mistake and taken back, and an answer come days late, are about the
line, nothing reported. Fresh phrasings (no marks, other goods and services) beside near
misses that must stay tips. The rules' own verdict is read (`by_rules`) where the model
could otherwise be asked; ads are read whole (`classify`)."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules, classify


@pytest.mark.parametrize(
    "text",
    [
        "Dịch vụ dọn nhà trọn gói chỉ từ 500k, có xe tải nhỏ vô hẻm",
        "Xe đưa đón sân bay đồng giá 180k, gọi 0912xxxxxx",
        "xe dua don san bay dong gia 200k, goi 0987 xxx xxx",
        "Lớp vẽ thiếu nhi hè này, đăng ký sớm giảm 30% học phí",
        "Mở ví điện tử nhận ngay 50k, nhập mã giới thiệu để được tặng thêm",
        "Cắt tóc nam chỉ từ 40k, khai trương tặng thêm gội đầu",
        "Bán acc Free Fire giá rẻ, nạp thẻ chiết khấu cao, ib shop",
    ],
)
def test_a_sellers_offer_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the seller's price quoted by the one it overcharged or cheated
        "Quán karaoke trên Bình Long ghi giá chỉ từ 200k một giờ mà tính tui 3 triệu, còn dọa đánh",
        "có tài xế ở cổng sân bay mời đặt xe gọi đồng giá 200k rồi chở lòng vòng lấy 1 triệu",
        "em bị dụ mở tài khoản chứng khoán nhận ngay 200k, bấm link giới thiệu rồi bị trừ hết tiền",
        "có nhóm rao dịch vụ chuyển nhà chỉ từ 300k, tới nơi đòi 3 triệu, không đưa thì giữ đồ",
    ],
)
def test_an_offer_told_by_its_victim_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and not got.spam, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "con chó nhà em mới đẻ 5 con, dễ thương quá 😊",
        "hôm nay bé nhà mình biết đi rồi nè 😻",
        # taken back: sent here by mistake
        "tin nhắn lúc nãy em nhắn lộn, bỏ qua giúp em nha",
        "xin loi gui nham nguoi, bo qua dum",
        # the line's answer come days late
        "hỏi từ thứ 2 mà mấy ngày mới trả lời, chậm quá",
        "lan truoc hoi ma 2 hom sau moi rep",
    ],
)
def test_chat_and_the_line_are_no_report(text: str) -> None:
    assert by_rules(text).kind == "other", text


@pytest.mark.parametrize(
    "text",
    [
        # a harm beside the glad face
        "con chó nhà bên cắn con em chảy máu 😊",
        # a report told after the apology for the wrong message
        "xin lỗi em nhắn nhầm, nhà em ở hẻm 12 có người đánh nhau đang chảy máu",
        "tin nhắn hồi nãy em gửi lộn, đúng ra là xe bị trộm ở hẻm 45 chứ không phải hẻm 54",
        # money sent to the wrong account is a loss
        "em lỡ chuyển khoản nhầm người 5 triệu, họ không chịu trả",
        # a bullied child reported, the line's slowness said beside it
        "Mấy đứa nhỏ bắt nạt con tôi ở trường, tôi báo 2 lần mà 3 ngày sau mới trả lời",
    ],
)
def test_near_misses_stay_tips(text: str) -> None:
    assert by_rules(text).kind == "tip", text
