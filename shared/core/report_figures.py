"""The figures of the commander's page (`tinbao report --html`): pure.

Inputs are what the admin store reads for the window: the tips as
`shared.core.sla.TipRecord`s, the ladder events of the tips that climbed
(`LadderEvent`), and the SLA rows `shared.core.sla.aggregate` made of the same
records. Nothing here is an identifier: records carry no reference code, no
reporter key, no text, and a shared location only as `coarse_point` rounded it.

Definitions, beyond those of `shared.core.sla`:
- take target: how long the tip's own ladder (its policy snapshot) leaves the
  duty officers before it first climbs, i.e. when step 2 falls due (5 minutes
  for a normal tip of the shipped policy, 2 for an urgent one). A tip is taken
  within target when `taken_at - created_at` (the same wait as the median) is
  at most that;
- a climb is a ladder step beyond the first: step k >= 2 notified on schedule
  or at once because nobody of the step before could be reached (`forced`), a
  repeat of the last step, or the tip going overdue; dated when it happened;
- hour of day and days are local (Asia/Ho_Chi_Minh).

The sends to Zalo are counted per local day too (`delivery_by_day`, for the
text report): sends recorded each day, delivered, still pending, retried,
given up, and the ladders that began to hold because Zalo was down.

Not stored, so not shown: the unit a climb happened under. `notify` events
carry no unit, so a climb counts for the unit holding the tip when read (a
transferred tip brings its earlier climbs along).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from shared.core.ladder import PolicySnapshot
from shared.core.policy_file import step_offsets
from shared.core.sla import SlaRow, TipRecord, nearest_rank

LOCAL = ZoneInfo("Asia/Ho_Chi_Minh")
# 0.001 degree: 111 m of latitude, 109 m of longitude at Tân Phú (10.8° N).
COARSE_DECIMALS = 3
# Windows longer than this are drawn by week rather than by day.
DAILY_UP_TO_DAYS = 45
REPEAT = "repeat"
OVERDUE = "overdue"
_STEP_KEY = re.compile(r"^c\d+s(\d+)r\d+$")  # shared.core.ladder's alert key of a step


def coarse_point(lat: object, lng: object) -> tuple[float, float] | None:
    """A shared location snapped to the 0.001° grid (about 100 m); None if not a point."""
    try:
        la, ln = float(str(lat)), float(str(lng))
    except ValueError:
        return None
    if not (math.isfinite(la) and math.isfinite(ln) and abs(la) <= 90 and abs(ln) <= 180):
        return None
    return round(la, COARSE_DECIMALS), round(ln, COARSE_DECIMALS)


def take_target(snapshot: PolicySnapshot) -> timedelta:
    """When the ladder of `snapshot` first climbs past the duty officers."""
    offsets = step_offsets(snapshot.steps)
    if len(offsets) >= 2:
        return offsets[1]
    return offsets[0] + snapshot.repeat.every  # a one-step ladder: its first repeat


# --- inputs --------------------------------------------------------------------------


@dataclass(frozen=True)
class LadderEvent:
    """One audit event of a tip's ladder (`tips/{ref}/events`), without the tip."""

    at: datetime
    unit_id: str  # the tip's unit when read
    kind: str  # notify (escalator), climbed (nobody reached: on at once), overdue
    step: int | None = None  # notify: the step notified
    repeat: int = 0  # notify: its repeat number
    climbed_from: str | None = None  # climbed: the alert key nobody answered


@dataclass(frozen=True)
class Climb:
    at: datetime
    unit_id: str
    series: int | str  # the step climbed to, REPEAT or OVERDUE
    forced: bool = False  # at once: nobody of the step before could be reached


