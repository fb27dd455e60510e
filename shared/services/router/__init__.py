"""The router's imperative shell: one Pub/Sub message of `tinbao-events` in,
tips routed, officers alerted, citizens and officers answered.

Returning acknowledges the message. `TransientDeliveryError` (and any Firestore
error) propagates, so Pub/Sub redelivers; every step is idempotent (tips move
under transactions, every send is claimed), so a redelivery only finishes what
the first delivery left undone. A malformed message is acknowledged and logged:
redelivering it cannot make it valid.
"""

from __future__ import annotations

import base64
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from pydantic import ValidationError

from shared.clock import Clock, SystemClock
from shared.core import assistant, messages, policy_file, routing
from shared.core import ladder as policy
from shared.core.commands import Command, Officer, Verb, authorize, parse_command
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.policy_file import Policies
from shared.core.refcode import question_code
from shared.core.roster import ROLES, on_duty, roster_from_dict, shift_at
from shared.logs import Logger
from shared.services.dispatch import Dispatcher, Tally
from shared.store.documents import (
    ladder_from_doc,
    ladder_to_doc,
    snapshot_from_doc,
    snapshot_to_doc,
)
from shared.store.intake import MESSAGES, REPORTERS, TIPS
from shared.store.tips import OFFICERS, QUESTIONS, ROSTERS, TipChange, TipStore
from shared.zalo.client import Button

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
CHAT_WINDOW = timedelta(minutes=30)
OPEN = ("routed", "acknowledged")


class TransientDeliveryError(RuntimeError):
    """Some send failed for a passing reason: raise so Pub/Sub redelivers."""


def decode_pubsub(cloud_event: Any) -> TipEvent | None:
    """The TipEvent inside a messagePublished CloudEvent; None when it is malformed."""
    data = cloud_event.get_data() if hasattr(cloud_event, "get_data") else cloud_event.data
    try:
        payload = base64.b64decode(data["message"]["data"], validate=True)
        return TipEvent.model_validate_json(payload)
    except (KeyError, TypeError, ValueError, ValidationError):
        return None


