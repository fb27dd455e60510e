"""Officer commands sent to the OA by message: the strict form the webhook
recognises, and the forgiving reading the router gives an officer's message.

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

`read` is forgiving, and only ever applied to a message from an officer (the
router knows the sender): command words after "ok", "đã", "em"… and before
"rồi", "nhé"… (`shared/data/officer_words.yaml`); the code without `TB-`, with
spaces ("k5n 9c"), or a character off (the router then asks which tip was
meant); the command word alone ("xong rồi"), which the router applies when the
officer has exactly one tip it fits.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from shared.core.refcode import ALPHABET as REF_ALPHABET
from shared.core.refcode import LENGTH as REF_LENGTH
from shared.core.refcode import SHORTEST as REF_SHORTEST
from shared.core.text import fold

WORDS_FILE = Path(__file__).parents[1] / "data" / "officer_words.yaml"


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
    verb: Verb
    ref: str | None = None  # "TB-7K2Q9" for tip commands
    code: str | None = None  # the invite code of DK, upper case
    note: str = ""  # free text after the ref (note or reason), as the officer wrote it


def normalize_ref(text: str) -> str | None:
    """ "tb7k2q9", "TB 7K2Q9", "tb-7k2q9" -> "TB-7K2Q9"; None when not a valid code."""
    match = _REF.fullmatch(fold(text))
    return f"TB-{match.group(1).upper()}" if match else None


def _fold_with_origin(text: str) -> tuple[str, list[int]]:
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
    folded, origin = _fold_with_origin(original)
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


# --- the forgiving reading of an officer's message ------------------------------------


class _Words(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    before: list[str]
    after: list[str]
    verbs: dict[str, list[str]]
    parent: list[str]
    towards: list[str]
    unit_markers: list[str]


# officer_words.yaml's `verbs` keys -> the command they mean
_VERB_KEYS = {
    "take": Verb.TAKE,
    "resolve": Verb.RESOLVE,
    "close": Verb.REJECT,
    "forward": Verb.TRANSFER,
    "note": Verb.NOTE,
    "ask": Verb.ASK,
}

Phrase = tuple[str, ...]  # folded words


@dataclass(frozen=True)
class Vocabulary:
    """officer_words.yaml, folded into word tuples."""

    before: frozenset[Phrase]
    after: frozenset[Phrase]
    verbs: Mapping[Phrase, Verb]
    parent: frozenset[Phrase]
    towards: frozenset[Phrase]
    unit_markers: frozenset[Phrase]


class VocabularyError(ValueError):
    """officer_words.yaml is malformed; the message names the place."""


def phrase(text: str) -> Phrase:
    """The folded words of a phrase (punctuation dropped)."""
    return tuple(re.findall(r"[0-9a-z]+", fold(text)))


def parse_vocabulary(text: str) -> Vocabulary:
    # deferred with PyYAML: the webhook parses commands (`parse_command`), never reads them
    from shared.core import data_file

    try:
        words = _Words.model_validate(data_file.load(text))
    except ValidationError as exc:
        first = exc.errors()[0]
        place = ".".join(str(x) for x in first["loc"])
        raise VocabularyError(f"officer_words.yaml: {place}: {first['msg']}") from exc
    verbs: dict[Phrase, Verb] = {}
    for key, phrases in words.verbs.items():
        if key not in _VERB_KEYS:
            raise VocabularyError(f"officer_words.yaml: verbs.{key}: unknown command")
        for item in phrases:
            verbs[phrase(item)] = _VERB_KEYS[key]

    def folded(items: Iterable[str]) -> frozenset[Phrase]:
        return frozenset(p for p in map(phrase, items) if p)

    return Vocabulary(
        folded(words.before),
        folded(words.after),
        verbs,
        folded(words.parent),
        folded(words.towards),
        folded(words.unit_markers),
    )


@functools.cache
def vocabulary() -> Vocabulary:
    """The shipped vocabulary (read once; package data, not configuration)."""
    return parse_vocabulary(WORDS_FILE.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class Written:
    """A reference code as an officer wrote it."""

    body: str  # upper case, without TB-, pieces joined: "K5N9C", "K5N9"
    valid: bool  # a code's shape: REF_LENGTH (or, issued earlier, REF_SHORTEST) characters
    sure: bool  # written as a code (after TB, or with a digit): never a word

    @property
    def ref(self) -> str:
        return f"TB-{self.body}"


@dataclass(frozen=True)
class Reading:
    """What an officer's message says, read forgivingly (see `read`)."""

    verb: Verb | None  # None: not a command word (free text: a note, or not understood)
    code: Written | None = None
    rest: str = ""  # after the command word and the code, as written: note, unit, reason
    rest_with_code: str = ""  # after the command word, as written (when the code is a word)
    alone: bool = False  # the command word alone, or with words that add nothing
    command: Command | None = None  # DK, TRUC and TL, as `parse_command` read them


