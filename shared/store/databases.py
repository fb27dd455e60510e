"""The Firestore clients of one process, one per database it may reach.

`Databases.collection(name)` finds a collection in the database it lives in
(`shared.store.collections.HOME`), so no store module names a database: moving a
collection is one line there (and in infra/firestore.yaml). A process holds
clients only for the databases its function is granted (`REACH`): the webhook has
none for identity, so code that strayed there fails on its first call instead of
on Google's IAM in production.

A batch or a transaction commits in one database: its writes must all come from
`client(db)` of that database (Firestore has no cross-database transaction).
"""

from __future__ import annotations

from collections.abc import Mapping

from google.cloud import firestore

from shared.store.collections import HOME, REACH, Database


class Unreachable(LookupError):
    """This process holds no client for the database a collection lives in."""


class Databases:
    def __init__(self, clients: Mapping[Database, firestore.Client]) -> None:
        self._clients = dict(clients)

    @property
    def main(self) -> firestore.Client:
        return self.client(Database.MAIN)

    def client(self, database: Database) -> firestore.Client:
        try:
            return self._clients[database]
        except KeyError:
            raise Unreachable(f"no client for the {database.value} database here") from None

    def of(self, collection: str) -> firestore.Client:
        """The client of the database `collection` lives in."""
        return self.client(HOME[collection])

    def collection(self, path: str) -> firestore.CollectionReference:
        """`path`: a collection, or a subcollection's path (`tips/{ref}/events`), found
        in the database of its top-level collection."""
        return self.of(path.split("/", 1)[0]).collection(path)

    def reaches(self, database: Database) -> bool:
        return database in self._clients


def connect(project: str, names: Mapping[Database, str], reach: str | None = None) -> Databases:
    """Clients for the databases named (the emulator when FIRESTORE_EMULATOR_HOST is
    set); `reach` a function of `REACH` keeps to the databases it is granted, None
    (the operator's tools) takes them all."""
    wanted = list(REACH[reach]) if reach is not None else list(Database)
    return Databases({db: firestore.Client(project=project, database=names[db]) for db in wanted})
