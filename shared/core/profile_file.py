"""Reading a jurisdiction profile's files into the plain values of `profile`.

Every file is validated by a pydantic model of the file as written (the
boundary), then turned into frozen dataclasses; every problem of every file is
reported at once with its place (`profiles/hcm/units.yaml: units[3].kind: ...`,
`hcm/legacy-hcm.csv: row 17: new_codes: ...`), as `seed.py` does for seeds.
Imported on first use by `jurisdiction.load_profile`, never at import of the
resolver: pydantic's import is most of a cold start.

Files, under shared/data/ (formats documented in each file's header):
- `profiles/<name>/units.yaml`: the profile, its non-ward units and, either
  inline or `wards_from` a unit list (CSV), its wards;
- `profiles/<name>/routing.yaml`: category routing;
- `profiles/<name>/legacy.yaml` or `legacy_from` a CSV: the old units and the
  wards that took them;
- `places` (default `profiles/places.yaml`): the words of addresses.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.core import data_file as yaml_data
from shared.core.profile import (
    Code,
    Contact,
    District,
    LegacyWard,
    Places,
    Profile,
    Province,
    Routing,
    Successor,
    Unit,
    assemble,
)
from shared.core.text import fold

WardKind = Literal["phường", "xã", "thị trấn", "đặc khu"]
DistrictKind = Literal["quận", "huyện", "thành phố", "thị xã"]
_CODE = r"^[0-9]{3,5}$"
_Model = TypeVar("_Model", bound=BaseModel)


class ProfileError(ValueError):
    """A profile's files are invalid; ``problems`` lists 'file: path: message' lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid profile:\n" + "\n".join(f"  {p}" for p in problems))


# --- boundary models (the files as written) ----------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CodeIn(_Strict):
    code: str = Field(pattern=_CODE)
    map: str


class ContactIn(_Strict):
    phone: str | None
    address: str | None
    hours: str | None


class UnitIn(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9\-_]*$")
    name: str = Field(min_length=1)
    kind: Literal["ward", "team", "department", "desk", "command"]
    parent: str | None
    codes: list[CodeIn] = Field(default_factory=list)
    names: list[str] = Field(default_factory=list)
    ward_kind: WardKind = "phường"
    polygon: str | None = None
    oa_ids: list[str] = Field(default_factory=list)
    contact: ContactIn | None = None


class WardsFromIn(_Strict):
    file: str  # a unit list like hcm/units-hcm-2025.csv
    parent: str


class UnitsFileIn(_Strict):
    profile: str
    map: str
    root: str
    desk: str
    polygons: str | None = None
    outer_polygons: str | None = None
    near_boundary_m: int = Field(gt=0)
    uncertain_boundaries_m: dict[str, int] = Field(default_factory=dict)
    outside_polygons: dict[str, str] = Field(default_factory=dict)
    max_candidates: int = Field(5, ge=1)
    places: str = "profiles/places.yaml"
    legacy_from: str | None = None
    wards_from: WardsFromIn | None = None
    units: list[UnitIn]


class RoutingFileIn(_Strict):
    categories: list[str]
    default: str
    routes: dict[str, str] | None = None
    ward_overrides: dict[str, dict[str, str]] | None = None


class SuccessorIn(_Strict):
    code: str = Field(pattern=_CODE)
    share: float = Field(gt=0, le=1)


class LegacyIn(_Strict):
    code: str = Field(pattern=_CODE)
    name: str = Field(min_length=1)
    names: list[str] = Field(default_factory=list)
    kind: WardKind = "phường"
    district: str | None = None  # with its kind: "Quận Tân Phú"
    successors: list[SuccessorIn] = Field(min_length=1)


class ProvinceIn(_Strict):
    name: str  # as in the legacy list: "Tỉnh Bình Dương"
    names: list[str] = Field(min_length=1)  # as citizens write it


class PlacesFileIn(_Strict):
    ward_markers: dict[WardKind, list[str]]
    district_markers: dict[DistrictKind, list[str]]
    province_markers: list[str] = Field(default_factory=list)
    home_district: list[str] = Field(default_factory=list)
    other_districts: list[str] = Field(default_factory=list)
    provinces: list[ProvinceIn] = Field(default_factory=list)
    cities: list[str]
    outside_wards: list[str] = Field(default_factory=list)
    numbered_outside: bool = False


