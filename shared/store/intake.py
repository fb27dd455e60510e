"""The webhook's Firestore: each message stored once, joined to its citizen's tip.

Intake uses optimistic concurrency rather than a locking transaction: one batch
read (the message's de-duplication record and the citizen's intake state,
`senders/{key}`), then one commit whose preconditions (create on the message,
last-update-time on the sender, create or update on the tip) fail if anything
moved, in which case the whole decision is taken again: read at once the first
time (the first try was blind, or skipped: below), then after a jittered, growing
pause (one citizen's simultaneous photos otherwise collide in lockstep), until the
caller's deadline. The same delivery twice, or twice at once, stores
one message. Within one process a citizen's messages take turns (`_Remembered.turn`),
so that only messages to different processes, or a change by the router, conflict.

Every intake write of a tip's summary carries the sender's precondition, so the
summary a process last wrote (kept per process with the sender's state) is the
current one exactly when that precondition holds: the common case commits with
no read at all, a tip text after a question included (a message that touches no
tip leaves the remembered summary as it was). Knowing then what the tip and the
sender documents hold, that commit's updates name only the fields whose values
change (a text joining a tip: 5 of the tip's 9, 5 of the sender's 12); a state read
from Firestore is written whole (bench/README.md, round 34). The router keeps it too: when it
rewrites the summary of the citizen's open tip (a message taken in from another
tip), it writes the sender in the same transaction (`intake_documents.sender_change`).

Who the citizen is (their Zalo id, `reporters/{key}`) lives in the contacts
database, which the webhook may only create documents in. A commit cannot span
two databases, so the contact is created first, with an exists=false
precondition (`AlreadyExists` counts as done), and the rest committed after: a
crash between the two leaves a contact keyed by a pseudonym (expiring by TTL)
that Zalo's retry finds already there, and no message the router could see
without its contact. A process creates a citizen's contact once an hour at most
(a contact deleted by TTL comes back with the next message after that).
That create also tells a citizen new to Firestore (created: the first commit goes
blind, its create preconditions hold) from one only new to this process (already
there: their sender most likely is too, so the state is read before the first
commit rather than after a blind one fails).
"""

from __future__ import annotations

import contextlib
import random
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore

from shared.core import intake
from shared.core.intake import IntakeRules, SenderState, Summary
from shared.core.refcode import new_code
from shared.store.collections import (
    DUE_AT,
    MESSAGES,
    PARTS,
    QUARANTINE,
    REPORTERS,
    SENDERS,
    TIPS,
)
from shared.store.databases import Databases
from shared.store.intake_documents import (
    IntakeWrites,
    contact_doc,
    duplicate_result,
    follow_writes,
    intake_writes,
    quarantine_docs,
    sender_from_doc,
)
from shared.store.ports import Contended, IntakeResult, Quarantined
from shared.store.summary_documents import summary_from_doc
from shared.store.transactions import as_storage_errors
from shared.store.write_pbs import commit as write_pbs_commit
from shared.store.write_pbs import create_writes, update_writes

CONFLICTS = (gexc.AlreadyExists, gexc.FailedPrecondition, gexc.Conflict, gexc.Aborted)
# The citizen's identity document is refreshed (last interaction, expiry) at most
# this often by one process: it never changes, so it need not be written each time.
IDENTITY_REFRESH = timedelta(hours=1)


@dataclass(frozen=True)
class Backoff:
    """Full-jitter exponential backoff between intake attempts."""

    first: float = 0.01
    cap: float = 0.2
    attempts: int = 40  # without a deadline (the router's deferred intake)

    def pause(self, attempt: int, rand: Callable[[], float]) -> float:
        return rand() * min(self.cap, self.first * 2**attempt)


@dataclass(frozen=True)
class _Known:
    """A citizen's state as this process last wrote it, with its open tip's summary."""

    state: SenderState
    update_time: Any
    summary: Summary | None  # of state.open_tip_id, as this process last wrote it


