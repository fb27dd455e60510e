"""The Zalo OA API client: consultation messages, token refresh and the code exchange.

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
  and a token that is still refused after one refresh. Retry later.
- ``rejected``: any other error (bad field, OA disabled, quota, ...): retrying
  the same request will not help; the error code says why.

On -216 (invalid token) or -220 (expired token) the client asks the
`TokenStore` for a refresh and resends once.

Tokens and user ids never reach a log; only error codes and HTTP statuses do.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

import httpx

from shared.logs import get_logger

log = get_logger("zalo_client")

SEND_PATH = "/v3.0/oa/message/cs"
TOKEN_PATH = "/v4/oa/access_token"
DEFAULT_TIMEOUT = httpx.Timeout(5.0)

TOKEN_REFUSED = frozenset({-216, -220})
UNREACHABLE = frozenset({-213, -227, -230, -232, -244})
RATE_LIMITED = -32

SendStatus = Literal["sent", "unreachable", "transient", "rate_limited", "rejected"]


@dataclass(frozen=True)
class SendResult:
    status: SendStatus
    error_code: int | None  # Zalo's `error` (0 when sent); None when no Zalo answer was read
    message_id: str | None = None
    http_status: int | None = None
    refreshed: bool = False  # the token was refreshed during this send


@dataclass(frozen=True)
class TokenPair:
    # repr=False: a dataclass repr in a traceback or log line must not show tokens.
    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    expires_in: int  # seconds (Zalo sends a string; parsed here)


class TokenRefreshError(RuntimeError):
    """Zalo refused the refresh; ``error_code`` is Zalo's error, when it gave one."""

    def __init__(self, message: str, error_code: int | None = None) -> None:
        super().__init__(message)
        self.error_code = error_code


class CodeExchangeError(RuntimeError):
    """Zalo did not give a token pair for the code; ``error_code`` is Zalo's, when given."""

    def __init__(self, message: str, error_code: int | None = None) -> None:
        super().__init__(message)
        self.error_code = error_code


class TokenStore(Protocol):
    """Where one OA's access and refresh tokens live.

    ``refresh(stale)`` must run under a lock shared by every process (the
    Firestore implementation uses a transaction on ``oa_tokens/{oa_id}``): if
    the stored access token is no longer ``stale``, another caller already
    refreshed and the stored token is returned without refreshing again,
    because a refresh token works only once and a second refresh with it would
    kill the line. Otherwise it refreshes, stores the new pair atomically and
    returns the new access token. Raises TokenRefreshError when Zalo refuses.
    """

    def access_token(self) -> str: ...

    def refresh(self, stale_access_token: str) -> str: ...


@dataclass(frozen=True)
class Button:
    """An ``oa.query.show`` button: tapping it sends ``payload`` back as the user's text."""

    title: str
    payload: str


def refresh_tokens(
    http: httpx.Client,
    oauth_base: str,
    app_id: str,
    app_secret: str,
    refresh_token: str,
) -> TokenPair:
    """Exchange a refresh token for a new pair (the old refresh token dies)."""
    form = {"refresh_token": refresh_token, "app_id": app_id, "grant_type": "refresh_token"}
    return _token_request(
        http, oauth_base, app_secret, form, TokenRefreshError, "token refresh", "token refresh"
    )


def exchange_code(
    http: httpx.Client,
    oauth_base: str,
    app_id: str,
    app_secret: str,
    code: str,
    verifier: str,
) -> TokenPair:
    """The first token pair for an authorization code (the counterpart of refresh_tokens).

    The OA admin's one-time grant with PKCE: `verifier` is the one whose
    challenge was on the permission URL (`tinbao zalo authorize`, which also
    notes what of Zalo's side is confirmed). Raises CodeExchangeError when no
    pair comes back; the message never holds the code, verifier or secret.
    """
    form = {
        "code": code,
        "app_id": app_id,
        "grant_type": "authorization_code",
        "code_verifier": verifier,
    }
    return _token_request(
        http, oauth_base, app_secret, form, CodeExchangeError, "the code exchange", "Zalo"
    )


