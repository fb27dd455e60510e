"""The router's officer use cases: everything an officer writes to the OA.

    DK <code>    enrol          TRUC                    check in at the start of a shift
    NHAN <mã>    take           XONG <mã> [kết quả]      resolve (takes it too, if nobody had)
    GHI <mã> …   field note     CHUYEN <mã> <đơn vị> …  forward to any unit
    KHONG <mã>   close          TL <HD-mã> …            answer a citizen's question

A message reaches here as a `command` (the webhook recognised the strict form,
from anyone), or from the other use cases when its sender is an officer (a tip,
a question or chat the webhook could not tell from a citizen's). Officers get
the forgiving reading (`shared.core.officer_reading.read`): codes without `TB-`, a
character off, the command word alone; free text is a note on the one tip they
hold; anything not understood gets the officers' help, never the citizens'
menu. Each message gets one answer (keyed by the message, so a redelivery
answers nothing twice).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from shared.core import messages, officer_reading, routing
from shared.core.commands import Command, Verb
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.officer_reading import Reading
from shared.core.policy_file import Policies
from shared.core.recipients import Recipient
from shared.core.roster import ROLES, on_duty, shift_at
from shared.logs import Logger
from shared.services.dispatch import SendOutcome, Tally
from shared.services.notices import CitizenNotices
from shared.services.paging import Pager
from shared.services.router.acts import ACTS, After, Deed, ReplyTo, TipActs
from shared.services.router.reading import Answer, FreeText, Meant, TipFinder
from shared.store.ports.line import LineStore, OfficerRecord


@dataclass(frozen=True)
class Sender:
    """An officer who wrote to the OA, and where to answer them (the Zalo id it carries
    in memory is confidential)."""

    officer: OfficerRecord
    to: Recipient


@dataclass(frozen=True)
class Came:
    """A command as it came: its message, OA, writer's pseudonym, words and time."""

    message_id: str
    oa_id: str
    sender_key: str
    text: str
    at: datetime | None


@dataclass(frozen=True)
class Said:
    """An officer's message as it came: words, what came with them, its key."""

    text: str
    extras: str  # a location or files sent with it, as lines of text
    message_id: str


