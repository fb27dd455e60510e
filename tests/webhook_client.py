"""Posting to `zalo_webhook` through the real functions framework, signed like Zalo."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import functions_framework

from shared.zalo import signature
from tests.conftest import APP_ID, OA_SECRET_KEY

ROOT = Path(__file__).resolve().parents[1]


def webhook_app() -> Any:
    return functions_framework.create_app(
        target="zalo_webhook", source=str(ROOT / "functions" / "webhook" / "main.py")
    ).test_client()


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


def post(client: Any, event: dict[str, Any] | bytes, key: str = OA_SECRET_KEY, **kw: Any) -> Any:
    raw = event if isinstance(event, bytes) else encode(event)
    headers = kw.pop("headers", None) or signed_headers(raw, key)
    return client.post("/", data=raw, headers=headers, **kw)


def text_event(
    text: str, msg_id: str, user: str = "246845883529197922", timestamp: str = "1764205200000"
) -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "sender": {"id": user},
        "user_id_by_app": "552177279717587730",
        "recipient": {"id": "388613280878808645"},
        "event_name": "user_send_text",
        "message": {"text": text, "msg_id": msg_id},
        "timestamp": timestamp,
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
        "timestamp": "1764205200000",
    }
