"""Who may do what to a tip: the line's one authority model, as a pure function.

It is asked inside the transaction that changes the tip (the `decide` given to
`store.change_tip`), on the tip as that transaction read it: a tip another
officer took a moment ago, or that moved to another unit, is judged as it is
now, never as a read before the transaction saw it.

How an officer stands to a tip (U: the tip's unit; H: its holder, if taken):

    holder   holds it (took it with NHAN)
    member   an officer of U, on duty or not
    paged    named by a step the tip's ladder has reached at U, as the step's
             targets name roles: of U, of U's parent, the desk (a `desk` target
             is the line's desk, as paging reads it). The city command's chief
             and duty commander at the top step, the desk and the ward's chief
             at the third step of a ward's ladder. Reset when the tip moves to
             another unit (its ladder starts again there) and after a release.
    leader   a duty commander or chief of U, of H's unit, or of a unit above either
    desk     an officer of the desk while the desk holds the tip (U is the desk,
             or H is a desk officer)

What each may do:

    act                  tip not taken             tip taken
    take     NHAN        member, paged, leader     holder (again: answers a reminder)
    finish   XONG KHONG  member, paged, leader *   holder, leader, desk
    forward  CHUYEN      member, paged, leader     holder, leader, desk
    note     GHI         member, paged, leader     holder, member, paged, leader, desk

    * finishing a tip nobody took takes it in the same step (NHAN and XONG at
      once), so the time to take is recorded honestly.

While nobody holds a tip, anyone paged for it may send it on (the desk paged
at the third step hands a ward's tip to the neighbouring ward); once an officer
holds it, it is theirs to send on, or their leaders'.

A finished tip (resolved, closed) takes notes only, from anyone related to it.
Nobody acts on a tip not yet routed, nor as an inactive officer. A refusal
says why (`Verdict.reason`): the shell names the unit (and the holder) in its
answer and says what the officer can do instead.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from shared.core.jurisdiction import Profile
from shared.core.ladder import Target
from shared.core.tip import Tip, TipStatus

LEADER_ROLES = frozenset({"duty_commander", "chief"})
DESK_ROLE = "desk"  # a ladder target meaning the line's desk (whatever unit it names)


class Act(StrEnum):
    TAKE = "take"
    FINISH = "finish"  # resolve (XONG) or close as not a tip (KHONG)
    FORWARD = "forward"
    NOTE = "note"


@dataclass(frozen=True)
class Actor:
    """The officer who sent the command, as their (active) record says."""

    officer_id: str
    unit_id: str
    role: str
    active: bool = True


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    # ok; or inactive, not_routed, finished, already_taken, held_by_other, outside_unit
    reason: str = "ok"
    takes: bool = False  # finishing a tip nobody holds takes it in the same step


ALLOWED = Verdict(True)


def may(actor: Actor, act: Act, tip: Tip, profile: Profile) -> Verdict:
    """May `actor` do `act` to `tip` as it is now?"""
    if not actor.active:
        return Verdict(False, "inactive")
    if tip.status is TipStatus.RECEIVED or tip.unit_id is None:
        return Verdict(False, "not_routed")
    relations = standing(actor, tip, profile)
    if not tip.is_open:
        if act is Act.NOTE and relations:
            return ALLOWED
        return Verdict(False, "finished")
    if not tip.is_held:
        if relations & {"member", "paged", "leader"}:
            return Verdict(True, takes=act is Act.FINISH)
        return Verdict(False, "outside_unit")
    allowed_when_held = {
        Act.TAKE: {"holder"},
        Act.FINISH: {"holder", "leader", "desk"},
        Act.FORWARD: {"holder", "leader", "desk"},
        Act.NOTE: {"holder", "member", "paged", "leader", "desk"},
    }[act]
    if relations & allowed_when_held:
        return ALLOWED
    if not relations:
        return Verdict(False, "outside_unit")
    return Verdict(False, "already_taken" if act is Act.TAKE else "held_by_other")


def standing(actor: Actor, tip: Tip, profile: Profile) -> frozenset[str]:
    """The relations (holder, member, paged, leader, desk) `actor` has to `tip`."""
    unit = tip.unit_id
    if unit is None or unit not in profile.units:
        return frozenset()
    found: set[str] = set()
    if tip.held_by is not None and tip.held_by == actor.officer_id:
        found.add("holder")
    if actor.unit_id == unit:
        found.add("member")
    if _paged(actor, tip, profile):
        found.add("paged")
    if actor.role in LEADER_ROLES:
        led = {unit, *_above(profile, unit)}
        if tip.holder_unit in profile.units:
            led |= {tip.holder_unit, *_above(profile, tip.holder_unit)}
        if actor.unit_id in led:
            found.add("leader")
    desk = profile.desk_id
    if actor.unit_id == desk and (unit == desk or (tip.is_held and tip.holder_unit == desk)):
        found.add("desk")
    return frozenset(found)


def addressed_unit(profile: Profile, unit_id: str, target: Target) -> str | None:
    """The unit whose roster a ladder target reads, for a tip at `unit_id`.

    A `desk` target is the line's desk (a unit of its own beside the parent's
    leadership); `parent` is the unit above (None at the top of the tree).
    """
    if target.role == DESK_ROLE:
        return profile.desk_id
    if target.unit == "parent":
        parent = profile.parent_of(unit_id)
        return parent.id if parent else None
    return unit_id


def paged_targets(tip: Tip) -> Iterator[Target]:
    """The targets of every step the tip's ladder has reached in its current cycle."""
    if tip.policy is None or tip.ladder is None:
        return
    reached = min(tip.ladder.step, len(tip.policy.steps))
    for step in tip.policy.steps[:reached]:
        yield from step.targets


def _paged(actor: Actor, tip: Tip, profile: Profile) -> bool:
    assert tip.unit_id is not None
    for target in paged_targets(tip):
        if addressed_unit(profile, tip.unit_id, target) != actor.unit_id:
            continue
        # The desk is paged as a team; elsewhere a step names one role of the unit.
        if target.role == DESK_ROLE or target.role == actor.role:
            return True
    return False


def _above(profile: Profile, unit_id: str) -> list[str]:
    out: list[str] = []
    current = profile.parent_of(unit_id)
    while current is not None:
        out.append(current.id)
        current = profile.parent_of(current.id)
    return out


def reaches_beyond_unit(profile: Profile, unit_id: str) -> bool:
    """Whether an officer of this unit may act on other units' tips (the desk, a
    unit with units under it): whose open tips are worth searching line-wide."""
    return unit_id == profile.desk_id or any(u.parent == unit_id for u in profile.units.values())
