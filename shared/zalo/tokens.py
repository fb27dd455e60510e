"""The OA's tokens: Zalo's OAuth token endpoint and where a pair is kept.

Access tokens live 25 hours; a refresh token lives 3 months and works ONCE:
every refresh returns a new one and the old dies. `TokenStore` says how a pair
must be kept (one refresh at a time, across processes); the Firestore one is
`shared.store.tokens.FirestoreTokenStore`. Messages never hold a token, code,
verifier or secret.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

import httpx

TOKEN_PATH = "/v4/oa/access_token"
DEFAULT_TIMEOUT = httpx.Timeout(5.0)


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
    returns the new access token. Raises TokenRefreshError when Zalo refuses,
    or when `deadline` (a `time.monotonic()` instant) passes while it waits for
    another caller's refresh.
    """

    def access_token(self) -> str: ...

    def refresh(self, stale_access_token: str, deadline: float | None = None) -> str: ...


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

    def refresh(self, stale_access_token: str, deadline: float | None = None) -> str:
        del deadline  # one process: the lock is never held for long
        with self._lock:
            if self._pair.access_token != stale_access_token:
                return self._pair.access_token
            self._pair = self._refresher(self._pair.refresh_token)
            self.refresh_count += 1
            return self._pair.access_token

    @property
    def refresh_token(self) -> str:
        return self._pair.refresh_token


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
