"""A stand-in for Zalo's side of one OA, for the local stack and tests (never deployed).

It answers as Zalo's OA API does (per the team's Zalo contract notes):

- ``POST /v3.0/oa/message/cs``: header ``access_token``; a wrong token answers
  -216, an expired one -220, a recipient without an interaction in the last 7
  days (by the stand-in's clock) -230, past the configured rate limit -32.
  Errors come as HTTP 200 with a negative ``error``, like Zalo. Every message
  accepted is recorded in the recipient's inbox.
- ``POST /v4/oa/access_token``: form-encoded refresh; header ``secret_key``
  must be the App Secret; a refresh token works once and each refresh returns a
  new pair (``expires_in`` a string, 90000 seconds).
- Users "send" through the control API: the stand-in builds the webhook event
  like Zalo's samples, signs it (``X-ZEvent-Signature: mac=`` + SHA-256 of
  app_id + body + timestamp + OA secret key) and POSTs it to the webhook. Like
  Zalo as documented today (with the app's "Webhook Retry" switch on), it
  retries only when the webhook could not be reached, on a schedule with a
  ``num_retry`` header (configurable for tests); an answer other than 200 is
  NOT retried: the message is lost unless the webhook made it durable. The
  switch ``retry_on_status`` (``--retry-non-200``, or the control API) brings
  back retries of non-200 answers, as an older account of Zalo describes
  (docs/zalo-contract.md: the sources disagree).

Control API (JSON, for tests and the local stack):

    POST /_standin/users/{id}/send         {"text"} | {"location": {"lat","lng"}}
                                           | {"image": {"url","thumbnail"?}, "text"?}
                                           | {"business_card": {"phone", "qr_url"}}
                                           (+ "anonymous": true: Zalo's anonymous chat,
                                           anonymous_send_* with a conversation_id)
                                           -> {"msg_id", "event_name", "status"}
    POST /_standin/users/{id}/interaction  record an interaction without a webhook call
    GET  /_standin/inbox/{id}              -> {"messages": [{"text", "message_id", ...}]}
    GET  /_standin/outbox/{id}             -> {"messages": [...]}: what that user sent
    GET  /_standin/timeline?after=N        -> {"epoch", "last", "messages": [...]}: every
                                           message sent or received by anyone with
                                           ``seq`` > N (plus user messages still being
                                           retried), each with ``user_id`` and ``from``
                                           ("user" or "oa"); ``epoch`` changes on reset
    GET  /_standin/directory               -> {"oa_id", "officers": [...], "wards": [...]}
    POST /_standin/directory               {"officers": [{"zalo_user_id", "name", "unit_id",
                                           "unit_name", "role"}], "wards": [{"code", "name",
                                           "lat", "lng"}]}: who the page shows (kept on reset)
    POST /_standin/faults                  {"user_id" ("*" = anyone), "error"? | "delay"?
                                           | "http_status"?, "times"? (null = always),
                                           "with_attachment"? (true: only messages that
                                           carry buttons or another attachment, as Zalo
                                           refusing a shape with -201 or -233)}
                                           or {"rate_limit_per_minute": n | null}
                                           or {"clear": true}
    POST /_standin/clock                   {"advance_seconds": s} | {"set": ISO 8601}
                                           -> {"now"}
    POST /_standin/tokens                  {"access_token", "refresh_token",
                                           "expires_in"?}: the current pair
    POST /_standin/users/{id}/oa_chat      {"text", "admin_id"? (null: an API send's
                                           echo, without one)}: an OA admin answers the
                                           user from the OA's chat tool: the user receives
                                           it and the webhook gets ``oa_send_text`` with
                                           ``sender.admin_id`` -> {"msg_id", "status"}
    POST /_standin/appsecret_proof         {"required": bool}: the app's option; when on,
                                           a send without the right ``appsecret_proof``
                                           header (HMAC-SHA256 of the token by the App
                                           Secret) answers -242 (kept until reset)
    GET  /_standin/deliveries              -> {"deliveries": [...], "refreshes": n}
    POST /_standin/webhook_retry           {"on_status": bool}: retry non-200 answers too
                                           (default false; reset restores the configured value)
    POST /_standin/reset                   inboxes, faults, clock, interactions, tokens

The page at ``/`` (static files in local/standin_static/) shows a citizen's chat
and every officer's chat side by side on top of this control API.

Run: ``python -m local.zalo_standin --port 8090 --webhook URL`` with the ids
and secrets in ZALO_APP_ID, ZALO_OA_ID, ZALO_OA_SECRET_KEY, ZALO_APP_SECRET
(or the matching flags, for throwaway values only: flags show in `ps`);
``--seed shared/data/seed-demo.yaml`` lists that seed's officers on the page.
`make run` (local/stack.py) starts it on a thread with everything wired.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import secrets
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import httpx

WINDOW = timedelta(days=7)
ACCESS_TOKEN_SECONDS = 90000
ZALO_RETRY_SCHEDULE = (30.0, 300.0, 900.0, 1800.0, 3600.0)
# Not Zalo's documented codes (none are known for OAuth refusals); tests only
# rely on the absence of an access token in the answer.
OAUTH_INVALID_SECRET = -14014
OAUTH_INVALID_REFRESH = -14020
OAUTH_INVALID_APP = -14001
STATIC_DIR = Path(__file__).resolve().parent / "standin_static"
# The page's files, by URL path (a fixed list: nothing else on disk is served).
STATIC_FILES = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/static/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/static/style.css": ("style.css", "text/css; charset=utf-8"),
}


@dataclass(frozen=True)
class StandinConfig:
    app_id: str
    oa_id: str
    oa_secret_key: str
    app_secret: str
    webhook_url: str | None = None
    access_token: str = "standin-access-0"
    refresh_token: str = "standin-refresh-0"
    retry_schedule: tuple[float, ...] = ZALO_RETRY_SCHEDULE  # after connection failures
    webhook_timeout: float = 5.0
    # Also retry an answer other than 200 (Zalo, as documented today, does not).
    retry_on_status: bool = False


@dataclass
class Fault:
    user_id: str
    error: int | None = None
    delay: float | None = None
    http_status: int | None = None
    times: int | None = None  # None: every time
    with_attachment: bool = False  # only messages with buttons or another attachment


@dataclass
class Delivery:
    msg_id: str
    event_name: str
    user_id: str
    attempts: int = 0
    status: int | None = None  # last HTTP status from the webhook, None: no answer
    delivered: bool = False


@dataclass
class _State:
    access_token: str
    refresh_token: str
    access_expires_at: datetime
    clock_offset: timedelta = timedelta(0)
    inboxes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    interactions: dict[str, datetime] = field(default_factory=dict)
    faults: list[Fault] = field(default_factory=list)
    rate_limit: int | None = None
    appsecret_proof_required: bool = False
    sends: list[datetime] = field(default_factory=list)
    deliveries: list[Delivery] = field(default_factory=list)
    refreshes: int = 0
    # Every message either way, in order, for the page: inbox entries and user sends.
    log: list[dict[str, Any]] = field(default_factory=list)
    outboxes: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    epoch: str = field(default_factory=lambda: secrets.token_hex(4))
    retry_on_status: bool = False


def signature(app_id: str, body: bytes, timestamp: str, oa_secret_key: str) -> str:
    """Zalo's X-ZEvent-Signature value: plain SHA-256, not an HMAC."""
    digest = hashlib.sha256(
        app_id.encode() + body + timestamp.encode() + oa_secret_key.encode()
    ).hexdigest()
    return f"mac={digest}"