class _Remembered:
    """What one process remembers between messages, bounded (least recently used
    goes first): each citizen's state as it last wrote it, when it last created
    their contact, and which pseudonym a citizen resolved to."""

    def __init__(self, size: int) -> None:
        self._known: OrderedDict[str, _Known] = OrderedDict()
        self._identified: OrderedDict[str, datetime] = OrderedDict()
        self._resolved: OrderedDict[tuple[str, ...], str] = OrderedDict()
        self._turns: dict[str, tuple[threading.Lock, list[int]]] = {}  # held or awaited
        self._size = size
        self._lock = threading.Lock()

    @contextlib.contextmanager
    def turn(self, reporter: str, timeout: float | None) -> Iterator[None]:
        """One citizen's messages to this process take turns: the second of two sent at
        once waits for the first's commit (a few ms) and then commits on the state it
        wrote, rather than both committing, one failing its precondition and reading
        everything again. Other processes' messages are still caught by preconditions."""
        with self._lock:
            lock, waiting = self._turns.setdefault(reporter, (threading.Lock(), [0]))
            waiting[0] += 1
        got = lock.acquire(timeout=-1 if timeout is None else max(0.0, timeout))
        try:
            if not got:
                raise Contended(f"another message of {reporter} held its turn too long")
            yield
        finally:
            if got:
                lock.release()
            with self._lock:
                waiting[0] -= 1
                if not waiting[0]:
                    del self._turns[reporter]

    def _put(self, table: OrderedDict[Any, Any], key: Any, value: Any) -> None:
        with self._lock:
            if value is None:
                table.pop(key, None)
                return
            table[key] = value
            table.move_to_end(key)
            while len(table) > self._size:
                table.popitem(last=False)

    def remember(self, reporter: str, entry: _Known | None) -> None:
        self._put(self._known, reporter, entry)

    def recall(self, reporter: str) -> _Known | None:
        with self._lock:
            return self._known.get(reporter)

    def identified(self, reporter: str, at: datetime) -> None:
        self._put(self._identified, reporter, at)

    def identified_at(self, reporter: str) -> datetime | None:
        with self._lock:
            return self._identified.get(reporter)

    def resolved(self, pseudonyms: tuple[str, ...]) -> str | None:
        with self._lock:
            return self._resolved.get(pseudonyms)

    def resolve(self, pseudonyms: tuple[str, ...], chosen: str) -> None:
        self._put(self._resolved, pseudonyms, chosen)


