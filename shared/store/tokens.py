"""The OA's tokens in Firestore (`oa_tokens/{oa_id}`), refreshed one at a time.

A refresh token works once: two concurrent refreshes with it would leave the
line without a token. A refresher first takes a lease in a transaction
(`refreshing_until`), refreshes over HTTP outside it, then stores the new pair;
anyone else who finds the stored token already changed simply uses it, and
anyone who finds a live lease waits for the holder's result. A lease lapses,
so a refresher that died cannot block the line.

The access token read is kept in memory for `CACHED` (a read per send was a
sixth of a tip's reads): a token refused meanwhile (rotated by another
instance, or re-authorized) costs one refusal, then `refresh(stale)` finds the
stored token changed and uses it, exactly as for a token read a moment too early.
Within a process one thread reads or refreshes at a time (a handler sends to
several people at once): the others wait for its token instead of reading, or
refreshing, again.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from google.cloud import firestore
from tenacity import retry, stop_after_attempt, wait_exponential

from shared.store import transactions
from shared.store.collections import OA_TOKENS
from shared.store.ports import Contended
from shared.zalo.tokens import TokenPair, TokenRefreshError

LEASE = timedelta(seconds=30)
CACHED = timedelta(minutes=5)


class FirestoreTokenStore:
    def __init__(
        self,
        db: firestore.Client,  # the identity database's client (`Databases.of(OA_TOKENS)`)
        oa_id: str,
        refresher: Callable[[str], TokenPair],
        now: Callable[[], datetime],
        wait: Callable[[float], None] = time.sleep,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._ref = db.collection(OA_TOKENS).document(oa_id)
        self._db = db
        self._refresher = refresher
        self._now = now
        self._wait = wait
        self._monotonic = monotonic
        self._cached: tuple[str, float] | None = None  # (access token, kept until)
        self._lock = threading.Lock()  # one reader or refresher at a time in this process

    def _kept(self) -> str | None:
        cached = self._cached
        return cached[0] if cached is not None and self._monotonic() < cached[1] else None

    def access_token(self) -> str:
        kept = self._kept()
        if kept is not None:
            return kept
        with self._lock:
            kept = self._kept()  # read by the thread this one waited for
            if kept is not None:
                return kept
            snap = self._ref.get()
            if not snap.exists or not (snap.to_dict() or {}).get("access_token"):
                raise TokenRefreshError(
                    f"no token stored for OA {self._ref.id}: run `tinbao zalo authorize`"
                )
            return self._keep(str(snap.get("access_token")))

    def _keep(self, token: str) -> str:
        self._cached = (token, self._monotonic() + CACHED.total_seconds())
        return token

    def refresh(self, stale_access_token: str, deadline: float | None = None) -> str:
        wait = -1.0 if deadline is None else max(0.0, deadline - time.monotonic())
        if not self._lock.acquire(timeout=wait):
            raise TokenRefreshError("no time left to wait for the token refresh")
        try:
            kept = self._kept()
            if kept is not None and kept != stale_access_token:
                return kept  # refreshed by the thread this one waited for
            self._cached = None
            return self._refresh(stale_access_token, deadline)
        finally:
            self._lock.release()

    def _refresh(self, stale_access_token: str, deadline: float | None) -> str:
        for _ in range(int(LEASE.total_seconds()) + 5):
            if deadline is not None and time.monotonic() >= deadline:
                raise TokenRefreshError("no time left to wait for the token refresh")
            outcome, value = self._take_lease(stale_access_token)
            if outcome == "current":
                return self._keep(value)
            if outcome == "leased":
                new = self._refresher(value)  # value: the refresh token, used exactly once
                self._store(new)
                return self._keep(new.access_token)
            self._wait(1.0)  # someone else is refreshing: wait for their pair
        raise TokenRefreshError("token refresh did not complete in time")

    def _take_lease(self, stale: str) -> tuple[str, str]:
        now = self._now()

        def body(txn: Any) -> tuple[str, str]:
            snap = self._ref.get(transaction=txn)
            doc = snap.to_dict() or {}
            if not doc.get("refresh_token"):
                raise TokenRefreshError(f"no refresh token stored for OA {self._ref.id}")
            if doc.get("access_token") != stale:
                return "current", str(doc["access_token"])
            lease = doc.get("refreshing_until")
            if lease is not None and lease > now:
                return "wait", ""
            txn.update(self._ref, {"refreshing_until": now + LEASE})
            return "leased", str(doc["refresh_token"])

        try:
            # begun again when a read in it is aborted, not only its commit
            return transactions.run(self._db, body)
        except Contended:
            return "wait", ""  # others are at the token right now: wait for their pair

    @retry(stop=stop_after_attempt(5), wait=wait_exponential(multiplier=0.2, max=3), reraise=True)
    def _store(self, pair: TokenPair) -> None:
        # The old refresh token is dead now: storing the new pair must not be lost
        # to a passing Firestore error, hence the retries.
        now = self._now()
        self._ref.update(
            {
                "access_token": pair.access_token,
                "refresh_token": pair.refresh_token,
                "expires_at": now + timedelta(seconds=pair.expires_in),
                "updated_at": now,
                "refreshing_until": None,
            }
        )
