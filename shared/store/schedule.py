"""The schedule in Firestore: what the escalator's run finds due, moves and drops.

An entry lives where `shared.store.collections.due_home` says: a tip's next ladder
action or grouped update, a message not yet handled and a send not done as the
`due_at` of their own document, written and cleared in the writes that store and
change them (no document, no delete of their own). A run reads one single-field
range on each (`SCHEDULED`). The `due` documents older releases wrote are moved
onto their tips once, by `tinbao schedule migrate` (`shared.store.admin`).
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from datetime import datetime
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.store import transactions
from shared.store.collections import (
    DUE,
    DUE_AT,
    MESSAGES,
    TIPS,
    DueKind,
    SendKind,
    due_home,
)
from shared.store.documents import (
    message_due_item,
    rescheduled_fields,
    send_due_item,
)
from shared.store.ports.line import DueItem
from shared.store.tip_sends import ladder_rescheduled, moved_to, tip_due_items, tip_send_of_due
from shared.store.tips import Seen


class ScheduleStore:
    db: firestore.Client  # main
    _on_tip: Any  # `SendsStore`'s: a decision on a send's entry on its tip

    def due(self, now: datetime, limit: int, after: datetime | None = None) -> list[DueItem]:
        """Due work, oldest first: one range query on each place the schedule is
        kept (`collections.SCHEDULED`), merged."""
        items: list[DueItem] = []
        # A tip's ladder or grouped update (its `due_at`), the tip whole: its step
        # decides on it as found (no read in the step's transaction; written only if
        # unchanged since).
        for snap in _due_query(self.db.collection(TIPS), DUE_AT, now, after, limit):
            for item in tip_due_items(snap.id, snap.to_dict() or {}, now):
                ladder = item.kind == DueKind.LADDER
                items.append(replace(item, seen=Seen(snap, snap.update_time)) if ladder else item)
        for snap in _due_query(self.db.collection(MESSAGES), DUE_AT, now, after, limit):
            items.append(message_due_item(snap.id, snap.to_dict() or {}))
        for kind in (SendKind.ALERT, SendKind.REPLY):
            query = _due_query(self.db.collection(kind.value), DUE_AT, now, after, limit)
            items.extend(send_due_item(kind, snap.id, snap.to_dict() or {}) for snap in query)
        return sorted(items, key=lambda i: i.at)[:limit]

    def reschedule(self, due_id: str, at: datetime, attempts: int | None = None) -> None:
        if self._move_tip_send(due_id, at):
            return
        collection, key = due_home(due_id)
        ref = self.db.collection(collection).document(key)
        fields = rescheduled_fields(collection, at, attempts)
        if collection == DUE:
            # Removed meanwhile: the tip's work is done. Never write it back.
            with contextlib.suppress(gexc.NotFound):
                ref.update(fields)
            return
        if collection == TIPS:
            self._move_ladder(ref, at)
            return

        def body(txn: Any) -> None:
            # Handled or done meanwhile (its `due_at` is null): it stays off the schedule.
            snap = ref.get(transaction=txn)
            if snap.exists and (snap.to_dict() or {}).get(DUE_AT) is not None:
                txn.update(ref, fields)

        transactions.run(self.db, body)

    def drop_due(self, due_id: str) -> None:
        if self._move_tip_send(due_id, None):
            return
        collection, key = due_home(due_id)
        ref = self.db.collection(collection).document(key)
        if collection == DUE:
            ref.delete()
            return
        if collection == TIPS:
            self._move_ladder(ref, None)
            return
        with contextlib.suppress(gexc.NotFound):  # gone (TTL): nothing is scheduled
            ref.update({DUE_AT: None})

    def _move_tip_send(self, due_id: str, at: datetime | None) -> bool:
        """A send kept on its tip moved on the schedule (or off it: None), with the
        tip's `due_at`; one done meanwhile stays off. False: not a tip's send."""
        kind, _, key = due_id.partition(":")
        found = tip_send_of_due(key) if kind == DueKind.SEND.value else None
        if found is None:
            return False
        ref, send_kind, send_key = found
        self._on_tip(ref, send_kind, send_key, moved_to(at))
        return True

    def _move_ladder(self, ref: Any, at: datetime | None) -> None:
        """A tip's ladder entry moved (a failed run's backoff) or dropped, decided on
        the tip as it is now: a router's change meanwhile is not undone."""

        def body(txn: Any) -> None:
            snap = ref.get(transaction=txn)
            fields = ladder_rescheduled(snap.to_dict() or {}, at) if snap.exists else {}
            if fields:
                txn.update(ref, fields)

        transactions.run(self.db, body)


def _due_query(
    collection: Any, field: str, now: datetime, after: datetime | None, limit: int
) -> Any:
    """A single-field range, oldest first (no composite index): a null `due_at`
    (handled, done) never matches."""
    query = collection.where(filter=FieldFilter(field, "<=", now)).order_by(field)
    if after is not None:
        query = query.start_after({field: after})
    return query.limit(limit).stream()
