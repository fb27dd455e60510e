"""A theft that took another office's paper, its re-issue asked: the tip is received and
the follow-up names the office, and the result says which (round 24; the scorer reads it)."""

from __future__ import annotations

from datetime import date

import pytest

from tests.asked import answered

TODAY = date(2026, 11, 30)


@pytest.mark.parametrize(
    ("text", "service"),
    [
        (
            "hôm qua bị giật túi ở chợ Tân Hương mất bằng lái xe, giờ làm lại bằng lái ở đâu ạ",
            "driving_licence",
        ),
        ("nha bi trom dot nhap tuan truoc lay luon so hong, gio xin cap lai so o dau", "land"),
    ],
)
def test_a_theft_with_a_paper_re_issue_asked_is_received_and_pointed_on(
    text: str, service: str
) -> None:
    result = answered(text, TODAY)
    assert result.tip is True
    assert result.out_of_scope == service
    assert len(result.replies) == 1 and "không giải quyết" in result.replies[0].text


@pytest.mark.parametrize(
    "text",
    [
        # the paper taken, nothing asked of it: the theft alone
        "tối qua bị trộm chiếc xe máy trước nhà, trong cốp còn cái bằng lái của chồng",
        # a theft with no other office's paper
        "bị giật điện thoại trên Lũy Bán Bích, giờ báo ở đâu",
    ],
)
def test_a_theft_without_another_offices_re_issue_asked_points_nowhere(text: str) -> None:
    result = answered(text, TODAY)
    assert result.tip is True
    assert result.out_of_scope is None