class FirestoreIntake:
    """Intake's Firestore. Keeps, per process, the last sender state it wrote, so
    the common case (a citizen's next message to the same instance) commits in
    one round trip; the sender's last-update-time precondition makes a stale
    entry fail safely into the read-then-decide path."""

    def __init__(
        self,
        databases: Databases,
        known_reporters: int = 10_000,
        backoff: Backoff = Backoff(),
        sleep: Callable[[float], None] = time.sleep,
        rand: Callable[[], float] = random.random,
        monotonic: Callable[[], float] = time.monotonic,
        new_ref: Callable[[], str] = new_code,
    ) -> None:
        self.db = databases.main
        self.dbs = databases
        # Made once: a collection's reference costs ≈ 2-3 µs of the client's Python a time.
        self._messages = self.db.collection(MESSAGES)
        self._senders = self.db.collection(SENDERS)
        self._tips = self.db.collection(TIPS)
        self.new_ref = new_ref  # draws a tip's code; the tip's create precondition checks it
        self._memory = _Remembered(known_reporters)
        self._backoff, self._sleep, self._rand, self._monotonic = backoff, sleep, rand, monotonic

    # --- pseudonyms ----------------------------------------------------------------------

    @as_storage_errors
    def resolve_reporter(self, pseudonyms: tuple[str, ...], deadline: float | None = None) -> str:
        if len(pseudonyms) <= 1:
            return pseudonyms[0]
        chosen = self._memory.resolved(pseudonyms)
        if chosen is None:
            # Senders only: the contacts database is not the webhook's to read.
            refs = [self.db.collection(SENDERS).document(p) for p in pseudonyms]
            read = self.db.get_all(refs, **self._rpc(deadline))
            found = {s.reference.id for s in read if s.exists}
            chosen = next((p for p in pseudonyms if p in found), pseudonyms[0])
            self._memory.resolve(pseudonyms, chosen)
        return chosen

    # --- intake ----------------------------------------------------------------------------

    def _rpc(self, deadline: float | None) -> dict[str, Any]:
        return _within(deadline, self._monotonic)

    def _wait(self, attempt: int, deadline: float | None, key: str) -> None:
        # None before the first read: the first try was blind (or skipped, attempt 1 given),
        # and what fails it is most often this process's memory (a change by the router,
        # a citizen it forgot, or whose contact was gone while their sender was not).
        pause = self._backoff.pause(attempt, self._rand) if attempt > 1 else 0.0
        out_of_time = deadline is not None and self._monotonic() + pause > deadline
        if out_of_time or (deadline is None and attempt >= self._backoff.attempts):
            raise Contended(f"intake of {key} kept conflicting")
        if pause:
            self._sleep(pause)

    @as_storage_errors
    def intake(
        self,
        msg: intake.Inbound,
        reporter: str,
        user_id: str,
        redacted_raw: str,
        now: datetime,
        rules: IntakeRules,
        deadline: float | None = None,
        new_ref: Callable[[], str] | None = None,
    ) -> IntakeResult:
        left = None if deadline is None else deadline - self._monotonic()
        with self._memory.turn(reporter, left):
            msg_ref = self._messages.document(msg.key)
            sender_ref = self._senders.document(reporter)
            tips = self._tips
            draw = new_ref or self.new_ref
            last_tip: str | None = None
            # 1 (read before the first commit) for a citizen new to this process only.
            attempt = _identify(self, msg, reporter, user_id, now, rules, deadline)
            if msg.kind == "command":
                plan = intake.plan(msg.kind, SenderState(), now, rules.window, rules.fair, draw)
                w = intake_writes(msg, reporter, user_id, redacted_raw, now, rules, plan, None)
                return _stateless(msg_ref, msg.kind, w, lambda: self._rpc(deadline))
            while True:
                if attempt:
                    self._wait(attempt, deadline, msg.key)
                attempt += 1
                known = self._memory.recall(reporter) if attempt == 1 else None
                tip_snap: Any = None
                if attempt == 1:
                    # Blind first try: the message's create precondition catches a
                    # duplicate, the sender's precondition catches any change since.
                    state = known.state if known else SenderState()
                    update_time = known.update_time if known else None
                else:
                    refs = [msg_ref, sender_ref] + ([tips.document(last_tip)] if last_tip else [])
                    snaps = {
                        s.reference.path: s for s in self.db.get_all(refs, **self._rpc(deadline))
                    }
                    if snaps[msg_ref.path].exists:
                        return duplicate_result(snaps[msg_ref.path].to_dict() or {}, msg.kind)
                    sender = snaps[sender_ref.path]
                    state = sender_from_doc(sender.to_dict() if sender.exists else None)
                    update_time = sender.update_time if sender.exists else None
                    tip_snap = snaps.get(tips.document(last_tip).path) if last_tip else None
                plan = intake.plan(msg.kind, state, now, rules.window, rules.fair, draw)
                summary: Summary | None = None
                if plan.action == "join":
                    assert plan.tip_id is not None
                    last_tip = plan.tip_id
                    if known is not None and known.summary is not None:
                        summary = known.summary
                    else:
                        if tip_snap is None or tip_snap.reference.id != plan.tip_id:
                            tip_snap = tips.document(plan.tip_id).get(**self._rpc(deadline))
                        if not tip_snap.exists:
                            # The open tip is gone (TTL): decide as if there were none.
                            state = replace(state, open_tip_id=None)
                            plan = intake.plan(msg.kind, state, now, rules.window, rules.fair, draw)
                        else:
                            summary = summary_from_doc(tip_snap.to_dict() or {})
                w = _writes(msg, reporter, user_id, redacted_raw, now, rules, plan, summary, known)
                try:
                    update_time = _commit(
                        self.db, tips, msg_ref, w, sender_ref, update_time, self._rpc(deadline), now
                    )
                except (*CONFLICTS, gexc.NotFound):
                    # A duplicate, a concurrent message of the same citizen, a change by
                    # the router, or an open tip gone: decide again on what is there now.
                    self._memory.remember(reporter, None)
                    continue
                kept = _summary_kept(w.summary, known, plan.tip_id, plan.state.open_tip_id)
                self._memory.remember(reporter, _Known(plan.state, update_time, kept))
                return w.result

    @as_storage_errors
    def quarantine(
        self, item: Quarantined, retention_days: int, deadline: float | None = None
    ) -> bool:
        main, parts = quarantine_docs(item, retention_days)
        ref = self.dbs.collection(QUARANTINE).document(item.key)
        batch = self.dbs.of(QUARANTINE).batch()
        batch.create(ref, main)
        for part in parts:
            batch.create(ref.collection(PARTS).document(str(part["n"])), part)
        try:
            batch.commit(**self._rpc(deadline))
        except gexc.AlreadyExists:
            return False
        return True

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
        deadline: float | None = None,
    ) -> bool:
        """Record a follow or unfollow once; False when this delivery was already seen."""
        message, contact, sender = follow_writes(
            key, oa_id, app_id, reporter, user_id, following, now, retention_days
        )
        # first: see the module's docstring
        _create_contact(self.dbs, reporter, contact, self._rpc(deadline))
        batch = self.db.batch()
        batch.create(self.db.collection(MESSAGES).document(key), message)
        batch.set(self.db.collection(SENDERS).document(reporter), sender, merge=True)
        try:
            batch.commit(**self._rpc(deadline))
        except gexc.AlreadyExists:
            return False
        return True

    @as_storage_errors
    def mark_unpublished(self, tip_id: str | None, message_key: str, now: datetime) -> None:
        """Outbox: the change is stored but Pub/Sub did not take it; the escalator's
        next run republishes it (its `due_at` becomes now)."""
        message = self.db.collection(MESSAGES).document(message_key)
        if not tip_id:
            message.update({DUE_AT: now, "unpublished": True})
            return
        batch = self.db.batch()
        batch.update(message, {DUE_AT: now})
        batch.update(self.db.collection(TIPS).document(tip_id), {"unpublished": True})
        batch.commit()


