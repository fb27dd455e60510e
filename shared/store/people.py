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
from shared.store.collections import INVITES, OFFICERS, QUESTIONS, ROSTERS
from shared.store.documents import officer_from_doc, question_doc, question_from_doc
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
        query = (
            self.db.collection(OFFICERS)
            .where(filter=FieldFilter("zalo_user_id", "==", zalo_user_id))
            .limit(1)
        )
        for snap in query.stream():
            return officer_from_doc(snap.id, snap.to_dict() or {})
        return None

    def roster(self, unit_id: str) -> Roster | None:
        snap = self.db.collection(ROSTERS).document(unit_id).get()
        return roster_from_dict(snap.to_dict() or {}) if snap.exists else None

    def check_in(self, officer_id: str, now: datetime) -> None:
        self.db.collection(OFFICERS).document(officer_id).set({"last_check_in_at": now}, merge=True)

    def enrol(self, code: str, zalo_user_id: str, oa_id: str, now: datetime) -> Enrolment:
        """Consume an invite once and bind the officer's Zalo id (a transaction)."""
        invite_ref = self.db.collection(INVITES).document(code)
        existing = self.officer_by_zalo(zalo_user_id)

        def body(txn: Any) -> Enrolment:
            snap = invite_ref.get(transaction=txn)
            if not snap.exists:
                return Enrolment("unknown_code")
            invite = snap.to_dict() or {}
            if invite.get("used_at") is not None:
                if existing and existing.officer_id == invite.get("officer_id"):
                    return Enrolment("already", existing)
                return Enrolment("used_code")
            if invite["expires_at"] <= now:
                return Enrolment("expired_code")
            officer_id = f"cb-{code.lower()}"
            doc = {
                "name": invite["name"],
                "unit_id": invite["unit_id"],
                "role": invite["role"],
                "active": True,
                "zalo_user_id": zalo_user_id,
                "oa_id": oa_id,
                "enrolled_at": now,
            }
            txn.set(self.db.collection(OFFICERS).document(officer_id), doc)
            txn.update(invite_ref, {"used_at": now, "officer_id": officer_id})
            return Enrolment("ok", officer_from_doc(officer_id, doc))

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
