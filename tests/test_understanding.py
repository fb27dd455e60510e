"""Issue 17's targets, held on the blind sets (never tuned against) and the tuning set.

The sets and their labels are described in tests/understanding.py. The first
blind set was written before any rule changed (scores then: kind 89.2 %,
category 71.0 %, urgency 82.3 %, 6 people in danger rated normal; questions
right 34.6 %, 14 wrong); the second was written at the end of round 2, as a
check of the first, and its misses were then used in round 3 (it is a tuning
set now). The third was written in round 3 before any rule changed (scores
then, in its header: kind 90.9 %, category 83.9 %, urgency 83.9 %, 8 people in
danger rated normal; questions 22/26, 1 wrong) and scored once at the end. The
issue's targets: kind >= 97 %, category >= 93 %, urgency >= 95 % with
no urgent alarm on a calm tip and no person in danger rated normal; questions
right or honestly "not handled here" >= 90 %, never wrong.
"""

from __future__ import annotations

import pytest

from shared.core import assistant
from shared.core.classify import classify
from tests.understanding import cases, score_messages, score_questions


@pytest.mark.parametrize("name", ["messages_blind.jsonl", "messages_tuning.jsonl"])
def test_messages_meet_the_kind_category_and_urgency_targets(name: str) -> None:
    score = score_messages(cases(name), classify)
    detail = "\n".join(score.misses)
    assert len(cases(name)) >= 59
    assert score.kind >= 0.97, detail
    assert score.category >= 0.93, detail
    assert score.severity >= 0.95, detail
    assert score.false_alarms == [], detail
    assert score.danger_missed == [], detail


def test_the_second_set_tuned_against_in_round_3_meets_the_targets() -> None:
    score = score_messages(cases("messages_blind2.jsonl"), classify)
    detail = "\n".join(score.misses)
    # 87.5 % urgency and two people in danger rated normal when scored blind;
    # its misses were then worked on (round 3).
    assert score.kind >= 0.97 and score.category >= 0.93, detail
    assert score.severity >= 0.95 and score.danger_missed == [], detail
    assert score.false_alarms == [], detail


def test_the_third_blind_set_keeps_its_measured_scores() -> None:
    score = score_messages(cases("messages_blind3.jsonl"), classify)
    detail = "\n".join(score.misses)
    # Measured once, at the end of round 3 (before: kind 90.9 %, category
    # 83.9 %, urgency 83.9 %, 8 in danger rated normal). Kind (62/66) and
    # category (51/56) stay under the targets; see the README.
    assert len(cases("messages_blind3.jsonl")) >= 60
    assert score.kind >= 0.939 and score.category >= 0.91, detail
    assert score.severity >= 0.98, detail
    assert score.false_alarms == [] and score.danger_missed == [], detail


@pytest.mark.parametrize("name", ["questions_blind.jsonl", "questions_tuning.jsonl"])
def test_questions_are_answered_right_or_honestly_not_handled_and_never_wrong(name: str) -> None:
    score = score_questions(cases(name), classify, assistant)
    detail = "\n".join(score.wrong + score.misses)
    assert len(cases(name)) >= 25
    assert score.right_or_honest >= 0.90, detail
    assert score.wrong == [], detail


def test_the_second_set_of_questions_tuned_against_in_round_3_is_all_right() -> None:
    score = score_questions(cases("questions_blind2.jsonl"), classify, assistant)
    detail = "\n".join(score.wrong + score.misses)
    assert score.right == score.total and score.wrong == [], detail


def test_the_third_blind_set_of_questions_keeps_its_measured_score() -> None:
    score = score_questions(cases("questions_blind3.jsonl"), classify, assistant)
    detail = "\n".join(score.wrong + score.misses)
    # Measured once (before: 22/26, 1 wrong). One answer gives another
    # procedure's facts ("hộ khẩu có bị xóa" answered with registration, not
    # deregistration): the target is none; see the README.
    assert len(cases("questions_blind3.jsonl")) >= 25
    assert score.right_or_honest >= 0.92, detail
    assert len(score.wrong) <= 1, detail


def test_spam_of_every_set_is_recognised() -> None:
    for which in ("blind", "blind2", "blind3", "tuning"):
        score = score_messages(cases(f"messages_{which}.jsonl"), classify)
        assert score.spam and score.spam_right == score.spam, which