@dataclass(frozen=True)
class Span:
    """A word of a message: folded, and where it is in the text as written."""

    text: str
    start: int
    end: int


def word_spans(original: str) -> list[Span]:
    """The words of `original` (letters and digits), folded, with their places in it."""
    folded, origin = _fold_with_origin(original)
    return [
        Span(m.group(), origin[m.start()], origin[m.end() - 1] + 1)
        for m in re.finditer(r"[0-9a-z]+", folded)
    ]


def longest(words: list[Span], i: int, phrases: Iterable[Phrase]) -> Phrase:
    found: Phrase = ()
    for item in phrases:
        n = len(item)
        if n > len(found) and tuple(t.text for t in words[i : i + n]) == item:
            found = item
    return found


def read(text: str, words: Vocabulary | None = None) -> Reading:
    """An officer's message read forgivingly; `verb` None when it is no command."""
    words = words or vocabulary()
    strict = parse_command(text)
    if strict is not None and strict.verb in (Verb.ENROL, Verb.CHECK_IN, Verb.ANSWER):
        return Reading(strict.verb, command=strict)
    original = unicodedata.normalize("NFC", text).strip()
    tokens = word_spans(original)
    i = 0
    for _ in range(3):
        skip = longest(tokens, i, words.before)
        if not skip or longest(tokens, i, words.verbs):
            break
        i += len(skip)
    said = longest(tokens, i, words.verbs)
    if not said:
        return Reading(None, rest=original)
    verb = words.verbs[said]
    i += len(said)
    rest_with_code = original[tokens[i - 1].end :].strip(SEPARATORS + " ")
    code, after = _code(tokens, i)
    end = tokens[after - 1].end if after > i else tokens[i - 1].end
    rest = original[end:].strip(SEPARATORS + " ")
    tail = tokens[after:]
    alone = _only(tail, words.after)
    return Reading(verb, code, rest, rest_with_code, alone)


def _only(tail: list[Span], filler: frozenset[Phrase]) -> bool:
    i = 0
    while i < len(tail):
        skip = longest(tail, i, filler)
        if not skip:
            return False
        i += len(skip)
    return True


def _code(tokens: list[Span], i: int) -> tuple[Written | None, int]:
    """The code written at token `i` (a prefix, pieces split by spaces), and the index
    of the first token after it."""
    if i >= len(tokens):
        return None, i
    prefixed = False
    head = tokens[i].text
    pieces: list[str] = []
    if head == "tb":
        prefixed, i = True, i + 1
    elif head.startswith("tb") and 3 <= len(head) - 2 <= REF_LENGTH + 2:
        prefixed = True
        pieces = [head[2:]]
        i += 1
    # Pieces split by spaces ("k5n 9c") join while they stay short of a code.
    j = i
    while j < len(tokens) and len(pieces) < 3 and sum(map(len, pieces)) < REF_LENGTH:
        piece = tokens[j].text
        if pieces and len(piece) > REF_LENGTH - 1:
            break
        pieces.append(piece)
        j += 1
    for n in range(1, len(pieces) + 1):
        body = "".join(pieces[:n]).upper()
        # Words joined are not a code unless they were written as one ("da bat").
        if _valid(body) and (n == 1 or prefixed or _has_digit(body)):
            used = n - (1 if prefixed and head != "tb" else 0)
            return Written(body, True, prefixed or _has_digit(body)), i + used
    if not pieces:
        return None, i
    for n in range(1, len(pieces) + 1):
        body = "".join(pieces[:n]).upper()
        near = REF_SHORTEST - 1 <= len(body) <= REF_LENGTH + 1
        if near and (prefixed or _has_digit(body)):
            used = n - (1 if prefixed and head != "tb" else 0)
            return Written(body, False, True), i + used
    return None, i - (1 if prefixed and head == "tb" else 0)


def _valid(body: str) -> bool:
    return len(body) in (REF_SHORTEST, REF_LENGTH) and all(c in REF_ALPHABET for c in body)


def _has_digit(body: str) -> bool:
    return any(c.isdigit() for c in body)


def near_codes(body: str, refs: Iterable[str]) -> list[str]:
    """The refs ("TB-K5N9C") whose code is at most one edit from `body`: a character
    wrong, missing, extra, or two swapped (the exact one alone, when there is one)."""
    body, known = body.upper(), list(dict.fromkeys(refs))
    if f"TB-{body}" in known:
        return [f"TB-{body}"]
    return [ref for ref in known if _one_edit(body, ref.removeprefix("TB-"))]


def _one_edit(a: str, b: str) -> bool:
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))
