"""The seed file: units, officers and rosters, parsed and checked into plain values.

`tinbao seed FILE` writes what `load_seed` returns into Firestore (`units/`,
`officers/`, `rosters/`); `tinbao seed --skeleton DIR` writes what `skeletons`
makes from a profile: a seed file per unit, for each unit to fill in. The
format is documented in docs/seed-format.md; `shared/data/seed-demo.yaml` is a
complete example. Parsing is pure: every
error names the path of the offending value (``officers[3].unit``) and all
errors are reported at once, so a seed is fixed in one pass.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from shared.core import data_file as yaml_data
from shared.core.jurisdiction import Profile
from shared.core.jurisdiction import Unit as ProfileUnit
from shared.core.roster import ROLES, Roster, RosterError, roster_from_dict

UnitKind = Literal["ward", "team", "department", "desk", "command"]
OfficerRole = Literal["duty_officer", "duty_commander", "chief", "desk"]
_ID_PATTERN = r"^[a-z0-9][a-z0-9\-_]*$"


class SeedError(yaml_data.DataFileError):
    """The seed is invalid; ``problems`` lists 'path: message' lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("seed", problems)


# --- boundary models (the YAML as written) ---------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class UnitIn(_Strict):
    id: str = Field(pattern=_ID_PATTERN)
    name: str = Field(min_length=1)
    kind: UnitKind
    parent: str | None = None


class OfficerIn(_Strict):
    id: str = Field(pattern=_ID_PATTERN)
    name: str = Field(min_length=1)
    unit: str
    role: OfficerRole
    active: bool = True
    # Local stack only: pre-enrols the officer with a stand-in user id.
    zalo_user_id: str | None = None


class RosterIn(_Strict):
    unit: str
    timezone: str = "Asia/Ho_Chi_Minh"
    shifts: list[str]
    anchor: date
    rotation: dict[str, list[str | list[str]]] = Field(default_factory=dict)
    static: dict[str, list[str]] = Field(default_factory=dict)
    overrides: list[dict[str, Any]] = Field(default_factory=list)


class SeedIn(_Strict):
    version: Literal[1]
    units: list[UnitIn]
    officers: list[OfficerIn] = Field(default_factory=list)
    rosters: list[RosterIn] = Field(default_factory=list)


# --- plain values (what the rest of the code sees) -------------------------------


@dataclass(frozen=True)
class Unit:
    unit_id: str
    name: str
    kind: str
    parent: str | None


@dataclass(frozen=True)
class SeedOfficer:
    officer_id: str
    name: str
    unit_id: str
    role: str
    active: bool
    zalo_user_id: str | None  # local stack only


@dataclass(frozen=True)
class Seed:
    units: tuple[Unit, ...]
    officers: tuple[SeedOfficer, ...]
    rosters: tuple[Roster, ...]


def load_seed(text: str) -> Seed:
    """Parse and check a seed file's text; raises SeedError naming every problem."""
    try:
        raw = yaml_data.load(text)
    except yaml.YAMLError as exc:
        raise SeedError([f"(yaml): {exc}"]) from exc
    if not isinstance(raw, Mapping):
        raise SeedError(["(top): expected a mapping with version, units, officers, rosters"])
    try:
        seed = SeedIn.model_validate(raw)
    except ValidationError as exc:
        raise SeedError(yaml_data.problems_of(exc.errors())) from exc
    return _check(seed)


def _check(seed: SeedIn) -> Seed:
    problems: list[str] = []
    units: dict[str, UnitIn] = {}
    for i, unit in enumerate(seed.units):
        if unit.id in units:
            problems.append(f"units[{i}].id: duplicate unit {unit.id!r}")
        units[unit.id] = unit
    for i, unit in enumerate(seed.units):
        if unit.parent is not None and unit.parent not in units:
            problems.append(f"units[{i}].parent: unknown unit {unit.parent!r}")
    problems += _cycles(seed.units)

    officers: dict[str, OfficerIn] = {}
    zalo_ids: set[str] = set()
    for i, officer in enumerate(seed.officers):
        if officer.id in officers:
            problems.append(f"officers[{i}].id: duplicate officer {officer.id!r}")
        officers[officer.id] = officer
        if officer.unit not in units:
            problems.append(f"officers[{i}].unit: unknown unit {officer.unit!r}")
        if officer.zalo_user_id is not None:
            if officer.zalo_user_id in zalo_ids:
                problems.append(f"officers[{i}].zalo_user_id: used by another officer")
            zalo_ids.add(officer.zalo_user_id)

    rosters: list[Roster] = []
    seen: set[str] = set()
    for i, item in enumerate(seed.rosters):
        where = f"rosters[{i}]"
        if item.unit not in units:
            problems.append(f"{where}.unit: unknown unit {item.unit!r}")
        if item.unit in seen:
            problems.append(f"{where}.unit: a second roster for {item.unit!r}")
        seen.add(item.unit)
        for role in [*item.rotation, *item.static]:
            if role not in ROLES:
                problems.append(f"{where}: unknown role {role!r} (one of {', '.join(ROLES)})")
        referenced: list[tuple[str, str]] = []
        for role, crews in item.rotation.items():
            for j, crew in enumerate(crews):
                for oid in [crew] if isinstance(crew, str) else crew:
                    referenced.append((f"{where}.rotation.{role}[{j}]", oid))
        for role, ids in item.static.items():
            referenced += [(f"{where}.static.{role}", oid) for oid in ids]
        for j, override in enumerate(item.overrides):
            ids = override.get("officers") or []
            referenced += [(f"{where}.overrides[{j}].officers", str(o)) for o in ids]
        for path, oid in referenced:
            if oid not in officers:
                problems.append(f"{path}: unknown officer {oid!r}")
        try:
            rosters.append(roster_from_dict(item.model_dump()))
        except RosterError as exc:
            problems.append(f"{where}: {exc}")

    if problems:
        raise SeedError(problems)
    return Seed(
        units=tuple(Unit(u.id, u.name, u.kind, u.parent) for u in seed.units),
        officers=tuple(
            SeedOfficer(o.id, o.name, o.unit, o.role, o.active, o.zalo_user_id)
            for o in seed.officers
        ),
        rosters=tuple(rosters),
    )


