"""Helpers shared by the tests of the router and the escalator on the emulators:
the people of the demo seed, and delivering what the webhook published.

Pub/Sub delivers at least once, in any order, sometimes concurrently: `take`
pulls what the webhook published (and acknowledges it), so a test can deliver
each body as often and in whatever order it likes with `deliver`.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from functools import cache
from typing import Any

import functions_framework
from google.cloud import pubsub_v1

from local.emulators import push_body
from shared import bootstrap
from shared.core.roster import on_duty as roster_on_duty
from shared.core.roster import roster_from_dict
from tests.line import ROOT, Line

# Zalo user ids are long numbers; a distinctive one cannot turn up in a text by chance.
CITIZEN = "8471209356612347001"
TIP = "Có nhóm thanh niên sử dụng ma túy tại khách sạn trên đường Tân Sơn Nhì, phường Tân Sơn Nhì"
# Ward 27019 at DAY (a Tuesday day shift), per the demo seed's rosters.
DUTY_ID, DUTY = "cb-27019-2", "demo-officer-27019-2"
COMMANDER_ID, COMMANDER = "cb-27019-cmd-1", "demo-officer-27019-cmd-1"
OTHER_27019 = "demo-officer-27019-1"  # same ward, off duty
OTHER_WARD = "demo-officer-27013-2"  # ward 27013's duty officer
CITY_COMMANDER = "demo-officer-hcm-cmd-1"


@cache
def subscriber() -> pubsub_v1.SubscriberClient:
    return pubsub_v1.SubscriberClient()


def take(line: Line, count: int, timeout: float = 10.0) -> list[dict[str, Any]]:
    """The push bodies of the next `count` messages the webhook published (pulled and
    acknowledged, so a test can deliver them as often as it likes)."""
    subscription = line.env.topics["router"]
    got: list[Any] = []
    deadline = time.monotonic() + timeout
    while len(got) < count:
        assert time.monotonic() < deadline, f"{len(got)} of {count} messages were published"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)  # return_immediately
            response = subscriber().pull(
                request={
                    "subscription": subscription,
                    "max_messages": 100,
                    "return_immediately": True,
                },
                timeout=5,
            )
        if not response.received_messages:
            time.sleep(0.05)
            continue
        subscriber().acknowledge(
            request={
                "subscription": subscription,
                "ack_ids": [m.ack_id for m in response.received_messages],
            }
        )
        got.extend(m.message for m in response.received_messages)
    assert len(got) == count, f"{len(got)} messages published, {count} expected"
    return [push_body(m, subscription) for m in got]


def deliver(line: Line, bodies: list[dict[str, Any]], times: int = 1) -> list[int]:
    """Push each body `times` times to the router; its HTTP statuses."""
    return [line.router.post("/", json=b).status_code for b in bodies for _ in range(times)]


def pump(line: Line, count: int = 1, times: int = 1) -> list[int]:
    """Deliver the next `count` published messages, each `times` times."""
    return deliver(line, take(line, count), times)


def report(line: Line, text: str = TIP, user: str = CITIZEN) -> str:
    """A citizen reports; the router takes it; the tip's reference code."""
    line.citizen_says(user, text)
    assert pump(line) == [200]
    return str(line.only_tip()["ref"])


def command(line: Line, user: str, text: str, times: int = 1) -> list[int]:
    line.standin.send_text(user, text)
    return pump(line, times=times)


def escalate(line: Line) -> Any:
    """One escalator run at the line's clock (the process's escalator, as deployed)."""
    from shared import bootstrap

    escalator = bootstrap.get_escalator()
    escalator.clock = line.clock
    return escalator.run(line.clock.now())


def alerts_to(line: Line, officer_id: str) -> list[dict[str, Any]]:
    return [a for a in line.alerts() if a["officer_id"] == officer_id]


def alert_texts(line: Line, user: str, ref: str) -> list[str]:
    return [t for t in line.texts(user) if ref in t and "NHAN" in t]


def poll(check: Any, timeout: float = 20.0, every: float = 0.1) -> Any:
    """`check()` once it is truthy; fails after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        assert time.monotonic() < deadline, "timed out waiting"
        time.sleep(every)


def on_duty(line: Line, unit: str, role: str) -> list[str]:
    roster = line.db.collection("rosters").document(unit).get().to_dict() or {}
    return roster_on_duty(roster_from_dict(roster), role, line.clock.now())


def escalator(line: Line) -> Callable[[], dict[str, Any]]:
    """The escalator through the functions framework on the line's clock: one run a call
    (the line fixture built this process's services afresh and resets them after)."""
    app = functions_framework.create_app(
        target="escalate", source=str(ROOT / "functions" / "escalator" / "main.py")
    ).test_client()
    bootstrap.get_escalator().clock = line.clock

    def run_once() -> dict[str, Any]:
        response = app.post("/")
        assert response.status_code == 200, response.json
        return dict(response.json)

    return run_once


def firestore_size(path: str, data: Any) -> int:
    """A document's stored size by Firestore's rules (firebase.google.com/docs/firestore/
    storage-size): the name, each field name and value, and 32 bytes. `path` is
    "collection/id[/collection/id...]"."""

    def value(v: Any) -> int:
        if v is None or isinstance(v, bool):
            return 1
        if isinstance(v, int | float):
            return 8
        if isinstance(v, str):
            return len(v.encode("utf-8")) + 1
        if isinstance(v, bytes):
            return len(v)
        if isinstance(v, list | tuple):
            return sum(value(x) for x in v)
        if isinstance(v, dict):
            return sum(value(k) + value(x) for k, x in v.items())
        return 8  # a timestamp (datetime, DatetimeWithNanoseconds)

    name = sum(value(segment) for segment in path.split("/")) + 16
    return name + value(dict(data)) + 32
