"""A Zalo webhook request, judged and reduced to the message tinbao keeps.

`judge` decides a request (reject it, the console's test, or accept an event);
`to_inbound` turns an accepted user message into a `shared.core.intake.Inbound`;
`pseudonyms` are the citizen's pseudonymous keys. Pure: no clock, no storage,
no network (the time is passed in).

A validly signed event is accepted even when its shape is not what we model:
`Accepted.problem` names what did not fit, and the webhook keeps it raw in the
quarantine rather than refusing it (Zalo may never send it again).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from shared.core.intake import ANONYMOUS_KEY_PREFIX, AttachmentRef, Inbound, Kind, Location
from shared.zalo import signature
from shared.zalo.events import (
    CONSOLE_TEST_MSG_ID,
    AnonymousEvent,
    BodyError,
    KnownEvent,
    LocationAttachment,
    MediaAttachment,
    OtherEvent,
    TextEvent,
    UserMessageEvent,
    load_json,
    parse_event,
)
from shared.zalo.oa import OaConfig

MAX_BODY_BYTES = 1024 * 1024
# What decides a message's kind is its opening (a command's keyword and code, a
# tip's words): reading a very long text whole would cost seconds of CPU.
CLASSIFY_CHARS = 2000
COMMAND_CHARS = 2000
# The audit copy's encoder, made once (`json.dumps` with options makes one a call).
_AUDIT_JSON = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


# --- judging a request ------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
    """An event refused: the HTTP status, the error and the field it names."""

    status: int
    error: str
    field: str | None = None

    def body(self) -> dict[str, Any]:
        out: dict[str, Any] = {"error": self.error}
        if self.field:
            out["field"] = self.field
        return out


@dataclass(frozen=True)
class ConsoleTest:
    """The developer console's Test button: answer 200, store nothing."""


@dataclass(frozen=True)
class Accepted:
    """A validly signed, fresh event; `event` is None when its shape did not fit
    (`problem` says where), and the event goes to the quarantine as it came."""

    event: KnownEvent | OtherEvent | None
    oa: OaConfig
    raw: bytes
    data: dict[str, Any]
    problem: BodyError | None = None


def _str_at(data: Mapping[str, Any], *path: str) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _event_oa_id(event: KnownEvent | OtherEvent) -> str | None:
    return getattr(event, "oa_id", None)


def raw_oa_id(data: Mapping[str, Any]) -> str | None:
    """The OA of an event whose shape did not fit, where it can be told."""
    for path in (("recipient", "id"), ("oa_id",)):
        value = _str_at(data, *path)
        if isinstance(value, str) and value:
            return value
    return None


def raw_user_id(data: Mapping[str, Any]) -> str | None:
    """The citizen of an event whose shape did not fit, where it can be told."""
    for path in (("sender", "id"), ("follower", "id")):
        value = _str_at(data, *path)
        if isinstance(value, str) and value:
            return value
    return None


def event_time(timestamp: str) -> datetime | None:
    """The instant of Zalo's `timestamp`: epoch milliseconds (a 10-digit value is
    read as seconds, as some older payloads send); None when it is not a number."""
    if not timestamp.isdigit():
        return None
    value = int(timestamp)
    seconds = value if value < 10**11 else value / 1000
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def judge(
    method: str,
    headers: Mapping[str, str],
    raw: bytes | None,
    oas: list[OaConfig],
    now: datetime,
    max_age: timedelta,
) -> Rejection | ConsoleTest | Accepted:
    """Decide a webhook request. `raw` is None when the body exceeded MAX_BODY_BYTES.
    A signed event older than `max_age` is refused: Zalo's retries end within
    hours, so an old one is a replay (the de-duplication record may be gone)."""
    if method != "POST":
        return Rejection(405, "method not allowed: Zalo posts events")
    if raw is None or len(raw) > MAX_BODY_BYTES:
        return Rejection(413, f"body over {MAX_BODY_BYTES} bytes")
    header = headers.get("X-ZEvent-Signature")
    try:
        data = load_json(raw)
    except BodyError as exc:
        if signature.parse_header(header) is None:
            return Rejection(401, "missing or malformed X-ZEvent-Signature")
        return Rejection(400, exc.reason, exc.field)
    if _str_at(data, "message", "msg_id") == CONSOLE_TEST_MSG_ID:
        return ConsoleTest()
    if signature.parse_header(header) is None:
        return Rejection(401, "missing or malformed X-ZEvent-Signature")
    app_id, timestamp = data.get("app_id"), data.get("timestamp")
    for name, value in (("app_id", app_id), ("timestamp", timestamp)):
        if not isinstance(value, str) or not value:
            return Rejection(400, "missing or not a string", name)
    candidates = [oa for oa in oas if oa.app_id == app_id]
    if not candidates:
        return Rejection(403, "unknown app")
    verified = [
        oa for oa in candidates if signature.verify(header, app_id, raw, timestamp, oa.secret_key)
    ]
    if not verified:
        return Rejection(401, "signature does not match")
    sent_at = event_time(timestamp)  # type: ignore[arg-type]
    if sent_at is None or now - sent_at > max_age:
        hours = max_age / timedelta(hours=1)
        return Rejection(403, f"stale event: older than {hours:g} hours (a replay?)", "timestamp")
    try:
        event: KnownEvent | OtherEvent | None = parse_event(data)
        problem = None
    except BodyError as exc:
        event, problem = None, exc
    oa_id = _event_oa_id(event) if event is not None else raw_oa_id(data)
    for oa in verified:
        # Events we do not model carry no known OA field: the app and signature vouch.
        if oa.oa_id is None or oa_id is None or oa.oa_id == oa_id:
            return Accepted(event, oa, raw, data, problem)
    if any(oa.oa_id == oa_id for oa in candidates):
        return Rejection(401, "signature does not match this OA's key")
    return Rejection(403, "unknown OA")