def _identify(
    store: FirestoreIntake,
    msg: intake.Inbound,
    reporter: str,
    user_id: str,
    now: datetime,
    rules: IntakeRules,
    deadline: float | None,
) -> int:
    """Create the citizen's contact unless this process did within the hour; 1 when it
    was already there and the process remembers nothing of them (their sender most
    likely exists too, and a blind first commit would fail on it: read first, as after
    a failed try), else 0 (a citizen new to Firestore, whose contact was just created,
    commits blind at no read)."""
    memory = store._memory
    identified_at = memory.identified_at(reporter)
    if identified_at is not None and now - identified_at < IDENTITY_REFRESH:
        return 0
    doc = contact_doc(user_id, msg.oa_id, msg.app_id, now, now + rules.retention)
    known_elsewhere = _create_contact(store.dbs, reporter, doc, store._rpc(deadline))
    memory.identified(reporter, now)
    return int(known_elsewhere and memory.recall(reporter) is None)


def _create_contact(
    dbs: Databases, reporter: str, doc: dict[str, Any], rpc: dict[str, Any]
) -> bool:
    """Create `reporters/{reporter}` in contacts unless it exists (create only: the
    webhook cannot read or update it); whether it already existed."""
    try:
        dbs.collection(REPORTERS).document(reporter).create(doc, **rpc)
    except gexc.AlreadyExists:
        return True
    return False


