"""The Zalo OA API client: consultation messages (tokens: `shared.zalo.tokens`).

Zalo answers HTTP 200 for most failures and puts the outcome in `error`
(docs: /v3.0/oa/message/cs), so every answer is read for `error` and mapped to
a `SendResult` status; the caller moves its escalation ladder on that status
and this module never raises for a Zalo-level error:

- ``sent``: error 0.
- ``unreachable``: this recipient cannot be messaged (-213 not a follower,
  -227 banned or inactive, -230 no interaction in 7 days, -232 interaction
  expired, -244 the user blocked this message type). Move on to the next
  officer at once; retrying will not help.
- ``rate_limited``: -32 (4,000 requests a minute per app). Back off.
- ``transient``: timeouts, connection errors, HTTP 5xx, unreadable answers,
  a token that cannot be refreshed or is still refused after one refresh, and
  no time left to try. Retry later.
- ``rejected``: any other error (bad field, OA disabled, quota, ...): retrying
  the same request will not help; the error code says why. Two kinds are
  logged apart because a person must act, not the ladder: the OA's or app's
  quota or billing (-211, -218, -320, -321: ``zalo.quota_exhausted``) and
  -242, the app requiring ``appsecret_proof`` (``zalo.appsecret_proof_required``;
  set ``ZALO_APPSECRET_PROOF``). Both are errors with an alert on them, and
  neither is retried, so a spent quota never becomes a retry storm.

``rate_limited`` and ``transient`` are failures of the platform, not of the
person (`SendResult.outage`): while they last, nobody is given up on.

On -216 (invalid token) or -220 (expired token) the client asks the
`TokenStore` for a refresh and resends once. Buttons are not confirmed for
consultation messages (Zalo's PHP SDK builds none for `/message/cs`): when
Zalo refuses a message with buttons as a bad field or message type (-201,
-233), the same text is sent again without them, so the text always goes.
The ``quota`` object of each accepted send is kept on the `SendResult`.

A send may be given a `deadline` (a `time.monotonic()` instant): no HTTP call
starts without `MIN_CALL_SECONDS` left, each call's timeouts share what is
left, and a refresh starts only with `REFRESH_NEEDS_SECONDS` left, so the send
is over by then (the escalator's run must end before its function's timeout).

Tokens and user ids never reach a log; only error codes and HTTP statuses do.
"""

from __future__ import annotations

import hashlib
import hmac
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import httpx

from shared.logs import get_logger
from shared.zalo.tokens import TokenRefreshError, TokenStore

log = get_logger("zalo_client")

SEND_PATH = "/v3.0/oa/message/cs"
DEFAULT_TIMEOUT = httpx.Timeout(5.0)
TIMEOUT_SECONDS = 5.0  # per phase (connect, write, read, pool) of one call
MIN_CALL_SECONDS = 0.5
# A refresh (its own call, 5 s per phase: connect and read) and the resend after it.
REFRESH_NEEDS_SECONDS = 2 * TIMEOUT_SECONDS + 1.0

TOKEN_REFUSED = frozenset({-216, -220})
UNREACHABLE = frozenset({-213, -227, -230, -232, -244})
RATE_LIMITED = -32
QUOTA_EXHAUSTED = frozenset({-211, -218, -320, -321})
APPSECRET_PROOF_REQUIRED = -242
SHAPE_REFUSED = frozenset({-201, -233})  # bad field, bad message type


class SendStatus(StrEnum):
    SENT = "sent"
    UNREACHABLE = "unreachable"  # this recipient cannot be messaged: move on
    TRANSIENT = "transient"  # retry later
    RATE_LIMITED = "rate_limited"  # -32: back off
    REJECTED = "rejected"  # the request itself is refused: retrying will not help


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    error_code: int | None  # Zalo's `error` (0 when sent); None when no Zalo answer was read
    message_id: str | None = None
    http_status: int | None = None
    refreshed: bool = False  # the token was refreshed during this send
    quota: dict[str, Any] | None = None  # Zalo's `data.quota` of an accepted send
    without_buttons: bool = False  # the buttons were refused and the text went alone

    @property
    def outage(self) -> bool:
        """A failure of the platform itself (5xx, timeout, -32, token): not the person's."""
        return self.status in (SendStatus.TRANSIENT, SendStatus.RATE_LIMITED)


@dataclass(frozen=True)
class Button:
    """An ``oa.query.show`` button: tapping it sends ``payload`` back as the user's text."""

    title: str
    payload: str


