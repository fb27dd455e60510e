"""Posting to `zalo_webhook` through the real functions framework, signed like Zalo."""

from __future__ import annotations

import json
import time
from datetime import datetime
from pathlib import Path
from typing import Any

import functions_framework

from shared.zalo import signature
from tests.conftest import APP_ID, OA_SECRET_KEY, load_sample

ROOT = Path(__file__).resolve().parents[1]


def webhook_server() -> Any:
    """The webhook's Flask app, as the functions framework builds it once per instance.

    Requests at once share one app, each thread with a test client of its own (the
    client is not thread-safe; the app is, as gunicorn's threads share it). Never build
    apps in several threads at once: werkzeug parses its URL rules with `ast.parse`
    while an app is built, and CPython before 3.11.8 can fail parses in two threads
    at once with "SystemError: AST constructor recursion depth mismatch" (gh-106905).
    """
    return functions_framework.create_app(
        target="zalo_webhook", source=str(ROOT / "functions" / "webhook" / "main.py")
    )


def webhook_app() -> Any:
    """A test client of a new webhook app (one thread's)."""
    return webhook_server().test_client()


def encode(event: dict[str, Any]) -> bytes:
    return json.dumps(event, ensure_ascii=False).encode()


def signed_headers(raw: bytes, key: str = OA_SECRET_KEY) -> dict[str, str]:
    data = json.loads(raw)
    return {
        "X-ZEvent-Signature": signature.header_for(
            data.get("app_id", APP_ID), raw, data.get("timestamp", ""), key
        ),
        "Content-Type": "application/json",
    }


def now_ms(at: datetime | None = None) -> str:
    """Zalo's timestamp of an event sent now, or `at` on a line's clock (the
    webhook refuses stale ones)."""
    return str(int((at.timestamp() if at else time.time()) * 1000))


def fresh(event: dict[str, Any], at: datetime | None = None) -> dict[str, Any]:
    """`event` as Zalo would send it now (or `at`)."""
    return {**event, "timestamp": now_ms(at)} if "timestamp" in event else event


def sample(name: str) -> dict[str, Any]:
    """A sample event of tests/fixtures/zalo, sent now."""
    return fresh(load_sample(name))


def post(client: Any, event: dict[str, Any] | bytes, key: str = OA_SECRET_KEY, **kw: Any) -> Any:
    raw = event if isinstance(event, bytes) else encode(event)
    headers = kw.pop("headers", None) or signed_headers(raw, key)
    return client.post("/", data=raw, headers=headers, **kw)


def text_event(
    text: str, msg_id: str, user: str = "246845883529197922", timestamp: str | None = None
) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "sender": {"id": user},
        "user_id_by_app": "552177279717587730",
        "recipient": {"id": "388613280878808645"},
        "event_name": "user_send_text",
        "message": {"text": text, "msg_id": msg_id},
        "timestamp": timestamp or now_ms(),
    }


def location_event(
    lat: str, lng: str, msg_id: str, user: str = "246845883529197922"
) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "sender": {"id": user},
        "user_id_by_app": "552177279717587730",
        "recipient": {"id": "388613280878808645"},
        "event_name": "user_send_location",
        "message": {
            "msg_id": msg_id,
            "attachments": [
                {
                    "type": "location",
                    "payload": {"coordinates": {"latitude": lat, "longitude": lng}},
                }
            ],
        },
        "timestamp": now_ms(),
    }
