"""Pydantic models of the Zalo OA webhook events (CONTRACT.md, `samples/`).

Ids and timestamps are JSON strings and stay strings (ids exceed 2^53).
Coordinates stay exact decimals: the body is parsed with `parse_float=Decimal`
and strings are kept as sent, so nothing goes through a float. Unknown fields
are ignored (Zalo adds fields). Lenient where others' payloads vary (see
tests/fixtures/zalo/others/): a file's `size` as a number, an empty
`user_id_by_app`, an attachment type we do not know (kept as a generic
attachment), text of any length. What still does not fit is an error naming
the field, which the webhook turns into a quarantined event, never a lost one.
"""

# Annotations are evaluated as each class is made (no `from __future__ import
# annotations`): as strings, pydantic compiled and evaluated every one of them at
# the webhook's start (≈ 10M instructions over its model modules, bench/README.md,
# round 17). tests/test_webhook_start.py holds it.
import json
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    Tag,
    TypeAdapter,
    ValidationError,
    field_validator,
)

Id = Annotated[str, Field(min_length=1, max_length=128, strict=True)]
Timestamp = Annotated[str, Field(pattern=r"^[0-9]{1,16}$", strict=True)]
Url = Annotated[str, Field(strict=True)]

CONSOLE_TEST_MSG_ID = "This is message id"


class _Model(BaseModel):
    # Events are validated only through `_ADAPTER` (one validator holding every model
    # below), so no model builds a validator of its own at import: that was each
    # model's schema and validator built twice, ≈ 20M instructions of the webhook's
    # start (bench/README.md, round 16). One validated alone builds it on first use.
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class Party(_Model):
    id: Id


def _decimal_text(value: Any, low: int, high: int) -> str:
    if isinstance(value, bool) or not isinstance(value, str | Decimal | int):
        raise ValueError("must be a decimal number")
    text = str(value).strip()
    try:
        number = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError("must be a decimal number") from exc
    if not number.is_finite() or not low <= number <= high:
        raise ValueError(f"must be between {low} and {high}")
    return text


class Coordinates(_Model):
    latitude: str
    longitude: str

    @field_validator("latitude", mode="before")
    @classmethod
    def _lat(cls, value: Any) -> str:
        return _decimal_text(value, -90, 90)

    @field_validator("longitude", mode="before")
    @classmethod
    def _lng(cls, value: Any) -> str:
        return _decimal_text(value, -180, 180)


class LocationPayload(_Model):
    coordinates: Coordinates


class LocationAttachment(_Model):
    type: Literal["location"]
    payload: LocationPayload


class MediaPayload(_Model):
    url: Url | None = None
    thumbnail: Url | None = None
    description: str | None = None
    name: str | None = None
    size: str | None = None
    checksum: str | None = None
    type: str | None = None
    id: str | None = None

    @field_validator("size", mode="before")
    @classmethod
    def _size_as_text(cls, value: Any) -> Any:
        # Some payloads send the file size as a number.
        if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
            return str(value)
        return value


class MediaAttachment(_Model):
    """A photo, file, link, sticker, business card, ... or a type Zalo adds later (kept
    as it comes)."""

    type: Annotated[str, Field(min_length=1, max_length=64, strict=True)]
    payload: MediaPayload = MediaPayload()


def _attachment_tag(value: Any) -> str:
    kind = value.get("type") if isinstance(value, dict) else getattr(value, "type", None)
    return "location" if kind == "location" else "media"


Attachment = Annotated[
    Annotated[LocationAttachment, Tag("location")] | Annotated[MediaAttachment, Tag("media")],
    Discriminator(_attachment_tag),
]


class UserMessage(_Model):
    msg_id: Id
    text: Annotated[str, Field(strict=True)] | None = None  # any length: kept whole
    attachments: list[Attachment] = []


class _UserMessageEvent(_Model):
    app_id: Id
    sender: Party
    recipient: Party
    user_id_by_app: str | None = None  # sometimes empty
    message: UserMessage
    timestamp: Timestamp

    @property
    def oa_id(self) -> str:
        return self.recipient.id

    @property
    def user_id(self) -> str:
        return self.sender.id


class TextEvent(_UserMessageEvent):
    event_name: Literal["user_send_text"]

    @field_validator("message")
    @classmethod
    def _has_text(cls, message: UserMessage) -> UserMessage:
        if message.text is None:
            raise ValueError("a text message needs message.text")
        return message


class LocationEvent(_UserMessageEvent):
    event_name: Literal["user_send_location"]

    @field_validator("message")
    @classmethod
    def _has_location(cls, message: UserMessage) -> UserMessage:
        if not any(isinstance(a, LocationAttachment) for a in message.attachments):
            raise ValueError("a location message needs a location attachment")
        return message


class MediaEvent(_UserMessageEvent):
    event_name: Literal[
        "user_send_image",
        "user_send_gif",
        "user_send_file",
        "user_send_sticker",
        "user_send_link",
        "user_send_audio",
        "user_send_video",
        # A shared contact (often of a suspect): evidence. Its 1-1 shape is not in
        # Zalo's samples; notes on the docs show a "link" attachment whose
        # description is JSON {"phone", "qrCodeUrl"}.
        "user_send_business_card",
    ]


class AnonymousMessage(UserMessage):
    conversation_id: Id | None = None


