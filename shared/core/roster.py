"""Who is on duty: a pure function of a unit's roster and an instant.

A roster divides every local day (Asia/Ho_Chi_Minh, no daylight saving) into
shifts that start at fixed local times, e.g. ``07:00`` and ``19:00`` (12-hour
pattern) or ``06:00``, ``14:00``, ``22:00`` (8-hour pattern). A shift runs from
its start up to, not including, the next start, so the last shift of a day
crosses midnight and 03:00 belongs to the previous day's night shift.

Shifts are numbered from the roster's anchor date: the first shift of the
anchor day is shift 0, shifts before it are negative. Each rotating role
(``duty_officer``, ``duty_commander``) has an ordered list of crews (usually
one officer each); shift n is served by crew ``n mod len(rotation)``, so the
rotation advances one crew per shift. A crew may be empty: an empty shift.

Overrides beat the rotation for one role: either one shift (the local date the
shift starts on and its index within that day) or any span of instants
(``start`` <= at < ``end``). An override with no officers makes the shift
empty on purpose. Static roles (``chief``, ``desk``) are always present.

The roster holds officer ids only; whether an officer is active or reachable is
the caller's business. The storage form (Firestore ``rosters/{unit}``) is
`roster_to_dict` / `roster_from_dict`; see docs/seed-format.md. In it each
rotation crew is a map ``{"officers": [ids]}``, because Firestore refuses an
array directly inside an array. `roster_from_dict` also reads the seed file's
shorter crews (a list of ids, a bare id, null for an empty crew).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"

DUTY_OFFICER = "duty_officer"
DUTY_COMMANDER = "duty_commander"
CHIEF = "chief"
DESK = "desk"
ROTATING_ROLES = (DUTY_OFFICER, DUTY_COMMANDER)
STATIC_ROLES = (CHIEF, DESK)
ROLES = ROTATING_ROLES + STATIC_ROLES
CREW_OFFICERS = "officers"  # the one key of a crew in the storage form


class RosterError(ValueError):
    """A roster (or its storage form) is malformed; the message names the field."""


@dataclass(frozen=True)
class Override:
    """Officers who replace the rotation of one role for one shift or one span.

    Exactly one of (``shift_date`` with ``shift_index``) or (``start`` with
    ``end``) is set; ``start``/``end`` are timezone-aware.
    """

    role: str
    officer_ids: tuple[str, ...]
    shift_date: date | None = None
    shift_index: int | None = None
    start: datetime | None = None
    end: datetime | None = None


@dataclass(frozen=True)
class Roster:
    unit_id: str
    shift_starts: tuple[time, ...]
    anchor: date
    rotations: Mapping[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)
    static: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    overrides: tuple[Override, ...] = ()
    timezone: str = DEFAULT_TIMEZONE

    def __post_init__(self) -> None:
        if not self.shift_starts:
            raise RosterError(f"{self.unit_id}: shifts: at least one shift start is needed")
        if list(self.shift_starts) != sorted(set(self.shift_starts)):
            raise RosterError(f"{self.unit_id}: shifts: starts must be increasing and distinct")
        _zone(self.timezone)
        for role in self.rotations:
            if role not in ROTATING_ROLES:
                raise RosterError(f"{self.unit_id}: rotation: unknown role {role!r}")
        for role in self.static:
            if role not in STATIC_ROLES:
                raise RosterError(f"{self.unit_id}: static: unknown role {role!r}")
        for i, item in enumerate(self.overrides):
            by_shift = item.shift_date is not None and item.shift_index is not None
            by_span = item.start is not None and item.end is not None
            if by_shift == by_span:
                raise RosterError(
                    f"{self.unit_id}: overrides[{i}]: give date and shift, or start and end"
                )
            if item.role not in ROLES:
                raise RosterError(f"{self.unit_id}: overrides[{i}]: unknown role {item.role!r}")
            if by_shift and not 0 <= (item.shift_index or 0) < len(self.shift_starts):
                raise RosterError(f"{self.unit_id}: overrides[{i}]: shift index out of range")
            if by_span:
                assert item.start is not None and item.end is not None
                if item.start.tzinfo is None or item.end.tzinfo is None:
                    raise RosterError(
                        f"{self.unit_id}: overrides[{i}]: start and end need a UTC offset"
                    )
                if item.end <= item.start:
                    raise RosterError(f"{self.unit_id}: overrides[{i}]: end must follow start")


@dataclass(frozen=True)
class Shift:
    """One concrete shift: its number since the anchor, local date and index, bounds."""

    number: int
    local_date: date
    index: int
    start: datetime  # aware, in the roster's zone
    end: datetime


@dataclass(frozen=True)
class DutyAnswer:
    """Whom an alert goes to now.

    ``role`` is the role that answered (duty_officer, duty_commander or desk).
    ``fallback_to_desk`` is true when no duty officer or commander is on duty:
    the alert goes to the unit's desk at once, and when ``officer_ids`` is empty
    too (the unit has no desk) the caller sends it to the parent unit's desk.
    """

    officer_ids: tuple[str, ...]
    role: str
    fallback_to_desk: bool
    shift: Shift


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise RosterError(f"unknown timezone {name!r}") from exc


def _require_aware(at: datetime) -> None:
    # A naive datetime could be UTC or local time; guessing would put the wrong
    # officer on duty for seven hours, so refuse it.
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError("a timezone-aware datetime is required")


def shift_at(roster: Roster, at: datetime) -> Shift:
    """The shift that contains the instant ``at``."""
    _require_aware(at)
    zone = _zone(roster.timezone)
    local = at.astimezone(zone)
    starts = roster.shift_starts
    day = local.date()
    clock = local.time().replace(tzinfo=None)
    index = max((i for i, s in enumerate(starts) if s <= clock), default=None)
    if index is None:
        # Before the day's first start: still the previous day's last shift.
        day -= timedelta(days=1)
        index = len(starts) - 1
    start = datetime.combine(day, starts[index], tzinfo=zone)
    if index + 1 < len(starts):
        end = datetime.combine(day, starts[index + 1], tzinfo=zone)
    else:
        end = datetime.combine(day + timedelta(days=1), starts[0], tzinfo=zone)
    number = (day - roster.anchor).days * len(starts) + index
    return Shift(number=number, local_date=day, index=index, start=start, end=end)


def _override_for(roster: Roster, role: str, at: datetime, shift: Shift) -> list[str] | None:
    matched: list[str] | None = None
    for item in roster.overrides:
        if item.role != role:
            continue
        if item.shift_date is not None:
            hit = item.shift_date == shift.local_date and item.shift_index == shift.index
        else:
            assert item.start is not None and item.end is not None
            hit = item.start <= at < item.end
        if hit:
            # Several overrides of one role for one instant add up (two extra
            # officers on a holiday night are written as two lines).
            matched = (matched or []) + [o for o in item.officer_ids if o not in (matched or [])]
    return matched


def on_duty(roster: Roster, role: str, at: datetime) -> list[str]:
    """Officer ids holding ``role`` in the roster's unit at the instant ``at``."""
    _require_aware(at)
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r}")
    shift = shift_at(roster, at)
    overridden = _override_for(roster, role, at, shift)
    if overridden is not None:
        return overridden
    if role in STATIC_ROLES:
        return list(roster.static.get(role, ()))
    rotation = roster.rotations.get(role, ())
    if not rotation:
        return []
    return list(rotation[shift.number % len(rotation)])


