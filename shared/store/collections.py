"""Every Firestore collection tinbao writes, the database it lives in and who
reaches that database, and the schedule's kinds, named once.

Confidential collections hold Zalo user ids or secrets and are never shown to
officers: `reporters`, `officers`, `oa_tokens`, `quarantine`; they live apart from the
main database (`HOME`). Sends (`alerts`, `replies`) name their recipient by
reference (`shared.core.recipients`), so nothing in the main database holds a Zalo
id. The
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


# The field that schedules a message, a send or a tip's ladder on its own document:
# a time while it is due, null once handled or done (a range never matches null).
DUE_AT = "due_at"
# Names above that are fields several collections share, not collections (the tests
# that hold every collection to its database skip them).
FIELDS = frozenset({DUE_AT})


class DueKind(StrEnum):
    """What an entry of the schedule is; the value is also its id's prefix.

    message: a stored message no router has handled yet (the outbox's safety net);
    ladder: a tip's next ladder action or its grouped update (what a citizen added,
    held back to be told to its officers in one update), whichever is earlier; send:
    a send not done. Each is kept on its own document (`DUE_AT`, see `due_home`):
    written in the same write as the document it schedules, gone in the write that
    finishes it, so none costs a document of its own.

    update and tip: `due/{kind}:{key}` documents older releases wrote (a grouped
    update; a ladder's entry before issue 18 moved it onto the tip). No run reads
    them: `tinbao schedule migrate` moves them onto their tips once.
    """

    MESSAGE = "message"
    LADDER = "ladder"
    TIP = "tip"
    SEND = "send"
    UPDATE = "update"


def due_id(kind: DueKind, key: str) -> str:
    return f"{kind.value}:{key}"


def send_due_id(collection: str, key: str) -> str:
    return due_id(DueKind.SEND, f"{collection}|{key}")


def due_home(entry: str) -> tuple[str, str]:
    """(collection, document id) where an entry of the schedule is kept: a message's,
    a ladder's (on its tip) and a send's on their own document, the others in `due`."""
    kind, _, key = entry.partition(":")
    if kind == DueKind.MESSAGE.value:
        return MESSAGES, key
    if kind == DueKind.LADDER.value:
        return TIPS, key
    if kind == DueKind.SEND.value:
        collection, _, send_key = key.partition("|")
        return collection, send_key
    return DUE, entry


class SendKind(StrEnum):
    """The two collections of sends: alerts to officers, replies to anyone."""

    ALERT = ALERTS
    REPLY = REPLIES


# Where the schedule is kept: the escalator's run reads one range query on each. (`due`
# documents older releases wrote are moved onto their tips by `tinbao schedule migrate`.)
SCHEDULED = (TIPS, MESSAGES, ALERTS, REPLIES)


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
