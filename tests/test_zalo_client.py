"""The Zalo client over real HTTP against the Zalo stand-in (local/zalo_standin.py)."""

from __future__ import annotations

import hashlib
import json
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from local.standin_client import StandinClient
from local.zalo_standin import RunningStandin, StandinConfig, serve_in_thread
from shared.zalo.client import REFRESH_NEEDS_SECONDS, Button, ZaloClient, build_cs_body
from shared.zalo.tokens import (
    CodeExchangeError,
    InMemoryTokenStore,
    TokenPair,
    TokenRefreshError,
    exchange_code,
    refresh_tokens,
)

FIXTURES = Path(__file__).parent / "fixtures" / "zalo"
APP_ID = "360846524940903967"
OA_ID = "388613280878808645"
OA_SECRET_KEY = "test-oa-secret-key-0123456789"
APP_SECRET = "test-app-secret-9876543210"
OFFICER = "demo-officer-27019-1"


@pytest.fixture
def standin() -> Iterator[RunningStandin]:
    running = serve_in_thread(
        StandinConfig(APP_ID, OA_ID, OA_SECRET_KEY, APP_SECRET, retry_schedule=(0.05, 0.05))
    )
    yield running
    running.stop()


@pytest.fixture
def control(standin: RunningStandin) -> Iterator[StandinClient]:
    client = StandinClient(standin.url)
    client.record_interaction(OFFICER)
    yield client
    client.close()


@pytest.fixture
def http() -> Iterator[httpx.Client]:
    with httpx.Client() as client:
        yield client


def make_client(
    standin: RunningStandin, http: httpx.Client, **kw: Any
) -> tuple[ZaloClient, InMemoryTokenStore]:
    def refresher(refresh_token: str) -> TokenPair:
        return refresh_tokens(http, standin.url, APP_ID, APP_SECRET, refresh_token)

    store = InMemoryTokenStore(TokenPair("standin-access-0", "standin-refresh-0", 90000), refresher)
    return ZaloClient(http, standin.url, store, **kw), store


def test_message_is_delivered_with_its_message_id(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, store = make_client(standin, http)
    result = client.send_text(OFFICER, "Tin báo mới TB-7K2Q9")
    assert result.status == "sent" and result.error_code == 0
    assert result.message_id
    inbox = control.inbox(OFFICER)
    assert [m["text"] for m in inbox] == ["Tin báo mới TB-7K2Q9"]
    assert inbox[0]["message_id"] == result.message_id
    assert store.refresh_count == 0


def test_invalid_token_is_refreshed_and_the_message_resent_once(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "standin-refresh-0")
    client, store = make_client(standin, http)
    result = client.send_text(OFFICER, "Xin chào")
    assert result.status == "sent" and result.refreshed
    assert store.refresh_count == 1
    assert control.texts(OFFICER) == ["Xin chào"]
    # The next message uses the new token without another refresh.
    assert client.send_text(OFFICER, "Lần hai").status == "sent"
    assert store.refresh_count == 1


def test_expired_token_answers_220_and_is_refreshed(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("standin-access-0", "standin-refresh-0", expires_in=60)
    control.advance_clock(61)
    client, store = make_client(standin, http)
    raw = http.post(
        f"{standin.url}/v3.0/oa/message/cs",
        json=build_cs_body(OFFICER, "x"),
        headers={"access_token": "standin-access-0"},
    ).json()
    assert raw["error"] == -220
    assert client.send_text(OFFICER, "Sau khi hết hạn").status == "sent"
    assert store.refresh_count == 1


def test_token_still_refused_after_refresh_is_transient_not_a_loop(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "standin-refresh-0")
    client, store = make_client(standin, http)
    control.fault(OFFICER, error=-216)  # every send refused, even with the fresh token
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.error_code) == ("transient", -216)
    assert store.refresh_count == 1


def test_dead_refresh_token_gives_a_transient_result_without_raising(
    standin, control, http
) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "someone-else-used-it")
    client, _ = make_client(standin, http)
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.error_code) == ("transient", -216)


