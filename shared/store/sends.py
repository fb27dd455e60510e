"""Send records in Firestore: a tip's sends on the tip (`tips/{ref}.sends`,
`shared.store.tip_sends`), the others as documents (`alerts/{tip}:{step}:{officer}`,
`replies/{key}`).

Every outbound message is claimed in a transaction before it is sent, by the
rule of `shared.core.delivery.may_send`, so a redelivered Pub/Sub message or an
overlapping escalator run sends nothing twice; a passing failure schedules its
retry (`due_at` on the record) in the same write that records it. A send recorded
as pending (with the tip change that calls for it, `TipsStore.change_tip`) is on
the schedule from the start, so whatever crashes where, the sweep finds it.

A tip's send's outcome is kept back (`KeptOutcomes`) and written with the tip's
next write, or by `settle_sends` (the end of a handler, `mark_handled`): one write
for all of a handler's outcomes on one tip, under a precondition on the update time
of this process's last write of the tip (changed since: read again, in a transaction).
"""

from __future__ import annotations

import contextlib
import copy
import threading
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter
from google.cloud.firestore_v1.field_path import FieldPath

from shared.store import transactions
from shared.store.collections import ALERTS, TIPS, SendKind
from shared.store.documents import (
    alert_reached,
    send_due_fields,
    send_finish_fields,
    send_from_doc,
    send_pending_doc,
)
from shared.store.ports.line import Claim, DeliveryStatus, SendRecord
from shared.store.tip_sends import (
    SENDS,
    SENDS_SPILLED,
    KeptOutcomes,
    apply_outcomes,
    claimed,
    documents_too,
    due_after_sends,
    entry_id,
    entry_key,
    full,
    sends_of,
    tip_of,
)
from shared.store.write_pbs import update_document, update_in

# This process's last write of a tip it keeps outcomes for: the tip as written, and its
# update time (the precondition of the outcomes' write). Bounded: a handler needs one.
KNOWN_TIPS = 256


