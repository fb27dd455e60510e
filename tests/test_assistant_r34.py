"""Round 34 (asst-34): dev set 49's wrong answers by principle, tried in fresh words.

Each case is a citizen's phrasing of its own (typos and missing marks included), run the
way the line runs a question (classify, then the assistant), as `tests/understanding.py`
scores it: the topic and the parts asked, a hand-off to the desk, or the question back.
"""

from __future__ import annotations

import pytest

from shared.core import assistant
from shared.core.classify import classify
from tests.understanding import Understood, understood


def _got(text: str) -> Understood:
    return understood(text, classify, assistant)


@pytest.mark.parametrize(
    "text",
    [
        # the registration refused by the ward itself, for a reason it gave: an officer looks
        "Phường nói khu trọ không đủ điều kiện an toàn phòng cháy nên từ chối đăng ký tạm trú "
        "cho cả dãy, tụi em ở đây 3 năm rồi.",
        "khu tro nha em bi cong an phuong tu choi dang ky tam tru vi chua dat tieu chuan phong "
        "chay, tui em o 3 nam roi",
        "Phường không cho đăng ký tạm trú vì nhà trọ chưa đạt chuẩn PCCC, cả chục người ở đây",
        "công an phường không nhận hồ sơ nhập khẩu cho mẹ tôi, bảo là nhà chưa có sổ hồng",
    ],
)
def test_a_registration_the_office_refused_goes_to_an_officer(text: str) -> None:
    got = _got(text)
    assert got.handoff and not got.tip and not got.topics


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        # near misses: a refusal feared or a right asked of, no refusal told: the procedure
        ("nhà trọ chưa có PCCC thì phường có từ chối đăng ký tạm trú không", "tam_tru"),
        ("phường có quyền từ chối đăng ký tạm trú không ạ", "tam_tru"),
        ("em ở phường 5, muốn đăng ký tạm trú cho bạn thì làm sao", "tam_tru"),
    ],
)
def test_a_refusal_not_told_is_the_procedure(text: str, topic: str) -> None:
    got = _got(text)
    assert got.topics == (topic,) and not got.handoff and not got.tip


def test_a_fire_said_is_still_a_fire() -> None:
    # the fire-safety conditions named are no fire; a room burning is one
    verdict = classify("phòng trọ bên cạnh đang cháy, khói đầy hành lang")
    assert verdict.kind == "tip" and verdict.category == "fire"
    verdict = classify("nhà trọ kế bên cháy rồi, lửa lan qua phòng em")
    assert verdict.kind == "tip" and verdict.category == "fire"
