"""Ward resolution over the whole city (profile "hcm", pinned below).

The labelled set (tests/fixtures/locate_hcm.jsonl, written before the resolver
was changed: scripts/author_locate_hcm.py) and cases generated from the data
files: every old unit with its district, every current name, GPS points
against shapely. Expectations are computed here from the CSV files directly,
never from the resolver's own tables.
"""

from __future__ import annotations

import csv
import json
import math
import random
import unicodedata
from collections import Counter
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely import STRtree
from shapely.geometry import Point, shape

from shared.core.jurisdiction import Profile, load_profile
from shared.core.resolve import Resolution, resolve
from shared.core.text import canonical
from tests.locate_score import ABSTAINED, MISSED, RIGHT, WRONG, score

ROOT = Path(__file__).resolve().parent.parent
HCM = ROOT / "shared" / "data" / "hcm"
LABELLED = [json.loads(line) for line in (ROOT / "tests/fixtures/locate_hcm.jsonl").open()]


def city() -> Profile:
    return load_profile("hcm")


def locate(text: str, lat: Any = None, lng: Any = None) -> Resolution:
    return resolve(text, (lat, lng) if lat is not None else None, None, city())


def ascii_of(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text).replace("đ", "d").replace("Đ", "D")
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def key(text: str) -> str:
    return ascii_of(text).lower()


def typed_as(typed: str, name: str) -> bool:
    """A name typed this way may be meant: each syllable with the name's marks or none."""
    pairs = list(zip(canonical(typed).split(), canonical(name).split(), strict=False))
    return len(typed.split()) == len(name.split()) and all(
        t == n or (t.isascii() and t == key(n)) for t, n in pairs
    )


@cache
def units() -> list[dict[str, str]]:
    with (HCM / "units-hcm-2025.csv").open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@cache
def legacy() -> list[dict[str, str]]:
    with (HCM / "legacy-hcm.csv").open(encoding="utf-8") as handle:
        return [r for r in csv.DictReader(handle) if r["old_kind"] != "huyện"]


@cache
def rows_named(folded: str, kind: str) -> tuple[dict[str, str], ...]:
    return tuple(
        r
        for r in legacy()
        if strip_kind(r["old_name"]) == (folded, kind)
        or (key(strip_kind(r["old_name"])[0]) == folded and strip_kind(r["old_name"])[1] == kind)
    )


def strip_kind(name: str) -> tuple[str, str]:
    for prefix in ("Thị trấn ", "Phường ", "Xã "):
        if name.startswith(prefix):
            rest = name[len(prefix) :]
            return (str(int(rest)) if rest.isdigit() else rest), prefix.strip().lower()
    raise AssertionError(name)


def district_parts(written: str) -> tuple[str, str]:
    written = written.split(" (")[0]
    for prefix in ("Thành phố ", "Thị xã ", "Quận ", "Huyện "):
        if written.startswith(prefix):
            return written[len(prefix) :], prefix.strip().lower()
    raise AssertionError(written)


def same_kind(a: str, b: str) -> bool:
    return a == b or {a, b} <= {"thành phố", "thị xã"}


@cache
def district_area(name: str, kind: str) -> tuple[str, ...]:
    out: list[str] = []
    for row in legacy():
        for written in (row["old_district"], row["old_district_alias"]):
            if written and district_parts(written) == (name, kind):
                out += [c for c in row["new_codes"].split(";") if c and c not in out]
    return tuple(out)


def successors(row: dict[str, str]) -> set[str]:
    if row["new_codes"]:
        return set(row["new_codes"].split(";"))
    name, kind = district_parts(row["old_district"])
    return set(district_area(name, kind))


def expected_old(name: str, kind: str, district: str, district_kind: str, exact: bool) -> set[str]:
    """Every ward an old unit of that name and kind in that district may now be in
    (`exact`: as written with diacritics; else every name of the same fold)."""
    same = typed_as if exact else (lambda a, b: key(a) == key(b))
    out: set[str] = set()
    for row in rows_named(key(name), kind):
        if not same(name, strip_kind(row["old_name"])[0]):
            continue
        places = [district_parts(row["old_district"])]
        if row["old_district_alias"]:
            places.append(district_parts(row["old_district_alias"]))
        if any(same(district, n) and same_kind(k, district_kind) for n, k in places):
            out |= successors(row)
    return out


