"""Zalo's webhook signature (`X-ZEvent-Signature`).

`mac=` + hex(SHA-256(app_id + raw_body + timestamp + oa_secret_key)): a plain
hash, not an HMAC, over the body exactly as received (re-serialised JSON does
not match), keyed by the OA Secret Key, not the App Secret.
"""

from __future__ import annotations

import hashlib
import hmac
import re

_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def compute(app_id: str, raw_body: bytes, timestamp: str, oa_secret_key: str) -> str:
    digest = hashlib.sha256()
    digest.update(app_id.encode())
    digest.update(raw_body)
    digest.update(timestamp.encode())
    digest.update(oa_secret_key.encode())
    return digest.hexdigest()


def parse_header(value: str | None) -> str | None:
    """The 64 hex digits of the header, lower case; None when absent or malformed."""
    if value is None:
        return None
    value = value.strip()
    if value[:4].lower() == "mac=":
        value = value[4:].strip()
    return value.lower() if _HEX64.fullmatch(value) else None


def verify(
    header: str | None, app_id: str, raw_body: bytes, timestamp: str, oa_secret_key: str
) -> bool:
    given = parse_header(header)
    if given is None or not oa_secret_key:
        return False
    expected = compute(app_id, raw_body, timestamp, oa_secret_key)
    return hmac.compare_digest(given.encode(), expected.encode())


def header_for(app_id: str, raw_body: bytes, timestamp: str, oa_secret_key: str) -> str:
    """The header value Zalo would send (used by the stand-in and the tests)."""
    return "mac=" + compute(app_id, raw_body, timestamp, oa_secret_key)