def entry_fields(changed: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Update paths of whole entries of the tip's `sends` map."""
    return {FieldPath(SENDS, e).to_api_repr(): dict(v) for e, v in changed.items()}


class KnownTips:
    """What this process last wrote of the tips it keeps outcomes for."""

    _known: dict[str, tuple[dict[str, Any], Any]]
    _known_lock: threading.Lock

    def _know(self, ref: str, data: dict[str, Any], update_time: Any) -> None:
        with self._known_lock:
            if len(self._known) >= KNOWN_TIPS:
                self._known.clear()
            self._known[ref] = (data, update_time)

    def _peek(self, ref: str) -> tuple[dict[str, Any], Any] | None:
        with self._known_lock:
            return self._known.get(ref)

    def _forget(self, ref: str) -> tuple[dict[str, Any], Any] | None:
        with self._known_lock:
            return self._known.pop(ref, None)


class SendsStore(KnownTips):
    db: firestore.Client
    kept_outcomes: KeptOutcomes

    # --- reads ----------------------------------------------------------------------------

    def _tip_sends(self, ref: str) -> tuple[dict[str, Any] | None, dict[str, dict[str, Any]]]:
        """The tip as stored (None: no such tip) and its sends, with the outcomes this
        process keeps back applied."""
        snap = self.db.collection(TIPS).document(ref).get()
        if not snap.exists:
            return None, {}
        data = snap.to_dict() or {}
        sends = sends_of(data)
        apply_outcomes(sends, self.kept_outcomes.of(ref))
        return data, sends

    def officers_alerted(self, ref: str) -> list[str]:
        """The officers an alert about the tip reached (or may still), in no order."""
        data, sends = self._tip_sends(ref)
        found = {
            str(e["officer_id"])
            for k, e in sends.items()
            if entry_key(k)[0] is SendKind.ALERT and alert_reached(e)
        }
        if data is None or documents_too(data):  # routed by an older release, or spilled
            query = (
                self.db.collection(ALERTS)
                .where(filter=FieldFilter("tip_id", "==", ref))
                .select(["officer_id", "status"])
            )
            docs = (s.to_dict() or {} for s in query.stream())
            found |= {str(d["officer_id"]) for d in docs if alert_reached(d)}
        return sorted(found)

    def send_record(self, kind: SendKind, key: str, tip_id: str | None = None) -> SendRecord | None:
        ref = tip_of(tip_id)
        if ref is not None:
            _, sends = self._tip_sends(ref)
            entry = sends.get(entry_id(kind, key))
            if entry is not None:
                return send_from_doc(entry)
        snap = self.db.collection(kind.value).document(key).get()
        return send_from_doc(snap.to_dict() or {}) if snap.exists else None

    def step_sends(self, ref: str, alert_key: str) -> list[SendRecord]:
        """The alerts of one step of a tip: its entries on the tip, else (a step an
        older release took, or one that alerted nobody) the documents
        `alerts/{ref}:{alert_key}:*`, a range of ids Firestore's built-in index serves."""
        prefix = f"{ref}:{alert_key}:"
        data, sends = self._tip_sends(ref)
        on_tip = [
            send_from_doc(e)
            for k, e in sorted(sends.items())
            if entry_key(k)[0] is SendKind.ALERT and entry_key(k)[1].startswith(prefix)
        ]
        if on_tip and not (data or {}).get(SENDS_SPILLED):
            return on_tip
        alerts = self.db.collection(ALERTS)
        query = alerts.where(filter=FieldFilter("__name__", ">=", alerts.document(prefix))).where(
            filter=FieldFilter("__name__", "<", alerts.document(prefix + "\uf8ff"))
        )
        return [*on_tip, *(send_from_doc(s.to_dict() or {}) for s in query.stream())]

    # --- claims, holds, outcomes ---------------------------------------------------------

    def claim_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime
    ) -> Claim | None:
        """Claim the right to send `key` once now; None when it was sent, is being
        sent by someone else, or waits for its retry time."""
        ref = tip_of(record.tip_id)
        if ref is not None:
            on_tip, claim = self._on_tip(ref, kind, key, lambda e: claimed(e, record, now))
            if on_tip:
                return claim
        doc_ref = self.db.collection(kind.value).document(key)

        def body(txn: Any) -> Claim | None:
            snap = doc_ref.get(transaction=txn)
            stored = snap.to_dict() if snap.exists else None
            decided = claimed(stored, record, now)
            if decided is None:
                return None
            entry, claim = decided
            txn.set(doc_ref, entry, merge=True)
            return claim

        return transactions.run(self.db, body)

    def hold_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime, at: datetime
    ) -> None:
        """A send not attempted now (Zalo is down, or the run's time is spent):
        recorded as pending if it was not recorded yet, and due at `at`."""

        def held(entry: dict[str, Any] | None) -> tuple[dict[str, Any], None] | None:
            if entry is not None:
                return None  # recorded: its own entry of the schedule brings it back
            return {**send_pending_doc(record, now), **send_due_fields(at)}, None

        ref = tip_of(record.tip_id)
        if ref is not None and self._on_tip(ref, kind, key, held)[0]:
            return
        doc_ref = self.db.collection(kind.value).document(key)

        def body(txn: Any) -> None:
            if doc_ref.get(transaction=txn).exists:
                return
            txn.set(doc_ref, {**send_pending_doc(record, now), **send_due_fields(at)})

        transactions.run(self.db, body)

    def _on_tip(self, ref: str, kind: SendKind, key: str, decide: Any) -> tuple[bool, Any]:
        """Decide on a send's entry on its tip (with the outcomes kept back for it,
        written too): (False, None) when the send's record is not on the tip (no such
        tip; or an older release's document, found when its entry is absent), else
        (True, what `decide` returned). Decided on the tip as this process last wrote it
        and written under a precondition on its update time when it has it (no read);
        else, or changed since, in a transaction on the tip."""
        tip_ref = self.db.collection(TIPS).document(ref)
        doc_ref = self.db.collection(kind.value).document(key)
        eid = entry_id(kind, key)
        kept = self.kept_outcomes.of(ref)
        known = self._peek(ref)
        if known is not None and not documents_too(known[0]):  # no document to look for
            data, update_time = known
            on_tip, result, fields, written = _entry_decided(data, kept, eid, decide, None)
            if not fields:
                return on_tip, result
            with contextlib.suppress(*transactions.WRITTEN_SINCE):  # written since: read it
                done = update_document(
                    tip_ref, fields, self.db.write_option(last_update_time=update_time)
                )
                self.kept_outcomes.written(ref, kept)
                self._know(ref, written, done.update_time)
                return on_tip, result
        txns: list[Any] = []

        def body(txn: Any) -> tuple[bool, Any, dict[str, Any], dict[str, Any]]:
            txns.append(txn)
            snap = tip_ref.get(transaction=txn)
            if not snap.exists:
                return False, None, {}, {}
            older = lambda: doc_ref.get(transaction=txn).exists  # noqa: E731
            decided = _entry_decided(snap.to_dict() or {}, kept, eid, decide, older)
            if decided[2]:
                update_in(txn, tip_ref, decided[2])
            return decided

        on_tip, result, fields, written = transactions.run(self.db, body)
        if fields:
            self.kept_outcomes.written(ref, kept)
            self._know(ref, written, txns[-1].write_results[0].update_time)
        return on_tip, result

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
        tip_id: str | None = None,
    ) -> bool:
        """Record the outcome; a retry stays on the schedule at its time, anything
        else leaves it (the schedule is the record's `due_at`). A tip's send's outcome
        is kept back for the tip's next write (`settle_sends`): False, nothing written now."""
        fields = send_finish_fields(
            status, now, retry_at, message_id, error, strikes, outage, quota
        )
        ref = tip_of(tip_id)
        if ref is not None:
            self.kept_outcomes.add(ref, entry_id(kind, key), fields)
            return False
        self.db.collection(kind.value).document(key).update(fields)
        return True


