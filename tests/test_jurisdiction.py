"""Profiles: the unit tree, codes with their map, category routing, OA ids."""

from __future__ import annotations

import json
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
