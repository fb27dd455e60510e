"""Shared fixtures: the real Firestore and Pub/Sub emulators, fresh per test.

The emulators start once per session on free ports and stop at the end with
their whole process group. Each test gets an empty Firestore (the emulator's
DELETE endpoint) and its own freshly named topics and subscriptions.
"""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import os
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from local import emulators
from tests.stack_logs import SHOW_ON_FAILURE

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures"
PROJECT = "tinbao-test"
APP_ID = "360846524940903967"
OA_ID = "388613280878808645"
# Test-only keys: the real ones live in Secret Manager and never in the repository.
OA_SECRET_KEY = "test-oa-secret-key-0123456789"
APP_SECRET = "test-app-secret-9876543210"
PSEUDONYM_KEY = "test-pseudonym-key-5555"

_counter = itertools.count()


@dataclass
class Stack:
    firestore: emulators.Emulator
    pubsub: emulators.Emulator


@pytest.fixture(scope="session")
def emulator_stack() -> Iterator[Stack]:
    emulators.require_tools()
    fs, ps = emulators.firestore_emulator(), emulators.pubsub_emulator()
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        futures = [pool.submit(e.start) for e in (fs, ps)]
        try:
            for future in futures:
                future.result()
        except BaseException:
            fs.stop()
            ps.stop()
            raise
    os.environ["FIRESTORE_EMULATOR_HOST"] = fs.host
    os.environ["PUBSUB_EMULATOR_HOST"] = ps.host
    os.environ["GOOGLE_CLOUD_PROJECT"] = PROJECT
    try:
        yield Stack(fs, ps)
    finally:
        fs.stop()
        ps.stop()


@cache
def _subscriber() -> Any:
    from google.cloud import pubsub_v1

    return pubsub_v1.SubscriberClient()


@dataclass
class Env:
    stack: Stack
    topics: dict[str, str]
    suffix: str

    def pull(self, count: int, timeout: float = 10.0) -> list[Any]:
        """Pull (and ack) at least `count` messages from the router subscription,
        polling for at most `timeout` seconds (an empty pull answers at once: a
        blocking one would hold every `drain` for the pull's whole deadline)."""
        subscriber = _subscriber()
        got: list[Any] = []
        deadline = time.monotonic() + timeout
        while len(got) < count and time.monotonic() < deadline:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)  # return_immediately
                response = subscriber.pull(
                    request={
                        "subscription": self.topics["router"],
                        "max_messages": 100,
                        "return_immediately": True,
                    },
                    timeout=5,
                )
            if not response.received_messages:
                time.sleep(0.05)
                continue
            subscriber.acknowledge(
                request={
                    "subscription": self.topics["router"],
                    "ack_ids": [m.ack_id for m in response.received_messages],
                }
            )
            got.extend(m.message for m in response.received_messages)
        return got

    def drain(self, settle: float = 1.5) -> list[Any]:
        """Everything published, waiting until nothing more arrives for `settle` s."""
        out: list[Any] = []
        while True:
            batch = self.pull(1, timeout=settle)
            if not batch:
                return out
            out.extend(batch)


def _reach_firestore() -> None:
    """Return once this process reaches Firestore over gRPC. A test that stopped the
    emulator leaves gRPC's shared connection to it backing off for seconds after it
    is back, and the next test's first write would fail at once (the webhook would
    defer it to Pub/Sub). The read retries UNAVAILABLE until the connection is up."""
    from google.cloud import firestore

    firestore.Client(project=PROJECT).collection("probe").document("probe").get(timeout=60)


@pytest.fixture
def env(emulator_stack: Stack, monkeypatch: pytest.MonkeyPatch) -> Iterator[Env]:
    emulators.reset_firestore(emulator_stack.firestore.host, PROJECT)
    _reach_firestore()
    suffix = f"-t{os.getpid()}-{next(_counter)}"
    topics = emulators.create_topology(PROJECT, suffix=suffix)
    for name, value in {
        "GOOGLE_CLOUD_PROJECT": PROJECT,
        # The line these tests tell is Tân Phú's five wards: pinned, not the default.
        "TINBAO_PROFILE": "2025",
        "TINBAO_EVENTS_TOPIC": emulators.load_topology()["events_topic"] + suffix,
        "ZALO_APP_ID": APP_ID,
        "ZALO_OA_ID": OA_ID,
        "ZALO_OA_SECRET_KEY": OA_SECRET_KEY,
        "ZALO_APP_SECRET": APP_SECRET,
        "TINBAO_PSEUDONYM_KEY": PSEUDONYM_KEY,
        # A loaded machine must not turn a slow emulator into the webhook's fallback
        # path (Pub/Sub): tests of that path stop or freeze Firestore on purpose.
        "TINBAO_WEBHOOK_BUDGET_SECONDS": "20",
        # Contacts and identity in databases of their own, named apart from (default).
        **emulators.database_env(),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("TINBAO_OAS", raising=False)
    from shared import bootstrap

    bootstrap.reset()
    yield Env(emulator_stack, topics, suffix)
    bootstrap.reset()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failed test's report carries what the test asked it to show then
    (`tests.stack_logs.SHOW_ON_FAILURE`: the end-to-end stack's logs)."""
    outcome = yield
    report = outcome.get_result()
    show = item.stash.get(SHOW_ON_FAILURE, None)
    if report.when == "call" and report.failed and show is not None:
        report.sections.extend(show())


def databases(project: str = PROJECT) -> Any:
    """Clients of the three local databases for a test's own reads and writes:
    `collection(name)` finds a collection where it lives (`HOME`); anything else
    (`batch()`, `transaction()`, ...) is the main database's."""
    from shared.store.databases import Databases, connect

    class _Databases(Databases):
        def document(self, path: str) -> Any:
            return self.of(path.split("/", 1)[0]).document(path)

        def __getattr__(self, name: str) -> Any:
            return getattr(self.main, name)

    return _Databases(connect(project, emulators.LOCAL_DATABASES)._clients)


def load_sample(name: str) -> dict[str, Any]:
    return json.loads((FIXTURES / "zalo" / f"{name}.json").read_text())


# Fixture modules of their own, registered here: the whole line on the emulators
# (webhook, Zalo stand-in, seed, router), the same line on the in-memory store,
# and Debian's headless Chromium for the page tests.
from tests.chromium import browser  # noqa: E402, F401
from tests.line import line  # noqa: E402, F401
from tests.memory_line import _memory_servers, memory_line  # noqa: E402, F401
