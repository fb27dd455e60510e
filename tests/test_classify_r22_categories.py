"""Principles of category added in round 22 (issue 17, point 4), each on the situation
described rather than on a topic word: a suspicious person, nothing done yet, is public
order, and a street race is traffic (the line's convention, as its writers since round 17
label them). Tried on phrasings of
our own and on near-misses that must not change; the rules' own verdict is read
(`by_rules`), so a retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import by_rules


def _category(text: str) -> str | None:
    got = by_rules(text)
    assert got.kind == "tip", (text, got)
    return got.category


@pytest.mark.parametrize(
    "text",
    [
        "mấy tối nay có 2 người lạ ngồi trên xe máy đầu hẻm 30, cứ nhìn vô nhà này nhà kia",
        "co ong la mat hay lang vang truoc cong truong mau giao luc tan hoc",
        "có xe lạ đậu trước nhà tôi từ chiều, người trong xe cứ dòm ngó",
        "thằng thanh niên lạ mặt đi chụp hình từng nhà trong xóm, hỏi nhà nào đi vắng",
        "nửa đêm có người rọi đèn pin vô nhà tôi rồi đi, nhìn khả nghi lắm",
    ],
)
def test_a_suspicious_person_nothing_done_is_public_order(text: str) -> None:
    assert _category(text) == "public_order"


@pytest.mark.parametrize(
    "text, category",
    [
        # what the stranger did is its own category
        ("có người lạ cạy khóa xe máy trước nhà tôi rồi dắt đi mất", "theft"),
        ("có người lạ đang cầm dao đứng trước cổng trường tiểu học", "weapons"),
        ("nhà bên cho mấy người lạ tới ở cả tháng nay mà không khai báo tạm trú", "residence"),
    ],
)
def test_what_a_stranger_did_keeps_its_own_category(text: str, category: str) -> None:
    assert _category(text) == category


def test_la_mat_typed_without_marks_is_no_stranger() -> None:
    # "la mat" typed without marks is also "là mất" (is lost): no "lạ mặt" alone
    got = by_rules("di cho ve la mat vi, trong vi co cccd voi the atm")
    assert got.category != "public_order", got


@pytest.mark.parametrize(
    "text",
    [
        "khuya nào cũng có tụi nhỏ đua xe trên Trường Chinh, chạy ẩu lắm",
        "dem qua may thang dua xe tong 1 ba ban xoi o nga tu",
    ],
)
def test_a_street_race_is_traffic(text: str) -> None:
    assert _category(text) == "traffic"


@pytest.mark.parametrize(
    "text",
    [
        # the crowd gathered for it, or its din, is the neighbours'
        "tối thứ 7 thanh niên tụ tập đua xe đầu hẻm, la hét om sòm",
        "tụi nó nẹt pô ầm ầm trước nhà tới 2h sáng, không ngủ được",
    ],
)
def test_a_crowd_gathered_or_a_din_stays_public_order(text: str) -> None:
    assert _category(text) == "public_order"
