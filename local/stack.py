"""The whole line on one machine: `make run` (``python -m local.stack``) and end-to-end tests.

`Stack` starts, each on a free port of 127.0.0.1:

- the Firestore and Pub/Sub emulators (local/emulators.py);
- the topics and subscriptions of infra/topology.yaml (the file Terraform reads),
  the router subscription as a PUSH subscription to the router's URL;
- the three functions, each a ``functions-framework`` process in its own process
  group, with a throwaway Zalo app and OA (ids, keys and tokens random per run);
- the Zalo stand-in (local/zalo_standin.py) on a thread: it signs webhook calls
  with the same OA secret key, answers the OA API and OAuth calls the functions
  make, and serves the page where a person writes as a citizen or an officer;
- the demo seed (units, officers, rosters) through ``shared.store.admin``,
  the initial token pair in ``oa_tokens/{oa_id}`` and in the stand-in;
- a scheduler thread that POSTs the escalator every ``tick`` seconds, as Cloud
  Scheduler does every minute.

``stop()`` ends every process group it started and waits until no process of
those groups is left, so a second run right after starts clean. Each child logs
to a file in ``logdir`` (printed by `make run`).

    with Stack(tick=1) as stack:
        StandinClient(stack.standin_url).send_text("demo-citizen-1", "...")
"""

from __future__ import annotations

import argparse
import concurrent.futures
import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from local import emulators
from local.processes import stop_group
from local.zalo_standin import (
    ACCESS_TOKEN_SECONDS,
    ZALO_RETRY_SCHEDULE,
    RunningStandin,
    StandinConfig,
    serve_in_thread,
)
from shared.clock import LOCAL_CLOCK_FILE
from shared.moving_clocks import OffsetFileClock

ROOT = Path(__file__).resolve().parents[1]
PROJECT = "tinbao-local"
SEED_FILE = ROOT / "shared" / "data" / "seed-demo.yaml"
WARDS_GEOJSON = ROOT / "shared" / "data" / "wards-2025.geojson"
EXAMPLE_CITIZEN = "demo-citizen-1"
EXAMPLE_LOCATION = ("10.7987", "106.6301")  # in Tân Sơn Nhì (the printed example)
# (name, entry point, source): the three Cloud Functions.
FUNCTIONS = (
    ("webhook", "zalo_webhook", "functions/webhook/main.py"),
    ("router", "route_event", "functions/router/main.py"),
    ("escalator", "escalate", "functions/escalator/main.py"),
)
# Requests each function's process serves at once: Cloud Run's concurrency per instance
# in infra/functions/main.tf (tests/test_terraform.py holds them equal), handed to the
# functions framework's gunicorn as THREADS (its default is 4 per CPU). The escalator
# keeps the framework's default: overlapping local calls (tests, the scheduler) stand
# for its two instances.
CONCURRENCY = {"webhook": 20, "router": 10}
# Variables of the parent's environment that must not leak into the functions.
_FOREIGN_PREFIXES = ("ZALO_", "TINBAO_", "FIRESTORE_EMULATOR", "PUBSUB_EMULATOR")


class StackError(RuntimeError):
    pass


# --- processes ------------------------------------------------------------------


def group_members(pgid: int) -> list[int]:
    """Live (non-zombie) processes of a process group, read from /proc."""
    members: list[int] = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # gone meanwhile
        # pid (comm) state ppid pgrp ...: comm may hold spaces and parentheses.
        fields = stat[stat.rfind(")") + 2 :].split()
        if len(fields) > 2 and int(fields[2]) == pgid and fields[0] not in ("Z", "X"):
            members.append(int(entry.name))
    return members


