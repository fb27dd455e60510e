"""Profiles: the unit tree, codes with their map, category routing, OA ids."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from shared.core.jurisdiction import load_profile

ROOT = Path(__file__).resolve().parent.parent


def test_current_map_has_five_wards_under_the_city_police_with_polygons() -> None:
    profile = load_profile("2025")
    wards = profile.wards()
    assert sorted(w.code for w in wards) == ["27013", "27019", "27022", "27028", "27031"]
    assert all(profile.parent_of(w.id).id == "hcm-police" for w in wards)
    features = json.loads((ROOT / "shared/data/wards-2025.geojson").read_text(encoding="utf-8"))
    codes = {f["properties"]["code"] for f in features["features"]}
    assert {w.polygon for w in wards} <= codes


def test_seed_era_map_has_the_district_six_teams_and_eleven_wards() -> None:
    profile = load_profile("2021")
    kinds = [u.kind for u in profile.units.values()]
    assert (kinds.count("ward"), kinds.count("team"), kinds.count("command")) == (11, 6, 1)
    assert profile.desk.parent == "tp-district"


def test_codes_are_only_found_on_their_own_map() -> None:
    assert load_profile("2025").ward_by_code("27019").names[0] == "Tân Sơn Nhì"
    assert load_profile("2021").ward_by_code("27019").names[0] == "Tân Quý"
    assert load_profile("2025").ward_by_code("27034") is None  # Hòa Thạnh no longer exists


@pytest.mark.parametrize(
    ("category", "unit"),
    [
        ("fire", "dept-fire"),
        ("traffic", "dept-traffic"),
        ("trafficking", "dept-criminal"),
        ("drugs", "ward-27013"),
        ("residence", "ward-27013"),
        ("unheard-of", "ward-27013"),
    ],
)
def test_categories_beyond_a_ward_go_to_a_department(category: str, unit: str) -> None:
    assert load_profile("2025").unit_for_category("ward-27013", category) == unit


@pytest.mark.parametrize("name", ["hcm", "2025", "2021"])
def test_every_profile_lists_the_classifier_s_categories(name: str) -> None:
    # A category the classifier gives and a profile does not list is one nobody
    # checked the routing of (lost_property came in after the whole city's profile).
    from shared.core.classify import CATEGORIES

    assert load_profile(name).routing.categories == CATEGORIES


def test_seed_era_routes_fire_to_the_district_team() -> None:
    assert load_profile("2021").unit_for_category("tp-ward-27040", "fire") == "tp-team-fire"
    assert load_profile("2021").unit_for_category("tp-ward-27040", "theft") == "tp-ward-27040"


def test_oa_ids_come_from_configuration_and_must_be_unique() -> None:
    profile = load_profile("2025").with_oa_ids({"ward-27031": ["111"], "hcm-desk": ["222"]})
    assert profile.unit_for_oa("111").id == "ward-27031"
    assert profile.unit_for_oa("222").kind == "desk"
    assert profile.unit_for_oa("333") is None
    assert load_profile("2025").unit_for_oa("111") is None  # the cached profile is untouched
    with pytest.raises(ValueError):
        profile.with_oa_ids({"ward-27013": ["111"]})
    with pytest.raises(KeyError):
        profile.with_oa_ids({"ward-99999": ["x"]})


def test_wards_have_a_seat_address_and_no_invented_phone() -> None:
    for ward in load_profile("2025").wards():
        assert ward.contact is not None and ward.contact.address
        assert ward.contact.phone is None


def test_unknown_profile_is_refused() -> None:
    with pytest.raises(ValueError):
        load_profile("1999")


def test_legacy_split_wards_list_successors_largest_share_first() -> None:
    legacy = {w.name: w for w in load_profile("2025").legacy}
    shares = [s.share for s in legacy["Sơn Kỳ"].successors]
    assert shares == sorted(shares, reverse=True) and len(shares) == 3
    assert all(len(legacy[n].successors) == 1 for n in ("Hòa Thạnh", "Phú Trung", "Hiệp Tân"))


# --- the whole city ------------------------------------------------------------


def test_the_whole_city_has_168_units_under_the_city_police_the_desk_and_departments() -> None:
    profile = load_profile("hcm")
    wards = profile.wards()
    assert len(wards) == 168
    kinds = sorted(w.ward_kind for w in wards)
    assert (kinds.count("phường"), kinds.count("xã"), kinds.count("đặc khu")) == (113, 54, 1)
    assert all(w.parent == "hcm-police" for w in wards)
    assert profile.desk.parent == "hcm-police" and profile.root.id == "hcm-police"
    assert profile.unit("ward-27019").name == "Công an phường Tân Sơn Nhì"
    assert profile.unit("ward-27577").name == "Công an xã Xuân Thới Sơn"
    assert profile.unit("ward-26732").name == "Công an đặc khu Côn Đảo"
    for ward in wards:
        assert ward.contact is not None and ward.contact.address and ward.contact.phone is None
    assert profile.unit_for_category("ward-26732", "fire") == "dept-fire"
    assert profile.unit_for_category("ward-26732", "theft") == "ward-26732"


def test_the_whole_city_keeps_the_tan_phu_unit_ids() -> None:
    # The demo seed's units (profile "2025") are units of the whole city too.
    city, tan_phu = load_profile("hcm"), load_profile("2025")
    for unit in tan_phu.units.values():
        if unit.kind != "desk":
            assert city.unit(unit.id).name == unit.name, unit.id


def test_every_old_unit_goes_to_wards_of_the_city_and_every_district_is_covered() -> None:
    profile = load_profile("hcm")
    codes = {w.code for w in profile.wards()}
    assert len(profile.legacy) == 505  # every row but the district of Côn Đảo
    assert all({s.code for s in old.successors} <= codes for old in profile.legacy)
    unknown = [old for old in profile.legacy if not old.successors]
    assert len(unknown) == 44 and all(old.era == "2024" for old in unknown)
    for district in profile.places.districts:
        assert district.codes and set(district.codes) <= codes, district
    assert {p.name for p in profile.places.provinces} == {
        "Tỉnh Bình Dương",
        "Tỉnh Bà Rịa - Vũng Tàu",
    }


def test_a_broken_profile_names_every_problem_with_its_place(tmp_path: Path) -> None:
    from shared.core.jurisdiction import DATA_DIR
    from shared.core.profile_file import ProfileError, read_profile

    shutil.copytree(DATA_DIR, tmp_path / "data")
    folder = tmp_path / "data" / "profiles" / "hcm"
    units = (folder / "units.yaml").read_text(encoding="utf-8")
    units = units.replace("kind: department", "kind: departmnt", 1)
    units = units.replace("near_boundary_m: 30", "near_boundary_m: -3")
    (folder / "units.yaml").write_text(units, encoding="utf-8")
    legacy = tmp_path / "data" / "hcm" / "legacy-hcm.csv"
    rows = legacy.read_text(encoding="utf-8").splitlines()
    rows[3] = rows[3].replace(",26740,", ",2674,")  # Phường Bến Nghé: a code cut short
    rows[5] = rows[5].replace("Phường Bến Thành", "Phường Bến Thanh")  # new name mismatch
    legacy.write_text("\n".join(rows) + "\n", encoding="utf-8")

    with pytest.raises(ProfileError) as raised:
        read_profile("hcm", tmp_path / "data")
    problems = raised.value.problems
    assert any("units.yaml" in p and "units[2].kind" in p for p in problems), problems
    assert any("units.yaml" in p and "near_boundary_m" in p for p in problems), problems

    (folder / "units.yaml").write_text(
        units.replace("kind: departmnt", "kind: department").replace("-3", "30"),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as raised:
        read_profile("hcm", tmp_path / "data")
    problems = raised.value.problems
    assert any("legacy-hcm.csv: row 4" in p and "new_codes" in p for p in problems), problems
    assert any("legacy-hcm.csv: row 6" in p and "new_names" in p for p in problems), problems
