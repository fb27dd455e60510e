"""The citizen's conversation with the line around their tip.

A citizen's current tip is their latest one that is open, or was resolved or
closed within the conversation window (`shared/data/conversation.yaml`). What
they write that is not a residence question belongs to it: it reaches its
officers, and a message saying nobody came or the problem is back reopens it;
a complaint about the police handling it also reaches the desk and the unit above.
`route` decides, from plain values, what one message does; nothing here reads
the clock, storage or the network.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.core import data_file as yaml_data
from shared.core.aliases import Aliases
from shared.core.incidents import IncidentRules, IncidentRulesFile
from shared.core.police_complaint import PoliceComplaint
from shared.core.text import fold, words
from shared.core.tip import Tip, TipStatus

CONVERSATION_FILE = Path(__file__).parents[1] / "data" / "conversation.yaml"
RESIDENCE_TOPICS = frozenset({"tam_tru", "tam_vang", "thuong_tru", "luu_tru"})

Route = Literal["assistant", "status", "to_tip", "reopen", "courtesy"]


class ConversationFileError(ValueError):
    """conversation.yaml is malformed; the message names the path of the problem."""


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    window_hours: float = Field(gt=0, le=24 * 7)
    aliases: dict[str, list[str]] = Field(default_factory=dict)
    not_aliased: list[str] = Field(default_factory=list)
    reopen: list[str] = Field(min_length=1)
    complaint: list[str] = Field(default_factory=list)
    filed: list[str] = Field(default_factory=list)
    nobody_came: list[str] = Field(default_factory=list)
    police: list[str] = Field(default_factory=list)
    courtesy: list[str] = Field(default_factory=list)
    waiting: list[str] = Field(default_factory=list)
    withdraw: list[str] = Field(default_factory=list)
    incidents: IncidentRulesFile


@dataclass(frozen=True)
class Rules:
    window: timedelta
    reopen: tuple[tuple[str, ...], ...]  # folded phrases, aliases swapped for their word
    courtesy: frozenset[tuple[str, ...]]
    complaint: tuple[tuple[str, ...], ...]  # about conduct, and that nobody came
    conduct: tuple[tuple[str, ...], ...]  # about conduct only
    waiting: tuple[tuple[str, ...], ...]
    withdraw: tuple[tuple[str, ...], ...]
    police_complaint: PoliceComplaint  # a first message complaining about the police
    aliases: Aliases  # the spellings citizens use for a word, swapped before matching
    incidents: IncidentRules  # when a new message is another incident (core/incidents)


def parse_rules(text: str) -> Rules:
    try:
        raw: Any = yaml_data.load(text)
        parsed = _File.model_validate(raw)
    except ValidationError as exc:
        where = "; ".join(
            ".".join(str(p) for p in e["loc"]) + ": " + e["msg"] for e in exc.errors()
        )
        raise ConversationFileError(f"conversation.yaml: {where}") from exc
    try:
        police_complaint = PoliceComplaint.from_file(raw)
    except ValueError as exc:
        raise ConversationFileError(f"conversation.yaml: {exc}") from exc
    return Rules(
        window=timedelta(hours=parsed.window_hours),
        reopen=tuple(tuple(words(fold(p))) for p in parsed.reopen),
        courtesy=frozenset(tuple(words(fold(p))) for p in parsed.courtesy),
        complaint=tuple(
            tuple(words(fold(p))) for p in parsed.complaint + parsed.filed + parsed.nobody_came
        ),
        conduct=tuple(tuple(words(fold(p))) for p in parsed.complaint + parsed.filed),
        waiting=tuple(tuple(words(fold(p))) for p in parsed.waiting),
        withdraw=tuple(tuple(words(fold(p))) for p in parsed.withdraw),
        police_complaint=police_complaint,
        aliases=police_complaint.aliases,
        incidents=IncidentRules.from_file(parsed.incidents),
    )


@lru_cache(maxsize=1)
def rules() -> Rules:
    """The shipped rules (a package data file, read once)."""
    return parse_rules(CONVERSATION_FILE.read_text(encoding="utf-8"))


def _folded(text: str, r: Rules) -> tuple[str, ...]:
    """The message's folded words, each alias (one or two words) swapped for its word."""
    return r.aliases.folded(text)


