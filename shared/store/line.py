"""The router's and the escalator's store on Firestore: `shared.store.ports.LineStore`."""

from __future__ import annotations

from google.cloud import firestore

from shared.store.people import PeopleStore
from shared.store.sends import SendsStore
from shared.store.tips import TipsStore


def connect(project: str) -> firestore.Client:
    """A Firestore client (the emulator when FIRESTORE_EMULATOR_HOST is set)."""
    return firestore.Client(project=project)


class FirestoreLine(TipsStore, SendsStore, PeopleStore):
    def __init__(self, db: firestore.Client) -> None:
        self.db = db
