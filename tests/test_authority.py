"""The authority model (`shared.core.authority`), pure: a table over who the officer
is × where the tip's ladder stands × what they ask, on the 2025 profile and the
shipped policy (a ward's normal ladder: duty officer; + duty commander; the desk
and the ward's chief; the city's chief and duty commander)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from shared.core import tip as tip_core
from shared.core.authority import Act, Actor, may, standing
from shared.core.classify import Classification
from shared.core.jurisdiction import load_profile
from shared.core.policy_file import default_policies
from shared.core.routing import snapshot_for
from shared.core.tip import Placement, Tip, TipStatus

PROFILE = load_profile("2025")
NOW = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
WARD = "ward-27019"

ACTORS = {
    "holder": Actor("cb-27019-2", WARD, "duty_officer"),
    "ward officer": Actor("cb-27019-1", WARD, "duty_officer"),  # on duty or not: a member
    "ward commander": Actor("cb-27019-cmd-1", WARD, "duty_commander"),
    "ward chief": Actor("cb-27019-chief", WARD, "chief"),
    "desk officer": Actor("cb-desk-1", "hcm-desk", "desk"),
    "city commander": Actor("cb-hcm-cmd-1", "hcm-police", "duty_commander"),
    "city chief": Actor("cb-hcm-chief", "hcm-police", "chief"),
    "neighbour officer": Actor("cb-27013-2", "ward-27013", "duty_officer"),
    "neighbour chief": Actor("cb-27013-chief", "ward-27013", "chief"),
    "department officer": Actor("cb-criminal-1", "dept-criminal", "duty_officer"),
    "inactive officer": Actor("cb-27019-3", WARD, "duty_officer", active=False),
}


def routed(step: int) -> Tip:
    """A drugs tip at Tân Sơn Nhì's ward whose ladder has reached `step`."""
    verdict = Classification("tip", "drugs", "normal", None, None, ())
    tip = Tip("TB-K5N9C", TipStatus.RECEIVED, "r_x", "oa", NOW)
    snapshot = snapshot_for(PROFILE, default_policies(), WARD, verdict)
    change = tip_core.route(tip, Placement(WARD, "27019", "2025", None, verdict), snapshot, NOW)
    assert change is not None
    assert change.tip.ladder is not None
    return replace(change.tip, ladder=replace(change.tip.ladder, step=step))


def held_by(step: int, actor: str) -> Tip:
    who = ACTORS[actor]
    return tip_core.take(routed(step), who.officer_id, who.unit_id, NOW).tip


STATES = {
    "open, step 1": lambda: routed(1),
    "open, step 2": lambda: routed(2),
    "open, step 3": lambda: routed(3),
    "open, step 4": lambda: routed(4),
    "held by the ward, step 2": lambda: held_by(2, "holder"),
    "held by the desk, step 3": lambda: held_by(3, "desk officer"),
    "resolved": lambda: tip_core.resolve(held_by(2, "holder"), "cb-27019-2", WARD, "", NOW).tip,
}

