"""The door: a validly signed Zalo event made durable, as a message, a follow, or
raw in the quarantine.

Shared by the webhook (within Zalo's time budget) and the router (events the
webhook handed to Pub/Sub because Firestore failed or was slow), so that a
message is stored the same way whichever path it took, once, by its message id.

- A user message is stored by `IntakeStore.intake` (its tip, its summary, the
  citizen's state); a follow by `record_follow`.
- An event whose shape we do not model (a field of an unexpected type, a
  `user_send_*` event we do not know) and a message Firestore refuses for good
  (`StorageRefused`) are kept raw in the quarantine; the citizen is still
  answered (the `quarantined` event), and the `intake.quarantined` log line is
  counted by a log-based metric that alerts the operators.
- A passing storage failure (`StorageError`, `Contended`) propagates: the
  webhook then defers the event to Pub/Sub, the router lets Pub/Sub redeliver.

Adding an event kind: model it in `shared.zalo.events`, give it a branch in
`Door.take` that stores it through the store's interface and returns the
`TipEvent` the router acts on, and give that kind a handler in the router.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from shared.core.events import COMMAND_TEXT_CARRIED, TipEvent
from shared.core.intake import IntakeRules
from shared.logs import Logger
from shared.store.ports import IntakeStore, Quarantined, StorageRefused
from shared.zalo import inbound
from shared.zalo.events import (
    AnonymousEvent,
    BodyError,
    FollowEvent,
    KnownEvent,
    LocationEvent,
    MediaEvent,
    OaSendEvent,
    OtherEvent,
    TextEvent,
    load_json,
    parse_event,
)


@dataclass(frozen=True)
class Arrival:
    """A validly signed event as it came, and when it came."""

    raw: bytes
    data: dict[str, Any] | None  # the body as JSON (None: it is not a JSON object)
    event: KnownEvent | OtherEvent | None  # None: its shape did not fit (`problem`)
    problem: BodyError | None
    received_at: datetime
    pseudonyms: tuple[str, ...] = ()  # the citizen's, newest key first (none: no citizen)

    @property
    def key(self) -> str:
        """What the event is stored under: a message's key, a follow's, or the raw's hash."""
        event = self.event
        if isinstance(event, TextEvent | LocationEvent | MediaEvent | AnonymousEvent):
            return inbound.message_key(event.app_id, event.message.msg_id)
        if isinstance(event, FollowEvent) and self.pseudonyms:
            return follow_key(event, self.pseudonyms[0])
        return inbound.raw_key(self.data or {}, self.raw)

    @property
    def oa_id(self) -> str:
        event = self.event
        found = getattr(event, "oa_id", None) if event is not None else None
        return found or inbound.raw_oa_id(self.data or {}) or ""


def follow_key(event: FollowEvent, pseudonym: str) -> str:
    return f"{event.event_name}:{event.oa_id}:{pseudonym}:{event.timestamp}"


def arrival_from_raw(raw: bytes, received_at: datetime, pseudonyms: tuple[str, ...]) -> Arrival:
    """An event the webhook deferred, read again as it came (already verified)."""
    try:
        data: dict[str, Any] | None = load_json(raw)
    except BodyError as exc:
        return Arrival(raw, None, None, exc, received_at, pseudonyms)
    try:
        return Arrival(raw, data, parse_event(data), None, received_at, pseudonyms)  # type: ignore[arg-type]
    except BodyError as exc:
        return Arrival(raw, data, None, exc, received_at, pseudonyms)