def wait_groups_empty(pgids: Sequence[int], timeout: float = 15.0) -> dict[int, list[int]]:
    """Poll until no process of these groups is alive; what is left after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        left = {pgid: members for pgid in pgids if (members := group_members(pgid))}
        if not left or time.monotonic() >= deadline:
            return left
        time.sleep(0.1)


def port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def free_ports(count: int) -> list[int]:
    """`count` distinct free ports (`free_port` never hands one out twice)."""
    return [emulators.free_port() for _ in range(count)]


@dataclass
class FunctionProcess:
    """One Cloud Function on the functions framework, in its own process group."""

    name: str
    target: str
    source: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def start(self, env: dict[str, str]) -> None:
        if self.name in CONCURRENCY:
            env = {**env, "THREADS": str(CONCURRENCY[self.name]), "WORKERS": "1"}
        binary = Path(sys.executable).with_name("functions-framework")
        command = str(binary) if binary.exists() else shutil.which("functions-framework")
        if command is None:
            raise StackError("functions-framework is not installed (make setup)")
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                [
                    command,
                    f"--target={self.target}",
                    f"--source={ROOT / self.source}",
                    "--host=127.0.0.1",
                    f"--port={self.port}",
                ],
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own group: gunicorn's worker goes with it
            )

    def wait_ready(self, timeout: float = 60.0) -> None:
        """Until the port accepts connections (the app is imported before gunicorn binds)."""
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise StackError(f"{self.name} exited:\n{_tail(self.log_path)}")
            if port_open(self.port):
                return
            time.sleep(0.1)
        raise StackError(
            f"{self.name} did not listen within {timeout:.0f} s:\n{_tail(self.log_path)}"
        )

    @property
    def pgid(self) -> int | None:
        return self.process.pid if self.process else None

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def stop(self) -> None:
        if self.process is None:
            return
        stop_group(self.process)


def _tail(path: Path, size: int = 3000) -> str:
    try:
        return path.read_text(errors="replace")[-size:]
    except OSError:
        return "(no log)"


@contextlib.contextmanager
def _environ(values: dict[str, str]) -> Iterator[None]:
    """Set variables for the Google clients created inside, then restore them."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


# --- the demo directory -------------------------------------------------------------


def ward_presets(unit_names: dict[str, str]) -> list[dict[str, str]]:
    """One location per ward of the demo, deep inside its polygon (the page's buttons).

    `unit_names`: unit id (``ward-<code>``) -> name. The point is the polygon's
    pole of inaccessibility, far from every boundary, so GPS resolves it to that
    ward without doubt.
    """
    import json

    from shapely.geometry import Point, shape
    from shapely.ops import polylabel

    features = json.loads(WARDS_GEOJSON.read_text())["features"]
    presets: list[dict[str, str]] = []
    for feature in features:
        code = str(feature["properties"]["code"])
        unit_name = unit_names.get(f"ward-{code}")
        if unit_name is None:
            continue
        geometry = shape(feature["geometry"])
        polygon = max(getattr(geometry, "geoms", [geometry]), key=lambda g: g.area)
        pole = polylabel(polygon, tolerance=0.00001)
        lat, lng = round(pole.y, 4), round(pole.x, 4)
        if not geometry.contains(Point(lng, lat)):
            raise StackError(f"the preset of ward {code} fell outside it")
        name = unit_name.removeprefix("Công an phường ").removeprefix("Công an ")
        presets.append({"code": code, "name": name, "lat": f"{lat:.4f}", "lng": f"{lng:.4f}"})
    return presets


def demo_directory(seed_text: str) -> dict[str, list[dict[str, str]]]:
    """The stand-in page's directory from a seed: its pre-enrolled officers and ward presets."""
    from shared.core.seed import load_seed

    seed = load_seed(seed_text)
    names = {u.unit_id: u.name for u in seed.units}
    officers = [
        {
            "zalo_user_id": o.zalo_user_id,
            "name": o.name,
            "unit_id": o.unit_id,
            "unit_name": names.get(o.unit_id, o.unit_id),
            "role": o.role,
        }
        for o in seed.officers
        if o.zalo_user_id and o.active
    ]
    return {"officers": officers, "wards": ward_presets(names)}


# --- the stack ------------------------------------------------------------------------


def _numeric_id(digits: int = 18) -> str:
    """A Zalo-like id: a decimal string beyond 2^53 (never a number)."""
    return str(10 ** (digits - 1) + secrets.randbelow(9 * 10 ** (digits - 1)))


