"""When to retry an alert whose delivery failed, and when to give up.

An alert (`alerts/{tip}:{step}:{officer}`) keeps its delivery state apart from
the tip's workflow: attempts made, the last failure, and the time of the next
attempt. Only transient failures (network, Zalo 5xx, rate limits) come here; an
officer Zalo will not let us message is unreachable, and that moves the ladder
on at once (`shared.policy.on_unreachable`) instead of waiting out a backoff.

The schedule is data (`alert_retry.delays` in `shared/data/policy.yaml`, read by
`shared.policy.load_policies`): the first send, then one retry after each delay.
No jitter: the escalator runs once a minute, which already spreads retries,
and a deterministic schedule is one a test can pin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetrySettings:
    delays: tuple[timedelta, ...]  # wait before retry 1, 2, ...

    @property
    def max_attempts(self) -> int:
        """Attempts in all, the first send included."""
        return len(self.delays) + 1


def next_retry_at(attempts: int, now: datetime, settings: RetrySettings) -> datetime | None:
    """When to try again after `attempts` failed attempts, the last failing at `now`.

    None: the attempts are spent; the alert goes to the desk. Zero (or fewer)
    attempts means nothing was tried yet: try now.
    """
    if attempts <= 0:
        return now
    if attempts > len(settings.delays):
        return None
    return now + settings.delays[attempts - 1]
