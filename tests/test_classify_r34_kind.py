"""Round 34's kind pass (issue 17, kind-34), from dev set 49's misses: a service or goods
offered to the public (a price floor, a quantity at its price, the goods' origin vouched for,
a house service named, a repairman's guarantee, a first visit free for new customers, an
English offer with its call to write) is an ad; the same words told by the customer they
pressed or overcharged stay a tip. Fresh phrasings (no marks, other goods and services, in
English) beside near misses. Ads are read whole (`classify`); the rules' own verdict
(`by_rules`) where the model could otherwise be asked."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "Dịch vụ giặt nệm, giặt rèm tận nơi, giá từ 99k",
        "cty ve sinh cong nghiep, ve sinh nha cua sau xay dung, gia tu 200k",
        "Nước mắm Phan Thiết chính gốc, can 5 lít 180k, giao tận nhà",
        "chuyen nha tron goi, dong goi can than, xe tai 1 tan 2 tan",
        "Sửa điện nước tận nhà, có mặt sau 15 phút, không sửa được không lấy tiền",
        "English course for kids, 8 lessons only 1,200,000 VND. Message us to book!",
        "Yoga classes for foreigners, first class free. Message us on Zalo",
        "Tiệm nail mới mở tặng buổi đầu miễn phí cho khách mới",
        "tham my vien tang buoi dau 0d cho khach moi, tri nam tri mun",
    ],
)
def test_a_service_offered_to_the_public_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True), (text, got)


@pytest.mark.parametrize(
    "text",
    [
        # the offer quoted by the customer it pressed or overcharged
        "Spa trên Lũy Bán Bích quảng cáo tặng buổi đầu 0đ cho khách mới, vô rồi bị ép mua liệu"
        " trình 20 triệu",
        "Tôi thuê cty vệ sinh nhà cửa giá từ 150k mà tới làm xong tính 2 triệu, còn dọa đánh",
        "Bên chuyển nhà trọn gói làm vỡ hết đồ còn đòi thêm 3 triệu, không trả thì không dỡ đồ"
        " xuống",
        "A language school offered lessons only 2,500,000 VND, I paid and they disappeared",
        "Thằng thợ sửa máy giặt tận nhà hôm qua tới nhà tôi, nó đi rồi mới thấy mất sợi dây chuyền",
    ],
)
def test_an_offer_told_by_its_customer_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert got.kind == "tip" and not got.spam, (text, got)
