"""Paging officers: carry out a ladder step that has been written to the tip.

A step names roles (duty officer, commander, desk, chief) of the tip's unit or
its parent; who holds them now comes from the rosters. A step that reaches
nobody (nobody on duty, or nobody who can be messaged) moves the ladder on at
once (`shared.core.tip.climb`), bounded by the number of steps.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from shared.core import ladder, messages, routing
from shared.core import tip as tip_core
from shared.core.authority import addressed_unit
from shared.core.jurisdiction import Profile
from shared.core.ladder import StepDecision, Target
from shared.core.roster import on_duty
from shared.core.tip import Tip
from shared.logs import Logger
from shared.services.dispatch import Dispatcher, Tally
from shared.store.ports import LineStore, OfficerRecord

MAX_CLIMBS = 12  # more than any ladder has steps


@dataclass
class Pager:
    store: LineStore
    dispatch: Dispatcher
    profile: Profile
    log: Logger

    def on_duty(
        self, unit_id: str, targets: Sequence[Target], now: datetime
    ) -> list[OfficerRecord]:
        """Active officers the targets name at `now`, each once, in target order."""
        ids: list[str] = []
        for target in targets:
            # The same reading of a target as the authority model's "paged".
            target_unit = addressed_unit(self.profile, unit_id, target)
            if target_unit is None:
                continue
            roster = self.store.roster(target_unit)
            if roster is not None:
                ids.extend(on_duty(roster, target.role, now))
        found = self.store.officers(ids)
        return [found[i] for i in dict.fromkeys(ids) if i in found and found[i].active]

    def carry_out(self, tip: Tip, decision: StepDecision, now: datetime, actor: str) -> Tally:
        """Page for a decision already written to `tip`; climb on while a step reaches nobody."""
        total = Tally()
        for _ in range(MAX_CLIMBS):
            if decision.action == "notify":
                tally = self._notify(tip, decision, now)
            elif decision.action == "remind":
                tally = self._remind(tip, decision, now)
            else:
                if decision.action == "overdue":
                    self.log.warning("tip.overdue", tip_id=tip.ref, unit_id=tip.unit_id)
                return total
            total.add(tally)
            if tally.sent or tally.transient or decision.alert_key is None:
                return total
            unreachable = tuple(tally.unreachable)
            key = decision.alert_key
            applied = self.store.change_tip(
                tip.ref, lambda t, k=key, u=unreachable: tip_core.climb(t, k, u, now, actor), now
            )
            if applied.tip is None or applied.change is None or applied.change.decision is None:
                return total
            tip, decision = applied.tip, applied.change.decision
        return total

    def resume(self, tip: Tip, now: datetime, actor: str) -> Tally:
        """The current step again (a repeated delivery): sends nothing already sent."""
        decision = tip_core.current_step(tip)
        return self.carry_out(tip, decision, now, actor) if decision else Tally()

    def _notify(self, tip: Tip, decision: StepDecision, now: datetime) -> Tally:
        assert decision.alert_key is not None and tip.unit_id is not None
        officers = self.on_duty(tip.unit_id, decision.targets, now)
        waiting = routing.minutes_since(tip.routed_at or now, now)
        context = messages.AlertContext(
            # A step reached at once (nobody before could be reached) is these
            # officers' first alert, not a reminder after "0 minutes".
            step=0 if waiting == 0 else max((decision.step or 1) - 1, 0) + decision.repeat,
            minutes_waiting=waiting,
            from_unit=tip.transferred_from_name,
            reason=tip.transfer_reason or "",
        )
        text = messages.alert(routing.alert_input(self.profile, tip), context)
        tally = self.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, decision.alert_key, text, now
        )
        self.log.info(
            "dispatch.step",
            tip_id=tip.ref,
            step=decision.alert_key,
            officers=len(officers),
            sent=tally.sent,
            unreachable=len(tally.unreachable),
            transient=tally.transient,
        )
        return tally

    def _remind(self, tip: Tip, decision: StepDecision, now: datetime) -> Tally:
        assert decision.alert_key is not None
        holder = self.store.officer(tip.held_by) if tip.held_by else None
        if holder is None:
            return Tally()
        minutes = routing.minutes_since(tip.taken_at or now, now)
        text = messages.holder_reminder(tip.ref, minutes)
        return self.dispatch.alert_officers(
            tip.ref, tip.oa_id, [holder], decision.alert_key, text, now
        )

    def current_officers(self, tip: Tip, now: datetime) -> list[OfficerRecord]:
        """Who has the tip before them now: its holder, or whom its current step pages."""
        if tip.is_held:
            holder = self.store.officer(tip.held_by) if tip.held_by else None
            return [holder] if holder else []
        if tip.policy is None or tip.ladder is None or tip.unit_id is None:
            return []
        return self.on_duty(tip.unit_id, ladder.current_targets(tip.policy, tip.ladder), now)
