"""Tips, their messages and the events kept raw, in Firestore (the schedule:
`shared.store.schedule`).

Every change of a tip's state goes through `change_tip`: a transaction that
reads the tip, lets a pure transition (`shared.core.tip`) decide on what it
found, and writes the tip (its ladder's entry of the schedule, `due_at`, in it)
and its audit event together.
"""

from __future__ import annotations

import contextlib
import copy
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core.tip import Tip, TipChange, TipStatus
from shared.store import transactions
from shared.store.collections import (
    DUE_AT,
    EVENTS,
    MESSAGES,
    PARTS,
    QUARANTINE,
    SENDERS,
    TIPS,
)
from shared.store.databases import Databases
from shared.store.documents import (
    message_from_doc,
    salvage_tip,
    spawned_tip_doc,
    tip_from_doc,
    tip_updates,
    trail_appended,
    trail_entry,
)
from shared.store.intake_documents import (
    quarantined_from_doc,
    sender_change,
    taken_in_fields,
)
from shared.store.ports import CodeTaken, Quarantined
from shared.store.ports.line import Applied, Decide, MessageRecord, Plan
from shared.store.sends import KnownTips, entry_fields
from shared.store.tip_sends import (
    SENDS,
    KeptOutcomes,
    apply_outcomes,
    documents_too,
    record_planned,
    routed_now,
    sends_fields,
    sends_of,
    tip_due_fields,
    tip_of,
)
from shared.store.write_pbs import update_in