def _any(phrases: tuple[tuple[str, ...], ...], ws: tuple[str, ...]) -> bool:
    """Whether one of `phrases` stands among the words (first words looked up in a set,
    so a message costs its length, not its length times the phrases)."""
    firsts = _firsts(phrases)
    for i, w in enumerate(ws):
        if w in firsts and any(ws[i : i + len(p)] == p for p in phrases if p[0] == w):
            return True
    return False


@lru_cache(maxsize=8)
def _firsts(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(p[0] for p in phrases if p)


def says_again(text: str, r: Rules | None = None) -> bool:
    """The message says nobody came, or the problem is back."""
    r = r or rules()
    return _any(r.reopen, _folded(text, r))


def complains(text: str, r: Rules | None = None, *, open_tip: bool = False) -> bool:
    """The message complains about the police: rude or idle officers, or nobody came —
    except about a tip still open, where nobody came YET is impatience (`waiting`)."""
    r = r or rules()
    return _any(r.conduct if open_tip else r.complaint, _folded(text, r))


def about_current(text: str, open_tip: bool, r: Rules | None = None) -> bool:
    """A new tip's first words that are about the citizen's current tip instead: a
    complaint about it, nobody came or it is back (finished), or asking why nobody
    came yet or to withdraw it (open)."""
    if complains(text, r, open_tip=open_tip):
        return True
    return follow_up_answer(text, r) is not None if open_tip else says_again(text, r)


FollowUpAnswer = Literal["status", "withdraw"]


def follow_up_answer(text: str, r: Rules | None = None) -> FollowUpAnswer | None:
    """What a citizen is owed back for words that joined their open tip: where it
    stands when they ask why nobody came yet, or that an officer will see their wish
    to withdraw it; None for news (the officers get it, the citizen was told to send
    more). Withdrawal wins: "nhầm rồi, chưa ai tới thì thôi hủy đi" asks for that."""
    r = r or rules()
    ws = _folded(text, r)
    if _any(r.withdraw, ws):
        return "withdraw"
    if _any(r.waiting, ws):
        return "status"
    return None


def about_police(text: str, r: Rules | None = None) -> bool:
    """A complaint that names the police ("công an phường X không làm gì hết"): what a
    first message must say to be a complaint rather than a tip (`police` in the file)."""
    return (r or rules()).police_complaint.said_in(text)


def only_courtesy(text: str, r: Rules | None = None) -> bool:
    """Thanks or a greeting and nothing else (no news for the officers)."""
    r = r or rules()
    ws = _folded(text, r)
    if not ws:
        return True
    i = 0
    while i < len(ws):
        match = next((p for p in r.courtesy if ws[i : i + len(p)] == p), None)
        if match is None and ws[i] not in ("anh", "chi", "a", "nhe", "nha", "em", "nhieu", "ad"):
            return False
        i += len(match) if match else 1
    return True


def finished_at(tip: Tip) -> datetime | None:
    if tip.status is TipStatus.RESOLVED:
        return tip.resolved_at
    if tip.status is TipStatus.CLOSED:
        return tip.closed_at
    return None


def current_tip(
    tips: Sequence[Tip], reporter_key: str, now: datetime, window: timedelta, *, besides: str = ""
) -> Tip | None:
    """The citizen's latest tip (other than `besides`) if it is before a unit, or was
    finished within `window`; None otherwise."""
    mine = [
        t
        for t in tips
        if t.reporter_key == reporter_key
        and t.ref != besides
        and t.unit_id is not None
        and t.status is not TipStatus.WITHDRAWN
    ]
    if not mine:
        return None
    latest = max(mine, key=lambda t: t.created_at)
    if latest.is_assigned:
        return latest
    done = finished_at(latest)
    return latest if done is not None and now - done < window else None


def route(kind: str, topic: str | None, text: str, current: Tip | None) -> Route:
    """What a citizen's question or chat does, given their current tip."""
    if topic == "tip_status":
        return "status"
    if current is None or (kind == "question" and topic in RESIDENCE_TOPICS):
        return "assistant"  # a real residence question is never swallowed
    if not current.is_open and says_again(text):
        return "reopen"
    if only_courtesy(text):
        return "courtesy"
    return "to_tip"
