"""Send records in Firestore (`alerts/{tip}:{step}:{officer}`, `replies/{key}`).

Every outbound message is claimed in a transaction before it is sent, by the
rule of `shared.core.delivery.may_send`, so a redelivered Pub/Sub message or an
overlapping escalator run sends nothing twice; a passing failure schedules its
retry (`due_at` on the record) in the same write that records it. A send recorded
as pending (with the tip change that calls for it, `TipsStore.change_tip`) is on
the schedule from the start, so whatever crashes where, the sweep finds it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core import delivery
from shared.store import transactions
from shared.store.collections import ALERTS, SendKind
from shared.store.documents import (
    alert_reached,
    send_claim_doc,
    send_due_fields,
    send_finish_fields,
    send_from_doc,
    send_pending_doc,
)
from shared.store.ports.line import Claim, DeliveryStatus, SendRecord


class SendsStore:
    db: firestore.Client

    def officers_alerted(self, ref: str) -> list[str]:
        """The officers an alert about the tip reached (or may still), in no order."""
        query = (
            self.db.collection(ALERTS)
            .where(filter=FieldFilter("tip_id", "==", ref))
            .select(["officer_id", "status"])
        )
        found = (s.to_dict() or {} for s in query.stream())
        return sorted({str(d["officer_id"]) for d in found if alert_reached(d)})

    def claim_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime
    ) -> Claim | None:
        """Claim the right to send `key` once now; None when it was sent, is being
        sent by someone else, or waits for its retry time."""
        ref = self.db.collection(kind.value).document(key)

        def body(txn: Any) -> Claim | None:
            snap = ref.get(transaction=txn)
            stored = snap.to_dict() if snap.exists else None
            if not delivery.may_send(stored, now):
                return None
            stored = stored or {}
            attempts = int(stored.get("attempts", 0)) + 1
            created_at = stored.get("created_at") or now
            txn.set(ref, send_claim_doc(record, now, attempts, created_at), merge=True)
            return Claim(attempts, int(stored.get("strikes", 0)), created_at)

        return transactions.run(self.db, body)

    def finish_send(
        self,
        kind: SendKind,
        key: str,
        status: DeliveryStatus,
        now: datetime,
        *,
        retry_at: datetime | None = None,
        message_id: str | None = None,
        error: int | None = None,
        strikes: int | None = None,
        outage: bool | None = None,
        quota: Mapping[str, Any] | None = None,
    ) -> None:
        """Record the outcome; a retry stays on the schedule at its time, anything
        else leaves it (one write: the schedule is the record's `due_at`)."""
        fields = send_finish_fields(
            status, now, retry_at, message_id, error, strikes, outage, quota
        )
        self.db.collection(kind.value).document(key).update(fields)

    def hold_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime, at: datetime
    ) -> None:
        """A send not attempted now (Zalo is down, or the run's time is spent):
        recorded as pending if it was not recorded yet, and due at `at`."""
        ref = self.db.collection(kind.value).document(key)

        def body(txn: Any) -> None:
            if ref.get(transaction=txn).exists:
                return  # recorded: its own entry of the schedule brings it back
            txn.set(ref, {**send_pending_doc(record, now), **send_due_fields(at)})

        transactions.run(self.db, body)

    def send_record(self, kind: SendKind, key: str) -> SendRecord | None:
        snap = self.db.collection(kind.value).document(key).get()
        return send_from_doc(snap.to_dict() or {}) if snap.exists else None

    def step_sends(self, ref: str, alert_key: str) -> list[SendRecord]:
        """The alerts of one step of a tip (`alerts/{ref}:{alert_key}:*`): a range
        of document ids, which Firestore's built-in index serves."""
        alerts = self.db.collection(ALERTS)
        prefix = f"{ref}:{alert_key}:"
        query = alerts.where(filter=FieldFilter("__name__", ">=", alerts.document(prefix))).where(
            filter=FieldFilter("__name__", "<", alerts.document(prefix + "\uf8ff"))
        )
        return [send_from_doc(s.to_dict() or {}) for s in query.stream()]
