"""The Zalo stand-in's page in a real headless Chromium, and `make run` started and stopped.

The browser tests drive Debian's chromium (the `browser` fixture of
tests/chromium.py): the page writes as a citizen and as an
officer through the stand-in, whose signed webhook calls land in a small
recording webhook here; the OA's messages are injected through the stand-in's
own OA API with the valid access token. The end-to-end version with the real
router comes with the router.

The stack tests run ``python -m local.stack`` (what `make run` runs) twice in a
row, stop it with SIGINT as Ctrl-C does, and check that no process of the
groups it started is left and every port it printed is free again.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest

from local.stack import SEED_FILE, demo_directory, group_members, port_open, wait_groups_empty
from local.standin_client import StandinClient
from local.zalo_standin import RunningStandin, StandinConfig, serve_in_thread, signature

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "360846524940903967"
OA_ID = "388613280878808645"
OA_SECRET_KEY = "test-oa-secret-key-0123456789"
APP_SECRET = "test-app-secret-9876543210"
ACCESS_TOKEN = "standin-access-page-test"
CITIZEN = "demo-citizen-page-test"
OFFICER = "demo-officer-27019-1"

T = TypeVar("T")


def poll_until(check: Callable[[], T | None], what: str, timeout: float = 10.0) -> T:
    """The first truthy result of `check`, polled until `timeout` (then fail naming `what`)."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


# --- a recording webhook ------------------------------------------------------------


@dataclass
class Received:
    body: bytes
    headers: dict[str, str]

    @property
    def event(self) -> dict[str, Any]:
        result: dict[str, Any] = json.loads(self.body)
        return result


@dataclass
class RecordingWebhook:
    server: ThreadingHTTPServer
    calls: list[Received] = field(default_factory=list)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/"

    def find(self, user_id: str, predicate: Callable[[dict[str, Any]], bool]) -> Received | None:
        for call in list(self.calls):
            event = call.event
            if event["sender"]["id"] == user_id and predicate(event):
                return call
        return None


@pytest.fixture
def webhook() -> Iterator[RecordingWebhook]:
    calls: list[Received] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            return

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            calls.append(Received(body, {k.lower(): v for k, v in self.headers.items()}))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield RecordingWebhook(server, calls)
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


def assert_signed(call: Received) -> None:
    """The stand-in signed the raw body as Zalo does (SHA-256 with the OA secret key)."""
    event = call.event
    expected = signature(event["app_id"], call.body, event["timestamp"], OA_SECRET_KEY)
    assert call.headers["x-zevent-signature"] == expected
    assert event["app_id"] == APP_ID and event["recipient"]["id"] == OA_ID


@pytest.fixture
def standin(webhook: RecordingWebhook) -> Iterator[RunningStandin]:
    running = serve_in_thread(
        StandinConfig(
            APP_ID,
            OA_ID,
            OA_SECRET_KEY,
            APP_SECRET,
            webhook_url=webhook.url,
            access_token=ACCESS_TOKEN,
            retry_schedule=(),
        )
    )
    directory = demo_directory(SEED_FILE.read_text())
    officers = directory["officers"]  # every demo officer, as `make run` gives them
    assert any(o["zalo_user_id"] == OFFICER for o in officers), "the demo seed changed"
    running.standin.set_directory(officers, directory["wards"])
    yield running
    running.stop()


def test_ward_presets_and_the_printed_example_resolve_by_gps_to_their_ward() -> None:
    from local.stack import EXAMPLE_LOCATION
    from shared.core.jurisdiction import load_profile
    from shared.core.resolve import resolve

    tan_phu = load_profile("2025")  # the local stack's profile
    wards = demo_directory(SEED_FILE.read_text())["wards"]
    assert len(wards) == 5
    for ward in wards:
        resolution = resolve("", (ward["lat"], ward["lng"]), None, tan_phu)
        assert (resolution.unit_id, resolution.method) == (f"ward-{ward['code']}", "gps")
        assert not resolution.near_boundary, ward
    assert resolve("", EXAMPLE_LOCATION, None, tan_phu).unit_id == "ward-27019"


# --- the browser ----------------------------------------------------------------------


@pytest.fixture
def page(browser: Any, standin: RunningStandin) -> Any:
    browser.get(f"{standin.url}/?citizen={CITIZEN}")
    poll_until(lambda: "Đã kết nối" in browser.find_element("id", "status").text, "the page")
    return browser


def css(driver: Any, selector: str) -> Any:
    return driver.find_element("css selector", selector)


def texts(driver: Any, selector: str) -> list[str]:
    return [e.text for e in driver.find_elements("css selector", selector)]