@dataclass
class CommandHandler:
    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile
    policies: Policies
    log: Logger
    acts: TipActs = field(init=False)
    finder: TipFinder = field(init=False)

    def __post_init__(self) -> None:
        self.acts = TipActs(self.store, self.pager, self.notices, self.profile, self.policies)
        self.finder = TipFinder(self.store, self.profile)

    def on_command(self, event: TipEvent, now: datetime) -> Tally:
        came = self._came(event)
        if came is None:
            return Tally()
        writer = self.pager.dispatch.recipients.writer(came.sender_key, now)
        if writer is None or writer.zalo_id is None:
            self.store.mark_handled(event.message_id, now)
            return Tally()
        officer = self.store.officer_by_zalo(writer.zalo_id)
        return self.answer(
            came.message_id, came.oa_id, writer, officer, came.text, now, received_at=came.at
        )

    def _came(self, event: TipEvent) -> Came | None:
        """The command as the event carries it; None when it was handled already.

        An act on a tip (take, resolve, close, note, forward, ask) is not checked
        against its message: the act's transaction reads the tip anyway, and the tip
        remembers the messages applied to it (`Tip.acted`), so a redelivery acts not
        twice. Any other command (enrol, check in, answer) is, as is a command the
        event does not carry (an older release's, or too long): its message is read."""
        if event.text is not None and event.reporter_key is not None:
            came = Came(event.message_id, event.oa_id, event.reporter_key, event.text, event.at)
            if officer_reading.read(came.text).verb in ACTS:
                return came
        msg = self.store.message(event.message_id)
        if msg is None or msg.handled:
            return None
        return Came(msg.key, msg.oa_id, msg.sender_key, msg.text or "", msg.received_at)

    def sender(self, reporter_key: str, now: datetime) -> Sender | None:
        """The active officer who wrote under this reporter key, if one did. The Zalo id
        read serves the dispatcher a minute: a citizen's tip needs it again for the
        acknowledgement, within the same second."""
        writer = self.pager.dispatch.recipients.writer(reporter_key, now)
        if writer is None or writer.zalo_id is None:
            return None
        officer = self.store.officer_by_zalo(writer.zalo_id)
        # A retired record's person writes as anyone does; their commands are refused.
        return Sender(officer, writer) if officer and officer.active else None

    def answer(
        self,
        message_id: str,
        oa_id: str,
        writer: Recipient,
        officer: OfficerRecord | None,
        text: str,
        now: datetime,
        extras: str = "",
        *,
        received_at: datetime | None = None,
    ) -> Tally:
        """Read an officer's message (or a command from anyone), act, answer its writer
        once (`writer`: their reporter key, with their Zalo id)."""
        reading = officer_reading.read(text)
        said = Said(text, extras, message_id)

        def late(reply: str) -> str:
            if received_at and now - received_at > self.policies.sweeps.late_after:
                # Carried out late (the line was down): the officer learns when, not only what.
                return messages.late_command(reply, received_at, now)
            return reply

        # An act on a tip records this answer with its change, on the tip (`ReplyTo`).
        to = ReplyTo(f"cmd:{message_id}", oa_id, writer, late)
        reply, after = self._run(reading, officer, writer.zalo_id or "", oa_id, said, now, to)
        outcome = self.pager.dispatch.reply(
            to.key, oa_id, writer, late(reply), now, audience="officer", tip_id=to.tip_id
        )
        tally = after() if after else Tally()
        tally.count(outcome)
        self.store.mark_handled(message_id, now)
        self.log.info(
            "router.command",
            verb=reading.verb.value if reading.verb else None,
            ref=reading.code.ref if reading.code else None,
            officer_id=officer.officer_id if officer else None,
        )
        return tally

    def _run(
        self,
        reading: Reading,
        officer: OfficerRecord | None,
        user_id: str,
        oa_id: str,
        said: Said,
        now: datetime,
        to: ReplyTo | None = None,
    ) -> tuple[str, After | None]:
        if reading.command is not None and reading.verb is Verb.ENROL:
            return self._enrol(reading.command.code or "", user_id, oa_id, now), None
        if officer is None:
            return messages.refusal("not_enrolled"), None
        if not officer.active:
            return messages.refusal("inactive"), None
        if reading.command is not None and reading.verb is Verb.CHECK_IN:
            return self._check_in(officer, now), None
        if reading.command is not None and reading.verb is Verb.ANSWER:
            return self._answer(reading.command, officer, now), None
        if reading.verb is None:
            return self._free_text(officer, said, now, to)
        found = self.finder.find(reading, officer)
        if isinstance(found, Meant):
            deed = Deed(reading.verb, found.ref, found.words, said.message_id)
            done = self.acts.carry_out(deed, officer, now, to)
            if done is not None:
                return done
            # No tip of that code (or a withdrawn one): a near miss, or no code at all.
            found = self.finder.find(reading, officer, missed=True)
        if isinstance(found, Answer):
            return found.text, None
        if isinstance(found, FreeText):
            return self._free_text(officer, said, now, to)
        deed = Deed(reading.verb, found.ref, found.words, said.message_id)
        return self._act(deed, officer, now, to)

    def _act(
        self, deed: Deed, officer: OfficerRecord, now: datetime, to: ReplyTo | None
    ) -> tuple[str, After | None]:
        done = self.acts.carry_out(deed, officer, now, to)
        return done if done is not None else (messages.refusal("no_tip", deed.ref), None)

    def _free_text(
        self, officer: OfficerRecord, said: Said, now: datetime, to: ReplyTo | None
    ) -> tuple[str, After | None]:
        """Words that are no command: a note on the one open tip the officer holds."""
        note = "\n".join(x for x in (said.text.strip(), said.extras) if x)
        held = self.finder.held_by(officer)
        if note and len(held) == 1:
            deed = Deed(Verb.NOTE, held[0].ref, note, said.message_id)
            return self._act(deed, officer, now, to)
        tips = self.finder.tips_of(officer)
        if note and len(held) > 1:
            sample = f"GHI {held[0].ref} {note[:40]}".rstrip()
            return messages.note_which(sample, tips.lines(self.profile)), None
        return messages.officer_help(tips.lines(self.profile)), None

    def _enrol(self, code: str, user_id: str, oa_id: str, now: datetime) -> str:
        enrolment = self.store.enrol(code, user_id, oa_id, now)
        officer = enrolment.officer
        name = routing.unit_name(self.profile, officer.unit_id) if officer else ""
        if enrolment.outcome == "moved" and officer and enrolment.previous:
            old = routing.unit_name(self.profile, enrolment.previous.unit_id)
            return messages.enrol_moved(officer.name, officer.role, name, old)
        if enrolment.outcome == "ok" and officer:
            return messages.enrol_ok(officer.name, officer.role, name)
        if enrolment.outcome == "already" and officer:
            return messages.enrol_already(officer.name, name)
        return messages.enrol_failed(enrolment.outcome)

    def _check_in(self, officer: OfficerRecord, now: datetime) -> str:
        self.store.check_in(officer.officer_id, now)
        roster = self.store.roster(officer.unit_id)
        unit_name = routing.unit_name(self.profile, officer.unit_id)
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
        asker = self.pager.dispatch.recipients.writer(question.reporter_key, now)
        if asker is None:
            return messages.refusal("no_question", code)
        unit_name = routing.unit_name(self.profile, officer.unit_id)
        outcome = self.pager.dispatch.reply(
            f"answer:{code}",
            question.oa_id,
            asker,
            messages.citizen_officer_answer(code, unit_name, command.note),
            now,
            audience="citizen",
        )
        if outcome is SendOutcome.ALREADY:
            return messages.refusal("no_question", code)  # another officer answered first
        self.store.answer_question(code, officer.unit_id, now)
        return messages.confirm_answer(code)