class UnitRowIn(_Strict):
    """A row of a unit list (hcm/units-hcm-2025.csv)."""

    code: str = Field(pattern=_CODE)
    name: str = Field(min_length=1)
    full_name: str
    kind: WardKind
    seat_address: str
    area_km2: float
    former_units: str
    gis_server_id: str


class LegacyRowIn(_Strict):
    """A row of a legacy list (hcm/legacy-hcm.csv; format in hcm/README.md)."""

    old_code: str = Field(pattern=r"^[0-9]{0,5}$")
    era: Literal["2024", "2025"]
    old_name: str = Field(min_length=1)
    old_kind: Literal["phường", "xã", "thị trấn", "huyện"]
    old_district_code: str
    old_district: str = Field(min_length=1)
    old_district_kind: DistrictKind
    old_district_alias: str
    old_province_code: str
    old_province: str = Field(min_length=1)
    new_codes: str = Field(pattern=r"^([0-9]{5}(;[0-9]{5})*)?$")
    new_names: str
    split: Literal["yes", "no", ""]
    note: str


# --- reading ---------------------------------------------------------------------


class _Reader:
    """Reads files under one data folder, collecting every problem."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.problems: list[str] = []

    def problem(self, where: str, message: str) -> None:
        self.problems.append(f"{where}: {message}")

    def text(self, relative: str) -> str | None:
        try:
            return (self.data_dir / relative).read_text(encoding="utf-8")
        except OSError as exc:
            self.problem(relative, f"cannot read ({exc.strerror})")
            return None

    def yaml(self, relative: str, model: type[_Model]) -> _Model | None:
        text = self.text(relative)
        if text is None:
            return None
        try:
            raw = yaml_data.load(text)
        except Exception as exc:  # yaml.YAMLError; yaml is imported by data_file only
            self.problem(relative, f"not YAML: {exc}")
            return None
        return self.validate(relative, model, raw)

    def validate(
        self, where: str, model: type[_Model], raw: Any, prefix: str = ""
    ) -> _Model | None:
        try:
            return model.model_validate(raw)
        except ValidationError as exc:
            for line in yaml_data.problems_of(exc.errors(), prefix):
                self.problem(where, line)
            return None

    def rows(self, relative: str, model: type[_Model]) -> list[tuple[int, _Model]]:
        text = self.text(relative)
        if text is None:
            return []
        out = []
        for number, row in enumerate(csv.DictReader(io.StringIO(text)), start=2):
            item = self.validate(relative, model, row, prefix=f"row {number}: ")
            if item is not None:
                out.append((number, item))
        return out


def read_profile(name: str, data_dir: Path) -> Profile:
    """The profile `name` from its files under `data_dir`; ProfileError lists every problem."""
    reader = _Reader(data_dir)
    folder = f"profiles/{name}"
    units_file = reader.yaml(f"{folder}/units.yaml", UnitsFileIn)
    routing_file = reader.yaml(f"{folder}/routing.yaml", RoutingFileIn)
    if units_file is None or routing_file is None:
        raise ProfileError(reader.problems)
    if units_file.profile != name:
        reader.problem(f"{folder}/units.yaml", f"profile: {units_file.profile!r} is not {name!r}")

    units = [_unit(u) for u in units_file.units]
    if units_file.wards_from is not None:
        units += _wards_from(reader, units_file)
    ward_codes = {
        c.code for u in units if u.kind == "ward" for c in u.codes if c.map == units_file.map
    }
    known = ward_codes | set(units_file.outside_polygons)

    places_file = reader.yaml(units_file.places, PlacesFileIn)
    if units_file.legacy_from is not None:
        legacy, districts, provinces = _legacy_csv(
            reader, units_file.legacy_from, ward_codes, units
        )
    else:
        legacy = _legacy_yaml(reader, f"{folder}/legacy.yaml", known)
        districts, provinces = (), ()
    places = None
    if places_file is not None:
        places = _places(places_file, units_file, ward_codes, districts, provinces, reader)
    for code, metres in units_file.uncertain_boundaries_m.items():
        if code not in ward_codes:
            reader.problem(f"{folder}/units.yaml", f"uncertain_boundaries_m.{code}: not a ward")
        if metres <= units_file.near_boundary_m:
            reader.problem(
                f"{folder}/units.yaml",
                f"uncertain_boundaries_m.{code}: {metres} is not wider than near_boundary_m",
            )
    if reader.problems or places is None:
        raise ProfileError(reader.problems)

    routing = Routing(
        categories=tuple(routing_file.categories),
        default=routing_file.default,
        routes=dict(routing_file.routes or {}),
        ward_overrides={k: dict(v) for k, v in (routing_file.ward_overrides or {}).items()},
    )
    try:
        return assemble(
            Profile(
                name=name,
                map=units_file.map,
                root_id=units_file.root,
                desk_id=units_file.desk,
                polygons=units_file.polygons,
                outer_polygons=units_file.outer_polygons,
                near_boundary_m=units_file.near_boundary_m,
                uncertain_boundaries_m=dict(units_file.uncertain_boundaries_m),
                outside_polygons=dict(units_file.outside_polygons),
                max_candidates=units_file.max_candidates,
                units={u.id: u for u in units},
                routing=routing,
                legacy=tuple(legacy),
                places=places,
            )
        )
    except ValueError as exc:
        raise ProfileError([f"{folder}: {exc}"]) from exc


def _unit(u: UnitIn) -> Unit:
    return Unit(
        id=u.id,
        name=u.name,
        kind=u.kind,
        parent=u.parent,
        codes=tuple(Code(c.code, c.map) for c in u.codes),
        names=tuple(u.names),
        ward_kind=u.ward_kind,
        polygon=u.polygon,
        oa_ids=tuple(u.oa_ids),
        contact=Contact(u.contact.phone, u.contact.address, u.contact.hours) if u.contact else None,
    )


def _wards_from(reader: _Reader, units_file: UnitsFileIn) -> list[Unit]:
    """Ward units from a unit list: `ward-<code>`, "Công an phường X", the seat as address."""
    assert units_file.wards_from is not None
    wards = []
    for _, row in reader.rows(units_file.wards_from.file, UnitRowIn):
        wards.append(
            Unit(
                id=f"ward-{row.code}",
                name=f"Công an {row.kind} {row.name}",
                kind="ward",
                parent=units_file.wards_from.parent,
                codes=(Code(row.code, units_file.map),),
                names=(row.name,),
                ward_kind=row.kind,
                polygon=row.code,
                contact=Contact(None, row.seat_address, None),
            )
        )
    return wards


def _legacy_yaml(reader: _Reader, relative: str, known: set[str]) -> list[LegacyWard]:
    text = reader.text(relative)
    if text is None:
        return []
    raw = yaml_data.load(text) or []
    if not isinstance(raw, list):
        reader.problem(relative, "(top): expected a list of old wards")
        return []
    out = []
    for i, item in enumerate(raw):
        entry = reader.validate(relative, LegacyIn, item, prefix=f"[{i}]")
        if entry is None:
            continue
        for s in entry.successors:
            if s.code not in known:
                reader.problem(relative, f"[{i}].successors: {s.code} is no ward of the map")
        out.append(
            LegacyWard(
                code=entry.code,
                name=entry.name,
                names=tuple(entry.names),
                successors=tuple(
                    Successor(s.code, s.share)
                    for s in sorted(entry.successors, key=lambda s: -s.share)
                ),
                kind=entry.kind,
                districts=(_district_name(entry.district),) if entry.district else (),
            )
        )
    return out


_DISTRICT_PREFIXES = ("Thành phố ", "Thị xã ", "Quận ", "Huyện ")


def _district_name(written: str) -> tuple[str, str | None]:
    """("Tân Phú", "quận") from "Quận Tân Phú"; ("9", "quận") from "Quận 9 (đến 2020)"."""
    written = written.split(" (", 1)[0].strip()
    for prefix in _DISTRICT_PREFIXES:
        if written.startswith(prefix):
            return written[len(prefix) :], prefix.strip().lower()
    return written, None


_WARD_PREFIXES = {"Phường ": "phường", "Xã ": "xã", "Thị trấn ": "thị trấn", "Huyện ": "huyện"}


def _legacy_csv(
    reader: _Reader, relative: str, ward_codes: set[str], units: list[Unit]
) -> tuple[list[LegacyWard], tuple[District, ...], dict[str, set[str]]]:
    """Old units, the districts (with the wards covering each) and provinces' wards."""
    names = {c.code: u.names[0] for u in units if u.kind == "ward" for c in u.codes}
    kinds = {c.code: u.ward_kind for u in units if u.kind == "ward" for c in u.codes}
    legacy: list[LegacyWard] = []
    district_codes: dict[tuple[str, str | None], list[str]] = {}
    district_province: dict[tuple[str, str | None], str] = {}
    province_codes: dict[str, set[str]] = {}
    for number, row in reader.rows(relative, LegacyRowIn):
        where = f"row {number} ({row.old_name}, {row.old_district})"
        codes = tuple(row.new_codes.split(";")) if row.new_codes else ()
        for code in codes:
            if code not in ward_codes:
                reader.problem(relative, f"{where}: new_codes: {code} is no ward of the profile")
        written = tuple(row.new_names.split(";")) if row.new_names else ()
        expected = tuple(f"{kinds.get(c, '?').capitalize()} {names.get(c, '?')}" for c in codes)
        if written != expected:
            reader.problem(relative, f"{where}: new_names {written} do not name {expected}")
        if (row.split == "yes") != (len(codes) > 1) and codes:
            reader.problem(relative, f"{where}: split={row.split!r} with {len(codes)} successors")
        kind, name = row.old_kind, row.old_name
        prefix = next((p for p in _WARD_PREFIXES if name.startswith(p)), None)
        if prefix is None or _WARD_PREFIXES[prefix] != kind:
            reader.problem(relative, f"{where}: old_name does not begin with its kind {kind}")
            continue
        name = name[len(prefix) :]
        if name.isdigit():
            name = str(int(name))  # "Phường 05" is Phường 5
        districts = [(_district_name(row.old_district)[0], row.old_district_kind)]
        if row.old_district_alias:
            districts.append(_district_name(row.old_district_alias))
        for key in districts:
            for code in codes:
                if code not in district_codes.setdefault(key, []):
                    district_codes[key].append(code)
            district_province[key] = row.old_province
        province_codes.setdefault(row.old_province, set()).update(codes)
        if kind == "huyện":
            continue  # a district without wards (Côn Đảo): named as a district only
        legacy.append(
            LegacyWard(
                code=row.old_code,
                name=name,
                names=(),
                successors=tuple(Successor(c, 1.0 / len(codes)) for c in codes),
                kind=kind,
                districts=tuple(districts),
                province=row.old_province,
                era=row.era,
            )
        )
    districts_out = tuple(
        District(
            name=name,
            kind=kind,
            codes=tuple(codes),
            province=district_province[name, kind],
        )
        for (name, kind), codes in district_codes.items()
    )
    return legacy, districts_out, province_codes


