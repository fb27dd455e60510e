"""A send record's recipient as a test reads it: the Zalo id its `to` names, looked up
where the line keeps it (the stand-in's inboxes are by Zalo id)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from shared.core import recipients
from shared.core.recipients import RecipientKind
from shared.store.collections import OFFICERS, QUARANTINE, REPORTERS

Find = Callable[[str, str], dict[str, Any] | None]  # (collection, id) -> the document
WHERE = {
    RecipientKind.REPORTER: (REPORTERS, "zalo_user_id"),
    RecipientKind.OFFICER: (OFFICERS, "zalo_user_id"),
    RecipientKind.QUARANTINE: (QUARANTINE, "user_id"),
}


def recipient_user(send: dict[str, Any], find: Find) -> str:
    to = recipients.parse(send["to"])
    collection, field = WHERE[to.kind]
    doc = find(collection, to.key)
    assert doc is not None and doc.get(field), f"nobody under {to.ref}"
    return str(doc[field])


def in_firestore(db: Any) -> Find:
    """`find` over conftest.databases(): each collection where it lives."""

    def find(collection: str, key: str) -> dict[str, Any] | None:
        snap = db.collection(collection).document(key).get()
        return (snap.to_dict() or {}) if snap.exists else None

    return find
