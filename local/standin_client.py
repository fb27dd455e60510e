"""A small client of the Zalo stand-in's control API (local/zalo_standin.py), for tests."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

import httpx


class StandinClient:
    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        self._http = httpx.Client(base_url=base_url.rstrip("/"), timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def _post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        response = self._http.post(path, json=body)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    def _get(self, path: str) -> dict[str, Any]:
        response = self._http.get(path)
        response.raise_for_status()
        result: dict[str, Any] = response.json()
        return result

    # --- users -------------------------------------------------------------

    def send_text(self, user_id: str, text: str) -> dict[str, Any]:
        """The user sends text; the stand-in signs the event and POSTs it to the webhook."""
        return self._post(f"/_standin/users/{quote(user_id, safe='')}/send", {"text": text})

    def send_location(self, user_id: str, lat: str, lng: str) -> dict[str, Any]:
        body = {"location": {"lat": lat, "lng": lng}}
        return self._post(f"/_standin/users/{quote(user_id, safe='')}/send", body)

    def send_image(self, user_id: str, url: str, caption: str = "") -> dict[str, Any]:
        body = {"image": {"url": url}, "text": caption}
        return self._post(f"/_standin/users/{quote(user_id, safe='')}/send", body)

    def send_anonymous(self, anonymous_id: str, text: str) -> dict[str, Any]:
        """A message from Zalo's anonymous chat (anonymous_send_text)."""
        body = {"text": text, "anonymous": True}
        return self._post(f"/_standin/users/{quote(anonymous_id, safe='')}/send", body)

    def oa_chat_reply(
        self, user_id: str, text: str, admin_id: str | None = "admin-1"
    ) -> dict[str, Any]:
        """An OA admin answers from the OA's chat tool (oa_send_text with admin_id)."""
        body = {"text": text, "admin_id": admin_id}
        return self._post(f"/_standin/users/{quote(user_id, safe='')}/oa_chat", body)

    def send_business_card(self, user_id: str, phone: str, qr_url: str) -> dict[str, Any]:
        """The user shares a contact (user_send_business_card)."""
        body = {"business_card": {"phone": phone, "qr_url": qr_url}}
        return self._post(f"/_standin/users/{quote(user_id, safe='')}/send", body)

    def record_interaction(self, user_id: str) -> None:
        """Open the 7-day window for a user without calling the webhook."""
        self._post(f"/_standin/users/{quote(user_id, safe='')}/interaction", {})

    def inbox(self, user_id: str) -> list[dict[str, Any]]:
        """Every message the OA sent to this user, oldest first."""
        messages: list[dict[str, Any]] = self._get(f"/_standin/inbox/{quote(user_id, safe='')}")[
            "messages"
        ]
        return messages

    def texts(self, user_id: str) -> list[str]:
        return [m["text"] for m in self.inbox(user_id)]

    def outbox(self, user_id: str) -> list[dict[str, Any]]:
        """Every message this user sent, oldest first, with its webhook delivery state."""
        messages: list[dict[str, Any]] = self._get(f"/_standin/outbox/{quote(user_id, safe='')}")[
            "messages"
        ]
        return messages

    def timeline(self, after: int = 0) -> dict[str, Any]:
        """Messages either way after ``seq`` `after`: {"epoch", "last", "messages"}."""
        return self._get(f"/_standin/timeline?after={int(after)}")

    # --- the page's directory ---------------------------------------------------------

    def directory(self) -> dict[str, Any]:
        return self._get("/_standin/directory")

    def set_directory(
        self, officers: list[dict[str, Any]], wards: list[dict[str, Any]] | None = None
    ) -> None:
        """The officers (Zalo users of the OA) and ward location presets the page shows."""
        self._post("/_standin/directory", {"officers": officers, "wards": wards or []})

    # --- faults, clock, tokens ------------------------------------------------------

    def fault(
        self,
        user_id: str = "*",
        *,
        error: int | None = None,
        delay: float | None = None,
        http_status: int | None = None,
        times: int | None = None,
        with_attachment: bool = False,
    ) -> None:
        """Make sends to ``user_id`` ("*": anyone) fail; ``times`` None: every time;
        ``with_attachment``: only messages carrying buttons or another attachment."""
        body = {
            "user_id": user_id,
            "error": error,
            "delay": delay,
            "http_status": http_status,
            "times": times,
            "with_attachment": with_attachment,
        }
        self._post("/_standin/faults", body)

    def require_appsecret_proof(self, required: bool = True) -> None:
        self._post("/_standin/appsecret_proof", {"required": required})

    def rate_limit(self, per_minute: int | None) -> None:
        self._post("/_standin/faults", {"rate_limit_per_minute": per_minute})

    def clear_faults(self) -> None:
        self._post("/_standin/faults", {"clear": True})

    def advance_clock(self, seconds: float) -> datetime:
        return datetime.fromisoformat(
            self._post("/_standin/clock", {"advance_seconds": seconds})["now"]
        )

    def set_clock(self, at: datetime) -> datetime:
        return datetime.fromisoformat(self._post("/_standin/clock", {"set": at.isoformat()})["now"])

    def set_tokens(
        self, access_token: str, refresh_token: str, expires_in: float | None = None
    ) -> None:
        body = {
            "access_token": access_token,
            "refresh_token": refresh_token,
            "expires_in": expires_in,
        }
        self._post("/_standin/tokens", body)

    def webhook_retry(self, on_status: bool) -> None:
        """Retry answers other than 200 too (Zalo, as documented today, does not)."""
        self._post("/_standin/webhook_retry", {"on_status": on_status})

    def deliveries(self) -> dict[str, Any]:
        return self._get("/_standin/deliveries")

    def reset(self) -> None:
        self._post("/_standin/reset", {})
