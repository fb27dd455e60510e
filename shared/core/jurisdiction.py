"""Jurisdiction profiles: the unit tree, category to unit, OA to unit.

A profile is one map of the area as data (`shared/data/profiles/<name>/`):
"2025" (default, the five wards under the city police) and "2021" (the
district, its teams and its eleven wards). Files are read on first use and
cached; nothing is read at import, so the router's cold start stays small.

`units.yaml` (format documented in its header): `profile`, `map`, `root`,
`desk`, `polygons`, `outer_polygons`, `near_boundary_m`, `outside_polygons` and `units`, each
with `id`, `name`, `kind`, `parent`, `codes` ([{code, map}]), `names`,
`polygon`, `oa_ids`, `contact` ({phone, address, hours}).
`routing.yaml`: `categories`, `default` ("ward" or a unit id), `routes`
({category: unit id or "ward"}), `ward_overrides` ({ward id: {category: id}}).
`legacy.yaml`: old ward names with their successors; read by the resolver.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
DEFAULT_PROFILE = "2025"
PROFILES = ("2025", "2021")
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
    code: str  # the old code, on map "2021"
    name: str
    names: tuple[str, ...]
    successors: tuple[Successor, ...]


@dataclass(frozen=True, eq=False)
class Profile:
    """One map: units by id, routing, OA ids. Compared by identity (cache key)."""

    name: str
    map: str
    root_id: str
    desk_id: str
    polygons: str | None  # ward boundaries: GPS resolves to a ward
    outer_polygons: str | None  # only the area's outline: GPS tells inside from outside
    near_boundary_m: float
    outside_polygons: Mapping[str, str]
    units: Mapping[str, Unit]
    routing: Routing
    legacy: tuple[LegacyWard, ...]
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
        return _assemble(replace(self, units=units))


def _assemble(profile: Profile) -> Profile:
    """Fill the lookup tables and check the tree: parents exist, OA ids unique."""
    by_code: dict[str, Unit] = {}
    by_oa: dict[str, Unit] = {}
    for unit in profile.units.values():
        if unit.kind not in UNIT_KINDS:
            raise ValueError(f"unit {unit.id}: unknown kind {unit.kind!r}")
        if unit.parent is not None and unit.parent not in profile.units:
            raise ValueError(f"unit {unit.id}: unknown parent {unit.parent!r}")
        if unit.kind == "ward":
            for code in unit.codes:
                if code.map == profile.map:
                    by_code[code.code] = unit
        for oa_id in unit.oa_ids:
            if oa_id in by_oa:
                raise ValueError(f"OA {oa_id} belongs to {by_oa[oa_id].id} and {unit.id}")
            by_oa[oa_id] = unit
    for target in (*profile.routing.routes.values(), profile.routing.default):
        if target != WARD and target not in profile.units:
            raise ValueError(f"routing names unknown unit {target!r}")
    return replace(profile, _by_code=by_code, _by_oa=by_oa)


def read_data(relative: str) -> Any:
    """Parse a packaged YAML file under shared/data/ (yaml is imported here, lazily)."""
    from shared.core import data_file as yaml_data

    return yaml_data.load((DATA_DIR / relative).read_text(encoding="utf-8"))


def _unit(raw: Mapping[str, Any]) -> Unit:
    contact = raw.get("contact")
    return Unit(
        id=raw["id"],
        name=raw["name"],
        kind=raw["kind"],
        parent=raw.get("parent"),
        codes=tuple(Code(str(c["code"]), str(c["map"])) for c in raw.get("codes") or ()),
        names=tuple(raw.get("names") or ()),
        polygon=None if raw.get("polygon") is None else str(raw["polygon"]),
        oa_ids=tuple(str(o) for o in raw.get("oa_ids") or ()),
        contact=Contact(contact.get("phone"), contact.get("address"), contact.get("hours"))
        if contact
        else None,
    )


@functools.cache
def load_profile(name: str = DEFAULT_PROFILE) -> Profile:
    """The profile `name` ("2025" or "2021"), read once and cached."""
    if name not in PROFILES:
        raise ValueError(f"unknown profile {name!r}; known: {', '.join(PROFILES)}")
    raw = read_data(f"profiles/{name}/units.yaml")
    routing = read_data(f"profiles/{name}/routing.yaml")
    legacy = read_data(f"profiles/{name}/legacy.yaml") or []
    units = {u.id: u for u in map(_unit, raw["units"])}
    return _assemble(
        Profile(
            name=str(raw["profile"]),
            map=str(raw["map"]),
            root_id=raw["root"],
            desk_id=raw["desk"],
            polygons=raw.get("polygons"),
            outer_polygons=raw.get("outer_polygons"),
            near_boundary_m=float(raw["near_boundary_m"]),
            outside_polygons={str(k): v for k, v in (raw.get("outside_polygons") or {}).items()},
            units=units,
            routing=Routing(
                categories=tuple(routing["categories"]),
                default=routing["default"],
                routes=dict(routing["routes"] or {}),
                ward_overrides={k: dict(v) for k, v in (routing["ward_overrides"] or {}).items()},
            ),
            legacy=tuple(
                LegacyWard(
                    code=str(entry["code"]),
                    name=entry["name"],
                    names=tuple(entry.get("names") or ()),
                    successors=tuple(
                        Successor(str(s["code"]), float(s["share"])) for s in entry["successors"]
                    ),
                )
                for entry in legacy
            ),
        )
    )
