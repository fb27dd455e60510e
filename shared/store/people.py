"""Citizens (their contact and conversation), officers, their rosters and enrolment,
and the questions handed to the desk, in Firestore."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from datetime import datetime
from typing import Any

from google.api_core import exceptions as gexc
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core.refcode import CODE_ATTEMPTS
from shared.core.roster import Roster, roster_from_dict
from shared.store import transactions
from shared.store.collections import (
    EVENTS,
    INVITES,
    MESSAGES,
    OFFICERS,
    QUESTIONS,
    REPORTERS,
    ROSTERS,
    SENDERS,
)
from shared.store.databases import Databases
from shared.store.documents import (
    enrolment_writes,
    officer_from_doc,
    question_doc,
    question_from_doc,
    reporter_from_doc,
    talk_from_doc,
    the_officer,
)
from shared.store.intake_documents import open_tip
from shared.store.ports import StorageError
from shared.store.ports.line import Enrolment, OfficerRecord, Question, Reporter, Talk


class PeopleStore:
    db: firestore.Client  # main
    dbs: Databases

    # --- citizens: the contact (contacts database), the rest pseudonymous (main) ----

    def reporter(self, key: str) -> Reporter | None:
        snap = self.dbs.collection(REPORTERS).document(key).get()
        return reporter_from_doc(key, snap.to_dict() or {}) if snap.exists else None

    def keep_contact(self, key: str, expire_at: datetime) -> None:
        # An update, never a set: a contact TTL removed is not made again from here.
        with contextlib.suppress(gexc.NotFound):
            self.dbs.collection(REPORTERS).document(key).update({"expire_at": expire_at})

    def open_tip_of(self, reporter_key: str) -> str | None:
        snap = self.db.collection(SENDERS).document(reporter_key).get()
        return open_tip(snap.to_dict() if snap.exists else None)

    def last_talk(self, reporter_key: str) -> Talk:
        snap = self.db.collection(SENDERS).document(reporter_key).get()
        return talk_from_doc(snap.to_dict() if snap.exists else None)

    def remember_topic(self, reporter_key: str, topic: str | None, now: datetime) -> None:
        self.db.collection(SENDERS).document(reporter_key).set(
            {"conversation": {"last_topic": topic, "last_at": now}}, merge=True
        )

    # --- officers -----------------------------------------------------------------------

    def officer(self, officer_id: str) -> OfficerRecord | None:
        snap = self.dbs.collection(OFFICERS).document(officer_id).get()
        return officer_from_doc(officer_id, snap.to_dict() or {}) if snap.exists else None

    def officers(self, ids: Iterable[str]) -> dict[str, OfficerRecord]:
        refs = [self.dbs.collection(OFFICERS).document(i) for i in dict.fromkeys(ids)]
        if not refs:
            return {}
        return {
            s.id: officer_from_doc(s.id, s.to_dict() or {})
            for s in self.dbs.of(OFFICERS).get_all(refs)
            if s.exists
        }

    def officer_by_zalo(self, zalo_user_id: str) -> OfficerRecord | None:
        """The officer this Zalo account is (one person, one officer: see `the_officer`)."""
        return the_officer(
            (s.id, s.to_dict() or {}) for s in self._with_zalo(zalo_user_id).stream()
        )

    def _with_zalo(self, zalo_user_id: str) -> Any:
        # Moves leave inactive records behind; a person has a handful at most.
        return (
            self.dbs.collection(OFFICERS)
            .where(filter=FieldFilter("zalo_user_id", "==", zalo_user_id))
            .limit(20)
        )

    def roster(self, unit_id: str) -> Roster | None:
        snap = self.dbs.collection(ROSTERS).document(unit_id).get()
        return roster_from_dict(snap.to_dict() or {}) if snap.exists else None

    def check_in(self, officer_id: str, now: datetime) -> None:
        self.dbs.collection(OFFICERS).document(officer_id).set(
            {"last_check_in_at": now}, merge=True
        )

    def enrol(self, code: str, zalo_user_id: str, oa_id: str, now: datetime) -> Enrolment:
        """Consume an invite once and bind the officer's Zalo id, retiring the account's
        earlier records (one transaction; see `documents.enrolment_writes`)."""
        invite_ref = self.dbs.collection(INVITES).document(code)
        officers = self.dbs.collection(OFFICERS)

        def body(txn: Any) -> Enrolment:
            snap = invite_ref.get(transaction=txn)
            found = [(s.id, s.to_dict() or {}) for s in self._with_zalo(zalo_user_id).stream(txn)]
            invite = (snap.to_dict() or {}) if snap.exists else None
            w = enrolment_writes(code, invite, found, zalo_user_id, oa_id, now)
            if w.officer_id is None or w.officer is None or w.invite_used is None:
                return w.result
            txn.set(officers.document(w.officer_id), w.officer)
            txn.update(invite_ref, w.invite_used)
            for old in w.retired:
                txn.update(officers.document(old), w.retire_fields)
                txn.set(officers.document(old).collection(EVENTS).document(), w.retire_event)
            return w.result

        return transactions.run(self.dbs.of(INVITES), body)

    # --- questions handed to the desk ------------------------------------------------------

    def open_question(self, question: Question, new_code: Callable[[], str]) -> Question:
        """The question item of `question.message_id`, created once under a fresh code.

        One transaction: the message says whether an earlier delivery already
        opened its question (then that one is returned); otherwise codes are
        drawn until one is free, and the question is created under it and linked
        from the message, together. Two citizens never share a code.
        """
        message_ref = self.db.collection(MESSAGES).document(question.message_id)

        def body(txn: Any) -> Question:
            message = message_ref.get(transaction=txn)
            opened = (message.to_dict() or {}).get("question_code") if message.exists else None
            if opened:
                snap = self.db.collection(QUESTIONS).document(opened).get(transaction=txn)
                if snap.exists:
                    return question_from_doc(snap.to_dict() or {})
            for _ in range(CODE_ATTEMPTS):
                code = new_code()
                ref = self.db.collection(QUESTIONS).document(code)
                if ref.get(transaction=txn).exists:
                    continue  # taken: draw again
                created = replace(question, code=code)
                txn.create(ref, question_doc(created))
                if message.exists:
                    txn.update(message_ref, {"question_code": code})
                return created
            raise StorageError(f"no free question code after {CODE_ATTEMPTS} draws")

        return transactions.run(self.db, body)

    def question(self, code: str) -> Question | None:
        snap = self.db.collection(QUESTIONS).document(code).get()
        return question_from_doc(snap.to_dict() or {}) if snap.exists else None

    def open_question_of(self, reporter_key: str) -> Question | None:
        """The citizen's hand-off still open, if any (one at a time per citizen)."""
        query = (
            self.db.collection(QUESTIONS)
            .where(filter=FieldFilter("reporter_key", "==", reporter_key))
            .where(filter=FieldFilter("status", "==", "open"))
            .limit(1)
        )
        for snap in query.stream():
            return question_from_doc(snap.to_dict() or {})
        return None

    def add_to_question(self, code: str, now: datetime) -> None:
        """The citizen asked again while their hand-off was open: counted on it."""
        self.db.collection(QUESTIONS).document(code).update(
            {"more": firestore.Increment(1), "last_asked_at": now}
        )

    def answer_question(self, code: str, unit_id: str, now: datetime) -> None:
        self.db.collection(QUESTIONS).document(code).set(
            {"status": "answered", "answered_at": now, "answered_by_unit": unit_id}, merge=True
        )
