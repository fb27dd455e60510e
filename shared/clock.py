"""The clock, passed in: production reads the system clock, tests move time.

`clock_from_env()` is what the functions' wiring uses. It returns `SystemClock`
unless ``TINBAO_LOCAL_CLOCK_FILE`` is set, which is for the LOCAL STACK ONLY
(`make demo`, the end-to-end tests): it is deliberately not a field of
`shared.settings.Settings`, so Terraform never deploys it. The file holds one
number, seconds to add to the system clock; the demo advances it (and the Zalo
stand-in's own clock by as much) to play an hour of escalation in a minute.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Protocol

LOCAL_CLOCK_FILE = "TINBAO_LOCAL_CLOCK_FILE"  # local stack only; never a production setting


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


@dataclass
class FixedClock:
    """A clock that only moves when told to (tests)."""

    current: datetime = field(default_factory=lambda: datetime(2026, 11, 27, 1, 0, tzinfo=UTC))

    def now(self) -> datetime:
        return self.current

    def advance(self, **delta: float) -> datetime:
        self.current += timedelta(**delta)
        return self.current


@dataclass(frozen=True)
class OffsetFileClock:
    """The system clock plus the seconds written in `path` (re-read on every call:
    another process moves it). A missing or unreadable file counts as 0."""

    path: Path

    def offset(self) -> timedelta:
        try:
            return timedelta(seconds=float(self.path.read_text().strip() or 0))
        except (OSError, ValueError):
            return timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset()

    def set_offset(self, seconds: float) -> None:
        """Write the offset atomically (readers never see a half-written file)."""
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(f"{seconds!r}\n")
        tmp.replace(self.path)


def clock_from_env() -> Clock:
    """The functions' clock: the system's, or the local stack's offset file."""
    path = os.environ.get(LOCAL_CLOCK_FILE)
    return OffsetFileClock(Path(path)) if path else SystemClock()