def duty_for_alert(roster: Roster, at: datetime) -> DutyAnswer:
    """Duty officers; if none, the duty commander; if none, the desk at once."""
    shift = shift_at(roster, at)
    for role in ROTATING_ROLES:
        ids = on_duty(roster, role, at)
        if ids:
            return DutyAnswer(tuple(ids), role, fallback_to_desk=False, shift=shift)
    return DutyAnswer(tuple(on_duty(roster, DESK, at)), DESK, fallback_to_desk=True, shift=shift)


# --- storage form -------------------------------------------------------------


def _parse_time(value: Any, where: str) -> time:
    if isinstance(value, time):
        return value
    try:
        hours, minutes = str(value).split(":")
        return time(int(hours), int(minutes))
    except ValueError as exc:
        raise RosterError(f"{where}: expected HH:MM, got {value!r}") from exc


def _parse_date(value: Any, where: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise RosterError(f"{where}: expected YYYY-MM-DD, got {value!r}") from exc


def _parse_instant(value: Any, where: str) -> datetime:
    try:
        parsed = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise RosterError(f"{where}: expected an ISO 8601 instant, got {value!r}") from exc
    if parsed.tzinfo is None:
        raise RosterError(f"{where}: the instant needs a UTC offset, e.g. +07:00")
    return parsed


def _ids(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list | tuple) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise RosterError(f"{where}: expected an officer id or a list of officer ids")


def _crew(value: Any, where: str) -> tuple[str, ...]:
    # The storage form {"officers": [...]}, or the seed's list / id / null.
    if isinstance(value, Mapping):
        if set(value) != {CREW_OFFICERS}:
            raise RosterError(f"{where}: expected a crew {{officers: [ids]}}")
        return _ids(value[CREW_OFFICERS], f"{where}.{CREW_OFFICERS}")
    return _ids(value, where)


def _crews(value: Any, where: str) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list | tuple):
        raise RosterError(f"{where}: expected a list of crews")
    return tuple(_crew(crew, f"{where}[{i}]") for i, crew in enumerate(value))


