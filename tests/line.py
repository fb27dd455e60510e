"""A tip line on the emulators for tests: the webhook served over HTTP, the Zalo
stand-in posting to it, the demo seed, and the router through the functions
framework, fed by the Pub/Sub messages the webhook published.

`pump()` delivers what waits in the router's subscription as Pub/Sub push
bodies, as often and in whatever order a test asks: that is how redelivery,
duplicates and reordering are played.
"""

from __future__ import annotations

import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import functions_framework
import pytest
from cloudevents.http import CloudEvent
from werkzeug.serving import make_server

from local.emulators import push_body
from local.standin_client import StandinClient
from local.zalo_standin import StandinConfig, serve_in_thread
from shared import bootstrap
from shared.core.jurisdiction import load_profile
from shared.core.seed import load_seed
from shared.moving_clocks import FixedClock
from shared.store.admin import write_seed
from tests.conftest import APP_ID, APP_SECRET, OA_ID, OA_SECRET_KEY, Env, databases
from tests.crash import CrashingStore
from tests.sends import firestore_sends

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "shared" / "data" / "seed-demo.yaml"
# Tuesday 1 December 2026, 09:00 in Ho Chi Minh City: a day shift.
DAY = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@dataclass
class Line:
    env: Env
    standin: StandinClient
    standin_url: str
    router: Any  # the router's Flask test client (the real functions framework)
    clock: FixedClock
    db: Any  # conftest.databases(): each collection where it lives

    def citizen_says(self, user: str, text: str) -> dict[str, Any]:
        return self.standin.send_text(user, text)

    def citizen_shares(self, user: str, lat: str, lng: str) -> dict[str, Any]:
        return self.standin.send_location(user, lat, lng)

    def pump(self, times: int = 1, shuffle: bool = False, settle: float = 1.0) -> list[int]:
        """Deliver every waiting message `times` times; the router's HTTP statuses."""
        statuses: list[int] = []
        for _ in range(10):
            messages = self.env.drain(settle)
            if not messages:
                return statuses
            deliveries = [m for m in messages for _ in range(times)]
            if shuffle:
                random.Random(7).shuffle(deliveries)
            for message in deliveries:
                body = push_body(message, self.env.topics["router"])
                statuses.append(self.router.post("/", json=body).status_code)
        return statuses

    def texts(self, user: str) -> list[str]:
        return self.standin.texts(user)

    def tip(self, ref: str) -> dict[str, Any]:
        snap = self.db.collection("tips").document(ref).get()
        assert snap.exists, ref
        return snap.to_dict() or {}

    def only_tip(self) -> dict[str, Any]:
        (snap,) = list(self.db.collection("tips").stream())
        return snap.to_dict() or {}

    def alerts(self) -> list[dict[str, Any]]:
        return list(firestore_sends(self.db, "alerts").values())

    def advance(self, **delta: float) -> datetime:
        """Move the line's clock and Zalo's together."""
        now = self.clock.advance(**delta)
        self.standin.set_clock(now)
        return now

    def crashing(self) -> tuple[Any, Any, CrashingStore]:
        """A router and an escalator as deployed, on one Firestore store that dies on
        cue (`CrashingStore.arm`); a body is handed to the router with `push_to`."""
        stores: list[CrashingStore] = []

        def wrap(store: Any) -> Any:
            if not stores:
                stores.append(CrashingStore(store))
            return stores[0]

        router = bootstrap.build_router(self.clock, wrap)
        escalator = bootstrap.build_escalator(self.clock, wrap)
        return router, escalator, stores[0]


def push_to(router: Any, body: dict[str, Any]) -> None:
    """Hand a Pub/Sub push body to a router as the functions framework would."""
    attributes = {
        "type": "google.cloud.pubsub.topic.v1.messagePublished",
        "source": "//pubsub.googleapis.com/projects/tinbao-test/topics/tinbao-events",
    }
    router.handle(CloudEvent(attributes, body))


def officer_ids(seed_text: str) -> list[str]:
    seed = load_seed(seed_text)
    return [o.zalo_user_id for o in seed.officers if o.zalo_user_id]


@pytest.fixture
def line(env: Env, monkeypatch: pytest.MonkeyPatch) -> Iterator[Line]:
    db = databases()
    seed_text = SEED.read_text(encoding="utf-8")
    # on the line's clock: enrolments stamped with the real time would outrank records
    # a test dates from DAY (a test that passed until the real clock passed DAY + 1 day)
    write_seed(db, load_seed(seed_text), load_profile("2025"), now=DAY)

    hook = make_server(
        "127.0.0.1",
        0,
        functions_framework.create_app(
            target="zalo_webhook", source=str(ROOT / "functions" / "webhook" / "main.py")
        ),
        threaded=True,
    )
    threading.Thread(target=hook.serve_forever, daemon=True).start()
    running = serve_in_thread(
        StandinConfig(
            app_id=APP_ID,
            oa_id=OA_ID,
            oa_secret_key=OA_SECRET_KEY,
            app_secret=APP_SECRET,
            webhook_url=f"http://127.0.0.1:{hook.server_port}/",
            retry_schedule=(0.2, 0.5, 1.0),
            # Longer than the tests' webhook budget (conftest): the stand-in waits for
            # the answer rather than retrying a delivery still being stored.
            webhook_timeout=30.0,
        )
    )
    client = StandinClient(running.url, timeout=60.0)
    for name, value in {"ZALO_API_BASE": running.url, "ZALO_OAUTH_BASE": running.url}.items():
        monkeypatch.setenv(name, value)
    db.collection("oa_tokens").document(OA_ID).set(
        {
            "access_token": "standin-access-0",
            "refresh_token": "standin-refresh-0",
            "expires_at": DAY,
            "updated_at": DAY,
        }
    )
    client.set_clock(DAY)
    for officer in officer_ids(seed_text):
        client.record_interaction(officer)  # officers wrote to the OA this week (TRUC)

    bootstrap.reset()
    clock = FixedClock(DAY)
    router_app = functions_framework.create_app(
        target="route_event", source=str(ROOT / "functions" / "router" / "main.py")
    ).test_client()
    router = bootstrap.get_router()
    router.clock = clock
    bootstrap.get_webhook().clock = clock
    try:
        yield Line(env, client, running.url, router_app, clock, db)
    finally:
        bootstrap.reset()
        client.close()
        running.stop()
        hook.shutdown()
