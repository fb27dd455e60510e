"""The commander's page figures (shared.core.report_figures), and what the admin
store makes of stored documents for them: pure, figures computed by hand."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from shared.cli.report import render_delivery
from shared.core.policy_file import default_policies, policy_for
from shared.core.report_figures import (
    OVERDUE,
    REPEAT,
    Climb,
    LadderEvent,
    SendFact,
    climbs,
    coarse_point,
    delivery_by_day,
    page_figures,
    take_target,
)
from shared.core.sla import TipRecord, aggregate
from shared.store.admin import ladder_event, tip_record
from shared.store.documents import snapshot_to_doc

START = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)  # 01/12/2026 00:00 in Ho Chi Minh City
NOW = START + timedelta(days=7, hours=7)
MIN = timedelta(minutes=1)
FIVE = 5 * MIN


def record(unit: str, hours: float, wait: int | None = None, **kw: object) -> TipRecord:
    created = START + timedelta(hours=hours)
    taken = created + wait * MIN if wait is not None else None
    return TipRecord(unit_id=unit, created_at=created, routed_at=created, taken_at=taken, **kw)  # type: ignore[arg-type]


def test_a_shared_location_is_kept_only_on_the_100_m_grid() -> None:
    assert coarse_point("10.802349", "106.617951") == (10.802, 106.618)
    assert coarse_point(10.8025, 106.6175) in {(10.802, 106.617), (10.803, 106.618)}
    for lat, lng in (("", "106.6"), ("abc", "1"), ("nan", "106.6"), ("91", "106.6"), (None, 1)):
        assert coarse_point(lat, lng) is None, (lat, lng)


def test_the_take_target_is_when_the_ladder_first_climbs() -> None:
    policies = default_policies()
    assert take_target(policy_for(policies, "ward", "normal", "drugs")) == FIVE
    assert take_target(policy_for(policies, "ward", "urgent", "weapons")) == 2 * MIN
    assert take_target(policy_for(policies, "desk", "normal", "other")) == FIVE
    ward = policy_for(policies, "ward", "normal", "other")
    one_step = replace(ward, steps=ward.steps[:1])
    assert take_target(one_step) == one_step.repeat.every  # its first repeat


def at(hours: float) -> datetime:
    return START + timedelta(hours=hours)


def test_climbs_are_steps_past_the_first_repeats_and_overdue() -> None:
    events = [
        LadderEvent(at(1), "w", "notify", step=1),  # the first alert: no climb
        LadderEvent(at(2), "w", "notify", step=2),
        LadderEvent(at(3), "w", "notify", step=4, repeat=2),
        LadderEvent(at(4), "w", "climbed", climbed_from="c0s1r0"),  # nobody reached at step 1
        LadderEvent(at(5), "w", "climbed", climbed_from="c1m1"),  # a reminder: a release
        LadderEvent(at(6), "w", "overdue"),
        LadderEvent(at(7), "w", "taken"),
    ]
    assert climbs(events) == [
        Climb(at(2), "w", 2),
        Climb(at(3), "w", REPEAT),
        Climb(at(4), "w", 2, forced=True),
        Climb(at(6), "w", OVERDUE),
    ]


RECORDS = [
    # 00:30 local on 01/12, taken in 3 min (target 5): within.
    record("ward-a", 0.5, 3, category="drugs", ward_code="27019",
           coarse_location=(10.802, 106.618), take_target=FIVE),
    # 10:00 on 01/12, taken in 7 min: late.
    record("ward-a", 10, 7, category="drugs", ward_code="27019",
           coarse_location=(10.802, 106.618), take_target=FIVE),
    # 23:00 on 02/12 local (16:00 UTC the next day), never taken.
    record("ward-a", 47, None, category="theft", ward_code="27013", overdue=True),
    # A department's, taken in 1 min with an urgent target of 2.
    record("dept-fire", 30, 1, category="fire", ward_code="27031",
           coarse_location=(10.777, 106.64), take_target=2 * MIN),
    # Not routed yet: no category, no ward, no target.
    record("", 100, None),
]  # fmt: skip
EVENTS = [
    LadderEvent(at(10) + FIVE, "ward-a", "notify", step=2),
    LadderEvent(at(47) + FIVE, "ward-a", "notify", step=2),
    LadderEvent(at(47) + 15 * MIN, "ward-a", "notify", step=3),
    LadderEvent(at(49), "ward-a", "overdue"),
    LadderEvent(at(60), "ward-b", "notify", step=2),  # not a unit of the page
]


def figures(**kw: object):  # type: ignore[no-untyped-def]
    units = ["dept-fire", "ward-a"]
    rows = aggregate(RECORDS, since=START, units=units)
    targets = {"ward-a": (FIVE, 2 * MIN), "dept-fire": (FIVE, 2 * MIN)}
    return page_figures(RECORDS, EVENTS, rows, start=START, now=NOW, targets=targets, **kw)


def test_page_figures_match_the_hand_count() -> None:
    f = figures()
    assert (f.received, f.taken, f.resolved, f.overdue) == (5, 3, 0, 1)
    assert f.take_median == 3 * MIN and f.take_p95 == 7 * MIN  # waits 1, 3, 7
    by_unit = {u.row.unit_id: u for u in f.units}
    assert by_unit["ward-a"].within_target == 1  # 3 min of 5 yes, 7 min no
    assert by_unit["dept-fire"].within_target == 1
    assert by_unit[""].within_target == 0 and by_unit[""].target is None
    assert by_unit["ward-a"].target == FIVE and by_unit["ward-a"].target_urgent == 2 * MIN
    assert f.by_category == (("drugs", 2), ("fire", 1), ("theft", 1), (None, 1))
    assert f.by_ward == {"27019": 2, "27013": 1, "27031": 1} and f.without_ward == 1
    # Two tips at one coarse point: one point of weight 2; sorted by place.
    assert f.points == ((10.777, 106.64, 1), (10.802, 106.618, 2))


def test_hours_and_days_are_local() -> None:
    f = figures()
    hours = dict(enumerate(f.by_hour))
    # 17:30 UTC is 00:30 local; 03:00 UTC 10:00; 16:00 UTC 23:00; 23:00 UTC 06:00; 21:00 UTC 04:00.
    assert {h: n for h, n in hours.items() if n} == {0: 1, 10: 1, 23: 1, 6: 1, 4: 1}
    assert f.climb_series == (2, 3, 4, REPEAT, OVERDUE)
    assert [b.first_day for b in f.climb_buckets][:3] == [
        date(2026, 12, 1),
        date(2026, 12, 2),
        date(2026, 12, 3),
    ]
    assert len(f.climb_buckets) == 8  # 01/12 to 08/12 (the report's morning)
    days = {b.first_day.day: b.counts for b in f.climb_buckets if any(b.counts)}
    # 10:05 on 01/12; 23:05 and 23:15 on 02/12; overdue at 01:00 on 03/12 (local).
    assert days == {1: (1, 0, 0, 0, 0), 2: (1, 1, 0, 0, 0), 3: (0, 0, 0, 0, 1)}
    assert f.forced_climbs == 0


def test_a_long_window_is_drawn_by_week() -> None:
    long = page_figures(RECORDS, EVENTS, [], start=START, now=START + timedelta(days=90))
    assert all(b.days == 7 for b in long.climb_buckets)
    assert long.climb_buckets[1].first_day == date(2026, 12, 8)
    assert long.received == 0  # no row: no unit on the page


def test_a_ladder_with_more_steps_gets_more_series() -> None:
    events = [LadderEvent(at(3), "ward-a", "notify", step=6)]
    rows = aggregate(RECORDS, since=START, unit="ward-a")
    f = page_figures(RECORDS, events, rows, start=START, now=NOW)
    assert f.climb_series == (2, 3, 4, 5, 6, REPEAT, OVERDUE)


# --- what the admin store reads ---------------------------------------------------------


def tip_doc(**extra: object) -> dict[str, object]:
    snapshot = policy_for(default_policies(), "ward", "urgent", "weapons")
    return {
        "ref": "TB-ABCDE",
        "reporter_key": "r_0123456789abcdef",
        "unit_id": "ward-27019",
        "created_at": START,
        "ward_code": "27019",
        "classification": {"category": "weapons", "severity": "urgent"},
        "intake_classification": {"category": "other"},
        "locations": [
            {"msg": "m1", "lat": "10.80001", "lng": "106.61234", "at": START},
            {"msg": "m2", "lat": "10.80251", "lng": "106.61789", "at": START},
        ],
        "texts": [{"msg": "m1", "text": "co nguoi cam dao"}],
        "policy": snapshot_to_doc(snapshot),
        "ladder": {"step": 3, "cycle": 0},
        **extra,
    }


def test_a_tip_document_gives_the_page_coarse_facts_and_no_identifier() -> None:
    r = tip_record(tip_doc())
    assert r is not None
    assert (r.category, r.ward_code, r.take_target) == ("weapons", "27019", 2 * MIN)
    assert r.coarse_location == (10.803, 106.618)  # the last location shared, coarse
    assert "TB-ABCDE" not in repr(r) and "r_0123" not in repr(r) and "dao" not in repr(r)


def test_a_tip_before_routing_or_with_odd_fields_still_reads() -> None:
    r = tip_record(
        tip_doc(classification=None, policy={"steps": "?"}, locations=[{"lat": "x"}], ward_code="")
    )
    assert r is not None
    assert (r.category, r.ward_code, r.take_target, r.coarse_location) == (
        "other",  # the webhook's classification, before the router's
        None,
        None,
        None,
    )


@pytest.mark.parametrize(
    ("doc", "expected"),
    [
        (
            {"at": START, "kind": "notify", "data": {"step": 2, "repeat": 0}},
            LadderEvent(START, "u", "notify", 2, 0),
        ),
        (
            {"at": START, "kind": "climbed", "data": {"from": "c0s1r0", "unreachable": ["x"]}},
            LadderEvent(START, "u", "climbed", None, 0, "c0s1r0"),
        ),
        ({"at": START, "kind": "overdue", "data": {}}, LadderEvent(START, "u", "overdue")),
        ({"kind": "notify"}, None),
    ],
)
def test_audit_events_read_as_ladder_events(doc: dict[str, object], expected: object) -> None:
    assert ladder_event(doc, "u") == expected


# --- sends to Zalo per day (the text report) ---------------------------------------

# Local days (Asia/Ho_Chi_Minh, UTC+7): 2 July 00:00 local is 1 July 17:00 UTC.
JULY_2 = datetime(2025, 7, 1, 17, 0, tzinfo=UTC)


def test_sends_and_holds_are_counted_per_local_day_quiet_days_included():
    sends = [
        SendFact(JULY_2 + 2 * MIN, "sent", 1),
        SendFact(JULY_2 + 3 * MIN, "sent", 3),  # delivered after two retries
        SendFact(JULY_2 + 4 * MIN, "failed", 2),  # still being retried
        SendFact(JULY_2 + 5 * MIN, "pending", 0),
        SendFact(JULY_2 + 6 * MIN, "given_up", 5),
        SendFact(JULY_2 - MIN, "sent", 1),  # 23:59 on 1 July, local: the day before
        SendFact(JULY_2 + timedelta(days=2), "unreachable", 1),
    ]
    holds = [JULY_2 + 10 * MIN, JULY_2 + 11 * MIN, JULY_2 + timedelta(days=2, hours=3)]
    days = delivery_by_day(sends, holds, JULY_2 - timedelta(days=1), JULY_2 + timedelta(days=2))
    assert [
        (d.day.day, d.sends, d.sent, d.pending, d.retried, d.given_up, d.holds) for d in days
    ] == [
        (1, 1, 1, 0, 0, 0, 0),
        (2, 5, 2, 2, 3, 1, 2),
        (3, 0, 0, 0, 0, 0, 0),  # a quiet day shows as quiet
        (4, 1, 0, 0, 0, 0, 1),
    ]


def test_a_long_window_lists_only_the_days_something_happened():
    sends = [SendFact(JULY_2, "sent", 1), SendFact(JULY_2 + timedelta(days=60), "sent", 1)]
    days = delivery_by_day(sends, [], JULY_2, JULY_2 + timedelta(days=90))
    assert [d.day.isoformat() for d in days] == ["2025-07-02", "2025-08-31"]


def test_the_delivery_table_speaks_vietnamese():
    days = delivery_by_day([SendFact(JULY_2, "given_up", 5)], [JULY_2], JULY_2, JULY_2)
    text = render_delivery(days)
    assert text.startswith("GỬI TIN QUA ZALO")
    row = next(line for line in text.splitlines() if line.startswith("02/07/2025"))
    assert re.split(r"\s+", row) == ["02/07/2025", "1", "0", "0", "1", "1", "1"]
    assert "Bỏ cuộc" in text and "Tạm dừng" in text
    assert text == unicodedata.normalize("NFC", text)
