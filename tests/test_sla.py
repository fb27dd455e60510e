"""The morning SLA view: figures computed by hand, and the Vietnamese table."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from shared.core.sla import (
    SlaRow,
    TipRecord,
    aggregate,
    format_duration,
    nearest_rank,
    render_table,
)

DAY = datetime(2025, 7, 2, 0, 0, tzinfo=UTC)
MIN = timedelta(minutes=1)


def at(hour: int, minute: int = 0) -> datetime:
    return DAY + timedelta(hours=hour, minutes=minute)


def tip(unit: str, created: datetime, wait: int | None = None, **kw) -> TipRecord:
    taken = created + wait * MIN if wait is not None else None
    return TipRecord(unit_id=unit, created_at=created, routed_at=created, taken_at=taken, **kw)


RECORDS = [
    tip("p-tanphu", at(8), 3, resolved_at=at(9), step_reached=1),
    tip("p-tanphu", at(9), 10, step_reached=2, unreachable_officers=("cb-1",)),
    tip("p-tanphu", at(10), 45, step_reached=3, unreachable_officers=("cb-1", "cb-2")),
    tip("p-tanphu", at(11), None, overdue=True, step_reached=4),
    tip("p-tanphu", at(12), 7, resolved_at=at(13), step_reached=1),
    tip("p-tanphu", at(-1), 500, overdue=True, step_reached=4),  # the day before: left out
    tip("p-taythanh", at(14), None, step_reached=1),
]


def test_a_units_figures_match_the_hand_count():
    rows = aggregate(RECORDS, since=DAY)
    assert rows[0] == SlaRow(
        unit_id="p-tanphu",
        received=5,
        taken=4,
        resolved=2,
        take_median=7 * MIN,  # waits 3, 7, 10, 45: rank ceil(0.5 * 4) = 2
        take_p95=45 * MIN,  # rank ceil(0.95 * 4) = 4
        overdue=1,
        tips_by_step=(5, 3, 2, 1),
        unreachable_officers=2,  # cb-1 twice counts once
    )


def test_a_unit_with_nothing_taken_has_no_take_times():
    row = aggregate(RECORDS, since=DAY)[1]
    assert (row.unit_id, row.received, row.taken) == ("p-taythanh", 1, 0)
    assert row.take_median is None and row.take_p95 is None


def test_without_since_every_tip_counts():
    assert aggregate(RECORDS)[0].received == 6
    assert aggregate(RECORDS)[0].overdue == 2


def test_unit_filter_keeps_one_unit_and_shows_it_even_when_quiet():
    assert [r.unit_id for r in aggregate(RECORDS, unit="p-taythanh")] == ["p-taythanh"]
    (quiet,) = aggregate(RECORDS, unit="p-phuthanh")
    assert quiet.received == 0 and quiet.tips_by_step == () and quiet.take_median is None


def test_listed_units_without_tips_get_a_row_of_zeros():
    rows = aggregate(RECORDS, since=DAY, units=["p-phuthanh", "p-tanphu"])
    assert [r.unit_id for r in rows] == ["p-phuthanh", "p-tanphu", "p-taythanh"]
    assert rows[0].received == 0


def test_nearest_rank_percentiles_are_observed_values():
    twenty = [m * MIN for m in range(20, 0, -1)]  # unsorted on purpose
    assert nearest_rank(twenty, 95) == 19 * MIN  # ceil(19.0) = 19
    assert nearest_rank([*twenty, 21 * MIN], 95) == 20 * MIN  # ceil(19.95) = 20
    assert nearest_rank([MIN, 2 * MIN, 3 * MIN, 4 * MIN, 5 * MIN], 50) == 3 * MIN
    assert nearest_rank([MIN, 2 * MIN], 50) == MIN  # even n: the lower middle
    assert nearest_rank([9 * MIN], 95) == 9 * MIN
    assert nearest_rank([], 50) is None


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=50), st.integers(1, 100))
def test_a_percentile_has_at_least_that_share_of_values_at_or_below_it(minutes, percent):
    values = [m * MIN for m in minutes]
    result = nearest_rank(values, percent)
    assert result in values
    at_or_below = sum(1 for v in values if v <= result)
    below = sum(1 for v in values if v < result)
    assert at_or_below * 100 >= percent * len(values)
    assert below * 100 < percent * len(values)


def test_durations_print_as_hours_and_minutes():
    assert format_duration(7 * MIN) == "0:07"
    assert format_duration(25 * 60 * MIN + 30 * MIN + timedelta(seconds=59)) == "25:30"
    assert format_duration(None) == "–"


def test_the_table_speaks_vietnamese_and_names_the_units():
    names = {"p-tanphu": "Công an phường Tân Phú", "p-taythanh": "Công an phường Tây Thạnh"}
    text = render_table(aggregate(RECORDS, since=DAY), names)
    header, _, first, second = text.splitlines()[:4]
    for heading in ("Đơn vị", "Tin báo", "Đã nhận", "Đã xong", "Quá hạn", "Bậc 1", "Bậc 4"):
        assert heading in header
    assert "không liên lạc được" in header
    cells = [re.split(r"\s{2,}", line.strip()) for line in (first, second)]
    assert cells[0] == [
        "Công an phường Tân Phú",
        *["5", "4", "2", "0:07", "0:45", "1", "5", "3", "2", "1", "2"],
    ]
    assert cells[1] == [
        "Công an phường Tây Thạnh",
        *["1", "0", "0", "–", "–", "0", "1", "0", "0", "0", "0"],
    ]
    assert "hạng gần nhất" in text  # the legend says how percentiles are taken


def test_table_columns_line_up_even_with_decomposed_unit_names():
    name = unicodedata.normalize("NFD", "Công an phường Tây Thạnh")
    text = render_table(aggregate(RECORDS, since=DAY), {"p-taythanh": name})
    header, rule, *rows = text.splitlines()[:4]
    # Right-aligned figures: every line ends in the last column's right edge.
    assert len(header) == len(rule) == len(rows[0]) == len(rows[1])
    assert unicodedata.normalize("NFC", name) in text


def test_a_unit_without_a_known_name_is_shown_by_id():
    text = render_table(aggregate(RECORDS, unit="p-taythanh"))
    assert text.splitlines()[2].startswith("p-taythanh")


def test_an_empty_report_says_there_were_no_tips():
    assert "không có tin báo" in render_table([])
