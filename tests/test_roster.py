"""Who is on duty: shifts in Ho Chi Minh City time, rotation, overrides, fallback."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from shared.core.roster import (
    DUTY_COMMANDER,
    DUTY_OFFICER,
    Override,
    Roster,
    RosterError,
    duty_for_alert,
    on_duty,
    roster_from_dict,
    roster_to_dict,
    shift_at,
)

HCM = timezone(timedelta(hours=7))  # Asia/Ho_Chi_Minh has had no DST since 1975


def hcm(y: int, mo: int, d: int, h: int, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=HCM)


def ward(**changes: object) -> Roster:
    base: dict[str, object] = {
        "unit_id": "ward-27019",
        "shift_starts": (time(7), time(19)),
        "anchor": date(2025, 7, 1),
        "rotations": {
            DUTY_OFFICER: (("a",), ("b",), ("c",)),
            DUTY_COMMANDER: (("cmd1",), ("cmd2",)),
        },
        "static": {"chief": ("chief",), "desk": ("desk1",)},
    }
    base.update(changes)
    return Roster(**base)  # type: ignore[arg-type]


def test_anchor_day_shift_goes_to_the_first_officer_of_the_rotation() -> None:
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 1, 7)) == ["a"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 1, 19)) == ["b"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 2, 7)) == ["c"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 2, 19)) == ["a"]


def test_shift_starts_exactly_at_its_start_and_not_one_second_before() -> None:
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 1, 18, 59, 59)) == ["a"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 1, 19, 0, 0)) == ["b"]


def test_night_shift_crosses_midnight_and_ends_at_seven() -> None:
    night = hcm(2025, 7, 1, 23, 59, 59)
    after_midnight = hcm(2025, 7, 2, 3, 0)
    last_second = hcm(2025, 7, 2, 6, 59, 59)
    assert on_duty(ward(), DUTY_OFFICER, night) == ["b"]
    assert on_duty(ward(), DUTY_OFFICER, after_midnight) == ["b"]
    assert on_duty(ward(), DUTY_OFFICER, last_second) == ["b"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 2, 7)) == ["c"]
    shift = shift_at(ward(), after_midnight)
    assert shift.local_date == date(2025, 7, 1)
    assert shift.index == 1
    assert shift.start == hcm(2025, 7, 1, 19)
    assert shift.end == hcm(2025, 7, 2, 7)


def test_instants_in_utc_are_read_in_ho_chi_minh_time() -> None:
    # 00:30 UTC is 07:30 in Ho Chi Minh City: the day shift, not the night.
    at = datetime(2025, 7, 1, 0, 30, tzinfo=UTC)
    assert on_duty(ward(), DUTY_OFFICER, at) == ["a"]
    # 11:59:59 UTC is 18:59:59 local; 12:00 UTC is 19:00 local.
    assert on_duty(ward(), DUTY_OFFICER, datetime(2025, 7, 1, 11, 59, 59, tzinfo=UTC)) == ["a"]
    assert on_duty(ward(), DUTY_OFFICER, datetime(2025, 7, 1, 12, tzinfo=UTC)) == ["b"]


def test_eight_hour_pattern_has_three_shifts_and_the_last_crosses_midnight() -> None:
    roster = ward(
        shift_starts=(time(6), time(14), time(22)),
        rotations={DUTY_OFFICER: (("a",), ("b",), ("c",), ("d",))},
    )
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 6)) == ["a"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 13, 59, 59)) == ["a"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 14)) == ["b"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 22)) == ["c"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 2, 5, 59, 59)) == ["c"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 2, 6)) == ["d"]


def test_instants_before_the_anchor_continue_the_rotation_backwards() -> None:
    # Shift -1 is the night before the anchor day: the last officer of the rotation.
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 7, 1, 6)) == ["c"]
    assert on_duty(ward(), DUTY_OFFICER, hcm(2025, 6, 30, 8)) == ["b"]


def test_override_for_one_shift_beats_the_rotation_for_that_shift_only() -> None:
    roster = ward(
        overrides=(Override(DUTY_OFFICER, ("x", "y"), shift_date=date(2025, 9, 2), shift_index=1),)
    )
    night = hcm(2025, 9, 3, 2)  # still the night shift that started on 2 September
    assert on_duty(roster, DUTY_OFFICER, night) == ["x", "y"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 9, 2, 18, 59, 59)) == on_duty(
        ward(), DUTY_OFFICER, hcm(2025, 9, 2, 18, 59, 59)
    )
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 9, 3, 7)) == on_duty(
        ward(), DUTY_OFFICER, hcm(2025, 9, 3, 7)
    )
    # Other roles keep their rotation.
    assert on_duty(roster, DUTY_COMMANDER, night) == on_duty(ward(), DUTY_COMMANDER, night)


def test_override_by_span_covers_start_and_stops_at_end() -> None:
    roster = ward(
        overrides=(
            Override(DUTY_OFFICER, ("x",), start=hcm(2025, 7, 1, 10), end=hcm(2025, 7, 1, 12)),
        )
    )
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 9, 59, 59)) == ["a"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 10)) == ["x"]
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 12)) == ["a"]


def test_overlapping_overrides_of_one_role_add_up() -> None:
    roster = ward(
        overrides=(
            Override(DUTY_OFFICER, ("x",), shift_date=date(2025, 7, 1), shift_index=0),
            Override(DUTY_OFFICER, ("y", "x"), start=hcm(2025, 7, 1, 8), end=hcm(2025, 7, 1, 9)),
        )
    )
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 8, 30)) == ["x", "y"]


def test_empty_override_empties_the_shift_and_the_alert_goes_to_the_commander() -> None:
    at = hcm(2025, 7, 1, 8)
    roster = ward(
        overrides=(Override(DUTY_OFFICER, (), shift_date=date(2025, 7, 1), shift_index=0),)
    )
    assert on_duty(roster, DUTY_OFFICER, at) == []
    answer = duty_for_alert(roster, at)
    assert answer.role == DUTY_COMMANDER
    assert answer.officer_ids == ("cmd1",)
    assert answer.fallback_to_desk is False


def test_empty_crew_in_the_rotation_is_an_empty_shift() -> None:
    roster = ward(rotations={DUTY_OFFICER: (("a",), ())})
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 19)) == []


def test_nobody_on_duty_and_no_commander_goes_to_the_desk_at_once() -> None:
    roster = ward(rotations={})
    answer = duty_for_alert(roster, hcm(2025, 7, 1, 8))
    assert answer.role == "desk"
    assert answer.officer_ids == ("desk1",)
    assert answer.fallback_to_desk is True


def test_unit_without_desk_flags_the_fallback_with_nobody_to_send_to() -> None:
    answer = duty_for_alert(ward(rotations={}, static={}), hcm(2025, 7, 1, 8))
    assert answer.officer_ids == ()
    assert answer.fallback_to_desk is True


def test_duty_officers_on_duty_answer_without_fallback() -> None:
    answer = duty_for_alert(ward(), hcm(2025, 7, 1, 8))
    assert (answer.role, answer.officer_ids, answer.fallback_to_desk) == (
        DUTY_OFFICER,
        ("a",),
        False,
    )
    assert answer.shift.start == hcm(2025, 7, 1, 7)


def test_static_roles_are_present_at_any_hour() -> None:
    for hour in (0, 7, 12, 19, 23):
        assert on_duty(ward(), "chief", hcm(2025, 7, 1, hour)) == ["chief"]
        assert on_duty(ward(), "desk", hcm(2025, 7, 1, hour)) == ["desk1"]


def test_naive_datetimes_are_rejected() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        on_duty(ward(), DUTY_OFFICER, datetime(2025, 7, 1, 8))
    with pytest.raises(ValueError, match="timezone-aware"):
        duty_for_alert(ward(), datetime(2025, 7, 1, 8))


def test_unknown_role_is_an_error_not_an_empty_shift() -> None:
    with pytest.raises(ValueError, match="unknown role"):
        on_duty(ward(), "duty_oficer", hcm(2025, 7, 1, 8))


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"shift_starts": ()}, "at least one"),
        ({"shift_starts": (time(19), time(7))}, "increasing"),
        ({"timezone": "Asia/Sai_Gon_Nowhere"}, "unknown timezone"),
        ({"rotations": {"chief": (("a",),)}}, "unknown role"),
        ({"overrides": (Override(DUTY_OFFICER, ("x",)),)}, "date and shift"),
        (
            {
                "overrides": (
                    Override(DUTY_OFFICER, ("x",), shift_date=date(2025, 7, 1), shift_index=2),
                )
            },
            "out of range",
        ),
        (
            {
                "overrides": (
                    Override(
                        DUTY_OFFICER,
                        ("x",),
                        start=datetime(2025, 7, 1, 10),
                        end=datetime(2025, 7, 1, 12),
                    ),
                )
            },
            "UTC offset",
        ),
    ],
)
def test_malformed_rosters_are_refused(changes: dict[str, object], message: str) -> None:
    with pytest.raises(RosterError, match=message):
        ward(**changes)


def arrays_in_arrays(value: object) -> list[object]:
    """Every list directly inside a list, at any depth: what Firestore refuses to store."""
    found: list[object] = []
    if isinstance(value, dict):
        for item in value.values():
            found += arrays_in_arrays(item)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list | tuple):
                found.append(item)
            found += arrays_in_arrays(item)
    return found


def test_storage_form_round_trips() -> None:
    roster = ward(
        rotations={
            DUTY_OFFICER: (("a",), ("b", "c"), ()),
            DUTY_COMMANDER: (("cmd1",), ("cmd2",)),
        },
        overrides=(
            Override(DUTY_OFFICER, ("x",), shift_date=date(2025, 9, 2), shift_index=1),
            Override(DUTY_COMMANDER, (), start=hcm(2025, 9, 2, 10), end=hcm(2025, 9, 2, 11)),
        ),
    )
    stored = roster_to_dict(roster)
    assert stored["shifts"] == ["07:00", "19:00"]
    assert stored["timezone"] == "Asia/Ho_Chi_Minh"
    assert stored["rotation"][DUTY_OFFICER] == [
        {"officers": ["a"]},
        {"officers": ["b", "c"]},
        {"officers": []},
    ]
    assert arrays_in_arrays(stored) == []
    assert roster_from_dict(stored) == roster


def test_storage_form_accepts_the_seed_and_older_crew_forms() -> None:
    roster = roster_from_dict(
        {
            "unit": "ward-27013",
            "shifts": ["07:00", "19:00"],
            "anchor": "2025-07-01",
            "rotation": {
                # a bare id, a list of ids, null (empty), and the storage form
                "duty_officer": ["a", ["b", "c"], None, {"officers": ["d", "e"]}],
                "duty_commander": [{"officers": []}, {"officers": "cmd"}],
            },
        }
    )
    assert roster.rotations[DUTY_OFFICER] == (("a",), ("b", "c"), (), ("d", "e"))
    assert roster.rotations[DUTY_COMMANDER] == ((), ("cmd",))
    assert on_duty(roster, DUTY_OFFICER, hcm(2025, 7, 1, 20)) == ["b", "c"]


@pytest.mark.parametrize(
    "crews, message",
    [
        ([{"officer": ["a"]}], r"rotation\.duty_officer\[0\]: expected a crew"),
        ([{"officers": ["a"], "note": "x"}], r"rotation\.duty_officer\[0\]: expected a crew"),
        (["a", {"officers": [1]}], r"rotation\.duty_officer\[1\]\.officers: expected"),
        (["a", [["b"]]], r"rotation\.duty_officer\[1\]: expected an officer id"),
        ("a", r"rotation\.duty_officer: expected a list of crews"),
    ],
)
def test_malformed_crews_are_refused_with_their_path(crews: object, message: str) -> None:
    with pytest.raises(RosterError, match=message):
        roster_from_dict(
            {
                "unit": "ward-27013",
                "shifts": ["07:00"],
                "anchor": "2025-07-01",
                "rotation": {"duty_officer": crews},
            }
        )


def test_storage_form_names_bad_fields() -> None:
    with pytest.raises(RosterError, match=r"ward-27013: shifts\[1\]"):
        roster_from_dict({"unit": "ward-27013", "shifts": ["07:00", "7pm"], "anchor": "2025-07-01"})
    with pytest.raises(RosterError, match=r"overrides\[0\].start"):
        roster_from_dict(
            {
                "unit": "ward-27013",
                "shifts": ["07:00"],
                "anchor": "2025-07-01",
                "overrides": [{"role": "desk", "start": "2025-07-01T07:00", "end": "x"}],
            }
        )


@given(
    minutes=st.integers(min_value=-3 * 366 * 24 * 60, max_value=3 * 366 * 24 * 60),
)
def test_every_instant_falls_in_exactly_one_shift_that_contains_it(minutes: int) -> None:
    at = hcm(2025, 7, 1, 0) + timedelta(minutes=minutes, seconds=17)
    shift = shift_at(ward(), at)
    assert shift.start <= at < shift.end
    assert shift.end - shift.start == timedelta(hours=12)
    # The next shift starts where this one ends, with the next number.
    assert shift_at(ward(), shift.end).number == shift.number + 1
    assert on_duty(ward(), DUTY_OFFICER, at) == [["a", "b", "c"][shift.number % 3]]