def test_user_without_interaction_in_seven_days_is_unreachable(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    assert client.send_text("never-wrote", "x").status == "unreachable"
    control.advance_clock(7 * 24 * 3600 + 1)
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.error_code) == ("unreachable", -230)
    assert control.inbox(OFFICER) == []


def test_window_stays_open_until_seven_days_after_the_last_interaction(
    standin, control, http
) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    control.advance_clock(7 * 24 * 3600 - 60)
    assert client.send_text(OFFICER, "x").status == "sent"


@pytest.mark.parametrize("code", [-213, -227, -230, -232])
def test_unreachable_codes_move_the_ladder_on(standin, control, http, code: int) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    control.fault(OFFICER, error=code, times=1)
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.error_code, result.message_id) == ("unreachable", code, None)


def test_rate_limit_answers_32(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    control.rate_limit(2)
    assert [client.send_text(OFFICER, str(i)).status for i in range(3)] == [
        "sent",
        "sent",
        "rate_limited",
    ]
    assert client.send_text(OFFICER, "x").error_code == -32


def test_timeout_is_transient(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http, timeout=httpx.Timeout(0.3))
    control.fault(OFFICER, delay=1.0, times=1)
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.error_code) == ("transient", None)


def test_server_error_is_transient(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    control.fault(OFFICER, http_status=503, times=1)
    result = client.send_text(OFFICER, "x")
    assert (result.status, result.http_status) == ("transient", 503)
    assert client.send_text(OFFICER, "x").status == "sent"


def test_connection_refused_is_transient(http) -> None:  # type: ignore[no-untyped-def]
    store = InMemoryTokenStore(TokenPair("a", "r", 1), lambda r: TokenPair("a", "r", 1))
    client = ZaloClient(http, "http://127.0.0.1:9", store)
    assert client.send_text(OFFICER, "x").status == "transient"


def test_other_errors_are_rejected(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    control.fault(OFFICER, error=-201, times=1)
    assert client.send_text(OFFICER, "x").status == "rejected"


def test_refresh_token_works_once_and_each_refresh_rotates_it(standin, http) -> None:  # type: ignore[no-untyped-def]
    first = refresh_tokens(http, standin.url, APP_ID, APP_SECRET, "standin-refresh-0")
    assert first.expires_in == 90000
    assert first.refresh_token != "standin-refresh-0"
    with pytest.raises(TokenRefreshError):
        refresh_tokens(http, standin.url, APP_ID, APP_SECRET, "standin-refresh-0")
    second = refresh_tokens(http, standin.url, APP_ID, APP_SECRET, first.refresh_token)
    assert second.access_token != first.access_token


def test_refresh_with_the_oa_secret_instead_of_the_app_secret_is_refused(standin, http) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TokenRefreshError) as err:
        refresh_tokens(http, standin.url, APP_ID, OA_SECRET_KEY, "standin-refresh-0")
    assert "standin-refresh-0" not in str(err.value)


def test_a_refused_code_exchange_raises_with_zalos_error_and_no_secrets(standin, http) -> None:  # type: ignore[no-untyped-def]
    # The stand-in has no authorization_code grant: it refuses the code like a bad
    # refresh, which is the refusal path (the success path: tests/test_admin_cli.py).
    with pytest.raises(CodeExchangeError) as err:
        exchange_code(http, standin.url, APP_ID, APP_SECRET, "the-code", "the-verifier")
    assert err.value.error_code is not None and err.value.error_code < 0
    assert "Zalo refused the code" in str(err.value)
    for secret in ("the-code", "the-verifier", APP_SECRET):
        assert secret not in str(err.value)


def test_a_code_exchange_that_cannot_connect_raises(http) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CodeExchangeError, match="the code exchange failed: ConnectError") as err:
        exchange_code(http, "http://127.0.0.1:9", APP_ID, APP_SECRET, "c", "v")
    assert err.value.error_code is None


