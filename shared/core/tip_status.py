"""Where a citizen's tip stands, as its informant may be told.

The citizen asks by code (`TB-K5N9CX`, any spelling `refcode.find_code` reads) or
in words ("tin báo của tôi sao rồi"); `asked` picks the tip among the citizen's
own tips only, so a code of someone else's tip reads exactly like a code that
does not exist. `view` says the status, the unit and when: never an officer.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from shared.core.tip import OPEN, Tip, TipStatus


@dataclass(frozen=True)
class StatusView:
    ref: str
    status: TipStatus
    unit_id: str | None
    sent_at: datetime  # when the citizen sent it
    since: datetime  # when it reached this status

    @property
    def finished(self) -> bool:
        return self.status not in OPEN


@dataclass(frozen=True)
class Asked:
    """The tip a question is about; `unknown_code` when the code is not one of theirs."""

    tip: Tip | None
    unknown_code: str | None = None


def own_tips(tips: Sequence[Tip], reporter_key: str) -> list[Tip]:
    """A citizen's tips, latest first; an officer's withdrawn message is no tip of theirs."""
    mine = [t for t in tips if t.reporter_key == reporter_key and t.status != TipStatus.WITHDRAWN]
    return sorted(mine, key=lambda t: t.created_at, reverse=True)


def asked(tips: Sequence[Tip], reporter_key: str, code: str | None) -> Asked:
    """The tip the citizen asks about: the one with `code`, else their latest."""
    mine = own_tips(tips, reporter_key)
    if code is None:
        return Asked(mine[0] if mine else None)
    found = next((t for t in mine if t.ref == code), None)
    return Asked(found) if found is not None else Asked(None, unknown_code=code)


def view(tip: Tip) -> StatusView:
    since = {
        TipStatus.RESOLVED: tip.resolved_at,
        TipStatus.CLOSED: tip.closed_at,
        TipStatus.ACKNOWLEDGED: tip.taken_at,
        TipStatus.ROUTED: tip.routed_at,
    }.get(tip.status)
    return StatusView(tip.ref, tip.status, tip.unit_id, tip.created_at, since or tip.created_at)
