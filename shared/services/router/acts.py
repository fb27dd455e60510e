"""What an officer does to a tip (take, resolve, close, note, forward), under the
authority model, in one transaction; then who is told.

The decision is taken inside `store.change_tip` on the tip as that transaction
read it: `shared.core.authority.may` first, then the lifecycle's transition
(`shared.core.tip`). A refusal changes nothing but the trail, and its answer
names the unit (and the holder) and what the officer can do instead. After a
change: the officer's answer, the citizen's notice (each once), the holder's
news when someone else finished their tip, and after a forward the receiving
unit's paging and a word to everyone the tip had reached.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from shared.core import messages, routing
from shared.core import tip as tip_core
from shared.core.authority import Act, may
from shared.core.commands import Verb
from shared.core.jurisdiction import Profile
from shared.core.policy_file import Policies
from shared.core.recipients import Recipient
from shared.core.tip import Acted, Tip, TipChange, TipNote, TipStatus
from shared.core.unit_names import find_unit
from shared.services.dispatch import NOT_REACHED, SendOutcome, Tally, reply_record
from shared.services.notices import CitizenNotices
from shared.services.paging import Pager
from shared.services.router.reading import actor_of
from shared.store.collections import SendKind
from shared.store.ports.line import Applied, LineStore, OfficerRecord, PlannedSend

After = Callable[[], Tally]  # what to do once the officer has their answer

ACTS = {
    Verb.TAKE: Act.TAKE,
    Verb.RESOLVE: Act.FINISH,
    Verb.REJECT: Act.FINISH,
    Verb.TRANSFER: Act.FORWARD,
    Verb.NOTE: Act.NOTE,
    Verb.ASK: Act.FORWARD,  # who may ask the informant: as who may forward the tip
}
NOTIFY_KEY = "fwd"  # alerts/{tip}:fwd-c{cycle}:{officer}: the word that a tip moved on


@dataclass(frozen=True)
class Deed:
    """One officer's command on one tip, as the router read it."""

    verb: Verb
    ref: str
    words: str  # note, reason, or unit and reason (CHUYEN)
    message_id: str  # the officer's message: a redelivery adds no second note


@dataclass
class ReplyTo:
    """The answer to an officer's message: recorded on the tip with the change the
    message makes (issue 18, round 13: no claim and no record of its own), and sent
    after it by `CommandHandler.answer` (`tip_id` set: kept on that tip)."""

    key: str
    oa_id: str
    writer: Recipient
    late: Callable[[str], str]  # the words as sent (a late command says when it came)
    tip_id: str | None = None


@dataclass
class Answers:
    """What an officer is answered about an act on a tip, decided on the tip as the act
    left it: the same words whether recorded with the act's change or sent after it."""

    store: LineStore
    profile: Profile

    def answer_of(self, tip: Tip, done: Acted, act: Act, verb: Verb) -> str | None:
        """The officer's answer to what their message did to the tip; None when it
        depends on what happens after the change (a question: whether Zalo took it)."""
        if done.outcome == "refused":
            return self.refusal(tip, done.reason, act, _action(act, verb))
        if done.outcome == "asked":
            return None
        return self.done_text(tip, done)

    def refusal(self, tip: Tip, reason: str, act: Act, action: str = "") -> str:
        ref = tip.ref
        unit = routing.unit_name(self.profile, tip.unit_id)
        if reason in ("already_taken", "held_by_other"):
            holder = self.store.officer(tip.held_by) if tip.held_by else None
            name = holder.name if holder else ""
            held_at = routing.unit_name(self.profile, tip.holder_unit) or unit
            return messages.refusal(
                reason, ref, unit=held_at, holder=name, action=action or act.value
            )
        return messages.refusal(reason, ref, unit=unit, action=action or act.value)

    def done_text(self, tip: Tip, done: Acted) -> str:
        ref = tip.ref
        if done.outcome == "taken":
            return messages.confirm_take(ref)
        if done.outcome == "transferred":
            return messages.confirm_transfer(ref, routing.unit_name(self.profile, tip.unit_id))
        if done.outcome not in (TipStatus.RESOLVED, TipStatus.CLOSED):
            return messages.confirm_note(ref)
        resolved = done.outcome == TipStatus.RESOLVED
        if done.took:
            return messages.confirm_take_and_finish(ref, resolved)
        return messages.confirm_resolve(ref) if resolved else messages.confirm_reject(ref)