def climbs(events: Iterable[LadderEvent]) -> list[Climb]:
    """The climbs among ladder events; a first alert or a release is none."""
    out: list[Climb] = []
    for e in events:
        if e.kind == "notify" and e.step is not None:
            if e.repeat > 0:
                out.append(Climb(e.at, e.unit_id, REPEAT))
            elif e.step >= 2:
                out.append(Climb(e.at, e.unit_id, e.step))
        elif e.kind == "climbed":
            match = _STEP_KEY.match(e.climbed_from or "")
            if match:  # a reminder's key climbs nothing: that was a release
                out.append(Climb(e.at, e.unit_id, int(match.group(1)) + 1, forced=True))
        elif e.kind == "overdue":
            out.append(Climb(e.at, e.unit_id, OVERDUE))
    return out


@dataclass(frozen=True)
class QuestionFigures:
    """Residence questions of the whole line (questions are not routed to units)."""

    topics: tuple[tuple[str, int, int], ...] = ()  # (label, asked, unanswered), most asked first
    handoffs: int = 0  # requests for an officer opened in the window
    handoffs_open: int = 0  # of those, still open
    handoffs_open_all: int = 0  # every open request, however old

    @property
    def asked(self) -> int:
        return sum(t[1] for t in self.topics)

    @property
    def unanswered(self) -> int:
        return sum(t[2] for t in self.topics)


# --- the figures ---------------------------------------------------------------------


@dataclass(frozen=True)
class UnitFigures:
    row: SlaRow
    target: timedelta | None  # take target of a normal tip of this unit's kind
    target_urgent: timedelta | None
    within_target: int  # taken tips whose wait was within their own tip's target


@dataclass(frozen=True)
class ClimbBucket:
    first_day: date
    days: int  # 1, or 7 for a long window
    counts: tuple[int, ...]  # per series of `PageFigures.climb_series`


@dataclass(frozen=True)
class PageFigures:
    start: datetime
    now: datetime
    units: tuple[UnitFigures, ...]
    received: int
    taken: int
    resolved: int
    overdue: int
    take_median: timedelta | None
    take_p95: timedelta | None
    by_category: tuple[tuple[str | None, int], ...]  # most first; None: not classified
    by_hour: tuple[int, ...]  # 24 local hours
    climb_series: tuple[int | str, ...]  # steps 2.., REPEAT, OVERDUE
    climb_buckets: tuple[ClimbBucket, ...]
    forced_climbs: int
    by_ward: Mapping[str, int]  # ward code -> tips
    without_ward: int
    # Coarse points with how many tips share each, sorted by place: neither the
    # order nor anything else ties a point to a tip.
    points: tuple[tuple[float, float, int], ...]


def page_figures(
    records: Sequence[TipRecord],
    events: Iterable[LadderEvent],
    rows: Sequence[SlaRow],
    *,
    start: datetime,
    now: datetime,
    targets: Mapping[str, tuple[timedelta, timedelta]] | None = None,
) -> PageFigures:
    """Every figure of the page from the window's records (already filtered by
    window and unit), their ladder events and their SLA rows (in display order).
    `targets`: unit id -> take target of a normal and an urgent tip."""
    targets = targets or {}
    wanted = {r.unit_id for r in rows}
    records = [r for r in records if r.unit_id in wanted]
    waits = [r.taken_at - r.created_at for r in records if r.taken_at is not None]
    within: Counter[str] = Counter(
        r.unit_id
        for r in records
        if r.taken_at is not None
        and r.take_target is not None
        and r.taken_at - r.created_at <= r.take_target
    )
    units = tuple(
        UnitFigures(
            row=row,
            target=targets[row.unit_id][0] if row.unit_id in targets else None,
            target_urgent=targets[row.unit_id][1] if row.unit_id in targets else None,
            within_target=within[row.unit_id],
        )
        for row in rows
    )
    categories = Counter(r.category for r in records)
    hours = Counter(r.created_at.astimezone(LOCAL).hour for r in records)
    climbed = [c for c in climbs(events) if c.unit_id in wanted]
    series = _climb_series(climbed)
    places = Counter(r.coarse_location for r in records if r.coarse_location is not None)
    return PageFigures(
        start=start,
        now=now,
        units=units,
        received=len(records),
        taken=len(waits),
        resolved=sum(1 for r in records if r.resolved_at is not None),
        overdue=sum(1 for r in records if r.overdue),
        take_median=nearest_rank(waits, 50),
        take_p95=nearest_rank(waits, 95),
        by_category=tuple(
            sorted(categories.items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0] or ""))
        ),
        by_hour=tuple(hours[h] for h in range(24)),
        climb_series=series,
        climb_buckets=_buckets(climbed, series, start, now),
        forced_climbs=sum(1 for c in climbed if c.forced),
        by_ward=dict(Counter(r.ward_code for r in records if r.ward_code)),
        without_ward=sum(1 for r in records if not r.ward_code),
        points=tuple((lat, lng, n) for (lat, lng), n in sorted(places.items())),
    )


