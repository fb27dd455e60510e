"""Ward resolution on the Tân Phú map (profile "2025", pinned below): the briefing's
labelled cases, generated cases, traps, the ward index. The whole city's are in
test_resolve_hcm.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import Point

from shared.core.jurisdiction import Profile, load_profile
from shared.core.resolve import Resolution
from shared.core.resolve import resolve as resolve_on
from tests.locate_cases import (
    AREA,
    _features,
    address_cases,
    combined_cases,
    gps_cases,
    point_label,
    trap_cases,
    ward_name_cases,
)

ROOT = Path(__file__).resolve().parent.parent
TINBAO = str(Path(sys.executable).parent / "tinbao")
FIXTURES = [json.loads(line) for line in (ROOT / "tests/fixtures/locate.jsonl").open()]


def resolve(
    text: str,
    location: tuple[Any, Any] | None = None,
    oa_id: str | None = None,
    profile: Profile | None = None,
) -> Resolution:
    """The resolver on the profile these cases were written for ("2025") unless told."""
    return resolve_on(text, location, oa_id, profile or load_profile("2025"))


def run(case: dict[str, Any]) -> Resolution:
    location = (case["lat"], case["lng"]) if "lat" in case else None
    return resolve(case.get("text", ""), location, case.get("oa"))


def is_right(result: Resolution, expect: dict[str, Any]) -> bool:
    if "any_of" in expect:
        return result.ward_code in expect["any_of"]
    if result.ward_code != expect["ward"]:
        return False
    if not set(expect.get("candidates_include", ())) <= set(result.candidates):
        return False
    return not (expect.get("outside") and not result.outside)


def is_wrong_ward(result: Resolution, expect: dict[str, Any]) -> bool:
    allowed = expect.get("any_of", [expect.get("ward")])
    return result.ward_code is not None and result.ward_code not in allowed


@pytest.mark.parametrize("case", FIXTURES, ids=[c["id"] for c in FIXTURES])
def test_every_briefing_case_resolves_as_labelled(case: dict[str, Any]) -> None:
    result = run(case)
    assert is_right(result, case["expect"]), result


@pytest.mark.parametrize(
    "generator", [ward_name_cases, address_cases, trap_cases, gps_cases, combined_cases]
)
def test_generated_cases_are_right_and_never_a_wrong_ward(generator: Any) -> None:
    cases = generator()
    results = [(case, run(case)) for case in cases]
    wrong = [(c, r.ward_code) for c, r in results if is_wrong_ward(r, c["expect"])]
    right = sum(is_right(r, c["expect"]) for c, r in results)
    assert not wrong, wrong[:5]
    assert right / len(cases) >= 0.95, [(c, r) for c, r in results if not is_right(r, c["expect"])][
        :5
    ]


def test_trap_cases_all_pass() -> None:
    failures = [(c["text"], run(c)) for c in trap_cases() if not is_right(run(c), c["expect"])]
    assert not failures


def test_a_bare_tan_phu_in_an_address_is_the_district_not_the_ward() -> None:
    assert resolve("Trộm ở 12 Lũy Bán Bích, Tân Phú, TPHCM").ward_code is None
    assert resolve("Trộm ở 12 Lũy Bán Bích, phường Tân Phú, TPHCM").ward_code == "27031"


def test_street_with_a_ward_name_is_not_a_ward_mention() -> None:
    result = resolve("trộm trên đường Tân Sơn Nhì")
    assert (result.ward_code, result.method) == (None, "none")


def test_the_same_number_means_different_wards_on_each_map() -> None:
    new = resolve("phường Tân Sơn Nhì")
    old = resolve("phường Tân Quý", profile=load_profile("2021"))
    assert (new.ward_code, new.map) == ("27019", "2025")
    assert (old.ward_code, old.map, old.unit_id) == ("27019", "2021", "tp-ward-27019")


def test_2021_profile_names_old_wards_directly_and_gps_goes_to_the_desk() -> None:
    profile = load_profile("2021")
    assert resolve("P. Sơn Kỳ", profile=profile).ward_code == "27016"
    inside = resolve("", ("10.80", "106.62"), profile=profile)
    assert (inside.ward_code, inside.outside, inside.method) == (None, False, "none")
    far = resolve("", (21.03, 105.80), profile=profile)
    assert far.outside and far.ward_code is None


def test_coordinates_arrive_as_zalo_decimal_strings() -> None:
    assert resolve("", ("10.802416", "106.616796")).ward_code == "27019"


@pytest.mark.parametrize("location", [("abc", "1"), (0, 0), ("nan", "106.6"), (95, 106)])
def test_unusable_coordinates_are_ignored_not_fatal(location: tuple[Any, Any]) -> None:
    result = resolve("phường Phú Thạnh", location)
    assert result.ward_code == "27028"
    assert any("unusable" in line for line in result.evidence) or location == ("nan", "106.6")


def test_ward_oa_decides_only_when_nothing_else_does() -> None:
    profile = load_profile("2025").with_oa_ids({"ward-27022": ["oa-ptn"]})
    alone = resolve("có trộm", oa_id="oa-ptn", profile=profile)
    assert (alone.ward_code, alone.method) == ("27022", "oa")
    assert alone.confidence < resolve("phường Phú Thọ Hòa").confidence
    named = resolve("có trộm ở phường Tây Thạnh", oa_id="oa-ptn", profile=profile)
    assert named.ward_code == "27013"


def test_a_point_near_a_boundary_is_flagged_and_abstains_unless_text_narrows() -> None:
    features = _features()
    shared_edge = features["27022"].boundary.intersection(features["27028"].boundary)
    on_edge = shared_edge.interpolate(0.5, normalized=True)
    alone = resolve("", (on_edge.y, on_edge.x))
    assert alone.near_boundary and alone.ward_code is None
    assert {"27022", "27028"} <= set(alone.candidates)
    narrowed = resolve("phường Phú Thạnh", (on_edge.y, on_edge.x))
    assert narrowed.ward_code == "27028" and narrowed.near_boundary


def test_evidence_names_the_matched_phrase() -> None:
    result = resolve("P. Hiệp Tân Q. Tân Phú có sòng bài")
    assert any("hiệp tân" in line for line in result.evidence)


@settings(max_examples=400, deadline=None)
@given(st.floats(10.75, 10.84), st.floats(106.59, 106.68))
def test_gps_never_names_a_ward_the_point_is_not_in(lat: float, lng: float) -> None:
    result = resolve("", (lat, lng))
    label = point_label(Point(lng, lat), _FEATURES)
    assert not is_wrong_ward(result, label)
    if "ward" in label and label["ward"] in AREA:
        assert result.ward_code == label["ward"]


_FEATURES = _features()


def test_import_reads_no_data_and_pulls_no_shapely() -> None:
    code = (
        "import sys, shared.core.resolve; "
        "assert 'shapely' not in sys.modules and 'numpy' not in sys.modules; "
        "assert 'yaml' not in sys.modules and 'pydantic' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_cli_locate_prints_one_json_object() -> None:
    out = subprocess.run(
        [
            TINBAO,
            "locate",
            "--profile",
            "2025",
            "--lat",
            "10.805369",
            "--lng",
            "106.621743",
            "phường Sơn Kỳ",
        ],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    result = json.loads(out)
    assert (result["ward_code"], result["map"], result["method"]) == ("27019", "2025", "gps")


def test_cli_locate_jsonl_keeps_each_id(tmp_path: Path) -> None:
    source = tmp_path / "cases.jsonl"
    source.write_text(
        "\n".join(json.dumps(c, ensure_ascii=False) for c in FIXTURES[:3]), encoding="utf-8"
    )
    out = subprocess.run(
        [TINBAO, "locate", "--profile", "2025", "--jsonl", str(source)],
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout.splitlines()
    assert [json.loads(line)["id"] for line in out] == [c["id"] for c in FIXTURES[:3]]
