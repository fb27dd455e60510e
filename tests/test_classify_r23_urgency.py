"""Round 23: the learned model taught the newer message sets' urgency (tests/understanding.py
`URGENCY_TAUGHT`, `raise_from` 0.45). Dangers the rules read in few words stay urgent
(classify.yaml `kept`, child_in_danger), and a tip the model raises from under one half
still says "urgent" among its reasons. All phrasings are this file's own."""

from __future__ import annotations

import pytest

from shared.core.classify import Classification, classify, load_model, with_urgency
from shared.core.text_model import Opinion


@pytest.mark.parametrize(
    "text",
    [
        "ong hang xom uong thuoc sau, mat tim tai, dang nam o san",
        "chú tôi uống thuốc diệt cỏ rồi, môi tím tái",
        "có ông cụ ngồi ở trạm xe buýt từ sáng, hỏi không nói, tay run rẩy",
        "con gái tôi 10 tuổi đi học từ trưa tới giờ chưa thấy về, gọi cô giáo không được",
    ],
)
def test_a_body_failing_or_a_child_not_back_told_in_few_words_stays_urgent(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.severity) == ("tip", "urgent"), got


@pytest.mark.parametrize(
    "text",
    [
        # a parcel not delivered is no child missing
        "đặt hàng online 3 ngày rồi chưa thấy về, shop chặn zalo luôn",
        # the poisoning over: out of hospital
        "tuần trước ông hàng xóm uống thuốc sâu, giờ đã xuất viện khỏe rồi",
    ],
)
def test_the_same_words_over_or_about_a_thing_are_no_danger_now(text: str) -> None:
    got = classify(text)
    assert not (got.kind == "tip" and got.severity == "urgent"), got


def test_a_tip_raised_from_under_one_half_says_urgent_and_is_learned() -> None:
    model = load_model()
    assert model.raise_from < 0.5
    fight = Classification("tip", "violence", "normal", None, None, ("đánh nhau",))
    raised = with_urgency(fight, model.raise_from)
    assert raised.severity == "urgent" and raised.severity_learned
    assert raised.reasons[-1] == Opinion.urgency_reason(model.raise_from, "urgent")
    assert raised.reasons[-1].endswith(f"urgent ({model.raise_from:.2f})")
    # lowered, it says normal with the model's confidence in that
    assert Opinion.urgency_reason(0.05, "normal").endswith("normal (0.95)")
