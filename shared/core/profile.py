"""A jurisdiction profile as plain values: the unit tree, category routing, OA ids,
old units, districts and provinces. `jurisdiction.load_profile` reads them from
the profile's files (through `profile_file`); everything here is frozen.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

UNIT_KINDS = ("ward", "team", "department", "desk", "command")
WARD = "ward"  # routing target meaning "the ward the tip resolved to"


@dataclass(frozen=True, slots=True)
class Code:
    """An administrative code; meaningless without its map version."""

    code: str
    map: str


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str | None  # null until the unit gives a verified number
    address: str | None
    hours: str | None


@dataclass(frozen=True, slots=True)
class Unit:
    id: str
    name: str
    kind: str
    parent: str | None
    codes: tuple[Code, ...] = ()
    names: tuple[str, ...] = ()
    ward_kind: str = "phường"  # wards: phường, xã or đặc khu
    polygon: str | None = None
    oa_ids: tuple[str, ...] = ()
    contact: Contact | None = None

    @property
    def code(self) -> str | None:
        """The first code (a ward's code on its own map)."""
        return self.codes[0].code if self.codes else None


@dataclass(frozen=True, slots=True)
class Routing:
    categories: tuple[str, ...]
    default: str
    routes: Mapping[str, str]
    ward_overrides: Mapping[str, Mapping[str, str]]


@dataclass(frozen=True, slots=True)
class Successor:
    code: str  # a code of the profile's map
    share: float  # share of the old ward's area


@dataclass(frozen=True, slots=True)
class LegacyWard:
    """A unit of an earlier map and the wards of this profile's map that took it."""

    code: str  # the old code (never compare it with a code of the current map)
    name: str  # without its kind: "Sơn Kỳ", "14"
    names: tuple[str, ...]  # other spellings
    successors: tuple[Successor, ...]  # largest share first; empty: not known
    kind: str = "phường"  # phường, xã, thị trấn
    districts: tuple[tuple[str, str | None], ...] = ()  # (name, kind): "Tân Phú", "quận"
    province: str | None = None
    era: str = "2025"  # the list it comes from: in force on 30 June 2025, or mid-2024

    @property
    def full_name(self) -> str:
        return f"{self.kind.capitalize()} {self.name}"


@dataclass(frozen=True, slots=True)
class District:
    """An old district (or city, town), as addresses name it."""

    name: str  # without its kind: "Tân Phú", "1", "Thủ Đức"
    kind: str | None  # quận, huyện, thành phố, thị xã; None: any marker names it
    codes: tuple[str, ...]  # the wards of this profile's map covering it
    outside: bool = False  # wholly outside the area (the profile knows no more)
    province: str | None = None


@dataclass(frozen=True, slots=True)
class Province:
    name: str  # as in the legacy list: "Tỉnh Bình Dương"
    names: tuple[str, ...]  # as citizens write it
    codes: tuple[str, ...]  # the wards of this profile's map covering it


@dataclass(frozen=True, slots=True)
class Places:
    """The words of addresses: markers (by the kind they introduce), districts,
    provinces, city names that close an address, ward names outside the area."""

    ward_markers: Mapping[str, tuple[str, ...]]  # phường -> (phường, phuong, p, ...)
    district_markers: Mapping[str, tuple[str, ...]]
    province_markers: tuple[str, ...]
    districts: tuple[District, ...]
    provinces: tuple[Province, ...]
    cities: tuple[str, ...]
    outside_wards: tuple[str, ...]
    numbered_outside: bool  # the area never had numbered wards or districts


@dataclass(frozen=True, eq=False)
class Profile:
    """One map: units by id, routing, OA ids. Compared by identity (cache key)."""

    name: str
    map: str
    root_id: str
    desk_id: str
    polygons: str | None  # ward boundaries: GPS resolves to a ward
    outer_polygons: str | None  # only the area's outline: GPS tells inside from outside
    near_boundary_m: int
    uncertain_boundaries_m: Mapping[str, int]  # wider margins where polygons are uncertain
    outside_polygons: Mapping[str, str]
    max_candidates: int  # an abstention names at most this many wards of one evidence
    units: Mapping[str, Unit]
    routing: Routing
    legacy: tuple[LegacyWard, ...]
    places: Places
    _by_code: Mapping[str, Unit] = field(repr=False, default_factory=dict)
    _by_oa: Mapping[str, Unit] = field(repr=False, default_factory=dict)

    def unit(self, unit_id: str) -> Unit:
        return self.units[unit_id]

    def ward_by_code(self, code: str) -> Unit | None:
        """The ward with that code on this profile's map (codes of another map never match)."""
        return self._by_code.get(code)

    def wards(self) -> list[Unit]:
        return [u for u in self.units.values() if u.kind == "ward"]

    @property
    def desk(self) -> Unit:
        return self.units[self.desk_id]

    @property
    def root(self) -> Unit:
        return self.units[self.root_id]

    def parent_of(self, unit_id: str) -> Unit | None:
        parent = self.units[unit_id].parent
        return self.units[parent] if parent else None

    def unit_for_category(self, ward_unit_id: str, category: str) -> str:
        """The id of the unit that takes `category` for a tip resolved to that ward."""
        target = self.routing.ward_overrides.get(ward_unit_id, {}).get(category)
        if target is None:
            target = self.routing.routes.get(category, self.routing.default)
        return ward_unit_id if target == WARD else target

    def unit_for_oa(self, oa_id: str | None) -> Unit | None:
        return self._by_oa.get(oa_id) if oa_id else None

    def with_oa_ids(self, mapping: Mapping[str, list[str] | tuple[str, ...]]) -> Profile:
        """A copy where the units named in `mapping` ({unit id: [OA id]}) own those OA ids.

        OA ids are deployment configuration, not public data: the packaged
        files leave them empty and the deployment passes its mapping here.
        """
        units = dict(self.units)
        for unit_id, oa_ids in mapping.items():
            if unit_id not in units:
                raise KeyError(f"unknown unit {unit_id!r} in OA mapping")
            units[unit_id] = replace(units[unit_id], oa_ids=tuple(oa_ids))
        return assemble(replace(self, units=units))


def assemble(profile: Profile) -> Profile:
    """Fill the lookup tables and check the tree: root and desk exist, parents exist,
    ward codes and OA ids unique."""
    by_code: dict[str, Unit] = {}
    by_oa: dict[str, Unit] = {}
    for role, unit_id in (("root", profile.root_id), ("desk", profile.desk_id)):
        if unit_id not in profile.units:
            raise ValueError(f"{role}: unknown unit {unit_id!r}")
    for unit in profile.units.values():
        if unit.kind not in UNIT_KINDS:
            raise ValueError(f"unit {unit.id}: unknown kind {unit.kind!r}")
        if unit.parent is not None and unit.parent not in profile.units:
            raise ValueError(f"unit {unit.id}: unknown parent {unit.parent!r}")
        if unit.kind == "ward":
            for code in unit.codes:
                if code.map == profile.map:
                    if code.code in by_code:
                        raise ValueError(f"ward code {code.code} belongs to two units")
                    by_code[code.code] = unit
        for oa_id in unit.oa_ids:
            if oa_id in by_oa:
                raise ValueError(f"OA {oa_id} belongs to {by_oa[oa_id].id} and {unit.id}")
            by_oa[oa_id] = unit
    for target in (*profile.routing.routes.values(), profile.routing.default):
        if target != WARD and target not in profile.units:
            raise ValueError(f"routing names unknown unit {target!r}")
    return replace(profile, _by_code=by_code, _by_oa=by_oa)
