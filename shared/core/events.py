"""The Pub/Sub message schema of `tinbao-events` (one message per stored change).

Data is this model as JSON; attributes repeat `kind` and `tip_id` so that
subscribers can filter without parsing. No Zalo user id ever travels here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict

EventKind = Literal[
    "tip.created", "tip.updated", "question", "command", "chat", "follow", "oa_reply"
]


class TipEvent(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)

    v: Literal[1] = 1
    kind: EventKind
    tip_id: str | None = None
    message_id: str
    oa_id: str
    at: datetime
    # oa_reply only (a person answered from the OA chat; nothing was stored for it):
    # the citizen's pseudonym, never their Zalo id, and what was answered.
    reporter_key: str | None = None
    text: str | None = None

    @property
    def ordering_key(self) -> str:
        # Changes of one tip are delivered in order; items without a tip stand alone.
        return self.tip_id or self.message_id

    def attributes(self) -> dict[str, str]:
        return {"kind": self.kind, "tip_id": self.tip_id or "", "message_id": self.message_id}

    def encode(self) -> bytes:
        return self.model_dump_json().encode()