class ZaloClient:
    """Sends consultation messages for one OA. Synchronous: a Cloud Function
    instance handles one request at a time, so there is nothing to overlap."""

    def __init__(
        self,
        http: httpx.Client,
        api_base: str,
        tokens: TokenStore,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        monotonic: Callable[[], float] = time.monotonic,
        appsecret_proof_key: str | None = None,
    ) -> None:
        self._http = http
        self._url = api_base.rstrip("/") + SEND_PATH
        self._tokens = tokens
        self._timeout = timeout
        self._monotonic = monotonic
        # The App Secret, when the app requires appsecret_proof (else None).
        self._proof_key = appsecret_proof_key

    def send_text(
        self,
        user_id: str,
        text: str,
        *,
        quote_message_id: str | None = None,
        buttons: Sequence[Button] = (),
        deadline: float | None = None,
    ) -> SendResult:
        body = build_cs_body(user_id, text, quote_message_id=quote_message_id, buttons=buttons)
        result = self._send(body, deadline)
        if not buttons or result.error_code not in SHAPE_REFUSED:
            return result
        log.warning("zalo.buttons_refused", error_code=result.error_code)
        plain = build_cs_body(user_id, text, quote_message_id=quote_message_id)
        again = self._send(plain, deadline)
        return SendResult(
            again.status,
            again.error_code,
            again.message_id,
            again.http_status,
            result.refreshed or again.refreshed,
            again.quota,
            without_buttons=True,
        )

    def _send(self, body: dict[str, Any], deadline: float | None) -> SendResult:
        try:
            token = self._tokens.access_token()
        except TokenRefreshError as exc:
            log.error("zalo.no_token", error_code=exc.error_code)
            return SendResult(SendStatus.TRANSIENT, None)
        result = self._post(body, token, deadline)
        if result.error_code not in TOKEN_REFUSED:
            return result
        log.info("zalo.token_refused", error_code=result.error_code)
        if self._left(deadline) < REFRESH_NEEDS_SECONDS:
            log.warning("zalo.no_time_to_refresh")
            return SendResult(SendStatus.TRANSIENT, result.error_code, None, result.http_status)
        try:
            fresh = self._tokens.refresh(token, deadline=deadline)
        except TokenRefreshError as exc:
            log.error("zalo.token_refresh_failed", error_code=exc.error_code)
            return SendResult(SendStatus.TRANSIENT, result.error_code, None, result.http_status)
        retried = self._post(body, fresh, deadline)
        if retried.error_code in TOKEN_REFUSED:
            # Still refused after a fresh token: not this message's fault, and
            # resending again would loop; report it for a later retry.
            return SendResult(
                SendStatus.TRANSIENT, retried.error_code, None, retried.http_status, True
            )
        return SendResult(
            retried.status,
            retried.error_code,
            retried.message_id,
            retried.http_status,
            True,
            retried.quota,
        )

    def _headers(self, token: str) -> dict[str, str]:
        headers = {"access_token": token}
        if self._proof_key:
            headers["appsecret_proof"] = appsecret_proof(self._proof_key, token)
        return headers

    def _left(self, deadline: float | None) -> float:
        return float("inf") if deadline is None else deadline - self._monotonic()

    def _post(self, body: dict[str, Any], token: str, deadline: float | None) -> SendResult:
        left = self._left(deadline)
        if left < MIN_CALL_SECONDS:
            log.warning("zalo.no_time_to_send")
            return SendResult(SendStatus.TRANSIENT, None)
        # The phases of one call share what is left (connect, write, read, pool).
        timeout = (
            self._timeout if left == float("inf") else httpx.Timeout(min(TIMEOUT_SECONDS, left / 4))
        )
        try:
            response = self._http.post(
                self._url, json=body, headers=self._headers(token), timeout=timeout
            )
        except httpx.TimeoutException:
            log.warning("zalo.send_timeout")
            return SendResult(SendStatus.TRANSIENT, None)
        except httpx.HTTPError as exc:
            log.warning("zalo.send_failed", error=type(exc).__name__)
            return SendResult(SendStatus.TRANSIENT, None)
        if response.status_code >= 500:
            log.warning("zalo.send_http_error", http_status=response.status_code)
            return SendResult(SendStatus.TRANSIENT, None, None, response.status_code)
        try:
            answer = response.json()
            code = int(answer["error"])
        except (ValueError, KeyError, TypeError):
            log.warning("zalo.send_unreadable", http_status=response.status_code)
            return SendResult(SendStatus.TRANSIENT, None, None, response.status_code)
        status = classify_error(code)
        if code in QUOTA_EXHAUSTED:
            log.error("zalo.quota_exhausted", error_code=code)
        elif code == APPSECRET_PROOF_REQUIRED:
            log.error("zalo.appsecret_proof_required", error_code=code)
        elif status is not SendStatus.SENT:
            log.info("zalo.send_error", error_code=code, status=status)
        data = answer.get("data") if isinstance(answer.get("data"), dict) else {}
        message_id = data.get("message_id") if status is SendStatus.SENT else None
        quota = data.get("quota") if isinstance(data.get("quota"), dict) else None
        if quota is not None:
            log.info("zalo.quota", quota_type=quota.get("quota_type"), remain=quota.get("remain"))
        return SendResult(
            status,
            code,
            str(message_id) if message_id is not None else None,
            response.status_code,
            quota=quota,
        )


def appsecret_proof(app_secret: str, access_token: str) -> str:
    """HMAC-SHA256 of the access token keyed by the App Secret, in hex (Zalo's Java
    SDK, `AppSecretProofUtil`)."""
    return hmac.new(app_secret.encode(), access_token.encode(), hashlib.sha256).hexdigest()


def classify_error(code: int) -> SendStatus:
    """The send status for Zalo's `error` value (token errors are handled by the caller)."""
    if code == 0:
        return SendStatus.SENT
    if code in UNREACHABLE:
        return SendStatus.UNREACHABLE
    if code == RATE_LIMITED:
        return SendStatus.RATE_LIMITED
    if code in TOKEN_REFUSED:
        return SendStatus.TRANSIENT
    return SendStatus.REJECTED


def build_cs_body(
    user_id: str,
    text: str,
    *,
    quote_message_id: str | None = None,
    buttons: Sequence[Button] = (),
) -> dict[str, Any]:
    """The JSON body of a consultation message (text up to 2,000 characters, <= 5 buttons)."""
    if len(text) > 2000:
        raise ValueError("Zalo text messages hold at most 2,000 characters")
    if len(buttons) > 5:
        raise ValueError("Zalo allows at most 5 buttons")
    message: dict[str, Any] = {"text": text}
    if quote_message_id:
        message["quote_message_id"] = quote_message_id
    if buttons:
        message["attachment"] = {
            "type": "template",
            "payload": {
                "buttons": [
                    {"title": b.title, "type": "oa.query.show", "payload": b.payload}
                    for b in buttons
                ]
            },
        }
    return {"recipient": {"user_id": user_id}, "message": message}
