"""What the benchmarks share: cleanup that always runs, CPU accounting, result rows."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any


class Cleanup:
    """Everything started, stopped in reverse order whatever happens."""

    def __init__(self) -> None:
        self._stops: list[Callable[[], None]] = []

    def add(self, stop: Callable[[], None]) -> None:
        self._stops.append(stop)

    def run(self) -> None:
        while self._stops:
            stop = self._stops.pop()
            try:
                stop()
            except Exception as exc:  # keep stopping the rest
                print(f"cleanup: {exc!r}", file=sys.stderr)


def on_sigterm() -> None:
    """Turn SIGTERM (bench/run.py's timeout) into KeyboardInterrupt, so `finally` runs."""

    def handler(signum: int, _frame: Any) -> None:
        raise KeyboardInterrupt(f"signal {signum}")

    signal.signal(signal.SIGTERM, handler)


def group_cpu_seconds(pgid: int) -> float:
    """User + system CPU of every live process of a process group (Linux /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        # After the command: state ppid pgrp ... utime (12th) stime (13th).
        if int(fields[2]) == pgid:
            total += int(fields[11]) + int(fields[12])
    return total / tick


def with_ratios(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """bench/run.py prints a benchmark's own rows as they are: fill in value / baseline."""
    for row in rows:
        value, base = row.get("value"), row.get("baseline")
        if row.get("ratio") is None and value is not None and base:
            row["ratio"] = value / base
    return rows
