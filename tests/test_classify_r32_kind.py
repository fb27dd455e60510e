"""Round 32's kind pass (issue 17, kind-32): the guards the rules reading a report in what is
asked after something told share, and people in danger told in fresh phrasings (no marks,
teencode, English from a foreigner) beside near misses that must not move. The rules' own
verdict is read (`by_rules`), so a retrained model moves none of them."""

from __future__ import annotations

import pytest

from shared.core.classify import _told_then_asked, by_rules


def test_told_then_asked_holds_the_shared_guards() -> None:
    told = {"what_to_do": []}
    assert _told_then_asked(told, False, None, ("papers:lost",))
    # a case supposed, an "if", a tip's code or the writer's own file: asked, never a report
    assert not _told_then_asked(told, True, None, ())
    assert not _told_then_asked({**told, "if": []}, False, None, ())
    assert not _told_then_asked(told, False, "TB-123456", ())
    assert not _told_then_asked({**told, "own_file": []}, False, None, ())
    # and the rule's own groups
    assert not _told_then_asked({**told, "papers:lost": []}, False, None, ("papers:lost",))
    assert _told_then_asked({**told, "papers:lost": []}, False, None, ("rights_asked",))


# the five rules keep their verdicts: a harm told then what to do asked is a tip, the same
# supposed is a question
@pytest.mark.parametrize(
    "text",
    [
        "toi bi nguoi ta chiem dat lam nha tren dat nha toi, phai lam sao",
        "em muốn báo lại việc tuần trước em bị người hàng xóm đánh, giờ em nộp đơn ở đâu",
    ],
)
def test_a_harm_told_then_asked_is_a_tip(text: str) -> None:
    assert by_rules(text).kind == "tip", text


@pytest.mark.parametrize(
    "text",
    [
        "nếu có người đe dọa mình thì phải làm sao",
        "neu bi nguoi ta lay dat thi phai lam sao",
    ],
)
def test_the_same_supposed_is_asked(text: str) -> None:
    assert by_rules(text).kind == "question", text
