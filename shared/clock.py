"""The clock, passed in: production reads the system clock, tests move time.

`clock_from_env()` is what the functions' wiring uses. It returns `SystemClock`
unless ``TINBAO_LOCAL_CLOCK_FILE`` is set, which is for the LOCAL STACK ONLY
(`make demo`, the end-to-end tests): it is deliberately not a field of
`shared.settings.Settings`, so Terraform never deploys it. The file holds one
number, seconds to add to the system clock; the demo advances it (and the Zalo
stand-in's own clock by as much) to play an hour of escalation in a minute.

The clocks that move (`FixedClock` for tests, `OffsetFileClock` for the local
stack) live in `shared.moving_clocks`, imported only when one is used: a deployed
function never builds them (≈ 5M instructions of its cold start, bench/README.md,
round 17).
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Protocol

LOCAL_CLOCK_FILE = "TINBAO_LOCAL_CLOCK_FILE"  # local stack only; never a production setting


class Clock(Protocol):
    def now(self) -> datetime: ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


def clock_from_env() -> Clock:
    """The functions' clock: the system's, or the local stack's offset file."""
    path = os.environ.get(LOCAL_CLOCK_FILE)
    if not path:
        return SystemClock()
    from pathlib import Path

    from shared.moving_clocks import OffsetFileClock

    return OffsetFileClock(Path(path))
