"""`make demo`: the story that started the Tân Phú line, played on the local stack.

A citizen reports young people using drugs in a hotel in phường Tân Sơn Nhì and
shares a location; the ward's duty officer is alerted; nobody answers, and the
ladder climbs (duty commander at 5 minutes, the desk and the ward chief at 15,
the city command at 30); an officer takes the tip with NHAN and resolves it with
XONG, and the citizen hears both. Then another citizen asks how to register a
temporary residence, and the assistant answers. A second story follows (issue
12): a citizen in phường Tân Phú shares a pin, then pleads for help (the
neighbour is beating his wife): the tip turns urgent, the ward's duty officer
gets an update marked urgent and the citizen the emergency numbers; an officer
closes the tip too early; the citizen writes back that nobody came, and the tip
is reopened before the ward, its alert naming who closed it, and taken again.
Last, the commander's page of what happened (`tinbao report --html`, run as an
operator would against this stack) is written to ``--report`` (default:
bao-cao.html in the logs folder).

Everything runs for real (local/stack.py): the emulators, the three functions
on the functions framework, the Zalo stand-in. Time is the only thing played:
the stack runs with a fast clock (shared.clock.clock_from_env, local only) and
the story moves it one minute at a time, calling the escalator after each
minute as Cloud Scheduler would, so half an hour of escalation takes about
half a minute (``--pace``: real seconds per simulated minute).

The timeline printed is the stand-in's: every message a citizen or an officer
sent or received, as they see it. Exit status 0 when the story completes.

The steps are methods of `Story`, so tests/test_e2e.py plays the same story
and asserts each step.
"""

from __future__ import annotations

import argparse
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from local.stack import Stack, StackError
from local.standin_client import StandinClient
from shared.core import messages
from shared.core.refcode import IN_TEXT

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
CITIZEN = "demo-citizen-1"
ASKER = "demo-citizen-2"
TIP_TEXT = "Có nhóm thanh niên sử dụng ma túy trong khách sạn ở phường Tân Sơn Nhì"
WARD_CODE = "27019"
WARD_UNIT = "ward-27019"
WARD_NAME = "Công an phường Tân Sơn Nhì"
RESOLVE_NOTE = "Đã kiểm tra khách sạn, lập biên bản 5 đối tượng sử dụng trái phép chất ma túy"
QUESTION = "Cho tôi hỏi thủ tục đăng ký tạm trú cần những giấy tờ gì?"
QUESTION_ANSWER_TITLE = "Đăng ký tạm trú"
# The second story: a pin, a plea, a tip closed too early, the citizen writing back.
PLEADER = "demo-citizen-3"
PLEA_WARD_CODE = "27031"
PLEA_UNIT = "ward-27031"
PLEA_UNIT_NAME = "Công an phường Tân Phú"
PLEA = "Hàng xóm đang đánh vợ, cứu với các anh ơi, chị ấy la khóc dữ lắm"
TOO_EARLY = "không thấy gì"
NOBODY_CAME = "cong an ko toi, no lai danh vo nua roi, cuu voi"
REF = IN_TEXT  # a tip's code in a text
# The ward ladder of shared/data/policy.yaml (normal severity): minutes after
# routing -> who is added, as (unit, role) of the stand-in's directory.
LADDER: tuple[tuple[int, str, tuple[tuple[str, str], ...]], ...] = (
    (0, "the ward's duty officer", ((WARD_UNIT, "duty_officer"),)),
    (5, "the ward's duty commander", ((WARD_UNIT, "duty_commander"),)),
    (15, "the desk and the ward chief", (("hcm-desk", "desk"), (WARD_UNIT, "chief"))),
    (30, "the city command", (("hcm-police", "chief"), ("hcm-police", "duty_commander"))),
)
ROLE_NAMES = {
    "duty_officer": "trực ban",
    "duty_commander": "chỉ huy trực",
    "chief": "trưởng",
    "desk": "tổ tiếp nhận",
}

T = TypeVar("T")


class DemoError(RuntimeError):
    """A step of the story did not happen in time."""


