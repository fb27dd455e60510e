"""What the informant is told about their tip, each notice once (keyed by the tip).

The citizen learns their code and who has the tip, is asked for a location
when none could be resolved, and hears when the tip is taken, resolved, closed,
sent up or reopened. Officers' names never appear; units' names do. `plan` gives these
notices as sends to record with the tip change that calls for them (so the
citizen's code survives a crash and an outage: it is retried until delivered
or Zalo's 7-day window closes); the other methods send one now (the claim rule
makes a notice already recorded go once).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import ClassVar
from zoneinfo import ZoneInfo

from shared.core import assistant, conversation, messages, tip_status
from shared.core.jurisdiction import Profile
from shared.core.tip import FIRST_ASSIGNED, Tip, TipChange, TipStatus
from shared.services.dispatch import Dispatcher, SendOutcome
from shared.store.collections import SendKind
from shared.store.ports.line import PlannedSend
from shared.zalo.client import Button

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def local_day(now: datetime) -> date:
    return now.astimezone(LOCAL).date()


@dataclass
class CitizenNotices:
    dispatch: Dispatcher
    profile: Profile

    def plan(self, tip: Tip, change: TipChange, now: datetime) -> list[PlannedSend]:
        """What the citizen must be told of `change` (the tip as written), to record with it."""
        if change.outcome in FIRST_ASSIGNED:
            notices = self._acknowledgement(tip, now)
        elif change.outcome == "asked" and tip.asked_msg is not None:
            question = self.question_text(tip, str(change.event.data.get("text", "")))
            notices = [(self.question_key(tip.asked_msg), question, ())]
        elif change.outcome in self._NOTICES:
            key, text = self._NOTICES[change.outcome](self, tip)
            notices = [(key, text, ())]
        else:
            return []
        planned = []
        for key, text, buttons in notices:
            record = self.dispatch.citizen_record(tip, text, buttons)
            if record is not None:
                planned.append(PlannedSend(SendKind.REPLY, key, record, rank=1))
        return planned

    def acknowledge(self, tip: Tip, now: datetime) -> None:
        """The tip is before a unit: its code, and what the citizen can add."""
        if not tip.is_assigned:
            return
        for key, text, buttons in self._acknowledgement(tip, now):
            self.dispatch.to_citizen(tip, key, text, now, buttons)

    def _acknowledgement(self, tip: Tip, now: datetime) -> list[tuple[str, str, Sequence[Button]]]:
        ref, unit = tip.ref, self.unit_name(tip.unit_id)
        urgent = tip.severity == "urgent"
        out: list[tuple[str, str, Sequence[Button]]] = []
        if tip.split_from:
            # Another incident than their open tip's: why a second code (before it).
            out.append((f"split:{ref}", messages.citizen_split(ref, tip.split_from), ()))
        if tip.complaint:
            # A complaint: who looks into it; no location asked, no rule told.
            about = self.unit_name(tip.complaint_about)
            known = tip.complaint_about in self.profile.units
            parent = self.profile.parent_of(tip.complaint_about or "") if known else None
            above = parent.name if parent is not None else ""
            told = messages.citizen_complaint_received(ref, about, above)
            return [*out, (f"ack:{ref}", told, ())]
        out.append((f"ack:{ref}", messages.citizen_ack(ref, unit, urgent), ()))
        if not tip.ward_code and not tip.locations:
            out.append((f"askloc:{ref}", messages.citizen_request_location(ref), ()))
        # the rule that applies to what was reported (residence), or what to do
        # next (lost papers, or a theft that took them: how to report and re-issue
        # them); None for the rest
        rule = assistant.rule_for_tip(tip.category, local_day(now), tip.text)
        if rule is not None:
            buttons = [Button(b.title, b.payload) for b in rule.buttons]
            out.append((f"rule:{ref}", rule.text, buttons))
        return out

    def taken(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._taken(tip), now)

    def resolved(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._resolved(tip), now)

    def closed(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._closed(tip), now)

    def transferred(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._transferred(tip), now)

    def now_urgent(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._now_urgent(tip), now)

    def reopened(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(tip, *self._reopened(tip), now)

    def follow_up(self, tip: Tip, msg_key: str, now: datetime) -> SendOutcome | None:
        """The words of message `msg_key` joined the open tip: when they ask something
        back (see `follow_up_text`), the answer; None for news (the acknowledgement
        asked for more)."""
        words = tip.words_of(msg_key)
        reply = self.follow_up_text(tip, words)
        if reply is None:
            return None
        return self.dispatch.to_citizen(tip, f"follow-up:{msg_key}", reply, now)

    def follow_up_text(self, tip: Tip, text: str) -> str | None:
        """What a citizen asking why nobody came yet hears (where the tip stands), or one
        asking to withdraw it (its officers will see that: only they close a tip)."""
        wanted = conversation.follow_up_answer(text)
        if wanted is None:
            return None
        if wanted == "withdraw":
            return messages.citizen_withdraw_asked(tip.ref)
        return status_text(tip, self.profile)

    @staticmethod
    def question_key(msg: str) -> str:
        """An officer's question to the informant (HOI), keyed by the officer's message."""
        return f"ask:{msg}"

    def question_text(self, tip: Tip, question: str) -> str:
        return messages.citizen_question(tip.ref, self.unit_name(tip.unit_id), question.strip())

    def _taken(self, tip: Tip) -> tuple[str, str]:
        return _again(tip, "taken"), messages.citizen_taken(tip.ref, self.unit_name(tip.unit_id))

    def _resolved(self, tip: Tip) -> tuple[str, str]:
        text = messages.citizen_resolved(tip.ref, self.unit_name(tip.unit_id))
        return _again(tip, TipStatus.RESOLVED.value), text

    def _closed(self, tip: Tip) -> tuple[str, str]:
        return _again(tip, TipStatus.CLOSED.value), messages.citizen_closed(tip.ref)

    def _transferred(self, tip: Tip) -> tuple[str, str]:
        text = messages.citizen_transferred(tip.ref, self.unit_name(tip.unit_id))
        return f"transferred:{tip.ref}:{tip.unit_id}", text

    def _now_urgent(self, tip: Tip) -> tuple[str, str]:
        """The tip turned urgent on a later message: the emergency numbers, once."""
        return f"urgent:{tip.ref}", messages.citizen_now_urgent(tip.ref)

    def _reopened(self, tip: Tip) -> tuple[str, str]:
        """The citizen's words reopened the tip: it is before its unit again."""
        count = tip.reopened.count if tip.reopened is not None else 0
        text = messages.citizen_reopened(tip.ref, self.unit_name(tip.unit_id))
        return f"reopened:{tip.ref}:{count}", text

    # The notice of each outcome of a change (the routing's acknowledgement aside).
    _NOTICES: ClassVar[dict[str, Callable[[CitizenNotices, Tip], tuple[str, str]]]] = {
        "taken": _taken,
        TipStatus.RESOLVED.value: _resolved,
        TipStatus.CLOSED.value: _closed,
        "transferred": _transferred,
        "rerouted": _transferred,  # a desk tip moved to its ward: who handles it now
        "reopened": _reopened,
        "urgent": _now_urgent,
    }

    def unit_name(self, unit_id: str | None) -> str:
        return self.profile.unit(unit_id).name if unit_id in self.profile.units else ""


def status_text(tip: Tip, profile: Profile) -> str:
    """Where `tip` stands, as its informant is told: stage, unit, since when, what next."""
    v = tip_status.view(tip)
    unit = profile.units.get(v.unit_id or "")
    name = unit.name if unit is not None else ""
    return messages.citizen_status(v.ref, v.status.value, v.finished, name, v.sent_at, v.since)


def _again(tip: Tip, kind: str) -> str:
    """A notice's key: a reopened tip taken or finished again is told again."""
    suffix = f":r{tip.reopened.count}" if tip.reopened is not None else ""
    return f"{kind}:{tip.ref}{suffix}"
