"""Transactions on the emulator: a lost transaction is begun again or reported as
`Contended`, never left as Google's raw error, and never writes twice."""

from __future__ import annotations

import concurrent.futures
from typing import Any

import pytest
from google.api_core import exceptions as gexc

from shared.store import transactions
from shared.store.ports import Contended
from tests.conftest import Env, databases

pytestmark = pytest.mark.emulators


def increment(db: Any, path: str, aborted_reads: list[int]) -> Any:
    """A body that adds one to a counter; its first `aborted_reads[0]` reads are
    aborted as Firestore aborts a read that waited on another transaction's lock
    (the emulator cannot be made to do that on cue)."""
    ref = db.document(path)

    def body(txn: Any) -> int:
        if aborted_reads[0] > 0:
            aborted_reads[0] -= 1
            raise gexc.Aborted("transaction lock timeout")
        snap = ref.get(transaction=txn)
        n = (snap.to_dict() or {}).get("n", 0) + 1 if snap.exists else 1
        txn.set(ref, {"n": n})
        return n

    return body


def test_an_aborted_read_begins_the_transaction_again_and_writes_once(env: Env) -> None:
    db = databases()
    aborted = [2]
    assert transactions.run(db.main, increment(db.main, "probe/count", aborted)) == 1
    assert aborted == [0] and db.main.document("probe/count").get().get("n") == 1


def test_reads_aborted_every_time_are_contended_and_write_nothing(env: Env) -> None:
    db = databases()
    with pytest.raises(Contended):
        transactions.run(db.main, increment(db.main, "probe/never", [99]), attempts=3)
    assert not db.main.document("probe/never").get().exists


def test_real_contention_counts_every_winner_once(env: Env) -> None:
    db = databases()

    def one(_: int) -> bool:
        try:
            transactions.run(db.main, increment(db.main, "probe/shared", [0]))
        except Contended:
            return False
        return True

    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        won = sum(pool.map(one, range(24)))
    assert won > 0 and db.main.document("probe/shared").get().get("n") == won


class _AbortsReads:
    """The token document, whose first `n` reads in a transaction are aborted as
    Firestore aborts a read that waited on another transaction's lock."""

    def __init__(self, ref: Any, n: int) -> None:
        self._ref, self.left = ref, n

    def get(self, transaction: Any = None) -> Any:
        if transaction is not None and self.left > 0:
            self.left -= 1
            raise gexc.Aborted("transaction lock timeout")
        return self._ref.get(transaction=transaction)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._ref, name)


def test_the_token_lease_begins_again_when_its_read_is_aborted(env: Env) -> None:
    from datetime import UTC, datetime

    from shared.store.collections import OA_TOKENS
    from shared.store.tokens import FirestoreTokenStore
    from shared.zalo.tokens import TokenPair

    db = databases().of(OA_TOKENS)
    db.collection(OA_TOKENS).document("oa-aborts").set(
        {"access_token": "old", "refresh_token": "r1", "expires_at": datetime.now(UTC)}
    )
    used: list[str] = []

    def refresher(refresh_token: str) -> TokenPair:
        used.append(refresh_token)
        return TokenPair(access_token="new", refresh_token="r2", expires_in=3600)

    store = FirestoreTokenStore(db, "oa-aborts", refresher, lambda: datetime.now(UTC))
    store._ref = _AbortsReads(store._ref, 2)  # type: ignore[assignment]
    assert store.refresh("old") == "new"
    assert used == ["r1"]  # the refresh token used once, no Google error escaped
    assert db.collection(OA_TOKENS).document("oa-aborts").get().get("refresh_token") == "r2"
