"""A send's recipient looked up when it is sent, and the contacts the router keeps.

A send record names its recipient (`shared.core.recipients`: `reporter:<key>`,
`officer:<id>`, `quarantine:<key>`); the Zalo id is read here from the database
that holds it, through the store's interface. A handler tells the same person two
or three things (recorded with a change, then sent), and an id never changes
under its reference (a reporter key is derived from it, an officer record keeps
its account), so what was read serves this process a minute.

`keep_for` (the router's: the retention) renews a citizen's contact as it is read
when less than half of it is left; the escalator, which may only read contacts,
has none (`shared.store.collections.REACH`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from shared.core import recipients
from shared.core.recipients import Recipient, RecipientKind
from shared.store.ports.line import LineStore, Reporter

# What was read serves the next minute's sends (real time: one handler's, or the
# next delivery's); a bound on memory, not a policy.
KEPT_SECONDS = 60.0
KEPT_MAX = 10_000


@dataclass
class Recipients:
    store: LineStore
    keep_for: timedelta | None = None  # renew contacts read with less than half of it left
    monotonic: Callable[[], float] = time.monotonic
    _kept: dict[str, tuple[str, float]] = field(default_factory=dict)  # ref -> (id, until)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def zalo_id(self, to: Recipient, now: datetime) -> str | None:
        """The Zalo id `to` names (None: nobody can be found under it any more)."""
        if to.zalo_id:
            return to.zalo_id
        with self._lock:
            kept = self._kept.get(to.ref)
        if kept is not None and self.monotonic() < kept[1]:
            return kept[0]
        found = self._look_up(to, now)
        if found:
            self._keep(to.ref, found)
        return found

    def contact(self, key: str, now: datetime) -> Reporter | None:
        """A citizen's contact (anyone who wrote to the OA), renewed if it is running
        out; what is read serves the sends to them that follow."""
        found = self.store.reporter(key)
        if found is None:
            return None
        if self.keep_for is not None:
            until = recipients.renewal(found.expire_at, now, self.keep_for)
            if until is not None:
                self.store.keep_contact(key, until)
        if found.zalo_user_id:
            self._keep(recipients.reporter(key).ref, found.zalo_user_id)
        return found

    def writer(self, key: str, now: datetime) -> Recipient | None:
        """Whoever wrote under reporter key `key`, with their Zalo id (None: unknown)."""
        found = self.contact(key, now)
        if found is None or not found.zalo_user_id:
            return None
        return recipients.reporter(key, found.zalo_user_id)

    def _look_up(self, to: Recipient, now: datetime) -> str | None:
        if to.kind is RecipientKind.REPORTER:
            contact = self.contact(to.key, now)
            return contact.zalo_user_id if contact else None
        if to.kind is RecipientKind.OFFICER:
            officer = self.store.officer(to.key)
            return officer.zalo_user_id if officer else None
        item = self.store.quarantined(to.key)
        return item.user_id if item else None

    def _keep(self, ref: str, zalo_id: str) -> None:
        until = self.monotonic() + KEPT_SECONDS
        with self._lock:
            if len(self._kept) >= KEPT_MAX:
                self._kept.clear()  # refilled on demand
            self._kept[ref] = (zalo_id, until)