class TipsStore(KnownTips):
    db: firestore.Client  # main
    dbs: Databases
    kept_outcomes: KeptOutcomes
    settle_sends: Callable[[], bool]  # `SendsStore`'s

    # --- tips -----------------------------------------------------------------------

    def tip(self, ref: str) -> Tip | None:
        return self.read_tip(ref).tip

    def read_tip(self, ref: str) -> Applied:
        snap = self.db.collection(TIPS).document(ref).get()
        if not snap.exists:
            return Applied(None)
        return Applied(tip_from_doc(snap.to_dict() or {}), seen=Seen(snap, snap.update_time))

    def tips_held_by(self, officer_id: str) -> list[Tip]:
        """The open tips an officer holds (two equalities: no composite index)."""
        query = (
            self.db.collection(TIPS)
            .where(filter=FieldFilter("held_by", "==", officer_id))
            .where(filter=FieldFilter("status", "==", TipStatus.ACKNOWLEDGED.value))
        )
        return [tip_from_doc(s.to_dict() or {}) for s in query.stream()]

    def tips_of_reporter(self, reporter_key: str) -> list[Tip]:
        """A citizen's tips, in no order (one equality: no composite index). Their
        number is bounded by fair use and the tips' retention."""
        query = self.db.collection(TIPS).where(
            filter=FieldFilter("reporter_key", "==", reporter_key)
        )
        return [tip_from_doc(s.to_dict() or {}) for s in query.stream()]

    def unheld_tips(self, unit_id: str | None, limit: int) -> list[Tip]:
        """Tips waiting to be taken, at one unit or (None) anywhere, oldest first."""
        query: Any = self.db.collection(TIPS).where(
            filter=FieldFilter("status", "==", TipStatus.ROUTED.value)
        )
        if unit_id is not None:
            query = query.where(filter=FieldFilter("unit_id", "==", unit_id))
        tips = [tip_from_doc(s.to_dict() or {}) for s in query.limit(limit).stream()]
        return sorted(tips, key=lambda t: t.created_at)

    def change_tip(
        self,
        ref: str,
        decide: Decide,
        now: datetime,
        *,
        salvage: bool = False,
        plan: Plan | None = None,
        seen: object | None = None,
    ) -> Applied:
        """Run `decide` on the tip as it is now, and write what it returns, atomically.

        `salvage`: a tip that cannot be read is repaired field by field (see
        `shared.store.documents.salvage_tip`) rather than refused, and the repair is
        written with the change and named in its audit event.
        `plan`: the sends the change calls for, recorded as pending in the same
        transaction (each once: one already recorded is left as it is), each with
        its entry of the schedule (`due_at` on the send's own record), so a crash
        after the commit leaves them to the sweep.
        `seen`: what an earlier call that decided nothing found (`Applied.seen`): the
        tip is not read again, and the change is written only if it is unchanged
        since (a precondition on its update time); changed meanwhile, it is read
        and decided again.
        """
        if isinstance(seen, Seen):
            with contextlib.suppress(*transactions.WRITTEN_SINCE):  # changed meanwhile
                return self._change(ref, decide, now, salvage, plan, seen)
        return self._change(ref, decide, now, salvage, plan, None)

    def _change(
        self,
        ref: str,
        decide: Decide,
        now: datetime,
        salvage: bool,
        plan: Plan | None,
        seen: Seen | None,
    ) -> Applied:
        tip_ref = self.db.collection(TIPS).document(ref)
        unchanged = self.db.write_option(last_update_time=seen.update_time) if seen else None

        kept = self.kept_outcomes.of(ref)
        txns: list[Any] = []
        written: list[dict[str, Any]] = []  # the tip as this change wrote it

        def body(txn: Any) -> Applied:
            txns.append(txn)
            written.clear()
            snap = seen.snap if seen else tip_ref.get(transaction=txn)
            if not snap.exists:
                return Applied(None)
            stored = snap.to_dict() or {}
            repairs: dict[str, Any] = {}
            if salvage:
                before, repairs = salvage_tip(ref, stored, now)
            else:
                before = tip_from_doc(stored)
            change = decide(before)
            if change is None:
                return Applied(before, seen=Seen(snap, snap.update_time))
            after = change.tip
            spawned_ref = _free_spawned(self.db, txn, change)  # reads before writes
            sender_ref, sender = self.db.collection(SENDERS).document(before.reporter_key), None
            if change.finishes_conversation or change.resumes_conversation or change.takes_in:
                found = sender_ref.get(transaction=txn)  # reads before writes
                sender = sender_change(found.to_dict() if found.exists else None, ref, change)
            planned = tuple(plan(after, change)) if plan is not None else ()
            sends = sends_of(stored)
            sends_before = copy.deepcopy(sends)
            changed = apply_outcomes(sends, kept)  # outcomes kept back: written with it
            doc_refs = [self.db.collection(p.kind.value).document(p.key) for p in planned]
            # An older release's records are documents: looked for unless this release
            # routed the tip (then every send of it is on it, unless its map spilled).
            legacy = documents_too(stored) and not routed_now(before, after)
            check = [n for n, p in enumerate(planned) if legacy or tip_of(p.record.tip_id) != ref]
            found = self.db.get_all([doc_refs[n] for n in check], transaction=txn) if check else []
            paths = {s.reference.path for s in found if s.exists}
            documents = {n for n in check if doc_refs[n].path in paths}
            recorded = record_planned(ref, planned, sends, changed, documents, now)
            updates = {**repairs, **tip_updates({**stored, **repairs}, after)}
            updates.update(taken_in_fields(stored, change, now))  # a message moved in
            # Its entry of the schedule: the ladder's, the grouped update's, its sends'.
            updates.update(tip_due_fields(stored, before, after, sends_before, sends))
            updates.update(sends_fields(stored, before, after, recorded.spilled))
            trail, spill = trail_appended(stored, _trail_entries(change, now, repairs))
            plain = {**updates, **trail, "updated_at": now}
            # Its `Write` built here: the client makes a FieldPath a leaf of every entry.
            update_in(txn, tip_ref, {**plain, **entry_fields(changed)}, unchanged)
            for event_id, entry in spill.items():  # past the list's bound: documents
                txn.set(tip_ref.collection(EVENTS).document(event_id), {**entry, **_expiry(before)})
            _write_spawned(txn, spawned_ref, change, now)
            for n, doc in recorded.as_docs:
                txn.set(doc_refs[n], doc)
            if sender is not None:
                txn.update(sender_ref, sender)
            written.append({**stored, **plain, SENDS: sends})
            return Applied(after, change, tuple(recorded.carried))

        applied = transactions.run(self.db, body)
        if applied.change is not None and written:
            self.kept_outcomes.written(ref, kept)
            self._know(ref, written[-1], txns[-1].write_results[0].update_time)
        return applied

        return transactions.run(self.db, body)

    # --- messages and reporters --------------------------------------------------------

    def message(self, key: str) -> MessageRecord | None:
        snap = self.db.collection(MESSAGES).document(key).get()
        return message_from_doc(key, snap.to_dict() or {}) if snap.exists else None

    def mark_handled(self, key: str, now: datetime, *, answered: bool | None = None) -> None:
        """The router is done with a message: it leaves the sweep's schedule. The
        outcomes of its sends kept back are written first (a crash between the two
        leaves the message to be handled again, which finds its sends done)."""
        self.settle_sends()
        fields: dict[str, Any] = {"handled": True, "handled_at": now, DUE_AT: None}
        if answered is not None:
            fields["answered"] = answered
        self.db.collection(MESSAGES).document(key).update(fields)

    def give_up_message(self, key: str, now: datetime) -> None:
        """The sweep stops republishing a message no router handled. It stays
        unhandled: a router that gets to it later still acts on it."""
        self.db.collection(MESSAGES).document(key).update(
            {"gave_up": True, "gave_up_at": now, DUE_AT: None}
        )

    # --- events kept raw -----------------------------------------------------------------

    def quarantined(self, key: str) -> Quarantined | None:
        ref = self.dbs.collection(QUARANTINE).document(key)
        snap = ref.get()
        if not snap.exists:
            return None
        data = snap.to_dict() or {}
        parts: list[bytes] = []
        if int(data.get("raw_parts") or 1) > 1:
            found = sorted(ref.collection(PARTS).stream(), key=lambda s: int(s.id))
            parts = [bytes((s.to_dict() or {}).get("raw") or b"") for s in found]
        return quarantined_from_doc(key, data, parts)

    def mark_quarantine_answered(self, key: str, now: datetime) -> None:
        self.dbs.collection(QUARANTINE).document(key).update({"answered": True, "answered_at": now})