@dataclass
class TipActs:
    store: LineStore
    pager: Pager
    notices: CitizenNotices
    profile: Profile
    policies: Policies

    @property
    def answers(self) -> Answers:
        return Answers(self.store, self.profile)

    def carry_out(
        self, deed: Deed, officer: OfficerRecord, now: datetime, reply: ReplyTo | None = None
    ) -> tuple[str, After | None] | None:
        """The officer's answer, and what to do after it is sent; None when there is
        no tip of that code to act on (none, or a withdrawn one), read in the act's
        own transaction."""
        act = ACTS[deed.verb]
        if deed.verb is Verb.NOTE and not deed.words.strip():
            return messages.note_needs_text(deed.ref), None
        if deed.verb is Verb.ASK and not deed.words.strip():
            return messages.ask_needs_text(deed.ref), None
        to_unit: str | None = None
        up = False
        reason = deed.words
        if deed.verb is Verb.TRANSFER:
            named = find_unit(self.profile, deed.words)
            if len(named.unit_ids) > 1:
                names = [self.profile.unit(u).name for u in named.unit_ids]
                return messages.transfer_ambiguous(deed.ref, deed.words, names), None
            if not named.unit_ids and not named.parent:
                return messages.transfer_which_unit(deed.ref), None
            to_unit = named.unit_ids[0] if named.unit_ids else None
            up, reason = named.parent, named.rest
        actor = actor_of(officer)

        def decide(tip: Tip) -> TipChange | None:
            if tip.status is TipStatus.WITHDRAWN:
                return None  # not a tip to act on: the code was meant otherwise
            if tip.acted_on(deed.message_id) is not None:
                return None  # a redelivery: this message acted already
            change = act_on(tip)
            return tip_core.by_command(change, deed.message_id, tip) if change else None

        def act_on(tip: Tip) -> TipChange | None:
            verdict = may(actor, act, tip, self.profile)
            who = f"officer:{officer.officer_id}"
            if not verdict.allowed:
                return tip_core.refused(tip, who, act.value, verdict.reason)
            if deed.verb is Verb.TAKE:
                return tip_core.take(tip, officer.officer_id, officer.unit_id, now)
            if deed.verb is Verb.RESOLVE:
                return tip_core.resolve(tip, officer.officer_id, officer.unit_id, reason, now)
            if deed.verb is Verb.REJECT:
                return tip_core.close(tip, officer.officer_id, officer.unit_id, reason, now)
            if deed.verb is Verb.ASK:
                return tip_core.ask(tip, officer.officer_id, reason, deed.message_id, now)
            if deed.verb is Verb.NOTE:
                written = TipNote(
                    officer.officer_id, officer.name, officer.unit_id, now, reason, deed.message_id
                )
                return tip_core.note(tip, written)
            target = to_unit
            if up:
                parent = self.profile.parent_of(tip.unit_id) if tip.unit_id else None
                if parent is None:
                    return tip_core.refused(tip, who, act.value, "no_parent")
                target = parent.id
            assert target is not None
            return routing.plan_transfer(
                self.profile, self.policies, tip, now, officer.officer_id, target, reason
            )

        def answer(tip: Tip, _change: TipChange) -> list[PlannedSend]:
            done = tip.acted_on(deed.message_id)
            text = self.answers.answer_of(tip, done, act, deed.verb) if done and reply else None
            if reply is None or text is None:
                return []
            record = reply_record(
                reply.oa_id, reply.writer, reply.late(text), (), "officer", tip.ref
            )
            return [PlannedSend(SendKind.REPLY, reply.key, record, rank=1)]

        # The citizen's notice and the officer's answer with it.
        applied = self.pager.change(deed.ref, decide, now, also=answer)
        tip = applied.tip
        if tip is None or tip.status is TipStatus.WITHDRAWN:
            return None
        if reply is not None:
            reply.tip_id = tip.ref  # the answer is kept on the tip (recorded, or claimed)
        # What this message did: decided now, or by an earlier delivery (answered alike;
        # every send is keyed, so what went out then goes not twice).
        done = tip.acted_on(deed.message_id)
        if done is None:  # an older release's note or question (kept by its message)
            done = Acted(deed.message_id, "asked" if deed.verb is Verb.ASK else "noted")
        if done.outcome == "refused":
            return self._refused(tip, done.reason, act, now, _action(act, deed.verb))
        if done.outcome == "asked":
            return self._ask(applied, tip, deed, now), None  # a redelivery sends nothing twice
        return self._done(applied, tip, done, officer, now)

    def _ask(self, applied: Applied, tip: Tip, deed: Deed, now: datetime) -> str:
        """The question to the informant, in the unit's name (recorded with the tip's
        change, so an outage holds it); the officer hears whether Zalo let it through
        (it does only within a while of the citizen's last message)."""
        key = self.notices.question_key(deed.message_id)
        planned = next((p for p in applied.sends if p.key == key), None)
        if planned is not None:
            outcome: SendOutcome | None = self.pager.dispatch.send_planned(planned, now)
        else:  # a redelivery: the recorded question goes once (the claim rule)
            text = self.notices.question_text(tip, deed.words)
            outcome = self.notices.dispatch.to_citizen(tip, key, text, now)
        return messages.confirm_ask(tip.ref, outcome is not None and outcome not in NOT_REACHED)

    def _refused(
        self, tip: Tip, reason: str, act: Act, now: datetime, action: str = ""
    ) -> tuple[str, After | None]:
        if reason in ("already_taken", "held_by_other"):
            return self.answers.refusal(tip, reason, act, action), None
        after: After | None = None
        if reason == "same_unit":
            # A repeated forward: the tip is there already; finish its paging if need be.
            def after() -> Tally:
                return self.pager.resume(tip, now, "router")

        return self.answers.refusal(tip, reason, act, action), after

    def _done(
        self, applied: Applied, tip: Tip, done: Acted, officer: OfficerRecord, now: datetime
    ) -> tuple[str, After | None]:
        notices, text = self.notices, self.answers.done_text(tip, done)
        if done.outcome == "taken":
            return text, lambda: _quietly(notices.taken(tip, now))
        if done.outcome == "transferred":
            return self._forwarded(applied, tip, done, officer, now)
        if done.outcome not in (TipStatus.RESOLVED, TipStatus.CLOSED):
            return text, None
        tell = notices.resolved if done.outcome == TipStatus.RESOLVED else notices.closed
        holder = done.holder if not done.took else None

        def after() -> Tally:
            tell(tip, now)
            if holder and holder != officer.officer_id:
                return self._tell_holder(tip, holder, officer, now)
            return Tally()

        return text, after

    def _tell_holder(
        self, tip: Tip, holder_id: str, officer: OfficerRecord, now: datetime
    ) -> Tally:
        """A commander (or the desk) finished a tip someone else held: the holder hears."""
        holder = self.store.officer(holder_id)
        if holder is None:
            return Tally()
        unit = routing.unit_name(self.profile, officer.unit_id)
        text = messages.holder_finished_by_other(tip.ref, officer.name, unit, tip.status.value)
        key = f"done-{tip.status.value}"
        return self.pager.dispatch.alert_officers(tip.ref, tip.oa_id, [holder], key, text, now)

    def _forwarded(
        self, applied: Applied, tip: Tip, done: Acted, officer: OfficerRecord, now: datetime
    ) -> tuple[str, After | None]:
        unit = routing.unit_name(self.profile, tip.unit_id)
        from_unit = routing.unit_name(self.profile, officer.unit_id)
        previous_holder = done.holder
        actor = f"officer:{officer.officer_id}"

        def after() -> Tally:
            self.notices.transferred(tip, now)
            if applied.change is not None:
                tally = self.pager.carry_out(applied, now, actor)
            else:  # a redelivery: the receiving unit's step as recorded, nothing twice
                tally = self.pager.resume(tip, now, actor)
            # Everyone the tip had reached before, but the sender, hears where it went.
            told = set(self.store.officers_alerted(tip.ref)) | {previous_holder or ""}
            told -= {officer.officer_id, ""}
            paged_now = {o.officer_id for o in self.pager.current_officers(tip, now)}
            found = self.store.officers(sorted(told - paged_now))
            text = messages.forwarded_notice(tip.ref, officer.name, from_unit, unit)
            cycle = tip.ladder.cycle if tip.ladder else 0
            key = f"{NOTIFY_KEY}-c{cycle}"
            tally.add(
                self.pager.dispatch.alert_officers(
                    tip.ref, tip.oa_id, list(found.values()), key, text, now
                )
            )
            return tally

        return messages.confirm_transfer(tip.ref, unit), after


def _action(act: Act, verb: Verb) -> str:
    return "ask" if verb is Verb.ASK else act.value


def _quietly(_outcome: object) -> Tally:
    # A notice that fails for a passing reason is retried by the escalator's sweep.
    return Tally()
