"""When a send (an alert, a reply) may be attempted: one claim rule for all.

Every outbound Zalo message has a record keyed by what it is (the alert of a
tip's step to one officer; the acknowledgement of a tip; the answer to a
message). A record that says sent is never sent again; a claim in progress
lapses after a while so a crashed sender does not block it forever; a
transient failure may be retried when its time comes.
"""

from __future__ import annotations

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
