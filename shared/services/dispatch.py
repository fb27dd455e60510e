"""Sending, shared by the router and the escalator: alerts to officers on duty,
replies to citizens and officers, and the ladder steps that decide them.

Every send is claimed first (`alerts/{tip}:{step}:{officer}` or
`replies/{key}`), so a redelivered Pub/Sub message or an overlapping escalator
run sends nothing twice. Steps are written before anything is sent (the
decision commits, then the alerts go out); an officer who cannot be reached,
or a step with nobody on duty, moves the ladder on at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from google.cloud import firestore

from shared.core import delivery, messages, routing
from shared.core import ladder as policy
from shared.core.jurisdiction import Profile
from shared.core.roster import on_duty as roster_on_duty
from shared.core.roster import roster_from_dict
from shared.logs import Logger
from shared.store.documents import ladder_from_doc, ladder_to_doc, snapshot_from_doc
from shared.store.tips import ALERTS, OFFICERS, REPLIES, ROSTERS, TipChange, TipStore
from shared.zalo.client import Button, SendResult, ZaloClient

SENT, UNREACHABLE = "sent", "unreachable"


@dataclass
class Tally:
    """What a round of sends achieved; `transient` means someone must retry."""

    sent: int = 0
    unreachable: list[str] = field(default_factory=list)
    transient: int = 0


@dataclass
class Dispatcher:
    store: TipStore
    profile: Profile
    clients: Callable[[str], ZaloClient]  # OA id -> its client
    retry: delivery.RetrySettings
    log: Logger
    default_oa: str | None = None

    # --- single sends ------------------------------------------------------------

    def send(
        self,
        collection: str,
        key: str,
        oa_id: str,
        user_id: str,
        text: str,
        now: datetime,
        record: dict[str, Any],
        buttons: Sequence[Button] = (),
    ) -> str | None:
        """Send once under a claim; the outcome (sent, unreachable, failed, rejected)
        or None when this send was already made or is being made."""
        # The record keeps what is needed to retry it later (the escalator's sweep):
        # `replies` and `alerts` are confidential collections, like `reporters`.
        stored = {
            **record,
            "oa_id": oa_id,
            "user_id": user_id,
            "text": text,
            "buttons": [{"title": b.title, "payload": b.payload} for b in buttons],
        }
        attempt = self.store.claim_send(collection, key, stored, now)
        if not attempt:
            return None
        result: SendResult = self.clients(oa_id).send_text(user_id, text, buttons=buttons)
        if result.status == "sent":
            self.store.finish_send(collection, key, SENT, now, message_id=result.message_id)
            return SENT
        if result.status in ("unreachable", "rejected"):
            self.store.finish_send(collection, key, result.status, now, error=result.error_code)
            return result.status
        retry_at = delivery.next_retry_at(attempt, now, self.retry)
        self.store.finish_send(
            collection, key, "failed", now, retry_at=retry_at, error=result.error_code
        )
        return "failed" if retry_at else "given_up"

    def resend(self, collection: str, key: str, now: datetime) -> str | None:
        """Retry a send that failed for a passing reason, as recorded."""
        record = self.store.get(collection, key)
        if record is None or record.get("status") != "failed":
            return None
        buttons = [Button(b["title"], b["payload"]) for b in record.get("buttons") or []]
        return self.send(
            collection,
            key,
            record["oa_id"],
            record["user_id"],
            record["text"],
            now,
            {},
            buttons,
        )

    def reply(
        self,
        key: str,
        oa_id: str,
        user_id: str,
        text: str,
        now: datetime,
        buttons: Sequence[Button] = (),
        **record: Any,
    ) -> str | None:
        return self.send(REPLIES, key, oa_id, user_id, text, now, record, buttons)

    def to_citizen(
        self,
        tip: dict[str, Any],
        key: str,
        text: str,
        now: datetime,
        buttons: Sequence[Button] = (),
    ) -> str | None:
        reporter = self.store.get("reporters", tip["reporter_key"]) or {}
        user_id = reporter.get("zalo_user_id")
        if not user_id:
            self.log.error("dispatch.no_reporter", tip_id=tip["ref"])
            return None
        return self.reply(
            key, tip["oa_id"], user_id, text, now, buttons, tip_id=tip["ref"], audience="citizen"
        )

    # --- officers ------------------------------------------------------------------

    def officers_for(
        self, unit_id: str, targets: Sequence[policy.Target], now: datetime
    ) -> list[tuple[str, dict[str, Any]]]:
        """Active officers the targets name at `now`, each once, in target order."""
        ids: list[str] = []
        for target in targets:
            target_unit = unit_id
            if target.role == "desk":
                # The line's desk is a unit of its own (beside the parent's leadership).
                target_unit = self.profile.desk_id
            elif target.unit == "parent":
                parent = self.profile.parent_of(unit_id)
                if parent is None:
                    continue
                target_unit = parent.id
            roster_doc = self.store.get(ROSTERS, target_unit)
            if roster_doc is None:
                continue
            ids.extend(roster_on_duty(roster_from_dict(roster_doc), target.role, now))
        docs = self.store.get_many(OFFICERS, ids)
        return [(i, docs[i]) for i in dict.fromkeys(ids) if docs.get(i, {}).get("active")]

    def alert_officers(
        self,
        tip: dict[str, Any],
        officers: Sequence[tuple[str, dict[str, Any]]],
        step_key: str,
        text: str,
        now: datetime,
    ) -> Tally:
        tally = Tally()
        for officer_id, officer in officers:
            user_id = officer.get("zalo_user_id")
            if not user_id:
                tally.unreachable.append(officer_id)  # not enrolled on Zalo yet
                continue
            key = f"{tip['ref']}:{step_key}:{officer_id}"
            oa_id = officer.get("oa_id") or self.default_oa or tip["oa_id"]
            outcome = self.send(
                ALERTS,
                key,
                oa_id,
                user_id,
                text,
                now,
                {
                    "tip_id": tip["ref"],
                    "step": step_key,
                    "officer_id": officer_id,
                    "created_at": now,
                },
            )
            if outcome == SENT:
                tally.sent += 1
            elif outcome in (UNREACHABLE, "rejected", "given_up"):
                tally.unreachable.append(officer_id)
            elif outcome == "failed":
                tally.transient += 1
            else:
                tally.sent += 1  # already sent (or being sent) by an earlier delivery
        return tally

    # --- ladder steps ------------------------------------------------------------------

    def perform(self, tip_id: str, decision: policy.StepDecision, now: datetime) -> Tally:
        """Carry out a decision already written to the tip; climb on at once while a
        step reaches nobody. Bounded by the number of steps."""
        total = Tally()
        for _ in range(12):
            tip = self.store.get("tips", tip_id)
            if tip is None:
                return total
            if decision.action == "notify":
                tally = self._notify(tip, decision, now)
            elif decision.action == "remind":
                tally = self._remind(tip, decision, now)
            elif decision.action == "overdue":
                self.log.warning("tip.overdue", tip_id=tip_id, unit_id=tip.get("unit_id"))
                return total
            else:
                return total
            total.sent += tally.sent
            total.transient += tally.transient
            total.unreachable.extend(tally.unreachable)
            if tally.sent or tally.transient or decision.alert_key is None:
                return total
            climbed = self.climb(tip_id, decision.alert_key, tally.unreachable, now)
            if climbed is None or climbed.action not in ("notify", "remind"):
                return total
            decision = climbed
        return total

    def climb(
        self, tip_id: str, alert_key: str, unreachable: list[str], now: datetime
    ) -> policy.StepDecision | None:
        """Nobody could be reached for `alert_key`: the next step, now (a transaction)."""

        def decide(tip: dict[str, Any]) -> TipChange | None:
            snapshot, state = snapshot_from_doc(tip["policy"]), ladder_from_doc(tip["ladder"])
            decision = policy.on_unreachable(snapshot, state, now, alert_key)
            if decision.state == state:
                return None
            updates: dict[str, Any] = {"ladder": ladder_to_doc(decision.state)}
            if decision.state.held_by is None and state.held_by is not None:
                updates.update(status="routed", held_by=None)
            if unreachable:
                updates["unreachable"] = firestore.ArrayUnion(unreachable)
            return TipChange(
                updates,
                {
                    "actor": "router",
                    "kind": "climbed",
                    "data": {"from": alert_key, "unreachable": unreachable},
                },
                next_action_at=decision.next_action_at,
                result=decision,
            )

        change = self.store.change_tip(tip_id, decide, now)
        return change.result if change else None

    def _notify(self, tip: dict[str, Any], decision: policy.StepDecision, now: datetime) -> Tally:
        assert decision.alert_key is not None
        officers = self.officers_for(tip["unit_id"], decision.targets, now)
        waiting = routing.minutes_since(tip.get("routed_at") or now, now)
        context = messages.AlertContext(
            # A step reached at once (nobody before could be reached) is these
            # officers' first alert, not a reminder after "0 minutes".
            step=0 if waiting == 0 else max((decision.step or 1) - 1, 0) + decision.repeat,
            minutes_waiting=waiting,
            from_unit=tip.get("transferred_from_name"),
            reason=tip.get("transfer_reason") or "",
        )
        text = messages.alert(routing.alert_input(self.profile, tip), context)
        tally = self.alert_officers(tip, officers, decision.alert_key, text, now)
        self.log.info(
            "dispatch.step",
            tip_id=tip["ref"],
            step=decision.alert_key,
            officers=len(officers),
            sent=tally.sent,
            unreachable=len(tally.unreachable),
            transient=tally.transient,
        )
        return tally

    def _remind(self, tip: dict[str, Any], decision: policy.StepDecision, now: datetime) -> Tally:
        assert decision.alert_key is not None
        holder = tip.get("held_by")
        officer = self.store.get(OFFICERS, holder) if holder else None
        if not holder or officer is None:
            return Tally()
        minutes = routing.minutes_since(tip.get("taken_at") or now, now)
        text = messages.holder_reminder(tip["ref"], minutes)
        return self.alert_officers(tip, [(holder, officer)], decision.alert_key, text, now)

    def redeliver_current(self, tip: dict[str, Any], now: datetime) -> Tally:
        """Make sure the step last decided reached its officers (idempotent)."""
        if not tip.get("ladder") or not tip.get("policy"):
            return Tally()
        snapshot, state = snapshot_from_doc(tip["policy"]), ladder_from_doc(tip["ladder"])
        if state.phase != "open" or state.step <= 0:
            return Tally()
        decision = policy.StepDecision(
            "notify",
            state,
            tip.get("next_action_at"),
            step=state.step,
            repeat=state.repeats_done,
            targets=policy.current_targets(snapshot, state),
            alert_key=policy.current_alert_key(state),
        )
        return self.perform(tip["ref"], decision, now)
