"""Officer commands: matched with or without diacritics, only with a valid reference code."""

from __future__ import annotations

import pytest

from shared.core.commands import (
    Command,
    Decision,
    Officer,
    Verb,
    authorize,
    normalize_ref,
    parse_command,
)


@pytest.mark.parametrize(
    "text, verb",
    [
        ("NHAN TB-7K2Q9", Verb.TAKE),
        ("NHẬN TB-7K2Q9", Verb.TAKE),
        ("nhận tb7k2q9", Verb.TAKE),
        ("Nhan: TB 7K2Q9.", Verb.TAKE),
        ("  nhan   tb-7k2q9  ", Verb.TAKE),
        ("XONG TB-7K2Q9", Verb.RESOLVE),
        ("xong tb_7k2q9", Verb.RESOLVE),
        ("CHUYỂN TB-7K2Q9", Verb.TRANSFER),
        ("chuyen TB-7K2Q9", Verb.TRANSFER),
        ("KHÔNG TB-7K2Q9", Verb.REJECT),
        ("khong tb-7K2q9!", Verb.REJECT),
        # Decomposed Unicode (some keyboards) folds the same way.
        ("NHA\u0302\u0323N TB-7K2Q9", Verb.TAKE),
    ],
)
def test_tip_commands_parse_in_any_case_with_or_without_diacritics(text: str, verb: Verb) -> None:
    assert parse_command(text) == Command(verb, ref="TB-7K2Q9")


def test_notes_and_reasons_keep_the_officers_diacritics() -> None:
    assert parse_command("XONG TB-7K2Q9 Đã xử lý, bắt giữ 2 đối tượng.") == Command(
        Verb.RESOLVE, ref="TB-7K2Q9", note="Đã xử lý, bắt giữ 2 đối tượng."
    )
    assert parse_command("chuyển tb 7k2q9 — vượt thẩm quyền").note == "vượt thẩm quyền"  # type: ignore[union-attr]
    assert parse_command("KHONG TB-7K2Q9: tin nhắn quảng cáo").note == "tin nhắn quảng cáo"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "Nhận được tin nhắn lạ",
        "Không có gì đâu",
        "Xong rồi anh ơi",
        "Chuyển khoản cho tôi",
        "nhan tb-7k2q1",  # 1 is not in the alphabet
        "nhan tb-7k2q",  # too short
        "nhan tb-7k2q9x",  # too long
        "nhan 7k2q9",  # no TB prefix
        "nhanh len TB-7K2Q9",  # "nhanh" is not "nhan"
        "Có người bán ma túy ở TB-7K2Q9",  # a ref alone is not a command
        "Trực ban hôm nay là ai?",
        "dk",
        "ĐK",
        "",
        "   ",
    ],
)
def test_messages_that_are_not_commands_do_not_parse(text: str) -> None:
    assert parse_command(text) is None


@pytest.mark.parametrize("text", ["TRUC", "trực", "Trực.", "TRỰC!"])
def test_check_in_is_truc_alone(text: str) -> None:
    assert parse_command(text) == Command(Verb.CHECK_IN)


@pytest.mark.parametrize(
    "text, code",
    [
        ("DK 48KQ2M", "48KQ2M"),
        ("đk 48kq2m", "48KQ2M"),
        ("Đăng ký: abcd12", "ABCD12"),
        ("dang ky 7777", "7777"),
    ],
)
def test_enrolment_carries_the_invite_code_in_upper_case(text: str, code: str) -> None:
    assert parse_command(text) == Command(Verb.ENROL, code=code)


def test_enrolment_with_two_words_after_dk_is_not_a_code() -> None:
    assert parse_command("DK 48KQ2M xin chào") is None


@pytest.mark.parametrize("text", ["TB-7K2Q9", "tb7k2q9", "TB 7K2Q9", "tb-7k2q9", " Tb_7K2Q9 "])
def test_reference_codes_are_normalised(text: str) -> None:
    assert normalize_ref(text) == "TB-7K2Q9"


@pytest.mark.parametrize("text", ["TB-7K2Q0", "TB-7K2Q", "XB-7K2Q9", "TB-7K2Q9A"])
def test_invalid_reference_codes_normalise_to_none(text: str) -> None:
    assert normalize_ref(text) is None


TAKE = Command(Verb.TAKE, ref="TB-7K2Q9")
WARD = "ward-27019"
ANCESTORS = ("hcm-police",)


def officer(unit: str = WARD, active: bool = True) -> Officer:
    return Officer("cb-1", unit, active)


def test_active_officer_of_the_holding_unit_may_act() -> None:
    assert authorize(TAKE, officer(), WARD, ANCESTORS) == Decision(True, "ok")


def test_active_officer_of_a_unit_above_may_act() -> None:
    assert authorize(TAKE, officer("hcm-police"), WARD, ANCESTORS).allowed


def test_officer_of_a_sibling_ward_is_refused() -> None:
    assert authorize(TAKE, officer("ward-27013"), WARD, ANCESTORS) == Decision(
        False, "outside_unit"
    )


def test_inactive_officer_is_refused_even_in_the_holding_unit() -> None:
    assert authorize(TAKE, officer(active=False), WARD, ANCESTORS) == Decision(False, "inactive")


def test_unknown_sender_is_refused_as_not_enrolled() -> None:
    assert authorize(TAKE, None, WARD, ANCESTORS) == Decision(False, "not_enrolled")


def test_tip_command_on_an_unknown_tip_is_refused() -> None:
    assert authorize(TAKE, officer(), None, ()) == Decision(False, "no_tip")


def test_check_in_needs_an_active_officer_but_no_tip() -> None:
    truc = Command(Verb.CHECK_IN)
    assert authorize(truc, officer(), None, ()).allowed
    assert not authorize(truc, officer(active=False), None, ()).allowed
    assert not authorize(truc, None, None, ()).allowed


def test_enrolment_needs_no_officer_and_no_tip() -> None:
    assert authorize(Command(Verb.ENROL, code="48KQ2M"), None, None, ()).allowed


@pytest.mark.parametrize(
    ("text", "ref", "note"),
    [
        ("TL HD-7K2Q9 Anh chị mang CCCD đến trụ sở.", "HD-7K2Q9", "Anh chị mang CCCD đến trụ sở."),
        ("trả lời hd7k2q9: được ạ", "HD-7K2Q9", "được ạ"),
        ("tl hd 7k2q9 ok", "HD-7K2Q9", "ok"),
    ],
)
def test_an_answer_to_a_desk_question_keeps_the_officers_words(
    text: str, ref: str, note: str
) -> None:
    command = parse_command(text)
    assert command == Command(Verb.ANSWER, ref=ref, note=note)


@pytest.mark.parametrize("text", ["TL HD-7K2Q9", "TL TB-7K2Q9 ok", "Trả lời giúp tôi với", "tl"])
def test_an_answer_needs_a_question_code_and_words(text: str) -> None:
    assert parse_command(text) is None


def test_any_active_officer_may_answer_a_desk_question() -> None:
    command = Command(Verb.ANSWER, ref="HD-7K2Q9", note="ok")
    assert authorize(command, Officer("cb-1", "ward-27013", True), None, ()).allowed
    assert not authorize(command, Officer("cb-1", "ward-27013", False), None, ()).allowed
    assert not authorize(command, None, None, ()).allowed
