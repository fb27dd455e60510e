"""Every Firestore collection tinbao writes, and the `due` schedule's kinds, named once.

Confidential collections hold Zalo user ids or secrets and are never shown to
officers: `reporters`, `replies`, `alerts`, `oa_tokens`, `quarantine`. The
layout of each document is in docs/ARCHITECTURE.md; its typed form in
`shared.store.documents`.
"""

from __future__ import annotations

from enum import StrEnum

TIPS = "tips"
EVENTS = "events"  # tips/{ref}/events and officers/{id}/events: the audit trails
MESSAGES = "messages"
REPORTERS = "reporters"  # identity: the citizen's Zalo id under their pseudonym
SENDERS = "senders"  # intake's state of each citizen (pseudonymous, no identity)
QUARANTINE = "quarantine"  # signed events kept raw (confidential)
PARTS = "parts"  # quarantine/{key}/parts: the rest of a raw event too big for one document
DUE = "due"
ALERTS = "alerts"
REPLIES = "replies"
OFFICERS = "officers"
ROSTERS = "rosters"
UNITS = "units"
INVITES = "invites"
QUESTIONS = "questions"
OA_TOKENS = "oa_tokens"

# Collections whose documents carry `expire_at`, removed by a Firestore TTL policy
# (infra/firestore.yaml `ttl_fields`, held to this by tests/test_terraform.py).
EXPIRING = (
    TIPS,
    EVENTS,
    MESSAGES,
    REPORTERS,
    SENDERS,
    ALERTS,
    REPLIES,
    QUESTIONS,
    QUARANTINE,
    PARTS,
)


class DueKind(StrEnum):
    """What a `due/{kind}:{key}` entry schedules; the value is also the id's prefix.

    message: a stored message no router has handled yet (the outbox's safety net);
    tip: a tip's next ladder action; send: a send to retry; update: what a citizen
    added to a tip, held back to be told to its officers in one update.
    """

    MESSAGE = "message"
    TIP = "tip"
    SEND = "send"
    UPDATE = "update"


def due_id(kind: DueKind, key: str) -> str:
    return f"{kind.value}:{key}"


class SendKind(StrEnum):
    """The two collections of sends: alerts to officers, replies to anyone."""

    ALERT = ALERTS
    REPLY = REPLIES