@dataclass
class Story:
    """The story's steps on a started `Stack(fast_clock=True)`; each returns what happened."""

    stack: Stack
    client: StandinClient
    out: Callable[[str], None] = print
    pace: float = 0.0  # real seconds per simulated minute (0: as fast as it goes)
    timeout: float = 30.0
    seen: int = 0  # the last timeline entry printed
    officers: dict[str, dict[str, str]] = field(default_factory=dict)  # zalo id -> directory
    started: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.officers = {o["zalo_user_id"]: o for o in self.client.directory()["officers"]}

    # --- printing -----------------------------------------------------------------

    def say(self, text: str) -> None:
        self.out(f"\n[{time.monotonic() - self.started:5.1f} s] == {text}")

    def who(self, user_id: str) -> str:
        officer = self.officers.get(user_id)
        if officer is None:
            return f"citizen {user_id}"
        role = ROLE_NAMES.get(officer["role"], officer["role"])
        return f"{officer['name']} ({role}, {officer['unit_name']})"

    def show(self) -> None:
        """Print the timeline entries not printed yet (one alert sent to several
        officers at once is printed once, with every recipient)."""
        timeline = self.client.timeline(self.seen)
        fresh = [e for e in timeline["messages"] if e["seq"] > self.seen]
        groups: list[tuple[dict[str, Any], list[str]]] = []
        for entry in fresh:
            last = groups[-1][0] if groups else None
            if (
                last is not None
                and entry["from"] == last["from"] == "oa"
                and entry.get("text") == last.get("text")
            ):
                groups[-1][1].append(entry["user_id"])
            else:
                groups.append((entry, [entry["user_id"]]))
        for entry, users in groups:
            at = datetime.fromisoformat(entry["at"]).astimezone(LOCAL).strftime("%H:%M")
            body = entry.get("text") or ""
            if entry["from"] == "user":
                if entry.get("location"):
                    loc = entry["location"]
                    body = f"📍 vị trí {loc['lat']}, {loc['lng']}"
                self.out(f"  {at}  {self.who(entry['user_id'])} → OA")
            else:
                self.out(f"  {at}  OA → " + ";\n            ".join(self.who(u) for u in users))
            self.out("\n".join(f"          │ {line}" for line in body.splitlines() or [""]))
        self.seen = max(self.seen, int(timeline["last"]))

    def wait(self, what: str, check: Callable[[], T | None]) -> T:
        """Poll `check` (printing the timeline meanwhile) until it answers."""
        deadline = time.monotonic() + self.timeout
        while True:
            result = check()
            self.show()
            if result:
                return result
            if time.monotonic() >= deadline:
                raise DemoError(f"timed out after {self.timeout:.0f} s waiting for {what}")
            time.sleep(0.1)

    def jump(self, seconds: float, settle: float = 1.5) -> None:
        """Move the line's clock on once nothing has moved for `settle` seconds: a send
        still in flight when its 90 s claim lapses on the jumped clock would be sent
        again by the escalator's sweep (one message twice)."""
        last, since = -1, time.monotonic()
        deadline = since + self.timeout
        while time.monotonic() < deadline:
            now = int(self.client.timeline(10**9)["last"])
            if now != last:
                last, since = now, time.monotonic()
            elif time.monotonic() - since >= settle:
                break
            time.sleep(0.2)
        self.stack.advance_clock(seconds)

    # --- what people see ---------------------------------------------------------------

    def received(self, user_id: str, needle: str) -> list[str]:
        return [t for t in self.client.texts(user_id) if needle in t]

    def alerted(self, ref: str, unit: str, role: str) -> list[str]:
        """Officers of (unit, role) whose chat holds an alert about `ref`."""
        return [
            user_id
            for user_id, officer in self.officers.items()
            if officer["unit_id"] == unit
            and officer["role"] == role
            and self.received(user_id, ref)
        ]

    # --- the story --------------------------------------------------------------------

    def report(self) -> str:
        """The citizen reports and shares a location; the tip's reference code."""
        self.say("A citizen reports drugs in a hotel in phường Tân Sơn Nhì")
        sent = self.client.send_text(CITIZEN, TIP_TEXT)
        if not sent["delivered"]:
            raise DemoError(f"the webhook did not take the tip: {sent}")
        ack = self.wait(
            "the citizen's acknowledgement",
            lambda: self.received(CITIZEN, "đã tiếp nhận tin báo"),
        )
        match = REF.search(ack[0])
        if match is None:
            raise DemoError(f"no reference code in {ack[0]!r}")
        ref = match.group(0)
        preset = next(w for w in self.client.directory()["wards"] if w["code"] == WARD_CODE)
        self.say(f"…and shares a location in {preset['name']}")
        sent = self.client.send_location(CITIZEN, preset["lat"], preset["lng"])
        if not sent["delivered"]:
            raise DemoError(f"the webhook did not take the location: {sent}")
        return ref

    def duty_officer_alerted(self, ref: str) -> list[str]:
        """The ward's duty officers alerted, the location passed on to them."""
        self.say("The ward's duty officer is alerted")
        officers = self.wait(
            "the ward's duty officer alert", lambda: self.alerted(ref, WARD_UNIT, "duty_officer")
        )
        self.wait(
            "the location passed on to the duty officer",
            lambda: all(len(self.received(o, ref)) >= 2 for o in officers),
        )
        return officers

    def nobody_answers(self, ref: str, minutes: int = 30) -> dict[int, list[str]]:
        """The clock runs a minute at a time, the escalator after each minute; who
        was added at each step of the ladder (minutes after routing -> zalo ids)."""
        self.say(f"Nobody answers: {minutes} minutes pass, one per {self.pace:g} s")
        climbed: dict[int, list[str]] = {}
        for minute in range(1, minutes + 1):
            self.stack.advance_clock(60)
            step = next((s for s in LADDER if s[0] == minute), None)
            if step is not None:
                self.say(f"+{minute} min: the ladder climbs to {step[1]}")
            status, summary = self.stack.escalate()
            if status != 200:
                raise DemoError(f"the escalator answered {status}: {summary}")
            self.show()
            if step is not None:
                _, whom, targets = step
                added: list[str] = []
                for unit, role in targets:
                    added += self.wait(
                        f"{whom} ({unit} {role}) alerted at +{minute} min",
                        lambda unit=unit, role=role: self.alerted(ref, unit, role),
                    )
                climbed[minute] = added
            if self.pace:
                time.sleep(self.pace)
        return climbed

    def take(self, ref: str, officer: str) -> str:
        """An officer takes the tip with NHAN; what the citizen hears."""
        self.say(f"{self.who(officer)} takes it: NHAN {ref}")
        self.client.send_text(officer, f"NHAN {ref}")
        expected = messages.citizen_taken(ref, WARD_NAME)
        self.wait(
            "the citizen told the tip is taken", lambda: expected in self.received(CITIZEN, ref)
        )
        return expected

    def resolve(self, ref: str, officer: str, minutes: int = 45) -> str:
        """`minutes` later the officer resolves it with XONG; what the citizen hears."""
        self.jump(minutes * 60)
        self.say(f"+{minutes} min: the officer is back from the hotel: XONG {ref}")
        self.client.send_text(officer, f"XONG {ref} {RESOLVE_NOTE}")
        expected = messages.citizen_resolved(ref, WARD_NAME)
        self.wait(
            "the citizen told the tip is resolved", lambda: expected in self.received(CITIZEN, ref)
        )
        return expected

    def ask(self) -> list[str]:
        """Another citizen asks about temporary residence; the assistant's answer."""
        self.say("Another citizen asks how to register a temporary residence")
        self.client.send_text(ASKER, QUESTION)
        return self.wait(
            "the assistant's answer",
            lambda: [t for t in self.client.texts(ASKER) if t.startswith(QUESTION_ANSWER_TITLE)],
        )

    def pin_then_plea(self) -> tuple[str, list[str]]:
        """A citizen shares a pin, then pleads for help: the tip turns urgent. The
        tip's code and the ward's duty officers."""
        preset = next(w for w in self.client.directory()["wards"] if w["code"] == PLEA_WARD_CODE)
        self.say(f"A second citizen shares a pin in {preset['name']}, without a word")
        self.client.send_location(PLEADER, preset["lat"], preset["lng"])
        ack = self.wait(
            "the pin's acknowledgement", lambda: self.received(PLEADER, "đã tiếp nhận tin báo")
        )
        match = REF.search(ack[0])
        if match is None:
            raise DemoError(f"no reference code in {ack[0]!r}")
        ref = match.group(0)
        duty = self.wait(
            "the ward's duty officer alert", lambda: self.alerted(ref, PLEA_UNIT, "duty_officer")
        )
        self.say("…then pleads for help: the neighbour is beating his wife")
        self.client.send_text(PLEADER, PLEA)
        self.wait("the emergency numbers", lambda: self.received(PLEADER, "mức khẩn cấp"))
        self.wait(
            "the update marked urgent",
            lambda: all(self.received(o, "KHẨN CẤP") for o in duty),
        )
        return ref, duty

    def closed_too_early(self, ref: str, officer: str) -> str:
        """An officer closes the tip as nothing; what the citizen hears."""
        self.jump(3 * 60)
        self.say(f"+3 min: {self.who(officer)} closes it too early: KHONG {ref}")
        self.client.send_text(officer, f"KHONG {ref} {TOO_EARLY}")
        expected = messages.citizen_closed(ref)
        self.wait("the citizen told it is closed", lambda: expected in self.received(PLEADER, ref))
        return expected

    def written_back(self, ref: str, officer: str) -> str:
        """The citizen writes that nobody came: the tip is reopened before the ward, its
        alert naming who closed it; the officer takes it again."""
        self.jump(20 * 60)
        self.say("+20 min: the citizen writes back that nobody came")
        self.client.send_text(PLEADER, NOBODY_CAME)
        self.wait("the tip reopened", lambda: self.received(PLEADER, "đã được mở lại"))
        # Back before the ward's officers on duty now: 20 minutes later the shift may
        # have changed (the line's clock is the real one plus the story's jumps).
        reopened = self.wait(
            "the reopened alert",
            lambda: [
                user_id
                for user_id, who in self.officers.items()
                if who["unit_id"] == PLEA_UNIT and self.received(user_id, "TIN BÁO MỞ LẠI")
            ],
        )
        taker = officer if officer in reopened else reopened[0]
        self.say(f"{self.who(taker)} takes it again: NHAN {ref}")
        self.client.send_text(taker, f"NHAN {ref}")
        expected = messages.citizen_taken(ref, PLEA_UNIT_NAME)
        self.wait("the tip taken again", lambda: expected in self.received(PLEADER, ref))
        return expected

    def second_story(self) -> dict[str, Any]:
        ref, duty = self.pin_then_plea()
        closed = self.closed_too_early(ref, duty[0])
        taken = self.written_back(ref, duty[0])
        return {"ref": ref, "duty": duty, "closed": closed, "taken": taken}

    def write_report(self, path: Path) -> str:
        """The commander's page of the story, written by `tinbao report --html` with
        this stack's settings (its emulators, its fast clock); what the command said."""
        self.say(f"The commander's page: tinbao report --html {path}")
        entry = "import sys; from shared.cli import main; sys.exit(main())"
        done = subprocess.run(
            [sys.executable, "-c", entry, "report", "--html", str(path)],
            env=self.stack.function_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        if done.returncode != 0:
            raise DemoError(f"tinbao report --html failed: {done.stderr.strip()}")
        self.out(f"  {done.stdout.strip()}")
        return done.stdout.strip()

    def play(self) -> dict[str, Any]:
        """The whole story; what each step produced."""
        ref = self.report()
        duty = self.duty_officer_alerted(ref)
        climbed = self.nobody_answers(ref)
        taken = self.take(ref, duty[0])
        resolved = self.resolve(ref, duty[0])
        answer = self.ask()
        second = self.second_story()
        self.say("The story is complete")
        return {
            "ref": ref,
            "duty": duty,
            "climbed": climbed,
            "taken": taken,
            "resolved": resolved,
            "answer": answer,
            "second": second,
        }


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Play the Tân Phú story on the local stack")
    parser.add_argument(
        "--pace", type=float, default=0.7, help="real seconds per simulated minute (default 0.7)"
    )
    parser.add_argument("--timeout", type=float, default=30.0, help="seconds allowed per step")
    parser.add_argument(
        "--report", type=Path, help="where to write the page (default: bao-cao.html in the logs)"
    )
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    began = time.monotonic()
    # The story calls the escalator itself after each simulated minute: the
    # stack's own scheduler thread stays out of the way.
    stack = Stack(tick=3600, fast_clock=True)
    print(f"Starting the local stack (logs in {stack.logdir}) …", flush=True)
    try:
        stack.start()
        if not stack.seeded:
            raise StackError(f"the demo seed failed: {stack.seed_error}")
        print(f"Started in {time.monotonic() - began:.1f} s; seed: {stack.seed_summary}")
        client = StandinClient(stack.standin_url)
        story = Story(
            stack, client, out=lambda s: print(s, flush=True), pace=args.pace, timeout=args.timeout
        )
        result = story.play()
        page = (args.report or stack.logdir / "bao-cao.html").resolve()
        story.write_report(page)
        client.close()
    except KeyboardInterrupt:
        print("\nInterrupted.", flush=True)
        return 130
    except (DemoError, StackError) as exc:
        print(f"\n!! the demo failed: {exc}\n   logs: {stack.logdir}", file=sys.stderr, flush=True)
        return 1
    finally:
        stack.stop()
    print(
        f"\nTip {result['ref']}: reported, climbed {len(result['climbed'])} steps, taken, "
        f"resolved; a residence question answered. Tip {result['second']['ref']}: urgent on "
        f"the plea, closed too early, reopened when the citizen wrote back, taken again. "
        f"{time.monotonic() - began:.0f} s in all.\n"
        f"The commander's page: {page.as_uri()}",
        flush=True,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
