"""`tinbao zalo authorize`: the OA admin's one-time grant, which gives the first token pair.

Two steps, on the same machine and account:

    tinbao zalo authorize --oa-id ID --redirect-uri URI [--app-id APP]
        prints the permission URL for the OA admin to open; Zalo then redirects
        to the app's callback URL with ?code=...&oa_id=...&state=...
        The URI must be the callback URL registered in the app's console, byte
        for byte: Zalo answers -14003 otherwise, so it is required.
    tinbao zalo authorize --oa-id ID --code CODE [--state STATE]
        exchanges the code for the first access/refresh pair and stores it in
        Firestore `oa_tokens/{oa_id}`; from then on the router refreshes it.
    tinbao zalo authorize --oa-id ID --code CODE --verifier - [--app-id APP]
        the same exchange for a code obtained from a link the developer console
        made (with its own PKCE pair): the verifier is read from standard input
        ("-"), so it stays out of the shell history; no pending grant is needed.

PKCE (RFC 7636, S256): the verifier is 43 random URL-safe characters, the
challenge is base64url(sha256(verifier)) without padding.

What is confirmed about Zalo's side (third-party integrations and transcriptions
of developers.zalo.me "Official Account Access Token" v4, found with the search
tool; no primary Zalo page was available):
- the permission URL is https://oauth.zaloapp.com/v4/oa/permission with query
  parameters `app_id`, `redirect_uri`, `code_challenge` and `state`;
- the exchange is POST {oauth}/v4/oa/access_token, form-encoded, header
  `secret_key: <App Secret>`, body `code`, `app_id`,
  `grant_type=authorization_code`, `code_verifier`; the answer has
  `access_token`, `refresh_token` and `expires_in` (a string, seconds), like a
  refresh (docs CONTRACT.md "Tokens");
- the challenge is base64url of the SHA-256 digest without `=` padding.
Not confirmed: whether Zalo accepts or needs `code_challenge_method=S256`
(some integrations send it, the v4 documentation's URL does not: it is left
out, S256 being the only method Zalo describes); whether `redirect_uri` may be
omitted (it is required: integrators report -14003 when it does not match
the console's callback); the error codes of a refused exchange (only the absence of an access
token is relied on).

The verifier is kept in a file, not printed: `~/.config/tinbao/` (or
`$XDG_CONFIG_HOME/tinbao/`) `zalo-pkce-<oa_id>.json`, mode 0600 in a 0700
directory, deleted after a successful exchange. Printed, it would sit in the
terminal's scrollback and, pasted into the second command, in the shell
history; together with a leaked code it is what the exchange needs (with the
App Secret). The price: both steps run on one machine and account, within the
code's short lifetime, which is how the operator works anyway.

Tokens are never printed or logged: only that a pair was stored and when the
access token expires.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import secrets
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import httpx

from shared.zalo.tokens import CodeExchangeError, exchange_code

PERMISSION_PATH = "/v4/oa/permission"
_OA_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_VERIFIER = re.compile(r"[A-Za-z0-9._~-]{43,128}")


# --- pure -------------------------------------------------------------------------


def new_verifier() -> str:
    """43 URL-safe characters (32 random bytes), the shortest verifier RFC 7636 allows."""
    return secrets.token_urlsafe(32)


def new_state() -> str:
    """32 hex digits (16 random bytes): an operator pastes it after `--state`, where a
    URL-safe token starting with "-" would be read as an option (one time in 64)."""
    return secrets.token_hex(16)


def code_challenge(verifier: str) -> str:
    """base64url(sha256(verifier)) without padding (PKCE S256)."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def permission_url(
    oauth_base: str, app_id: str, challenge: str, state: str, redirect_uri: str | None
) -> str:
    params = {"app_id": app_id}
    if redirect_uri:
        params["redirect_uri"] = redirect_uri
    params.update(code_challenge=challenge, state=state)
    return oauth_base.rstrip("/") + PERMISSION_PATH + "?" + urlencode(params)


def _local(at: datetime) -> str:
    return at.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).strftime("%Y-%m-%d %H:%M")


# --- the pending grant on disk --------------------------------------------------------


@dataclass(frozen=True)
class PendingGrant:
    oa_id: str
    app_id: str
    verifier: str
    state: str
    redirect_uri: str | None
    created_at: str  # ISO 8601, for the operator's eyes


def config_dir() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "tinbao"


def pending_path(oa_id: str) -> Path:
    return config_dir() / f"zalo-pkce-{oa_id}.json"


def save_pending(grant: PendingGrant) -> Path:
    path = pending_path(grant.oa_id)
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(fd, 0o600)  # also when the file existed with wider permissions
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(vars(grant), handle)
    return path


def load_pending(oa_id: str) -> PendingGrant | None:
    try:
        raw = json.loads(pending_path(oa_id).read_text(encoding="utf-8"))
        return PendingGrant(**raw)
    except (OSError, ValueError, TypeError):
        return None


