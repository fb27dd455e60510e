"""The store as the services see it: plain records and the interface they call.

Two implementations keep this contract: Firestore (`shared.store.intake`,
`shared.store.line`, the real ones, proven on the emulator) and memory
(`shared.store.memory`, for use-case tests and benchmarks that need no emulator).
Neither is a fake of Google's client: both implement tinbao's own interface.
Nothing here imports google.*.

Here: the storage errors, what the webhook writes (`IntakeStore`) and publishes
(`Publisher`). What the router and the escalator read and write (`LineStore` and
its records) is `shared.store.ports.line`, which the webhook does not load
(bench/README.md, round 10).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from shared.core.events import DeferredEvent, TipEvent
from shared.core.intake import Inbound, IntakeRules


class StorageError(RuntimeError):
    """The storage backend failed or did not answer: the caller may retry later."""


class Contended(StorageError):
    """Concurrent writers kept winning a transaction; the work is left for a retry."""


class CodeTaken(StorageError):
    """The code drawn for a tip a change starts is another tip's: draw again."""


class StorageRefused(StorageError):
    """The backend refused the write for good (an invalid value, a document over its
    size limit): retrying cannot help, so the caller keeps the input elsewhere."""


@dataclass(frozen=True)
class Quarantined:
    """A validly signed event kept raw because it could not be stored as a message
    (`quarantine/{key}`). Confidential: the raw event holds the citizen's Zalo id."""

    key: str
    reason: str  # shape, unknown_event, refused
    detail: str  # the field that did not fit, or the storage error
    received_at: datetime
    raw: bytes
    event_name: str | None = None
    app_id: str | None = None
    oa_id: str | None = None
    user_id: str | None = None  # confidential: only to answer the citizen
    answered: bool = False


@dataclass(frozen=True)
class IntakeResult:
    """What storing a message did: duplicate or new, its tip and what to publish."""

    duplicate: bool
    kind: str
    tip_id: str | None
    action: str  # open, join, none
    event_kind: str = ""  # what is published: tip.created, tip.updated, question, ...
    seq: int = 0  # the message's number on its tip
    throttled: bool = False


class IntakeStore(Protocol):
    """What the webhook (and the router, for deferred events) writes: each message
    once, joined to its citizen's tip; events that cannot be messages, raw."""

    def resolve_reporter(self, pseudonyms: tuple[str, ...], deadline: float | None = None) -> str:
        """The pseudonym the citizen is known by: the newest one, unless only an
        older key's pseudonym has documents (a key rotation). Each method here that
        takes a monotonic `deadline` is bounded by it (`StorageError` past it)."""
        ...

    def intake(
        self,
        msg: Inbound,
        reporter: str,
        user_id: str,
        redacted_raw: str,
        now: datetime,
        rules: IntakeRules,
        deadline: float | None = None,
    ) -> IntakeResult:
        """Store `msg` once. Contention is retried with jittered backoff until the
        monotonic `deadline` (then `Contended`); `StorageRefused` when Firestore
        refuses the write for good."""
        ...

    def quarantine(
        self, item: Quarantined, retention_days: int, deadline: float | None = None
    ) -> bool:
        """Keep an event raw, once; False when it was already kept."""
        ...

    def record_follow(
        self,
        key: str,
        oa_id: str,
        app_id: str,
        reporter: str,
        user_id: str,
        following: bool,
        now: datetime,
        retention_days: int,
        deadline: float | None = None,
    ) -> bool: ...

    def mark_unpublished(self, tip_id: str | None, message_key: str, now: datetime) -> None: ...


class Publisher(Protocol):
    """Publishes to `tinbao-events`; raises PublishError if not confirmed in time."""

    def publish(self, event: TipEvent | DeferredEvent, timeout: float) -> str: ...


class PublishError(RuntimeError):
    """The message was not confirmed by Pub/Sub within the time allowed."""