def oa_send(standin: RunningStandin, user_id: str, message: dict[str, Any]) -> None:
    """The OA sends (what the router will do), through the stand-in's OA API."""
    response = httpx.post(
        f"{standin.url}/v3.0/oa/message/cs",
        headers={"access_token": ACCESS_TOKEN},
        json={"recipient": {"user_id": user_id}, "message": message},
    )
    assert response.json()["error"] == 0, response.text


def test_citizen_text_location_and_photo_reach_the_webhook_signed(
    page: Any, standin: RunningStandin, webhook: RecordingWebhook
) -> None:
    tip = "Có nhóm thanh niên đua xe, lạng lách trước nhà tôi"
    css(page, "#citizen-text textarea").send_keys(tip)
    css(page, "#citizen-text button").click()
    call = poll_until(
        lambda: webhook.find(CITIZEN, lambda e: e["message"].get("text") == tip), "the tip text"
    )
    assert call.event["event_name"] == "user_send_text"
    assert_signed(call)
    poll_until(
        lambda: any(tip in t for t in texts(page, "#citizen-log .msg.from-user")), "the tip shown"
    )
    assert "đã chuyển" in css(page, "#citizen-log .msg.from-user .meta").text

    css(page, '.preset[data-ward="27019"]').click()
    lat = css(page, "#citizen-location input[name=lat]").get_attribute("value")
    lng = css(page, "#citizen-location input[name=lng]").get_attribute("value")
    preset = next(w for w in standin.standin.directory()["wards"] if w["code"] == "27019")
    assert (lat, lng) == (preset["lat"], preset["lng"])
    css(page, "#citizen-location button").click()
    call = poll_until(
        lambda: webhook.find(CITIZEN, lambda e: e["event_name"] == "user_send_location"),
        "the location",
    )
    coordinates = call.event["message"]["attachments"][0]["payload"]["coordinates"]
    assert coordinates == {"latitude": lat, "longitude": lng}
    assert_signed(call)

    css(page, "details:has(#citizen-image) summary").click()  # open "Gửi ảnh"
    photo = f"{standin.url}/anh-hien-truong.jpg"
    css(page, "#citizen-image input[name=url]").send_keys(photo)
    css(page, "#citizen-image input[name=caption]").send_keys("Ảnh chụp lúc 21 giờ")
    css(page, "#citizen-image button").click()
    call = poll_until(
        lambda: webhook.find(CITIZEN, lambda e: e["event_name"] == "user_send_image"), "the photo"
    )
    assert call.event["message"]["attachments"][0]["payload"]["url"] == photo
    assert call.event["message"]["text"] == "Ảnh chụp lúc 21 giờ"
    assert_signed(call)
    poll_until(lambda: len(texts(page, "#citizen-log .msg.from-user")) == 3, "three sent")


def test_oa_messages_appear_in_the_citizen_and_officer_chats(
    page: Any, standin: RunningStandin
) -> None:
    control = StandinClient(standin.url)
    control.record_interaction(CITIZEN)
    control.record_interaction(OFFICER)
    officer = f'.officer[data-user="{OFFICER}"]'
    # Nobody has messages yet: the default view ("có tin nhắn") hides the officer.
    assert not css(page, officer).is_displayed()

    reply = "Công an phường Tân Sơn Nhì đã nhận tin báo TB-7K2Q9 của bạn. Cảm ơn bạn."
    oa_send(standin, CITIZEN, {"text": reply})
    alert = "Tin báo mới TB-7K2Q9 (Tân Sơn Nhì): đua xe. Trả lời NHAN TB-7K2Q9 để nhận."
    oa_send(standin, OFFICER, {"text": alert})

    poll_until(lambda: reply in texts(page, "#citizen-log .msg.from-oa .text"), "the reply")
    poll_until(lambda: css(page, officer).is_displayed(), "the officer's column")
    assert texts(page, f"{officer} .msg.from-oa .text") == [alert]
    # The alert was not shown to the citizen, nor the reply to the officer.
    assert alert not in texts(page, "#citizen-log .text")
    control.close()


