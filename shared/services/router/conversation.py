"""The router's conversation use cases: residence questions answered by the
assistant, chat, a new follower's welcome, a citizen put through to the desk,
and a citizen told where their own tip stands (by code or in words; only the
informant's own tips are looked at, and no officer is ever named).

While a citizen has a current tip (open, or finished within the conversation
window, `shared/core/conversation.py`), what they write that is not a residence
question reaches that tip's officers (`TipTalk`), never the menu; a message
saying nobody came or the problem is back reopens a finished tip.

Replies are keyed by the message (`q:<message>:<i>`), so a redelivery sends
nothing twice; a question the assistant cannot answer is handed to the desk's
officers on duty, who answer through the OA with `TL <HD-mã> <câu trả lời>`.
An officer is never answered as a citizen: their questions and chat go to the
officers' use case, and following the OA brings them no citizen's menu.
A hand-off's code is drawn at random and created if absent, linked from its
message in the same transaction: a redelivery finds the same question, and two
citizens never share one. A question handled late (after a router outage) is
still answered, with an apology for the wait.
A citizen has one open hand-off at a time: asking again while it is open is
counted on it, not alerted again. Messages beyond the citizen's fair use are
stored and not answered one by one: the citizen is told once an hour that
everything was kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shared.core import assistant, conversation, intake, messages, recipients, routing, tip_status
from shared.core import tip as tip_core
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.ladder import Target
from shared.core.recipients import Recipient
from shared.core.refcode import find_code, new_question_code
from shared.core.tip import Tip, TipStatus
from shared.services.dispatch import Tally
from shared.services.notices import CitizenNotices, local_day, status_text
from shared.services.paging import Pager
from shared.services.router.commands import CommandHandler
from shared.store.ports.line import LineStore, MessageRecord, OfficerRecord, Question
from shared.zalo.client import Button

CHAT_WINDOW = timedelta(minutes=30)
DESK_ON_DUTY = (Target("self", "duty_officer"), Target("self", "desk"))
UNIT_ABOVE = (Target("parent", "duty_commander"), Target("parent", "chief"))


@dataclass
class ConversationHandler:
    store: LineStore
    pager: Pager
    profile: Profile
    officers: CommandHandler
    oa_units: Mapping[str, str] = field(default_factory=dict)  # OA id -> its unit
    late_after: timedelta = timedelta(minutes=5)  # handled later than this: apologise
    new_code: Callable[[], str] = new_question_code  # a hand-off's code (tests inject)
    talk: TipTalk | None = None  # the citizen's current tip (None: the assistant only)

    def on_question(self, event: TipEvent, now: datetime) -> Tally:
        return self._converse(event, now, always=True)

    def on_chat(self, event: TipEvent, now: datetime) -> Tally:
        return self._converse(event, now, always=False)

    def _converse(self, event: TipEvent, now: datetime, always: bool) -> Tally:
        msg = self.store.message(event.message_id)
        if msg is None or msg.handled:
            return Tally()
        writer = self.pager.dispatch.recipients.writer(msg.sender_key, now)
        text = msg.text or ""
        officer = self.store.officer_by_zalo(writer.zalo_id) if writer and writer.zalo_id else None
        if writer and officer is not None and officer.active:
            # An officer's words are never throttled as a citizen's (notes come fast).
            return self.officers.answer(
                msg.key, msg.oa_id, writer, officer, text, now, received_at=msg.received_at
            )
        if msg.throttled:
            return self._summarised(msg, writer, now)
        topic = (msg.classification or {}).get("topic")
        if writer and topic == "tip_status":
            return self._status(msg, writer, text, now)
        current = self.talk.current(msg.sender_key, now) if writer and text and self.talk else None
        if writer and text and self.talk is not None:
            way = conversation.route(msg.kind, topic, text, current)
            if current is not None and way != "assistant":
                tally = Tally()
                if way == "reopen":
                    tally = self.talk.reopen(current, msg.key, text, now)
                elif way == "to_tip":
                    tally = self.talk.forward(current, msg.key, msg.oa_id, writer, text, now)
                open_tip = current.is_open
                if way != "courtesy" and conversation.complains(text, open_tip=open_tip):
                    tally.add(self.talk.complain(current, msg.key, msg.oa_id, writer, text, now))
                self.store.mark_handled(msg.key, now)  # courtesy: no news, and no menu
                return tally
        residence = topic in conversation.RESIDENCE_TOPICS
        if writer and current is None and not residence and conversation.about_police(text):
            return self._complaint(msg, writer, text, now)
        window = self.store.last_talk(msg.sender_key)
        state = assistant.ConversationState(window.last_topic, window.last_at)
        recent = state.last_at is not None and now - state.last_at < CHAT_WINDOW
        tally = Tally()
        answered = False
        if writer and text and (always or not recent):
            contact = self._contact(msg.oa_id)
            result = assistant.answer(text, local_day(now), contact, state, now)
            late = msg.received_at is not None and now - msg.received_at > self.late_after
            for i, reply in enumerate(result.replies):
                buttons = [Button(b.title, b.payload) for b in reply.buttons]
                key = f"q:{event.message_id}:{i}"
                words = messages.late_reply(reply.text) if late and i == 0 else reply.text
                tally.count(
                    self.pager.dispatch.reply(
                        key, msg.oa_id, writer, words, now, buttons, audience="citizen"
                    )
                )
            if result.handoff:
                tally.add(self._hand_to_desk(msg, text, now))
            answered = result.topic is not None
            self.store.remember_topic(msg.sender_key, (result.state or state).last_topic, now)
        self.store.mark_handled(event.message_id, now, answered=answered)
        return tally

    def _summarised(self, msg: MessageRecord, writer: Recipient | None, now: datetime) -> Tally:
        """Beyond fair use: kept, not answered; the citizen hears so once an hour."""
        tally = Tally()
        if writer:
            key = f"busy:{msg.sender_key}:{now:%Y%m%d%H}"
            text = messages.citizen_busy()
            tally.count(
                self.pager.dispatch.reply(key, msg.oa_id, writer, text, now, audience="citizen")
            )
        self.store.mark_handled(msg.key, now, answered=False)
        return tally

    def _status(self, msg: MessageRecord, writer: Recipient, text: str, now: datetime) -> Tally:
        """Where the citizen's tip stands: the one they name, else their latest."""
        tips = self.store.tips_of_reporter(msg.sender_key)
        asked = tip_status.asked(tips, msg.sender_key, find_code(text))
        if asked.tip is not None:
            reply = status_text(asked.tip, self.profile)
        elif asked.unknown_code is not None:
            reply = messages.citizen_status_unknown(asked.unknown_code)
        else:
            reply = messages.citizen_status_none()
        outcome = self.pager.dispatch.reply(
            f"status:{msg.key}", msg.oa_id, writer, reply, now, audience="citizen"
        )
        self.store.mark_handled(msg.key, now, answered=True)
        return Tally().count(outcome)

    def _complaint(self, msg: MessageRecord, writer: Recipient, text: str, now: datetime) -> Tally:
        """A complaint about the police, read as a question, from a citizen with no
        current tip: the desk's hand-off, also before the leaders of the unit above the
        one it names (never that unit); the citizen is told to whom."""
        about = routing.complained_unit(self.profile, text)
        unit = self.profile.units.get(about or "")
        parent = self.profile.parent_of(about) if about else None
        told = messages.citizen_complaint_handed(
            unit.name if unit else "", parent.name if parent else ""
        )
        key = f"q:{msg.key}:0"
        tally = Tally().count(
            self.pager.dispatch.reply(key, msg.oa_id, writer, told, now, audience="citizen")
        )
        above = self.pager.on_duty(about, UNIT_ABOVE, now) if about else []
        tally.add(self._hand_to_desk(msg, text, now, above, unit.name if unit else ""))
        self.store.mark_handled(msg.key, now, answered=True)
        return tally

    def _hand_to_desk(
        self,
        msg: MessageRecord,
        text: str,
        now: datetime,
        above: Sequence[OfficerRecord] = (),
        about: str | None = None,
    ) -> Tally:
        """Open a question item for the desk and alert its officers on duty (and `above`,
        for a complaint about unit `about`); one open hand-off per citizen (asking again
        is counted on it)."""
        already = self.store.open_question_of(msg.sender_key)
        if already is not None and already.message_id != msg.key:
            self.store.add_to_question(already.code, now)
            return Tally()
        question = self.store.open_question(
            Question(
                "",
                "open",
                text,
                msg.key,
                msg.sender_key,
                msg.oa_id,
                now,
                expire_at=msg.expire_at,
            ),
            self.new_code,
        )
        code = question.code
        officers = self.pager.on_duty(self.profile.desk_id, DESK_ON_DUTY, now)
        officers += [o for o in above if o.officer_id not in {x.officer_id for x in officers}]
        shown = intake.shown(text)  # the question keeps it whole; the alert shows it cut
        alert = (
            messages.question_handoff(code, shown)
            if about is None
            else messages.complaint_handoff(code, about, shown)
        )
        tally = self.pager.dispatch.alert_officers(code, msg.oa_id, officers, "handoff", alert, now)
        return Tally(waiting=tally.waiting, held=tally.held)

    def on_follow(self, event: TipEvent, now: datetime) -> Tally:
        msg = self.store.message(event.message_id)
        if msg is None or msg.handled:
            return Tally()
        writer = self.pager.dispatch.recipients.writer(msg.sender_key, now)
        tally = Tally()
        officer = self.store.officer_by_zalo(writer.zalo_id) if writer and writer.zalo_id else None
        if writer and (officer is None or not officer.active):
            for i, reply in enumerate(assistant.menu(self._contact(msg.oa_id))):
                buttons = [Button(b.title, b.payload) for b in reply.buttons]
                tally.count(
                    self.pager.dispatch.reply(
                        f"follow:{event.message_id}:{i}",
                        msg.oa_id,
                        writer,
                        reply.text,
                        now,
                        buttons,
                        audience="citizen",
                    )
                )
        self.store.mark_handled(event.message_id, now)
        return tally

    def _contact(self, oa_id: str) -> assistant.WardContact:
        unit_id = self.oa_units.get(oa_id)
        unit = self.profile.units.get(unit_id or "") or self.profile.desk
        return assistant.ward_contact_of(unit)


