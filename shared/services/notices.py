"""What the informant is told about their tip, each notice once (keyed by the tip).

The citizen learns their code and who has the tip, is asked for a location
when none could be resolved, and hears when the tip is taken, resolved, closed
or sent up. Officers' names never appear; units' names do.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from shared.core import assistant, messages
from shared.core.jurisdiction import Profile
from shared.core.tip import Tip
from shared.services.dispatch import Dispatcher, SendOutcome
from shared.zalo.client import Button

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")


def local_day(now: datetime) -> date:
    return now.astimezone(LOCAL).date()


@dataclass
class CitizenNotices:
    dispatch: Dispatcher
    profile: Profile

    def acknowledge(self, tip: Tip, now: datetime) -> None:
        """The tip is before a unit: its code, and what the citizen can add."""
        if not tip.is_assigned:
            return
        ref, unit = tip.ref, self.unit_name(tip.unit_id)
        urgent = tip.severity == "urgent"
        self.dispatch.to_citizen(tip, f"ack:{ref}", messages.citizen_ack(ref, unit, urgent), now)
        if not tip.ward_code and not tip.locations:
            self.dispatch.to_citizen(
                tip, f"askloc:{ref}", messages.citizen_request_location(ref), now
            )
        # the rule that applies to what was reported (residence), or what to do
        # next (lost papers: how to report and re-issue them); None for the rest
        rule = assistant.rule_for_tip(tip.category, local_day(now), tip.text)
        if rule is not None:
            buttons = [Button(b.title, b.payload) for b in rule.buttons]
            self.dispatch.to_citizen(tip, f"rule:{ref}", rule.text, now, buttons)

    def taken(self, tip: Tip, now: datetime) -> SendOutcome | None:
        text = messages.citizen_taken(tip.ref, self.unit_name(tip.unit_id))
        return self.dispatch.to_citizen(tip, f"taken:{tip.ref}", text, now)

    def resolved(self, tip: Tip, now: datetime) -> SendOutcome | None:
        text = messages.citizen_resolved(tip.ref, self.unit_name(tip.unit_id))
        return self.dispatch.to_citizen(tip, f"resolved:{tip.ref}", text, now)

    def closed(self, tip: Tip, now: datetime) -> SendOutcome | None:
        return self.dispatch.to_citizen(
            tip, f"closed:{tip.ref}", messages.citizen_closed(tip.ref), now
        )

    def transferred(self, tip: Tip, now: datetime) -> SendOutcome | None:
        text = messages.citizen_transferred(tip.ref, self.unit_name(tip.unit_id))
        return self.dispatch.to_citizen(tip, f"transferred:{tip.ref}:{tip.unit_id}", text, now)

    def unit_name(self, unit_id: str | None) -> str:
        return self.profile.unit(unit_id).name if unit_id in self.profile.units else ""