def test_officer_commands_are_posted_to_the_webhook(
    page: Any, standin: RunningStandin, webhook: RecordingWebhook
) -> None:
    control = StandinClient(standin.url)
    control.record_interaction(OFFICER)
    oa_send(standin, OFFICER, {"text": "Tin báo mới TB-7K2Q9: đua xe trước chợ."})
    officer = f'.officer[data-user="{OFFICER}"]'
    poll_until(lambda: css(page, officer).is_displayed(), "the officer's column")

    take = poll_until(
        lambda: page.find_elements("css selector", f'{officer} [data-command="NHAN TB-7K2Q9"]'),
        "the take button",
    )
    take[0].click()
    call = poll_until(
        lambda: webhook.find(OFFICER, lambda e: e["message"].get("text") == "NHAN TB-7K2Q9"),
        "NHAN from the officer",
    )
    assert_signed(call)

    typed = "XONG TB-7K2Q9 đã giải tán nhóm thanh niên"
    css(page, f"{officer} .officer-command input").send_keys(typed)
    css(page, f"{officer} .officer-command button").click()
    call = poll_until(
        lambda: webhook.find(OFFICER, lambda e: e["message"].get("text") == typed),
        "XONG from the officer",
    )
    assert call.event["event_name"] == "user_send_text"
    assert_signed(call)
    poll_until(lambda: typed in texts(page, f"{officer} .msg.from-user .text"), "XONG shown")
    assert not webhook.find(CITIZEN, lambda e: True), "the officer wrote as the citizen"
    control.close()


def test_oa_buttons_send_their_payload_as_the_users_text(
    page: Any, standin: RunningStandin, webhook: RecordingWebhook
) -> None:
    StandinClient(standin.url).record_interaction(CITIZEN)
    buttons = [{"title": "Đăng ký tạm trú", "type": "oa.query.show", "payload": "#tam_tru"}]
    oa_send(
        standin,
        CITIZEN,
        {
            "text": "Bạn cần hỏi thủ tục nào?",
            "attachment": {"type": "template", "payload": {"buttons": buttons}},
        },
    )
    button = poll_until(
        lambda: page.find_elements("css selector", "#citizen-log .oa-buttons button"), "buttons"
    )
    assert button[0].text == "Đăng ký tạm trú"
    button[0].click()
    poll_until(
        lambda: webhook.find(CITIZEN, lambda e: e["message"].get("text") == "#tam_tru"),
        "the button's payload",
    )


# --- make run ---------------------------------------------------------------------------

PORT = re.compile(r"127\.0\.0\.1:(\d+)")


def _children_groups(pid: int) -> set[int]:
    """Process groups led by direct children of `pid` (the stack's emulators and functions)."""
    groups: set[int] = set()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rfind(")") + 2 :].split()
        if int(fields[1]) == pid and int(fields[2]) == int(entry.name):
            groups.add(int(entry.name))
    return groups


class StackProcess:
    """``python -m local.stack`` as `make run` starts it, its output read on a thread."""

    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "local.stack", "--tick", "1"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        self._lines: queue.Queue[str] = queue.Queue()
        self.output: list[str] = []
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in iter(self.process.stdout.readline, ""):
            self._lines.put(line)

    def text(self) -> str:
        while not self._lines.empty():
            self.output.append(self._lines.get())
        return "".join(self.output)

    def started(self) -> bool:
        text = self.text()
        if self.process.poll() is not None:
            pytest.fail(f"the stack exited:\n{text}")
        return "Ctrl-C stops everything" in text


def _run_and_stop(run: int) -> None:
    stack = StackProcess()
    groups: set[int] = set()
    try:
        poll_until(stack.started, f"run {run} to start", timeout=180)
        text = stack.text()
        groups = _children_groups(stack.process.pid)
        assert len(groups) >= 5, f"2 emulators and 3 functions, got groups {groups}"
        table = [line for line in stack.output if line.startswith("  ") and "127.0.0.1:" in line]
        ports = {int(m.group(1)) for line in table[:6] for m in PORT.finditer(line)}
        assert len(ports) == 6, table
        assert all(port_open(p) for p in ports)
        logs = Path(re.search(r"logs: (\S+)", text).group(1))  # type: ignore[union-attr]
        standin = re.search(r"open (http://127\.0\.0\.1:\d+)/", text).group(1)  # type: ignore[union-attr]

        # The stand-in's signed event reaches the webhook, which publishes it; the
        # push subscription delivers it to the router.
        control = StandinClient(standin)
        sent = control.send_text("demo-citizen-1", "Có người lạ đột nhập nhà bên cạnh")
        control.close()
        assert sent["delivered"], sent
        tip = poll_until(
            lambda: re.search(r'"tip_id": "(TB-\w+)"', (logs / "webhook.log").read_text()),
            "the webhook to store the tip",
        ).group(1)
        poll_until(
            lambda: tip in (logs / "router.log").read_text(),
            f"the router to receive {tip} by push",
            timeout=30,
        )
        poll_until(
            lambda: "HTTP 200" in (logs / "scheduler.log").read_text(),
            "the scheduler to call the escalator",
            timeout=15,
        )

        stack.process.send_signal(signal.SIGINT)  # Ctrl-C
        assert stack.process.wait(timeout=90) == 0, stack.text()
        assert "Stopped." in stack.text()
        left = wait_groups_empty(sorted(groups), timeout=15)
        assert not left, f"run {run}: processes left after Ctrl-C: {left}"
        assert not any(port_open(p) for p in ports), "a port is still served"
    finally:
        if stack.process.poll() is None:
            stack.process.kill()
            stack.process.wait(timeout=30)
        for pgid in groups:  # our own children only, by group id
            if group_members(pgid):
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(pgid, signal.SIGKILL)


