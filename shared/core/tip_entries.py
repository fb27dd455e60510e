"""The entries of a tip's bounded summary: what it keeps of each citizen message
(`shared.core.intake.fold` adds them; `shared.core.tip.Tip` holds them).

Apart from the tip's lifecycle so that the webhook, which folds a message into a
summary, does not load the lifecycle at its cold start (bench/README.md, round 15).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class TipText:
    """A citizen's text as a tip's summary keeps it."""

    msg: str  # the message key it came in
    text: str  # as the tip shows it (cut); the message document keeps it whole
    at: datetime | None = None
    seq: int = 0  # the message's number on the tip


@dataclass(frozen=True)
class TipLocation:
    """A location a citizen shared, as a tip's summary keeps it."""

    msg: str
    lat: str  # decimal strings, as Zalo sent them
    lng: str
    at: datetime | None = None
    seq: int = 0


@dataclass(frozen=True)
class TipAttachment:
    """A photo, file or other attachment, as a tip's summary keeps it."""

    msg: str
    type: str
    url: str | None
    thumbnail: str | None = None
    name: str | None = None
    size: str | None = None
    seq: int = 0
