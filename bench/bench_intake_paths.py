"""How long the webhook takes on each of its paths (issue 14: durable first).

The webhook's `handle()` in this process (the deployed code, its production
budget: 1.5 s, 0.4 s of it kept for the fallback), on the Firestore and Pub/Sub
emulators, one request at a time:

    stored        a citizen's message stored in Firestore (a new tip, then joins)
    duplicate     the same delivery again
    quarantined   a signed event of a shape we do not model, kept raw
    refused       a message Firestore cannot take (text that is not UTF-8): kept raw
    stale         a signed event older than the age limit: refused (403), nothing written
    deferred      Firestore stopped: the raw event handed to Pub/Sub (fails fast)
    deferred-slow Firestore frozen (answers nothing): Pub/Sub after the storage budget
    unavailable   Firestore and Pub/Sub both stopped: the only 503

Printed and written to bench/results/intake_paths.json: median and p95 per path,
and the median against the stored path's (a ratio, as every benchmark here).
No test asserts any of it.

Run: .venv/bin/python bench/bench_intake_paths.py [--n 40]
"""

from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from common import Cleanup, on_sigterm  # noqa: E402
from inprocess_line import APP_ID, OA_ID, OA_SECRET_KEY, start_emulators  # noqa: E402

from local import emulators  # noqa: E402

RESULT = ROOT / "bench" / "results" / "intake_paths.json"
PROJECT = "tinbao-bench-paths"


def event(n: int, text: str, at: datetime, user: str = "8471209356612347001") -> dict[str, Any]:
    return {
        "app_id": APP_ID,
        "sender": {"id": user},
        "user_id_by_app": "552177279717587730",
        "recipient": {"id": OA_ID},
        "event_name": "user_send_text",
        "message": {"text": text, "msg_id": f"path{os.getpid()}-{n}"},
        "timestamp": str(int(at.timestamp() * 1000)),
    }


def signed(body: dict[str, Any], ascii_only: bool = False) -> tuple[bytes, dict[str, str]]:
    from shared.zalo import signature

    raw = json.dumps(body, ensure_ascii=ascii_only).encode()
    header = signature.header_for(APP_ID, raw, str(body["timestamp"]), OA_SECRET_KEY)
    return raw, {"X-ZEvent-Signature": header, "Content-Type": "application/json"}


