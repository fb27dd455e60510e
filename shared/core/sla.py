"""The SLA view the desk reads each morning (`tinbao report`): pure figures.

The adapter turns tip documents into `TipRecord`s; `aggregate` counts them
per unit and `render_table` prints the table in Vietnamese.

Definitions (each column of the table):
- received: tips created at or after `since` (the window is by creation, so a
  tip is counted once, in the morning after it came in);
- taken / resolved: of those, tips with a `taken_at` / `resolved_at`;
- time to take: `taken_at - created_at` (the citizen's wait, routing
  included: a tip stuck before routing is the desk's business too), over the
  taken tips; `taken_at` is the first take, a release does not reset it;
- median and p95 by the nearest-rank method: sort the n values, take the one
  of rank ceil(p/100 * n) (1-based). Always an observed value, no
  interpolation; for even n the median is the lower middle value;
- overdue: tips whose ladder ran out at least once;
- tips per step: tips[k-1] = tips whose ladder reached step k (any cycle);
  step 1 is the first alert, so received minus step 1 = never alerted;
- unreachable officers: distinct officers who could not be reached on Zalo
  for any of the unit's tips in the window.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class TipRecord:
    unit_id: str  # the unit the tip was routed to ("" if never routed)
    created_at: datetime
    routed_at: datetime | None = None
    taken_at: datetime | None = None  # first take
    resolved_at: datetime | None = None
    overdue: bool = False
    step_reached: int = 0  # highest ladder step notified, 1-based; 0: none
    unreachable_officers: tuple[str, ...] = ()  # officer ids, one per unreachable event
    # What the HTML page adds (shared.core.report_figures): never an identifier.
    category: str | None = None  # the classifier's category (None: not classified)
    ward_code: str | None = None  # the ward the tip concerns (None: not found)
    coarse_location: tuple[float, float] | None = None  # last shared point, ≈100 m grid
    take_target: timedelta | None = None  # the tip's own ladder: when it first climbs


@dataclass(frozen=True)
class SlaRow:
    unit_id: str
    received: int
    taken: int
    resolved: int
    take_median: timedelta | None  # None: nothing taken
    take_p95: timedelta | None
    overdue: int
    tips_by_step: tuple[int, ...]  # [k-1]: tips that reached step k
    unreachable_officers: int


def nearest_rank(values: list[timedelta], percent: int) -> timedelta | None:
    """The `percent`-th percentile by nearest rank (None for no values)."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, -(-percent * len(ordered) // 100))  # ceil without floats
    return ordered[min(rank, len(ordered)) - 1]


def aggregate(
    records: Iterable[TipRecord],
    *,
    since: datetime | None = None,
    unit: str | None = None,
    units: Iterable[str] = (),
) -> list[SlaRow]:
    """One row per unit, sorted by unit id.

    `unit` keeps only that unit (its row is there even with no tips); `units`
    lists units that get a row of zeros when they had no tips, so a quiet
    ward shows as quiet rather than missing.
    """
    groups: dict[str, list[TipRecord]] = {}
    for record in records:
        if since is not None and record.created_at < since:
            continue
        if unit is not None and record.unit_id != unit:
            continue
        groups.setdefault(record.unit_id, []).append(record)
    wanted = [unit] if unit is not None else list(units)
    for unit_id in wanted:
        groups.setdefault(unit_id, [])
    return [_row(unit_id, groups[unit_id]) for unit_id in sorted(groups)]


def _row(unit_id: str, records: list[TipRecord]) -> SlaRow:
    waits = [r.taken_at - r.created_at for r in records if r.taken_at is not None]
    top = max((r.step_reached for r in records), default=0)
    return SlaRow(
        unit_id=unit_id,
        received=len(records),
        taken=len(waits),
        resolved=sum(1 for r in records if r.resolved_at is not None),
        take_median=nearest_rank(waits, 50),
        take_p95=nearest_rank(waits, 95),
        overdue=sum(1 for r in records if r.overdue),
        tips_by_step=tuple(
            sum(1 for r in records if r.step_reached >= k) for k in range(1, top + 1)
        ),
        unreachable_officers=len({o for r in records for o in r.unreachable_officers}),
    )


# --- the table ----------------------------------------------------------------

_HEADERS = (
    "Đơn vị",
    "Tin báo",
    "Đã nhận",
    "Đã xong",
    "Nhận: trung vị",
    "Nhận: P95",
    "Quá hạn",
)
_UNREACHABLE = "CB không liên lạc được"
_LEGEND = (
    "Tin báo: số tin báo tiếp nhận; Đã nhận: số tin có cán bộ nhận xử lý; "
    "Đã xong: số tin đã xử lý xong.",
    "Thời gian nhận (giờ:phút) tính từ lúc tiếp nhận tin báo đến khi cán bộ nhận; "
    "trung vị và P95 theo phương pháp hạng gần nhất.",
    "Bậc k: số tin báo đã được cảnh báo đến bậc k của thang leo thang.",
    "CB không liên lạc được: số cán bộ không nhận được cảnh báo qua Zalo.",
)


def format_duration(value: timedelta | None) -> str:
    """`giờ:phút`, whole minutes rounded down; a dash when there is no value."""
    if value is None:
        return "–"
    minutes = max(int(value.total_seconds() // 60), 0)
    return f"{minutes // 60}:{minutes % 60:02d}"


def render_table(rows: Iterable[SlaRow], unit_names: Mapping[str, str] | None = None) -> str:
    """A plain-text table with Vietnamese headers, one line per unit, and a legend.

    Units are shown by name (`unit_names`, e.g. "Công an phường Tân Phú"), by
    id when the name is unknown.
    """
    names = unit_names or {}
    rows = list(rows)
    steps = max((len(r.tips_by_step) for r in rows), default=0)
    headers = [*_HEADERS, *(f"Bậc {k}" for k in range(1, steps + 1)), _UNREACHABLE]
    lines: list[list[str]] = []
    for r in rows:
        by_step = [*r.tips_by_step, *([0] * (steps - len(r.tips_by_step)))]
        lines.append(
            [
                names.get(r.unit_id) or r.unit_id or "(chưa phân công)",
                str(r.received),
                str(r.taken),
                str(r.resolved),
                format_duration(r.take_median),
                format_duration(r.take_p95),
                str(r.overdue),
                *(str(n) for n in by_step),
                str(r.unreachable_officers),
            ]
        )
    cells = [[_nfc(c) for c in line] for line in [headers, *lines]]
    widths = [max(_width(line[i]) for line in cells) for i in range(len(headers))]

    def fmt(line: list[str]) -> str:
        # The unit name reads left to right; figures line up on their units.
        out = [_pad(line[0], widths[0], left=True)]
        out += [_pad(c, w, left=False) for c, w in zip(line[1:], widths[1:], strict=True)]
        return "  ".join(out).rstrip()

    table = [fmt(cells[0]), "  ".join("-" * w for w in widths)]
    table += [fmt(line) for line in cells[1:]]
    if not lines:
        table.append("(không có tin báo)")
    return "\n".join([*table, "", *_LEGEND]) + "\n"


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _width(text: str) -> int:
    # Columns on a terminal: a combining mark NFC could not fold adds none.
    return sum(1 for c in text if not unicodedata.combining(c))


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text
