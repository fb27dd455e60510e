"""Principles of urgency added in round 22 (issue 17, point 2), each named by the mechanism
that rated a calm tip urgent or a person in danger normal: a time that is not now said in
the other ways writers date an event, ... Each is tried on phrasings of our own and on
near-misses that must not change; the rules' own verdict is read (`by_rules`), so a
retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules


def _urgent(text: str) -> None:
    got = by_rules(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), (text, got)


def _normal(text: str) -> None:
    got = by_rules(text)
    assert got.kind == "tip" and got.severity == "normal", (text, got)


# --- a time that is not now ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        # counted back from today
        "cách đây 3 tuần có thằng bị chém ở bãi giữ xe chợ, tới giờ chưa bắt được ai",
        "cach day may hom co 2 nhom danh nhau o san bong, bao de phuong biet",
        "5 ngày trước nhà em bị trộm cạy cửa, camera quay được mặt",
        "mấy ngày trước có ông say rượu cầm dao rượt vợ ngoài hẻm",
        # the last week or weekday named
        "thứ 7 vừa rồi tụi nó đua xe rồi rượt chém nhau trên đường Tân Kỳ Tân Quý",
        "tuần vừa qua có vụ giật túi xách trước ngân hàng ở ngã tư",
        # late last night, a while back
        "khuya qua có đánh nhau trước quán nhậu, sáng ra thấy máu trên vỉa hè",
        "hồi đó thằng này từng cầm mã tấu chém người ở chợ, giờ nó về xóm ở lại",
        "đợt trước có đứa bị bắt cóc trước cổng trường, phụ huynh lo lắm",
        # yesterday in chat spelling
        "hqua co thang cam dao doa giet ong ban ve so o dau hem",
        "hom wa co 2 thang danh nhau be dau truoc tiem net",
    ],
)
def test_a_time_that_is_not_now_is_no_danger_now(text: str) -> None:
    _normal(text)


@pytest.mark.parametrize(
    "text",
    [
        # the same times beside something going on now: still a danger
        "cách đây 2 tuần nó dọa rồi, giờ nó đang cầm dao đứng trước cửa nhà em",
        "thứ 7 vừa rồi tụi nó đánh nhau, bây giờ lại đang đánh nhau trước quán",
        "hqua no danh vo, gio no dang danh tiep, con nit khoc thet",
        # minutes ago are now, "vừa rồi" alone is just now
        "cách đây 5 phút có thằng cầm dao rượt người chạy vô hẻm 12",
        "vừa rồi có 2 đứa cầm mã tấu chạy ngang chợ",
        # "ngay truoc" typed without marks is "right in front of", not days ago
        "co thang cam dao dung ngay truoc cua nha em",
        # "cách đây" alone is a distance
        "cách đây 200m có đánh nhau, tụi nó đông lắm",
    ],
)
def test_now_minutes_ago_or_a_distance_stay_urgent(text: str) -> None:
    _urgent(text)
