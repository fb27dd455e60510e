"""The router's floor: a bare functions-framework CloudEvent function, fed by a
Pub/Sub push subscription, that reads the one document the webhook's floor
(bench/floor/main.py `floor`) wrote and sends one message to an officer through
the OA API (the Zalo stand-in). Nothing else: no transaction, no routing, no
send record.

bench/bench_e2e.py runs `floor` -> push -> `router_floor` beside the line on the
same emulators and the same stand-in code, so the line's sustained rate reads as
a ratio of what the stack itself allows. A file of its own, so that the webhook's
floor (whose import cost bench_webhook.py measures) imports nothing more.

Run by the bench (`functions-framework --target router_floor --source
bench/floor/router.py`); reads GOOGLE_CLOUD_PROJECT, ZALO_API_BASE,
FLOOR_ACCESS_TOKEN (the stand-in's throwaway token) and FLOOR_OFFICER_ID (the
Zalo id the message goes to).
"""

from __future__ import annotations

import base64
import json
import os
import threading

import functions_framework
import httpx
from cloudevents.http import CloudEvent
from google.cloud import firestore

COLLECTION = "floor_messages"  # what bench/floor/main.py writes
SEND_TIMEOUT_S = 10.0

_lock = threading.Lock()
_clients: tuple[firestore.Client, httpx.Client] | None = None


def _get_clients() -> tuple[firestore.Client, httpx.Client]:
    global _clients
    with _lock:
        if _clients is None:
            _clients = (
                firestore.Client(project=os.environ.get("GOOGLE_CLOUD_PROJECT", "tinbao-local")),
                httpx.Client(
                    base_url=os.environ["ZALO_API_BASE"].rstrip("/"), timeout=SEND_TIMEOUT_S
                ),
            )
        return _clients


@functions_framework.cloud_event
def router_floor(cloud_event: CloudEvent) -> None:
    """One document read, one message sent; raising makes Pub/Sub redeliver."""
    db, http = _get_clients()
    event = json.loads(base64.b64decode(cloud_event.data["message"]["data"]))
    snapshot = db.collection(COLLECTION).document(event["message_id"]).get()
    text = snapshot.get("text") if snapshot.exists else ""
    response = http.post(
        "/v3.0/oa/message/cs",
        headers={"access_token": os.environ["FLOOR_ACCESS_TOKEN"]},
        json={
            "recipient": {"user_id": os.environ["FLOOR_OFFICER_ID"]},
            "message": {"text": f"Tin báo mới: {text}"},
        },
    )
    response.raise_for_status()
    if response.json().get("error"):
        raise RuntimeError(f"the OA API refused the send: {response.text[:200]}")