def measure(
    hook: Any, make: Callable[[int], tuple[bytes, dict[str, str]]], n: int, want: int, status: str
) -> list[float]:
    times = []
    for i in range(n):
        raw, headers = make(i)
        start = time.perf_counter()
        body, code = hook.handle("POST", headers, lambda _n, r=raw: r)
        times.append((time.perf_counter() - start) * 1000)
        if code != want or (status and body.get("status") != status):
            raise RuntimeError(f"expected {want} {status}, got {code} {body}")
    return times


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "n": len(times),
        "median_ms": statistics.median(ordered),
        "p95_ms": ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))],
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40, help="requests per fast path")
    parser.add_argument("--slow", type=int, default=5, help="requests per slow path")
    args = parser.parse_args()
    on_sigterm()
    cleanup = Cleanup()
    try:
        fs, ps = start_emulators(cleanup)
        os.environ.update(
            {
                "FIRESTORE_EMULATOR_HOST": fs.host,
                "PUBSUB_EMULATOR_HOST": ps.host,
                "GOOGLE_CLOUD_PROJECT": PROJECT,
                "TINBAO_EVENTS_TOPIC": emulators.load_topology()["events_topic"],
                "ZALO_APP_ID": APP_ID,
                "ZALO_OA_ID": OA_ID,
                "ZALO_OA_SECRET_KEY": OA_SECRET_KEY,
                "TINBAO_PSEUDONYM_KEY": "bench-pseudonym-key",
            }
        )
        for name in ("TINBAO_OAS", "TINBAO_LOCAL_CLOCK_FILE", "TINBAO_WEBHOOK_BUDGET_SECONDS"):
            os.environ.pop(name, None)
        emulators.create_topology(PROJECT)
        emulators.reset_firestore(fs.host, PROJECT)

        from shared import bootstrap

        hook = bootstrap.get_webhook()
        now = datetime.now(UTC)
        counter = iter(range(10**9))
        from shared.logs import Logger

        hook.log = Logger("webhook", stream=open(os.devnull, "w"))  # noqa: SIM115
        hook.door.log = hook.log

        def fresh(i: int, user: str | None = None) -> tuple[bytes, dict[str, str]]:
            text = "Co nguoi ban ma tuy o hem 12 phuong Tan Son Nhi, lan " + str(i)
            who = user or f"84712093566123{i % 20:05d}"
            return signed(event(next(counter), text, now, who))

        # Warm the clients and the emulators' JIT outside every measurement.
        measure(hook, fresh, 20, 200, "")  # the first may be deferred: a cold client
        paths: dict[str, list[float]] = {}
        paths["stored"] = measure(hook, fresh, args.n, 200, "stored")
        repeat = fresh(0)
        measure(hook, lambda _i: repeat, 1, 200, "stored")
        paths["duplicate"] = measure(hook, lambda _i: repeat, args.n, 200, "duplicate")

        def odd(i: int) -> tuple[bytes, dict[str, str]]:
            body = event(next(counter), "alo", now)
            body["sender"] = {"id": 8471209356612347001}  # a number: not our model
            return signed(body)

        paths["quarantined"] = measure(hook, odd, args.n, 200, "quarantined")

        def not_utf8(i: int) -> tuple[bytes, dict[str, str]]:
            return signed(event(next(counter), "co nguoi \ud83d danh nhau", now), ascii_only=True)

        paths["refused"] = measure(hook, not_utf8, args.n, 200, "quarantined")

        def stale(i: int) -> tuple[bytes, dict[str, str]]:
            return signed(event(next(counter), "alo", now - timedelta(hours=25)))

        paths["stale"] = measure(hook, stale, args.n, 403, "")

        # Frozen first: a stopped emulator leaves the client's connection backing off,
        # and a frozen one must be waited for, which is what this path measures.
        seen = io.StringIO()
        hook.log = hook.door.log = Logger("webhook", stream=seen)
        fs.freeze()
        try:
            paths["deferred-slow"] = measure(hook, fresh, args.slow, 200, "deferred")
        finally:
            fs.thaw()
        # Waited for (the client's deadline, StorageError, or the webhook's, TimeoutError).
        reasons = {json.loads(x).get("storage") for x in seen.getvalue().splitlines()}
        if min(paths["deferred-slow"]) < 0.8 * (1.5 - 0.4) * 1000:
            raise RuntimeError(f"deferred-slow was not slow: {paths['deferred-slow']} {reasons}")
        measure(hook, fresh, 10, 200, "")  # Firestore answers again
        fs.stop()
        try:
            paths["deferred"] = measure(hook, fresh, args.n, 200, "deferred")
            ps.stop()
            paths["unavailable"] = measure(hook, fresh, args.slow, 503, "")
        finally:
            bootstrap.reset()

        figures = {name: summary(times) for name, times in paths.items()}
        base = figures["stored"]["median_ms"]
        rows = [
            {
                "benchmark": "intake_paths",
                "metric": f"webhook {name}: median (p95)",
                "value": f["median_ms"],
                "unit": "ms",
                "baseline": base,
                "ratio": f["median_ms"] / base,
                "target": "< 2000 ms (Zalo)" if name.startswith("deferred") else "",
                "met": f["p95_ms"] < 2000 if name.startswith("deferred") else None,
            }
            for name, f in figures.items()
        ]
        print(f"\n{'path':<14} {'median':>10} {'p95':>10} {'vs stored':>10}  n")
        for name, f in figures.items():
            print(
                f"{name:<14} {f['median_ms']:>8.1f}ms {f['p95_ms']:>8.1f}ms "
                f"{f['median_ms'] / base:>9.2f}x  {f['n']}"
            )
        RESULT.parent.mkdir(parents=True, exist_ok=True)
        RESULT.write_text(
            json.dumps(
                {"measured_at": datetime.now(UTC).isoformat(), "paths": figures, "summary": rows},
                indent=2,
            )
        )
        print(f"\nwritten to {RESULT.relative_to(ROOT)}")
        return 0
    finally:
        cleanup.run()


if __name__ == "__main__":
    sys.exit(main())
