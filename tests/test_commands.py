"""Officer commands: the strict form (any sender; only with a valid reference code),
and the forgiving reading an officer's message gets."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from shared.core.commands import (
    _KEYWORD,
    Command,
    Verb,
    fold_with_origin,
    normalize_ref,
    parse_command,
)
from shared.core.officer_reading import Written, near_codes, parse_vocabulary, read
from shared.core.text import fold


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
        "nhan tb-7k2q9xy",  # too long (codes have 5 or 6 characters)
        "nhan 7k2q9",  # no TB prefix
        "nhanh len TB-7K2Q9",  # "nhanh" is not "nhan"
        "Có người bán ma túy ở TB-7K2Q9",  # a ref alone is not a command
        "Ghi TB-7K2Q9 thêm: có 3 người",  # GHI is an officer's word, read for officers only
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


@pytest.mark.parametrize("text", ["TB-7K2Q0", "TB-7K2Q", "XB-7K2Q9", "TB-7K2Q9AB"])
def test_invalid_reference_codes_normalise_to_none(text: str) -> None:
    assert normalize_ref(text) is None


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


# --- the forgiving reading (officers only) ---------------------------------------------


@pytest.mark.parametrize(
    "text, verb, body, valid, rest",
    [
        ("NHAN TB-K5N9C", Verb.TAKE, "K5N9C", True, ""),  # five: issued before six
        ("nhan tb k5n 9cx", Verb.TAKE, "K5N9CX", True, ""),  # six, in two pieces
        ("xong K5N9CX da bat", Verb.RESOLVE, "K5N9CX", True, "da bat"),
        ("nhan k5n9cxq", Verb.TAKE, "K5N9CXQ", False, ""),  # one extra: asked about
        ("nhan k5n9c", Verb.TAKE, "K5N9C", True, ""),  # no TB-
        ("nhận tb k5n 9c", Verb.TAKE, "K5N9C", True, ""),  # spaces inside
        ("Nhan TBK5N9C", Verb.TAKE, "K5N9C", True, ""),
        ("NHAN TB-K5N9", Verb.TAKE, "K5N9", False, ""),  # one short: asked about
        ("nhan 7k2q", Verb.TAKE, "7K2Q", False, ""),
        (
            "XONG TB-K5N9C Đã xử lý, bắt 2 đối tượng",
            Verb.RESOLVE,
            "K5N9C",
            True,
            "Đã xử lý, bắt 2 đối tượng",
        ),
        ("ghi k5n9c Đã tới nơi", Verb.NOTE, "K5N9C", True, "Đã tới nơi"),
        ("Ghi chú TB-K5N9C: chờ hỗ trợ", Verb.NOTE, "K5N9C", True, "chờ hỗ trợ"),
        (
            "chuyển tb-k5n9c cấp trên vượt thẩm quyền",
            Verb.TRANSFER,
            "K5N9C",
            True,
            "cấp trên vượt thẩm quyền",
        ),
    ],
)
def test_an_officers_code_is_read_with_or_without_tb_and_spaces(
    text: str, verb: Verb, body: str, valid: bool, rest: str
) -> None:
    reading = read(text)
    assert reading.verb is verb
    assert reading.code is not None and (reading.code.body, reading.code.valid) == (body, valid)
    assert reading.rest == rest


@pytest.mark.parametrize(
    "text, verb",
    [
        ("nhận", Verb.TAKE),
        ("Nhận!", Verb.TAKE),
        ("đã nhận", Verb.TAKE),
        ("ok nhận tin", Verb.TAKE),
        ("Em nhận nhé", Verb.TAKE),
        ("xong rồi", Verb.RESOLVE),
        ("Đã xong", Verb.RESOLVE),
        ("xử lý xong rồi ạ", Verb.RESOLVE),
        ("XONG", Verb.RESOLVE),
    ],
)
def test_a_command_word_alone_is_read_as_the_command_alone(text: str, verb: Verb) -> None:
    reading = read(text)
    assert (reading.verb, reading.code, reading.alone) == (verb, None, True)


@pytest.mark.parametrize(
    "text",
    [
        "Đã tới hiện trường, đối tượng bỏ chạy",
        "alo alo",
        "Anh ơi cho em hỏi",
        "nhanh lên",  # "nhanh" is not "nhận"
    ],
)
def test_words_that_start_with_no_command_word_are_free_text(text: str) -> None:
    reading = read(text)
    assert reading.verb is None and reading.rest == text


def test_a_command_word_followed_by_words_is_not_alone() -> None:
    reading = read("Nhận được phản ánh thêm từ dân")
    assert (reading.verb, reading.code, reading.alone) == (Verb.TAKE, None, False)
    reading = read("XONG da bat duoc doi tuong")  # words joined are no code
    assert reading.code is None and reading.rest == "da bat duoc doi tuong"


def test_a_word_of_a_codes_shape_is_only_maybe_a_code() -> None:
    assert read("nhan hkmnp").code == Written("HKMNP", valid=True, sure=False)
    assert read("nhan tb hkmnp").code == Written("HKMNP", valid=True, sure=True)


def test_enrolment_check_in_and_answers_keep_their_strict_form() -> None:
    assert read("dk 48kq2m").command == Command(Verb.ENROL, code="48KQ2M")
    assert read("trực").command == Command(Verb.CHECK_IN)


@pytest.mark.parametrize(
    "written, found",
    [
        ("K5N9", ["TB-K5N9C", "TB-K5N9D"]),  # one missing: both fit
        ("K5N9CX", ["TB-K5N9C"]),  # one extra
        ("K5N8C", ["TB-K5N9C"]),  # one wrong
        ("5KN9C", ["TB-K5N9C"]),  # two swapped
        ("K5N9C", ["TB-K5N9C"]),
        ("KXN8C", []),  # two wrong
    ],
)
def test_codes_one_edit_away(written: str, found: list[str]) -> None:
    assert near_codes(written, ["TB-K5N9C", "TB-K5N9D", "TB-22222"]) == found


def test_the_vocabulary_names_the_place_of_a_problem() -> None:
    with pytest.raises(ValueError, match=r"verbs\.pickup: unknown command"):
        parse_vocabulary(
            "before: []\nafter: []\nverbs: {pickup: [lay]}\nparent: []\n"
            "towards: []\nunit_markers: []\n"
        )
    with pytest.raises(ValueError, match=r"officer_words\.yaml: parent"):
        parse_vocabulary("before: []\nafter: []\nverbs: {}\ntowards: []\nunit_markers: []\n")


_PIECES = st.sampled_from(
    [
        "NHAN",
        "nhận",
        "Nhận",
        "XONG",
        "xong",
        "DK",
        "đk",
        "Đăng ký",
        "dang  ky",
        "TL",
        "trả lời",
        "tra\u00a0loi",
        "TRUC",
        "trực",
        "CHUYEN",
        "chuyển",
        "KHONG",
        "không",
        "TB-7K2Q9",
        "HD-7K2Q9",
        "tb 7k2q9",
        " ",
        "  ",
        "\t",
        "\n",
        "\u00a0",
        ".",
        ",",
        ":",
        "-",
        "!",
        "?",
        "🙏",
        "👉",
        "*",
        "#",
        "a",
        "xe",
        "ma túy",
        "Có",
        "ạ",
        "9",
        "\u0301",
        "\u0323",
        "o\u0300",
        "Đ",
        "ǆ",
        "İ",
        "ß",
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=8).map("".join))
def test_the_quick_look_for_a_keyword_agrees_with_the_full_reading(text: str) -> None:
    # parse_command's early None must never drop what the character-by-character
    # folding would have read as a command's keyword.
    original = unicodedata.normalize("NFC", text).strip()
    quick = _KEYWORD.match(fold(original)) is not None
    full = _KEYWORD.match(fold_with_origin(original)[0]) is not None
    assert quick == full, (text, fold(original), fold_with_origin(original)[0])
