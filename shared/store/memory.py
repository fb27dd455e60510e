"""The whole store in one process's memory: `LineStore`, `IntakeStore` and a
`Publisher` for use-case tests and benchmarks that need no emulator.

It is tinbao's own interface implemented over dicts, not a fake of Google's
client: documents are kept in exactly the form the Firestore implementation
writes (the same `shared.store.documents` builders), one lock stands in for
transactions, and what Firestore would refuse (a duplicate message, a second
claim) is refused here by the same rules. The emulator suite proves the real
store; this one keeps the router's and escalator's use cases testable in
milliseconds. Never used by a deployed function.
"""

from __future__ import annotations

import copy
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, cast

from shared.core.events import DeferredEvent, TipEvent
from shared.core.intake import Inbound, IntakeRules
from shared.core.intake import plan as plan_intake
from shared.core.refcode import CODE_ATTEMPTS, new_code
from shared.core.roster import Roster, roster_from_dict
from shared.core.tip import Tip, TipStatus
from shared.store.collections import (
    ALERTS,
    DUE,
    DUE_AT,
    INVITES,
    MESSAGES,
    OFFICERS,
    QUARANTINE,
    QUESTIONS,
    REPORTERS,
    ROSTERS,
    SENDERS,
    TIPS,
    DueKind,
    SendKind,
    due_home,
)
from shared.store.documents import (
    alert_reached,
    enrolment_writes,
    event_doc,
    message_due_item,
    message_from_doc,
    officer_from_doc,
    question_doc,
    question_from_doc,
    reporter_from_doc,
    rescheduled_fields,
    salvage_tip,
    send_due_fields,
    send_due_item,
    send_finish_fields,
    send_from_doc,
    send_pending_doc,
    spawned_tip_doc,
    talk_from_doc,
    the_officer,
    tip_from_doc,
    tip_updates,
)
from shared.store.intake_documents import (
    contact_doc,
    duplicate_result,
    follow_writes,
    intake_writes,
    open_tip,
    quarantine_docs,
    quarantined_from_doc,
    sender_change,
    sender_from_doc,
    taken_in_fields,
)
from shared.store.ports import (
    CodeTaken,
    Contended,
    IntakeResult,
    PublishError,
    Quarantined,
    StorageError,
)
from shared.store.ports.line import (
    Applied,
    Claim,
    Decide,
    DeliveryStatus,
    DueItem,
    Enrolment,
    MessageRecord,
    OfficerRecord,
    Plan,
    Question,
    Reporter,
    SendRecord,
    Talk,
)
from shared.store.summary_documents import summary_from_doc
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
    ladder_rescheduled,
    moved_to,
    record_planned,
    routed_now,
    sends_fields,
    sends_of,
    tip_due_fields,
    tip_due_items,
    tip_of,
    tip_send_of_due,
)