class AnonymousEvent(_UserMessageEvent):
    """A message from Zalo's anonymous chat: the sender is not a follower and its id
    is not a user id the consultation API can answer (notes on Zalo's webhook docs:
    `anonymous_send_*`, with `message.conversation_id`)."""

    event_name: Literal[
        "anonymous_send_text",
        "anonymous_send_image",
        "anonymous_send_gif",
        "anonymous_send_file",
        "anonymous_send_sticker",
        "anonymous_send_link",
        "anonymous_send_location",
        "anonymous_send_audio",
        "anonymous_send_video",
    ]
    message: AnonymousMessage


class OaParty(Party):
    # Present only when a person sent the message from the OA's chat tool
    # (oa.zalo.me/chatv2), absent on echoes of what the API sent.
    admin_id: Id | None = None


class OaMessage(_Model):
    msg_id: Id
    text: Annotated[str, Field(max_length=20000, strict=True)] | None = None


class OaSendEvent(_Model):
    """What the OA sent, echoed: sender is the OA, recipient the user."""

    event_name: Literal[
        "oa_send_text",
        "oa_send_image",
        "oa_send_gif",
        "oa_send_list",
        "oa_send_file",
        "oa_send_sticker",
    ]
    app_id: Id
    sender: OaParty
    recipient: Party
    message: OaMessage
    timestamp: Timestamp

    @property
    def oa_id(self) -> str | None:
        # Only a person's reply is acted on, so only then must the OA match;
        # echoes are ignored whatever their roles say (the console swaps them).
        return self.sender.id if self.sender.admin_id else None

    @property
    def user_id(self) -> str:
        return self.recipient.id


class FollowEvent(_Model):
    event_name: Literal["follow", "unfollow"]
    app_id: Id
    oa_id: Id
    follower: Party
    user_id_by_app: str | None = None
    source: str | None = None
    timestamp: Timestamp

    @property
    def user_id(self) -> str:
        return self.follower.id


class ReceivedMessage(_Model):
    msg_id: Id


class SeenMessage(_Model):
    msg_ids: list[Id]


class ReceivedEvent(_Model):
    event_name: Literal["user_received_message"]
    app_id: Id
    sender: Party
    recipient: Party
    message: ReceivedMessage
    timestamp: Timestamp

    @property
    def oa_id(self) -> str:
        return self.sender.id  # receipts come from the OA's side


class SeenEvent(_Model):
    event_name: Literal["user_seen_message"]
    app_id: Id
    sender: Party
    recipient: Party
    message: SeenMessage
    timestamp: Timestamp

    @property
    def oa_id(self) -> str:
        return self.sender.id


class SubmitInfoEvent(_Model):
    event_name: Literal["user_submit_info"]
    app_id: Id
    sender: Party
    recipient: Party
    info: dict[str, Any]
    timestamp: Timestamp

    @property
    def oa_id(self) -> str:
        return self.recipient.id


UserMessageEvent = TextEvent | LocationEvent | MediaEvent | AnonymousEvent
KnownEvent = Annotated[
    TextEvent
    | LocationEvent
    | MediaEvent
    | AnonymousEvent
    | OaSendEvent
    | FollowEvent
    | ReceivedEvent
    | SeenEvent
    | SubmitInfoEvent,
    Field(discriminator="event_name"),
]
_ADAPTER: TypeAdapter[Any] = TypeAdapter(KnownEvent)
KNOWN_EVENT_NAMES = frozenset(
    {
        "user_send_text",
        "user_send_location",
        *MediaEvent.model_fields["event_name"].annotation.__args__,  # type: ignore[union-attr]
        *AnonymousEvent.model_fields["event_name"].annotation.__args__,  # type: ignore[union-attr]
        *OaSendEvent.model_fields["event_name"].annotation.__args__,  # type: ignore[union-attr]
        "follow",
        "unfollow",
        "user_received_message",
        "user_seen_message",
        "user_submit_info",
    }
)


class OtherEvent(_Model):
    """An event we accept and ignore: receipts we do not model, new names."""

    model_config = ConfigDict(defer_build=False)  # validated alone (`parse_event`)

    event_name: str
    app_id: Id


class BodyError(ValueError):
    """The body is not an event: `field` names what is wrong ("body" for the whole)."""

    def __init__(self, field: str, reason: str) -> None:
        super().__init__(f"{field}: {reason}")
        self.field = field
        self.reason = reason


def load_json(raw: bytes) -> dict[str, Any]:
    """Strict UTF-8 JSON object, floats as Decimal."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise BodyError("body", "not valid UTF-8") from exc
    try:
        data = json.loads(text, parse_float=Decimal)
    except (ValueError, RecursionError) as exc:
        raise BodyError("body", "not valid JSON") from exc
    if not isinstance(data, dict):
        raise BodyError("body", "must be a JSON object")
    return data


def parse_event(data: dict[str, Any]) -> KnownEvent | OtherEvent:
    name = data.get("event_name")
    if not isinstance(name, str) or not name:
        raise BodyError("event_name", "missing or not a string")
    try:
        if name in KNOWN_EVENT_NAMES:
            return _ADAPTER.validate_python(data)
        return OtherEvent.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(part) for part in first["loc"] if part != name)
        raise BodyError(loc or "body", first["msg"]) from exc
