"""Round 36 (asst-36): dev set 51's wrong answers and misses by principle, tried in fresh
words.

Each case is a citizen's phrasing of its own (typos and missing marks included), run the
way the line runs a question (classify, then the assistant), as `tests/understanding.py`
scores it: the topic and the parts asked, a pointer to another office, a hand-off to the
desk, or the question back.
"""

from __future__ import annotations

import pytest

from tests.asked import scored


@pytest.mark.parametrize(
    "text",
    [
        # a foreign worker or professional, said by who employs them: the foreigners' own
        # declaration (Điều 33 Luật 47/2014/QH13), never the citizens' tạm trú
        "Công ty tôi có lao động nước ngoài ở ký túc xá công ty, ai khai báo tạm trú cho họ?",
        "xuong em tuyen 5 cong nhan nuoc ngoai, o tro gan xuong, ai dang ky tam tru cho tui no",
        "truong em co giao vien nuoc ngoai thue phong tro, phai khai bao sao",
        "cho chuyen gia an do thue can ho, toi khong o do thi ai khai bao cho ho",
        "nhà hàng mình thuê người lao động nước ngoài ở luôn trên lầu, đăng ký tạm trú sao ạ",
    ],
)
def test_foreign_workers_are_the_foreigners_declaration(text: str) -> None:
    got = scored(text)
    assert not got.tip and got.topics == ("nuoc_ngoai",), text


@pytest.mark.parametrize(
    "text",
    [
        # near miss: a citizen going abroad to work is no foreigner
        "con toi di lao dong nuoc ngoai o Nhat 3 nam, ho khau co bi xoa ko",
        "chồng em đi lao động nước ngoài 2 năm thì có phải khai tạm vắng không",
    ],
)
def test_a_citizen_going_abroad_to_work_is_no_foreigner(text: str) -> None:
    assert "nuoc_ngoai" not in scored(text).topics, text


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # a registration said already removed, registering again asked: the new
        # registration, never the removal's facts
        ("thuong tru cu bi xoa roi, gio dang ky lai can nhung gi", "thuong_tru"),
        ("ho khau cua em bi xoa roi, gio muon nhap lai nha ba me thi lam sao", "thuong_tru"),
        ("Hộ khẩu đã bị xóa tên rồi, giờ nhập lại về nhà anh trai cần giấy tờ gì", "thuong_tru"),
        ("tạm trú cũ của em đã bị xóa, giờ đăng ký lại ở trọ mới cần gì", "tam_tru"),
    ],
)
def test_a_removal_said_done_leaves_the_new_registration_asked(text: str, topic: str) -> None:
    got = scored(text)
    assert not got.tip and got.topics == (topic,), text


@pytest.mark.parametrize(
    "text",
    [
        # near misses: whether it was removed is asked, so the removal is answered too
        "Hộ khẩu của tôi ở nhà mẹ còn không hay bị xóa rồi, có phải đăng ký lại không?",
        "ho khau em bi xoa roi ha, gio dang ky lai sao",
    ],
)
def test_a_removal_asked_about_is_still_answered(text: str) -> None:
    assert "xoa_dang_ky" in scored(text).topics, text
