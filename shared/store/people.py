"""Officers, their rosters and enrolment, and the questions handed to the desk, in Firestore."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from google.api_core.exceptions import AlreadyExists
from google.cloud import firestore
from google.cloud.firestore_v1.base_query import FieldFilter

from shared.core.roster import Roster, roster_from_dict
from shared.store import transactions
from shared.store.collections import EVENTS, INVITES, OFFICERS, QUESTIONS, ROSTERS
from shared.store.documents import (
    enrolment_writes,
    officer_from_doc,
    question_doc,
    question_from_doc,
    the_officer,
)
from shared.store.ports import Enrolment, OfficerRecord, Question


class PeopleStore:
    db: firestore.Client

    # --- officers -----------------------------------------------------------------------

    def officer(self, officer_id: str) -> OfficerRecord | None:
        snap = self.db.collection(OFFICERS).document(officer_id).get()
        return officer_from_doc(officer_id, snap.to_dict() or {}) if snap.exists else None

    def officers(self, ids: Iterable[str]) -> dict[str, OfficerRecord]:
        refs = [self.db.collection(OFFICERS).document(i) for i in dict.fromkeys(ids)]
        if not refs:
            return {}
        return {
            s.id: officer_from_doc(s.id, s.to_dict() or {})
            for s in self.db.get_all(refs)
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
            self.db.collection(OFFICERS)
            .where(filter=FieldFilter("zalo_user_id", "==", zalo_user_id))
            .limit(20)
        )

    def roster(self, unit_id: str) -> Roster | None:
        snap = self.db.collection(ROSTERS).document(unit_id).get()
        return roster_from_dict(snap.to_dict() or {}) if snap.exists else None

    def check_in(self, officer_id: str, now: datetime) -> None:
        self.db.collection(OFFICERS).document(officer_id).set({"last_check_in_at": now}, merge=True)

    def enrol(self, code: str, zalo_user_id: str, oa_id: str, now: datetime) -> Enrolment:
        """Consume an invite once and bind the officer's Zalo id, retiring the account's
        earlier records (one transaction; see `documents.enrolment_writes`)."""
        invite_ref = self.db.collection(INVITES).document(code)
        officers = self.db.collection(OFFICERS)

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

        return transactions.run(self.db, body)

    # --- questions handed to the desk ------------------------------------------------------

    def open_question(self, question: Question) -> bool:
        """Create the question item once; False when it already exists."""
        try:
            self.db.collection(QUESTIONS).document(question.code).create(question_doc(question))
        except AlreadyExists:
            return False
        return True

    def question(self, code: str) -> Question | None:
        snap = self.db.collection(QUESTIONS).document(code).get()
        return question_from_doc(snap.to_dict() or {}) if snap.exists else None

    def answer_question(self, code: str, unit_id: str, now: datetime) -> None:
        self.db.collection(QUESTIONS).document(code).set(
            {"status": "answered", "answered_at": now, "answered_by_unit": unit_id}, merge=True
        )
