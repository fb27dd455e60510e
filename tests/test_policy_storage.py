"""Policy snapshots and ladder states survive the trip through a Firestore map."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from shared.core.ladder import (
    UNIT_KINDS,
    LadderState,
    PolicySnapshot,
    Repeat,
    Step,
    Target,
    next_action,
    on_taken,
    start_ladder,
)
from shared.core.policy_file import CATEGORIES, default_policies, policy_for
from shared.store.documents import (
    TRAIL_MAX_BYTES,
    TRAIL_MAX_EVENTS,
    ladder_from_doc,
    ladder_to_doc,
    snapshot_from_doc,
    snapshot_to_doc,
    trail_appended,
)

T0 = datetime(2025, 7, 1, 8, 0, tzinfo=UTC)

seconds = st.integers(0, 10 * 24 * 3600).map(lambda s: timedelta(seconds=s))
positive = st.integers(1, 10 * 24 * 3600).map(lambda s: timedelta(seconds=s))
targets = st.lists(
    st.builds(
        Target,
        unit=st.sampled_from(("self", "parent")),
        role=st.sampled_from(("duty_officer", "duty_commander", "chief", "desk")),
    ),
    min_size=1,
    max_size=3,
).map(tuple)
snapshots = st.builds(
    PolicySnapshot,
    version=st.text(min_size=1, max_size=12),
    unit_kind=st.sampled_from(UNIT_KINDS),
    severity=st.sampled_from(("normal", "urgent")),
    category=st.sampled_from(CATEGORIES),
    steps=st.lists(st.builds(Step, after=seconds, targets=targets), min_size=1, max_size=5).map(
        tuple
    ),
    repeat=st.builds(Repeat, every=positive, times=st.integers(0, 10)),
    resolve_within=positive,
    reminder_count=st.integers(0, 5),
    reminder_every=positive,
)
# Firestore hands timestamps back in UTC; any aware instant must come back equal.
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2040, 1, 1), timezones=st.just(UTC)
)
states = st.builds(
    LadderState,
    phase=st.sampled_from(("open", "overdue", "held", "done")),
    routed_at=instants,
    last_step_at=instants,
    cycle=st.integers(0, 50),
    step=st.integers(0, 10),
    repeats_done=st.integers(0, 10),
    taken_at=st.none() | instants,
    held_by=st.none() | st.text(min_size=1, max_size=20),
    reminders_sent=st.integers(0, 5),
    overdue_at=st.none() | instants,
)


@given(snapshots)
def test_any_snapshot_comes_back_equal_from_its_map(snapshot):
    assert snapshot_from_doc(snapshot_to_doc(snapshot)) == snapshot


@given(states)
def test_any_ladder_state_comes_back_equal_from_its_map(state):
    assert ladder_from_doc(ladder_to_doc(state)) == state


def test_the_map_holds_only_firestore_friendly_values():
    snapshot = policy_for(default_policies(), "ward", "urgent", "fire")
    doc = snapshot_to_doc(snapshot)
    assert doc["steps"][1] == {
        "after_s": 120,
        "targets": [
            {"unit": "self", "role": "duty_officer"},
            {"unit": "self", "role": "duty_commander"},
        ],
    }
    assert doc["digest"] == snapshot.digest
    assert doc["resolve_within_s"] == 30 * 60 and doc["severity"] == "urgent"

    held = on_taken(snapshot, next_action(snapshot, start_ladder(T0), T0).state, T0, "cb-01")
    state_doc = ladder_to_doc(held.state)
    assert state_doc == {
        "phase": "held",
        "routed_at": T0,
        "last_step_at": T0,
        "cycle": 0,
        "step": 1,
        "repeats_done": 0,
        "taken_at": T0,
        "held_by": "cb-01",
        "reminders_sent": 0,
        "overdue_at": None,
        "held_since": None,
        "holds": 0,
    }


def test_a_stale_digest_in_storage_is_recomputed_not_trusted():
    snapshot = policy_for(default_policies(), "ward", "normal", "theft")
    doc = snapshot_to_doc(snapshot) | {"digest": "0000"}
    assert snapshot_from_doc(doc).digest == snapshot.digest


def test_a_field_added_by_a_newer_writer_is_ignored():
    state = start_ladder(T0)
    assert ladder_from_doc(ladder_to_doc(state) | {"paused": True}) == state


def test_an_instant_in_another_zone_is_kept_as_the_same_instant():
    ict = timezone(timedelta(hours=7))
    state = start_ladder(datetime(2025, 7, 1, 15, 0, tzinfo=ict))
    assert ladder_from_doc(ladder_to_doc(state)).routed_at == T0


@pytest.mark.parametrize(
    "broken",
    [
        {"phase": "sleeping"},
        {"routed_at": datetime(2025, 7, 1, 8, 0)},  # naive: the zone would be a guess
        {"step": -1},
    ],
)
def test_a_malformed_ladder_map_is_refused(broken):
    with pytest.raises(ValidationError):
        ladder_from_doc(ladder_to_doc(start_ladder(T0)) | broken)


def test_a_snapshot_map_without_steps_is_refused():
    doc = snapshot_to_doc(policy_for(default_policies(), "ward", "normal", "theft"))
    with pytest.raises(ValidationError):
        snapshot_from_doc(doc | {"steps": []})


# --- a tip's audit trail on the tip (issue 18, round 13) ---------------------------------


def _entry(n: int, text: str = "") -> dict[str, object]:
    return {"at": T0 + timedelta(seconds=n), "actor": "router", "kind": "k", "data": {"t": text}}


def test_a_trail_entry_goes_on_the_tip_until_the_list_is_full_then_to_documents() -> None:
    stored = {"events": [_entry(n) for n in range(TRAIL_MAX_EVENTS - 1)]}
    fields, spill = trail_appended(stored, [_entry(900), _entry(901), _entry(902)])
    assert fields["events"][-1] == _entry(900) and len(fields["events"]) == TRAIL_MAX_EVENTS
    assert spill == {"spilled-000000": _entry(901), "spilled-000001": _entry(902)}
    assert fields["events_spilled"] == 2
    # Once spilled, always: the list is not written again, the order is kept.
    full = {"events": fields["events"], "events_spilled": 2}
    later = ({"events_spilled": 3}, {"spilled-000002": _entry(903)})
    assert trail_appended(full, [_entry(903)]) == later


def test_a_trail_spills_by_size_before_the_tip_nears_its_one_mebibyte() -> None:
    long = "đ" * (TRAIL_MAX_BYTES // 4)  # two bytes a letter: half the bound each
    fields, spill = trail_appended({}, [_entry(1, long), _entry(2, long), _entry(3)])
    assert fields["events"] == [_entry(1, long)]
    assert list(spill.values()) == [_entry(2, long), _entry(3)]
    assert trail_appended({}, []) == ({}, {})
