"""A gripe about the line beside a tip told in weak words (round 27, the lead: found by
msg-27). Until round 27 a complaint about the app or the chat box made the whole message
chat unless a category's strong phrase was told: "thằng đó nhắn tin đe dọa con gái tôi, app
lỗi hoài" reached no officer. A category's word in a clause of its own, apart from the
gripe's, now keeps the tip; the gripe alone, or a crime word inside the gripe's own clause,
stays chat. Praise is unchanged (thanks and praise beside a tip's words are their own rule)."""

from __future__ import annotations

import pytest

from shared.core.classify import classify


@pytest.mark.parametrize(
    "text",
    [
        "thằng đó nhắn tin đe dọa con gái tôi, app lỗi hoài",
        "thang do nhan tin de doa con gai toi, khung chat nay kho xai qua",
        "có đứa cứ hăm dọa em ngoài cổng trường mấy bữa nay, khung chat này khó xài quá",
    ],
)
def test_a_threat_told_beside_a_gripe_stays_a_tip(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.category, got.about_line) == ("tip", "violence", False)


@pytest.mark.parametrize(
    "text",
    [
        # the gripe alone
        "app lỗi hoài",
        # a crime's word inside the gripe's own clause is the gripe's
        "app lỗi hoài như bị ai phá",
        "khung chat này khó xài quá",
        "nhắn mãi không ai trả lời",
    ],
)
def test_a_gripe_alone_stays_about_the_line(text: str) -> None:
    got = classify(text)
    assert (got.kind, got.about_line) == ("other", True)
