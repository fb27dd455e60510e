"""`make bench`: every bench/bench_*.py in turn, then one summary table.

Each benchmark runs as its own subprocess with a timeout (on expiry it gets
SIGTERM, so it can stop what it started, then SIGKILL) and writes
bench/results/<name>.json. This runner then prints one table from those files
and writes bench/results/summary.md: benchmark, metric, value, baseline (measured
in the same run), ratio, target and whether it is met.

A missed target is reported, not fatal: the exit status is non-zero only when a
benchmark crashed, timed out or wrote no result.

Run: .venv/bin/python bench/run.py [--only webhook] [--timeout 420]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
SUMMARY = RESULTS / "summary.md"
# Result file of each benchmark script, when its name differs from the script's.
RESULT_NAMES = {"bench_webhook": "webhook"}
TIMEOUTS = {"bench_webhook": 420.0, "bench_e2e": 420.0}  # seconds; the others get --timeout
GRACE_SECONDS = 30.0

Row = dict[str, Any]


@dataclass
class Outcome:
    name: str
    status: str  # ok, failed (exit N), timed out, no result
    seconds: float
    result: dict[str, Any] | None


def result_path(script: Path) -> Path:
    name = RESULT_NAMES.get(script.stem, script.stem.removeprefix("bench_"))
    return RESULTS / f"{name}.json"


def run_one(script: Path, timeout: float) -> Outcome:
    out = result_path(script)
    started_wall = time.time()
    start = time.perf_counter()
    print(f"\n=== {script.name} (timeout {timeout:.0f} s) ===", flush=True)
    process = subprocess.Popen([sys.executable, str(script)], cwd=ROOT, start_new_session=True)
    try:
        code = process.wait(timeout=timeout)
        status = "ok" if code == 0 else f"failed (exit {code})"
    except subprocess.TimeoutExpired:
        status = "timed out"
        process.send_signal(signal.SIGTERM)  # the benchmark stops its emulators and servers
        try:
            process.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    except BaseException:
        process.send_signal(signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=GRACE_SECONDS)
        raise
    seconds = time.perf_counter() - start
    result = None
    if out.exists() and out.stat().st_mtime >= started_wall:
        result = json.loads(out.read_text(encoding="utf-8"))
    elif status == "ok":
        status = "no result"
    return Outcome(script.stem.removeprefix("bench_"), status, seconds, result)


# --- rows of the summary ------------------------------------------------------


def row(
    benchmark: str,
    metric: str,
    value: float | None,
    unit: str = "",
    baseline: float | None = None,
    target: str = "",
    met: bool | None = None,
    ratio: float | None = None,
) -> Row:
    if ratio is None and value is not None and baseline:
        ratio = value / baseline
    return {
        "benchmark": benchmark,
        "metric": metric,
        "value": value,
        "unit": unit,
        "baseline": baseline,
        "ratio": ratio,
        "target": target,
        "met": met,
    }


def resolve_rows(r: dict[str, Any]) -> list[Row]:
    targets = r.get("targets", {})

    def at_least(key: str) -> tuple[str, bool | None]:
        if key not in targets:
            return "", None
        return f">= {targets[key]:,}", r[key] >= targets[key]

    gps_target, gps_met = at_least("gps_lookups_per_s")
    text_target, text_met = at_least("text_lookups_per_s")
    imp = targets.get("import_cpu_ms_median", targets.get("import_ms_median"))
    imp_key = "import_cpu_ms_median" if "import_cpu_ms_median" in r else "import_ms_median"
    return [
        row(
            "resolve",
            "GPS lookups (vs naive shapely)",
            r["gps_lookups_per_s"],
            "/s",
            r.get("naive_shapely_lookups_per_s"),
            gps_target,
            gps_met,
        ),
        row("resolve", "text lookups", r["text_lookups_per_s"], "/s", None, text_target, text_met),
        row(
            "resolve",
            "import (CPU)" if imp_key == "import_cpu_ms_median" else "import (-X importtime)",
            r[imp_key],
            "ms",
            None,
            f"<= {imp} ms" if imp is not None else "",
            r[imp_key] <= imp if imp is not None else None,
        ),
        *(
            [
                row(
                    "resolve",
                    "GPS lookups over the area",
                    r["gps_uniform_area_lookups_per_s"],
                    "/s",
                ),
                row("resolve", "index memory (loaded)", r["index_memory_mb"], "MB"),
                row("resolve", "first text lookup (vocabulary)", r["first_use_text_ms"], "ms"),
            ]
            if "index_memory_mb" in r
            else []
        ),
    ]


def classify_rows(r: dict[str, Any]) -> list[Row]:
    return [
        row("classify", "import (bytecode cached)", r["import_ms"], "ms"),
        row("classify", "first call (rule loading)", r["first_call_ms"], "ms"),
        row("classify", "first call in the webhook", r.get("first_call_in_webhook_ms"), "ms"),
        row(
            "classify",
            "per classification",
            r["per_call_us"],
            "µs",
            # the fixed reference workload on the same messages, same rounds (the ratio
            # reads alike on a slow machine and a fast one)
            baseline=r.get("reference_us"),
            target=f"< {r.get('target_per_call_us', 100)} µs",
            met=r["per_call_us"] < r.get("target_per_call_us", 100),
        ),
        row("classify", "classifications", r["classifications_per_s"], "/s"),
    ]


def assistant_rows(r: dict[str, Any]) -> list[Row]:
    return [
        row(
            "assistant",
            "import (bytecode cached, vs shared.core.text)",
            r["import_with_cached_bytecode_ms_median"],
            "ms",
            r.get("import_shared_text_ms_median"),
        ),
        row("assistant", "first call (data load)", r["first_call_data_load_ms_median"], "ms"),
        row("assistant", "match topic + sections", r["match_topic_and_sections_us_median"], "µs"),
        row("assistant", "answer", r["answer_us_median"], "µs"),
    ]


ADAPTERS: dict[str, Callable[[dict[str, Any]], list[Row]]] = {
    "resolve": resolve_rows,
    "classify": classify_rows,
    "assistant": assistant_rows,
}


def generic_rows(name: str, r: dict[str, Any]) -> list[Row]:
    return [
        row(name, key, float(value))
        for key, value in r.items()
        if isinstance(value, int | float) and not isinstance(value, bool)
    ]


def rows_for(name: str, result: dict[str, Any]) -> list[Row]:
    """A benchmark's own `summary` rows when it writes them, else the adapter's."""
    if isinstance(result.get("summary"), list):
        return [{**row(name, "", None), **r} for r in result["summary"]]
    try:
        return ADAPTERS.get(name, lambda r: generic_rows(name, r))(result)
    except (KeyError, TypeError, ValueError):  # a benchmark changed its keys
        return generic_rows(name, result)


# --- output -------------------------------------------------------------------


def number(value: float | None, unit: str = "") -> str:
    if value is None:
        return "-"
    text = f"{value:,.0f}" if abs(value) >= 1000 else f"{value:,.3g}"
    if abs(value) >= 10 and abs(value) < 1000:
        text = f"{value:,.1f}"
    return f"{text} {unit}".strip()


def cells(r: Row) -> list[str]:
    return [
        r["benchmark"],
        r["metric"],
        number(r["value"], r["unit"]),
        number(r["baseline"], r["unit"]),
        "-" if r["ratio"] is None else f"{r['ratio']:.2f}x",
        r["target"] or "-",
        {True: "yes", False: "NO", None: "-"}[r["met"]],
    ]


HEADER = ["benchmark", "metric", "value", "baseline", "ratio", "target", "met?"]


def print_table(rows: list[Row]) -> None:
    table = [HEADER, *(cells(r) for r in rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADER))]
    for i, line in enumerate(table):
        print("  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip())
        if i == 0:
            print("  ".join("-" * w for w in widths))


def markdown(rows: list[Row], outcomes: list[Outcome]) -> str:
    lines = [
        "# Benchmark summary",
        "",
        f"Run {time.strftime('%Y-%m-%d %H:%M:%S %Z')} on {os.cpu_count()} CPUs, "
        f"Python {sys.version.split()[0]}. Baselines are measured in the same run; "
        "see bench/README.md for how to read the ratios.",
        "",
        "| " + " | ".join(HEADER) + " |",
        "| " + " | ".join("---" for _ in HEADER) + " |",
    ]
    lines += ["| " + " | ".join(c.replace("|", "\\|") for c in cells(r)) + " |" for r in rows]
    lines += ["", "| benchmark | status | seconds |", "| --- | --- | --- |"]
    lines += [f"| {o.name} | {o.status} | {o.seconds:.0f} |" for o in outcomes]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", help="run only bench_<ONLY>.py (repeatable)")
    parser.add_argument("--timeout", type=float, default=180.0, help="seconds per benchmark")
    args = parser.parse_args()

    # The cost estimate reads the lifecycle's counts of this run: it goes last.
    scripts = sorted(BENCH.glob("bench_*.py"), key=lambda p: (p.stem == "bench_cost", p.name))
    if args.only:
        scripts = [s for s in scripts if s.stem.removeprefix("bench_") in args.only]
    RESULTS.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    outcomes = [run_one(s, TIMEOUTS.get(s.stem, args.timeout)) for s in scripts]
    rows = [r for o in outcomes if o.result is not None for r in rows_for(o.name, o.result)]

    print(f"\n=== summary ({time.perf_counter() - start:.0f} s) ===")
    print_table(rows)
    print()
    for o in outcomes:
        print(f"{o.name:12} {o.status:16} {o.seconds:6.0f} s")
    missed = [f"{r['benchmark']}: {r['metric']}" for r in rows if r["met"] is False]
    if missed:
        print("targets missed (reported, not fatal): " + "; ".join(missed))
    SUMMARY.write_text(markdown(rows, outcomes), encoding="utf-8")
    print(f"written to {SUMMARY.relative_to(ROOT)}")
    return 0 if all(o.status == "ok" for o in outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
