"""Clocks that move (`shared.clock` is the deployed one): `FixedClock` for tests,
`OffsetFileClock` for the local stack (``TINBAO_LOCAL_CLOCK_FILE``, read by
`shared.clock.clock_from_env`). Apart so that a deployed function's start does not
build them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path


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
