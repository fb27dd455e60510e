"""Separate incidents stay separate: a message that joined a citizen's open tip
but tells another incident (`shared.core.incidents`) leaves it, for a tip of its
own (linked to the first, routed on its own, its code told to the citizen) or for
the tip an earlier message about that incident started.

Idempotent under redelivery: the open tip records which message left it and for
which tip, in the same transaction that creates the new tip, so a redelivery
finds the split made and only finishes what follows (routing, sends: claimed).
A message about an incident split off before joins that tip first and leaves
the open tip second, so a crash between the two leaves it where a redelivery
finds it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from shared.core import incidents as incidents_core
from shared.core import refcode, routing
from shared.core import tip as tip_core
from shared.core.events import TipEvent
from shared.core.incidents import IncidentRules, Verdict
from shared.core.jurisdiction import Profile
from shared.core.tip import Tip, TipChange
from shared.logs import Logger
from shared.services.dispatch import Tally
from shared.services.followups import FollowUps
from shared.services.paging import Pager
from shared.store.ports import CodeTaken
from shared.store.ports.line import Applied, LineStore

ACTOR = "router"
Decide = Callable[[Tip], TipChange | None]
Route = Callable[[TipEvent, datetime], Tally]


@dataclass
class Incidents:
    store: LineStore
    pager: Pager
    followups: FollowUps
    profile: Profile
    rules: IncidentRules
    new_code: Callable[[], str]
    log: Logger

    def change(
        self, ref: str, message_id: str, new: bool, otherwise: Decide, now: datetime
    ) -> tuple[Applied, str | None]:
        """`pager.change(ref, otherwise)`, unless message `message_id` (new on the
        tip) tells another incident: then it is split off to a new tip in the same
        change, or (second value) it is about the tip an earlier split started."""
        known: list[str] = []

        def decide(code: str) -> Decide:
            def decision(tip: Tip) -> TipChange | None:
                known.clear()
                found = self._incident(tip, message_id) if new else None
                if found is not None and found.into is not None:
                    known.append(found.into)  # it joins that tip first (`follow`)
                    return None
                if found is not None:
                    return tip_core.split(tip, routing.split_off(found, message_id, code, now))
                return otherwise(tip)

            return decision

        applied = self._drawing(ref, decide, now)
        return applied, (known[0] if known else None)

    def follow(
        self,
        tip: Tip,
        into: str | None,
        event: TipEvent,
        now: datetime,
        route: Route,
        stay: Route,
    ) -> Tally | None:
        """What follows `change` for a message that left `tip`; None: it stayed."""
        message_id = event.message_id
        if into is not None:
            return self._into_related(tip, into, event, now, route, stay)
        split_to = tip.split_to(message_id)
        if split_to is None:
            return None
        return self._split(tip, split_to, event, now, route)

    def separate(self, current: Tip, new: Tip) -> bool:
        """Whether a new tip's first message tells another incident than `current`'s
        (a tip it would otherwise join: the one an officer asked the citizen about)."""
        message = routing.new_message(self.profile, new.text, new.location)
        if message is None:
            return False
        return incidents_core.decide(incidents_core.incident_of(current), message, self.rules).split

    def _incident(self, tip: Tip, message_id: str) -> Verdict | None:
        return routing.incident(self.profile, self.rules, tip, message_id)

    def _split(
        self, tip: Tip, split_to: str, event: TipEvent, now: datetime, route: Route
    ) -> Tally:
        """The message left `tip` for `split_to` (now or in an earlier delivery), which
        goes on as any tip would: routed if new (its own code to the citizen), its
        officers told of the message if it joined one (each idempotent)."""
        message_id = event.message_id
        reason = next(s.reason for s in tip.split_off if s.msg == message_id)
        self.log.info("router.split", tip_id=tip.ref, new_tip_id=split_to, reason=reason)
        if reason == "related":
            joined = self.store.tip(split_to)
            tally = Tally()
            if joined is not None and joined.is_assigned:
                tally = self.followups.on_message(joined, message_id, event.throttled, now, ACTOR)
            self.store.mark_handled(message_id, now)
            return tally
        created = TipEvent(
            kind="tip.created",
            tip_id=split_to,
            message_id=message_id,
            oa_id=event.oa_id,
            at=event.at,
            throttled=event.throttled,
        )
        return route(created, now)

    def _into_related(
        self,
        tip: Tip,
        into: str,
        event: TipEvent,
        now: datetime,
        route: Route,
        stay: Route,
    ) -> Tally:
        """The message is about an incident split off `tip` before: it joins that tip
        first (its words read from `tip` before they leave it), then leaves `tip`."""
        message_id = event.message_id
        applied = self.store.change_tip(
            into, lambda t: tip_core.take_in(t, tip, message_id, now), now
        )
        found = self._incident(tip, message_id)
        if applied.tip is not None and applied.tip.is_open and found is not None:
            off = routing.split_off(found, message_id, into, now)
            done = self.store.change_tip(
                tip.ref, lambda t: tip_core.split(t, off, existing=True), now
            )
            return self._split(done.tip or tip, into, event, now, route)
        # That tip is finished or gone: decided as if it had never been split off.
        self.log.info("router.related_finished", tip_id=tip.ref, related=into)
        rest = replace(tip, split_off=tuple(s for s in tip.split_off if s.ref != into))
        again = self._incident(rest, message_id)
        if again is None or again.into is not None:
            return stay(event, now)
        applied = self._drawing(
            tip.ref,
            lambda code: (
                lambda t: tip_core.split(t, routing.split_off(again, message_id, code, now))
            ),
            now,
        )
        split_to = applied.tip.split_to(message_id) if applied.tip else None
        if applied.tip is None or split_to is None:
            return Tally()
        return self._split(applied.tip, split_to, event, now, route)

    def _drawing(self, ref: str, decide: Callable[[str], Decide], now: datetime) -> Applied:
        """`pager.change` with a fresh code for a tip the change may start, drawn
        again while the code drawn is another tip's."""
        for _ in range(refcode.CODE_ATTEMPTS - 1):
            try:
                return self.pager.change(ref, decide(self.new_code()), now)
            except CodeTaken:
                continue
        return self.pager.change(ref, decide(self.new_code()), now)
