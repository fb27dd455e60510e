"""The forgiving reading the router gives an officer's message (and only an
officer's: the router knows the sender), beside the strict commands
(`shared.core.commands`): command words after "ok", "đã", "em"… and before
"rồi", "nhé"… (`shared/data/officer_words.yaml`); the code without `TB-`, with
spaces ("k5n 9c"), or a character off (the router then asks which tip was
meant); the command word alone ("xong rồi"), which the router applies when the
officer has exactly one tip it fits.

Apart from the strict commands so that the webhook, which asks `parse_command` of
every text, does not load it (bench/README.md, round 15).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from shared.core.commands import SEPARATORS, Command, Verb, fold_with_origin, parse_command
from shared.core.refcode import ALPHABET as REF_ALPHABET
from shared.core.refcode import LENGTH as REF_LENGTH
from shared.core.refcode import SHORTEST as REF_SHORTEST
from shared.core.text import fold

WORDS_FILE = Path(__file__).parents[1] / "data" / "officer_words.yaml"


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
    folded, origin = fold_with_origin(original)
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