# --- from event to message --------------------------------------------------


def reporter_key(key: str, oa_id: str, user_id: str) -> str:
    """Pseudonymous, stable per OA and user, not reversible without the pseudonym key."""
    mac = hmac.new(key.encode(), f"reporter:{oa_id}:{user_id}".encode(), hashlib.sha256)
    return "r_" + mac.hexdigest()[:32]


def anonymous_pseudonyms(keys: tuple[str, ...], oa_id: str, anonymous_id: str) -> tuple[str, ...]:
    """An anonymous-chat sender's pseudonyms, apart from any follower's (newest key first)."""
    out = []
    for key in keys:
        if key:
            mac = hmac.new(
                key.encode(), f"anonymous:{oa_id}:{anonymous_id}".encode(), hashlib.sha256
            )
            out.append(ANONYMOUS_KEY_PREFIX + mac.hexdigest()[:32])
    return tuple(dict.fromkeys(out))


def pseudonyms(keys: tuple[str, ...], oa_id: str, user_id: str) -> tuple[str, ...]:
    """The citizen's pseudonym under each pseudonym key, newest key first (a rotated
    key keeps the pseudonyms it made resolvable until their documents expire)."""
    return tuple(dict.fromkeys(reporter_key(k, oa_id, user_id) for k in keys if k))


def message_key(app_id: str, msg_id: str) -> str:
    # Document ids may not contain "/": Zalo's ids are alphanumeric, but escape defensively.
    return f"{app_id}:{msg_id}".replace("/", "%2F")


def raw_key(data: Mapping[str, Any], raw: bytes) -> str:
    """The key of an event whose shape did not fit: its message's key when it names
    one (a redelivery meets the same key), else the hash of the raw event."""
    app_id, msg_id = data.get("app_id"), _str_at(data, "message", "msg_id")
    if isinstance(app_id, str) and app_id and isinstance(msg_id, str) and msg_id:
        return message_key(app_id, msg_id)
    return "sha256-" + hashlib.sha256(raw).hexdigest()[:40]


Classifier = Callable[[str], Any]
CommandParser = Callable[[str], Any]


def to_inbound(
    event: UserMessageEvent, classify: Classifier, parse_command: CommandParser
) -> Inbound:
    message = event.message
    text = (message.text or "").strip()
    locations = tuple(
        Location(a.payload.coordinates.latitude, a.payload.coordinates.longitude)
        for a in message.attachments
        if isinstance(a, LocationAttachment)
    )
    card = event.event_name == "user_send_business_card"
    attachments = tuple(
        _business_card(a)
        if card
        else AttachmentRef(
            a.type, a.payload.url, a.payload.thumbnail, a.payload.name, a.payload.size
        )
        for a in message.attachments
        # A shared link is evidence (a fraud page, a post): tip material like a photo.
        if isinstance(a, MediaAttachment) and a.type != "sticker"
    )
    kind: Kind
    classification: dict[str, Any] = {}
    if isinstance(event, TextEvent) and parse_command(text[:COMMAND_CHARS]) is not None:
        kind = "command"

    elif locations or attachments:
        kind = "tip"
    elif text:
        verdict = classify(text[:CLASSIFY_CHARS])
        classification = {
            "kind": verdict.kind,
            "category": verdict.category,
            "severity": verdict.severity,
            "topic": verdict.topic,
            "subtopic": verdict.subtopic,
            "reasons": list(verdict.reasons),
        }
        kind = {"tip": "tip", "question": "question"}.get(verdict.kind, "chat")  # type: ignore[assignment]
        if kind == "chat" and verdict.topic == "tip_status":
            # "sao roi ad??": where the writer's tip stands, asked; answered as a question
            # is, never joined silently to the open tip as chat would be
            kind = "question"
    else:
        kind = "chat"  # a sticker, or an empty message
    if isinstance(event, AnonymousEvent) and (text or locations or attachments):
        # Nobody can answer an anonymous sender: whatever they wrote goes to the desk
        # as a tip, not to the assistant, whose answer could not reach them.
        kind = "tip"
    return Inbound(
        key=message_key(event.app_id, message.msg_id),
        app_id=event.app_id,
        oa_id=event.oa_id,
        msg_id=message.msg_id,
        event_name=event.event_name,
        text=text,
        locations=locations,
        attachments=attachments,
        zalo_timestamp=event.timestamp,
        kind=kind,
        classification=classification,
    )


def _business_card(attachment: MediaAttachment) -> AttachmentRef:
    """A shared contact: its phone, when the description carries it, names the card."""
    phone = None
    try:
        described = json.loads(attachment.payload.description or "")
        if isinstance(described, dict) and isinstance(described.get("phone"), str | int):
            phone = str(described["phone"])[:32]
    except ValueError:
        pass  # a description that is not JSON: the card keeps its link only
    payload = attachment.payload
    return AttachmentRef("business_card", payload.url, payload.thumbnail, phone, None)


def redact(raw: bytes, user_id: str, reporter: str) -> str:
    """The raw event for the tip's audit trail, with the citizen's ids replaced."""
    data = json.loads(raw.decode("utf-8"))
    for path in (("sender", "id"), ("follower", "id")):
        node = data.get(path[0])
        if isinstance(node, dict) and node.get(path[1]) == user_id:
            node[path[1]] = reporter
    if "user_id_by_app" in data:
        data["user_id_by_app"] = reporter
    return _AUDIT_JSON(data)
