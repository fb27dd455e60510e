"""The whole line in one process, on the in-memory store: use-case tests in milliseconds.

The webhook, router and escalator are the real services (`shared.bootstrap`'s
assembly), wired to `shared.store.memory` instead of Firestore and Pub/Sub. Zalo
is the stand-in over HTTP, as everywhere: citizens and officers write through it,
it signs and posts each event to the webhook, and it records what everyone
received. `pump()` hands what the webhook published to the router, as often and
in whatever order a test asks. The emulator suite (tests/line.py) proves the
real store; this one makes the use cases cheap to pin.
"""

from __future__ import annotations

import base64
import random
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

import flask
import httpx
import pytest
from cloudevents.http import CloudEvent
from pydantic import SecretStr
from werkzeug.serving import make_server

from local.standin_client import StandinClient
from local.zalo_standin import StandinConfig, serve_in_thread
from shared import bootstrap
from shared.core.events import TipEvent
from shared.core.roster import roster_to_dict
from shared.core.seed import load_seed
from shared.moving_clocks import FixedClock
from shared.services.escalator import Escalator, RunSummary
from shared.services.router import Router
from shared.services.webhook import Webhook
from shared.settings import Settings
from shared.store.admin import officer_doc
from shared.store.collections import ALERTS, OFFICERS, ROSTERS, TIPS, UNITS
from shared.store.memory import MemoryPublisher, MemoryStore
from shared.zalo.client import ZaloClient
from shared.zalo.tokens import InMemoryTokenStore, TokenPair, refresh_tokens
from tests.crash import CrashingStore
from tests.recipients import recipient_user
from tests.sends import memory_sends
from tests.webhook_client import encode, fresh, signed_headers

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "shared" / "data" / "seed-demo.yaml"
APP_ID = "360846524940903967"
OA_ID = "388613280878808645"
# Test-only keys: the real ones live in Secret Manager and never in the repository.
OA_SECRET_KEY = "test-oa-secret-key-0123456789"
APP_SECRET = "test-app-secret-9876543210"
PSEUDONYM_KEY = "test-pseudonym-key-5555"  # tests.conftest's
# Tuesday 1 December 2026, 09:00 in Ho Chi Minh City: a day shift.
DAY = datetime.fromisoformat("2026-12-01T02:00:00+00:00")


class Redelivery(RuntimeError):
    """The router asked Pub/Sub to deliver the message again (it raised)."""