def _climb_series(climbed: Sequence[Climb]) -> tuple[int | str, ...]:
    # Steps 2 to 4 always (the shipped ladders' steps), more if a ladder has them.
    top = max([4, *(c.series for c in climbed if isinstance(c.series, int))])
    return (*range(2, top + 1), REPEAT, OVERDUE)


def _buckets(
    climbed: Sequence[Climb], series: tuple[int | str, ...], start: datetime, now: datetime
) -> tuple[ClimbBucket, ...]:
    first, last = start.astimezone(LOCAL).date(), max(start, now).astimezone(LOCAL).date()
    span = (last - first).days + 1
    width = 1 if span <= DAILY_UP_TO_DAYS else 7
    count = -(-span // width)
    table = [[0] * len(series) for _ in range(count)]
    index = {s: i for i, s in enumerate(series)}
    for c in climbed:
        day = (c.at.astimezone(LOCAL).date() - first).days // width
        if 0 <= day < count:
            table[day][index[c.series]] += 1
    return tuple(
        ClimbBucket(first + timedelta(days=i * width), width, tuple(row))
        for i, row in enumerate(table)
    )


# --- sends to Zalo, per day ---------------------------------------------------------

QUIET_DAYS_SHOWN = 31
# Send states (shared.core.delivery) that are not done yet.
_WAITING = frozenset({"pending", "sending", "failed"})


@dataclass(frozen=True)
class SendFact:
    """One send record (an alert or a reply), without who it went to."""

    created_at: datetime
    status: str
    attempts: int = 0


@dataclass(frozen=True)
class DeliveryDay:
    """A local day's sends (by the day each was recorded) and outage holds."""

    day: date
    sends: int  # alerts and replies recorded that day
    sent: int  # of those, delivered
    pending: int  # of those, not done yet: still being retried
    retried: int  # of those, tried more than once
    given_up: int  # of those, given up (strikes spent, or Zalo's 7-day window closed)
    holds: int  # ladders that began to hold that day because Zalo was down


def delivery_by_day(
    sends: Iterable[SendFact], holds: Iterable[datetime], since: datetime, until: datetime
) -> list[DeliveryDay]:
    """One row per local day from `since` to `until`; quiet days too in a window of
    at most `QUIET_DAYS_SHOWN` days (a longer one lists the days something happened)."""
    first, last = since.astimezone(LOCAL).date(), until.astimezone(LOCAL).date()
    facts: dict[date, list[SendFact]] = {}
    for fact in sends:
        facts.setdefault(fact.created_at.astimezone(LOCAL).date(), []).append(fact)
    held: dict[date, int] = {}
    for at in holds:
        day = at.astimezone(LOCAL).date()
        held[day] = held.get(day, 0) + 1
    rows = []
    quiet_too = (last - first).days < QUIET_DAYS_SHOWN
    for n in range((last - first).days + 1):
        day = first + timedelta(days=n)
        day_facts = facts.get(day, [])
        if not (day_facts or day in held or quiet_too):
            continue
        rows.append(
            DeliveryDay(
                day=day,
                sends=len(day_facts),
                sent=sum(f.status == "sent" for f in day_facts),
                pending=sum(f.status in _WAITING for f in day_facts),
                retried=sum(f.attempts > 1 for f in day_facts),
                given_up=sum(f.status == "given_up" for f in day_facts),
                holds=held.get(day, 0),
            )
        )
    return rows