@pytest.mark.e2e
def test_make_run_starts_everything_and_ctrl_c_stops_it_twice_in_a_row() -> None:
    if shutil.which("gcloud") is None or shutil.which("java") is None:
        pytest.fail("the emulators need the Google Cloud CLI and Java (see local/emulators.py)")
    _run_and_stop(0)
    _run_and_stop(1)  # right after: fresh ports, nothing stale in the way


@pytest.mark.e2e
def test_stack_seeds_the_demo_and_shares_one_token_pair_with_the_standin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from local.stack import Stack

    with Stack(tick=0.5) as stack:
        groups = stack.process_groups()
        assert len(groups) == 5
        assert stack.seeded, stack.seed_summary
        for name, value in stack.emulator_env.items():
            monkeypatch.setenv(name, value)
        from local import emulators
        from shared.store import admin as firestore_admin

        db = firestore_admin.connect(stack.project, emulators.LOCAL_DATABASES)
        tokens = db.collection("oa_tokens").document(stack.secrets.oa_id).get().to_dict()
        officer = db.collection("officers").document("cb-27019-1").get().to_dict()
        assert officer is not None and officer["zalo_user_id"] == OFFICER

        # The router will send with the stored token: the stand-in takes it, and the
        # pre-enrolled officers are inside Zalo's 7-day window.
        assert tokens is not None
        response = httpx.post(
            f"{stack.standin_url}/v3.0/oa/message/cs",
            headers={"access_token": tokens["access_token"]},
            json={"recipient": {"user_id": OFFICER}, "message": {"text": "Kiểm tra kênh"}},
        )
        assert response.json()["error"] == 0, response.text
        directory = StandinClient(stack.standin_url).directory()
        assert directory["oa_id"] == stack.secrets.oa_id
        assert OFFICER in {o["zalo_user_id"] for o in directory["officers"]}
        assert {w["code"] for w in directory["wards"]} == {
            "27013",
            "27019",
            "27022",
            "27028",
            "27031",
        }
        poll_until(lambda: 200 in stack.escalator_calls, "a scheduler tick", timeout=15)
        # The functions got the stack's throwaway keys, not the test process's.
        env = stack.function_env()
        assert env["ZALO_OA_SECRET_KEY"] == stack.secrets.oa_secret_key
        assert env["ZALO_API_BASE"] == env["ZALO_OAUTH_BASE"] == stack.standin_url
    assert not wait_groups_empty(groups, timeout=15)
    assert not stack.leftovers


@pytest.mark.e2e
def test_on_the_whole_stack_a_citizen_tips_an_officer_takes_it_and_the_citizen_is_told(
    browser: Any,
) -> None:
    from local.stack import Stack

    with Stack(tick=60) as stack:
        browser.get(f"{stack.standin_url}/?citizen={CITIZEN}")
        poll_until(lambda: "Đã kết nối" in css(browser, "#status").text, "the page")
        css(browser, "#citizen-text textarea").send_keys("Có nhóm thanh niên đua xe trước nhà tôi")
        css(browser, "#citizen-text button").click()
        css(browser, '.preset[data-ward="27019"]').click()
        css(browser, "#citizen-location button").click()

        # The router alerts an officer on duty in Tân Sơn Nhì: their column shows up
        # with the alert and its take button.
        take = poll_until(
            lambda: browser.find_elements(
                "css selector", '.officer[data-unit="ward-27019"] [data-command^="NHAN TB-"]'
            ),
            "a duty alert in an officer's chat",
            timeout=30,
        )[0]
        ref = take.get_attribute("data-command").removeprefix("NHAN ")

        def told() -> list[str]:
            return [t for t in texts(browser, "#citizen-log .msg.from-oa .text") if ref in t]

        poll_until(told, "the citizen's acknowledgement", timeout=30)
        before = len(told())
        take.click()
        poll_until(lambda: len(told()) > before, "the citizen told the tip is taken", timeout=30)
        assert "xử lý" in told()[-1]