@dataclass
class MemoryLine:
    store: MemoryStore
    publisher: MemoryPublisher
    standin: StandinClient
    webhook: Webhook
    router: Router
    escalator: Escalator
    clock: FixedClock
    crashes: CrashingStore  # the store the router and escalator see: it can die on cue

    # --- people ------------------------------------------------------------------------

    def citizen_says(self, user: str, text: str) -> dict[str, Any]:
        return self.standin.send_text(user, text)

    def citizen_shares(self, user: str, lat: str, lng: str) -> dict[str, Any]:
        return self.standin.send_location(user, lat, lng)

    def texts(self, user: str) -> list[str]:
        return self.standin.texts(user)

    def zalo_posts(self, event: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """An event the stand-in does not play (a follow), posted signed as Zalo would
        send it now, on the line's clock."""
        raw = encode(fresh(event, self.clock.now()))
        return self.webhook.handle("POST", signed_headers(raw), lambda _n: raw)

    # --- Pub/Sub and the scheduler ---------------------------------------------------------

    def pump(self, times: int = 1, shuffle: bool = False) -> list[int]:
        """Deliver what was published `times` times each; the router's HTTP statuses
        (500: it raised, so Pub/Sub would redeliver)."""
        statuses: list[int] = []
        while events := self.publisher.take():
            deliveries = [e for e in events for _ in range(times)]
            if shuffle:
                random.Random(7).shuffle(deliveries)
            statuses.extend(self.deliver(e) for e in deliveries)
        return statuses

    def deliver(self, event: TipEvent) -> int:
        data = base64.b64encode(event.encode()).decode()
        cloud_event = CloudEvent(
            {
                "type": "google.cloud.pubsub.topic.v1.messagePublished",
                "source": "//pubsub.googleapis.com/projects/memory/topics/tinbao-events",
            },
            {"message": {"data": data, "attributes": event.attributes()}},
        )
        try:
            self.router.handle(cloud_event)
        except Exception:
            traceback.print_exc()  # shown with a failing test's output
            return 500
        return 200

    def escalate(self) -> RunSummary:
        return self.escalator.run(self.clock.now())

    def advance(self, **delta: float) -> datetime:
        now = self.clock.advance(**delta)
        self.standin.set_clock(now)
        return now

    # --- what is stored --------------------------------------------------------------------

    def tip(self, ref: str) -> dict[str, Any]:
        found = self.store.get(TIPS, ref)
        assert found is not None, ref
        return found

    def only_tip(self) -> dict[str, Any]:
        (tip,) = self.store.docs[TIPS].values()
        return tip

    def alerts(self) -> list[dict[str, Any]]:
        return list(memory_sends(self.store, ALERTS).values())

    def user_of(self, send: dict[str, Any]) -> str:
        """The Zalo id a send record's recipient (`to`) names, looked up as the line does."""
        return recipient_user(send, self.store.get)


def seed(store: MemoryStore, now: datetime) -> list[str]:
    """The demo seed's units, officers and rosters; the officers' stand-in user ids."""
    parsed = load_seed(SEED.read_text(encoding="utf-8"))
    for unit in parsed.units:
        doc = {"name": unit.name, "kind": unit.kind, "parent": unit.parent}
        store.put(UNITS, unit.unit_id, doc)
    for officer in parsed.officers:
        store.put(OFFICERS, officer.officer_id, officer_doc(officer, None, now))
    for roster in parsed.rosters:
        store.put(ROSTERS, roster.unit_id, roster_to_dict(roster))
    return [o.zalo_user_id for o in parsed.officers if o.zalo_user_id]


@dataclass
class _Servers:
    """What every memory line can share: Zalo's stand-in and a webhook endpoint
    (which hands each request to the current test's webhook), and an HTTP client."""

    standin: StandinClient
    standin_url: str
    http: httpx.Client
    target: list[Webhook]


@pytest.fixture(scope="session")
def _memory_servers() -> Iterator[_Servers]:
    target: list[Webhook] = []
    app = flask.Flask("memory-webhook")

    @app.post("/")
    def receive() -> Any:
        request = flask.request
        return target[0].handle(request.method, request.headers, request.stream.read)

    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    running = serve_in_thread(
        StandinConfig(
            app_id=APP_ID,
            oa_id=OA_ID,
            oa_secret_key=OA_SECRET_KEY,
            app_secret=APP_SECRET,
            webhook_url=f"http://127.0.0.1:{server.server_port}/",
            retry_schedule=(),  # Zalo's retries are not this harness's business
            # As tests/line.py: on a loaded machine the webhook may take longer than
            # Zalo's few seconds, and a use case is not a timing test (it flaked).
            webhook_timeout=30.0,
        )
    )
    http = httpx.Client()
    standin = StandinClient(running.url, timeout=60.0)
    try:
        yield _Servers(standin, running.url, http, target)
    finally:
        standin.close()
        http.close()
        running.stop()
        server.shutdown()


@pytest.fixture
def memory_line(_memory_servers: _Servers) -> Iterator[MemoryLine]:
    servers = _memory_servers
    clock = FixedClock(DAY)
    store, publisher = MemoryStore(), MemoryPublisher()
    officers = seed(store, DAY)
    settings = Settings(
        zalo_app_id=APP_ID,
        zalo_oa_id=OA_ID,
        zalo_oa_secret_key=SecretStr(OA_SECRET_KEY),
        zalo_app_secret=SecretStr(APP_SECRET),
        tinbao_pseudonym_key=SecretStr(PSEUDONYM_KEY),
        tinbao_profile="2025",
    )
    webhook = bootstrap.assemble_webhook(settings, store, publisher, clock, settings.oas())
    servers.target[:] = [webhook]
    standin = servers.standin
    standin.reset()
    standin.set_clock(DAY)
    for officer in officers:
        standin.record_interaction(officer)  # officers wrote to the OA this week (TRUC)
    tokens = InMemoryTokenStore(
        TokenPair("standin-access-0", "standin-refresh-0", 90000),
        partial(refresh_tokens, servers.http, servers.standin_url, APP_ID, APP_SECRET),
    )
    client = ZaloClient(servers.http, servers.standin_url, tokens)
    crashes = CrashingStore(store)
    pager = bootstrap.assemble_pager(
        crashes,  # type: ignore[arg-type]
        lambda _oa: client,
        bootstrap.profile_with_oas("2025", {}),
        OA_ID,
        keep_contacts=bootstrap.intake_rules(settings).retention,  # the router's: renews them
    )
    line = MemoryLine(
        store=store,
        publisher=publisher,
        standin=standin,
        webhook=webhook,
        router=bootstrap.assemble_router(
            pager, clock, {}, bootstrap.assemble_door(settings, store)
        ),
        escalator=bootstrap.assemble_escalator(pager, publisher, clock, 25),
        clock=clock,
        crashes=crashes,
    )
    try:
        yield line
    finally:
        webhook.executor.shutdown(wait=True)
