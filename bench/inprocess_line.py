"""The tip line in one process on the emulators, for benchmarks that count or time its parts.

Like tests/line.py, without pytest: the Firestore and Pub/Sub emulators (own
process groups), the demo seed, the webhook served by werkzeug on a thread, the
Zalo stand-in on a thread posting to it, and the router and escalator built by
`shared.bootstrap` in this process, all on one `FixedClock` (a Tuesday 09:00 in Ho
Chi Minh City: a day shift with officers on duty). The router is fed through the
functions framework (`route_event`), with the Pub/Sub push body Pub/Sub would
send, from a pull subscription that `pump()` drains, so the benchmark knows when
each function has finished its part.

Used by bench_lifecycle.py (operations per tip) and bench_escalator.py.
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import os
import sys
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import Cleanup  # noqa: E402

from local import emulators  # noqa: E402
from local.emulators import push_body  # noqa: E402
from shared.store.collections import Database  # noqa: E402

PROJECT = "tinbao-bench-line"
APP_ID = "360846524940903967"
OA_ID = "388613280878808645"
# Bench-only keys: the real ones live in Secret Manager.
OA_SECRET_KEY = "bench-only-oa-secret-key-not-a-secret"
APP_SECRET = "bench-only-app-secret-not-a-secret"
SEED = ROOT / "shared" / "data" / "seed-demo.yaml"
# Tuesday 1 December 2026, 09:00 in Ho Chi Minh City: a day shift.
DAY = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


def start_emulators(cleanup: Cleanup) -> tuple[emulators.Emulator, emulators.Emulator]:
    emulators.require_tools()
    fs, ps = emulators.firestore_emulator(), emulators.pubsub_emulator()
    cleanup.add(fs.stop)
    cleanup.add(ps.stop)
    with concurrent.futures.ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(e.start) for e in (fs, ps)]:
            future.result()
    return fs, ps


class Line:
    """The line in this process; `start()` once, everything stops with `cleanup`."""

    def __init__(self, cleanup: Cleanup, project: str = PROJECT) -> None:
        self.cleanup = cleanup
        self.project = project
        self.clock: Any = None
        self.db: Any = None
        self.standin: Any = None  # StandinClient
        self.standin_state: Any = None  # the Standin object (same process)
        self.router_app: Any = None
        self.escalator: Any = None
        self.router: Any = None
        self.topics: dict[str, str] = {}
        self.officers: list[str] = []
        self._subscriber: Any = None

    def start(self) -> Line:
        fs, ps = start_emulators(self.cleanup)
        os.environ.update(
            {
                "FIRESTORE_EMULATOR_HOST": fs.host,
                "PUBSUB_EMULATOR_HOST": ps.host,
                "GOOGLE_CLOUD_PROJECT": self.project,
                "TINBAO_EVENTS_TOPIC": emulators.load_topology()["events_topic"],
                "TINBAO_PROFILE": "2025",
                "ZALO_APP_ID": APP_ID,
                "ZALO_OA_ID": OA_ID,
                "ZALO_OA_SECRET_KEY": OA_SECRET_KEY,
                "TINBAO_PSEUDONYM_KEY": "bench-pseudonym-key",
                "ZALO_APP_SECRET": APP_SECRET,
                **emulators.database_env(),
            }
        )
        os.environ.pop("TINBAO_OAS", None)
        os.environ.pop("TINBAO_LOCAL_CLOCK_FILE", None)

        import logging

        import functions_framework
        from google.cloud import pubsub_v1
        from werkzeug.serving import make_server

        from local.standin_client import StandinClient
        from local.zalo_standin import StandinConfig, serve_in_thread
        from shared import bootstrap, settings
        from shared.core.jurisdiction import load_profile
        from shared.core.seed import load_seed
        from shared.moving_clocks import FixedClock
        from shared.store.admin import connect as admin_connect
        from shared.store.admin import write_seed

        self.topics = emulators.create_topology(self.project)
        self.db = admin_connect(self.project, emulators.LOCAL_DATABASES)
        seed_text = SEED.read_text(encoding="utf-8")
        seed = load_seed(seed_text)
        # on the line's clock (DAY), as tests.line: enrolments stamped with the real time
        # would outrank whatever the run dates from DAY once the real clock passed it
        write_seed(self.db, seed, load_profile("2025"), now=DAY)
        self.officers = [o.zalo_user_id for o in seed.officers if o.zalo_user_id and o.active]

        logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no request lines
        hook = make_server(
            "127.0.0.1",
            0,
            functions_framework.create_app(
                target="zalo_webhook", source=str(ROOT / "functions" / "webhook" / "main.py")
            ),
            threaded=True,
        )
        threading.Thread(target=hook.serve_forever, daemon=True).start()
        self.cleanup.add(hook.shutdown)
        running = serve_in_thread(
            StandinConfig(
                app_id=APP_ID,
                oa_id=OA_ID,
                oa_secret_key=OA_SECRET_KEY,
                app_secret=APP_SECRET,
                webhook_url=f"http://127.0.0.1:{hook.server_port}/",
                retry_schedule=(0.2, 0.5, 1.0),
            )
        )
        self.cleanup.add(running.stop)
        self.standin_state = running.standin
        self.standin = StandinClient(running.url)
        self.cleanup.add(self.standin.close)
        os.environ["ZALO_API_BASE"] = running.url
        os.environ["ZALO_OAUTH_BASE"] = running.url
        self.db.collection("oa_tokens").document(OA_ID).set(
            {
                "access_token": "standin-access-0",
                "refresh_token": "standin-refresh-0",
                "expires_at": DAY + timedelta(days=30),
                "updated_at": DAY,
            }
        )
        self.standin_state.set_clock(None, DAY)
        for officer in self.officers:
            self.standin_state.record_interaction(officer)  # they wrote to the OA this week

        settings.get_settings.cache_clear()
        bootstrap.reset()
        self.clock = FixedClock(DAY)
        self.router_app = functions_framework.create_app(
            target="route_event", source=str(ROOT / "functions" / "router" / "main.py")
        ).test_client()
        self.router = bootstrap.get_router()
        self.router.clock = self.clock
        bootstrap.get_webhook().clock = self.clock
        self.escalator = bootstrap.get_escalator()
        self.escalator.clock = self.clock
        self._subscriber = pubsub_v1.SubscriberClient()
        self.cleanup.add(self._subscriber.close)
        return self

    def advance(self, **delta: float) -> datetime:
        """Move this process's clock and the stand-in's alike."""
        now = self.clock.advance(**delta)
        self.standin_state.set_clock(None, now)
        return now

    # --- the Pub/Sub leg ---------------------------------------------------------------

    def pull(self, expected: int, timeout: float = 15.0) -> list[Any]:
        """At least `expected` messages of the router subscription (acked), or what came."""
        got: list[Any] = []
        deadline = time.monotonic() + timeout
        subscription = self.topics["router"]
        while len(got) < expected and time.monotonic() < deadline:
            response = self._subscriber.pull(
                request={"subscription": subscription, "max_messages": 100}, timeout=5
            )
            if response.received_messages:
                self._subscriber.acknowledge(
                    request={
                        "subscription": subscription,
                        "ack_ids": [m.ack_id for m in response.received_messages],
                    }
                )
                got.extend(m.message for m in response.received_messages)
        return got

    def pump(self, expected: int) -> list[int]:
        """Deliver `expected` published messages to the router; its HTTP statuses."""
        messages = self.pull(expected)
        if len(messages) < expected:
            raise RuntimeError(
                f"expected {expected} message(s) on the subscription, got {len(messages)}"
            )
        return [
            self.router_app.post("/", json=push_body(m, self.topics["router"])).status_code
            for m in messages
        ]

    # --- reading back ----------------------------------------------------------------

    def tip(self, ref: str) -> dict[str, Any]:
        snap = self.db.collection("tips").document(ref).get()
        return snap.to_dict() or {}

    def all_paths(self) -> set[str]:
        """Every document path in the database (recursively)."""
        paths: set[str] = set()

        def walk(collection: Any) -> None:
            for ref in collection.list_documents():
                paths.add(ref.path)
                for sub in ref.collections():
                    walk(sub)

        for database in Database:  # every document of the line, in each database
            for collection in self.db.client(database).collections():
                walk(collection)
        return paths


def wait_until(predicate: Callable[[], Any], timeout: float = 10.0, every: float = 0.05) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(every)


@contextlib.contextmanager
def started_line() -> Any:
    cleanup = Cleanup()
    try:
        yield Line(cleanup).start()
    finally:
        cleanup.run()


__all__ = ["DAY", "UTC", "Line", "started_line", "wait_until"]