@dataclass
class Secrets:
    """A throwaway Zalo app and OA for one run: random each time, never written to disk."""

    app_id: str = field(default_factory=_numeric_id)
    oa_id: str = field(default_factory=_numeric_id)
    oa_secret_key: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    app_secret: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    pseudonym_key: str = field(default_factory=lambda: secrets.token_urlsafe(24), repr=False)
    access_token: str = field(
        default_factory=lambda: f"local-access-{secrets.token_hex(12)}", repr=False
    )
    refresh_token: str = field(
        default_factory=lambda: f"local-refresh-{secrets.token_hex(12)}", repr=False
    )


class Stack:
    """Everything `make run` starts; a context manager for end-to-end tests."""

    def __init__(
        self,
        *,
        tick: float = 60.0,
        seed_file: Path | None = SEED_FILE,
        profile: str = "2025",
        project: str = PROJECT,
        standin_port: int = 0,
        retry_schedule: tuple[float, ...] = ZALO_RETRY_SCHEDULE,
        logdir: Path | None = None,
        fast_clock: bool = False,
    ) -> None:
        self.tick = tick
        self.seed_file = seed_file
        self.profile = profile
        self.project = project
        self.standin_port = standin_port
        self.retry_schedule = retry_schedule
        self.logdir = logdir or Path(tempfile.mkdtemp(prefix="tinbao-stack-"))
        self.secrets = Secrets()
        self.topology = emulators.load_topology()
        # fast_clock: the functions read the system clock plus the offset in this
        # file (shared.clock.clock_from_env, local only); advance_clock() moves it
        # and the stand-in's clock together.
        self.clock_file: Path | None = self.logdir / "clock-offset" if fast_clock else None
        self.clock_offset = 0.0
        self.firestore: emulators.Emulator | None = None
        self.pubsub: emulators.Emulator | None = None
        self.functions: dict[str, FunctionProcess] = {}
        self.standin: RunningStandin | None = None
        self.seed_summary: str = "not seeded"
        self.seeded = False
        self.seed_error: str | None = None
        self.officers: list[dict[str, str]] = []
        self.escalator_calls: list[int | None] = []  # HTTP status of each scheduler call
        self.leftovers: dict[int, list[int]] = {}
        self._pgids: list[int] = []
        self._stopping = threading.Event()
        self._scheduler: threading.Thread | None = None
        self._started = False
        self._stopped = False

    # --- addresses ---------------------------------------------------------------

    @property
    def standin_url(self) -> str:
        assert self.standin is not None, "the stack is not started"
        return self.standin.url

    @property
    def webhook_url(self) -> str:
        return self.functions["webhook"].url

    @property
    def router_url(self) -> str:
        return self.functions["router"].url

    @property
    def escalator_url(self) -> str:
        return self.functions["escalator"].url

    @property
    def emulator_env(self) -> dict[str, str]:
        """What a client of this stack's emulators needs (tests use it with monkeypatch)."""
        assert self.firestore is not None and self.pubsub is not None
        return {
            "FIRESTORE_EMULATOR_HOST": self.firestore.host,
            "PUBSUB_EMULATOR_HOST": self.pubsub.host,
            "GOOGLE_CLOUD_PROJECT": self.project,
            **emulators.database_env(),
        }

    def function_env(self) -> dict[str, str]:
        """The environment of the three functions (secrets included: local values only)."""
        base = {
            k: v
            for k, v in os.environ.items()
            if not k.startswith(_FOREIGN_PREFIXES) and k != "GOOGLE_CLOUD_PROJECT"
        }
        s = self.secrets
        return {
            **base,
            **self.emulator_env,
            "TINBAO_EVENTS_TOPIC": self.topology["events_topic"],
            "TINBAO_PROFILE": self.profile,
            "ZALO_APP_ID": s.app_id,
            "ZALO_OA_ID": s.oa_id,
            "ZALO_OA_SECRET_KEY": s.oa_secret_key,
            "ZALO_APP_SECRET": s.app_secret,
            "TINBAO_PSEUDONYM_KEY": s.pseudonym_key,
            "ZALO_API_BASE": self.standin_url,
            "ZALO_OAUTH_BASE": self.standin_url,
            "PYTHONUNBUFFERED": "1",
            **({LOCAL_CLOCK_FILE: str(self.clock_file)} if self.clock_file else {}),
        }

    def process_groups(self) -> list[int]:
        """Every process group this stack started (emulators and functions)."""
        return list(self._pgids)

    # --- lifecycle -------------------------------------------------------------------

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> Stack:
        if self._started:
            raise StackError("a Stack starts once; make a new one")
        self._started = True
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        emulators.require_tools()
        self.firestore = emulators.firestore_emulator()
        self.pubsub = emulators.pubsub_emulator()
        for emulator in (self.firestore, self.pubsub):
            emulator.log_path.unlink(missing_ok=True)  # the default temp file: log here instead
            emulator.log_path = self.logdir / f"{emulator.name}.log"
        ports = free_ports(len(FUNCTIONS))
        for (name, target, source), port in zip(FUNCTIONS, ports, strict=True):
            self.functions[name] = FunctionProcess(
                name, target, source, port, self.logdir / f"{name}.log"
            )

        if self.clock_file is not None:
            OffsetFileClock(self.clock_file).set_offset(0.0)
        with concurrent.futures.ThreadPoolExecutor(2) as pool:
            futures = [pool.submit(self._start_emulator, e) for e in (self.firestore, self.pubsub)]
            errors = [f.exception() for f in futures]
        for error in errors:
            if error is not None:
                raise error

        s = self.secrets
        self.standin = serve_in_thread(
            StandinConfig(
                app_id=s.app_id,
                oa_id=s.oa_id,
                oa_secret_key=s.oa_secret_key,
                app_secret=s.app_secret,
                webhook_url=self.webhook_url,
                access_token=s.access_token,
                refresh_token=s.refresh_token,
                retry_schedule=self.retry_schedule,
            ),
            port=self.standin_port,
        )

        with _environ(self.emulator_env):
            self._create_topology()
            self._write_firestore()

        env = self.function_env()
        for function in self.functions.values():
            function.start(env)
            assert function.pgid is not None
            self._pgids.append(function.pgid)
        for function in self.functions.values():
            function.wait_ready()

        directory = (
            demo_directory(self.seed_file.read_text())
            if self.seed_file
            else {"officers": [], "wards": []}
        )
        self.officers = directory["officers"]
        self.standin.standin.set_directory(directory["officers"], directory["wards"])
        # Pre-enrolled officers count as having checked in: Zalo lets the OA message
        # only users who interacted in the last 7 days.
        for officer in self.officers:
            self.standin.standin.record_interaction(officer["zalo_user_id"])

        self._scheduler = threading.Thread(target=self._schedule, name="scheduler", daemon=True)
        self._scheduler.start()

    def _start_emulator(self, emulator: emulators.Emulator) -> None:
        emulator.start()
        assert emulator.process is not None
        self._pgids.append(emulator.process.pid)

    def _create_topology(self) -> None:
        emulators.create_topology(self.project, router_push_endpoint=self.router_url)

    # --- what the end-to-end tests and the demo do to a running stack ---------------

    def now(self) -> datetime:
        """The functions' time (the system's plus the fast clock's offset)."""
        return datetime.now(UTC) + timedelta(seconds=self.clock_offset)

    def advance_clock(self, seconds: float) -> datetime:
        """Move the functions' clock and the stand-in's together (needs fast_clock)."""
        if self.clock_file is None or self.standin is None:
            raise StackError("advance_clock needs a started Stack(fast_clock=True)")
        self.clock_offset += seconds
        OffsetFileClock(self.clock_file).set_offset(self.clock_offset)
        self.standin.standin.set_clock(seconds, None)
        return self.now()

    def escalate(self) -> tuple[int, dict[str, Any]]:
        """One escalator run now, as Cloud Scheduler makes it: (HTTP status, summary)."""
        response = httpx.post(self.escalator_url, json={}, timeout=60.0)
        return response.status_code, response.json()

    def stop_emulator(self, name: str) -> None:
        """Kill the Firestore or Pub/Sub emulator (everything it held is lost)."""
        emulator = {"firestore": self.firestore, "pubsub": self.pubsub}[name]
        assert emulator is not None
        emulator.stop()

    def start_emulator(self, name: str) -> None:
        """Start it again on the same port: Pub/Sub gets its topology back, Firestore
        the demo seed and the token pair (an emulator keeps nothing across a restart)."""
        emulator = {"firestore": self.firestore, "pubsub": self.pubsub}[name]
        assert emulator is not None and emulator.process is None
        self._start_emulator(emulator)
        with _environ(self.emulator_env):
            if name == "pubsub":
                self._create_topology()
            else:
                self._write_firestore()

    def _write_firestore(self) -> None:
        """The initial token pair (the stand-in holds the same) and the demo seed."""
        from shared.core.jurisdiction import load_profile
        from shared.core.seed import load_seed
        from shared.store import admin as firestore_admin
        from shared.zalo.tokens import TokenPair

        db = firestore_admin.connect(self.project, emulators.LOCAL_DATABASES)
        pair = TokenPair(
            self.secrets.access_token, self.secrets.refresh_token, ACCESS_TOKEN_SECONDS
        )
        firestore_admin.store_token_pair(db, self.secrets.oa_id, pair, datetime.now(UTC))
        if self.seed_file is None:
            self.seed_summary = "none (no seed file)"
            return
        seed = load_seed(self.seed_file.read_text())
        try:
            summary = firestore_admin.write_seed(db, seed, load_profile(self.profile))
        except Exception as exc:
            # Loud but not fatal: the page, the webhook and the stand-in still work,
            # and `seeded` stays False for the tests that need the seed.
            self.seed_error = f"{type(exc).__name__}: {exc}"
            self.seed_summary = f"!! FAILED, nothing routes to officers: {self.seed_error}"
            return
        self.seeded = True
        self.seed_summary = (
            f"{_relative(self.seed_file)}: {summary.units} units, {summary.officers} officers "
            f"({summary.pre_enrolled} pre-enrolled), {summary.rosters} rosters"
        )

    def _schedule(self) -> None:
        """Cloud Scheduler's stand-in: POST the escalator every `tick` seconds until stop."""
        with (
            httpx.Client(timeout=30.0) as http,
            (self.logdir / "scheduler.log").open("a", buffering=1) as log,
        ):
            while not self._stopping.wait(self.tick):
                at = datetime.now(UTC).isoformat(timespec="seconds")
                try:
                    response = http.post(self.escalator_url, json={})
                except httpx.HTTPError as exc:
                    self.escalator_calls.append(None)
                    log.write(f"{at} escalator: {type(exc).__name__}\n")
                    continue
                self.escalator_calls.append(response.status_code)
                log.write(f"{at} escalator: HTTP {response.status_code} {response.text[:200]}\n")

    def stop(self) -> None:
        """Stop everything this stack started; safe to call twice and after a failed start."""
        if self._stopped:
            return
        self._stopped = True
        self._stopping.set()
        if self._scheduler is not None:
            self._scheduler.join(timeout=35)
            self._scheduler = None
        if self.standin is not None:
            self.standin.stop()
        for function in self.functions.values():
            function.stop()
        for emulator in (self.firestore, self.pubsub):
            if emulator is not None:
                emulator.stop()
        self.leftovers = wait_groups_empty(self._pgids)
        for members in self.leftovers.values():  # last resort: never leave orphans
            for pid in members:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def dead_children(self) -> list[str]:
        """Names of children that exited while the stack runs."""
        dead = [f.name for f in self.functions.values() if not f.alive()]
        for emulator in (self.firestore, self.pubsub):
            if emulator is not None and (
                emulator.process is None or emulator.process.poll() is not None
            ):
                dead.append(emulator.name)
        return dead

    # --- what `make run` prints ------------------------------------------------------

    def describe(self) -> str:
        assert self.firestore is not None and self.pubsub is not None
        topo = self.topology
        sub = topo["router_subscription"]["name"]
        rows = [
            ("Firestore emulator", self.firestore.host, f"project {self.project}"),
            (
                "Pub/Sub emulator",
                self.pubsub.host,
                f"{topo['events_topic']} → push {sub} → router",
            ),
            ("webhook  (zalo_webhook)", self.webhook_url, "the stand-in POSTs signed events here"),
            ("router   (route_event)", self.router_url, f"push endpoint of {sub}"),
            ("escalator (escalate)", self.escalator_url, f"POSTed every {self.tick:g} s"),
            ("Zalo stand-in", self.standin_url + "/", "page · OA API · OAuth · /_standin/ control"),
        ]
        width = max(len(r[0]) for r in rows)
        where = max(len(r[1]) for r in rows)
        lines = [f"tinbao local stack · profile {self.profile} · OA {self.secrets.oa_id}", ""]
        lines += [f"  {a:<{width}}  {b:<{where}}  {c}" for a, b, c in rows]
        base = self.standin_url
        send = f"{base}/_standin/users/{EXAMPLE_CITIZEN}/send"
        tip = '{"text": "Có nhóm thanh niên đua xe, lạng lách, nẹt pô trước nhà tôi"}'
        lat, lng = EXAMPLE_LOCATION
        loc = f'{{"location": {{"lat": "{lat}", "lng": "{lng}"}}}}'
        lines += [
            "",
            f"  seed: {self.seed_summary}",
            f"  logs: {self.logdir}",
            "",
            "Try it:",
            f"  open {base}/   (a citizen's chat and the officers' chats)",
            f"  curl -s {send} -H 'Content-Type: application/json' -d '{tip}'",
            f"  curl -s {send} -H 'Content-Type: application/json' -d '{loc}'",
            f"  curl -s {base}/_standin/inbox/{EXAMPLE_CITIZEN}",
            "",
            "Ctrl-C stops everything.",
        ]
        return "\n".join(lines)


