"""What a citizen's (or officer's) message does to their tip: join it, open one,
or leave tips alone, as a plan the intake store writes in one commit.

`Inbound` is the message reduced to what tinbao keeps; `shared.zalo.inbound`
makes it from a Zalo webhook event. Nothing here reads the clock, Firestore or
the network.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Literal

from shared.core.tip import OPEN

Kind = Literal["tip", "question", "command", "chat"]


@dataclass(frozen=True)
class Location:
    lat: str
    lng: str


@dataclass(frozen=True)
class AttachmentRef:
    type: str
    url: str | None
    thumbnail: str | None = None
    name: str | None = None
    size: str | None = None


@dataclass(frozen=True)
class Inbound:
    """A citizen's (or officer's) message, reduced to what tinbao keeps."""

    key: str  # app_id:msg_id, the de-duplication key
    app_id: str
    oa_id: str
    msg_id: str
    event_name: str
    text: str
    locations: tuple[Location, ...]
    attachments: tuple[AttachmentRef, ...]
    zalo_timestamp: str
    kind: Kind
    classification: dict[str, Any] = field(default_factory=dict)


# --- what a message does to the citizen's tip ------------------------------


@dataclass(frozen=True)
class OpenTip:
    tip_id: str
    status: str
    open_until: datetime


@dataclass(frozen=True)
class Plan:
    action: Literal["open", "join", "none"]
    tip_id: str | None = None


def plan(kind: Kind, open_tip: OpenTip | None, now: datetime) -> Plan:
    """Tips gather one citizen's messages within the intake window.

    Tip material (text classified as a tip, locations, photos, files) joins the
    open tip or opens one; chat (greetings, thanks, stickers) joins an open tip
    but never opens one; questions and commands never touch tips.
    """
    joinable = open_tip is not None and open_tip.status in OPEN and now < open_tip.open_until
    if kind in ("question", "command"):
        return Plan("none")
    if joinable:
        assert open_tip is not None
        return Plan("join", open_tip.tip_id)
    return Plan("open") if kind == "tip" else Plan("none")


def window_end(now: datetime, minutes: int) -> datetime:
    return now + timedelta(minutes=minutes)
