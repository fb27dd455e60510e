"""The signature of CONTRACT.md: SHA-256(app_id + raw body + timestamp + OA secret key)."""

import hashlib

from hypothesis import given
from hypothesis import strategies as st

from shared.zalo import signature

APP, TS, KEY = "360846524940903967", "1612345678901", "oa-secret"
BODY = b'{"app_id": "360846524940903967", "timestamp": "1612345678901"}'


def test_signature_is_plain_sha256_of_app_body_timestamp_key() -> None:
    expected = hashlib.sha256(APP.encode() + BODY + TS.encode() + KEY.encode()).hexdigest()
    assert signature.compute(APP, BODY, TS, KEY) == expected


def test_header_is_accepted_with_or_without_mac_prefix_in_any_case() -> None:
    mac = signature.compute(APP, BODY, TS, KEY)
    for header in (f"mac={mac}", mac, f"MAC={mac.upper()}", f" mac={mac} ", mac.upper()):
        assert signature.verify(header, APP, BODY, TS, KEY), header


def test_wrong_key_changed_byte_and_malformed_headers_are_rejected() -> None:
    mac = signature.compute(APP, BODY, TS, KEY)
    assert not signature.verify(mac, APP, BODY, TS, "app-secret")
    assert not signature.verify(mac, APP, BODY.replace(b"1612", b"1613"), TS, KEY)
    assert not signature.verify(mac, APP, BODY, "1612345678902", KEY)
    for header in (None, "", "mac=", mac[:-1], mac + "0", "sha256=" + mac, "mac=" + "g" * 64):
        assert not signature.verify(header, APP, BODY, TS, KEY), header


def test_an_empty_secret_never_verifies() -> None:
    mac = signature.compute(APP, BODY, TS, "")
    assert not signature.verify(mac, APP, BODY, TS, "")


@given(st.binary(max_size=256), st.text(max_size=20))
def test_any_body_verifies_only_against_its_own_signature(body: bytes, ts: str) -> None:
    header = signature.header_for(APP, body, ts, KEY)
    assert signature.verify(header, APP, body, ts, KEY)
    assert not signature.verify(header, APP, body + b" ", ts, KEY)