def _within(deadline: float | None, monotonic: Callable[[], float]) -> dict[str, Any]:
    """Within the webhook's budget: one try per call, bounded by what is left (Firestore
    unreachable fails at once, and the event goes to Pub/Sub instead of waiting out the
    client's own retries). No deadline (the router's deferred intake): the client's own."""
    if deadline is None:
        return {}
    return {"retry": None, "timeout": max(0.05, deadline - monotonic())}


def _writes(
    msg: intake.Inbound,
    reporter: str,
    user_id: str,
    redacted_raw: str,
    now: datetime,
    rules: IntakeRules,
    plan: intake.Plan,
    summary: Summary | None,
    known: _Known | None,
) -> IntakeWrites:
    """`intake_writes`, its updates naming only the fields that change when this
    process knows the stored values (`known`, what it last wrote: a blind try, whose
    sender precondition fails if anything moved since, the router's rewrite of the
    summary included). A read's values are not taken as exact (a document written
    before a field was kept reads with its default): everything is written then."""
    if known is None or known.update_time is None:
        return intake_writes(msg, reporter, user_id, redacted_raw, now, rules, plan, summary)
    exact = summary is not None and summary is known.summary
    return intake_writes(
        msg, reporter, user_id, redacted_raw, now, rules, plan, summary, known.state, exact
    )


def _summary_kept(
    written: Summary | None, known: _Known | None, tip_id: str | None, open_tip: str | None
) -> Summary | None:
    """The tip summary to remember after a commit: the one written, or, when a question
    (or chat with no tip) left the open tip as it was, the one last written, so the
    next tip text joins it without reading the tip. A message stored late that opened a
    tip of its own left another open: the next one reads that one's summary."""
    if written is None and known is not None and tip_id is None:
        return known.summary
    if tip_id is not None and tip_id != open_tip:
        return None
    return written


def _stateless(
    msg_ref: Any, kind: str, w: IntakeWrites, rpc: Callable[[], dict[str, Any]]
) -> IntakeResult:
    """A message that changes nothing of its writer's state (an officer's command):
    the message's create alone, its precondition the de-duplication; no read, and no
    precondition on the sender (what the process remembers of it stays true)."""
    assert w.sender is None and w.tip_id is None
    try:
        msg_ref.create(w.message, **rpc())
    except gexc.AlreadyExists:
        return duplicate_result(msg_ref.get(**rpc()).to_dict() or {}, kind)
    return w.result


def _commit(
    db: firestore.Client,
    tips: Any,
    message_ref: Any,
    w: IntakeWrites,
    sender_ref: Any,
    sender_update_time: Any,
    rpc: dict[str, Any],
    now: datetime,
) -> Any:
    """One commit of everything `w` writes; the sender's new update time. The writes
    are built by `write_pbs` (the client's own, at a fifth of the CPU) and committed as
    `WriteBatch.commit` commits them (`write_pbs.commit`)."""
    assert w.sender is not None  # a message that writes no state is `_stateless`
    writes = []
    if w.new_tip is not None:
        writes += create_writes(tips.document(w.tip_id)._document_path, w.new_tip)
    elif w.joined is not None:
        writes += update_writes(tips.document(w.tip_id)._document_path, w.joined)
    writes += create_writes(message_ref._document_path, w.message)  # and its `due_at`
    # Last, so that its result is the last one.
    if sender_update_time is not None:
        option = db.write_option(last_update_time=sender_update_time)
        writes += update_writes(sender_ref._document_path, w.sender, option)
    else:
        writes += create_writes(sender_ref._document_path, {**w.sender, "first_seen_at": now})
    return write_pbs_commit(db, writes, rpc)
