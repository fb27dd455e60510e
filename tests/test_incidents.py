"""Whether a message is the open tip's incident or another (shared/core/incidents.py):
pure decisions on plain values, and the rules file checked with its path."""

from __future__ import annotations

import pytest

from shared.core import conversation
from shared.core.conversation import ConversationFileError, parse_rules
from shared.core.incidents import NewMessage, OpenIncident, Related, decide
from shared.core.tip import TipStatus

RULES = conversation.rules().incidents
FIGHT = OpenIncident("TB-AAAAAA", TipStatus.ROUTED, "27019", "violence")
TAKEN = OpenIncident("TB-AAAAAA", TipStatus.ACKNOWLEDGED, "27019", "violence")


def test_a_pin_in_another_ward_splits_and_one_in_the_same_ward_joins() -> None:
    assert decide(FIGHT, NewMessage(None, "27013", "gps"), RULES).reason == "other_ward"
    assert not decide(FIGHT, NewMessage(None, "27019", "gps"), RULES).split


def test_weak_or_doubtful_places_never_split() -> None:
    assert not decide(FIGHT, NewMessage(None, "27013", "oa"), RULES).split
    assert decide(FIGHT, NewMessage(None, "27013", "gps", True), RULES).reason == "near_boundary"
    desk = OpenIncident("TB-AAAAAA", TipStatus.ROUTED, None, "violence")
    assert decide(desk, NewMessage(None, "27013", "gps"), RULES).reason == "no_ward_yet"


def test_another_kind_splits_only_once_the_tip_was_taken_and_never_a_kin_kind() -> None:
    drugs = NewMessage("drugs", None)
    assert not decide(FIGHT, drugs, RULES).split
    assert decide(TAKEN, drugs, RULES).reason == "other_kind"
    assert not decide(TAKEN, NewMessage("weapons", None), RULES).split  # a fight with a knife
    assert not decide(TAKEN, NewMessage("other", None), RULES).split
    assert not decide(TAKEN, NewMessage(None, None), RULES).split


def test_a_message_about_an_incident_split_off_before_joins_that_tip() -> None:
    split = OpenIncident(
        "TB-AAAAAA", TipStatus.ROUTED, "27019", "violence", (Related("TB-BBBBBB", "27013", None),)
    )
    found = decide(split, NewMessage("theft", "27013", "ward_name"), RULES)
    assert (found.reason, found.into, found.category) == ("related", "TB-BBBBBB", "theft")
    kind = OpenIncident(
        "TB-AAAAAA", TipStatus.ROUTED, "27019", "violence", (Related("TB-CCCCCC", None, "drugs"),)
    )
    assert decide(kind, NewMessage("drugs", None), RULES).into == "TB-CCCCCC"


def test_the_rules_file_names_the_path_of_a_problem() -> None:
    text = conversation.CONVERSATION_FILE.read_text(encoding="utf-8")
    with pytest.raises(
        ConversationFileError, match=r"incidents: .*other_kind_after: unknown statuses"
    ):
        parse_rules(text.replace("other_kind_after: [acknowledged,", "other_kind_after: [taken,"))
    with pytest.raises(ConversationFileError, match="unknown categories"):
        parse_rules(text.replace("- [robbery, theft]", "- [robbery, thief]"))


def test_a_category_only_the_learned_model_guessed_tells_no_other_incident() -> None:
    from shared.core.classify import classify
    from shared.core.jurisdiction import load_profile
    from shared.core.routing import new_message

    # no phrase of the rules; the second opinion guesses drugs ("hút ống tre")
    text = "co may dua nho tu tap ngoai cong vien dem nao cung hut ong tre ban nuoc nong ngoai dat"
    assert classify(text).category_learned
    assert new_message(load_profile("2025"), text, None).category is None
    # a phrase of the rules still tells its kind
    said = new_message(load_profile("2025"), "thằng đó đang chích ma túy ngoài công viên", None)
    assert said.category == "drugs"
