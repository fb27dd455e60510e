"""The sender's web address as an ad's phrase (round 23, issue 17 §4: spam and advertising
are kind other): a link in a notice or an offer is the sender's, while a citizen quoting
one to report it says so. Phrasings of our own, each beside a near miss."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        # a phish in an office's name: its threat and its link
        "THONG BAO: tai khoan ngan hang cua ban se bi khoa, xac thuc tai nganhang-xacminh.top",
        "Thông báo của Cục Thuế: phương tiện của bạn còn nợ phí, nộp tại thue-vn.xyz để tránh"
        " bị tạm giữ",
        # an offer with its link
        "Kèo bóng đá miễn phí mỗi ngày, vào nhóm ngay: t.me/keobong123",
    ],
)
def test_a_link_in_a_notice_or_an_offer_is_an_ad(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == ("other", True)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # the same phish quoted by the one who received it, asked whether it is real
        (
            "tôi vừa nhận tin nhắn 'tài khoản của bạn sẽ bị khóa, xác thực tại"
            " nganhang-xacminh.top', có phải lừa đảo không",
            "tip",
        ),
        # a city named with a dot is no address, an e-mail given is none either
        ("ở TP.HCM mấy hôm nay có nhóm trộm chó đi xe không biển", "tip"),
        ("ai nhặt được ví của em thì liên hệ em qua mail em.ngoc@gmail.com nha, cảm ơn", "tip"),
    ],
)
def test_no_ad_without_the_senders_voice(text: str, kind: str) -> None:
    got = classify(text)
    assert (got.kind, got.spam) == (kind, False)