# --- the command ----------------------------------------------------------------------


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("zalo", help="Zalo OA plumbing")
    commands = parser.add_subparsers(dest="zalo_command", required=True)
    auth = commands.add_parser(
        "authorize", help="print the OA permission URL, or exchange its code for tokens"
    )
    auth.add_argument("--oa-id", required=True, help="the OA id")
    auth.add_argument(
        "--redirect-uri",
        help="the callback URL registered in the app's console, exactly (step 1, required)",
    )
    auth.add_argument(
        "--app-id", help="Zalo app id (default: the OA's in TINBAO_OAS, or ZALO_APP_ID)"
    )
    auth.add_argument("--code", help="the code Zalo put on the callback URL (step 2)")
    auth.add_argument("--state", help="the state on the callback URL, checked when given (step 2)")
    auth.add_argument(
        "--verifier",
        help="'-': read the PKCE verifier of a console-made link from standard input (step 2)",
    )
    auth.set_defaults(handler=run_authorize)


def _app_id_for(oa_id: str, settings: Any) -> str:
    from shared.settings import OaEntry

    if settings.tinbao_oas.strip():
        try:
            for item in json.loads(settings.tinbao_oas):
                entry = OaEntry.model_validate(item)
                if entry.oa_id == oa_id and entry.app_id:
                    return entry.app_id
        except (ValueError, TypeError):
            pass
    return str(settings.zalo_app_id)


def run_authorize(args: argparse.Namespace) -> int:
    from shared.settings import get_settings

    settings = get_settings()
    if not _OA_ID.match(args.oa_id):
        print("authorize: --oa-id must be letters, digits, '-' or '_'", file=sys.stderr)
        return 2
    if args.code is None:
        return _start(args, settings)
    return _finish(args, settings)


def _start(args: argparse.Namespace, settings: Any) -> int:
    app_id = args.app_id or _app_id_for(args.oa_id, settings)
    if not app_id:
        print("authorize: no app id: pass --app-id or set ZALO_APP_ID", file=sys.stderr)
        return 2
    if not args.redirect_uri or not args.redirect_uri.startswith("https://"):
        print(
            "authorize: --redirect-uri must be the https callback URL registered in the "
            "app's console (Zalo answers -14003 when it does not match)",
            file=sys.stderr,
        )
        return 2
    grant = PendingGrant(
        oa_id=args.oa_id,
        app_id=app_id,
        verifier=new_verifier(),
        state=new_state(),
        redirect_uri=args.redirect_uri,
        created_at=datetime.now(UTC).isoformat(),
    )
    path = save_pending(grant)
    url = permission_url(
        settings.zalo_oauth_base,
        app_id,
        code_challenge(grant.verifier),
        grant.state,
        args.redirect_uri,
    )
    print("Open this URL signed in as an admin of the OA and grant the permissions:")
    print()
    print(url)
    print()
    print("Zalo then redirects to the app's callback URL with ?code=...&oa_id=...&state=...")
    print(f"The PKCE verifier is kept in {path} (mode 0600); on this machine, run:")
    print(f"  tinbao zalo authorize --oa-id {args.oa_id} --code <code> --state <state>")
    return 0


def _console_grant(args: argparse.Namespace, settings: Any) -> PendingGrant | None:
    """A grant for a code from the console's own link: its verifier comes on stdin."""
    if args.verifier != "-":
        print("authorize: --verifier takes '-' (the verifier on standard input)", file=sys.stderr)
        return None
    verifier = sys.stdin.readline().strip()
    if not _VERIFIER.fullmatch(verifier):
        print(
            "authorize: the verifier must be 43 to 128 of A-Z a-z 0-9 - . _ ~ (RFC 7636)",
            file=sys.stderr,
        )
        return None
    app_id = args.app_id or _app_id_for(args.oa_id, settings)
    if not app_id:
        print("authorize: no app id: pass --app-id or set ZALO_APP_ID", file=sys.stderr)
        return None
    return PendingGrant(args.oa_id, app_id, verifier, "", None, datetime.now(UTC).isoformat())


def _finish(args: argparse.Namespace, settings: Any) -> int:
    from shared.store import admin as firestore_admin

    if args.verifier is not None:
        grant = _console_grant(args, settings)
        if grant is None:
            return 2
    else:
        grant = load_pending(args.oa_id)
    if grant is None:
        print(
            f"authorize: no pending grant for OA {args.oa_id} in {config_dir()}: run "
            "`tinbao zalo authorize --oa-id ID` (without --code) on this machine first",
            file=sys.stderr,
        )
        return 1
    if (
        args.verifier is None
        and args.state is not None
        and not secrets.compare_digest(args.state, grant.state)
    ):
        print(
            "authorize: the state does not match the pending grant (an old or foreign "
            "callback?); start again without --code",
            file=sys.stderr,
        )
        return 1
    secret = settings.zalo_app_secret.get_secret_value()
    if not secret:
        print("authorize: ZALO_APP_SECRET is not set", file=sys.stderr)
        return 2
    with httpx.Client() as http:
        try:
            pair = exchange_code(
                http, settings.zalo_oauth_base, grant.app_id, secret, args.code, grant.verifier
            )
        except CodeExchangeError as exc:
            print(f"authorize: {exc}; nothing was stored", file=sys.stderr)
            return 1
    now = datetime.now(UTC)
    db = firestore_admin.connect(settings.google_cloud_project, settings.database_names())
    expires_at = firestore_admin.store_token_pair(db, args.oa_id, pair, now)
    pending_path(args.oa_id).unlink(missing_ok=True)  # a verifier works once
    print(
        f"Stored the token pair of OA {args.oa_id} in oa_tokens/{args.oa_id}; "
        f"the access token expires at {_local(expires_at)} (Asia/Ho_Chi_Minh)."
    )
    return 0
