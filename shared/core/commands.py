"""Officer commands sent to the OA by message: the strict form the webhook
recognises (the forgiving reading the router gives an officer's message is
`shared.core.officer_reading`).

Officers type on phones, so a command is matched on folded text (no
diacritics, any case, `shared.core.text.fold`): ``NHẬN TB-7K2Q9``, ``nhan tb7k2q9``
and ``Nhan: TB 7K2Q9.`` are one command. A command is its keyword first, then
(for tip commands) a reference code, then free text (a note, a unit, a reason).

    DK <code>                       enrol with an invite code        (ĐK, DANG KY, ĐĂNG KÝ)
    NHAN <ref>                      take the tip                     (NHẬN)
    XONG <ref> [note]               resolve it
    GHI <ref> <note>                a field note on it               (GHI CHÚ)
    CHUYEN <ref> <unit> [reason]    send it to any unit              (CHUYỂN)
    KHONG <ref> [reason]            close it as not a tip            (KHÔNG)
    TRUC                            check in at the start of a shift (TRỰC)

`parse_command` is strict (the webhook's test for "this is a command" on any
sender's message): a tip command without a valid reference code is not a
command, so "Nhận được tin nhắn lạ" from a citizen stays a citizen's message.
GHI is not in it, as it was not before: a citizen's "ghi TB-…" stays theirs,
and an officer's reaches the router as any message of theirs does.

An officer's message gets a forgiving reading besides (`shared.core.officer_reading`):
the router's, not the webhook's.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from shared.core.refcode import ALPHABET as REF_ALPHABET
from shared.core.refcode import LENGTH as REF_LENGTH
from shared.core.refcode import SHORTEST as REF_SHORTEST
from shared.core.text import fold


class Verb(StrEnum):
    ENROL = "DK"
    TAKE = "NHAN"
    RESOLVE = "XONG"
    TRANSFER = "CHUYEN"
    REJECT = "KHONG"
    NOTE = "GHI"
    CHECK_IN = "TRUC"
    ANSWER = "TL"  # answer a citizen's question handed to the desk: TL HD-7K2Q9 <answer>
    # Ask the informant through the OA: HOI TB-7K2Q9 <question>. Like GHI, only an
    # officer's message is read for it (a citizen's "hỏi TB-…" is their own question).
    ASK = "HOI"


TIP_VERBS = frozenset({Verb.TAKE, Verb.RESOLVE, Verb.TRANSFER, Verb.REJECT, Verb.NOTE, Verb.ASK})

_REF_BODY = f"[{REF_ALPHABET.lower()}]{{{REF_SHORTEST},{REF_LENGTH}}}"
# "tb-7k2q9", "tb7k2q9", "tb 7k2q9", "tb_7k2q9", then the end of the word.
_REF = re.compile(rf"tb[\s\-_.:#]*({_REF_BODY})(?![0-9a-z])")
_KEYWORD = re.compile(
    r"[^0-9a-z]*(dang\s*ky|dk|nhan|xong|chuyen|khong|truc|tra\s*loi|tl)(?![0-9a-z])"
)
_QUESTION_REF = re.compile(rf"hd[\s\-_.:#]*({_REF_BODY})(?![0-9a-z])")
_VERBS: dict[str, Verb] = {
    "dk": Verb.ENROL,
    "dangky": Verb.ENROL,
    "nhan": Verb.TAKE,
    "xong": Verb.RESOLVE,
    "chuyen": Verb.TRANSFER,
    "khong": Verb.REJECT,
    "truc": Verb.CHECK_IN,
    "tl": Verb.ANSWER,
    "traloi": Verb.ANSWER,
}
# Invite codes are one token of letters and digits (issued by `tinbao officer invite`).
_INVITE = re.compile(r"[^0-9a-z]*([0-9a-z]{4,16})[\s.,;:!?]*")
SEPARATORS = " .,;:!?-–—"


@dataclass(frozen=True)
class Command:
    """An officer's command as parsed: the verb and what follows it."""

    verb: Verb
    ref: str | None = None  # "TB-7K2Q9" for tip commands
    code: str | None = None  # the invite code of DK, upper case
    note: str = ""  # free text after the ref (note or reason), as the officer wrote it


def normalize_ref(text: str) -> str | None:
    """ "tb7k2q9", "TB 7K2Q9", "tb-7k2q9" -> "TB-7K2Q9"; None when not a valid code."""
    match = _REF.fullmatch(fold(text))
    return f"TB-{match.group(1).upper()}" if match else None


def fold_with_origin(text: str) -> tuple[str, list[int]]:
    """Folded text and, for each folded character, its index in ``text``.

    Matching runs on the folded text; the note is cut from the original so it
    keeps its diacritics.
    """
    chars: list[str] = []
    origin: list[int] = []
    for i, char in enumerate(text):
        for piece in " " if char.isspace() else fold(char):
            chars.append(piece)
            origin.append(i)
    return "".join(chars), origin


def parse_command(text: str) -> Command | None:
    """The officer command in a message, or None when the message is not one."""
    original = unicodedata.normalize("NFC", text).strip()
    # Most messages are not commands: the keyword is looked for in the text folded
    # whole (the same letters, spaces run together, which the keyword's `\s*` and
    # leading `[^0-9a-z]*` allow) before folding it character by character (5x dearer:
    # the webhook asks this of every text).
    if _KEYWORD.match(fold(original)) is None:
        return None
    folded, origin = fold_with_origin(original)
    keyword = _KEYWORD.match(folded)
    if keyword is None:
        return None
    verb = _VERBS[re.sub(r"\s", "", keyword.group(1))]
    rest = folded[keyword.end() :]

    if verb is Verb.CHECK_IN:
        # "Trực ban hôm nay thế nào?" is chat: TRUC stands alone.
        return Command(verb) if not rest.strip(SEPARATORS) else None
    if verb is Verb.ENROL:
        code = _INVITE.fullmatch(rest)
        return Command(verb, code=code.group(1).upper()) if code else None

    start = keyword.end() + len(rest) - len(rest.lstrip(SEPARATORS))
    if verb is Verb.ANSWER:
        question = _QUESTION_REF.match(folded, start)
        if question is None or question.end() >= len(folded):
            return None  # an answer needs its question's code and some words
        answer = original[origin[question.end()] :].lstrip(SEPARATORS).rstrip()
        return Command(verb, ref=f"HD-{question.group(1).upper()}", note=answer) if answer else None
    ref = _REF.match(folded, start)
    if ref is None:
        return None
    note = original[origin[ref.end()] :] if ref.end() < len(folded) else ""
    return Command(verb, ref=f"TB-{ref.group(1).upper()}", note=note.lstrip(SEPARATORS).rstrip())
