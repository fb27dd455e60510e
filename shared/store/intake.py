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
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore

from shared.core import intake
from shared.core.refcode import new_code
from shared.core.tip import TipStatus
from shared.store.collections import DUE, EVENTS, MESSAGES, REPORTERS, TIPS, DueKind, due_id
from shared.store.ports import Contended, IntakeResult
from shared.store.transactions import as_storage_errors

# A message the router has not handled this long after intake is republished.
UNHANDLED_AFTER = timedelta(minutes=2)


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

    def __init__(self, client: firestore.Client, known_reporters: int = 10_000) -> None:
        self.db = client
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
        new_ref: Callable[[], str] = new_code,
        attempts: int = 6,
    ) -> IntakeResult:
        msg_ref = self.db.collection(MESSAGES).document(msg.key)
        rep_ref = self.db.collection(REPORTERS).document(reporter)
        expire_at = now + timedelta(days=retention_days)
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
            open_tip = None
            if rep.get("open_tip_id"):
                open_tip = intake.OpenTip(
                    rep["open_tip_id"],
                    rep.get("open_tip_status", TipStatus.RECEIVED.value),
                    rep["open_until"],
                )
            plan = intake.plan(msg.kind, open_tip, now)
            batch = self.db.batch()
            tip_id = plan.tip_id
            if plan.action == "open":
                tip_id = new_ref()
                batch.create(
                    self.db.collection(TIPS).document(tip_id),
                    _new_tip(tip_id, msg, reporter, now, expire_at),
                )
            elif plan.action == "join":
                batch.update(self.db.collection(TIPS).document(tip_id), _join_tip(msg, now))
            if tip_id:
                batch.create(
                    self.db.collection(TIPS)
                    .document(tip_id)
                    .collection(EVENTS)
                    .document(f"zalo-{msg.key}"),
                    {
                        "at": now,
                        "actor": "citizen",
                        "kind": "zalo_event",
                        "data": {"event_name": msg.event_name, "raw": redacted_raw},
                        "expire_at": expire_at,
                    },
                )
            batch.create(msg_ref, _message_doc(msg, reporter, tip_id, now, expire_at))
            # The outbox's safety net: if no router ever handles it, the escalator will.
            batch.set(
                self.db.collection(DUE).document(due_id(DueKind.MESSAGE, msg.key)),
                {
                    "at": now + UNHANDLED_AFTER,
                    "kind": DueKind.MESSAGE.value,
                    "message_id": msg.key,
                    "tip_id": tip_id,
                    "event_kind": _event_kind_for(plan.action, msg.kind),
                    "oa_id": msg.oa_id,
                    "attempts": 0,
                },
            )
            reporter_update: dict[str, Any] = {
                "zalo_user_id": user_id,
                "oa_id": msg.oa_id,
                "app_id": msg.app_id,
                "last_interaction_at": now,
                "expire_at": expire_at,
            }
            if tip_id:
                reporter_update["open_tip_id"] = tip_id
                reporter_update["open_tip_status"] = (
                    TipStatus.RECEIVED.value
                    if plan.action == "open"
                    else rep.get("open_tip_status", TipStatus.RECEIVED.value)
                )
                reporter_update["open_until"] = intake.window_end(now, window_minutes)
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
            return IntakeResult(
                False, msg.kind, tip_id, plan.action, _event_kind_for(plan.action, msg.kind)
            )
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
        msg_ref = self.db.collection(MESSAGES).document(key)
        expire_at = now + timedelta(days=retention_days)
        batch = self.db.batch()
        batch.create(
            msg_ref,
            {
                "kind": "follow" if following else "unfollow",
                "tip_id": None,
                "sender_key": reporter,
                "oa_id": oa_id,
                "received_at": now,
                "handled": not following,
                "expire_at": expire_at,
            },
        )
        batch.set(
            self.db.collection(REPORTERS).document(reporter),
            {
                "zalo_user_id": user_id,
                "oa_id": oa_id,
                "app_id": app_id,
                "following": following,
                "last_interaction_at": now,
                "expire_at": expire_at,
            },
            merge=True,
        )
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


def _event_kind_for(action: str, kind: str) -> str:
    if action == "open":
        return "tip.created"
    if action == "join":
        return "tip.updated"
    return kind


def _new_tip(
    tip_id: str, msg: intake.Inbound, reporter: str, now: datetime, expire_at: datetime
) -> dict[str, Any]:
    return {
        "ref": tip_id,
        "status": TipStatus.RECEIVED.value,
        "reporter_key": reporter,
        "oa_id": msg.oa_id,
        "app_id": msg.app_id,
        "created_at": now,
        "updated_at": now,
        "last_message_at": now,
        "texts": [_text(msg, now)] if msg.text else [],
        "locations": [_location(msg, loc, now) for loc in msg.locations],
        "attachments": [_attachment(msg, a) for a in msg.attachments],
        "message_count": 1,
        "intake_classification": msg.classification or None,
        "unpublished": False,
        "expire_at": expire_at,
    }


def _join_tip(msg: intake.Inbound, now: datetime) -> dict[str, Any]:
    update: dict[str, Any] = {
        "updated_at": now,
        "last_message_at": now,
        "message_count": firestore.Increment(1),
    }
    if msg.text:
        update["texts"] = firestore.ArrayUnion([_text(msg, now)])
    if msg.locations:
        update["locations"] = firestore.ArrayUnion([_location(msg, x, now) for x in msg.locations])
    if msg.attachments:
        update["attachments"] = firestore.ArrayUnion([_attachment(msg, a) for a in msg.attachments])
    return update


def _text(msg: intake.Inbound, now: datetime) -> dict[str, Any]:
    return {"msg": msg.key, "text": msg.text, "at": now}


def _location(msg: intake.Inbound, loc: intake.Location, now: datetime) -> dict[str, Any]:
    return {"msg": msg.key, "lat": loc.lat, "lng": loc.lng, "at": now}


def _attachment(msg: intake.Inbound, a: intake.AttachmentRef) -> dict[str, Any]:
    return {
        "msg": msg.key,
        "type": a.type,
        "url": a.url,
        "thumbnail": a.thumbnail,
        "name": a.name,
        "size": a.size,
    }


def _message_doc(
    msg: intake.Inbound, reporter: str, tip_id: str | None, now: datetime, expire_at: datetime
) -> dict[str, Any]:
    return {
        "kind": msg.kind,
        "tip_id": tip_id,
        "sender_key": reporter,
        "oa_id": msg.oa_id,
        "app_id": msg.app_id,
        "event_name": msg.event_name,
        # Tip texts live on the tip; questions and commands keep theirs here for the router.
        "text": None if tip_id else msg.text,
        "classification": msg.classification or None,
        "zalo_timestamp": msg.zalo_timestamp,
        "received_at": now,
        "handled": False,
        "expire_at": expire_at,
    }