def _relative(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run tinbao locally (make run)")
    parser.add_argument("--tick", type=float, default=60.0, help="escalator period, seconds")
    parser.add_argument("--seed", type=Path, default=SEED_FILE, help="seed file (YAML)")
    # The demo's story is Tân Phú's: the local stack pins that profile unless told.
    parser.add_argument(
        "--profile", default="2025", help="jurisdiction profile: 2025 (default), hcm or 2021"
    )
    parser.add_argument("--standin-port", type=int, default=0, help="stand-in port (0: free)")
    parser.add_argument(
        "--retry-schedule",
        default=",".join(f"{s:g}" for s in ZALO_RETRY_SCHEDULE),
        help="stand-in webhook retries, seconds, comma separated (Zalo: 30,300,900,1800,3600)",
    )
    args = parser.parse_args(argv)
    # Explicit: a shell that starts us in the background ignores SIGINT by default.
    signal.signal(signal.SIGINT, _terminate)
    signal.signal(signal.SIGTERM, _terminate)
    stack = Stack(
        tick=args.tick,
        seed_file=args.seed,
        profile=args.profile,
        standin_port=args.standin_port,
        retry_schedule=tuple(float(s) for s in args.retry_schedule.split(",") if s.strip()),
    )
    print(f"Starting the emulators and functions (logs in {stack.logdir}) …", flush=True)
    try:
        stack.start()
        print(stack.describe(), flush=True)
        reported: set[str] = set()
        while not stack._stopping.wait(2.0):
            for name in set(stack.dead_children()) - reported:
                reported.add(name)
                print(f"!! {name} exited; see {stack.logdir}/{name}.log", flush=True)
    except KeyboardInterrupt:
        print("\nStopping …", flush=True)
    except (StackError, emulators.EmulatorError) as exc:
        print(f"tinbao stack failed: {exc}", file=sys.stderr, flush=True)
        return 1
    finally:
        stack.stop()
    if stack.leftovers:
        print(f"!! processes outlived the stop and were killed: {stack.leftovers}", flush=True)
    print(f"Stopped. Logs kept in {stack.logdir}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
