"""Every Firestore collection tinbao writes, and the `due` schedule's kinds, named once.

Confidential collections hold Zalo user ids or secrets and are never shown to
officers: `reporters`, `replies`, `alerts`, `oa_tokens`. The layout of each
document is in docs/ARCHITECTURE.md; its typed form in `shared.store.documents`.
"""

from __future__ import annotations

from enum import StrEnum

TIPS = "tips"
EVENTS = "events"  # tips/{ref}/events and officers/{id}/events: the audit trails
MESSAGES = "messages"
REPORTERS = "reporters"
DUE = "due"
ALERTS = "alerts"
REPLIES = "replies"
OFFICERS = "officers"
ROSTERS = "rosters"
UNITS = "units"
INVITES = "invites"
QUESTIONS = "questions"
OA_TOKENS = "oa_tokens"


class DueKind(StrEnum):
    """What a `due/{kind}:{key}` entry schedules; the value is also the id's prefix.

    message: a stored message no router has handled yet (the outbox's safety net);
    tip: a tip's next ladder action; send: a send to retry.
    """

    MESSAGE = "message"
    TIP = "tip"
    SEND = "send"


def due_id(kind: DueKind, key: str) -> str:
    return f"{kind.value}:{key}"


class SendKind(StrEnum):
    """The two collections of sends: alerts to officers, replies to anyone."""

    ALERT = ALERTS
    REPLY = REPLIES
