"""Paging officers: the sends a tip change calls for, recorded with the change and
carried out after it.

A step names roles (duty officer, commander, desk, chief) of the tip's unit or
its parent; who holds them now comes from the rosters. Intent before action:
`change` runs a tip transition with its sends (the step's alerts, what the
citizen is told) recorded as pending in the same transaction, so whatever
crashes after the commit, the sweep finds them; `carry_out` then sends them. A
step that reaches nobody (nobody on duty, or nobody who can be messaged) moves
the ladder on at once (`shared.core.tip.climb`), bounded by the number of
steps; a step whose alerts wait on Zalo does not.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from shared.core import ladder, messages, routing
from shared.core import tip as tip_core
from shared.core.authority import addressed_unit
from shared.core.jurisdiction import Profile
from shared.core.ladder import StepDecision, Target
from shared.core.roster import Roster, on_duty
from shared.core.tip import Tip, TipChange
from shared.logs import Logger
from shared.services.dispatch import Dispatcher, Tally, outcome_tally
from shared.store.collections import SendKind
from shared.store.ports.line import Applied, Decide, LineStore, OfficerRecord, PlannedSend

MAX_CLIMBS = 12  # more than any ladder has steps
# What else a change must send (what the informant is told: shared.services.notices).
Also = Callable[[Tip, TipChange, datetime], Sequence[PlannedSend]]


@dataclass
class Pager:
    store: LineStore
    dispatch: Dispatcher
    profile: Profile
    log: Logger
    also: Also | None = None

    def on_duty(
        self, unit_id: str, targets: Sequence[Target], now: datetime
    ) -> list[OfficerRecord]:
        """Active officers the targets name at `now`, each once, in target order."""
        ids: list[str] = []
        rosters: dict[str, Roster | None] = {}  # a unit's roster read once for all its roles
        for target in targets:
            # The same reading of a target as the authority model's "paged".
            target_unit = addressed_unit(self.profile, unit_id, target)
            if target_unit is None:
                continue
            if target_unit not in rosters:
                rosters[target_unit] = self.store.roster(target_unit)
            roster = rosters[target_unit]
            if roster is not None:
                ids.extend(on_duty(roster, target.role, now))
        found = self.store.officers(ids)
        return [found[i] for i in dict.fromkeys(ids) if i in found and found[i].active]

    # --- intent ---------------------------------------------------------------------

    def change(
        self,
        ref: str,
        decide: Decide,
        now: datetime,
        *,
        salvage: bool = False,
        seen: object | None = None,
        also: Callable[[Tip, TipChange], Sequence[PlannedSend]] | None = None,
    ) -> Applied:
        """`store.change_tip` with the sends the change calls for recorded in it (and
        `also`'s: the answer to the officer whose command made it)."""
        applied = self.store.change_tip(
            ref,
            decide,
            now,
            salvage=salvage,
            plan=lambda t, c: self.plan(t, c, now, also),
            seen=seen,
        )
        self.dispatch.kept.own(applied.sends, now)  # recorded claimed for us: sent without a claim
        return applied

    def plan(
        self,
        tip: Tip,
        change: TipChange,
        now: datetime,
        also: Callable[[Tip, TipChange], Sequence[PlannedSend]] | None = None,
    ) -> list[PlannedSend]:
        """Every send `change` calls for, the step's alerts first (ward before leadership);
        claimed with the change when this process will attempt them at once."""
        sends = self.plan_step(tip, change.decision, now) if change.decision else []
        if self.also is not None:
            sends.extend(self.also(tip, change, now))
        if also is not None:
            sends.extend(also(tip, change))
        return [
            replace(s, claimed=True) if self.dispatch.will_attempt(s.record.oa_id) else s
            for s in sends
        ]

    def plan_step(self, tip: Tip, decision: StepDecision, now: datetime) -> list[PlannedSend]:
        """The alerts of a ladder decision, to officers who can be messaged."""
        key = decision.alert_key
        if decision.action == "notify" and key is not None and tip.unit_id is not None:
            officers = self.on_duty(tip.unit_id, decision.targets, now)
            text = messages.alert(
                routing.alert_input(self.profile, tip), self._context(tip, decision, now)
            )
            return self._alerts(tip, officers, key, text, rank=decision.step or 1)
        if decision.action == "remind" and key is not None:
            holder = self.store.officer(tip.held_by) if tip.held_by else None
            minutes = routing.minutes_since(tip.taken_at or now, now)
            text = messages.holder_reminder(tip.ref, minutes)
            return self._alerts(tip, [holder] if holder else [], key, text, rank=1)
        if decision.action == "release" and tip.released_from and tip.ladder is not None:
            holder = self.store.officer(tip.released_from)
            key = f"release-{ladder.current_alert_key(tip.ladder)}"
            text = messages.holder_released(tip.ref)
            return self._alerts(tip, [holder] if holder else [], key, text, rank=1)
        return []

    def _alerts(
        self, tip: Tip, officers: Sequence[OfficerRecord], step_key: str, text: str, rank: int
    ) -> list[PlannedSend]:
        return [
            PlannedSend(
                SendKind.ALERT,
                f"{tip.ref}:{step_key}:{o.officer_id}",
                self.dispatch.alert_record(tip.ref, tip.oa_id, o, step_key, text),
                rank,
            )
            for o in officers
            if o.zalo_user_id
        ]

    def _context(self, tip: Tip, decision: StepDecision, now: datetime) -> messages.AlertContext:
        reopened = _reopen_line(tip)
        since = tip.reopened.at if reopened is not None and tip.reopened else tip.routed_at
        waiting = routing.minutes_since(since or now, now)
        return messages.AlertContext(
            # A step reached at once (nobody before could be reached) is these
            # officers' first alert, not a reminder after "0 minutes".
            step=0 if waiting == 0 else max((decision.step or 1) - 1, 0) + decision.repeat,
            minutes_waiting=waiting,
            from_unit=tip.transferred_from_name,
            reason=tip.transfer_reason or "",
            reopened=reopened,
        )

    # --- action ---------------------------------------------------------------------

    def carry_out(self, applied: Applied, now: datetime, actor: str) -> Tally:
        """Send what a change recorded; climb on at once while its step reaches nobody."""
        total = Tally()
        for _ in range(MAX_CLIMBS):
            tip, change = applied.tip, applied.change
            decision = change.decision if change else None
            step = Tally()
            for planned in applied.sends:
                outcome = self.dispatch.send_planned(planned, now)
                if (
                    planned.kind is SendKind.ALERT
                    and decision is not None
                    and (planned.record.step == decision.alert_key)
                ):
                    step.add(outcome_tally(outcome, planned.record.officer_id))
                else:
                    total.count(outcome)
            total.add(step)
            if tip is None or decision is None:
                return total
            if decision.action == "overdue":
                self.log.warning("tip.overdue", tip_id=tip.ref, unit_id=tip.unit_id)
                return total
            if decision.action not in ("notify", "remind") or decision.alert_key is None:
                return total
            _log_step(self.log, tip, decision, step)
            if step.sent or step.waiting:
                return total
            unreachable = (*step.unreachable, *self._not_enrolled(tip, decision, now))
            key = decision.alert_key
            applied = self.change(
                tip.ref, lambda t, k=key, u=unreachable: tip_core.climb(t, k, u, now, actor), now
            )
            if applied.change is None:
                return total
        return total

    def resume(self, tip: Tip, now: datetime, actor: str) -> Tally:
        """The current step again (a repeated delivery): its recorded sends that are not
        done are tried (the claim rule decides); nothing already sent goes twice."""
        decision = tip_core.current_step(tip)
        if decision is None or decision.alert_key is None:
            return Tally()
        recorded = [
            PlannedSend(SendKind.ALERT, f"{tip.ref}:{decision.alert_key}:{r.officer_id}", r)
            for r in self.store.step_sends(tip.ref, decision.alert_key)
        ]
        tally = Tally()
        for planned in recorded or self.plan_step(tip, decision, now):
            # A step recorded before its sends were (an older tip): claimed as it goes.
            outcome = self.dispatch.send(
                planned.kind, planned.key, planned.record, now, recorded=bool(recorded)
            )
            tally.add(outcome_tally(outcome, planned.record.officer_id))
        return tally

    def _not_enrolled(self, tip: Tip, decision: StepDecision, now: datetime) -> list[str]:
        """On duty for the step but not enrolled on Zalo: nobody can message them."""
        if decision.action != "notify" or tip.unit_id is None:
            return []
        officers = self.on_duty(tip.unit_id, decision.targets, now)
        return [o.officer_id for o in officers if not o.zalo_user_id]

    def current_officers(self, tip: Tip, now: datetime) -> list[OfficerRecord]:
        """Who has the tip before them now: its holder, or whom its current step pages."""
        if tip.is_held:
            holder = self.store.officer(tip.held_by) if tip.held_by else None
            return [holder] if holder else []
        if tip.policy is None or tip.ladder is None or tip.unit_id is None:
            return []
        return self.on_duty(tip.unit_id, ladder.current_targets(tip.policy, tip.ladder), now)


def _log_step(log: Logger, tip: Tip, decision: StepDecision, tally: Tally) -> None:
    log.info(
        "dispatch.step",
        tip_id=tip.ref,
        step=decision.alert_key,
        sent=tally.sent,
        unreachable=len(tally.unreachable),
        waiting=tally.waiting,
        held=tally.held,
    )


def _reopen_line(tip: Tip) -> messages.ReopenLine | None:
    """What the alerts of the ladder a reopening started say of it (not a later one's)."""
    r = tip.reopened
    if r is None or tip.ladder is None or tip.ladder.cycle != r.cycle:
        return None
    return messages.ReopenLine(r.at, r.text, r.was.value, r.finished_by_name, r.finished_at)