def roster_from_dict(d: Mapping[str, Any]) -> Roster:
    """The roster from its storage form (see the module docstring and docs/seed-format.md)."""
    unit = d.get("unit_id") or d.get("unit")
    if not isinstance(unit, str) or not unit:
        raise RosterError("roster: unit_id is missing")
    shifts = d.get("shifts")
    if not isinstance(shifts, list):
        raise RosterError(f"{unit}: shifts: expected a list of HH:MM")
    starts = tuple(_parse_time(s, f"{unit}: shifts[{i}]") for i, s in enumerate(shifts))
    if "anchor" not in d:
        raise RosterError(f"{unit}: anchor: missing")
    anchor = _parse_date(d["anchor"], f"{unit}: anchor")
    rotations = {
        role: _crews(crews, f"{unit}: rotation.{role}")
        for role, crews in (d.get("rotation") or {}).items()
    }
    static = {
        role: _ids(ids, f"{unit}: static.{role}") for role, ids in (d.get("static") or {}).items()
    }
    overrides: list[Override] = []
    for i, raw in enumerate(d.get("overrides") or []):
        where = f"{unit}: overrides[{i}]"
        if not isinstance(raw, Mapping):
            raise RosterError(f"{where}: expected a mapping")
        officers = _ids(raw.get("officers"), f"{where}.officers")
        role = str(raw.get("role", ""))
        if "date" in raw:
            shift = raw.get("shift")
            if not isinstance(shift, int):
                raise RosterError(f"{where}.shift: expected the shift index (0, 1, ...)")
            overrides.append(
                Override(role, officers, _parse_date(raw["date"], f"{where}.date"), shift)
            )
        else:
            overrides.append(
                Override(
                    role,
                    officers,
                    start=_parse_instant(raw.get("start"), f"{where}.start"),
                    end=_parse_instant(raw.get("end"), f"{where}.end"),
                )
            )
    return Roster(
        unit_id=unit,
        shift_starts=starts,
        anchor=anchor,
        rotations=rotations,
        static=static,
        overrides=tuple(overrides),
        timezone=str(d.get("timezone") or DEFAULT_TIMEZONE),
    )


def roster_to_dict(r: Roster) -> dict[str, Any]:
    """The storage form: plain strings, lists and dicts, no list directly in a list.

    Firestore refuses an array value inside an array value, so each rotation
    crew is a map ``{"officers": [ids]}`` (an empty crew ``{"officers": []}``).
    """
    overrides: list[dict[str, Any]] = []
    for item in r.overrides:
        entry: dict[str, Any] = {"role": item.role, "officers": list(item.officer_ids)}
        if item.shift_date is not None:
            entry.update(date=item.shift_date.isoformat(), shift=item.shift_index)
        else:
            assert item.start is not None and item.end is not None
            entry.update(start=item.start.isoformat(), end=item.end.isoformat())
        overrides.append(entry)
    return {
        "unit_id": r.unit_id,
        "timezone": r.timezone,
        "shifts": [s.strftime("%H:%M") for s in r.shift_starts],
        "anchor": r.anchor.isoformat(),
        "rotation": {
            role: [{CREW_OFFICERS: list(crew)} for crew in crews]
            for role, crews in r.rotations.items()
        },
        "static": {role: list(ids) for role, ids in r.static.items()},
        "overrides": overrides,
    }
