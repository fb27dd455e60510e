"""The router's tip use cases: a citizen's tip routed and its officers paged; what
the citizen adds later brought to whoever has the tip before them, in updates
that never come faster than one per tip every few minutes
(`shared.services.followups`).

One transaction reads the tip and decides (route it, or move a desk tip to its
ward once a location makes the ward known) and records the sends that decision
calls for (the first step's alerts, the citizen's acknowledgement); they go out
from that decision, with no second read. A repeated delivery decides nothing and
only resumes the current step, whose sends are claimed, so nothing goes out twice.

Before a tip is routed, its sender is looked up (the reporter, then the officer
with that Zalo account: two reads, once per tip): a tip an officer's message
opened is withdrawn and the message goes to the officers' use case (a field
note, a command written loosely), never to the desk as a citizen's tip.
Then the citizen's earlier tip it may be about is looked for (a query on `tips`
by reporter), unless intake opened it as the citizen's first (`Tip.first_tip`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from shared.core import conversation, messages, routing
from shared.core import tip as tip_core
from shared.core.events import TipEvent
from shared.core.jurisdiction import Profile
from shared.core.ladder import Target
from shared.core.policy_file import Policies
from shared.core.tip import Tip, TipChange, TipStatus
from shared.logs import Logger
from shared.services.dispatch import Tally
from shared.services.followups import FollowUps
from shared.services.notices import CitizenNotices
from shared.services.paging import Pager
from shared.services.router.commands import CommandHandler, Sender
from shared.services.router.conversation import TipTalk
from shared.services.router.incidents import Incidents
from shared.store.ports.line import Applied, LineStore

ACTOR = "router"
WARD_ON_DUTY = (Target("self", "duty_officer"),)


@dataclass
class TipHandler:
    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile
    policies: Policies
    followups: FollowUps
    log: Logger
    officers: CommandHandler
    talk: TipTalk | None = None  # the citizen's earlier tip a new one may reopen
    incidents: Incidents | None = None  # a message that joined the open tip, elsewhere

    def on_tip(self, event: TipEvent, now: datetime) -> Tally:
        ref, message_id = event.tip_id or "", event.message_id
        new = event.kind == "tip.updated"

        def decide(tip: Tip) -> TipChange | None:
            if tip.status in (TipStatus.RECEIVED, TipStatus.WITHDRAWN):
                return None  # whose it is comes first (below)
            return self._decide(tip, message_id, new, now)

        split = self.incidents if new else None
        # No new message: a read, no transaction (the routing writes it only unchanged).
        applied, into = (
            split.change(ref, message_id, new, decide, now)
            if split
            else (self.store.read_tip(ref), None)
        )
        tip = applied.tip
        if tip is None:
            self.log.error("router.unknown_tip", tip_id=ref)
            return Tally()
        # Another incident than this tip's: it goes to a tip of its own.
        moved = split.follow(tip, into, event, now, self.on_tip, self._kept) if split else None
        if moved is not None:
            return moved
        if tip.status in (TipStatus.RECEIVED, TipStatus.WITHDRAWN):
            sender = self.officers.sender(tip.reporter_key, now)
            if sender is not None:
                return self._from_officer(tip, message_id, sender, now)
            if tip.status is TipStatus.WITHDRAWN:
                tally = self._joined(tip, message_id, new, now)
                self.store.mark_handled(message_id, now)  # its officer is gone: nothing to do
                return tally
            earlier = self._earlier(tip, now)
            if earlier is not None:
                self.store.change_tip(ref, lambda t: tip_core.join_into(t, earlier.ref), now)
                assert self.talk is not None  # an earlier tip is found through it
                tally = self.talk.into_earlier(tip, earlier, message_id, now)
                self.store.mark_handled(message_id, now)
                return tally
            route = lambda t: self._decide(t, message_id, new, now)  # noqa: E731
            applied = self.pager.change(ref, route, now, seen=applied.seen)
        return self._followed(applied, message_id, new, event, now)

    def _kept(self, event: TipEvent, now: datetime) -> Tally:
        """A message that stays with its tip after all (its incident's tip is finished)."""
        decide = lambda t: self._decide(t, event.message_id, True, now)  # noqa: E731
        applied = self.pager.change(event.tip_id or "", decide, now)
        return self._followed(applied, event.message_id, True, event, now)

    def _followed(
        self, applied: Applied, message_id: str, new: bool, event: TipEvent, now: datetime
    ) -> Tally:
        """What a routing decision, or a message that joined the tip, calls for."""
        tip = applied.tip
        assert tip is not None
        ref = tip.ref
        tally = Tally()
        if applied.change is not None and applied.change.decision is not None:
            # Routed (or moved to its ward) just now: the new unit's first step.
            tally = self.pager.carry_out(applied, now, ACTOR)
            if applied.change.outcome == "rerouted":
                tally.add(self._news.moved(tip, now))
            tally.add(self._news.ward(tip, now))
        elif applied.change is not None and applied.change.outcome == "located":
            tally.add(self._news.ward(tip, now))
            tally.add(self._news.located(tip, now))
        else:
            if new and tip.is_assigned:
                # A plea that makes the tip urgent is told at once, whatever the pause
                # between updates (and once only: severity never rises twice).
                urgent = self._severity.rejudged(tip, message_id, now)
                if urgent is not None:
                    tally.add(urgent)  # the update marked urgent carries what was pending
                    tip = self.store.tip(ref) or tip
                else:
                    tally.add(
                        self.followups.on_message(
                            tip, message_id, event.throttled, now, ACTOR, seen=applied.seen
                        )
                    )
                    if not event.throttled and self.talk is not None:
                        tally.add(self.talk.joined(tip, message_id, now))
            # A redelivery finishes what the routing left; for later messages, the sweep.
            again = not new and not event.throttled
            if tip.status is TipStatus.ROUTED and again:
                # A step a crashed delivery left undone (beyond fair use: the escalator's).
                tally.add(self.pager.resume(tip, now, ACTOR))
            # Recorded with the routing and sent then; again here (once) if that died.
            # Beyond fair use nothing new is owed (the escalator retries a crashed notice).
            if applied.change is not None or again:
                self.notices.acknowledge(tip, now)
        tally.add(self.talk.complaint_above(tip, message_id, now) if self.talk else Tally())
        self.store.mark_handled(message_id, now)
        return tally

    def on_oa_reply(self, event: TipEvent, now: datetime) -> Tally:
        """Someone answered the citizen from the OA's chat tool: the reply joins their
        open tip, which counts as taken by the desk if nobody held it."""
        open_tip = self.store.open_tip_of(event.reporter_key) if event.reporter_key else None
        if open_tip is None:
            self.log.info("router.oa_reply_without_tip", message_key=event.message_id)
            return Tally()
        name, text = messages.oa_chat_reply_note(event.text or "")

        def decide(tip: Tip) -> TipChange | None:
            reply = tip_core.TipNote(
                tip_core.OA_CHAT, name, tip.unit_id or "", now, text, event.message_id
            )
            return tip_core.answered_in_oa_chat(tip, reply, now)

        applied = self.store.change_tip(open_tip, decide, now)
        outcome = applied.change.outcome if applied.change else "unchanged"
        self.log.info("router.oa_reply", tip_id=open_tip, outcome=outcome)
        return Tally()

    @property
    def _news(self) -> MoveNews:
        return MoveNews(self.store, self.pager, self.notices, self.profile)

    @property
    def _severity(self) -> Severity:
        return Severity(self.store, self.pager, self.notices, self.profile, self.policies)

    def _earlier(self, tip: Tip, now: datetime) -> Tip | None:
        """The citizen's current tip this new tip's first message is about, if any: nobody
        came or it is back (finished), why nobody came yet or to withdraw it (open), a
        complaint about the police, within the window (core/conversation.about_current)."""
        if self.talk is None or tip.split_from is not None or tip.first_tip:
            return None  # split off (another incident), or the citizen's first: no query
        current = self.talk.current(tip.reporter_key, now, besides=tip.ref)
        if current is None:
            return None
        if self.talk.asked(current, now):
            # The answer to an officer's question (HOI), unless it tells another incident.
            split = self.incidents is not None and self.incidents.separate(current, tip)
            return None if split else current
        return current if conversation.about_current(tip.text, current.is_open) else None

    def _joined(self, tip: Tip, message_id: str, new: bool, now: datetime) -> Tally:
        """A tip withdrawn into the earlier tip its message was about: a redelivery
        finishes what the first delivery left; what joined it later goes to the earlier
        tip's officers."""
        if tip.joined_into is None or self.talk is None:
            return Tally()
        earlier = self.store.tip(tip.joined_into)
        if earlier is None:
            return Tally()
        if not new:
            return self.talk.into_earlier(tip, earlier, message_id, now)
        text = tip.words_of(message_id)
        writer = self.pager.dispatch.recipients.writer(tip.reporter_key, now)
        if not text or writer is None:
            return Tally()
        return self.talk.forward(earlier, message_id, tip.oa_id, writer, text, now)

    def _from_officer(self, tip: Tip, message_id: str, sender: Sender, now: datetime) -> Tally:
        """An officer wrote this: not a citizen's tip, but the officer's message."""
        self.store.change_tip(tip.ref, tip_core.withdraw, now)
        msg = self.store.message(message_id)
        if msg is None or msg.handled:
            return Tally()
        text = tip.words_of(message_id)
        extras = messages.field_extras(
            [messages.Location(x.lat, x.lng) for x in tip.locations if x.msg == message_id],
            [
                messages.Attachment(a.type or "file", a.url, a.name or "")
                for a in tip.attachments
                if a.msg == message_id and a.url
            ],
        )
        return self.officers.answer(
            message_id,
            tip.oa_id,
            sender.to,
            sender.officer,
            text,
            now,
            extras,
            received_at=msg.received_at,
        )

    def _decide(self, tip: Tip, message_id: str, new: bool, now: datetime) -> TipChange | None:
        if tip.status is TipStatus.RECEIVED:
            return routing.plan_route(self.profile, self.policies, tip, now)
        if new and tip.pending:
            moved = routing.plan_reroute(self.profile, self.policies, tip, now)
            return moved or routing.plan_locate(self.profile, tip)
        return None


@dataclass
class Severity:
    """A tip's severity judged again on each later message: it can rise, never fall."""

    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile
    policies: Policies

    def rejudged(self, tip: Tip, message_id: str, now: datetime) -> Tally | None:
        """Severity judged again on this message: when it makes the tip urgent, the
        ladder has switched to the urgent schedule, everyone the tip has paged gets
        an update marked urgent, and the citizen the emergency numbers (once each;
        a redelivery finishes what the first delivery left). None: not urgent now."""
        text = tip.words_of(message_id)
        if tip.urgent_msg != message_id and not routing.reads_urgent(text):
            return None  # decided on the tip in hand: no second read of it
        # The citizen's emergency numbers are recorded with the change (an outage holds them).
        applied = self.pager.change(
            tip.ref,
            lambda t: routing.plan_urgency(self.profile, self.policies, t, message_id, text, now),
            now,
        )
        raised = applied.tip
        if raised is None or raised.urgent_msg != message_id:
            return None
        ids = {*self.store.officers_alerted(raised.ref), *filter(None, [raised.held_by])}
        officers = [o for o in self.store.officers(ids).values() if o.active]
        unit = self.notices.unit_name(raised.unit_id)
        # Everything the officers had not been told yet (this plea last), as update
        # number `told_updates`: its key is the grouped path's, so neither repeats it.
        # (A redelivery after a later update: this plea's words alone, keyed by it.)
        key, told = f"urgent-{message_id}", text
        if raised.told_by == message_id:
            first, last = raised.told_from + 1, raised.told_count
            key = f"u{raised.told_updates}"
            told = "\n".join(t.text for t in raised.texts if first <= t.seq <= last and t.text)
        update = messages.now_urgent(raised.ref, unit, told or text, raised.is_held)
        tally = self.pager.dispatch.alert_officers(
            raised.ref, raised.oa_id, officers, key, update, now
        )
        if applied.change is not None:
            return tally.add(self.pager.carry_out(applied, now, ACTOR))
        tally.count(self.notices.now_urgent(raised, now))  # a redelivery: recorded, sent once
        return tally


@dataclass
class MoveNews:
    """Who hears where a tip is: the ward where a department's tip happens, everyone
    it reached once its ward is known, and whoever it leaves when it moves."""

    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile

    def ward(self, tip: Tip, now: datetime) -> Tally:
        """A tip another unit (a department) has, told to the ward where it happens, once."""
        ward = routing.ward_unit(self.profile, tip)
        if ward is None:
            return Tally()
        officers = self.pager.on_duty(ward, WARD_ON_DUTY, now)
        context = messages.AlertContext(copy_for=self.notices.unit_name(tip.unit_id))
        text = messages.alert(routing.alert_input(self.profile, tip), context)
        return self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, f"ward-{ward}", text, now
        )

    def located(self, tip: Tip, now: datetime) -> Tally:
        """Everyone the tip had reached hears the ward now known (their alert said unknown)."""
        ward = self.profile.ward_by_code(tip.ward_code or "")
        if ward is None:
            return Tally()
        found = self.store.officers(self.store.officers_alerted(tip.ref))
        ward_officers = {o.officer_id for o in self.pager.on_duty(ward.id, WARD_ON_DUTY, now)}
        officers = [o for o in found.values() if o.active and o.officer_id not in ward_officers]
        name = routing.ward_name(self.profile, tip.ward_code) or ward.name
        text = messages.ward_found(tip.ref, name)
        return self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, f"located-{tip.ward_code}", text, now
        )

    def moved(self, tip: Tip, now: datetime) -> Tally:
        """A desk tip moved to its ward: the officers it had paged hear where it went
        (and that it is no longer theirs), the citizen which unit handles it now."""
        paged_now = {o.officer_id for o in self.pager.current_officers(tip, now)}
        told = sorted(set(self.store.officers_alerted(tip.ref)) - paged_now)
        found = self.store.officers(told)
        desk = self.notices.unit_name(self.profile.desk_id)
        text = messages.moved_notice(tip.ref, desk, self.notices.unit_name(tip.unit_id))
        cycle = tip.ladder.cycle if tip.ladder else 0
        # The citizen's notice was recorded with the move and sent by carry_out.
        return self.pager.dispatch.alert_officers(
            tip.ref,
            tip.oa_id,
            [o for o in found.values() if o.active],
            f"moved-c{cycle}",
            text,
            now,
        )