@dataclass(frozen=True)
class Taken:
    """What the door did: `event` is what the router acts on (published by the
    webhook when `new`; a deferred event's consumer hands it to the router always,
    since its handlers are idempotent)."""

    status: str  # stored, duplicate, recorded, ignored, quarantined
    new: bool
    event: TipEvent | None = None
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Door:
    """Intake's door: stores, classifies and plans each message, wherever it came in."""

    store: IntakeStore
    classify: Callable[[str], Any]
    parse_command: Callable[[str], Any]
    rules: IntakeRules
    quarantine_days: int
    log: Logger

    def take(self, arrival: Arrival, deadline: float | None = None) -> Taken:
        """Store what arrived (within the monotonic `deadline` when given: every
        storage call on every path is bounded by it, so the webhook can run this on
        the request's own thread); raises `StorageError` when storage failed for a
        passing reason or ran out of time."""
        event, now = arrival.event, arrival.received_at
        if event is None:
            problem = arrival.problem
            detail = f"{problem.field}: {problem.reason}" if problem else "unreadable"
            return self.quarantine(arrival, "shape", detail, deadline)
        if isinstance(event, TextEvent | LocationEvent | MediaEvent | AnonymousEvent):
            return self._message(arrival, event, now, deadline)
        if isinstance(event, FollowEvent):
            return self._follow(arrival, event, now, deadline)
        if isinstance(event, OaSendEvent) and event.oa_id is not None and arrival.pseudonyms:
            return self._oa_reply(arrival, event, now, deadline)
        if event.event_name.startswith("user_send_"):
            # A citizen's message of a kind we do not model yet: kept, answered.
            return self.quarantine(arrival, "unknown_event", event.event_name, deadline)
        return Taken("ignored", False, fields={"event_name": event.event_name})

    def _message(
        self,
        arrival: Arrival,
        event: TextEvent | LocationEvent | MediaEvent | AnonymousEvent,
        now: datetime,
        deadline: float | None,
    ) -> Taken:
        reporter = self.store.resolve_reporter(arrival.pseudonyms, deadline)
        msg = inbound.to_inbound(event, self.classify, self.parse_command)
        raw = inbound.redact(arrival.raw, event.user_id, reporter)
        try:
            result = self.store.intake(msg, reporter, event.user_id, raw, now, self.rules, deadline)
        except StorageRefused as exc:
            return self.quarantine(arrival, "refused", str(exc), deadline)
        fields = {
            "event_name": event.event_name,
            "message_key": msg.key,
            "kind": result.kind,
            "tip_id": result.tip_id,
            "action": result.action,
            "seq": result.seq,
            "throttled": result.throttled,
        }
        kind = result.event_kind or result.kind
        # A command carries its words and writer, so the router need not read it.
        carried = kind == "command" and len(msg.text) <= COMMAND_TEXT_CARRIED
        routed = TipEvent(
            kind=kind,  # type: ignore[arg-type]
            tip_id=result.tip_id,
            message_id=msg.key,
            oa_id=event.oa_id,
            at=now,
            throttled=result.throttled,
            reporter_key=reporter if carried else None,
            text=msg.text if carried else None,
        )
        status = "duplicate" if result.duplicate else "stored"
        return Taken(status, not result.duplicate, routed, fields)

    def _oa_reply(
        self, arrival: Arrival, event: OaSendEvent, now: datetime, deadline: float | None
    ) -> Taken:
        """A person answered a citizen from the OA's chat tool: nothing is stored; the
        router records it on the citizen's open tip (the message key de-duplicates)."""
        assert event.oa_id is not None
        key = "oa:" + inbound.message_key(event.app_id, event.message.msg_id)
        reply = TipEvent(
            kind="oa_reply",
            message_id=key,
            oa_id=event.oa_id,
            at=now,
            reporter_key=self.store.resolve_reporter(arrival.pseudonyms, deadline),
            text=(event.message.text or "").strip()[:2000],
        )
        return Taken("forwarded", True, reply, {"event_name": event.event_name, "message_key": key})

    def _follow(
        self, arrival: Arrival, event: FollowEvent, now: datetime, deadline: float | None
    ) -> Taken:
        reporter = self.store.resolve_reporter(arrival.pseudonyms, deadline)
        key = arrival.key
        following = event.event_name == "follow"
        new = self.store.record_follow(
            key,
            event.oa_id,
            event.app_id,
            reporter,
            event.user_id,
            following,
            now,
            int(self.rules.retention.total_seconds() // 86400),
            deadline,
        )
        routed = TipEvent(kind="follow", message_id=key, oa_id=event.oa_id, at=now)
        return Taken(
            "recorded" if new else "duplicate",
            new,
            routed if following else None,
            {"event_name": event.event_name},
        )

    def quarantine(
        self, arrival: Arrival, reason: str, detail: str, deadline: float | None = None
    ) -> Taken:
        """Keep the event raw (within `deadline`); the citizen (when one can be told)
        is answered."""
        data = arrival.data or {}
        name = data.get("event_name")
        app_id = data.get("app_id")
        user_id = inbound.raw_user_id(data)
        item = Quarantined(
            key=arrival.key,
            reason=reason,
            detail=_clean(detail)[:500],
            received_at=arrival.received_at,
            raw=arrival.raw,
            event_name=_clean(name)[:100] if isinstance(name, str) else None,
            app_id=_clean(app_id)[:100] if isinstance(app_id, str) else None,
            oa_id=_clean(arrival.oa_id)[:100] or None,
            user_id=_clean(user_id) if user_id else None,
        )
        new = self.store.quarantine(item, self.quarantine_days, deadline)
        fields = {"quarantine_key": item.key, "reason": reason, "detail": item.detail}
        # Counted by the log-based metric tinbao_quarantined (infra/monitoring).
        self.log.warning("intake.quarantined", new=new, event_name=item.event_name, **fields)
        answer = None
        if item.user_id and item.oa_id and (item.event_name or "").startswith("user_send_"):
            answer = TipEvent(
                kind="quarantined", message_id=item.key, oa_id=item.oa_id, at=arrival.received_at
            )
        return Taken("quarantined", new, answer, fields)


def _clean(text: str) -> str:
    """Text Firestore can store (a lone surrogate is not UTF-8)."""
    return text.encode("utf-8", "replace").decode("utf-8")
