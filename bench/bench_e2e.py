"""End to end: from the citizen's webhook POST to the first alert an officer receives.

p50 and p95 at 1, 10 and 50 tips a second; the target is p95 under 1 s at 10 a
second. The whole line runs as `make run` runs it (local/stack.py): both
emulators, the three functions as `functions-framework` processes, the router fed
by a real Pub/Sub PUSH subscription, the escalator called every 60 s, and the Zalo
stand-in (on a thread of this process) signing each citizen's message, POSTing it
to the webhook and taking the OA's sends.

Load: open loop. Tip i of a rate is due at start + i/rate, sent by a pool of
threads through the stand-in's control API (`POST /_standin/users/{id}/send`),
each from a distinct citizen, its text naming one of the five wards of the demo
seed (drugs, public order, gambling: each routes to that ward, whose duty
officers are on shift) and carrying a marker (`E2E<rate>-<i>`) that the alert
repeats. A sender that falls behind sends at once: the achieved rate and the
largest lag behind the schedule say whether the load generator kept up.

Measured: a poller reads the stand-in's timeline (`StandinClient.timeline(after)`)
every 0.25 s; the latency of a tip is the `at` of its first alert to an officer
minus the `at` of the citizen's message, both stamped by the stand-in when they
happen (the citizen's just before the webhook POST), so the poll interval does
not enter the figure. After each rate's window the benchmark waits (bounded) for
the stragglers: the backlog is the number of tips not yet alerted when the last
one was sent, and the drain the time from the last send to the last first alert.

The baseline is the line's own latency at 1 tip a second in the same run: the
ratio at 10 and 50 a second is what load adds. On this machine (2 cores shared
by both emulators' JVMs, three function servers, the stand-in and the load
generator) 50 a second is a saturation probe, not a production figure.

Run: .venv/bin/python bench/bench_e2e.py [--rates 1:20 10:20 50:10]
Writes bench/results/e2e.json.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import statistics
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import group_cpu_seconds, on_sigterm, with_ratios  # noqa: E402

from local.stack import Stack  # noqa: E402
from local.standin_client import StandinClient  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "e2e.json"
P95_TARGET_MS = 1000.0  # at 10 tips a second
TARGET_RATE = 10.0
WARDS = ("Tây Thạnh", "Tân Sơn Nhì", "Phú Thọ Hòa", "Phú Thạnh", "Tân Phú")
TEXTS = (
    "Có nhóm thanh niên sử dụng ma túy trong khách sạn ở phường {ward}",
    "Có nhóm thanh niên tụ tập gây rối, đánh nhau trước quán nhậu ở phường {ward}",
    "Có người tổ chức đánh bạc trong nhà trọ ở phường {ward}",
)
POLL_SECONDS = 0.25
MAX_SENDERS = 48


@dataclass
class Sent:
    marker: str
    citizen: str
    scheduled: float  # perf_counter
    started: float = 0.0
    finished: float = 0.0
    status: int | None = None
    error: str | None = None


@dataclass
class Timeline:
    """What the stand-in saw, read incrementally: messages by seq, first alert by marker."""

    officers: set[str]
    last: int = 0
    user_at: dict[str, datetime] = field(default_factory=dict)
    first_alert_at: dict[str, datetime] = field(default_factory=dict)
    alert_seen_at: dict[str, float] = field(default_factory=dict)  # perf_counter at poll
    seen: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def absorb(self, page: dict[str, Any]) -> None:
        now = time.perf_counter()
        with self.lock:
            for m in page["messages"]:
                if m["seq"] in self.seen:
                    continue
                self.seen.add(m["seq"])
                text = m.get("text") or ""
                marker = _marker(text)
                if marker is None:
                    continue
                at = datetime.fromisoformat(m["at"])
                if m["from"] == "user":
                    self.user_at.setdefault(marker, at)
                elif m["user_id"] in self.officers and marker not in self.first_alert_at:
                    self.first_alert_at[marker] = at
                    self.alert_seen_at[marker] = now
            self.last = max(self.last, page["last"])


def _marker(text: str) -> str | None:
    start = text.find("(mã E2E")
    if start < 0:
        return None
    end = text.find(")", start)
    return text[start + 4 : end] if end > 0 else None


class Poller:
    def __init__(self, url: str, timeline: Timeline) -> None:
        self.client = StandinClient(url)
        self.timeline = timeline
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.errors = 0

    def _run(self) -> None:
        while not self.stop.wait(POLL_SECONDS):
            self.poll()

    def poll(self) -> None:
        try:
            self.timeline.absorb(self.client.timeline(self.timeline.last))
        except Exception:  # a slow answer under load: the next poll catches up
            self.errors += 1

    def __enter__(self) -> Poller:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join(timeout=10)
        self.poll()
        self.client.close()


def send_at_rate(url: str, label: str, rate: float, seconds: float) -> list[Sent]:
    """Open loop: tip i at start + i/rate, from a pool of senders."""
    count = max(1, round(rate * seconds))
    start = time.perf_counter() + 0.3
    sends = [
        Sent(f"E2E{label}-{i:05d}", f"e2e-{label}-citizen-{i:05d}", start + i / rate)
        for i in range(count)
    ]
    texts = itertools.cycle([t.format(ward=w) for t in TEXTS for w in WARDS])
    bodies = [f"{next(texts)} (mã {s.marker})" for s in sends]
    next_index = itertools.count()
    lock = threading.Lock()

    def sender() -> None:
        client = StandinClient(url, timeout=30.0)
        try:
            while True:
                with lock:
                    i = next(next_index)
                if i >= count:
                    return
                s = sends[i]
                delay = s.scheduled - time.perf_counter()
                if delay > 0:
                    time.sleep(delay)
                s.started = time.perf_counter()
                try:
                    answer = client.send_text(s.citizen, bodies[i])
                    s.status = answer.get("status")
                except Exception as exc:
                    s.error = f"{type(exc).__name__}: {exc}"
                s.finished = time.perf_counter()
        finally:
            client.close()

    senders = min(MAX_SENDERS, max(4, int(rate * 2)))
    threads = [threading.Thread(target=sender, daemon=True) for _ in range(senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=seconds + 120)
    return sends


def pct(values: list[float], q: int) -> float | None:
    if not values:
        return None
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def stack_cpu(stack: Stack) -> dict[str, float]:
    """CPU seconds so far of each function and emulator, and of this process (the
    stand-in, the load generator and the poller)."""
    groups = {name: f.pgid for name, f in stack.functions.items()}
    for emulator in (stack.firestore, stack.pubsub):
        if emulator is not None and emulator.process is not None:
            groups[emulator.name + "_emulator"] = emulator.process.pid
    out = {name: group_cpu_seconds(pgid) for name, pgid in groups.items() if pgid}
    times = os.times()
    out["bench_process"] = times.user + times.system
    return out


def one_rate(
    stack: Stack, timeline: Timeline, label: str, rate: float, seconds: float, drain: float
) -> dict[str, Any]:
    cpu_before, wall_before = stack_cpu(stack), time.perf_counter()
    sends = send_at_rate(stack.standin_url, label, rate, seconds)
    markers = [s.marker for s in sends]
    last_send = max(s.started for s in sends)
    deadline = time.perf_counter() + drain
    while time.perf_counter() < deadline:
        with timeline.lock:
            if all(m in timeline.first_alert_at for m in markers):
                break
        time.sleep(POLL_SECONDS)
    time.sleep(POLL_SECONDS * 2)  # one more poll
    cpu_after, wall = stack_cpu(stack), time.perf_counter() - wall_before
    with timeline.lock:
        latencies = {
            m: (timeline.first_alert_at[m] - timeline.user_at[m]).total_seconds()
            for m in markers
            if m in timeline.first_alert_at and m in timeline.user_at
        }
        alert_at = {m: timeline.first_alert_at[m] for m in latencies}
        user_at = {m: timeline.user_at[m] for m in markers if m in timeline.user_at}
    values = sorted(v * 1000 for v in latencies.values())
    started = sorted(s.started for s in sends)
    span = started[-1] - started[0]
    achieved = (len(started) - 1) / span if span > 0 else float(len(started))
    lags = [(s.started - s.scheduled) * 1000 for s in sends]
    answer_ms = [(s.finished - s.started) * 1000 for s in sends if s.finished]
    last_user = max(user_at.values()) if user_at else None
    backlog = (
        sum(1 for m in markers if m not in alert_at or alert_at[m] > last_user)
        if last_user
        else len(markers)
    )
    drain_s = (
        (max(alert_at.values()) - last_user).total_seconds() if alert_at and last_user else None
    )
    failures = [s.error or f"status {s.status}" for s in sends if s.error or s.status != 200]
    first_user = min(user_at.values()) if user_at else None
    alert_span = (
        (max(alert_at.values()) - first_user).total_seconds() if alert_at and first_user else None
    )
    cpu = {k: cpu_after.get(k, 0.0) - v for k, v in cpu_before.items()}
    result = {
        "target_rate": rate,
        "seconds": seconds,
        "sent": len(sends),
        "achieved_rate": achieved,
        "max_lag_behind_schedule_ms": max(lags),
        "p95_lag_behind_schedule_ms": pct(lags, 95),
        "webhook_not_200": len(failures),
        "failures": failures[:5],
        "alerted": len(values),
        "not_alerted": len(sends) - len(values),
        "p50_ms": pct(values, 50),
        "p95_ms": pct(values, 95),
        "p99_ms": pct(values, 99),
        "max_ms": max(values) if values else None,
        "mean_ms": statistics.fmean(values) if values else None,
        "backlog_at_last_send": backlog,
        "drain_after_last_send_s": drain_s,
        "send_answer_p50_ms": pct(answer_ms, 50),
        "send_answer_p95_ms": pct(answer_ms, 95),
        "poll_to_alert_wait_s": time.perf_counter() - last_send,
        # Tips alerted per second from the first citizen message to the last first alert:
        # under saturation, the line's capacity on this machine.
        "alerts_per_s": len(values) / alert_span if alert_span else None,
        "cpu_share_of_window": {k: round(v / wall, 3) for k, v in sorted(cpu.items())},
        "cpu_ms_per_tip": {k: round(v * 1000 / len(sends), 1) for k, v in sorted(cpu.items())},
        "window_s": wall,
    }
    print(
        f"{rate:>5g}/s x {seconds:g}s: sent {len(sends)} at {achieved:.1f}/s "
        f"(max lag {max(lags):.0f} ms), alerted {len(values)}, p50 {_ms(result['p50_ms'])}, "
        f"p95 {_ms(result['p95_ms'])}, max {_ms(result['max_ms'])}, backlog at last send "
        f"{backlog}, drained in {drain_s if drain_s is None else round(drain_s, 2)} s; "
        f"CPU share {result['cpu_share_of_window']}",
        flush=True,
    )
    return result


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.0f} ms"


def parse_rates(items: list[str]) -> list[tuple[float, float]]:
    out = []
    for item in items:
        rate, _, seconds = item.partition(":")
        out.append((float(rate), float(seconds or 20)))
    return out


def measure(args: argparse.Namespace) -> dict[str, Any]:
    started = time.perf_counter()
    with Stack(tick=60.0) as stack:
        start_s = time.perf_counter() - started
        if not stack.seeded:
            raise RuntimeError(f"the stack is not seeded: {stack.seed_summary}")
        officers = {o["zalo_user_id"] for o in stack.officers}
        timeline = Timeline(officers)
        results: dict[str, Any] = {}
        with Poller(stack.standin_url, timeline) as poller:
            # Warm-up: every function's first request (settings, rules, clients) and
            # the emulators' JVMs, outside the figures.
            warm = one_rate(stack, timeline, "warm", 2.0, args.warmup, drain=30.0)
            for rate, seconds in parse_rates(args.rates):
                time.sleep(1.0)
                results[f"{rate:g}"] = one_rate(
                    stack, timeline, f"r{rate:g}", rate, seconds, drain=args.drain
                )
            poll_errors = poller.errors
        dead = stack.dead_children()
        escalator_calls = list(stack.escalator_calls)
    return {
        "config": {
            "rates": args.rates,
            "warmup_seconds": args.warmup,
            "drain_max_s": args.drain,
            "poll_seconds": POLL_SECONDS,
            "max_senders": MAX_SENDERS,
            "cpus": os.cpu_count(),
            "python": sys.version.split()[0],
        },
        "stack_start_s": start_s,
        "warmup": warm,
        "rates": results,
        "poll_errors": poll_errors,
        "dead_children": dead,
        "escalator_calls": escalator_calls,
        "targets": {"p95_ms_max_at_10_per_s": P95_TARGET_MS},
    }


def summary_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    rates = result["rates"]
    base = rates.get("1", {}).get("p50_ms")
    rows: list[dict[str, Any]] = []
    for key, r in rates.items():
        rate = float(key)
        rows.append(
            {
                "metric": f"webhook POST -> first alert p50 at {key}/s",
                "value": r["p50_ms"],
                "unit": "ms",
                "baseline": base if rate != 1 else None,
            }
        )
        met = None
        target = ""
        if rate == TARGET_RATE:
            target = f"<= {P95_TARGET_MS:.0f} ms"
            met = r["p95_ms"] is not None and r["p95_ms"] <= P95_TARGET_MS and not r["not_alerted"]
        rows.append(
            {
                "metric": f"webhook POST -> first alert p95 at {key}/s",
                "value": r["p95_ms"],
                "unit": "ms",
                "baseline": base,
                "target": target,
                "met": met,
            }
        )
        rows.append(
            {
                "metric": f"achieved rate at {key}/s (not alerted {r['not_alerted']}, "
                f"backlog {r['backlog_at_last_send']})",
                "value": r["achieved_rate"],
                "unit": "/s",
                "baseline": rate,
            }
        )
    return rows


def print_table(result: dict[str, Any]) -> None:
    print()
    header = (
        f"{'rate':>6} {'sent':>5} {'achieved':>9} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} "
        f"{'max ms':>8} {'lost':>5} {'backlog':>8} {'drain s':>8} {'POST p95':>9} {'alerts/s':>9}"
    )
    print(header)
    print("-" * len(header))
    for key, r in result["rates"].items():

        def f(v: float | None, spec: str = ".0f") -> str:
            return "-" if v is None else format(v, spec)

        print(
            f"{key + '/s':>6} {r['sent']:>5} {r['achieved_rate']:>9.2f} {f(r['p50_ms']):>8} "
            f"{f(r['p95_ms']):>8} {f(r['p99_ms']):>8} {f(r['max_ms']):>8} "
            f"{r['not_alerted']:>5} {r['backlog_at_last_send']:>8} "
            f"{f(r['drain_after_last_send_s'], '.2f'):>8} {f(r['send_answer_p95_ms']):>9} "
            f"{f(r['alerts_per_s'], '.1f'):>9}"
        )
    ten = result["rates"].get(f"{TARGET_RATE:g}")
    if ten:
        verdict = (
            "met" if ten["p95_ms"] is not None and ten["p95_ms"] <= P95_TARGET_MS else "MISSED"
        )
        print(f"\ntarget p95 <= {P95_TARGET_MS:.0f} ms at {TARGET_RATE:g}/s: {verdict}")
    print(
        f"stack start {result['stack_start_s']:.1f} s; "
        f"escalator calls {result['escalator_calls']}; "
        f"dead children {result['dead_children'] or 'none'}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--rates", nargs="+", default=["1:20", "10:20", "50:10"], help="RATE:SECONDS ..."
    )
    parser.add_argument("--warmup", type=float, default=4.0, help="seconds at 2 tips/s first")
    parser.add_argument("--drain", type=float, default=40.0, help="max wait after each rate")
    args = parser.parse_args()
    on_sigterm()
    result = measure(args)
    result["summary"] = with_ratios(summary_rows(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
