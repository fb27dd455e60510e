"""A tip's statuses: the states of its lifecycle (`shared.core.tip`).

Apart from the lifecycle so that the webhook, which writes a new tip as received
and reads whether a citizen's tip is still open, loads neither the tip's typed
view nor its transitions at its cold start (bench/README.md, round 15).
The status literals are written in this module only; everything else names
`TipStatus` members.
"""

from __future__ import annotations

from enum import StrEnum


class TipStatus(StrEnum):
    RECEIVED = "received"  # stored by the webhook, not yet routed
    ROUTED = "routed"  # before a unit's officers; nobody holds it
    ACKNOWLEDGED = "acknowledged"  # an officer took it (NHAN)
    RESOLVED = "resolved"  # the holder dealt with it (XONG)
    CLOSED = "closed"  # not a tip after all (KHONG)
    WITHDRAWN = "withdrawn"  # an officer wrote it: handled as the officer's message, not routed


# Not finished: a citizen's new messages may join it, officers may act on it.
OPEN = frozenset({TipStatus.RECEIVED, TipStatus.ROUTED, TipStatus.ACKNOWLEDGED})
