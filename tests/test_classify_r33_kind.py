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


@pytest.mark.parametrize(
    "text",
    [
        # joining the ward's own forces or its fire-safety training asked (as mt22-207's
        # volunteer night watch)
        "phuong co tuyen cong an vien ko a, em 22 tuoi muon lam",
        "Khu phố mình khi nào có buổi tập huấn PCCC vậy ad, chung cư tôi muốn đăng ký",
        "cho hỏi năm nay phường có tuyển dân quân không",
        # the page's notifications, not a procedure
        "lam sao tat thong bao trang nay vay ad",
        "muốn bỏ theo dõi trang thì bấm đâu",
    ],
)
def test_the_wards_life_and_the_page_are_no_question(text: str) -> None:
    assert by_rules(text).kind == "other", text


@pytest.mark.parametrize(
    "text",
    [
        # a pretext told in the same words
        "Có người xưng cán bộ phường đi tuyển công an viên, thu mỗi người 2 triệu phí hồ sơ",
        "buổi tập huấn PCCC ở nhà văn hóa hôm qua có ông say rượu vô quậy, đánh người",
    ],
)
def test_the_wards_life_beside_a_pretext_or_a_harm_is_not_chat(text: str) -> None:
    assert classify(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        # "vay" typed bare in a message typed with marks is a loan, not "vậy"
        "app cho vay nhắn tin chửi bới cả danh bạ của em, ghép hình em, bắt trả gấp đôi tiền vay",
        "tụi nó gọi điện khủng bố cả nhà vì em trễ 2 ngày tiền vay",
    ],
)
def test_a_loan_typed_last_is_no_question(text: str) -> None:
    assert by_rules(text).kind != "question", text


@pytest.mark.parametrize(
    "text",
    [
        "làm căn cước ở đâu vậy",
        "lam can cuoc o dau vay",
        "làm căn cước ở đâu v",
        # marks dropped towards the end: the bare "vay" after bare words is still "vậy"
        "đăng ký tạm trú thì len cong an phuong hay lam online vay",
    ],
)
def test_vay_is_still_asked_bare_or_marked(text: str) -> None:
    assert by_rules(text).kind == "question", text


@pytest.mark.parametrize(
    "text",
    [
        # the writer's own harm told, then how or where to file the complaint asked
        "em bi dong nghiep tat vao mat hom thu 2 o xuong, gio em muon lam don thi lam sao a",
        "tuần trước tôi bị quản lý xô ngã ở công ty, có camera, giờ tôi muốn làm đơn thì nộp ở đâu",
        "em bị chủ trọ giữ đồ không trả, giờ muốn làm đơn ở đâu ạ",
    ],
)
def test_a_harm_told_then_a_complaint_to_file_is_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        # supposed, or an application for a paper
        "nếu bị đồng nghiệp đánh thì muốn làm đơn thì làm sao",
        "em muốn làm đơn xin xác nhận cư trú thì làm sao",
        # which parent's household a child joins
        "Bé nhà em mới sinh, đăng ký thường trú theo bố hay theo mẹ ạ",
        "bé mới sinh nhập khẩu theo bố hay theo mẹ được ạ",
        "vo chong em khac phuong, con sinh ra theo vo hay theo chong duoc a",
    ],
)
def test_asked_stays_a_question(text: str) -> None:
    assert by_rules(text).kind == "question", text


@pytest.mark.parametrize(
    "text",
    [
        # a wanderer raging at the market, the public afraid (as mt7-24, mt18-20, mt45-72)
        "co ong tam than o cho Son Ky quay pha, liem da vo sap trai cay, nguoi di cho so lam",
        "có bà tâm thần quậy phá trước chợ, ném đồ vô hàng quán, tiểu thương sợ quá",
        # the child back home, telling what was done to her
        "con gái 15 tuổi của tôi đi làm quán karaoke mấy tuần, về nhà kể bị ép tiếp khách",
    ],
)
def test_a_fear_of_the_public_or_a_harm_told_once_home_is_normal(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "normal"), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the household afraid where it happens
        "ông chồng say xỉn về đập đồ, mẹ con em sợ quá trốn qua nhà hàng xóm",
        # a weapon beside the public's fear
        "thằng say đang cầm dao quậy phá ở chợ, bà con sợ lắm",
        # the child still held, or gone off next door (unmarked "ve ke ben") and missing
        "Cháu gái tôi 16 tuổi làm quán karaoke, giờ nhắn lén về nói bị ép tiếp khách, không cho về",
        "thang nho 6 tuoi chay ve ke ben choi roi mat tich tu chieu",
    ],
)
def test_the_same_in_danger_stays_urgent(text: str) -> None:
    assert classify(text).severity == "urgent", text


@pytest.mark.parametrize(
    "text",
    [
        # a price said as all it costs, a one-day sale, a pawnshop's offer, a prize within
        # hours, a trading group's gain per day in English
        "Kem chống nắng chính hãng chỉ còn 99k, freeship toàn quốc",
        "Giày thể thao xả hàng, giảm giá duy nhất hôm nay",
        "Tiệm cầm đồ uy tín, nhận cầm điện thoại, laptop, giấy tờ nhanh gọn",
        "Chúc mừng quý khách được tặng voucher 500k, xác nhận trong 24h",
        "Make 500/day with our expert team, join telegram to start",
    ],
)
def test_older_sets_ads_in_fresh_words(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        "Tiệm cầm đồ quảng cáo lãi thấp, nhận cầm xe không giấy tờ, tui nghi tiêu thụ xe trộm",
        "Quán nhậu ghi bia chỉ 15k một chai mà tính bill 2 triệu, không trả thì dọa đánh",
        "My friend joined an expert team on telegram, earn 300/day, now he lost 5000 USD",
        "shop online bán nồi chỉ 99k, chuyển khoản rồi mà không giao hàng, chặn luôn",
    ],
)
def test_the_same_offers_told_by_their_victims_stay_tips(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and not got.spam, (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # a card only named beside a harm told by its doer, nothing asked
        "tôi bị chủ trọ cũ giữ CCCD gốc, dọn đi 1 tháng rồi mà không chịu trả",
        "em bi cong ty giu can cuoc ban goc, nghi viec roi ma ho ko tra",
    ],
)
def test_a_card_named_beside_a_harm_told_is_no_question(text: str) -> None:
    assert by_rules(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        # a card's own wear and a new one wished for, a re-issue asked, a card's term
        "thẻ căn cước của tôi bị mờ hết chữ, muốn đổi thẻ mới",
        "em bị mất căn cước thì làm lại ở đâu",
        "căn cước của em bị hết hạn",
        "tôi bị chủ trọ giữ CCCD, vậy làm sao lấy lại",
    ],
)
def test_a_card_asked_about_stays_a_question(text: str) -> None:
    assert by_rules(text).kind == "question", text
