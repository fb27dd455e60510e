"""Units as officers name them in CHUYEN <mã> <đơn vị> [lý do]: ids, names, ward names,
codes and the profile's short names (`profiles/<profile>/aliases.yaml`)."""

from __future__ import annotations

import pytest

from shared.core.jurisdiction import PROFILES, load_profile, read_data
from shared.core.unit_names import AliasError, Named, find_unit, parse_aliases

P2025 = load_profile("2025")


@pytest.mark.parametrize(
    "text, unit, rest",
    [
        ("Tây Thạnh đối tượng chạy sang", "ward-27013", "đối tượng chạy sang"),
        ("tay thanh", "ward-27013", ""),
        ("sang phường Tây Thạnh nhé", "ward-27013", "nhé"),
        ("Công an phường Tân Phú, giáp ranh", "ward-27031", "giáp ranh"),
        ("ward-27022 địa bàn của họ", "ward-27022", "địa bàn của họ"),
        ("27028", "ward-27028", ""),
        ("hình sự - đường dây lớn", "dept-criminal", "đường dây lớn"),
        ("cho phòng hình sự", "dept-criminal", ""),
        ("PCCC có khói", "dept-fire", "có khói"),
        ("csgt", "dept-traffic", ""),
        ("trực ban xác minh lại", "hcm-desk", "xác minh lại"),
        ("Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ", "dept-fire", ""),
    ],
)
def test_a_unit_is_found_by_id_name_ward_name_code_or_short_name(
    text: str, unit: str, rest: str
) -> None:
    assert find_unit(P2025, text) == Named((unit,), rest)


def test_the_unit_above_is_named_in_words() -> None:
    assert find_unit(P2025, "cấp trên vượt thẩm quyền") == Named((), "vượt thẩm quyền", True)
    assert find_unit(P2025, "lên") == Named((), "", True)


def test_words_naming_no_unit_name_none() -> None:
    assert find_unit(P2025, "vượt thẩm quyền") == Named((), "vượt thẩm quyền")


def test_the_2021_teams_have_their_short_names() -> None:
    p2021 = load_profile("2021")
    assert find_unit(p2021, "đội hình sự").unit_ids == ("tp-team-criminal",)
    assert find_unit(p2021, "Tân Quý").unit_ids == ("tp-ward-27019",)


@pytest.mark.parametrize("name", PROFILES)
def test_every_profiles_aliases_name_its_own_units_once(name: str) -> None:
    profile = load_profile(name)
    relative = f"profiles/{name}/aliases.yaml"
    parse_aliases(read_data(relative), profile, relative)  # raises on a problem


def test_an_alias_of_an_unknown_unit_or_of_two_units_is_refused_with_its_place() -> None:
    with pytest.raises(AliasError, match=r"aliases\.yaml: dept-nowhere: not a unit"):
        parse_aliases({"dept-nowhere": ["xa"]}, P2025, "aliases.yaml")
    with pytest.raises(AliasError, match=r"'HS' also names dept-criminal"):
        parse_aliases({"dept-criminal": ["hs"], "dept-fire": ["HS"]}, P2025, "aliases.yaml")
    with pytest.raises(AliasError, match=r"dept-fire\.0"):
        parse_aliases({"dept-fire": [3]}, P2025, "aliases.yaml")