def _places(
    raw: PlacesFileIn,
    units_file: UnitsFileIn,
    ward_codes: set[str],
    districts: tuple[District, ...],
    province_codes: Mapping[str, set[str]] | tuple[()],
    reader: _Reader,
) -> Places:
    everywhere = tuple(sorted(ward_codes))
    extra = [District(name, None, everywhere) for name in raw.home_district]
    extra += [District(name, None, (), outside=True) for name in raw.other_districts]
    seen = {fold(d.name) for d in districts}
    provinces = []
    for i, province in enumerate(raw.provinces):
        codes = (province_codes or {}).get(province.name)
        if not codes:
            reader.problem(
                units_file.places, f"provinces[{i}].name: no old unit in {province.name}"
            )
            continue
        provinces.append(Province(province.name, tuple(province.names), tuple(sorted(codes))))
    return Places(
        ward_markers={k: tuple(v) for k, v in raw.ward_markers.items()},
        district_markers={k: tuple(v) for k, v in raw.district_markers.items()},
        province_markers=tuple(raw.province_markers),
        districts=districts + tuple(d for d in extra if fold(d.name) not in seen),
        provinces=tuple(provinces),
        cities=tuple(raw.cities),
        outside_wards=tuple(raw.outside_wards),
        numbered_outside=raw.numbered_outside,
    )


__all__ = ("ProfileError", "read_profile")