def test_concurrent_refreshes_of_one_stale_token_refresh_once(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "standin-refresh-0")
    client, store = make_client(standin, http)
    results: list[str] = []
    threads = [
        threading.Thread(target=lambda: results.append(client.send_text(OFFICER, "x").status))
        for _ in range(5)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == ["sent"] * 5
    assert store.refresh_count == 1


def test_token_pairs_do_not_show_tokens_in_their_repr() -> None:
    text = repr(TokenPair("secret-access", "secret-refresh", 10))
    assert "secret-access" not in text and "secret-refresh" not in text


def test_logs_carry_error_codes_but_no_token_or_user_id(standin, control, http, capsys) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "standin-refresh-0")
    client, _ = make_client(standin, http)
    control.fault(OFFICER, error=-230, times=1)
    client.send_text(OFFICER, "x")
    out = capsys.readouterr().out
    assert "-216" in out or "-230" in out
    for secret in ("standin-access", "standin-refresh", OFFICER, APP_SECRET):
        assert secret not in out


def test_request_body_matches_zalos_sample_and_carries_buttons() -> None:
    sample = json.loads((FIXTURES / "send_cs_request.json").read_text(encoding="utf-8"))
    body = build_cs_body(sample["recipient"]["user_id"], sample["message"]["text"])
    assert body == sample
    with_buttons = build_cs_body(
        "u", "t", quote_message_id="q", buttons=[Button("Nhận", "NHAN TB-7K2Q9")]
    )
    assert with_buttons["message"]["quote_message_id"] == "q"
    assert with_buttons["message"]["attachment"]["payload"]["buttons"] == [
        {"title": "Nhận", "type": "oa.query.show", "payload": "NHAN TB-7K2Q9"}
    ]
    with pytest.raises(ValueError):
        build_cs_body("u", "x" * 2001)


# --- the stand-in's webhook side ------------------------------------------------------


class _Webhook:
    """A tiny webhook that records signed calls and fails the first ``fail`` of them."""

    def __init__(self, fail: int = 0, port: int = 0) -> None:
        self.calls: list[tuple[dict[str, str], bytes]] = []
        self.fail = fail
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                hook.calls.append((dict(self.headers), body))
                status = 500 if len(hook.calls) <= hook.fail else 200
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/webhook"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def test_user_message_reaches_the_webhook_signed_like_zalo_and_opens_the_window(http) -> None:  # type: ignore[no-untyped-def]
    hook = _Webhook()
    running = serve_in_thread(
        StandinConfig(APP_ID, OA_ID, OA_SECRET_KEY, APP_SECRET, webhook_url=hook.url)
    )
    try:
        control = StandinClient(running.url)
        answer = control.send_text("citizen-1", "Có người đánh nhau ở đây")
        assert answer["delivered"] is True
        headers, body = hook.calls[0]
        event = json.loads(body)
        sample = json.loads((FIXTURES / "user_send_text.json").read_text(encoding="utf-8"))
        assert set(event) == set(sample)
        assert event["event_name"] == "user_send_text"
        assert event["sender"]["id"] == "citizen-1" and event["recipient"]["id"] == OA_ID
        assert len(event["timestamp"]) == 13
        expected = hashlib.sha256(
            APP_ID.encode() + body + event["timestamp"].encode() + OA_SECRET_KEY.encode()
        ).hexdigest()
        assert headers["X-ZEvent-Signature"] == f"mac={expected}"
        location = control.send_location("citizen-1", "10.7987", "106.6301")
        assert location["event_name"] == "user_send_location"
        coords = json.loads(hook.calls[1][1])["message"]["attachments"][0]["payload"]["coordinates"]
        assert coords == {"latitude": "10.7987", "longitude": "106.6301"}
        # The citizen wrote, so the OA may answer.
        client, _ = make_client(running, http)
        assert client.send_text("citizen-1", "Đã tiếp nhận").status == "sent"
    finally:
        running.stop()
        hook.stop()