class Standin:
    """The stand-in's state and behaviour, apart from HTTP plumbing."""

    def __init__(self, config: StandinConfig) -> None:
        self.config = config
        self._lock = threading.RLock()
        self._state = self._fresh_state()
        self._http = httpx.Client(timeout=config.webhook_timeout)
        self._directory: dict[str, Any] = {"officers": [], "wards": []}

    def _fresh_state(self) -> _State:
        return _State(
            access_token=self.config.access_token,
            refresh_token=self.config.refresh_token,
            access_expires_at=datetime.now(UTC) + timedelta(seconds=ACCESS_TOKEN_SECONDS),
            retry_on_status=self.config.retry_on_status,
        )

    def set_retry_on_status(self, on: bool) -> None:
        with self._lock:
            self._state.retry_on_status = on

    # --- clock ---------------------------------------------------------------

    def now(self) -> datetime:
        return datetime.now(UTC) + self._state.clock_offset

    def set_clock(self, advance_seconds: float | None, at: datetime | None) -> datetime:
        with self._lock:
            if at is not None:
                if at.tzinfo is None:
                    raise ValueError("the clock needs an aware instant")
                self._state.clock_offset = at - datetime.now(UTC)
            if advance_seconds is not None:
                self._state.clock_offset += timedelta(seconds=advance_seconds)
            return self.now()

    def reset(self) -> None:
        with self._lock:
            self._state = self._fresh_state()

    # --- Zalo API --------------------------------------------------------------

    def send_cs(
        self, token: str | None, body: Any, proof: str | None = None
    ) -> tuple[int, dict[str, Any], float]:
        """(HTTP status, JSON answer, delay before answering) for a consultation message."""
        with self._lock:
            state = self._state
            now = self.now()
            if token != state.access_token:
                return 200, {"error": -216, "message": "Access token is invalid"}, 0.0
            if state.appsecret_proof_required:
                expected = hmac.new(
                    self.config.app_secret.encode(), str(token).encode(), hashlib.sha256
                ).hexdigest()
                if not proof or not hmac.compare_digest(proof, expected):
                    return 200, {"error": -242, "message": "appsecret_proof is required"}, 0.0
            if now >= state.access_expires_at:
                return 200, {"error": -220, "message": "Access token has expired"}, 0.0
            try:
                user_id = str(body["recipient"]["user_id"])
                message = body["message"]
                text = message.get("text")
            except (KeyError, TypeError, AttributeError):
                return 200, {"error": -201, "message": "Parameters are invalid"}, 0.0
            if not isinstance(text, str) or not text or len(text) > 2000:
                return 200, {"error": -201, "message": "Text is invalid"}, 0.0
            fault = self._take_fault(user_id, message.get("attachment") is not None)
            delay = fault.delay if fault and fault.delay else 0.0
            if fault and fault.http_status:
                return fault.http_status, {"message": "Internal Server Error"}, delay
            if fault and fault.error is not None:
                return 200, {"error": fault.error, "message": "Injected fault"}, delay
            state.sends = [t for t in state.sends if now - t < timedelta(minutes=1)]
            if state.rate_limit is not None and len(state.sends) >= state.rate_limit:
                return 200, {"error": -32, "message": "Rate limit exceeded"}, delay
            last = state.interactions.get(user_id)
            if last is None or now - last > WINDOW:
                return (
                    200,
                    {
                        "error": -230,
                        "message": "User has not interacted with the OA in the past 7 days",
                    },
                    delay,
                )
            state.sends.append(now)
            message_id = secrets.token_hex(10)
            sent_time = str(int(now.timestamp() * 1000))
            entry = {
                "message_id": message_id,
                "text": text,
                "quote_message_id": message.get("quote_message_id"),
                "attachment": message.get("attachment"),
                "sent_time": sent_time,
                "delayed": delay > 0,
            }
            state.inboxes.setdefault(user_id, []).append(entry)
            self._append_log(user_id, "oa", now, entry)
            # The quota object of a reply: 8 free messages in the 48 h after the
            # user's message (shape from integrators quoting Zalo's docs).
            replies = sum(
                1
                for e in state.inboxes[user_id]
                if int(e["sent_time"]) >= int(last.timestamp() * 1000)
            )
            quota = {"quota_type": "reply", "remain": str(max(0, 8 - replies)), "total": "8"}
            answer = {
                "error": 0,
                "message": "Success",
                "data": {
                    "message_id": message_id,
                    "user_id": user_id,
                    "sent_time": sent_time,
                    "quota": quota,
                },
            }
            return 200, answer, delay

    def _take_fault(self, user_id: str, with_attachment: bool) -> Fault | None:
        for fault in self._state.faults:
            if fault.with_attachment and not with_attachment:
                continue
            if fault.user_id in (user_id, "*") and (fault.times is None or fault.times > 0):
                if fault.times is not None:
                    fault.times -= 1
                return fault
        return None

    def refresh(self, secret_key: str | None, form: dict[str, str]) -> dict[str, Any]:
        with self._lock:
            state = self._state
            if secret_key != self.config.app_secret:
                return {"error": OAUTH_INVALID_SECRET, "error_name": "Invalid secret key"}
            if form.get("app_id") != self.config.app_id:
                return {"error": OAUTH_INVALID_APP, "error_name": "Invalid app id"}
            if (
                form.get("grant_type") != "refresh_token"
                or form.get("refresh_token") != state.refresh_token
            ):
                return {"error": OAUTH_INVALID_REFRESH, "error_name": "Invalid refresh token"}
            state.refreshes += 1
            state.access_token = f"standin-access-{secrets.token_hex(8)}"
            state.refresh_token = f"standin-refresh-{secrets.token_hex(8)}"
            state.access_expires_at = self.now() + timedelta(seconds=ACCESS_TOKEN_SECONDS)
            return {
                "access_token": state.access_token,
                "refresh_token": state.refresh_token,
                "expires_in": str(ACCESS_TOKEN_SECONDS),
            }

    # --- control -----------------------------------------------------------------

    def set_tokens(self, access: str, refresh: str, expires_in: float | None) -> None:
        with self._lock:
            self._state.access_token = access
            self._state.refresh_token = refresh
            seconds = ACCESS_TOKEN_SECONDS if expires_in is None else expires_in
            self._state.access_expires_at = self.now() + timedelta(seconds=seconds)

    def add_fault(self, fault: Fault) -> None:
        with self._lock:
            self._state.faults.append(fault)

    def clear_faults(self) -> None:
        with self._lock:
            self._state.faults.clear()
            self._state.rate_limit = None

    def require_appsecret_proof(self, required: bool) -> None:
        with self._lock:
            self._state.appsecret_proof_required = required

    def set_rate_limit(self, per_minute: int | None) -> None:
        with self._lock:
            self._state.rate_limit = per_minute

    @property
    def rate_limit(self) -> int | None:
        return self._state.rate_limit

    def record_interaction(self, user_id: str) -> None:
        with self._lock:
            self._state.interactions[user_id] = self.now()

    def inbox(self, user_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return list(self._state.inboxes.get(user_id, []))

    def outbox(self, user_id: str) -> list[dict[str, Any]]:
        with self._lock:
            return [self._with_delivery(m) for m in self._state.outboxes.get(user_id, [])]

    def timeline(self, after: int = 0) -> dict[str, Any]:
        """Messages either way with ``seq`` > after, and user messages still being retried."""
        with self._lock:
            state = self._state
            out = [
                self._with_delivery(m)
                for m in state.log
                if m["seq"] > after or (m["from"] == "user" and not self._settled(m))
            ]
            return {"epoch": state.epoch, "last": len(state.log), "messages": out}

    def _append_log(self, user_id: str, sender: str, at: datetime, entry: dict[str, Any]) -> None:
        """Call with the lock held."""
        item = {
            **entry,
            "seq": len(self._state.log) + 1,
            "user_id": user_id,
            "from": sender,
            "at": at.isoformat(),
        }
        self._state.log.append(item)
        if sender == "user":
            self._state.outboxes.setdefault(user_id, []).append(item)

    def _delivery_of(self, msg_id: str) -> Delivery | None:
        for delivery in reversed(self._state.deliveries):
            if delivery.msg_id == msg_id:
                return delivery
        return None

    def _settled(self, item: dict[str, Any]) -> bool:
        delivery = self._delivery_of(item["msg_id"])
        if delivery is None or delivery.delivered or self.config.webhook_url is None:
            return True
        if delivery.status is not None and not self._state.retry_on_status:
            return True  # answered, not 200: Zalo does not try again
        return delivery.attempts > len(self.config.retry_schedule)

    def _with_delivery(self, item: dict[str, Any]) -> dict[str, Any]:
        if item["from"] != "user":
            return dict(item)
        delivery = self._delivery_of(item["msg_id"])
        state = (
            {
                "delivered": delivery.delivered,
                "attempts": delivery.attempts,
                "status": delivery.status,
            }
            if delivery
            else {}
        )
        return {**item, **state}

    def set_directory(self, officers: list[dict[str, Any]], wards: list[dict[str, Any]]) -> None:
        """Who the page shows: the officers (Zalo users of the OA) and ward location presets."""
        clean_officers = [
            {
                "zalo_user_id": str(o["zalo_user_id"]),
                "name": str(o.get("name") or o["zalo_user_id"]),
                "unit_id": str(o.get("unit_id") or ""),
                "unit_name": str(o.get("unit_name") or ""),
                "role": str(o.get("role") or ""),
            }
            for o in officers
        ]
        clean_wards = [
            {
                "code": str(w["code"]),
                "name": str(w["name"]),
                "lat": str(w["lat"]),
                "lng": str(w["lng"]),
            }
            for w in wards
        ]
        with self._lock:
            self._directory = {"officers": clean_officers, "wards": clean_wards}

    def directory(self) -> dict[str, Any]:
        with self._lock:
            return {"oa_id": self.config.oa_id, **self._directory}

    def deliveries(self) -> dict[str, Any]:
        with self._lock:
            return {
                "deliveries": [vars(d).copy() for d in self._state.deliveries],
                "refreshes": self._state.refreshes,
            }

    # --- user messages to the webhook -------------------------------------------------

    def build_event(self, user_id: str, request: dict[str, Any]) -> dict[str, Any]:
        """A webhook event shaped like Zalo's samples (ids and timestamp as strings)."""
        now = self.now()
        msg_id = secrets.token_hex(10)
        message: dict[str, Any] = {"msg_id": msg_id}
        if "location" in request:
            loc = request["location"]
            event_name = "user_send_location"
            message["attachments"] = [
                {
                    "type": "location",
                    "payload": {
                        "coordinates": {"latitude": str(loc["lat"]), "longitude": str(loc["lng"])}
                    },
                }
            ]
        elif "image" in request:
            image = request["image"]
            event_name = "user_send_image"
            message["text"] = str(request.get("text", ""))
            message["attachments"] = [
                {
                    "type": "image",
                    "payload": {
                        "url": str(image["url"]),
                        "thumbnail": str(image.get("thumbnail", image["url"])),
                    },
                }
            ]
        elif "business_card" in request:
            # Shape from notes on Zalo's webhook docs: a "link" attachment whose
            # description is JSON with the shared contact's phone and QR code.
            card = request["business_card"]
            event_name = "user_send_business_card"
            description = {"phone": str(card["phone"]), "qrCodeUrl": str(card["qr_url"])}
            message["attachments"] = [
                {
                    "type": "link",
                    "payload": {
                        "url": str(card["qr_url"]),
                        "thumbnail": str(card.get("avatar", card["qr_url"])),
                        "description": json.dumps(description),
                    },
                }
            ]
        elif isinstance(request.get("text"), str) and request["text"]:
            event_name = "user_send_text"
            message["text"] = request["text"]
        else:
            raise ValueError("send needs text, location, image or business_card")
        if request.get("anonymous"):
            # Zalo's anonymous chat: the same kinds of message under anonymous_send_*,
            # with a conversation id and no id by app (notes on Zalo's webhook docs).
            message["conversation_id"] = hashlib.sha256(f"conv:{user_id}".encode()).hexdigest()
            return {
                "app_id": self.config.app_id,
                "sender": {"id": user_id},
                "recipient": {"id": self.config.oa_id},
                "event_name": event_name.replace("user_send_", "anonymous_send_"),
                "message": message,
                "timestamp": str(int(now.timestamp() * 1000)),
            }
        by_app = str(
            int(hashlib.sha256(f"{self.config.app_id}:{user_id}".encode()).hexdigest()[:15], 16)
        )
        return {
            "app_id": self.config.app_id,
            "sender": {"id": user_id},
            "user_id_by_app": by_app,
            "recipient": {"id": self.config.oa_id},
            "event_name": event_name,
            "message": message,
            "timestamp": str(int(now.timestamp() * 1000)),
        }

    def user_sends(self, user_id: str, request: dict[str, Any]) -> Delivery:
        event = self.build_event(user_id, request)
        with self._lock:
            now = self.now()
            self._state.interactions[user_id] = now
            delivery = Delivery(event["message"]["msg_id"], event["event_name"], user_id)
            self._state.deliveries.append(delivery)
            self._append_log(user_id, "user", now, _sent_entry(event))
        body = json.dumps(event, ensure_ascii=False).encode("utf-8")
        if self.config.webhook_url is None:
            return delivery
        self._deliver(delivery, body, event, retry=0)
        if self._will_retry(delivery) and self.config.retry_schedule:
            threading.Thread(
                target=self._retry_loop, args=(delivery, body, event), daemon=True
            ).start()
        return delivery

    def oa_chat_reply(self, user_id: str, text: str, admin_id: str | None) -> Delivery:
        """An OA admin answers ``user_id`` from the OA's chat tool: the user receives
        it, and Zalo posts ``oa_send_text`` with ``sender.admin_id`` to the webhook
        (``admin_id`` None: the echo of an API send, which carries none)."""
        with self._lock:
            now = self.now()
            message_id = secrets.token_hex(10)
            sent_time = str(int(now.timestamp() * 1000))
            entry = {
                "message_id": message_id,
                "text": text,
                "quote_message_id": None,
                "attachment": None,
                "sent_time": sent_time,
                "delayed": False,
                "admin_id": admin_id,
            }
            self._state.inboxes.setdefault(user_id, []).append(entry)
            self._append_log(user_id, "oa", now, entry)
            delivery = Delivery(message_id, "oa_send_text", user_id)
            self._state.deliveries.append(delivery)
        event = {
            "app_id": self.config.app_id,
            "sender": {"id": self.config.oa_id} | ({"admin_id": admin_id} if admin_id else {}),
            "recipient": {"id": user_id},
            "event_name": "oa_send_text",
            "message": {"msg_id": message_id, "text": text},
            "timestamp": sent_time,
        }
        body = json.dumps(event, ensure_ascii=False).encode("utf-8")
        if self.config.webhook_url is not None:
            self._deliver(delivery, body, event, retry=0)
        return delivery

    def _will_retry(self, delivery: Delivery) -> bool:
        """Zalo tries again when it could not reach the webhook; after an answer
        other than 200 only with the `retry_on_status` switch."""
        if delivery.delivered:
            return False
        return delivery.status is None or self._state.retry_on_status

    def _deliver(self, delivery: Delivery, body: bytes, event: dict[str, Any], retry: int) -> None:
        assert self.config.webhook_url is not None
        headers = {
            "Content-Type": "application/json",
            "X-ZEvent-Signature": signature(
                self.config.app_id, body, event["timestamp"], self.config.oa_secret_key
            ),
        }
        if retry:
            headers["num_retry"] = str(retry)
        delivery.attempts += 1
        try:
            response = self._http.post(self.config.webhook_url, content=body, headers=headers)
        except httpx.HTTPError:
            delivery.status = None
            return
        delivery.status = response.status_code
        delivery.delivered = response.status_code == 200

    def _retry_loop(self, delivery: Delivery, body: bytes, event: dict[str, Any]) -> None:
        for retry, wait in enumerate(self.config.retry_schedule, start=1):
            time.sleep(wait)
            self._deliver(delivery, body, event, retry)
            if not self._will_retry(delivery):
                return


def _sent_entry(event: dict[str, Any]) -> dict[str, Any]:
    """What a user sent, as the page shows it."""
    message = event["message"]
    entry: dict[str, Any] = {
        "msg_id": message["msg_id"],
        "event_name": event["event_name"],
        "text": message.get("text") or None,
    }
    for attachment in message.get("attachments", []):
        payload = attachment.get("payload", {})
        if attachment.get("type") == "location":
            coordinates = payload["coordinates"]
            entry["location"] = {"lat": coordinates["latitude"], "lng": coordinates["longitude"]}
        elif attachment.get("type") == "image":
            entry["image"] = {"url": payload["url"], "thumbnail": payload.get("thumbnail")}
    return entry


def _handler(standin: Standin) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without TCP_NODELAY each
        # answer on a kept-alive connection waits out the client's delayed ACK (~40 ms).
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            # Quiet: request lines would print user ids in paths.
            return

        def _body(self) -> bytes:
            length = int(self.headers.get("Content-Length") or 0)
            return self.rfile.read(length) if length else b""

        def _json(self, status: int, payload: Any, extra: dict[str, str] | None = None) -> None:
            data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            for key, value in (extra or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def _static(self, name: str, content_type: str) -> None:
            data = (STATIC_DIR / name).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            parts = [unquote(p) for p in url.path.strip("/").split("/")]
            query = parse_qs(url.query)
            if url.path in STATIC_FILES:
                self._static(*STATIC_FILES[url.path])
            elif url.path == "/favicon.ico":
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif parts[:2] == ["_standin", "inbox"] and len(parts) == 3:
                self._json(200, {"messages": standin.inbox(parts[2])})
            elif parts[:2] == ["_standin", "outbox"] and len(parts) == 3:
                self._json(200, {"messages": standin.outbox(parts[2])})
            elif parts == ["_standin", "timeline"]:
                try:
                    after = int(query.get("after", ["0"])[0])
                except ValueError:
                    self._json(400, {"error": "after must be an integer"})
                    return
                self._json(200, standin.timeline(after))
            elif parts == ["_standin", "directory"]:
                self._json(200, standin.directory())
            elif parts == ["_standin", "deliveries"]:
                self._json(200, standin.deliveries())
            else:
                self._json(404, {"error": "not found"})

        def do_POST(self) -> None:
            raw = self._body()
            path = self.path.split("?")[0]
            parts = [unquote(p) for p in path.strip("/").split("/")]
            try:
                if path == "/v3.0/oa/message/cs":
                    self._send_cs(raw)
                elif path == "/v4/oa/access_token":
                    form = {k: v[0] for k, v in parse_qs(raw.decode("utf-8")).items()}
                    self._json(200, standin.refresh(self.headers.get("secret_key"), form))
                elif parts[0] == "_standin":
                    self._control(parts[1:], json.loads(raw or b"{}"))
                else:
                    self._json(404, {"error": "not found"})
            except (ValueError, KeyError, TypeError) as exc:
                self._json(400, {"error": f"bad request: {exc}"})

        def _send_cs(self, raw: bytes) -> None:
            try:
                body = json.loads(raw)
            except ValueError:
                body = None
            status, answer, delay = standin.send_cs(
                self.headers.get("access_token"), body, self.headers.get("appsecret_proof")
            )
            if delay:
                time.sleep(delay)
            headers = {"X-RateLimit-Limit": str(standin.rate_limit or 4000)}
            self._json(status, answer, headers)

        def _control(self, parts: list[str], body: dict[str, Any]) -> None:
            if len(parts) == 3 and parts[0] == "users" and parts[2] == "send":
                delivery = standin.user_sends(parts[1], body)
                self._json(
                    200,
                    {
                        "msg_id": delivery.msg_id,
                        "event_name": delivery.event_name,
                        "status": delivery.status,
                        "delivered": delivery.delivered,
                    },
                )
            elif len(parts) == 3 and parts[0] == "users" and parts[2] == "oa_chat":
                admin = body.get("admin_id", "admin-1")
                delivery = standin.oa_chat_reply(
                    parts[1], str(body["text"]), str(admin) if admin else None
                )
                self._json(200, {"msg_id": delivery.msg_id, "status": delivery.status})
            elif len(parts) == 3 and parts[0] == "users" and parts[2] == "interaction":
                standin.record_interaction(parts[1])
                self._json(200, {"ok": True})
            elif parts == ["faults"]:
                if body.get("clear"):
                    standin.clear_faults()
                elif "rate_limit_per_minute" in body:
                    standin.set_rate_limit(body["rate_limit_per_minute"])
                else:
                    standin.add_fault(
                        Fault(
                            user_id=str(body["user_id"]),
                            error=body.get("error"),
                            delay=body.get("delay"),
                            http_status=body.get("http_status"),
                            times=body.get("times"),
                            with_attachment=bool(body.get("with_attachment")),
                        )
                    )
                self._json(200, {"ok": True})
            elif parts == ["clock"]:
                at = datetime.fromisoformat(body["set"]) if body.get("set") else None
                now = standin.set_clock(body.get("advance_seconds"), at)
                self._json(200, {"now": now.isoformat()})
            elif parts == ["tokens"]:
                standin.set_tokens(
                    str(body["access_token"]), str(body["refresh_token"]), body.get("expires_in")
                )
                self._json(200, {"ok": True})
            elif parts == ["appsecret_proof"]:
                standin.require_appsecret_proof(bool(body["required"]))
                self._json(200, {"ok": True})
            elif parts == ["directory"]:
                standin.set_directory(list(body.get("officers", [])), list(body.get("wards", [])))
                self._json(200, {"ok": True})
            elif parts == ["webhook_retry"]:
                standin.set_retry_on_status(bool(body["on_status"]))
                self._json(200, {"ok": True})
            elif parts == ["reset"]:
                standin.reset()
                self._json(200, {"ok": True})
            else:
                self._json(404, {"error": "not found"})

    return Handler


class StandinServer(ThreadingHTTPServer):
    """The stand-in's server, with a listen backlog for bursts: bench_e2e opens dozens of
    connections at once (a citizen's send, the functions' sends), more than the
    standard library's backlog of 5 holds (the kernel reset the rest)."""

    request_queue_size = 128


@dataclass
class RunningStandin:
    standin: Standin
    server: ThreadingHTTPServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)


def serve_in_thread(
    config: StandinConfig, host: str = "127.0.0.1", port: int = 0
) -> RunningStandin:
    """Start the stand-in on a thread (port 0: a free port); for tests."""
    standin = Standin(config)
    server = StandinServer((host, port), _handler(standin))
    server.daemon_threads = True
    # A short poll interval makes stop() quick (tests start one stand-in per test).
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    return RunningStandin(standin, server, thread)


def main(argv: Sequence[str] | None = None) -> None:
    env = os.environ.get
    parser = argparse.ArgumentParser(description="Zalo stand-in for the local stack")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8090)
    parser.add_argument("--webhook", default=env("ZALO_STANDIN_WEBHOOK"))
    parser.add_argument("--app-id", default=env("ZALO_APP_ID"))
    parser.add_argument("--oa-id", default=env("ZALO_OA_ID"))
    parser.add_argument("--oa-secret-key", default=env("ZALO_OA_SECRET_KEY"))
    parser.add_argument("--app-secret", default=env("ZALO_APP_SECRET"))
    parser.add_argument(
        "--access-token", default=env("ZALO_STANDIN_ACCESS_TOKEN", "standin-access-0")
    )
    parser.add_argument(
        "--refresh-token", default=env("ZALO_STANDIN_REFRESH_TOKEN", "standin-refresh-0")
    )
    parser.add_argument(
        "--retry-schedule",
        default=",".join(str(s) for s in ZALO_RETRY_SCHEDULE),
        help="seconds between webhook retries, comma separated (Zalo: 30,300,900,1800,3600)",
    )
    parser.add_argument(
        "--retry-non-200",
        action="store_true",
        help="also retry answers other than 200 (Zalo, as documented today, does not)",
    )
    parser.add_argument("--seed", help="seed file (YAML) whose officers and wards the page shows")
    args = parser.parse_args(argv)
    missing = [
        n for n in ("app_id", "oa_id", "oa_secret_key", "app_secret") if not getattr(args, n)
    ]
    if missing:
        parser.error("missing: " + ", ".join(missing) + " (flags or ZALO_* environment variables)")
    config = StandinConfig(
        app_id=args.app_id,
        oa_id=args.oa_id,
        oa_secret_key=args.oa_secret_key,
        app_secret=args.app_secret,
        webhook_url=args.webhook,
        access_token=args.access_token,
        refresh_token=args.refresh_token,
        retry_schedule=tuple(float(s) for s in args.retry_schedule.split(",") if s.strip()),
        retry_on_status=args.retry_non_200,
    )
    running = serve_in_thread(config, args.host, args.port)
    if args.seed:
        from local.stack import demo_directory

        with open(args.seed, encoding="utf-8") as seed:
            directory = demo_directory(seed.read())
        running.standin.set_directory(directory["officers"], directory["wards"])
    print(f"Zalo stand-in listening on {running.url}", flush=True)
    try:
        running.thread.join()
    except KeyboardInterrupt:
        running.stop()


if __name__ == "__main__":
    main()
