"""A Zalo webhook request, judged and reduced to the message tinbao keeps.

`judge` decides a request (reject it, the console's test, or accept an event);
`to_inbound` turns an accepted user message into a `shared.core.intake.Inbound`;
`reporter_key` is the citizen's pseudonym. Pure: no clock, no storage, no network.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from shared.core.intake import AttachmentRef, Inbound, Kind, Location
from shared.core.tip import ANONYMOUS_KEY_PREFIX
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


# --- judging a request ------------------------------------------------------


@dataclass(frozen=True)
class Rejection:
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
    event: KnownEvent | OtherEvent
    oa: OaConfig
    raw: bytes


def _str_at(data: Mapping[str, Any], *path: str) -> Any:
    node: Any = data
    for key in path:
        if not isinstance(node, Mapping):
            return None
        node = node.get(key)
    return node


def _event_oa_id(event: KnownEvent | OtherEvent) -> str | None:
    return getattr(event, "oa_id", None)


def judge(
    method: str,
    headers: Mapping[str, str],
    raw: bytes | None,
    oas: list[OaConfig],
) -> Rejection | ConsoleTest | Accepted:
    """Decide a webhook request. `raw` is None when the body exceeded MAX_BODY_BYTES."""
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
    try:
        event = parse_event(data)
    except BodyError as exc:
        return Rejection(400, exc.reason, exc.field)
    oa_id = _event_oa_id(event)
    for oa in verified:
        # Events we do not model carry no known OA field: the app and signature vouch.
        if oa.oa_id is None or oa_id is None or oa.oa_id == oa_id:
            return Accepted(event, oa, raw)
    if any(oa.oa_id == oa_id for oa in candidates):
        return Rejection(401, "signature does not match this OA's key")
    return Rejection(403, "unknown OA")


# --- from event to message --------------------------------------------------


def reporter_key(oa: OaConfig, oa_id: str, user_id: str) -> str:
    """Pseudonymous, stable per OA and user, not reversible without the OA's secret."""
    mac = hmac.new(oa.secret_key.encode(), f"reporter:{oa_id}:{user_id}".encode(), hashlib.sha256)
    return "r_" + mac.hexdigest()[:32]


def anonymous_reporter_key(oa: OaConfig, oa_id: str, anonymous_id: str) -> str:
    """The pseudonym of an anonymous-chat sender: apart from any follower's."""
    mac = hmac.new(
        oa.secret_key.encode(), f"anonymous:{oa_id}:{anonymous_id}".encode(), hashlib.sha256
    )
    return ANONYMOUS_KEY_PREFIX + mac.hexdigest()[:32]


def message_key(app_id: str, msg_id: str) -> str:
    # Document ids may not contain "/": Zalo's ids are alphanumeric, but escape defensively.
    return f"{app_id}:{msg_id}".replace("/", "%2F")


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
    if isinstance(event, TextEvent) and parse_command(text) is not None:
        kind = "command"

    elif locations or attachments:
        kind = "tip"
    elif text:
        verdict = classify(text)
        classification = {
            "kind": verdict.kind,
            "category": verdict.category,
            "severity": verdict.severity,
            "topic": verdict.topic,
            "subtopic": verdict.subtopic,
            "reasons": list(verdict.reasons),
        }
        kind = {"tip": "tip", "question": "question"}.get(verdict.kind, "chat")  # type: ignore[assignment]
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
    return json.dumps(data, ensure_ascii=False, sort_keys=True)
