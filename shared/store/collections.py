"""Every Firestore collection tinbao writes, the database it lives in and who
reaches that database, and the `due` schedule's kinds, named once.

Confidential collections hold Zalo user ids or secrets and are never shown to
officers: `reporters`, `replies`, `alerts`, `oa_tokens`, `quarantine`. Those that
hold nothing the line needs in one transaction with a tip live apart (`HOME`). The
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


class Database(StrEnum):
    """The Firestore databases, by their key in infra/firestore.yaml `databases`.

    Firestore's IAM resource is the database: keeping citizens' Zalo ids (contacts)
    and the line's officers and OA tokens (identity) apart from the operational data
    (main, the `(default)` database) lets each function reach only what it needs.
    """

    MAIN = "main"
    CONTACTS = "contacts"
    IDENTITY = "identity"


# Where each collection lives: the code's half of infra/firestore.yaml `collections`
# (tests/test_terraform_access.py holds them equal). `events` is the audit trail of
# tips (main); officers' own trail (officers/{id}/events) follows its parent.
HOME: dict[str, Database] = {
    TIPS: Database.MAIN,
    EVENTS: Database.MAIN,
    MESSAGES: Database.MAIN,
    DUE: Database.MAIN,
    ALERTS: Database.MAIN,
    REPLIES: Database.MAIN,
    QUESTIONS: Database.MAIN,
    SENDERS: Database.MAIN,
    REPORTERS: Database.CONTACTS,
    QUARANTINE: Database.CONTACTS,
    PARTS: Database.CONTACTS,
    OFFICERS: Database.IDENTITY,
    INVITES: Database.IDENTITY,
    UNITS: Database.IDENTITY,
    ROSTERS: Database.IDENTITY,
    OA_TOKENS: Database.IDENTITY,
}


class Access(StrEnum):
    """How a function reaches a database (infra/functions/access.tf's roles).

    CREATE: documents that do not exist yet, nothing else (no read, no update)."""

    USER = "user"
    VIEWER = "viewer"
    CREATE = "contact_writer"


# Who reaches which database, and how: the code's half of infra/functions/access.tf
# `firestore_access` (held equal by tests/test_terraform_access.py). bootstrap gives
# each function clients of these databases only, so code that strays fails at once.
REACH: dict[str, dict[Database, Access]] = {
    "webhook": {Database.MAIN: Access.USER, Database.CONTACTS: Access.CREATE},
    "router": {
        Database.MAIN: Access.USER,
        Database.CONTACTS: Access.USER,
        Database.IDENTITY: Access.USER,
    },
    "escalator": {
        Database.MAIN: Access.USER,
        Database.CONTACTS: Access.VIEWER,
        Database.IDENTITY: Access.USER,
    },
}
