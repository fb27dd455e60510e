"""The Pub/Sub messages of `tinbao-events`.

Two shapes share the topic, told apart by `kind`:

- `TipEvent`, one per stored change: ids only. Attributes repeat `kind` and
  `tip_id` so that subscribers can filter without parsing. No Zalo user id
  travels in it, and no citizen's words but in two kinds that carry what was
  written, with its writer's pseudonym: `oa_reply` (a person's answer from the OA
  chat, stored nowhere else) and `command` (an officer's command in the strict
  form, so that the router acts on it without reading its message; a citizen who
  writes in that form has those words carried too, as `intake.deferred` carries
  them, and they are never logged).
- `DeferredEvent` (`intake.deferred`): a validly signed Zalo event the webhook
  could not store in time (Firestore failed or was slow). It carries the raw
  event as Zalo sent it, the citizen's Zalo id and words included, because the
  only alternative is to lose the message; the router stores it later (by its
  message id, once) and routes it as usual. docs/ARCHITECTURE.md says who can
  read it and for how long.
"""

# Annotations are evaluated as each class is made (no `from __future__ import
# annotations`): as strings, pydantic compiled and evaluated every one of them at
# the webhook's start (≈ 10M instructions over its model modules, bench/README.md,
# round 17). tests/test_webhook_start.py holds it.
from datetime import datetime
from functools import cache
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

EventKind = Literal[
    "tip.created",
    "tip.updated",
    "question",
    "command",
    "chat",
    "follow",
    "oa_reply",
    "quarantined",
]
DEFERRED = "intake.deferred"
# The longest command text a `command` event carries (Zalo's texts are shorter; a
# longer one is read from its message).
COMMAND_TEXT_CARRIED = 4000


class TipEvent(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    v: Literal[1] = 1
    kind: EventKind
    tip_id: str | None = None
    message_id: str
    oa_id: str
    at: datetime  # when the message was received (a republish keeps it)
    # oa_reply (a person answered from the OA chat; nothing was stored for it): the
    # citizen's pseudonym, never their Zalo id, and what was answered. command: the
    # writer's pseudonym and the command as written (its message need not be read;
    # None when too long to carry, or published by an older release: then it is).
    reporter_key: str | None = None
    text: str | None = None

    # Beyond the citizen's fair-use rate: stored and summarised, not acted on one by one.
    throttled: bool = False

    @property
    def ordering_key(self) -> str:
        # Changes of one tip are delivered in order; items without a tip stand alone.
        return self.tip_id or self.message_id

    def attributes(self) -> dict[str, str]:
        return {"kind": self.kind, "tip_id": self.tip_id or "", "message_id": self.message_id}

    def encode(self) -> bytes:
        return self.model_dump_json().encode()


class DeferredEvent(BaseModel):
    """A signed Zalo event kept in Pub/Sub until Firestore takes it (confidential)."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    v: Literal[1] = 1
    kind: Literal["intake.deferred"] = DEFERRED
    message_id: str  # the de-duplication key the consumer stores it under
    oa_id: str
    at: datetime  # when the webhook received it: the message's time
    raw: str  # the body exactly as Zalo sent it (UTF-8 JSON)
    # The citizen's pseudonym under each key in use, newest first: the router holds
    # no pseudonym key, so the webhook works them out.
    pseudonyms: tuple[str, ...] = ()

    @property
    def ordering_key(self) -> str:
        # One citizen's deferred messages are stored in the order they came.
        return self.pseudonyms[0] if self.pseudonyms else self.message_id

    def attributes(self) -> dict[str, str]:
        return {"kind": self.kind, "tip_id": "", "message_id": self.message_id}

    def encode(self) -> bytes:
        return self.model_dump_json().encode()


LineEvent = Annotated[TipEvent | DeferredEvent, Field(discriminator="kind")]


@cache
def _line_event() -> TypeAdapter[TipEvent | DeferredEvent]:
    # Built by the router's first `decode`, in the request that imports this module
    # for it anyway: the webhook only publishes, and no longer builds this validator
    # at its start (bench/README.md, round 16).
    return TypeAdapter(LineEvent)


def decode(payload: bytes) -> TipEvent | DeferredEvent:
    """A message of `tinbao-events`; pydantic's ValidationError when it is not one."""
    return _line_event().validate_json(payload)