class OutcomesStore(KnownTips):
    """The outcomes of a tip's sends kept back, written one write a tip."""

    db: firestore.Client
    kept_outcomes: KeptOutcomes

    def settle_sends(self) -> bool:
        """Write the outcomes kept back, one write a tip; whether anything was written."""
        wrote = False
        for ref in self.kept_outcomes.tips():
            wrote = self._settle(ref) or wrote
        return wrote

    def _settle(self, ref: str) -> bool:
        outcomes = self.kept_outcomes.of(ref)
        if not outcomes:
            return False
        tip_ref = self.db.collection(TIPS).document(ref)
        known = self._forget(ref)
        left: dict[str, dict[str, Any]] | None = None
        written = False
        if known is not None:
            data, update_time = known
            sends = sends_of(data)
            before = copy.deepcopy(sends)
            changed = apply_outcomes(sends, outcomes)
            fields = {**entry_fields(changed), **due_after_sends(data, before, sends)}
            if changed:
                with contextlib.suppress(*transactions.WRITTEN_SINCE):  # written since: read it
                    result = update_document(
                        tip_ref, fields, self.db.write_option(last_update_time=update_time)
                    )
                    self._know(ref, {**data, SENDS: sends, **_plain(fields)}, result.update_time)
                    left = {e: f for e, f in outcomes.items() if e not in changed}
                    written = True
        if left is None:  # nothing known of the tip, or it changed since: read it
            left, written = self._settle_read(tip_ref, ref, outcomes)
        for entry, fields in left.items():  # not on the tip: an older release's document
            kind, key = entry_key(entry)
            with contextlib.suppress(gexc.NotFound):
                self.db.collection(kind.value).document(key).update(fields)
                written = True
        self.kept_outcomes.written(ref, outcomes)
        return written

    def _settle_read(
        self, tip_ref: Any, ref: str, outcomes: Mapping[str, Mapping[str, Any]]
    ) -> tuple[dict[str, dict[str, Any]], bool]:
        """The outcomes written on the tip as read now; those whose entry it lacks."""
        txns: list[Any] = []

        def body(txn: Any) -> tuple[dict[str, dict[str, Any]], dict[str, Any] | None]:
            txns.append(txn)
            snap = tip_ref.get(transaction=txn)
            if not snap.exists:
                return {e: dict(f) for e, f in outcomes.items()}, None
            data = snap.to_dict() or {}
            sends = sends_of(data)
            before = copy.deepcopy(sends)
            changed = apply_outcomes(sends, outcomes)
            left = {e: dict(f) for e, f in outcomes.items() if e not in changed}
            if not changed:
                return left, None
            fields = {**entry_fields(changed), **due_after_sends(data, before, sends)}
            update_in(txn, tip_ref, fields)
            return left, {**data, SENDS: sends, **_plain(fields)}

        left, data = transactions.run(self.db, body)
        if data is not None:
            self._know(ref, data, txns[-1].write_results[0].update_time)
        return left, data is not None


def _entry_decided(
    data: Mapping[str, Any],
    kept: Mapping[str, Mapping[str, Any]],
    eid: str,
    decide: Any,
    older: Callable[[], bool] | None,
) -> tuple[bool, Any, dict[str, Any], dict[str, Any]]:
    """`decide` on entry `eid` of the tip `data`, with the outcomes `kept` back: whether
    the send is on the tip, what `decide` gave, the tip's fields to write (none: nothing
    to write) and the tip as written. `older`: whether an older release's document is
    the send's record (asked only when the entry is absent; None: there is none)."""
    sends = sends_of(data)
    before = copy.deepcopy(sends)
    changed = apply_outcomes(sends, kept)
    stored = sends.get(eid)
    if stored is None and older is not None and documents_too(data) and older():
        return False, None, {}, {}  # an older release's record: it stays the record
    if stored is None and full(sends):
        # No room on the tip: a document of its own (the outcomes kept back written).
        fields = {} if data.get(SENDS_SPILLED) else {SENDS_SPILLED: True}
        if changed:
            fields.update({**entry_fields(changed), **due_after_sends(data, before, sends)})
        return False, None, fields, {**data, **_plain(fields), SENDS: sends}
    decided = decide(copy.deepcopy(stored) if stored is not None else None)
    result = None
    if decided is not None:
        entry, result = decided
        sends[eid] = changed[eid] = {**(stored or {}), **entry}
    if not changed:
        return True, result, {}, {}
    fields = {**entry_fields(changed), **due_after_sends(data, before, sends)}
    return True, result, fields, {**data, **_plain(fields), SENDS: sends}


def _plain(fields: Mapping[str, Any]) -> dict[str, Any]:
    """The top-level fields of an update (not the `sends.…` paths)."""
    return {k: v for k, v in fields.items() if "." not in k and "`" not in k}
