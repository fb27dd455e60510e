"""Firestore transactions that say when they lost (`Contended`, not a message to
parse), and Google's errors turned into the store's own `StorageError`."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from google.api_core import exceptions as gexc
from google.cloud import firestore

from shared.store.ports import Contended, StorageError, StorageRefused

# A write under a precondition on the update time that did not happen: written since,
# or refused while a transaction held the document (the emulator aborts it). Either
# way the caller reads it and decides again, in a transaction.
WRITTEN_SINCE = (gexc.FailedPrecondition, gexc.Aborted)

T = TypeVar("T")
# Overlapping escalator runs and redeliveries contend for the same tips; the
# losers re-read and usually find nothing left to do.
ATTEMPTS = 10


def run(db: firestore.Client, body: Callable[[Any], T], attempts: int = ATTEMPTS) -> T:
    """Run `body(transaction)` in a transaction, retried on contention: by the client
    when the commit is aborted, and here when a read inside the body is (the client
    retries only the commit; Firestore also aborts a read that waited on another
    transaction's lock)."""
    for _ in range(attempts):
        transaction = db.transaction(max_attempts=attempts)
        try:
            return firestore.transactional(body)(transaction)
        except gexc.Aborted:
            continue  # a read lost to another transaction: begin again
        except ValueError as exc:
            # The client wraps the last Aborted of its spent attempts in a ValueError.
            if isinstance(exc.__cause__, gexc.Aborted):
                raise Contended(f"transaction lost {attempts} times") from exc
            raise
    raise Contended(f"reads aborted {attempts} times")


F = TypeVar("F", bound=Callable[..., Any])
# What Firestore refuses for good: a value it cannot hold (a document over 1 MiB,
# a string that is not UTF-8). Retrying the same write cannot succeed.
REFUSED = (gexc.InvalidArgument, gexc.OutOfRange, UnicodeEncodeError)


def as_storage_errors(fn: F) -> F:
    """Google's errors leave the store as `StorageError` (`StorageRefused` when
    permanent): services never import google."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except REFUSED as exc:
            raise StorageRefused(f"{type(exc).__name__}") from exc
        except gexc.GoogleAPIError as exc:
            raise StorageError(f"{type(exc).__name__}") from exc

    return wrapper  # type: ignore[return-value]
