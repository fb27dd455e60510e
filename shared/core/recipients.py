"""Whom a send goes to, as its record names them: the document that holds their
Zalo id, never the id itself.

A send's record (`alerts`, `replies`) lives in the main database, which the public
webhook reaches; the Zalo ids live in contacts (citizens, and anyone who wrote to
the OA) and identity (officers). So a record keeps a reference, `<kind>:<id>`,
named for the collection that holds the id, and the sender looks the id up when
it sends:

- `reporter:<reporter key>` — `reporters/{key}` (contacts): whoever wrote a
  message, answered; the informant of a tip.
- `officer:<officer id>` — `officers/{id}` (identity): an alert, or an officer
  told of a tip.
- `quarantine:<key>` — `quarantine/{key}` (contacts): the writer of an event kept
  raw, told it was received.

A caller that has just read the id passes it along in memory (`zalo_id`), so the
first send needs no second read; it is never written.

A contact (`reporters/{key}`) expires with the retention. The router renews it
when it reads it and less than half the retention is left (`renewal`): at most one
write per citizen per half retention, and every contact the line has just written
to outlives by half the retention what it sent, far past Zalo's 7-day window for
answering that citizen.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum


class RecipientKind(StrEnum):
    REPORTER = "reporter"
    OFFICER = "officer"
    QUARANTINE = "quarantine"


@dataclass(frozen=True)
class Recipient:
    kind: RecipientKind
    key: str
    # The Zalo id when the caller has it already: in memory only, never stored or logged.
    zalo_id: str | None = field(default=None, compare=False, repr=False)

    @property
    def ref(self) -> str:
        """What a send's record keeps (`to`)."""
        return f"{self.kind.value}:{self.key}"

    def knowing(self, zalo_id: str | None) -> Recipient:
        return replace(self, zalo_id=zalo_id)


def reporter(key: str, zalo_id: str | None = None) -> Recipient:
    return Recipient(RecipientKind.REPORTER, key, zalo_id)


def officer(officer_id: str, zalo_id: str | None = None) -> Recipient:
    return Recipient(RecipientKind.OFFICER, officer_id, zalo_id)


def quarantined(key: str, zalo_id: str | None = None) -> Recipient:
    return Recipient(RecipientKind.QUARANTINE, key, zalo_id)


def parse(ref: str) -> Recipient:
    """A stored reference back as a recipient; ValueError when it names no kind or id."""
    kind, sep, key = ref.partition(":")
    if not sep or not key or kind not in RecipientKind.__members__.values():
        raise ValueError(f"not a recipient reference: {ref[:40]!r}")
    return Recipient(RecipientKind(kind), key)


def renewal(expire_at: datetime | None, now: datetime, keep_for: timedelta) -> datetime | None:
    """The contact's new expiry when less than half of `keep_for` is left on it (None:
    leave it). Idempotent: once renewed, nothing more for half of `keep_for`."""
    if expire_at is not None and expire_at - now >= keep_for / 2:
        return None
    return now + keep_for
