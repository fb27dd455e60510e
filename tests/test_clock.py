"""The functions' clock: the system's, or the local stack's offset file (local only)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from shared.clock import LOCAL_CLOCK_FILE, SystemClock, clock_from_env
from shared.moving_clocks import OffsetFileClock
from shared.settings import setting_names


def test_without_the_variable_the_functions_read_the_system_clock(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(LOCAL_CLOCK_FILE, raising=False)
    assert isinstance(clock_from_env(), SystemClock)


def test_the_offset_file_moves_every_reader_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "clock-offset"
    monkeypatch.setenv(LOCAL_CLOCK_FILE, str(path))
    clock = clock_from_env()
    assert isinstance(clock, OffsetFileClock)
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)  # no file yet: 0
    OffsetFileClock(path).set_offset(3600.0)  # another process (the demo) moves it
    assert abs(clock.now() - datetime.now(UTC) - timedelta(hours=1)) < timedelta(seconds=5)
    path.write_text("not a number")
    assert clock.offset() == timedelta(0)


def test_the_local_clock_is_not_a_production_setting() -> None:
    assert LOCAL_CLOCK_FILE not in setting_names()