# ok: allowed; +take: finishing takes it first; else the refusal's reason.
OK, TAKES = "ok", "ok+take"
OUT, TAKEN, HELD, DONE, OFF = (
    "outside_unit",
    "already_taken",
    "held_by_other",
    "finished",
    "inactive",
)
#  actor                state                        take    finish  forward note
TABLE = [
    ("holder", "held by the ward, step 2", OK, OK, OK, OK),
    ("holder", "resolved", DONE, DONE, DONE, OK),
    *[
        (actor, f"open, step {k}", OK, TAKES, OK, OK)
        for actor in ("ward officer", "ward commander", "ward chief")
        for k in (1, 2, 3, 4)
    ],
    ("ward officer", "held by the ward, step 2", TAKEN, HELD, HELD, OK),
    ("ward commander", "held by the ward, step 2", TAKEN, OK, OK, OK),
    ("ward chief", "held by the ward, step 2", TAKEN, OK, OK, OK),
    ("ward officer", "held by the desk, step 3", TAKEN, HELD, HELD, OK),
    ("ward commander", "held by the desk, step 3", TAKEN, OK, OK, OK),
    ("ward officer", "resolved", DONE, DONE, DONE, OK),
    # The desk may act from the step that pages it (the third), not before.
    ("desk officer", "open, step 1", OUT, OUT, OUT, OUT),
    ("desk officer", "open, step 2", OUT, OUT, OUT, OUT),
    ("desk officer", "open, step 3", OK, TAKES, OK, OK),
    ("desk officer", "open, step 4", OK, TAKES, OK, OK),
    ("desk officer", "held by the ward, step 2", OUT, OUT, OUT, OUT),
    ("desk officer", "held by the desk, step 3", OK, OK, OK, OK),
    ("desk officer", "resolved", DONE, DONE, DONE, DONE),
    # The city's leadership is above the ward: it may always step in.
    *[
        (actor, state, OK, TAKES, OK, OK)
        for actor in ("city commander", "city chief")
        for state in ("open, step 1", "open, step 4")
    ],
    ("city commander", "held by the ward, step 2", TAKEN, OK, OK, OK),
    ("city chief", "held by the desk, step 3", TAKEN, OK, OK, OK),
    # Other wards and departments have no say, at any step.
    *[
        (actor, state, OUT, OUT, OUT, OUT)
        for actor in ("neighbour officer", "neighbour chief", "department officer")
        for state in ("open, step 1", "open, step 4", "held by the ward, step 2")
    ],
    ("neighbour officer", "resolved", DONE, DONE, DONE, DONE),
    *[(("inactive officer", state, OFF, OFF, OFF, OFF)) for state in STATES],
]


@pytest.mark.parametrize(
    "actor, state, take, finish, forward, note", TABLE, ids=[f"{r[0]}/{r[1]}" for r in TABLE]
)
def test_who_may_do_what(
    actor: str, state: str, take: str, finish: str, forward: str, note: str
) -> None:
    tip = STATES[state]()
    got = {}
    for act in Act:
        verdict = may(ACTORS[actor], act, tip, PROFILE)
        got[act] = (OK + ("+take" if verdict.takes else "")) if verdict.allowed else verdict.reason
    assert got == {Act.TAKE: take, Act.FINISH: finish, Act.FORWARD: forward, Act.NOTE: note}


def test_the_table_covers_every_actor_and_state() -> None:
    assert {r[0] for r in TABLE} == set(ACTORS)
    assert {r[1] for r in TABLE} == set(STATES)


def test_nobody_acts_on_a_tip_not_yet_routed() -> None:
    tip = Tip("TB-K5N9C", TipStatus.RECEIVED, "r_x", "oa", NOW)
    for actor in ACTORS.values():
        if actor.active:
            assert may(actor, Act.TAKE, tip, PROFILE).reason == "not_routed"


def test_a_forward_resets_who_was_paged() -> None:
    """At its new unit the ladder starts again: the desk paged for the ward's tip at
    step 3 is not paged for the department's until that ladder reaches the desk."""
    tip = routed(3)
    desk = ACTORS["desk officer"]
    assert "paged" in standing(desk, tip, PROFILE)
    snapshot = snapshot_for(PROFILE, default_policies(), "dept-criminal", tip.classification)
    moved = tip_core.transfer(tip, "dept-criminal", snapshot, NOW, "cb-27019-2", "", "").tip
    assert moved.ladder is not None and moved.ladder.step == 1
    assert moved.ladder.cycle == 1  # new alert keys: the desk can be paged again there
    assert standing(desk, moved, PROFILE) == frozenset()
    assert may(ACTORS["ward officer"], Act.TAKE, moved, PROFILE).reason == "outside_unit"


def test_finishing_an_untaken_tip_records_the_take_too() -> None:
    change = tip_core.resolve(routed(1), "cb-27019-1", WARD, "đã xử lý", NOW)
    assert [e.kind for e in change.events] == ["taken", "resolved"]
    assert change.tip.taken_at == change.tip.resolved_at == NOW
    assert change.tip.held_by == "cb-27019-1" and change.tip.holder_unit == WARD
