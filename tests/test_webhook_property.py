"""Property: no body or header ever yields a 5xx, and only a valid signature stores.

Zalo may never send an event twice (the stand-in, like Zalo as documented, does
not retry an answer other than 200), so this holds on the first answer alone;
samples carry a fresh timestamp, so a validly signed one is taken, not refused as
a replay."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from local import emulators
from shared import bootstrap
from shared.zalo import signature
from tests.conftest import OA_SECRET_KEY, PROJECT, Env, databases, load_sample
from tests.webhook_client import fresh, webhook_app

pytestmark = pytest.mark.emulators

SAMPLES = [
    "user_send_text",
    "user_send_location",
    "user_send_image",
    "user_send_file",
    "user_send_sticker",
    "user_send_link",
    "follow",
    "unfollow",
    "user_seen_message",
]
json_leaf = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
json_value = st.recursive(
    json_leaf,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=12,
)
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=80)


@st.composite
def mutated_sample(draw: st.DrawFn) -> bytes:
    event: dict[str, Any] = fresh(copy.deepcopy(load_sample(draw(st.sampled_from(SAMPLES)))))
    for _ in range(draw(st.integers(0, 3))):
        node: Any = event
        path = []
        while isinstance(node, dict) and node and draw(st.booleans()):
            key = draw(st.sampled_from(sorted(node)))
            path.append(key)
            if not isinstance(node[key], dict):
                break
            node = node[key]
        if isinstance(node, dict) and node:
            key = draw(st.sampled_from(sorted(node)))
            if draw(st.booleans()):
                node[key] = draw(json_value)
            else:
                del node[key]
    return json.dumps(event, ensure_ascii=draw(st.booleans())).encode()


bodies = st.one_of(
    st.binary(max_size=512), mutated_sample(), json_value.map(lambda v: json.dumps(v).encode())
)


def _stored() -> int:
    db = databases()
    return sum(
        len(list(db.collection(c).limit(1).stream()))
        for c in ("messages", "tips", "reporters", "senders", "quarantine")
    )


def _sign(raw: bytes) -> str | None:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        return None
    if not isinstance(data, dict):
        return None
    app_id, timestamp = data.get("app_id"), data.get("timestamp")
    if not isinstance(app_id, str) or not isinstance(timestamp, str):
        return None
    return signature.header_for(app_id, raw, timestamp, OA_SECRET_KEY)


@settings(
    max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    body=bodies,
    extra_headers=st.dictionaries(
        st.sampled_from(["X-ZEvent-Signature", "Content-Type", "num_retry", "X-Other"]),
        header_text,
        max_size=3,
    ),
    sign=st.booleans(),
    method=st.sampled_from(["POST", "POST", "POST", "GET", "PUT"]),
)
def test_arbitrary_requests_never_5xx_and_store_only_when_validly_signed(
    env: Env,
    monkeypatch: pytest.MonkeyPatch,
    body: bytes,
    extra_headers: dict[str, str],
    sign: bool,
    method: str,
) -> None:
    # A loaded machine must not turn a slow emulator into the fallback path here:
    # that path is tested on its own with Firestore stopped or frozen.
    monkeypatch.setenv("TINBAO_WEBHOOK_BUDGET_SECONDS", "30")
    headers = dict(extra_headers)
    signed = sign and (header := _sign(body)) is not None
    if signed:
        headers["X-ZEvent-Signature"] = header
    response = webhook_app().open("/", method=method, data=body, headers=headers)
    assert response.status_code < 500, (response.status_code, response.get_data()[:200])
    if response.status_code >= 400:
        assert "error" in response.json
    if signed:
        # Let any storage still running finish before wiping what it wrote.
        bootstrap.reset()
        emulators.reset_firestore(env.stack.firestore.host, PROJECT)
    else:
        assert _stored() == 0
