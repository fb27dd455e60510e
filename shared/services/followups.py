"""What a citizen adds to a tip already before officers, told to them in updates
that never come faster than one per tip every `every` (a setting): the first
addition goes out at once; what arrives during the pause waits and goes out in
one update when the pause is over (the tip's `update_at`, its entry of the
schedule with the ladder's: run by the escalator),
saying how many messages it groups. Messages beyond the citizen's fair use never
bring an update forward: they wait for the next one.

The decision is `shared.core.tip.tell`, taken in a transaction on the tip; an
update's sends are keyed by its number (`u<n>`), so a redelivery, or a run of
the escalator after a crash, sends only what was not sent.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from shared.core import messages
from shared.core import tip as tip_core
from shared.core.delivery import CLAIM_LAPSES_AFTER
from shared.core.tip import Tip, TipChange
from shared.logs import Logger
from shared.services.dispatch import Tally
from shared.services.paging import Pager
from shared.store.ports.line import LineStore

FLUSH = "flush"


@dataclass
class FollowUps:
    store: LineStore
    pager: Pager
    every: timedelta
    log: Logger

    def on_message(
        self,
        tip: Tip,
        message_id: str,
        throttled: bool,
        now: datetime,
        actor: str,
        *,
        seen: object | None = None,
    ) -> Tally:
        """Message `message_id` joined `tip`, which is before officers; `seen`: the
        store's token of the read that found `tip` (`Applied.seen`), if nothing
        changed it since."""
        if tip.pending == 0:
            # Already told (by the first alert or an update); a repeated delivery of
            # the message that decided the last update finishes its sends.
            return self._send(tip, now) if tip.told_by == message_id else Tally()
        if not throttled:
            applied = self.store.change_tip(
                tip.ref,
                lambda t: tip_core.tell(t, now, message_id, self.every, actor),
                now,
                seen=seen,
            )
            if applied.tip is not None and applied.change is not None:
                return self._send(applied.tip, now)
            tip, seen = applied.tip or tip, applied.seen
        if tip.pending:
            # Waits for the pause's end: on the tip, decided on the read above.
            self.store.change_tip(tip.ref, self._waits(now), now, seen=seen)
        return Tally()

    def _waits(self, now: datetime) -> Callable[[Tip], TipChange | None]:
        """The tip's update entry: the pause's end, none once nothing waits."""
        return lambda t: tip_core.update_due(t, max((t.told_at or now) + self.every, now))

    def flush(self, ref: str, now: datetime, actor: str) -> Tally:
        """The pause is over: whatever waited, in one update."""
        recheck = now + CLAIM_LAPSES_AFTER  # a run that dies before sending: the next's
        applied = self.store.change_tip(
            ref, lambda t: tip_core.tell(t, now, FLUSH, self.every, actor, recheck), now
        )
        tip = applied.tip
        if tip is None:
            return Tally()
        # Decided now, or by a run that stopped before sending: sends are keyed.
        tally = self._send(tip, now) if tip.told_updates else Tally()
        # Sent (or recorded for the sweep): the entry moves to the next pause's end if
        # more waits, or goes; decided on the tip as read when nothing was told.
        self.store.change_tip(ref, self._waits(now), now, seen=applied.seen)
        return tally

    def _send(self, tip: Tip, now: datetime) -> Tally:
        """Update number `tip.told_updates`: messages told_from+1..told_count."""
        first, last = tip.told_from + 1, tip.told_count
        if tip.told_updates == 0 or last < first:
            return Tally()
        texts = [t.text for t in tip.texts if first <= t.seq <= last and t.text]
        spots = [x for x in tip.locations if first <= x.seq <= last]
        files = tuple(
            messages.Attachment(a.type or "file", a.url, a.name or "")
            for a in tip.attachments
            if first <= a.seq <= last and a.url
        )
        location = messages.Location(spots[-1].lat, spots[-1].lng) if spots else None
        count = last - first + 1
        if count == 1:
            if not (texts or location or files):
                return Tally()  # a sticker, or thanks with no words: nothing new
            text = messages.tip_update(tip.ref, "\n".join(texts), location, files, tip.is_held)
        else:
            text = messages.tip_update_grouped(
                tip.ref, count, tuple(texts), location, files, tip.is_held
            )
        officers = self.pager.current_officers(tip, now)
        tally = self.pager.dispatch.alert_officers(
            tip.ref, tip.oa_id, officers, f"u{tip.told_updates}", text, now
        )
        self.log.info(
            "followup.sent",
            tip_id=tip.ref,
            update=tip.told_updates,
            messages=count,
            officers=len(officers),
            sent=tally.sent,
        )
        return tally
