"""Send records in Firestore (`alerts/{tip}:{step}:{officer}`, `replies/{key}`).

Every outbound message is claimed in a transaction before it is sent, by the
rule of `shared.core.delivery.may_send`, so a redelivered Pub/Sub message or an
overlapping escalator run sends nothing twice; a passing failure schedules its
retry in `due` in the same write that records it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core import delivery
from shared.store import transactions
from shared.store.collections import ALERTS, DUE, DueKind, SendKind, due_id
from shared.store.documents import (
    send_claim_doc,
    send_due_doc,
    send_finish_fields,
    send_from_doc,
)
from shared.store.ports import DeliveryStatus, SendRecord


class SendsStore:
    db: firestore.Client

    def officers_alerted(self, ref: str) -> list[str]:
        """The officers an alert about the tip reached (or is reaching), in no order."""
        query = (
            self.db.collection(ALERTS)
            .where(filter=FieldFilter("tip_id", "==", ref))
            .select(["officer_id", "status"])
        )
        found = (s.to_dict() or {} for s in query.stream())
        return sorted({str(d["officer_id"]) for d in found if _reached(d)})

    def claim_send(self, kind: SendKind, key: str, record: SendRecord, now: datetime) -> int:
        """Claim the right to send `key` once: the attempt number, or 0 when it was sent
        or is being sent by someone else."""
        ref = self.db.collection(kind.value).document(key)

        def body(txn: Any) -> int:
            snap = ref.get(transaction=txn)
            stored = snap.to_dict() if snap.exists else None
            if not delivery.may_send(stored, now):
                return 0
            attempts = int((stored or {}).get("attempts", 0)) + 1
            txn.set(ref, send_claim_doc(record, now, attempts), merge=True)
            return attempts

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
    ) -> None:
        fields = send_finish_fields(status, now, retry_at, message_id, error)
        batch = self.db.batch()
        batch.update(self.db.collection(kind.value).document(key), fields)
        retry_ref = self.db.collection(DUE).document(due_id(DueKind.SEND, f"{kind.value}|{key}"))
        if retry_at is not None:
            batch.set(retry_ref, send_due_doc(kind, key, retry_at))
        else:
            batch.delete(retry_ref)
        batch.commit()

    def send_record(self, kind: SendKind, key: str) -> SendRecord | None:
        snap = self.db.collection(kind.value).document(key).get()
        return send_from_doc(snap.to_dict() or {}) if snap.exists else None


def _reached(doc: dict[str, Any]) -> bool:
    """An alert that went out, or may still (an unreachable one did not)."""
    reached = (DeliveryStatus.SENT.value, DeliveryStatus.SENDING.value, DeliveryStatus.FAILED.value)
    return bool(doc.get("officer_id")) and doc.get("status") in reached
