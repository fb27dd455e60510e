"""The webhook's Firestore: each message stored once, joined to its citizen's tip.

Intake uses optimistic concurrency rather than a locking transaction: one batch
read (the message's de-duplication record and the reporter), then one commit
whose preconditions (create on the message, last-update-time on the reporter,
create or update on the tip) fail if anything moved, in which case the whole
decision is taken again. Two round trips, and the same delivery twice, or
twice at once, stores one message.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore

from shared.core import intake
from shared.core.refcode import new_code
from shared.store.collections import DUE, EVENTS, MESSAGES, REPORTERS, TIPS, DueKind, due_id
from shared.store.documents import follow_writes, intake_writes
from shared.store.ports import Contended, IntakeResult
from shared.store.transactions import as_storage_errors

CONFLICTS = (gexc.AlreadyExists, gexc.FailedPrecondition, gexc.Conflict, gexc.Aborted)


@dataclass(frozen=True)
class _KnownReporter:
    doc: dict[str, Any]
    update_time: Any


class FirestoreIntake:
    """Intake's Firestore. Keeps, per process, the last reporter state it wrote,
    so the common case (a citizen's next message to the same instance) commits
    in one round trip; the reporter's last-update-time precondition makes a
    stale entry fail safely into the read-then-decide path."""

    def __init__(
        self,
        client: firestore.Client,
        known_reporters: int = 10_000,
        new_ref: Callable[[], str] = new_code,
    ) -> None:
        self.db = client
        self.new_ref = new_ref  # draws a tip's code; the tip's create precondition checks it
        self._known: OrderedDict[str, _KnownReporter] = OrderedDict()
        self._known_max = known_reporters
        self._known_lock = threading.Lock()

    def _remember(self, reporter: str, entry: _KnownReporter | None) -> None:
        with self._known_lock:
            if entry is None:
                self._known.pop(reporter, None)
                return
            self._known[reporter] = entry
            self._known.move_to_end(reporter)
            while len(self._known) > self._known_max:
                self._known.popitem(last=False)

    def _recall(self, reporter: str) -> _KnownReporter | None:
        with self._known_lock:
            return self._known.get(reporter)

    # --- intake -------------------------------------------------------------

    @as_storage_errors
    def intake(
        self,
        msg: intake.Inbound,
        reporter: str,
        user_id: str,
        redacted_raw: str,
        now: datetime,
        window_minutes: int,
        retention_days: int,
        new_ref: Callable[[], str] | None = None,
        attempts: int = 6,
    ) -> IntakeResult:
        msg_ref = self.db.collection(MESSAGES).document(msg.key)
        rep_ref = self.db.collection(REPORTERS).document(reporter)
        for attempt in range(attempts):
            known = self._recall(reporter) if attempt == 0 else None
            if attempt == 0:
                # Blind first try: the message's create precondition catches a
                # duplicate, the reporter's precondition catches any change since.
                rep_exists = known is not None
                rep = dict(known.doc) if known else {}
                rep_update_time = known.update_time if known else None
            else:
                snaps = {s.reference.path: s for s in self.db.get_all([msg_ref, rep_ref])}
                msg_snap, rep_snap = snaps[msg_ref.path], snaps[rep_ref.path]
                if msg_snap.exists:
                    seen = msg_snap.to_dict() or {}
                    return IntakeResult(
                        True, seen.get("kind", msg.kind), seen.get("tip_id"), "none"
                    )
                rep_exists = rep_snap.exists
                rep = rep_snap.to_dict() or {} if rep_exists else {}
                rep_update_time = rep_snap.update_time if rep_exists else None
            w = intake_writes(
                msg,
                reporter,
                user_id,
                redacted_raw,
                now,
                window_minutes,
                retention_days,
                rep,
                new_ref or self.new_ref,
            )
            batch = self.db.batch()
            tips = self.db.collection(TIPS)
            if w.new_tip is not None:
                batch.create(tips.document(w.tip_id), w.new_tip)
            elif w.joined is not None:
                batch.update(tips.document(w.tip_id), _join_tip(w.joined, now))
            if w.event is not None:
                events = tips.document(w.tip_id).collection(EVENTS)
                batch.create(events.document(f"zalo-{msg.key}"), w.event)
            batch.create(msg_ref, w.message)
            # The outbox's safety net: if no router ever handles it, the escalator will.
            batch.set(self.db.collection(DUE).document(due_id(DueKind.MESSAGE, msg.key)), w.due)
            reporter_update = w.reporter
            if rep_exists:
                batch.update(
                    rep_ref,
                    reporter_update,
                    option=self.db.write_option(last_update_time=rep_update_time),
                )
                new_rep = {**rep, **reporter_update}
            else:
                new_rep = {**reporter_update, "first_seen_at": now}
                batch.create(rep_ref, new_rep)
            try:
                results = batch.commit()
            except (*CONFLICTS, gexc.NotFound):
                # A duplicate, a concurrent delivery, a change by the router, or an
                # open tip gone (TTL): decide again on what Firestore holds now.
                self._remember(reporter, None)
                continue
            self._remember(reporter, _KnownReporter(new_rep, results[-1].update_time))
            return w.result
        raise Contended(f"intake of {msg.key} kept conflicting")

    @as_storage_errors
    def record_follow(
        self,
        key: str,
        oa_id: str,
        app_id: str,
        reporter: str,
        user_id: str,
        following: bool,
        now: datetime,
        retention_days: int,
    ) -> bool:
        """Record a follow or unfollow once; False when this delivery was already seen."""
        message, fields, due = follow_writes(
            key, oa_id, app_id, reporter, user_id, following, now, retention_days
        )
        batch = self.db.batch()
        batch.create(self.db.collection(MESSAGES).document(key), message)
        batch.set(self.db.collection(REPORTERS).document(reporter), fields, merge=True)
        if due is not None:  # the outbox: the welcome is not lost with a failed publish
            batch.set(self.db.collection(DUE).document(due_id(DueKind.MESSAGE, key)), due)
        try:
            batch.commit()
        except gexc.AlreadyExists:
            return False
        return True

    @as_storage_errors
    def mark_unpublished(self, tip_id: str | None, message_key: str, now: datetime) -> None:
        """Outbox: the change is stored but Pub/Sub did not take it; the escalator's
        next run republishes it (its `due` entry becomes due at once)."""
        batch = self.db.batch()
        batch.update(
            self.db.collection(DUE).document(due_id(DueKind.MESSAGE, message_key)), {"at": now}
        )
        if tip_id:
            batch.update(self.db.collection(TIPS).document(tip_id), {"unpublished": True})
        else:
            batch.update(self.db.collection(MESSAGES).document(message_key), {"unpublished": True})
        batch.commit()


def _join_tip(items: Mapping[str, list[dict[str, Any]]], now: datetime) -> dict[str, Any]:
    update: dict[str, Any] = {
        "updated_at": now,
        "last_message_at": now,
        "message_count": firestore.Increment(1),
    }
    for name, added in items.items():
        if added:
            update[name] = firestore.ArrayUnion(added)
    return update