def test_an_answer_other_than_200_is_not_retried_as_zalo_documents_today() -> None:
    hook = _Webhook(fail=1)
    running = serve_in_thread(
        StandinConfig(
            APP_ID, OA_ID, OA_SECRET_KEY, APP_SECRET, webhook_url=hook.url, retry_schedule=(0.05,)
        )
    )
    try:
        control = StandinClient(running.url)
        answer = control.send_text("citizen-1", "alo")
        assert (answer["status"], answer["delivered"]) == (500, False)
        threading.Event().wait(0.3)  # longer than the retry schedule: nothing comes
        assert len(hook.calls) == 1
        (delivery,) = control.deliveries()["deliveries"]
        assert (delivery["attempts"], delivery["delivered"]) == (1, False)
        # The page shows the message settled (lost), not still being retried.
        assert control.timeline(0)["messages"][0]["delivered"] is False
    finally:
        running.stop()
        hook.stop()


@pytest.mark.parametrize("switch", ["config", "control"])
def test_with_retry_on_status_a_failed_delivery_is_retried_with_num_retry(switch: str) -> None:
    hook = _Webhook(fail=2)
    running = serve_in_thread(
        StandinConfig(
            APP_ID,
            OA_ID,
            OA_SECRET_KEY,
            APP_SECRET,
            webhook_url=hook.url,
            retry_schedule=(0.05, 0.05, 0.05),
            retry_on_status=switch == "config",
        )
    )
    try:
        control = StandinClient(running.url)
        if switch == "control":
            control.webhook_retry(on_status=True)
        assert control.send_text("citizen-1", "alo")["delivered"] is False
        for _ in range(100):
            if control.deliveries()["deliveries"][0]["delivered"]:
                break
            threading.Event().wait(0.02)
        assert [h.get("num_retry") for h, _ in hook.calls] == [None, "1", "2"]
        assert len({body for _, body in hook.calls}) == 1  # retries carry the same body
    finally:
        running.stop()
        hook.stop()


def test_an_unreachable_webhook_is_retried_with_num_retry() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    running = serve_in_thread(
        StandinConfig(
            APP_ID,
            OA_ID,
            OA_SECRET_KEY,
            APP_SECRET,
            webhook_url=f"http://127.0.0.1:{port}/webhook",
            retry_schedule=(0.5, 0.5, 0.5, 0.5),
        )
    )
    hook = None
    try:
        control = StandinClient(running.url)
        answer = control.send_text("citizen-1", "alo")
        assert (answer["status"], answer["delivered"]) == (None, False)
        hook = _Webhook(port=port)  # the webhook comes up
        for _ in range(200):
            if control.deliveries()["deliveries"][0]["delivered"]:
                break
            threading.Event().wait(0.02)
        assert control.deliveries()["deliveries"][0]["delivered"] is True
        assert hook.calls and hook.calls[0][0].get("num_retry") in {"1", "2", "3", "4"}
    finally:
        running.stop()
        if hook is not None:
            hook.stop()


# --- a send bounded in time (the escalator's run must end before its timeout) ------------


