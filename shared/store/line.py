"""The router's and the escalator's store on Firestore: `shared.store.ports.LineStore`."""

from __future__ import annotations

import threading

from shared.store.databases import Databases
from shared.store.people import PeopleStore
from shared.store.schedule import ScheduleStore
from shared.store.sends import OutcomesStore, SendsStore
from shared.store.tip_sends import KeptOutcomes
from shared.store.tips import TipsStore


class FirestoreLine(TipsStore, ScheduleStore, SendsStore, OutcomesStore, PeopleStore):
    def __init__(self, databases: Databases) -> None:
        self.dbs = databases
        self.db = databases.main  # tips, messages, sends, the schedule
        self.kept_outcomes = KeptOutcomes()  # a tip's sends' outcomes, not written yet
        self._known = {}
        self._known_lock = threading.Lock()
