"""The router's officer use cases: commands sent to the OA by message.

    DK <code>    enrol          TRUC            check in at the start of a shift
    NHAN <mã>    take           XONG <mã>       resolve
    KHONG <mã>   close          CHUYEN <mã>     send up to the parent unit
    TL <HD-mã>   answer a citizen's question handed to the desk

Each command gets one answer (keyed by the message, so a redelivery answers
nothing twice). A tip command changes the tip in one transaction
(`shared.core.tip`), then the citizen hears of it, once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from shared.core import messages, routing
from shared.core import tip as tip_core
from shared.core.commands import Command, Officer, Verb, authorize, parse_command
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.policy_file import Policies
from shared.core.roster import ROLES, on_duty, shift_at
from shared.core.tip import Tip, TipChange, TipStatus
from shared.logs import Logger
from shared.services.dispatch import SendOutcome, Tally
from shared.services.notices import CitizenNotices
from shared.services.paging import Pager
from shared.store.ports import LineStore, OfficerRecord

After = Callable[[], Tally]  # what to do once the officer has their answer


@dataclass
class CommandHandler:
    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile
    policies: Policies
    log: Logger

    def on_command(self, event: TipEvent, now: datetime) -> Tally:
        msg = self.store.message(event.message_id)
        if msg is None or msg.handled:
            return Tally()
        reporter = self.store.reporter(msg.sender_key)
        user_id = reporter.zalo_user_id if reporter else None
        command = parse_command(msg.text or "")
        if command is None or not user_id:
            self.store.mark_handled(event.message_id, now)
            return Tally()
        officer = self.store.officer_by_zalo(user_id)
        text, after = self._run(command, officer, user_id, msg.oa_id, now)
        outcome = self.pager.dispatch.reply(
            f"cmd:{event.message_id}", msg.oa_id, user_id, text, now, audience="officer"
        )
        tally = after() if after else Tally()
        tally.count(outcome)
        self.store.mark_handled(event.message_id, now)
        self.log.info(
            "router.command",
            verb=command.verb.value,
            ref=command.ref,
            officer_id=officer.officer_id if officer else None,
        )
        return tally

    def _run(
        self,
        command: Command,
        officer: OfficerRecord | None,
        user_id: str,
        oa_id: str,
        now: datetime,
    ) -> tuple[str, After | None]:
        who = Officer(officer.officer_id, officer.unit_id, officer.active) if officer else None
        if command.verb is Verb.ENROL:
            return self._enrol(command, user_id, oa_id, now), None
        if command.verb in (Verb.CHECK_IN, Verb.ANSWER):
            verdict = authorize(command, who, None, ())
            if not verdict.allowed or officer is None:
                return messages.refusal(verdict.reason), None
            if command.verb is Verb.CHECK_IN:
                return self._check_in(officer, now), None
            return self._answer(command, officer, now), None
        tip = self.store.tip(command.ref or "")
        holder = tip.unit_id if tip else None
        verdict = authorize(command, who, holder, self._ancestors(holder))
        if not verdict.allowed or officer is None:
            return messages.refusal(verdict.reason, command.ref), None
        return self._on_tip(command, officer.officer_id, now)

    def _on_tip(self, command: Command, officer_id: str, now: datetime) -> tuple[str, After | None]:
        ref = command.ref or ""

        def decide(tip: Tip) -> TipChange:
            if command.verb is Verb.TAKE:
                return tip_core.take(tip, officer_id, now)
            if command.verb is Verb.RESOLVE:
                return tip_core.resolve(tip, officer_id, command.note, now)
            if command.verb is Verb.REJECT:
                return tip_core.close(tip, officer_id, command.note, now)
            return routing.plan_transfer(
                self.profile, self.policies, tip, now, officer_id, command.note
            )

        applied = self.store.change_tip(ref, decide, now)
        change, tip = applied.change, applied.tip
        if change is None or tip is None:
            return messages.refusal("finished", ref), None
        if change.outcome == "refused":
            return messages.refusal(change.reason, ref), None
        notices = self.notices
        # A notice that fails for a passing reason is retried by the escalator's sweep.
        confirmations = {
            "taken": (messages.confirm_take, notices.taken),
            TipStatus.RESOLVED: (messages.confirm_resolve, notices.resolved),
            TipStatus.CLOSED: (messages.confirm_reject, notices.closed),
        }
        if change.outcome in confirmations:
            confirm, notice = confirmations[change.outcome]

            def tell() -> Tally:
                notice(tip, now)
                return Tally()

            return confirm(ref), tell

        def transferred() -> Tally:
            notices.transferred(tip, now)
            assert change.decision is not None
            return self.pager.carry_out(tip, change.decision, now, f"officer:{officer_id}")

        return messages.confirm_transfer(ref, notices.unit_name(tip.unit_id)), transferred

    def _enrol(self, command: Command, user_id: str, oa_id: str, now: datetime) -> str:
        enrolment = self.store.enrol(command.code or "", user_id, oa_id, now)
        officer = enrolment.officer
        if enrolment.outcome == "ok" and officer:
            name = self.notices.unit_name(officer.unit_id)
            return messages.enrol_ok(officer.name, officer.role, name)
        if enrolment.outcome == "already" and officer:
            return messages.enrol_already(officer.name, self.notices.unit_name(officer.unit_id))
        return messages.enrol_failed(enrolment.outcome)

    def _check_in(self, officer: OfficerRecord, now: datetime) -> str:
        self.store.check_in(officer.officer_id, now)
        roster = self.store.roster(officer.unit_id)
        unit_name = self.notices.unit_name(officer.unit_id)
        if roster is None:
            return messages.confirm_check_in(officer.name, unit_name, now, None)
        shift = shift_at(roster, now)
        on = any(officer.officer_id in on_duty(roster, role, now) for role in ROLES)
        return messages.confirm_check_in(
            officer.name, unit_name, shift.start if on else now, shift.end if on else None
        )

    def _answer(self, command: Command, officer: OfficerRecord, now: datetime) -> str:
        """TL: the officer's answer goes to the citizen who asked, through the OA."""
        code = command.ref or ""
        question = self.store.question(code)
        if question is None or question.status != "open":
            return messages.refusal("no_question", code)
        reporter = self.store.reporter(question.reporter_key)
        if reporter is None or not reporter.zalo_user_id:
            return messages.refusal("no_question", code)
        unit_name = self.notices.unit_name(officer.unit_id)
        outcome = self.pager.dispatch.reply(
            f"answer:{code}",
            question.oa_id,
            reporter.zalo_user_id,
            messages.citizen_officer_answer(code, unit_name, command.note),
            now,
            audience="citizen",
        )
        if outcome is SendOutcome.ALREADY:
            return messages.refusal("no_question", code)  # another officer answered first
        self.store.answer_question(code, officer.unit_id, now)
        return messages.confirm_answer(code)

    def _ancestors(self, unit_id: str | None) -> list[str]:
        out: list[str] = []
        current = self.profile.parent_of(unit_id) if unit_id else None
        while current is not None:
            out.append(current.id)
            current = self.profile.parent_of(current.id)
        return out
