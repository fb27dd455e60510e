"""Firestore for the router and the escalator: tips, their audit trail, sends,
rosters and officers, and the `due` schedule.

Every change of a tip's state goes through `change_tip`: a transaction that
re-reads the tip and lets a pure function decide on what it finds, so two
routers, or a router and an escalator run, never both act on the same state.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core import delivery
from shared.store.intake import DUE, EVENTS, MESSAGES, REPORTERS, TIPS, due_id

ALERTS = "alerts"
REPLIES = "replies"
OFFICERS = "officers"
ROSTERS = "rosters"
INVITES = "invites"
QUESTIONS = "questions"
SEND_RETENTION = timedelta(days=90)
# Overlapping escalator runs and redeliveries contend for the same tips; the
# losers re-read and usually find nothing left to do.
TRANSACTION_ATTEMPTS = 10


KEEP = object()  # change_tip: leave next_action_at as it is


@dataclass
class TipChange:
    """What a decision wants written to a tip, in one transaction."""

    updates: dict[str, Any]
    event: dict[str, Any]
    next_action_at: datetime | object | None = KEEP
    reporter: dict[str, Any] | None = None  # updates of the citizen's reporter document
    result: Any = None
    extra: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)  # (coll, id, doc)


class TipStore:
    def __init__(self, client: firestore.Client) -> None:
        self.db = client

    # --- reads ------------------------------------------------------------------

    def get(self, collection: str, doc_id: str) -> dict[str, Any] | None:
        snap = self.db.collection(collection).document(doc_id).get()
        return snap.to_dict() if snap.exists else None

    def get_many(self, collection: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        refs = [self.db.collection(collection).document(i) for i in dict.fromkeys(ids)]
        if not refs:
            return {}
        return {s.id: s.to_dict() or {} for s in self.db.get_all(refs) if s.exists}

    def officer_by_zalo(self, zalo_user_id: str) -> tuple[str, dict[str, Any]] | None:
        query = (
            self.db.collection(OFFICERS)
            .where(filter=FieldFilter("zalo_user_id", "==", zalo_user_id))
            .limit(1)
        )
        for snap in query.stream():
            return snap.id, snap.to_dict() or {}
        return None

    # --- tip state ------------------------------------------------------------

    def change_tip(
        self, tip_id: str, decide: Callable[[dict[str, Any]], TipChange | None], now: datetime
    ) -> TipChange | None:
        """Run `decide` on the tip as it is now, and write what it returns, atomically."""
        tip_ref = self.db.collection(TIPS).document(tip_id)
        transaction = self.db.transaction(max_attempts=TRANSACTION_ATTEMPTS)

        @firestore.transactional
        def run(txn: Any) -> TipChange | None:
            snap = tip_ref.get(transaction=txn)
            if not snap.exists:
                return None
            tip = snap.to_dict() or {}
            change = decide(tip)
            if change is None:
                return None
            reporter_ref = None
            if change.reporter and tip.get("reporter_key"):
                # Only while this tip is still the citizen's open one (reads before writes).
                reporter_ref = self.db.collection(REPORTERS).document(tip["reporter_key"])
                reporter = reporter_ref.get(transaction=txn)
                if not reporter.exists or reporter.get("open_tip_id") != tip_id:
                    reporter_ref = None
            updates = {**change.updates, "updated_at": now}
            due_ref = self.db.collection(DUE).document(due_id("t", tip_id))
            if change.next_action_at is not KEEP:
                updates["next_action_at"] = change.next_action_at
                if change.next_action_at is None:
                    txn.delete(due_ref)
                else:
                    txn.set(due_ref, {"at": change.next_action_at, "kind": "tip", "tip_id": tip_id})
            txn.update(tip_ref, updates)
            # TTL does not cascade: each audit event expires with its tip.
            txn.set(
                tip_ref.collection(EVENTS).document(),
                {"at": now, **change.event, "expire_at": tip.get("expire_at")},
            )
            if reporter_ref is not None:
                txn.update(reporter_ref, change.reporter)
            for collection, doc_id, doc in change.extra:
                txn.set(self.db.collection(collection).document(doc_id), doc, merge=True)
            return change

        return run(transaction)

    # --- sends (alerts, replies) ---------------------------------------------------

    def claim_send(self, collection: str, key: str, doc: dict[str, Any], now: datetime) -> bool:
        """Claim the right to send `key` once; False when it was sent or is being sent."""
        ref = self.db.collection(collection).document(key)
        transaction = self.db.transaction(max_attempts=TRANSACTION_ATTEMPTS)

        @firestore.transactional
        def run(txn: Any) -> int:
            snap = ref.get(transaction=txn)
            record = snap.to_dict() if snap.exists else None
            if not delivery.may_send(record, now):
                return 0
            attempts = (record or {}).get("attempts", 0) + 1
            txn.set(
                ref,
                {
                    **doc,
                    "status": "sending",
                    "claimed_at": now,
                    "attempts": attempts,
                    "expire_at": now + SEND_RETENTION,
                },
                merge=True,
            )
            return attempts

        return int(run(transaction))

    def finish_send(
        self,
        collection: str,
        key: str,
        status: str,
        now: datetime,
        retry_at: datetime | None = None,
        **fields: Any,
    ) -> None:
        batch = self.db.batch()
        batch.update(
            self.db.collection(collection).document(key),
            {"status": status, "finished_at": now, "next_retry_at": retry_at, **fields},
        )
        retry_ref = self.db.collection(DUE).document(due_id("a", f"{collection}|{key}"))
        if retry_at is not None:
            batch.set(
                retry_ref, {"at": retry_at, "kind": "send", "collection": collection, "key": key}
            )
        else:
            batch.delete(retry_ref)
        batch.commit()

    # --- messages --------------------------------------------------------------------

    def mark_handled(self, message_key: str, now: datetime, **fields: Any) -> None:
        """The router is done with a message: it leaves the sweep's schedule."""
        batch = self.db.batch()
        batch.update(
            self.db.collection(MESSAGES).document(message_key),
            {"handled": True, "handled_at": now, **fields},
        )
        batch.delete(self.db.collection(DUE).document(due_id("m", message_key)))
        batch.commit()

    def set_reporter(self, reporter_key: str, fields: dict[str, Any]) -> None:
        self.db.collection(REPORTERS).document(reporter_key).set(fields, merge=True)

    def set_doc(self, collection: str, doc_id: str, fields: dict[str, Any]) -> None:
        self.db.collection(collection).document(doc_id).set(fields, merge=True)

    def create_doc(self, collection: str, doc_id: str, fields: dict[str, Any]) -> bool:
        from google.api_core.exceptions import AlreadyExists

        try:
            self.db.collection(collection).document(doc_id).create(fields)
        except AlreadyExists:
            return False
        return True

    # --- officers ---------------------------------------------------------------------

    def enrol(
        self, code: str, zalo_user_id: str, oa_id: str, now: datetime
    ) -> tuple[str, dict[str, Any]]:
        """Consume an invite once and bind the officer's Zalo id (a transaction).

        Returns (outcome, officer): ok, already, unknown_code, expired_code, used_code.
        """
        invite_ref = self.db.collection(INVITES).document(code)
        transaction = self.db.transaction(max_attempts=TRANSACTION_ATTEMPTS)
        existing = self.officer_by_zalo(zalo_user_id)

        @firestore.transactional
        def run(txn: Any) -> tuple[str, dict[str, Any]]:
            snap = invite_ref.get(transaction=txn)
            if not snap.exists:
                return "unknown_code", {}
            invite = snap.to_dict() or {}
            if invite.get("used_at") is not None:
                if existing and existing[0] == invite.get("officer_id"):
                    return "already", existing[1]
                return "used_code", {}
            if invite["expires_at"] <= now:
                return "expired_code", {}
            officer_id = f"cb-{code.lower()}"
            officer = {
                "name": invite["name"],
                "unit_id": invite["unit_id"],
                "role": invite["role"],
                "active": True,
                "zalo_user_id": zalo_user_id,
                "oa_id": oa_id,
                "enrolled_at": now,
            }
            txn.set(self.db.collection(OFFICERS).document(officer_id), officer)
            txn.update(invite_ref, {"used_at": now, "officer_id": officer_id})
            return "ok", officer

        return run(transaction)

    # --- the schedule -----------------------------------------------------------------

    def due(self, now: datetime, limit: int, after: datetime | None = None) -> list[Any]:
        """Due work, oldest first: the escalator's one query."""
        query = self.db.collection(DUE).where(filter=FieldFilter("at", "<=", now)).order_by("at")
        if after is not None:
            query = query.start_after({"at": after})
        return list(query.limit(limit).stream())

    def reschedule(self, due_doc_id: str, at: datetime, **fields: Any) -> None:
        self.db.collection(DUE).document(due_doc_id).update({"at": at, **fields})

    def drop_due(self, due_doc_id: str) -> None:
        self.db.collection(DUE).document(due_doc_id).delete()