@cache
def features() -> dict[str, Any]:
    data = json.loads((HCM / "wards-hcm-2025.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: shape(f["geometry"]) for f in data["features"]}


# --- the labelled set ------------------------------------------------------------


def test_labelled_set_has_no_wrong_ward_and_at_least_nine_in_ten_right() -> None:
    outcomes: Counter[str] = Counter()
    failures = []
    for case in LABELLED:
        result = locate(case["text"], case.get("lat"), case.get("lng")).as_dict()
        outcome = score(result, case["expect"])
        outcomes[outcome] += 1
        if outcome in (WRONG, MISSED):
            failures.append((case["id"], case["text"], case["expect"], result["ward_code"]))
    assert len(LABELLED) >= 150
    assert outcomes[WRONG] == 0, failures
    assert outcomes[MISSED] == 0, failures  # the rest abstained, with the right candidates
    assert outcomes[RIGHT] / len(LABELLED) >= 0.9, outcomes
    assert outcomes[RIGHT] + outcomes[ABSTAINED] == len(LABELLED)


def test_labelled_set_covers_the_whole_city() -> None:
    kinds = Counter(case["kind"] for case in LABELLED)
    for kind in ("gps", "current", "old_79", "old_74", "old_77", "split", "bare_number"):
        assert kinds[kind] >= 5, kind
    assert kinds["conflict"] >= 5 and kinds["gps_outside"] >= 3


# --- every old unit with its district --------------------------------------------


SPELLINGS = [
    "{kind} {name} {dkind} {district}",
    "{kind} {name}, {dkind} {district}, TP.HCM",
    "có trộm ở {kind} {name} ({dkind} {district} cũ)",
]


def old_unit_cases() -> list[tuple[str, set[str]]]:
    """Each old unit with its district (and its earlier district name), with and
    without diacritics, and the wards it may be in now."""
    cases = []
    for row in legacy():
        name, kind = strip_kind(row["old_name"])
        districts = [district_parts(row["old_district"])]
        if row["old_district_alias"]:
            districts.append(district_parts(row["old_district_alias"]))
        for district, dkind in districts:
            for template in SPELLINGS:
                text = template.format(kind=kind, name=name, dkind=dkind, district=district)
                cases.append((text, expected_old(name, kind, district, dkind, exact=True)))
                folded = expected_old(name, kind, district, dkind, exact=False)
                cases.append((ascii_of(text), folded))
    return cases


def test_every_old_unit_with_its_district_resolves_to_its_successor_or_abstains() -> None:
    wrong, abstained_single, total = [], [], 0
    for text, expect in old_unit_cases():
        assert expect, text
        result = locate(text)
        total += 1
        if result.ward_code is not None and result.ward_code not in expect:
            wrong.append((text, result.ward_code, sorted(expect)))
        if len(expect) == 1 and result.ward_code is None:
            abstained_single.append((text, result.candidates, sorted(expect)))
        if len(expect) > 1:
            assert result.ward_code is None, (text, result.ward_code)
            if len(expect) <= city().max_candidates:
                assert expect <= set(result.candidates), (text, result.candidates, expect)
    assert not wrong, wrong[:10]
    # A name whose every reading in its district goes to one ward must decide.
    assert not abstained_single, abstained_single[:10]
    assert total > 1500


# --- every current name ----------------------------------------------------------


def current_name_expectation(unit: dict[str, str], exact: bool) -> set[str]:
    """The ward, and every other ward a unit of that name and kind (old or current) went into."""
    same = typed_as if exact else (lambda a, b: key(a) == key(b))
    out = {unit["code"]}
    for row in legacy():
        name, kind = strip_kind(row["old_name"])
        if same(unit["name"], name) and kind == unit["kind"]:
            out |= successors(row)
    for other in units():
        if other["kind"] == unit["kind"] and same(unit["name"], other["name"]):
            out.add(other["code"])
    return out


@pytest.mark.parametrize("spelled", [str, ascii_of, str.upper])
def test_every_current_name_with_its_marker_names_its_ward_unless_it_was_an_old_name_elsewhere(
    spelled: Any,
) -> None:
    decided = 0
    for unit in units():
        expect = current_name_expectation(unit, exact=spelled is not ascii_of)
        text = spelled(f"Có người gây rối ở {unit['kind']} {unit['name']}")
        result = locate(text)
        if len(expect) == 1:
            assert result.ward_code == unit["code"], (text, result.evidence)
            decided += 1
        else:
            assert result.ward_code is None, (text, result.ward_code, expect)
            assert unit["code"] in result.candidates or len(expect) > city().max_candidates
    assert decided >= 140  # 146 of the 168 names were nobody else's


def test_abbreviated_markers() -> None:
    assert locate("P.Bến Thành Q.1").ward_code == "26743"
    assert locate("P.14, Q.Tân Bình").ward_code == locate("phường 14 quận Tân Bình").ward_code
    assert locate("F14 Q.TB").ward_code is None  # unknown abbreviation: no district, no ward
    assert locate("X. Tân Thới Nhì, H. Hóc Môn").ward_code == "27577"
    assert locate("TT. Củ Chi, H. Củ Chi").ward_code == "27496"
    assert locate("P. Phú Cường, TX. Thủ Dầu Một").ward_code == "25747"
    assert locate("p. An Bình, TP. Dĩ An").ward_code == "25942"


# --- the README's traps -------------------------------------------------------------


def test_a_district_is_never_the_ward_of_the_same_name() -> None:
    for text in (
        "Trộm ở 12 Lũy Bán Bích, Tân Phú, TPHCM",
        "quận Tân Phú có trộm",
        "TP Thủ Dầu Một có đua xe",
        "Dĩ An, Bình Dương",
        "quận Gò Vấp có trộm",
        "TP. Vũng Tàu có cướp",
    ):
        assert locate(text).ward_code is None, text
    assert locate("phường Gò Vấp có trộm").ward_code == "26884"
    assert locate("phường Thủ Dầu Một có trộm").ward_code == "25747"


def test_the_new_tan_phu_is_not_the_old_tan_phu_of_district_7_or_9() -> None:
    assert locate("phường Tân Phú quận 7").ward_code == "27487"
    assert locate("phường Tân Phú quận 9").ward_code == "26842"
    assert locate("phường Tân Phú, Thủ Đức").ward_code == "26842"
    assert locate("phường Tân Phú quận Tân Phú").ward_code == "27031"
    alone = locate("phường Tân Phú")
    assert alone.ward_code is None and {"27031", "27487", "26842"} <= set(alone.candidates)


def test_a_numbered_ward_needs_its_district() -> None:
    assert locate("phường 14 quận Tân Bình").ward_code == "27004"
    assert locate("phường 14").ward_code is None and locate("phường 14").candidates == []
    assert locate("phường 18").ward_code is None  # only Quận 4 had one: still no ward
    assert locate("phường 18").candidates == ["27259"]
    assert locate("Phường 05 Quận 10").ward_code is None  # merged on 1 Jan 2025, successor unknown


def test_a_2024_number_that_later_meant_another_place_abstains() -> None:
    # Gò Vấp renumbered in January 2025: "phường 1" was another ward in 2024.
    result = locate("phường 1 quận Gò Vấp")
    assert result.ward_code is None
    # 2024's Phường 13 of Gò Vấp had no namesake after: its successor is known.
    assert locate("phường 13 quận Gò Vấp").ward_code == "26878"


def test_kind_of_marker_counts() -> None:
    assert locate("thị trấn Củ Chi").ward_code == "27496"
    assert locate("xã Củ Chi").ward_code == "27553"
    assert locate("xã Tân Hưng").ward_code is None  # two old xã Tân Hưng
    assert locate("phường Tân Hưng").ward_code == "27475"


def test_split_old_ward_narrowed_by_gps() -> None:
    inside = features()["27007"].representative_point()
    result = locate("phường 15 quận Tân Bình", inside.y, inside.x)
    assert result.ward_code == "27007"


def test_gps_and_text_disagreeing_go_to_the_desk_with_both() -> None:
    inside = features()["26743"].representative_point()  # Bến Thành
    result = locate("phường Thảo Điền quận 2", inside.y, inside.x)
    assert result.ward_code is None and result.method == "conflict"
    assert {"26743", "27094"} <= set(result.candidates)


# --- GPS against shapely --------------------------------------------------------------


def metres(point: Point, geometry: Any) -> float:
    nearest = geometry.boundary.interpolate(geometry.boundary.project(point))
    kx = 111_320.0 * math.cos(math.radians(point.y))
    return math.hypot((point.x - nearest.x) * kx, (point.y - nearest.y) * 110_574.0)


@cache
def tree() -> tuple[STRtree, list[str]]:
    codes = sorted(features())
    return STRtree([features()[c] for c in codes]), codes


def gps_label(point: Point) -> set[str | None]:
    """The answers allowed for a point: its ward, or None when it is within a margin."""
    profile = city()
    index, codes = tree()
    close = sorted(codes[i] for i in index.query(point.buffer(0.01)))
    containing = [c for c in close if features()[c].contains(point)]
    margin = max([profile.near_boundary_m, *profile.uncertain_boundaries_m.values()]) + 1
    near = [c for c in close if metres(point, features()[c]) < margin]
    if near:
        return {None, *containing}
    return {containing[0] if containing else None}


def test_gps_agrees_with_shapely_inside_and_along_the_boundaries() -> None:
    rng = random.Random(19)
    checked = 0
    for code, geometry in sorted(features().items()):
        minx, miny, maxx, maxy = geometry.bounds
        for _ in range(6):
            point = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
            result = locate("", point.y, point.x)
            assert result.ward_code in gps_label(point), (code, point.y, point.x, result)
            checked += 1
        boundary = geometry.boundary
        for _ in range(6):
            base = boundary.interpolate(rng.uniform(0, boundary.length))
            offset, angle = rng.uniform(0, 60) / 110_574.0, rng.uniform(0, 2 * math.pi)
            point = Point(base.x + offset * math.cos(angle), base.y + offset * math.sin(angle))
            result = locate("", point.y, point.x)
            assert result.ward_code in gps_label(point), (code, point.y, point.x, result)
            checked += 1
    assert checked == 168 * 12


@settings(max_examples=300, deadline=None)
@given(st.floats(8.55, 11.52), st.floats(106.05, 107.6))
def test_gps_never_names_a_ward_the_point_is_not_in(lat: float, lng: float) -> None:
    result = locate("", lat, lng)
    assert result.ward_code in gps_label(Point(lng, lat))


def test_outside_the_city_is_outside() -> None:
    for lat, lng in ((10.95, 106.82), (21.0285, 105.8542), (10.2, 107.3)):
        result = locate("có trộm", lat, lng)
        assert result.outside and result.ward_code is None


def test_an_uncertain_boundary_abstains_on_both_sides() -> None:
    # Tân Sơn Nhất's published polygon is uncertain (hcm/README.md): 200 m on
    # either side of its boundary with Tân Sơn, GPS alone names both.
    shared = features()["26968"].boundary.intersection(features()["27007"].boundary)
    on_edge = shared.interpolate(0.5, normalized=True)
    for dy in (-0.0018, 0.0018):  # about 200 m north and south
        point = Point(on_edge.x, on_edge.y + dy)
        result = locate("", point.y, point.x)
        assert result.ward_code is None and result.near_boundary, result


def test_a_conflict_goes_to_the_desk_whose_alert_names_both_wards() -> None:
    from dataclasses import replace
    from datetime import UTC, datetime

    from shared.core import messages, routing
    from shared.core.tip import Tip, TipLocation, TipStatus, TipText

    inside = features()["26743"].representative_point()  # Bến Thành
    tip = Tip(
        ref="TB-7K2Q9",
        status=TipStatus.RECEIVED,
        reporter_key="r_test",
        oa_id="4000000000000000000",
        created_at=datetime(2026, 11, 28, 8, 0, tzinfo=UTC),
        texts=(TipText("m1", "có trộm ở phường Thảo Điền quận 2"),),
        locations=(TipLocation("m2", f"{inside.y:.6f}", f"{inside.x:.6f}"),),
    )
    decision = routing.decide(city(), tip)
    assert (decision.unit_id, decision.ward_code) == ("hcm-desk", None)
    routed = replace(tip, unit_id=decision.unit_id, resolution=decision.resolution.as_dict())
    alert = messages.alert(routing.alert_input(city(), routed))
    assert "Có thể thuộc: phường Bến Thành, phường An Khánh" in alert
    assert "không khớp" in alert  # the conflict is said, and the map link is there
    assert "Vị trí chia sẻ:" in alert


def test_answers_do_not_depend_on_what_the_reader_remembers(monkeypatch: Any) -> None:
    # The address reader keeps what it looked up; forgetting it every few lookups
    # must change nothing.
    from shared.core import addresses

    texts = [c for c in LABELLED if "lat" not in c]
    before = [locate(c["text"]).as_dict() for c in texts]
    monkeypatch.setattr(addresses, "_MEMO_SIZE", 3)
    addresses.vocabulary(city()).memo.clear()
    after = [locate(c["text"]).as_dict() for c in texts for _ in range(2)][::2]
    assert after == before
