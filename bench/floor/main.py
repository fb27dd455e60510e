"""The floor of this stack: a bare functions-framework function doing one Firestore
create and one ordered Pub/Sub publish, nothing else.

bench/bench_webhook.py runs it beside the real webhook, on the same emulators and
the same server, to show what any function on this stack costs. It verifies no
signature, classifies nothing and plans nothing: whatever the webhook spends above
this floor is the webhook's own work. The publisher is configured like
shared/store/pubsub.py (ordering on, BatchSettings(max_latency=0.001)) and the clients are
created on the first request, as the webhook does, so the first-request comparison
is fair too.

Run by the bench (`functions-framework --target floor --source bench/floor/main.py`);
reads GOOGLE_CLOUD_PROJECT and TINBAO_EVENTS_TOPIC.
"""

from __future__ import annotations

import json
import os
import threading
from datetime import UTC, datetime, timedelta
from typing import Any

import functions_framework
from flask import Request
from google.cloud import firestore, pubsub_v1

COLLECTION = "floor_messages"
PUBLISH_TIMEOUT_S = 5.0

_lock = threading.Lock()
_clients: tuple[firestore.Client, pubsub_v1.PublisherClient, str] | None = None


def _get_clients() -> tuple[firestore.Client, pubsub_v1.PublisherClient, str]:
    global _clients
    with _lock:
        if _clients is None:
            project = os.environ.get("GOOGLE_CLOUD_PROJECT", "tinbao-local")
            publisher = pubsub_v1.PublisherClient(
                publisher_options=pubsub_v1.types.PublisherOptions(enable_message_ordering=True),
                batch_settings=pubsub_v1.types.BatchSettings(max_latency=0.001),
            )
            topic = publisher.topic_path(
                project, os.environ.get("TINBAO_EVENTS_TOPIC", "tinbao-events")
            )
            _clients = (firestore.Client(project=project), publisher, topic)
        return _clients


@functions_framework.http
def floor(request: Request) -> tuple[dict[str, Any], int]:
    db, publisher, topic = _get_clients()
    data = json.loads(request.get_data())
    msg_id = data["message"]["msg_id"]
    sender = data["sender"]["id"]
    now = datetime.now(UTC)
    key = f"{data['app_id']}:{msg_id}"
    # A small document: six of the nineteen fields the webhook's `messages` record holds
    # (no raw event, classification or outbox entry). Written with all nineteen, it cost
    # the emulator no more (bench/README.md, "Round 18: the webhook's p50").
    db.collection(COLLECTION).document(key).create(
        {
            "kind": "tip",
            "tip_id": None,
            "sender_key": sender,
            "text": data["message"].get("text", ""),
            "received_at": now,
            "expire_at": now + timedelta(days=365),
        }
    )
    payload = json.dumps({"v": 1, "kind": "floor", "message_id": key, "at": now.isoformat()})
    future = publisher.publish(
        topic, payload.encode(), ordering_key=sender, kind="floor", tip_id=""
    )
    future.result(timeout=PUBLISH_TIMEOUT_S)
    return {"status": "stored"}, 200