@dataclass
class _Documents:
    """Collections of documents (id -> dict); `events[ref]` is a tip's audit trail."""

    docs: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    events: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    # officers/{id}/events: the officers' own audit trail
    officer_trails: dict[str, list[dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    new_ref: Callable[[], str] = new_code
    # A tip's sends' outcomes, kept back until the tip's next write or `settle_sends`.
    kept_outcomes: KeptOutcomes = field(default_factory=KeptOutcomes)
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def get(self, collection: str, doc_id: str) -> dict[str, Any] | None:
        with self._lock:
            found = self.docs[collection].get(doc_id)
            return copy.deepcopy(found) if found is not None else None

    def put(self, collection: str, doc_id: str, doc: dict[str, Any]) -> None:
        with self._lock:
            self.docs[collection][doc_id] = copy.deepcopy(doc)

    def _merge(self, collection: str, doc_id: str, fields: dict[str, Any]) -> None:
        self.docs[collection].setdefault(doc_id, {}).update(copy.deepcopy(fields))

    def _tip_sends(self, ref: str) -> dict[str, dict[str, Any]]:
        """A tip's sends with the outcomes kept back applied (a copy)."""
        sends = sends_of(self.docs[TIPS].get(ref) or {})
        apply_outcomes(sends, self.kept_outcomes.of(ref))
        return copy.deepcopy(sends)

    def _write_sends(
        self, ref: str, sends: dict[str, dict[str, Any]], kept: Mapping[str, Any]
    ) -> None:
        """The tip's sends written (its `due_at` with them), and the outcomes it took."""
        tip = self.docs[TIPS][ref]
        before = sends_of(tip)
        tip.update(due_after_sends(tip, before, sends))
        tip[SENDS] = copy.deepcopy(sends)
        self.kept_outcomes.written(ref, kept)

    def _on_tip(self, ref: str, kind: SendKind, key: str, decide: Any) -> tuple[bool, Any]:
        """As `shared.store.sends.SendsStore._on_tip`."""
        with self._lock:
            if ref not in self.docs[TIPS]:
                return False, None
            kept = self.kept_outcomes.of(ref)
            sends = sends_of(self.docs[TIPS][ref])
            changed = apply_outcomes(sends, kept)
            eid = entry_id(kind, key)
            stored = sends.get(eid)
            tip = self.docs[TIPS][ref]
            if stored is None and documents_too(tip) and key in self.docs[kind.value]:
                return False, None  # an older release's record
            if stored is None and full(sends):  # no room on the tip: a document of its own
                tip[SENDS_SPILLED] = True
                if changed:
                    self._write_sends(ref, sends, kept)
                return False, None
            decided = decide(copy.deepcopy(stored) if stored is not None else None)
            result = None
            if decided is not None:
                entry, result = decided
                sends[eid] = changed[eid] = {**(stored or {}), **entry}
            if changed:
                self._write_sends(ref, sends, kept)
            return True, result

    def settle_sends(self) -> bool:
        with self._lock:
            wrote = False
            for ref in self.kept_outcomes.tips():
                outcomes = self.kept_outcomes.of(ref)
                tip = self.docs[TIPS].get(ref)
                sends = sends_of(tip or {})
                changed = apply_outcomes(sends, outcomes)
                if changed and tip is not None:
                    self._write_sends(ref, sends, outcomes)
                    wrote = True
                for entry, fields in outcomes.items():
                    kind, key = entry_key(entry)
                    if entry not in changed and key in self.docs[kind.value]:
                        self.docs[kind.value][key].update(copy.deepcopy(fields))
                        wrote = True
                self.kept_outcomes.written(ref, outcomes)
            return wrote


class _Intake(_Documents):
    # --- intake --------------------------------------------------------------------------

    down: bool = False  # a test turns intake's storage off (Firestore unreachable)

    def _reachable(self) -> None:
        if self.down:
            raise StorageError("the test turned storage off")

    def resolve_reporter(self, pseudonyms: tuple[str, ...], deadline: float | None = None) -> str:
        self._reachable()
        with self._lock:
            for key in pseudonyms:
                if key in self.docs[SENDERS]:  # as the webhook: contacts are not its to read
                    return key
        return pseudonyms[0]

    def intake(
        self,
        msg: Inbound,
        reporter: str,
        user_id: str,
        redacted_raw: str,
        now: datetime,
        rules: IntakeRules,
        deadline: float | None = None,
    ) -> IntakeResult:
        self._reachable()
        with self._lock:
            # The contact first, created once (Firestore: another database, another commit).
            contact = contact_doc(user_id, msg.oa_id, msg.app_id, now, now + rules.retention)
            self.docs[REPORTERS].setdefault(reporter, contact)
            seen = self.docs[MESSAGES].get(msg.key)
            if seen is not None:
                return duplicate_result(seen, msg.kind)
            state = sender_from_doc(self.docs[SENDERS].get(reporter))
            if state.open_tip_id not in self.docs[TIPS]:
                state = replace(state, open_tip_id=None)  # gone (TTL)
            plan = plan_intake(msg.kind, state, now, rules.window, rules.fair, self._free_ref)
            stored_tip = self.docs[TIPS].get(plan.tip_id or "")
            summary = summary_from_doc(stored_tip) if plan.action == "join" and stored_tip else None
            w = intake_writes(msg, reporter, user_id, redacted_raw, now, rules, plan, summary)
            if w.new_tip is not None and w.tip_id:
                self.docs[TIPS][w.tip_id] = copy.deepcopy(w.new_tip)
            elif w.joined is not None and w.tip_id:
                self.docs[TIPS][w.tip_id].update(copy.deepcopy(w.joined))
            self.docs[MESSAGES][msg.key] = copy.deepcopy(w.message)
            if w.sender is None:  # an officer's command: their state is not written
                return w.result
            if reporter not in self.docs[SENDERS]:
                self.docs[SENDERS][reporter] = {"first_seen_at": now}
            self._merge(SENDERS, reporter, w.sender)
            return w.result

    def _free_ref(self) -> str:
        """A tip code not taken yet: Firestore's create precondition, played here."""
        for _ in range(CODE_ATTEMPTS):
            ref = self.new_ref()
            if ref not in self.docs[TIPS]:
                return ref
        raise Contended(f"no free tip code after {CODE_ATTEMPTS} draws")

    def quarantine(
        self, item: Quarantined, retention_days: int, deadline: float | None = None
    ) -> bool:
        self._reachable()
        with self._lock:
            if item.key in self.docs[QUARANTINE]:
                return False
            main, parts = quarantine_docs(item, retention_days)
            self.docs[QUARANTINE][item.key] = {**main, "parts": [p["raw"] for p in parts]}
            return True

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
        self._reachable()
        with self._lock:
            if key in self.docs[MESSAGES]:
                return False
            message, contact, sender = follow_writes(
                key, oa_id, app_id, reporter, user_id, following, now, retention_days
            )
            self.docs[REPORTERS].setdefault(reporter, contact)
            self.docs[MESSAGES][key] = message
            self._merge(SENDERS, reporter, sender)
            return True

    def mark_unpublished(self, tip_id: str | None, message_key: str, now: datetime) -> None:
        with self._lock:
            self.docs[MESSAGES][message_key][DUE_AT] = now
            if tip_id:
                self.docs[TIPS][tip_id]["unpublished"] = True
            else:
                self.docs[MESSAGES][message_key]["unpublished"] = True


class _Tips(_Documents):
    # --- tips ------------------------------------------------------------------------------

    def tip(self, ref: str) -> Tip | None:
        found = self.get(TIPS, ref)
        return tip_from_doc(found) if found is not None else None

    def read_tip(self, ref: str) -> Applied:
        return Applied(self.tip(ref))  # no token: every change here reads under one lock

    def tips_held_by(self, officer_id: str) -> list[Tip]:
        with self._lock:
            return [
                tip_from_doc(copy.deepcopy(d))
                for d in self.docs[TIPS].values()
                if d.get("held_by") == officer_id and d.get("status") == TipStatus.ACKNOWLEDGED
            ]

    def tips_of_reporter(self, reporter_key: str) -> list[Tip]:
        with self._lock:
            return [
                tip_from_doc(copy.deepcopy(d))
                for d in self.docs[TIPS].values()
                if d.get("reporter_key") == reporter_key
            ]

    def unheld_tips(self, unit_id: str | None, limit: int) -> list[Tip]:
        with self._lock:
            found = [
                tip_from_doc(copy.deepcopy(d))
                for d in self.docs[TIPS].values()
                if d.get("status") == TipStatus.ROUTED
                and (unit_id is None or d.get("unit_id") == unit_id)
            ]
        return sorted(found, key=lambda t: t.created_at)[:limit]

    def change_tip(
        self,
        ref: str,
        decide: Decide,
        now: datetime,
        *,
        salvage: bool = False,
        plan: Plan | None = None,
        seen: object | None = None,  # Firestore's token: one lock here, every call reads
    ) -> Applied:
        with self._lock:
            stored = self.docs[TIPS].get(ref)
            if stored is None:
                return Applied(None)
            repairs: dict[str, Any] = {}
            if salvage:
                before, repairs = salvage_tip(ref, stored, now)
            else:
                before = tip_from_doc(stored)
            change = decide(before)
            if change is None:
                return Applied(before)
            after = change.tip
            spawned = change.spawned
            if spawned is not None and spawned.ref in self.docs[TIPS]:
                raise CodeTaken(spawned.ref)
            planned = tuple(plan(after, change)) if plan is not None else ()
            kept = self.kept_outcomes.of(ref)
            sends = sends_of(stored)
            sends_before = copy.deepcopy(sends)
            apply_outcomes(sends, kept)
            legacy = documents_too(stored) and not routed_now(before, after)
            if spawned is not None:
                self.docs[TIPS][spawned.ref] = spawned_tip_doc(spawned, now)
                if change.spawned_event is not None:
                    event = event_doc(change.spawned_event, now, spawned.expire_at)
                    self.events[spawned.ref].append(event)
            stored.update(repairs)
            updates = {**tip_updates(stored, after), **taken_in_fields(stored, change, now)}
            documents = {
                n
                for n, p in enumerate(planned)
                if (legacy or tip_of(p.record.tip_id) != ref) and p.key in self.docs[p.kind.value]
            }
            recorded = record_planned(ref, planned, sends, {}, documents, now)
            for n, doc in recorded.as_docs:
                self.docs[planned[n].kind.value][planned[n].key] = doc
            # Its entry of the schedule: the ladder's, the grouped update's, its sends'.
            updates.update(tip_due_fields(stored, before, after, sends_before, sends))
            updates.update(sends_fields(stored, before, after, recorded.spilled))
            updates[SENDS] = sends
            self.kept_outcomes.written(ref, kept)
            stored.update(copy.deepcopy(updates), updated_at=now)
            for audit in change.events:
                event = event_doc(audit, now, before.expire_at)
                if repairs and audit is change.event:
                    event["data"]["repaired"] = sorted(repairs)
                self.events[ref].append(event)
            sender = self.docs[SENDERS].get(before.reporter_key)
            written = sender_change(sender, ref, change)
            if sender is not None and written is not None:
                sender.update(written)
            return Applied(after, change, tuple(recorded.carried))

    # --- messages and reporters --------------------------------------------------------------

    def message(self, key: str) -> MessageRecord | None:
        found = self.get(MESSAGES, key)
        return message_from_doc(key, found) if found is not None else None

    def mark_handled(self, key: str, now: datetime, *, answered: bool | None = None) -> None:
        self.settle_sends()  # the outcomes of its sends first, as Firestore
        with self._lock:
            fields: dict[str, Any] = {"handled": True, "handled_at": now, DUE_AT: None}
            if answered is not None:
                fields["answered"] = answered
            self.docs[MESSAGES][key].update(fields)

    def give_up_message(self, key: str, now: datetime) -> None:
        with self._lock:
            self.docs[MESSAGES][key].update({"gave_up": True, "gave_up_at": now, DUE_AT: None})

    def reporter(self, key: str) -> Reporter | None:
        found = self.get(REPORTERS, key)
        return reporter_from_doc(key, found) if found is not None else None

    def keep_contact(self, key: str, expire_at: datetime) -> None:
        with self._lock:
            if key in self.docs[REPORTERS]:
                self.docs[REPORTERS][key]["expire_at"] = expire_at

    def open_tip_of(self, reporter_key: str) -> str | None:
        return open_tip(self.get(SENDERS, reporter_key))

    def last_talk(self, reporter_key: str) -> Talk:
        return talk_from_doc(self.get(SENDERS, reporter_key))

    def remember_topic(self, reporter_key: str, topic: str | None, now: datetime) -> None:
        with self._lock:
            self._merge(
                SENDERS, reporter_key, {"conversation": {"last_topic": topic, "last_at": now}}
            )

    # --- events kept raw ---------------------------------------------------------------------

    def quarantined(self, key: str) -> Quarantined | None:
        found = self.get(QUARANTINE, key)
        if found is None:
            return None
        return quarantined_from_doc(key, found, list(found.get("parts", [])))

    def mark_quarantine_answered(self, key: str, now: datetime) -> None:
        with self._lock:
            self.docs[QUARANTINE][key].update(answered=True, answered_at=now)


class _Schedule(_Documents):
    # --- the schedule ------------------------------------------------------------------------

    def due(self, now: datetime, limit: int, after: datetime | None = None) -> list[DueItem]:
        def due(at: datetime | None) -> bool:
            return at is not None and at <= now and (after is None or at > after)

        with self._lock:
            items = [
                item
                for ref, doc in self.docs[TIPS].items()
                if due(doc.get(DUE_AT))
                for item in tip_due_items(ref, doc, now)
            ]
            items.extend(
                message_due_item(key, doc)
                for key, doc in self.docs[MESSAGES].items()
                if due(doc.get(DUE_AT))
            )
            for kind in (SendKind.ALERT, SendKind.REPLY):
                items.extend(
                    send_due_item(kind, key, doc)
                    for key, doc in self.docs[kind.value].items()
                    if due(doc.get(DUE_AT))
                )
            return sorted(items, key=lambda i: (i.at, i.id))[:limit]

    def _move_tip_send(self, due_id: str, at: datetime | None) -> bool:
        kind, _, key = due_id.partition(":")
        found = tip_send_of_due(key) if kind == DueKind.SEND.value else None
        if found is None:
            return False
        ref, send_kind, send_key = found
        self._on_tip(ref, send_kind, send_key, moved_to(at))
        return True

    def reschedule(self, due_id: str, at: datetime, attempts: int | None = None) -> None:
        if self._move_tip_send(due_id, at):
            return
        collection, key = due_home(due_id)
        with self._lock:
            entry = self.docs[collection].get(key)
            if entry is None:  # removed meanwhile (its work done): as Firestore
                return
            if collection == TIPS:
                entry.update(ladder_rescheduled(entry, at))
                return
            if collection != DUE and entry.get(DUE_AT) is None:  # handled or done meanwhile
                return
            entry.update(rescheduled_fields(collection, at, attempts))

    def drop_due(self, due_id: str) -> None:
        if self._move_tip_send(due_id, None):
            return
        collection, key = due_home(due_id)
        with self._lock:
            if collection == DUE:
                self.docs[DUE].pop(key, None)
            elif collection == TIPS and key in self.docs[TIPS]:
                self.docs[TIPS][key].update(ladder_rescheduled(self.docs[TIPS][key], None))
            elif key in self.docs[collection]:
                self.docs[collection][key][DUE_AT] = None


class _People(_Documents):
    # --- officers ----------------------------------------------------------------------------

    def officer(self, officer_id: str) -> OfficerRecord | None:
        found = self.get(OFFICERS, officer_id)
        return officer_from_doc(officer_id, found) if found is not None else None

    def officers(self, ids: Iterable[str]) -> dict[str, OfficerRecord]:
        out = {}
        for officer_id in dict.fromkeys(ids):
            found = self.officer(officer_id)
            if found is not None:
                out[officer_id] = found
        return out

    def officer_by_zalo(self, zalo_user_id: str) -> OfficerRecord | None:
        with self._lock:
            return the_officer(self._with_zalo(zalo_user_id))

    def _with_zalo(self, zalo_user_id: str) -> list[tuple[str, dict[str, Any]]]:
        return [
            (officer_id, copy.deepcopy(doc))
            for officer_id, doc in self.docs[OFFICERS].items()
            if doc.get("zalo_user_id") == zalo_user_id
        ]

    def officer_events(self, officer_id: str) -> list[dict[str, Any]]:
        """`officers/{id}/events`, for tests."""
        with self._lock:
            return copy.deepcopy(self.officer_trails[officer_id])

    def roster(self, unit_id: str) -> Roster | None:
        found = self.get(ROSTERS, unit_id)
        return roster_from_dict(found) if found is not None else None

    def check_in(self, officer_id: str, now: datetime) -> None:
        with self._lock:
            self._merge(OFFICERS, officer_id, {"last_check_in_at": now})

    def enrol(self, code: str, zalo_user_id: str, oa_id: str, now: datetime) -> Enrolment:
        with self._lock:
            invite = self.docs[INVITES].get(code)
            found = self._with_zalo(zalo_user_id)
            w = enrolment_writes(code, invite, found, zalo_user_id, oa_id, now)
            if w.officer_id is None or w.officer is None or w.invite_used is None:
                return w.result
            assert invite is not None
            self.docs[OFFICERS][w.officer_id] = copy.deepcopy(w.officer)
            invite.update(w.invite_used)
            for old in w.retired:
                self.docs[OFFICERS][old].update(copy.deepcopy(w.retire_fields))
                self.officer_trails[old].append(copy.deepcopy(w.retire_event))
            return w.result

    # --- questions ---------------------------------------------------------------------------

    def open_question(self, question: Question, new_code: Callable[[], str]) -> Question:
        with self._lock:
            message = self.docs[MESSAGES].get(question.message_id)
            opened = (message or {}).get("question_code")
            if opened and opened in self.docs[QUESTIONS]:
                return question_from_doc(self.docs[QUESTIONS][opened])
            for _ in range(CODE_ATTEMPTS):
                code = new_code()
                if code in self.docs[QUESTIONS]:
                    continue
                created = replace(question, code=code)
                self.docs[QUESTIONS][code] = question_doc(created)
                if message is not None:
                    message["question_code"] = code
                return created
            raise StorageError(f"no free question code after {CODE_ATTEMPTS} draws")

    def question(self, code: str) -> Question | None:
        found = self.get(QUESTIONS, code)
        return question_from_doc(found) if found is not None else None

    def open_question_of(self, reporter_key: str) -> Question | None:
        with self._lock:
            for doc in self.docs[QUESTIONS].values():
                if doc.get("reporter_key") == reporter_key and doc.get("status") == "open":
                    return question_from_doc(doc)
        return None

    def add_to_question(self, code: str, now: datetime) -> None:
        with self._lock:
            doc = self.docs[QUESTIONS][code]
            doc.update(more=doc.get("more", 0) + 1, last_asked_at=now)

    def answer_question(self, code: str, unit_id: str, now: datetime) -> None:
        with self._lock:
            self._merge(
                QUESTIONS,
                code,
                {"status": "answered", "answered_at": now, "answered_by_unit": unit_id},
            )


class _Sends(_Documents):
    # --- sends (as `shared.store.sends`: a tip's on the tip, the others documents) -----------

    def claim_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime
    ) -> Claim | None:
        ref = tip_of(record.tip_id)
        if ref is not None:
            on_tip, claim = self._on_tip(ref, kind, key, lambda e: claimed(e, record, now))
            if on_tip:
                return cast("Claim | None", claim)
        with self._lock:
            decided = claimed(self.docs[kind.value].get(key), record, now)
            if decided is None:
                return None
            entry, claim = decided
            self._merge(kind.value, key, entry)
            return claim

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
        fields = send_finish_fields(
            status, now, retry_at, message_id, error, strikes, outage, quota
        )
        ref = tip_of(tip_id)
        if ref is not None:
            self.kept_outcomes.add(ref, entry_id(kind, key), fields)
            return False
        with self._lock:
            self.docs[kind.value][key].update(fields)
        return True

    def hold_send(
        self, kind: SendKind, key: str, record: SendRecord, now: datetime, at: datetime
    ) -> None:
        def held(entry: dict[str, Any] | None) -> tuple[dict[str, Any], None] | None:
            if entry is not None:
                return None
            return {**send_pending_doc(record, now), **send_due_fields(at)}, None

        ref = tip_of(record.tip_id)
        if ref is not None and self._on_tip(ref, kind, key, held)[0]:
            return
        with self._lock:
            if key in self.docs[kind.value]:
                return
            self.docs[kind.value][key] = {**send_pending_doc(record, now), **send_due_fields(at)}

    def send_record(self, kind: SendKind, key: str, tip_id: str | None = None) -> SendRecord | None:
        ref = tip_of(tip_id)
        if ref is not None:
            with self._lock:
                entry = self._tip_sends(ref).get(entry_id(kind, key))
            if entry is not None:
                return send_from_doc(entry)
        found = self.get(kind.value, key)
        return send_from_doc(found) if found is not None else None

    def officers_alerted(self, ref: str) -> list[str]:
        with self._lock:
            found = {
                str(e["officer_id"])
                for k, e in self._tip_sends(ref).items()
                if entry_key(k)[0] is SendKind.ALERT and alert_reached(e)
            }
            if documents_too(self.docs[TIPS].get(ref) or {}):
                found |= {
                    str(d["officer_id"])
                    for d in self.docs[ALERTS].values()
                    if d.get("tip_id") == ref and d.get("officer_id") and alert_reached(d)
                }
            return sorted(found)

    def step_sends(self, ref: str, alert_key: str) -> list[SendRecord]:
        prefix = f"{ref}:{alert_key}:"
        with self._lock:
            on_tip = [
                send_from_doc(e)
                for k, e in sorted(self._tip_sends(ref).items())
                if entry_key(k)[0] is SendKind.ALERT and entry_key(k)[1].startswith(prefix)
            ]
            if on_tip and not (self.docs[TIPS].get(ref) or {}).get(SENDS_SPILLED):
                return on_tip
            return on_tip + [
                send_from_doc(copy.deepcopy(doc))
                for key, doc in sorted(self.docs[ALERTS].items())
                if key.startswith(prefix)
            ]


@dataclass
class MemoryStore(_Intake, _Tips, _Schedule, _People, _Sends):
    """`LineStore` and `IntakeStore` over one set of documents."""


@dataclass
class MemoryPublisher:
    """Pub/Sub in memory: what was published, in order, for a test to deliver."""

    published: list[TipEvent | DeferredEvent] = field(default_factory=list)
    fail: bool = False  # a test turns Pub/Sub off

    def publish(self, event: TipEvent | DeferredEvent, timeout: float) -> str:
        if self.fail:
            raise PublishError("publish not confirmed: the test turned Pub/Sub off")
        self.published.append(event)
        return str(len(self.published))

    def take(self) -> list[TipEvent | DeferredEvent]:
        """Everything published since the last take."""
        taken, self.published = self.published, []
        return taken