def _cycles(units: list[UnitIn]) -> list[str]:
    parents = {u.id: u.parent for u in units}
    problems: list[str] = []
    for i, unit in enumerate(units):
        seen = {unit.id}
        node = unit.parent
        while node is not None and node in parents:
            if node in seen:
                problems.append(f"units[{i}].parent: the unit tree has a cycle through {node!r}")
                break
            seen.add(node)
            node = parents[node]
    return problems


# --- skeletons: a seed file per unit, to be filled in by the unit -------------------


def skeletons(profile: Profile, anchor: date) -> dict[str, str]:
    """Seed files made from a profile: `units.yaml` (the whole unit tree, no officer)
    and one `<unit id>.yaml` per unit that receives alerts (wards, desk, departments),
    with its place in the tree and an empty roster for the unit to fill in.

    Every file is a valid seed as it is (`load_seed`), agreeing with the profile: a
    unit seeded before it fills in its officers simply has nobody on duty, and its
    alerts go to the desk, as with no roster at all.
    """
    files = {"units.yaml": _tree_file(profile)}
    for unit in profile.units.values():
        if unit.kind in ("ward", "desk", "department", "team"):
            files[f"{unit.id}.yaml"] = _unit_file(profile, unit, anchor)
    return files


def _quoted(text: str | None) -> str:
    return "null" if text is None else json.dumps(text, ensure_ascii=False)


def _unit_lines(units: list[ProfileUnit]) -> list[str]:
    lines = []
    for unit in units:
        lines += [
            f"  - id: {unit.id}",
            f"    name: {_quoted(unit.name)}",
            f"    kind: {unit.kind}",
            f"    parent: {_quoted(unit.parent)}",
        ]
    return lines


def _tree_file(profile: Profile) -> str:
    lines = [
        f"# Cây đơn vị của hồ sơ {profile.name} ({len(profile.units)} đơn vị), sinh từ",
        f"# shared/data/profiles/{profile.name}/ bằng `tinbao seed --skeleton`. Nạp bằng",
        "# `tinbao seed units.yaml` trước các tệp của từng đơn vị. Định dạng:",
        "# docs/seed-format.md.",
        "version: 1",
        "units:",
        *_unit_lines(list(profile.units.values())),
        "",
    ]
    return "\n".join(lines)


def _unit_file(profile: Profile, unit: ProfileUnit, anchor: date) -> str:
    chain = [unit]
    while chain[-1].parent is not None:
        chain.append(profile.units[chain[-1].parent])
    number = unit.code or unit.id
    lines = [
        f"# Danh sách cán bộ và lịch trực của {unit.name} ({unit.id}), hồ sơ {profile.name}.",
        "# Đơn vị điền cán bộ và lịch trực rồi gửi tệp cho bàn trực nạp bằng lệnh",
        f"# `tinbao seed {unit.id}.yaml`. Định dạng đầy đủ: docs/seed-format.md.",
        "#",
        "# officers: thay [] bằng danh sách cán bộ, mỗi người một mục như mẫu bên dưới:",
        f"#   id: mã không dấu, không trùng (ví dụ cb-{number}-1)",
        "#   name: họ và tên đầy đủ, có dấu",
        f"#   unit: giữ nguyên {unit.id}",
        "#   role: duty_officer (cán bộ trực), duty_commander (chỉ huy trực),",
        "#         chief (trưởng đơn vị) hoặc desk (bàn trực)",
        "#   Không ghi mã Zalo: cán bộ tự đăng ký bằng tin nhắn DK <mã> gửi OA.",
        "# rosters: shifts là giờ bắt đầu các ca (ví dụ hai ca 12 tiếng); ca đầu tiên",
        "#   của ngày anchor là ca số 0; ca thứ n do mục thứ n (quay vòng) của mỗi",
        "#   danh sách rotation đảm nhận; static là người luôn có mặt.",
        "#   Để trống: không ai trực, tin báo chuyển ngay cho bàn trực.",
        "version: 1",
        "units:",
        *_unit_lines(chain[::-1]),
        "officers: []",
        f"#  - id: cb-{number}-1",
        "#    name: Nguyễn Văn A",
        f"#    unit: {unit.id}",
        "#    role: duty_officer",
        "rosters:",
        f"  - unit: {unit.id}",
        "    timezone: Asia/Ho_Chi_Minh",
        '    shifts: ["07:00", "19:00"]',
        f"    anchor: {anchor.isoformat()}",
        "    rotation:",
        f"      duty_officer: []   # ví dụ: [cb-{number}-1, cb-{number}-2, cb-{number}-3]",
        "      duty_commander: []",
        "    static:",
        "      chief: []",
        "      desk: []",
        "",
    ]
    return "\n".join(lines)
