"""Messages stored but handled by no router, republished by the escalator's sweep
(a message's `due_at`, the outbox's safety net, written with the message itself).

A message is republished after `sweeps.unrouted_after`, then after twice as
long each time, at most every `sweeps.republish_at_most`, until a router
handles it. The sweep never marks a message handled: after a router outage,
a command or question still takes effect when a router gets to it. A tip whose
first message was republished `REPUBLISH_ATTEMPTS` times goes to the desk as it
is (routing keeps failing on it, or no router has been there for long); the
sweep then stops on that message, as it does on any message older than
`sweeps.give_up_after` (logged as an error; the message stays unhandled).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from shared.core import routing
from shared.core.events import COMMAND_TEXT_CARRIED, TipEvent
from shared.core.jurisdiction import Profile
from shared.core.policy_file import Policies
from shared.logs import Logger
from shared.services.dispatch import Tally
from shared.services.paging import Pager
from shared.store.ports import Publisher, PublishError
from shared.store.ports.line import DueItem, LineStore

ACTOR = "escalator"
REPUBLISH_ATTEMPTS = 3


@dataclass
class Swept:
    republished: int = 0
    to_desk: int = 0
    tally: Tally = field(default_factory=Tally)  # what the desk's first step sent


@dataclass
class Republisher:
    store: LineStore
    pager: Pager
    publisher: Publisher | None
    profile: Profile
    policies: Policies
    log: Logger

    def sweep(self, item: DueItem, now: datetime) -> Swept:
        assert item.message_id is not None
        msg = self.store.message(item.message_id)
        if msg is None or msg.handled:
            self.store.drop_due(item.id)
            return Swept()
        sweeps = self.policies.sweeps
        if item.attempts >= REPUBLISH_ATTEMPTS and item.event_kind == "tip.created":
            # Never leave a tip in silence: the desk does the routing's work.
            swept = self._to_desk(item.tip_id, now) if item.tip_id else Swept()
            self._give_up(item, "routed_to_desk", now)
            return swept
        if now - (msg.received_at or now) >= sweeps.give_up_after:
            self._give_up(item, "too_old", now)
            return Swept()
        if self.publisher is None:
            raise PublishError("no publisher configured")
        # A command goes out as the webhook published it: its words and writer with it
        # (the router does not read its message), and when it came (a late one says so).
        carried = item.event_kind == "command" and len(msg.text or "") <= COMMAND_TEXT_CARRIED
        self.publisher.publish(
            TipEvent(
                kind=item.event_kind,  # type: ignore[arg-type]
                tip_id=item.tip_id,
                message_id=item.message_id,
                oa_id=item.oa_id or "",
                at=msg.received_at or now,
                reporter_key=msg.sender_key if carried else None,
                text=(msg.text or "") if carried else None,
            ),
            timeout=10,
        )
        wait = sweeps.republish_wait(item.attempts)
        self.store.reschedule(item.id, now + wait, attempts=item.attempts + 1)
        return Swept(republished=1)

    def _give_up(self, item: DueItem, reason: str, now: datetime) -> None:
        """The sweep stops; the message stays unhandled for a router that gets to it."""
        assert item.message_id is not None
        self.log.error(
            "escalator.gave_up_on_message",
            message_key=item.message_id,
            tip_id=item.tip_id,
            kind=item.event_kind,
            reason=reason,
        )
        self.store.give_up_message(item.message_id, now)

    def _to_desk(self, ref: str, now: datetime) -> Swept:
        """Routing kept failing: the desk takes the tip as it is, now (the citizen's
        acknowledgement recorded with that change)."""
        # As it is: a tip too damaged to read is repaired enough for the desk to see it.
        applied = self.pager.change(
            ref,
            lambda t: routing.plan_to_desk(
                self.profile, self.policies, t, now, "routing failed repeatedly"
            ),
            now,
            salvage=True,
        )
        if applied.tip is None or applied.change is None or applied.change.decision is None:
            return Swept()
        return Swept(to_desk=1, tally=self.pager.carry_out(applied, now, ACTOR))