class Ticks:
    """A monotonic clock the test moves."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_no_call_starts_without_time_left_and_the_send_is_retried_later(
    standin, control, http
) -> None:  # type: ignore[no-untyped-def]
    ticks = Ticks()
    client, _ = make_client(standin, http, monotonic=ticks)
    result = client.send_text(OFFICER, "Tin báo", deadline=ticks.now + 0.2)
    assert result.status == "transient" and result.outage
    assert control.texts(OFFICER) == []  # nothing reached Zalo
    assert client.send_text(OFFICER, "Tin báo", deadline=ticks.now + 20).status == "sent"


def test_a_token_refresh_is_not_started_without_time_for_it_and_the_resend(
    standin, control, http
) -> None:  # type: ignore[no-untyped-def]
    control.set_tokens("rotated-elsewhere", "standin-refresh-0")
    ticks = Ticks()
    client, store = make_client(standin, http, monotonic=ticks)
    result = client.send_text(OFFICER, "x", deadline=ticks.now + REFRESH_NEEDS_SECONDS - 1)
    assert result.status == "transient" and result.error_code == -216
    assert store.refresh_count == 0  # the single-use refresh token was not spent
    result = client.send_text(OFFICER, "x", deadline=ticks.now + REFRESH_NEEDS_SECONDS + 1)
    assert result.status == "sent" and store.refresh_count == 1


# --- shapes, quota and appsecret_proof (issue 16) -------------------------------------


def test_buttons_refused_as_a_bad_field_resend_the_text_alone(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.fault(OFFICER, error=-201, with_attachment=True)
    client, _ = make_client(standin, http)
    result = client.send_text(OFFICER, "Chon mot muc", buttons=[Button("Nhận", "NHAN TB-1")])
    assert result.status == "sent" and result.without_buttons
    (received,) = control.inbox(OFFICER)
    assert received["text"] == "Chon mot muc" and received["attachment"] is None


def test_a_refusal_of_plain_text_is_not_retried_as_plain_text(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    control.fault(OFFICER, error=-201)
    client, _ = make_client(standin, http)
    result = client.send_text(OFFICER, "Xin chào")
    assert result.status == "rejected" and result.error_code == -201
    assert not result.without_buttons
    assert control.inbox(OFFICER) == []


@pytest.mark.parametrize("code", [-211, -218, -320, -321])
def test_quota_and_billing_codes_are_rejected_once_and_logged_apart(  # type: ignore[no-untyped-def]
    standin, control, http, capsys, code
) -> None:
    control.fault(OFFICER, error=code)
    client, store = make_client(standin, http)
    result = client.send_text(OFFICER, "Tin báo mới", buttons=[Button("Nhận", "NHAN")])
    assert result.status == "rejected" and result.error_code == code
    assert control.inbox(OFFICER) == [] and store.refresh_count == 0
    logged = [json.loads(line) for line in capsys.readouterr().out.splitlines() if line]
    quota = [entry for entry in logged if entry.get("event") == "zalo.quota_exhausted"]
    assert [(e["severity"], e["error_code"]) for e in quota] == [("ERROR", code)]
    assert OFFICER not in json.dumps(logged)


def test_each_accepted_send_carries_zalo_quota(standin, control, http) -> None:  # type: ignore[no-untyped-def]
    client, _ = make_client(standin, http)
    first = client.send_text(OFFICER, "Một")
    second = client.send_text(OFFICER, "Hai")
    assert first.quota is not None and first.quota["quota_type"] == "reply"
    assert second.quota is not None
    assert int(second.quota["remain"]) == int(first.quota["remain"]) - 1


def test_an_app_requiring_appsecret_proof_answers_242_until_the_setting_is_on(  # type: ignore[no-untyped-def]
    standin, control, http, capsys
) -> None:
    control.require_appsecret_proof()
    without, _ = make_client(standin, http)
    refused = without.send_text(OFFICER, "Xin chào")
    assert refused.status == "rejected" and refused.error_code == -242
    assert '"zalo.appsecret_proof_required"' in capsys.readouterr().out
    with_proof, _ = make_client(standin, http, appsecret_proof_key=APP_SECRET)
    assert with_proof.send_text(OFFICER, "Xin chào").status == "sent"
    assert control.texts(OFFICER) == ["Xin chào"]
    wrong, _ = make_client(standin, http, appsecret_proof_key="not-the-app-secret")
    assert wrong.send_text(OFFICER, "Lần nữa").error_code == -242