@dataclass(frozen=True)
class Seen:
    """A tip as read before a change (`Applied.seen`: by a transaction that decided
    nothing, or a plain read; `DueItem.seen`: by the schedule's query)."""

    snap: Any  # its DocumentSnapshot
    update_time: Any


def _free_spawned(db: firestore.Client, txn: Any, change: TipChange) -> Any:
    """The document of the tip a change starts, once its code is known to be nobody's."""
    if change.spawned is None:
        return None
    ref = db.collection(TIPS).document(change.spawned.ref)
    if ref.get(transaction=txn).exists:
        raise CodeTaken(change.spawned.ref)
    return ref


def _write_spawned(txn: Any, ref: Any, change: TipChange, now: datetime) -> None:
    spawned = change.spawned
    if ref is None or spawned is None:
        return
    txn.create(ref, spawned_tip_doc(spawned, now, change.spawned_event))


def _trail_entries(
    change: TipChange, now: datetime, repairs: dict[str, Any]
) -> list[dict[str, Any]]:
    entries = []
    for audit in change.events:
        entry = trail_entry(audit, now)
        if repairs and audit is change.event:
            entry["data"]["repaired"] = sorted(repairs)
        entries.append(entry)
    return entries


def _expiry(tip: Tip) -> dict[str, Any]:
    return {"expire_at": tip.expire_at}  # TTL does not cascade: it expires with its tip
