"""The escalator's run time with 100, 1,000 and 10,000 open tips of which few are due.

It must stay flat: one run reads the schedule (one range query on each place it
is kept, `shared.store.collections.SCHEDULED`: `due.at`, and `due_at` on
tips, messages, alerts and replies; oldest first), never the open tips that are
not due, so neither its time nor its reads should grow with the number of tips
waiting for a later step.

On the emulators, in one process (bench/inprocess_line.py): the demo seed, the
Zalo stand-in serving the sends, and the escalator built by
`shared.bootstrap.build_escalator` against them, on a fixed clock (a day shift).

Open tips are written straight into Firestore in batches, as the router leaves
them: one real tip is sent by a citizen and routed first, and its stored
document is the template; each open tip is that tip as received, given to its
unit by the router's own transition (`shared.core.routing.plan_route`: policy
snapshot, ladder at step one, classification, ward) and written as the store's
`change_tip` writes it (the tip with `updated_at`, `next_action_at` and its
ladder's entry of the schedule, `due_at`). The router's audit event
(an entry of the tip's `events` list) is not written: nothing in a run reads it. The open
tips were routed one minute before the run (their next step is four minutes
away); the due ones six minutes before (their second step is one minute overdue).

Per size: `--idle-runs` runs with nothing due (the query alone), then `--runs`
runs each with `--due` fresh due tips (each run steps them, alerting the next
rung of officers through the stand-in). Median and minimum wall time, the run's
own `RunSummary.reads`, and the documents read as Firestore bills them (counted
at the client's RPC layer, bench/firestore_counter.py). Also the run on an empty
schedule, whose reads must be one a query (`len(SCHEDULED)`). The ratio of the
largest size's median to the smallest's, measured in the same run, is the
flatness figure.

Note: the emulator is not Firestore. It keeps documents in memory and may scan
a collection to answer a query, so its time can grow with the collection where
Firestore's index would not; the billed reads are the figure that transfers.

Run: .venv/bin/python bench/bench_escalator.py [--sizes 100 1000 10000] [--runs 5]
Writes bench/results/escalator.json.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import firestore_counter  # noqa: E402
from common import Cleanup, on_sigterm, with_ratios  # noqa: E402
from inprocess_line import DAY, Line  # noqa: E402

from shared.core import routing  # noqa: E402
from shared.core.tip import TipStatus  # noqa: E402
from shared.store.collections import DUE_AT, SCHEDULED  # noqa: E402
from shared.store.documents import tip_from_doc, tip_updates  # noqa: E402

RESULTS = ROOT / "bench" / "results" / "escalator.json"
TIP = "Có nhóm thanh niên sử dụng ma túy trong khách sạn ở phường Tân Sơn Nhì"
RUN_AT = DAY + timedelta(minutes=2)  # the template tip (routed at DAY) is not due yet
BATCH_TIPS = 250  # two writes each: 500 writes per commit, Firestore's limit
FLAT_RATIO_TARGET = 1.5  # largest size's median run time / smallest size's, same run
# The router's fields: what _assign sets, dropped from the template to get the tip as received.
ROUTER_FIELDS = (
    "status",
    "unit_id",
    "routed_at",
    "policy",
    "ladder",
    "held_by",
    "classification",
    "ward_code",
    "map",
    "resolution",
    "next_action_at",
)


class TipFactory:
    """Open tips as the router leaves them, from one real routed tip."""

    def __init__(self, line: Line, template_ref: str) -> None:
        stored = line.tip(template_ref)
        self.line = line
        self.received = {k: v for k, v in stored.items() if k not in ROUTER_FIELDS}
        self.received["status"] = TipStatus.RECEIVED.value
        self.profile = line.escalator.profile
        self.policies = line.escalator.policies
        self.count = 0

    def routed(self, ref: str, routed_at: Any) -> dict[str, Any]:
        """The document of a tip routed at `routed_at`, as change_tip writes it."""
        tip = {
            **self.received,
            "ref": ref,
            "reporter_key": f"r_bench_{ref}",
            "created_at": routed_at - timedelta(seconds=5),
            "last_message_at": routed_at - timedelta(seconds=5),
            "texts": [
                {**t, "at": routed_at - timedelta(seconds=5)} for t in self.received["texts"]
            ],
        }
        change = routing.plan_route(self.profile, self.policies, tip_from_doc(tip), routed_at)
        assert change is not None
        tip.update(tip_updates(tip, change.tip))
        tip["updated_at"] = routed_at
        tip[DUE_AT] = change.tip.next_action_at
        return tip

    def write(self, count: int, routed_at: Any, prefix: str, threads: int = 4) -> list[str]:
        db = self.line.db.main  # tips live in (default); a batch spans one database
        refs = [f"{prefix}{self.count + i:06d}" for i in range(count)]
        self.count += count

        def commit(chunk: list[str]) -> None:
            batch = db.batch()
            for ref in chunk:
                batch.set(db.collection("tips").document(ref), self.routed(ref, routed_at))
            batch.commit()

        chunks = [refs[i : i + BATCH_TIPS] for i in range(0, len(refs), BATCH_TIPS)]
        with concurrent.futures.ThreadPoolExecutor(threads) as pool:
            list(pool.map(commit, chunks))
        return refs


def timed_run(line: Line) -> dict[str, Any]:
    """One run at RUN_AT: wall time, time in the `due` query, RunSummary, billed counts."""
    counter = firestore_counter.COUNTER
    counter.reset()
    store = line.escalator.store
    query_s: list[float] = []
    original = store.due

    def due(*args: Any, **kwargs: Any) -> Any:
        begin = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            query_s.append(time.perf_counter() - begin)

    store.due = due
    try:
        start = time.perf_counter()
        with counter.phase("run"):
            summary = line.escalator.run(RUN_AT)
        elapsed = time.perf_counter() - start
    finally:
        del store.due  # back to the class's method
    billed = firestore_counter.billed(counter.total())
    return {
        "ms": elapsed * 1000,
        "query_ms": sum(query_s) * 1000,
        "summary": summary.as_dict(),
        "billed": billed,
    }


def bare_query_ms(line: Line, repeat: int = 5) -> float:
    """Baseline: the emulator answering a range query on `due` that matches nothing
    (Firestore would read one index entry); median of `repeat`."""
    from google.cloud.firestore_v1.base_query import FieldFilter

    query = (
        line.db.collection("due")
        .where(filter=FieldFilter("at", "<=", DAY - timedelta(days=365)))
        .order_by("at")
        .limit(100)
    )
    times = []
    with firestore_counter.COUNTER.paused():
        for _ in range(repeat):
            start = time.perf_counter()
            list(query.stream())
            times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def describe(runs: list[dict[str, Any]]) -> dict[str, Any]:
    times = [r["ms"] for r in runs]
    return {
        "runs": len(runs),
        "median_ms": statistics.median(times),
        "min_ms": min(times),
        "max_ms": max(times),
        "all_ms": [round(t, 1) for t in times],
        "query_median_ms": statistics.median(r["query_ms"] for r in runs),
        "summary_reads": sorted({r["summary"]["reads"] for r in runs}),
        "billed_reads_median": statistics.median(r["billed"]["reads"] for r in runs),
        "billed_reads_all": [r["billed"]["reads"] for r in runs],
        "billed_writes_median": statistics.median(r["billed"]["writes"] for r in runs),
        "due_per_run": sorted({r["summary"]["due"] for r in runs}),
        "steps_per_run": sorted({r["summary"]["steps"] for r in runs}),
        "failures": sum(r["summary"]["failures"] for r in runs),
    }


def measure(line: Line, args: argparse.Namespace) -> dict[str, Any]:
    empty = timed_run(line)  # nothing in `due` at all (the seed writes none)
    if empty["summary"]["reads"] != len(SCHEDULED):
        print(f"!! an empty run read {empty['summary']['reads']}", file=sys.stderr)

    line.standin.send_text("bench-citizen-template", TIP)
    if line.pump(1) != [200]:
        raise RuntimeError("the template tip was not routed")
    template = next(
        s.id
        for s in line.db.collection("tips").stream()
        if (s.to_dict() or {}).get("status") == TipStatus.ROUTED
    )
    factory = TipFactory(line, template)
    line.clock.current = RUN_AT
    line.standin_state.set_clock(None, RUN_AT)
    far_routed = RUN_AT - timedelta(minutes=1)
    due_routed = RUN_AT - timedelta(minutes=6)

    sizes: list[dict[str, Any]] = []
    open_tips = 1  # the template
    due_made = 0
    for size in args.sizes:
        start = time.perf_counter()
        factory.write(max(0, size - open_tips), far_routed, "BO")
        setup_s = time.perf_counter() - start
        open_tips = max(open_tips, size)
        timed_run(line)  # settle after the bulk write; not kept
        idle, busy = [], []
        for i in range(max(args.runs, args.idle_runs)):  # interleaved: noise hits both
            if i < args.idle_runs:
                idle.append(timed_run(line))
            if i < args.runs:
                factory.write(args.due, due_routed, "BD", threads=1)
                due_made += args.due
                busy.append(timed_run(line))
        entry = {
            "emulator_empty_range_query_ms": bare_query_ms(line),
            "open_tips": open_tips + due_made,
            "open_not_due": open_tips,
            "setup_write_s": round(setup_s, 2),
            "nothing_due": describe(idle),
            "with_due": describe(busy),
        }
        sizes.append(entry)
        print(
            f"{entry['open_tips']:>7} open: run with {args.due} due median "
            f"{entry['with_due']['median_ms']:.0f} ms (min {entry['with_due']['min_ms']:.0f}, "
            f"query {entry['with_due']['query_median_ms']:.0f}), "
            f"nothing due {entry['nothing_due']['median_ms']:.0f} ms; RunSummary.reads "
            f"{entry['with_due']['summary_reads']}, "
            f"billed reads {entry['with_due']['billed_reads_all']}"
            f" (setup {setup_s:.1f} s; emulator query matching nothing "
            f"{entry['emulator_empty_range_query_ms']:.0f} ms)",
            flush=True,
        )
    first, last = sizes[0], sizes[-1]
    return {
        "config": {
            "sizes": args.sizes,
            "runs": args.runs,
            "idle_runs": args.idle_runs,
            "due_per_run": args.due,
            "python": sys.version.split()[0],
        },
        "empty_run": {
            "ms": empty["ms"],
            "summary": empty["summary"],
            "billed": empty["billed"],
        },
        "sizes": sizes,
        "flat_ratio_with_due": last["with_due"]["median_ms"] / first["with_due"]["median_ms"],
        "flat_ratio_nothing_due": last["nothing_due"]["median_ms"]
        / first["nothing_due"]["median_ms"],
        "emulator_query_growth": last["emulator_empty_range_query_ms"]
        / first["emulator_empty_range_query_ms"],
        # Medians: a process's first run also reads the OA token it then keeps in memory
        # for five minutes (one more read, whatever the collection's size).
        "reads_flat": len({r for s in sizes for r in s["with_due"]["summary_reads"]}) == 1
        and len({s["with_due"]["billed_reads_median"] for s in sizes}) == 1,
        "targets": {"flat_ratio_max": FLAT_RATIO_TARGET, "empty_run_queries": 1},
    }


def summary_rows(result: dict[str, Any]) -> list[dict[str, Any]]:
    sizes = result["sizes"]
    first, last = sizes[0], sizes[-1]
    rows: list[dict[str, Any]] = []
    due = result["config"]["due_per_run"]
    for s in sizes:
        rows.append(
            {
                "metric": f"run, {s['open_tips']:,} open / {due} due (median)",
                "value": s["with_due"]["median_ms"],
                "unit": "ms",
                "baseline": first["with_due"]["median_ms"] if s is not first else None,
            }
        )
    rows.append(
        {
            "metric": f"flatness: {last['open_tips']:,} vs {first['open_tips']:,} open, with due",
            "value": last["with_due"]["median_ms"],
            "unit": "ms",
            "baseline": first["with_due"]["median_ms"],
            "target": f"<= {FLAT_RATIO_TARGET}x",
            "met": result["flat_ratio_with_due"] <= FLAT_RATIO_TARGET,
        }
    )
    for s in (first, last):
        rows.append(
            {
                "metric": f"run, {s['open_tips']:,} open, nothing due (vs emulator's bare query)",
                "value": s["nothing_due"]["median_ms"],
                "unit": "ms",
                "baseline": s["emulator_empty_range_query_ms"],
            }
        )
    rows.append(
        {
            "metric": f"billed reads per run, {last['open_tips']:,} open",
            "value": last["with_due"]["billed_reads_median"],
            "baseline": first["with_due"]["billed_reads_median"],
            "target": "same as smallest",
            "met": result["reads_flat"],
        }
    )
    empty = result["empty_run"]["summary"]["reads"]
    rows.append(
        {
            "metric": "empty run: queries (RunSummary.reads)",
            "value": empty,
            "target": f"== {len(SCHEDULED)}",  # one query on each place the schedule is kept
            "met": empty == len(SCHEDULED),
        }
    )
    return rows


def print_table(result: dict[str, Any]) -> None:
    print()
    header = (
        f"{'open tips':>10} {'due':>4} {'median ms':>10} {'min ms':>8} {'query ms':>9} "
        f"{'idle median':>12} {'reads (summary)':>16} {'billed reads':>13} {'steps':>6}"
    )
    print(header)
    print("-" * len(header))
    for s in result["sizes"]:
        w, i = s["with_due"], s["nothing_due"]
        print(
            f"{s['open_tips']:>10,} {w['due_per_run'][0]:>4} "
            f"{w['median_ms']:>10.1f} {w['min_ms']:>8.1f} "
            f"{w['query_median_ms']:>9.1f} "
            f"{i['median_ms']:>12.1f} {w['summary_reads']!s:>16} {w['billed_reads_median']:>13} "
            f"{w['steps_per_run']!s:>6}"
        )
    e = result["empty_run"]
    print(
        f"\nempty schedule: {e['ms']:.1f} ms, RunSummary.reads {e['summary']['reads']}, "
        f"queries {e['billed']['queries']}, billed reads {e['billed']['reads']}"
    )
    bare = ", ".join(f"{s['emulator_empty_range_query_ms']:.0f}" for s in result["sizes"])
    print(
        "flatness (largest / smallest size, median): "
        f"with due {result['flat_ratio_with_due']:.2f}x "
        f"(target <= {FLAT_RATIO_TARGET}x), nothing due {result['flat_ratio_nothing_due']:.2f}x; "
        f"the emulator's bare range query grew {result['emulator_query_growth']:.2f}x "
        f"({bare} ms): "
        f"it scans the collection, Firestore reads an index; reads flat: {result['reads_flat']}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--runs", type=int, default=5, help="runs with due tips per size")
    parser.add_argument("--idle-runs", type=int, default=3, help="runs with nothing due per size")
    parser.add_argument("--due", type=int, default=5, help="due tips per run")
    args = parser.parse_args()
    on_sigterm()
    firestore_counter.install(logs=True)
    cleanup = Cleanup()
    try:
        line = Line(cleanup).start()
        result = measure(line, args)
    finally:
        with firestore_counter.COUNTER.paused():
            cleanup.run()
    result["summary"] = with_ratios(summary_rows(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print_table(result)
    print(f"\nwritten to {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