@dataclass
class TipTalk:
    """What a citizen writes about their current tip: it reaches the tip's officers,
    and "nobody came" or "it is back" reopens a finished tip before its unit."""

    store: LineStore
    pager: Pager
    notices: CitizenNotices
    window: timedelta
    # Intake's window: a reopened tip is the citizen's open tip again this long
    # (their next messages join it), as a new tip is (TINBAO_INTAKE_WINDOW_MINUTES).
    intake_window: timedelta = timedelta(minutes=30)

    def current(self, reporter_key: str, now: datetime, besides: str = "") -> Tip | None:
        tips = self.store.tips_of_reporter(reporter_key)
        return conversation.current_tip(tips, reporter_key, now, self.window, besides=besides)

    def asked(self, tip: Tip, now: datetime) -> bool:
        """An officer asked the informant something within the window (HOI)."""
        return tip.asked_at is not None and now - tip.asked_at < self.window

    def reopen(self, tip: Tip, msg_key: str, text: str, now: datetime) -> Tally:
        """Reopen `tip` for the message `msg_key`; a redelivery finishes what the first
        delivery left (the alerts and the citizen's notice are claimed sends)."""
        finisher = tip.resolved_by if tip.status is TipStatus.RESOLVED else tip.closed_by
        officer = self.store.officer(finisher) if finisher else None
        name = officer.name if officer is not None else ""
        # The first step's alerts and the citizen's notice are recorded with the reopening.
        applied = self.pager.change(
            tip.ref,
            lambda t: tip_core.reopen(t, msg_key, text, name, now, now + self.intake_window),
            now,
        )
        written = applied.tip
        if written is None or written.reopened is None or written.reopened.msg != msg_key:
            return Tally()  # finished again since, or reopened by another message
        if applied.change is not None and applied.change.decision is not None:
            return self.pager.carry_out(applied, now, "citizen")
        tally = self.pager.resume(written, now, "citizen")
        tally.count(self.notices.reopened(written, now))  # recorded then: sent once
        return tally

    def into_earlier(self, tip: Tip, earlier: Tip, message_id: str, now: datetime) -> Tally:
        """The new tip's words, about the earlier tip: they reopen it (nobody came, it
        is back) or reach its officers, and a complaint the desk and the unit above."""
        text = tip.text
        writer = self.pager.dispatch.recipients.writer(tip.reporter_key, now)
        reopened_by_this = earlier.reopened is not None and earlier.reopened.msg == message_id
        tally = Tally()
        if reopened_by_this or (not earlier.is_open and conversation.says_again(text)):
            tally.add(self.reopen(earlier, message_id, text, now))
        elif writer:
            tally.add(self.forward(earlier, message_id, tip.oa_id, writer, text, now))
        if writer and conversation.complains(text, open_tip=earlier.is_open):
            tally.add(self.complain(earlier, message_id, tip.oa_id, writer, text, now))
        return tally

    def forward(
        self, tip: Tip, msg_key: str, oa_id: str, writer: Recipient, text: str, now: datetime
    ) -> Tally:
        """The citizen's words to whoever has the tip (or, finished, whoever finished it)."""
        if tip.is_open:
            officers = self.pager.current_officers(tip, now)
            update = messages.tip_update(tip.ref, text, None, (), tip.is_held)
        else:
            finisher = tip.resolved_by or tip.closed_by
            found = self.store.officer(finisher) if finisher else None
            officers = [found] if found is not None else []
            update = messages.tip_update_finished(tip.ref, tip.status.value, text)
        if self.asked(tip, now) and tip.asked_by not in {o.officer_id for o in officers}:
            asker = self.store.officer(tip.asked_by or "")
            officers += [asker] if asker is not None and asker.active else []
        tally = self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, f"u-{msg_key}", update, now
        )
        if tip.is_anonymous:
            return tally  # Zalo's anonymous chat: nobody can be written back
        answer = self.notices.follow_up_text(tip, text) if tip.is_open else None
        told = answer or messages.citizen_forwarded(tip.ref)
        tally.count(
            self.pager.dispatch.reply(
                f"fwd:{msg_key}", oa_id, writer, told, now, audience="citizen"
            )
        )
        return tally

    def complain(
        self,
        tip: Tip,
        msg_key: str,
        oa_id: str,
        writer: Recipient | None,
        text: str,
        now: datetime,
    ) -> Tally:
        """A complaint about the unit handling `tip`: to the desk's officers on duty and
        the leaders of the unit above it, not only to the unit complained about."""
        profile = self.pager.profile
        unit_id = tip.unit_id or profile.desk_id
        officers = self.pager.on_duty(profile.desk_id, DESK_ON_DUTY, now)
        above = self.pager.on_duty(unit_id, UNIT_ABOVE, now)
        officers += [o for o in above if o.officer_id not in {x.officer_id for x in officers}]
        unit = profile.units.get(unit_id)
        parent = profile.parent_of(unit_id)
        alert = messages.complaint_alert(tip.ref, unit.name if unit else "", text)
        tally = self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, f"complaint-{msg_key}", alert, now
        )
        if tip.is_anonymous or writer is None:
            return tally  # Zalo's anonymous chat (or their record gone): nobody to tell
        told = messages.citizen_complaint(tip.ref, parent.name if parent else "")
        tally.count(
            self.pager.dispatch.reply(
                f"complaint:{msg_key}", oa_id, writer, told, now, audience="citizen"
            )
        )
        return tally

    def joined(self, tip: Tip, msg_key: str, now: datetime) -> Tally:
        """Words that joined the open tip (grouped into the officers' updates): a
        complaint about the police handling it also goes to the desk and the unit above,
        as when it comes as a question; words asking something back are answered."""
        words = tip.words_of(msg_key)
        if not conversation.complains(words, open_tip=tip.is_open):
            return Tally().count(self.notices.follow_up(tip, msg_key, now))
        writer = None if tip.is_anonymous else recipients.reporter(tip.reporter_key)
        return self.complain(tip, msg_key, tip.oa_id, writer, words, now)

    def complaint_above(self, tip: Tip, message_id: str, now: datetime) -> Tally:
        """A tip complaining about a unit (its first message): its first alert also goes
        to the leaders of the unit above that unit (the desk's ladder pages the desk).
        Only for the message that routed it (a later one is an update); keyed by the
        tip, so a redelivery finishes what a crash left and sends nothing twice."""
        profile = self.pager.profile
        if not tip.complaint or message_id not in tip.routed_msgs:
            return Tally()
        if tip.complaint_about not in profile.units:
            return Tally()
        paged = {o.officer_id for o in self.pager.current_officers(tip, now)}
        above = self.pager.on_duty(tip.complaint_about or "", UNIT_ABOVE, now)
        officers = [o for o in above if o.officer_id not in paged]
        alert = messages.alert(routing.alert_input(profile, tip))
        return self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, "complaint-above", alert, now
        )