def _token_request(
    http: httpx.Client,
    oauth_base: str,
    app_secret: str,
    form: dict[str, str],
    error: type[TokenRefreshError] | type[CodeExchangeError],
    what: str,
    refuser: str,
) -> TokenPair:
    """POST the OAuth token endpoint (App Secret in `secret_key`); a pair or `error`.

    Error messages name what failed and Zalo's error code, never the form's values.
    """
    try:
        response = http.post(
            oauth_base.rstrip("/") + TOKEN_PATH,
            headers={"secret_key": app_secret},
            data=form,
            timeout=DEFAULT_TIMEOUT,
        )
    except httpx.HTTPError as exc:
        raise error(f"{what} failed: {type(exc).__name__}") from None
    try:
        body = response.json()
    except ValueError:
        raise error(f"{what} answered HTTP {response.status_code} without JSON") from None
    if not isinstance(body, dict):
        raise error(f"{what} answered an unexpected body")
    access, refresh = body.get("access_token"), body.get("refresh_token")
    if not isinstance(access, str) or not access or not isinstance(refresh, str) or not refresh:
        code = _int_or_none(body.get("error"))
        refused = "refused the code" if error is CodeExchangeError else "refused"
        raise error(f"{refuser} {refused} (error {code})", code)
    expires = _int_or_none(body.get("expires_in"))
    return TokenPair(access, refresh, expires if expires is not None else 0)


class InMemoryTokenStore:
    """A TokenStore in one process (tests, local tools): a lock instead of a transaction."""

    def __init__(self, pair: TokenPair, refresher: Callable[[str], TokenPair]) -> None:
        self._pair = pair
        self._refresher = refresher  # refresh token -> new pair
        self._lock = threading.Lock()
        self.refresh_count = 0

    def access_token(self) -> str:
        return self._pair.access_token

    def refresh(self, stale_access_token: str) -> str:
        with self._lock:
            if self._pair.access_token != stale_access_token:
                return self._pair.access_token
            self._pair = self._refresher(self._pair.refresh_token)
            self.refresh_count += 1
            return self._pair.access_token

    @property
    def refresh_token(self) -> str:
        return self._pair.refresh_token


class ZaloClient:
    """Sends consultation messages for one OA. Synchronous: a Cloud Function
    instance handles one request at a time, so there is nothing to overlap."""

    def __init__(
        self,
        http: httpx.Client,
        api_base: str,
        tokens: TokenStore,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
    ) -> None:
        self._http = http
        self._url = api_base.rstrip("/") + SEND_PATH
        self._tokens = tokens
        self._timeout = timeout

    def send_text(
        self,
        user_id: str,
        text: str,
        *,
        quote_message_id: str | None = None,
        buttons: Sequence[Button] = (),
    ) -> SendResult:
        body = build_cs_body(user_id, text, quote_message_id=quote_message_id, buttons=buttons)
        token = self._tokens.access_token()
        result = self._post(body, token)
        if result.error_code not in TOKEN_REFUSED:
            return result
        log.info("zalo.token_refused", error_code=result.error_code)
        try:
            fresh = self._tokens.refresh(token)
        except TokenRefreshError as exc:
            log.error("zalo.token_refresh_failed", error_code=exc.error_code)
            return SendResult("transient", result.error_code, None, result.http_status)
        retried = self._post(body, fresh)
        if retried.error_code in TOKEN_REFUSED:
            # Still refused after a fresh token: not this message's fault, and
            # resending again would loop; report it for a later retry.
            return SendResult("transient", retried.error_code, None, retried.http_status, True)
        return SendResult(
            retried.status, retried.error_code, retried.message_id, retried.http_status, True
        )

    def _post(self, body: dict[str, Any], token: str) -> SendResult:
        try:
            response = self._http.post(
                self._url, json=body, headers={"access_token": token}, timeout=self._timeout
            )
        except httpx.TimeoutException:
            log.warning("zalo.send_timeout")
            return SendResult("transient", None)
        except httpx.HTTPError as exc:
            log.warning("zalo.send_failed", error=type(exc).__name__)
            return SendResult("transient", None)
        if response.status_code >= 500:
            log.warning("zalo.send_http_error", http_status=response.status_code)
            return SendResult("transient", None, None, response.status_code)
        try:
            answer = response.json()
            code = int(answer["error"])
        except (ValueError, KeyError, TypeError):
            log.warning("zalo.send_unreadable", http_status=response.status_code)
            return SendResult("transient", None, None, response.status_code)
        status = classify_error(code)
        if status != "sent":
            log.info("zalo.send_error", error_code=code, status=status)
        data = answer.get("data") if isinstance(answer.get("data"), dict) else {}
        message_id = data.get("message_id") if status == "sent" else None
        return SendResult(
            status,
            code,
            str(message_id) if message_id is not None else None,
            response.status_code,
        )


def classify_error(code: int) -> SendStatus:
    """The send status for Zalo's `error` value (token errors are handled by the caller)."""
    if code == 0:
        return "sent"
    if code in UNREACHABLE:
        return "unreachable"
    if code == RATE_LIMITED:
        return "rate_limited"
    if code in TOKEN_REFUSED:
        return "transient"
    return "rejected"


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


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
