"""When a send (an alert, a reply) may be attempted: one claim rule for all.

Every outbound Zalo message has a record keyed by what it is (the alert of a
tip's step to one officer; the acknowledgement of a tip; the answer to a
message). A record that says sent is never sent again; a claim in progress
lapses after a while so a crashed sender does not block it forever; a
transient failure may be retried when its time comes.

When to retry is data (`alert_retry.delays` in `shared/data/policy.yaml`): the
first send, then one retry after each delay. Only transient failures (network,
Zalo 5xx, rate limits) are retried; a recipient Zalo will not let us message is
unreachable, which moves the ladder on at once instead of waiting out a backoff.
No jitter: the escalator runs once a minute, which already spreads retries, and
a deterministic schedule is one a test can pin.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

FINAL = frozenset({"sent", "unreachable", "rejected"})
CLAIM_LAPSES_AFTER = timedelta(seconds=90)  # longer than a push delivery's deadline


def may_send(record: dict[str, Any] | None, now: datetime) -> bool:
    if record is None:
        return True
    status = record.get("status")
    if status in FINAL:
        return False
    if status == "sending":
        claimed = record.get("claimed_at")
        return claimed is None or claimed + CLAIM_LAPSES_AFTER <= now
    return True  # failed: a redelivery or the retry sweep may try again


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