@dataclass
class Router:
    store: TipStore
    dispatch: Dispatcher
    profile: Profile
    policies: Policies
    clock: Clock
    log: Logger
    oa_units: dict[str, str] = field(default_factory=dict)

    def handle(self, cloud_event: Any) -> None:
        event = decode_pubsub(cloud_event)
        if event is None:
            self.log.error("router.malformed_message", id=cloud_event["id"])
            return
        now = self.clock.now()
        handlers = {
            "tip.created": self.on_tip,
            "tip.updated": self.on_tip,
            "question": self.on_question,
            "chat": self.on_chat,
            "command": self.on_command,
            "follow": self.on_follow,
        }
        tally = handlers[event.kind](event, now)
        self.log.info(
            "router.handled",
            kind=event.kind,
            tip_id=event.tip_id,
            sent=tally.sent,
            transient=tally.transient,
        )
        if tally.transient:
            raise TransientDeliveryError(f"{tally.transient} send(s) to retry")

    # --- tips --------------------------------------------------------------------

    def on_tip(self, event: TipEvent, now: datetime) -> Tally:
        tip_id = event.tip_id or ""
        tip = self.store.get(TIPS, tip_id)
        if tip is None:
            self.log.error("router.unknown_tip", tip_id=tip_id)
            return Tally()
        if tip["status"] == "received":
            self.store.change_tip(tip_id, lambda t: self._route(t, now), now)
            tip = self.store.get(TIPS, tip_id) or tip
        elif event.kind == "tip.updated" and tip["status"] in OPEN:
            self._follow_up(tip, event.message_id, now)
            tip = self.store.get(TIPS, tip_id) or tip
        tally = Tally()
        if tip["status"] == "routed":
            tally = self.dispatch.redeliver_current(tip, now)
        self._inform_citizen(tip, now)
        self.store.mark_handled(event.message_id, now)
        return tally

    def route_to_desk(self, tip_id: str, now: datetime, reason: str) -> Tally:
        """Routing this tip kept failing: the desk takes it as it is, now."""

        def decide(tip: dict[str, Any]) -> TipChange | None:
            if tip["status"] != "received":
                return None
            return self._assign(
                tip, self.profile.desk_id, None, now, "routed_to_desk", routing_failure=reason
            )

        self.store.change_tip(tip_id, decide, now)
        tip = self.store.get(TIPS, tip_id)
        if tip is None or tip["status"] != "routed":
            return Tally()
        tally = self.dispatch.redeliver_current(tip, now)
        self._inform_citizen(tip, now)
        return tally

    def _route(self, tip: dict[str, Any], now: datetime) -> TipChange | None:
        if tip["status"] != "received":
            return None  # another delivery routed it first
        decision = routing.decide(self.profile, tip)
        return self._assign(tip, decision.unit_id, decision, now, "routed")

    def _assign(
        self,
        tip: dict[str, Any],
        unit_id: str,
        decision: routing.RoutingDecision | None,
        now: datetime,
        kind: str,
        **extra: Any,
    ) -> TipChange:
        """Give the tip to `unit_id` under that unit's policy, its ladder at step one."""
        classification = (
            decision.classification_doc() if decision else tip.get("classification") or {}
        )
        unit = self.profile.unit(unit_id)
        snapshot = policy_file.policy_for(
            self.policies,
            unit.kind,
            classification.get("severity") or "normal",
            classification.get("category") or "other",
        )
        first = policy.next_action(snapshot, policy.start_ladder(now), now)
        updates: dict[str, Any] = {
            "status": "routed",
            "unit_id": unit_id,
            # What the new unit's first alert carries: a follow-up of one of these
            # messages (delivered after the routing) has nothing new to tell.
            "routed_msgs": _message_ids(tip),
            "routed_at": tip.get("routed_at") or now,
            "policy": snapshot_to_doc(snapshot),
            "ladder": ladder_to_doc(first.state),
            "held_by": None,
            "classification": classification,
            **extra,
        }
        if decision:
            updates.update(
                ward_code=decision.ward_code,
                map=decision.map,
                resolution=decision.resolution_doc(),
            )
        data = {
            "unit_id": unit_id,
            "policy": snapshot.digest,
            "ward_code": updates.get("ward_code", tip.get("ward_code")),
            "category": classification.get("category"),
            "severity": classification.get("severity"),
        }
        return TipChange(
            updates,
            {"actor": "router", "kind": kind, "data": data},
            next_action_at=first.next_action_at,
            result=first,
        )

    def _follow_up(self, tip: dict[str, Any], message_id: str, now: datetime) -> None:
        """A citizen added to an open tip: settle its ward if that was missing, and
        bring what is new to whoever has it before them."""
        if message_id in (tip.get("routed_msgs") or ()):
            return  # joined before the routing: the first alert carried it
        decision = routing.decide(self.profile, tip)
        desk = self.profile.desk_id
        if tip["unit_id"] == desk and decision.unit_id != desk and tip["status"] == "routed":
            change = self.store.change_tip(
                tip["ref"],
                lambda t: (
                    self._assign(t, decision.unit_id, decision, now, "rerouted")
                    if t["status"] == "routed" and t["unit_id"] == desk
                    else None
                ),
                now,
            )
            if change is not None:
                return  # the new unit's first step carries the whole tip
        held = tip["status"] == "acknowledged"
        if held:
            holder = self.store.get(OFFICERS, tip["held_by"])
            officers = [(tip["held_by"], holder)] if holder else []
        else:
            state = ladder_from_doc(tip["ladder"])
            targets = policy.current_targets(snapshot_from_doc(tip["policy"]), state)
            officers = self.dispatch.officers_for(tip["unit_id"], targets, now)
        new_text = "\n".join(t["text"] for t in tip.get("texts", []) if t.get("msg") == message_id)
        locations = [x for x in tip.get("locations", []) if x.get("msg") == message_id]
        attachments = tuple(
            messages.Attachment(a.get("type") or "file", a["url"], a.get("name") or "")
            for a in tip.get("attachments", [])
            if a.get("msg") == message_id and a.get("url")
        )
        location = (
            messages.Location(locations[-1]["lat"], locations[-1]["lng"]) if locations else None
        )
        if not (new_text or location or attachments):
            return  # a sticker, or thanks with no words: nothing new for the officers
        text = messages.tip_update(tip["ref"], new_text, location, attachments, held)
        self.dispatch.alert_officers(tip, officers, f"u-{message_id}", text, now)

    def _inform_citizen(self, tip: dict[str, Any], now: datetime) -> None:
        if tip["status"] not in OPEN:
            return
        ref, unit = tip["ref"], self.profile.unit(tip["unit_id"])
        classification = tip.get("classification") or {}
        urgent = classification.get("severity") == "urgent"
        self.dispatch.to_citizen(
            tip, f"ack:{ref}", messages.citizen_ack(ref, unit.name, urgent), now
        )
        if not tip.get("ward_code") and not tip.get("locations"):
            self.dispatch.to_citizen(
                tip, f"askloc:{ref}", messages.citizen_request_location(ref), now
            )
        if classification.get("category") == "residence":
            rule = assistant.rule_for_tip("residence", _today(now), routing.tip_text(tip))
            if rule is not None:
                buttons = [Button(b.title, b.payload) for b in rule.buttons]
                self.dispatch.to_citizen(tip, f"rule:{ref}", rule.text, now, buttons)

    # --- officers' commands --------------------------------------------------------

    def on_command(self, event: TipEvent, now: datetime) -> Tally:
        msg = self.store.get(MESSAGES, event.message_id)
        if msg is None or msg.get("handled"):
            return Tally()
        reporter = self.store.get(REPORTERS, msg["sender_key"]) or {}
        user_id, oa_id = reporter.get("zalo_user_id"), msg["oa_id"]
        command = parse_command(msg.get("text") or "")
        if command is None or not user_id:
            self.store.mark_handled(event.message_id, now)
            return Tally()
        found = self.store.officer_by_zalo(user_id)
        text, after = self._run_command(command, found, user_id, oa_id, now)
        outcome = self.dispatch.reply(
            f"cmd:{event.message_id}", oa_id, user_id, text, now, audience="officer"
        )
        tally = after() if after else Tally()
        if outcome == "failed":
            tally.transient += 1
        self.store.mark_handled(event.message_id, now)
        self.log.info(
            "router.command",
            verb=command.verb.value,
            ref=command.ref,
            officer_id=found[0] if found else None,
        )
        return tally

    def _run_command(
        self,
        command: Command,
        found: tuple[str, dict[str, Any]] | None,
        user_id: str,
        oa_id: str,
        now: datetime,
    ) -> tuple[str, Any]:
        officer = (
            Officer(found[0], found[1].get("unit_id", ""), bool(found[1].get("active")))
            if found
            else None
        )
        if command.verb is Verb.ENROL:
            outcome, doc = self.store.enrol(command.code or "", user_id, oa_id, now)
            if outcome == "ok":
                return messages.enrol_ok(
                    doc["name"], doc["role"], self._unit_name(doc["unit_id"])
                ), None
            if outcome == "already":
                return messages.enrol_already(doc["name"], self._unit_name(doc["unit_id"])), None
            return messages.enrol_failed(outcome), None
        if command.verb is Verb.CHECK_IN:
            verdict = authorize(command, officer, None, ())
            if not verdict.allowed or found is None:
                return messages.refusal(verdict.reason), None
            return self._check_in(found[0], found[1], now), None
        if command.verb is Verb.ANSWER:
            verdict = authorize(command, officer, None, ())
            if not verdict.allowed or found is None:
                return messages.refusal(verdict.reason), None
            return self._answer_question(command, found[1], now), None
        tip = self.store.get(TIPS, command.ref or "")
        holder = tip.get("unit_id") if tip else None
        verdict = authorize(command, officer, holder, self._ancestors(holder))
        if not verdict.allowed or found is None:
            return messages.refusal(verdict.reason, command.ref), None
        change = self.store.change_tip(
            command.ref or "", lambda t: self._tip_command(t, command, found[0], now), now
        )
        outcome = change.result if change else ("finished", None)
        return self._after_command(command, outcome, now)

    def _tip_command(
        self, tip: dict[str, Any], command: Command, officer_id: str, now: datetime
    ) -> TipChange:
        status = tip["status"]
        actor = f"officer:{officer_id}"

        def refused(reason: str) -> TipChange:
            return TipChange(
                {},
                {
                    "actor": actor,
                    "kind": "refused",
                    "data": {"verb": command.verb.value, "reason": reason},
                },
                result=(reason, None),
            )

        if status not in OPEN:
            return refused("finished")
        snapshot, state = snapshot_from_doc(tip["policy"]), ladder_from_doc(tip["ladder"])
        verb = command.verb
        if verb is Verb.TAKE:
            if status == "acknowledged" and tip.get("held_by") != officer_id:
                return refused("already_taken")
            decision = policy.on_taken(snapshot, state, now, officer_id)
            return TipChange(
                {
                    "status": "acknowledged",
                    "held_by": officer_id,
                    "taken_at": tip.get("taken_at") or now,
                    "ladder": ladder_to_doc(decision.state),
                },
                {"actor": actor, "kind": "taken", "data": {}},
                next_action_at=decision.next_action_at,
                result=("taken", tip),
            )
        if verb in (Verb.RESOLVE, Verb.REJECT):
            decision = policy.on_finished(snapshot, state, now)
            new_status = "resolved" if verb is Verb.RESOLVE else "closed"
            return TipChange(
                {
                    "status": new_status,
                    f"{new_status}_at": now,
                    f"{new_status}_by": officer_id,
                    "outcome_note": command.note,
                    "ladder": ladder_to_doc(decision.state),
                },
                {"actor": actor, "kind": new_status, "data": {"note": command.note}},
                next_action_at=None,
                reporter={"open_tip_id": None, "open_tip_status": new_status},
                result=(new_status, tip),
            )
        parent = self.profile.parent_of(tip["unit_id"])
        if parent is None or parent.kind == "desk":
            return refused("no_parent")
        unit_name = self.profile.unit(tip["unit_id"]).name
        change = self._assign(
            tip,
            parent.id,
            None,
            now,
            "transferred",
            transferred_from=tip["unit_id"],
            transferred_from_name=unit_name,
            transfer_reason=command.note,
        )
        change.event["actor"] = actor
        change.result = ("transferred", change.result)
        return change

    def _after_command(self, command: Command, outcome: tuple[str, Any], now: datetime):
        what, payload = outcome
        ref = command.ref or ""
        if what in ("finished", "already_taken", "no_parent"):
            return messages.refusal(what, ref), None
        tip = self.store.get(TIPS, ref) or {}
        unit_name = self._unit_name(tip.get("unit_id"))

        def tell_citizen(key: str, text: str) -> Tally:
            self.dispatch.to_citizen(tip, f"{key}:{ref}", text, now)
            return Tally()

        if what == "taken":
            return messages.confirm_take(ref), lambda: tell_citizen(
                "taken", messages.citizen_taken(ref, unit_name)
            )
        if what == "resolved":
            return messages.confirm_resolve(ref), lambda: tell_citizen(
                "resolved", messages.citizen_resolved(ref, unit_name)
            )
        if what == "closed":
            return messages.confirm_reject(ref), lambda: tell_citizen(
                "closed", messages.citizen_closed(ref)
            )

        def transfer() -> Tally:
            self.dispatch.to_citizen(
                tip,
                f"transferred:{ref}:{tip.get('unit_id')}",
                messages.citizen_transferred(ref, unit_name),
                now,
            )
            return self.dispatch.perform(ref, payload, now)

        return messages.confirm_transfer(ref, unit_name), transfer

    def _check_in(self, officer_id: str, officer: dict[str, Any], now: datetime) -> str:
        unit_id = officer.get("unit_id", "")
        self.store.set_doc(OFFICERS, officer_id, {"last_check_in_at": now})
        roster_doc = self.store.get(ROSTERS, unit_id)
        unit_name = self._unit_name(unit_id)
        if roster_doc is None:
            return messages.confirm_check_in(officer.get("name", ""), unit_name, now, None)
        roster = roster_from_dict(roster_doc)
        shift = shift_at(roster, now)
        on = any(officer_id in on_duty(roster, role, now) for role in ROLES)
        return messages.confirm_check_in(
            officer.get("name", ""),
            unit_name,
            shift.start if on else now,
            shift.end if on else None,
        )

    def _ancestors(self, unit_id: str | None) -> list[str]:
        out: list[str] = []
        current = self.profile.parent_of(unit_id) if unit_id else None
        while current is not None:
            out.append(current.id)
            current = self.profile.parent_of(current.id)
        return out

    def _unit_name(self, unit_id: str | None) -> str:
        return self.profile.unit(unit_id).name if unit_id in self.profile.units else ""

    # --- questions, chat, follows ------------------------------------------------------

    def on_question(self, event: TipEvent, now: datetime) -> Tally:
        return self._converse(event, now, always=True)

    def on_chat(self, event: TipEvent, now: datetime) -> Tally:
        return self._converse(event, now, always=False)

    def _converse(self, event: TipEvent, now: datetime, always: bool) -> Tally:
        msg = self.store.get(MESSAGES, event.message_id)
        if msg is None or msg.get("handled"):
            return Tally()
        reporter = self.store.get(REPORTERS, msg["sender_key"]) or {}
        user_id, text = reporter.get("zalo_user_id"), msg.get("text") or ""
        talk = reporter.get("conversation") or {}
        state = assistant.ConversationState(talk.get("last_topic"), talk.get("last_at"))
        recent = state.last_at is not None and now - state.last_at < CHAT_WINDOW
        tally = Tally()
        answered = False
        if user_id and text and (always or not recent):
            result = assistant.answer(text, _today(now), self._contact(msg["oa_id"]), state, now)
            for i, reply in enumerate(result.replies):
                outcome = self.dispatch.reply(
                    f"q:{event.message_id}:{i}",
                    msg["oa_id"],
                    user_id,
                    reply.text,
                    now,
                    [Button(b.title, b.payload) for b in reply.buttons],
                    audience="citizen",
                )
                tally.transient += outcome == "failed"
            if result.handoff:
                tally.transient += self._hand_to_desk(event.message_id, msg, text, now)
            answered = result.topic is not None
            last = result.state or state
            self.store.set_reporter(
                msg["sender_key"], {"conversation": {"last_topic": last.last_topic, "last_at": now}}
            )
        self.store.mark_handled(event.message_id, now, answered=answered)
        return tally

    def _hand_to_desk(self, message_id: str, msg: dict[str, Any], text: str, now: datetime) -> int:
        """Open a question item for the desk and alert its officers on duty; they
        answer through the OA with `TL <code> <answer>`. Returns sends to retry."""
        code = question_code(message_id)
        self.store.create_doc(
            QUESTIONS,
            code,
            {
                "code": code,
                "status": "open",
                "created_at": now,
                "text": text,
                "message_id": message_id,
                "reporter_key": msg["sender_key"],
                "oa_id": msg["oa_id"],
            },
        )
        desk = self.profile.desk_id
        officers = self.dispatch.officers_for(
            desk, (policy.Target("self", "duty_officer"), policy.Target("self", "desk")), now
        )
        tally = self.dispatch.alert_officers(
            {"ref": code, "oa_id": msg["oa_id"]},
            officers,
            "handoff",
            messages.question_handoff(code, text),
            now,
        )
        return tally.transient

    def _answer_question(self, command: Command, officer: dict[str, Any], now: datetime) -> str:
        code = command.ref or ""
        question = self.store.get(QUESTIONS, code)
        if question is None or question.get("status") != "open":
            return messages.refusal("no_question", code)
        reporter = self.store.get(REPORTERS, question["reporter_key"]) or {}
        if not reporter.get("zalo_user_id"):
            return messages.refusal("no_question", code)
        unit_name = self._unit_name(officer.get("unit_id"))
        outcome = self.dispatch.reply(
            f"answer:{code}",
            question["oa_id"],
            reporter["zalo_user_id"],
            messages.citizen_officer_answer(code, unit_name, command.note),
            now,
            audience="citizen",
        )
        if outcome is None:
            return messages.refusal("no_question", code)  # another officer answered first
        self.store.set_doc(
            QUESTIONS,
            code,
            {
                "status": "answered",
                "answered_at": now,
                "answered_by_unit": officer.get("unit_id"),
            },
        )
        return messages.confirm_answer(code)

    def on_follow(self, event: TipEvent, now: datetime) -> Tally:
        msg = self.store.get(MESSAGES, event.message_id)
        if msg is None or msg.get("handled"):
            return Tally()
        reporter = self.store.get(REPORTERS, msg["sender_key"]) or {}
        tally = Tally()
        if reporter.get("zalo_user_id"):
            for i, reply in enumerate(assistant.menu(self._contact(msg["oa_id"]))):
                outcome = self.dispatch.reply(
                    f"follow:{event.message_id}:{i}",
                    msg["oa_id"],
                    reporter["zalo_user_id"],
                    reply.text,
                    now,
                    [Button(b.title, b.payload) for b in reply.buttons],
                    audience="citizen",
                )
                tally.transient += outcome == "failed"
        self.store.mark_handled(event.message_id, now)
        return tally

    def _contact(self, oa_id: str) -> assistant.WardContact:
        unit_id = self.oa_units.get(oa_id)
        unit = self.profile.units.get(unit_id or "") or self.profile.desk
        return assistant.ward_contact_of(unit)


def _message_ids(tip: dict[str, Any]) -> list[str]:
    """The citizen messages that make up the tip as it is now."""
    items = [*tip.get("texts", []), *tip.get("locations", []), *tip.get("attachments", [])]
    return sorted({item["msg"] for item in items if item.get("msg")})


def _today(now: datetime) -> Any:
    return now.astimezone(LOCAL).date()


_lock = threading.Lock()
_instance: Router | None = None


def get_router() -> Router:
    """The process's router, built on first use (a missing setting fails then, naming it)."""
    global _instance
    with _lock:
        if _instance is None:
            from shared.bootstrap import build_router

            _instance = build_router()
        return _instance


def reset() -> None:
    global _instance
    with _lock:
        _instance = None


__all__ = ["Router", "SystemClock", "TransientDeliveryError", "get_router", "reset"]
