"""Which tip an officer meant: the code as written, a code a character off, or
no code at all when exactly one of the officer's tips fits the command.

An officer's tips are the open tips they hold, and the tips waiting to be taken
that the authority model lets them take (their unit's; for the desk and the
units above, any the ladder paged them for). They are read only when a message
needs them: a command with a code that exists needs no list. A well-formed code
is not read here either: the act's own transaction reads the tip, and only when
it finds none (or a withdrawn one) is the code read again as a near miss
(`find(..., missed=True)`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from shared.core import authority, messages
from shared.core.authority import Act, Actor
from shared.core.commands import Verb
from shared.core.jurisdiction import Profile
from shared.core.officer_reading import Reading, near_codes
from shared.core.tip import Tip
from shared.store.ports.line import LineStore, OfficerRecord

# How many tips waiting to be taken are read, at the officer's unit and line-wide.
UNIT_LIMIT = 50
LINE_LIMIT = 200


@dataclass(frozen=True)
class Meant:
    """The tip a command is about, and the officer's words that go with it."""

    ref: str
    words: str  # note, unit and reason, as written ("" for none)


@dataclass(frozen=True)
class Answer:
    """Not a tip yet: what to tell the officer (a question, a list, help)."""

    text: str


@dataclass(frozen=True)
class FreeText:
    """Not a command after all: words for a note (or for the officer's help)."""


@dataclass
class OfficerTips:
    """An officer's open tips, read once per message."""

    held: list[Tip] = field(default_factory=list)
    waiting: list[Tip] = field(default_factory=list)  # not taken, and they may take them

    def lines(self, profile: Profile) -> list[messages.TipLine]:
        held = [messages.TipLine(t.ref, True, _unit(profile, t)) for t in self.held]
        waiting = [messages.TipLine(t.ref, False, _unit(profile, t)) for t in self.waiting]
        return held + waiting

    def refs(self) -> list[str]:
        return [t.ref for t in (*self.held, *self.waiting)]


def _unit(profile: Profile, tip: Tip) -> str:
    return profile.unit(tip.unit_id).name if tip.unit_id in profile.units else ""


def example(verb: Verb, ref: str, words: str = "") -> str:
    """A command to copy: "NHAN TB-K5N9C", "XONG TB-K5N9C đã xử lý"."""
    return " ".join(x for x in (verb.value, ref, words) if x)


@dataclass
class TipFinder:
    store: LineStore
    profile: Profile

    def held_by(self, officer: OfficerRecord) -> list[Tip]:
        """The open tips the officer holds, oldest first."""
        return sorted(self.store.tips_held_by(officer.officer_id), key=_age)

    def tips_of(self, officer: OfficerRecord) -> OfficerTips:
        actor = actor_of(officer)
        held = self.held_by(officer)
        waiting = {t.ref: t for t in self.store.unheld_tips(officer.unit_id, UNIT_LIMIT)}
        if authority.reaches_beyond_unit(self.profile, officer.unit_id):
            waiting |= {t.ref: t for t in self.store.unheld_tips(None, LINE_LIMIT)}
        mine = [
            t
            for t in sorted(waiting.values(), key=_age)
            if authority.may(actor, Act.TAKE, t, self.profile).allowed
        ]
        return OfficerTips(held, mine)

    def find(
        self, reading: Reading, officer: OfficerRecord, *, missed: bool = False
    ) -> Meant | Answer | FreeText:
        """The tip `reading` is about, or what to ask the officer instead. A valid
        code is taken as written, unread; `missed`: the act found no tip of that
        code (or a withdrawn one), so it is a near miss or no code at all."""
        assert reading.verb is not None
        verb, code = reading.verb, reading.code
        words = "" if reading.alone else reading.rest
        if code is not None:
            if code.valid and not missed:
                return Meant(code.ref, words)
            tips = self.tips_of(officer)
            near = near_codes(code.body, tips.refs())
            if len(near) == 1:
                return Answer(messages.did_you_mean(near[0], example(verb, near[0], words)))
            if code.sure:
                refusal = messages.refusal("no_tip", code.ref)
                return Answer(messages.with_tips(refusal, tips.lines(self.profile)))
            # A word that only looked like a code ("nhanh"): the words go on.
            words = reading.rest_with_code
            return self._without_code(verb, words, False, officer, tips)
        return self._without_code(verb, words, reading.alone, officer, None)

    def _without_code(
        self,
        verb: Verb,
        words: str,
        alone: bool,
        officer: OfficerRecord,
        tips: OfficerTips | None,
    ) -> Meant | Answer | FreeText:
        if verb is Verb.REJECT and not alone:
            return FreeText()  # "Không có ai ở hiện trường": words, not KHONG
        if verb is Verb.TAKE and not alone:
            return FreeText()  # "Nhận được phản ánh thêm…": words, not NHAN
        tips = tips or self.tips_of(officer)
        lines = tips.lines(self.profile)
        if verb in (Verb.REJECT, Verb.TRANSFER, Verb.ASK):
            # Never guessed: closing or moving a tip, or writing to its informant, needs
            # its code ("hỏi lại chỉ huy" is no question for a citizen).
            return Answer(messages.needs_code(messages.usage(verb.value), lines))
        if verb is Verb.NOTE:
            pool, action = tips.held, "note_any"
        elif verb is Verb.TAKE:
            pool, action = tips.waiting, "take_any"
        else:
            pool, action = tips.held or tips.waiting, "resolve_any"
        if len(pool) == 1:
            if verb is Verb.NOTE and not words:
                return Answer(messages.note_needs_text(pool[0].ref))
            return Meant(pool[0].ref, words)
        if not pool:
            return Answer(messages.nothing_to(action, lines))
        sample = example(verb, pool[0].ref, words if verb is not Verb.TAKE else "")
        if verb is Verb.NOTE:
            return Answer(messages.note_which(sample, lines))
        return Answer(messages.which_tip(action, sample, lines))


def _age(tip: Tip) -> tuple[datetime, str]:
    return (tip.created_at, tip.ref)  # oldest first; the code breaks a tie


def actor_of(officer: OfficerRecord) -> Actor:
    return Actor(officer.officer_id, officer.unit_id, officer.role, officer.active)
