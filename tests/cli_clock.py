"""The admin commands' clock, pinned by a test: `tinbao report` reads the system
clock (`shared.clock.clock_from_env`), so a test that seeds fixed dates runs it at
an instant of its own through the local clock file. Without it the report's window
ran to the real today and its figures changed as the real clock moved on."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from shared.clock import LOCAL_CLOCK_FILE
from shared.moving_clocks import OffsetFileClock


def pin_cli_clock(monkeypatch: pytest.MonkeyPatch, folder: Path, now: datetime) -> None:
    """Make the commands' clock read `now` (give or take the milliseconds until they read it)."""
    clock = OffsetFileClock(folder / "cli-clock")
    clock.set_offset((now - datetime.now(UTC)).total_seconds())
    monkeypatch.setenv(LOCAL_CLOCK_FILE, str(clock.path))
