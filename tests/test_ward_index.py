"""The ward index: built ahead of time from the polygons, shipped, and exact.

Every shipped index is rebuilt here from its GeoJSON and the profiles' margins
and must be byte for byte the same (scripts/build_ward_index.py writes them);
the lookups are compared with shapely, an independent point-in-polygon.
"""

from __future__ import annotations

import json
import random
from pathlib import Path
from types import ModuleType

import pytest
from shapely import STRtree
from shapely.geometry import Point, shape

from shared.core.jurisdiction import DATA_DIR, PROFILES, load_profile
from shared.core.resolve import index_path, profile_index, ward_index
from shared.core.ward_index import MAGIC, WardIndexError, read_index
from shared.core.ward_index_build import build_index
from tests.scripts import load_script

ROOT = Path(__file__).resolve().parent.parent


def build_script() -> ModuleType:
    return load_script("build_ward_index")


SCRIPT = build_script()


@pytest.mark.parametrize("path", sorted(SCRIPT.wanted()))
def test_shipped_index_is_the_one_the_build_script_makes_from_the_data(path: str) -> None:
    near_m, margins = SCRIPT.wanted()[path]
    assert index_path(path).read_bytes() == SCRIPT.build(path, near_m, margins), (
        f"{index_path(path).name} is stale: run scripts/build_ward_index.py"
    )


def test_profiles_sharing_a_polygon_file_share_its_margins() -> None:
    files = SCRIPT.wanted()
    assert set(files) == {"wards-2025.geojson", "hcm/wards-hcm-2025.geojson"}
    assert files["hcm/wards-hcm-2025.geojson"][1]["26968"] == 300


def test_every_profile_with_polygons_loads_its_index_with_its_codes() -> None:
    for name in PROFILES:
        profile = load_profile(name)
        index = profile_index(profile)
        assert index is not None
        if profile.polygons:
            wards = {w.polygon for w in profile.wards()}
            assert wards <= set(index.codes), name


def test_hcm_index_answers_like_shapely() -> None:
    index = ward_index(
        "hcm/wards-hcm-2025.geojson",
        30,
        tuple(sorted(load_profile("hcm").uncertain_boundaries_m.items())),
    )
    data = json.loads((DATA_DIR / "hcm/wards-hcm-2025.geojson").read_text(encoding="utf-8"))
    geometries = [shape(f["geometry"]) for f in data["features"]]
    tree = STRtree(geometries)
    rng = random.Random(7)
    urban = [(rng.uniform(106.55, 106.85), rng.uniform(10.65, 10.95)) for _ in range(15_000)]
    anywhere = [(rng.uniform(106.0, 107.7), rng.uniform(8.5, 11.6)) for _ in range(5_000)]
    for x, y in urban + anywhere:
        inside, _ = index.locate(x, y)
        point = Point(x, y)
        holding = sorted(i for i in tree.query(point) if geometries[i].contains(point))
        assert inside == (holding[0] if holding else -1), (x, y, inside, holding)


def test_a_point_off_the_grid_is_in_no_ward() -> None:
    index = profile_index(load_profile("hcm"))
    assert index is not None
    assert index.locate(105.85, 21.03) == (-1, ())  # Hà Nội
    assert index.locate(0.0, 0.0) == (-1, ())


def test_a_damaged_or_foreign_file_is_refused() -> None:
    good = index_path("wards-2025.geojson").read_bytes()
    for bad in (b"", b"PK\x03\x04 a zip", good[: len(good) // 2], MAGIC + b"\xff\xff\xff\x7f{"):
        with pytest.raises(WardIndexError):
            read_index(bad)


def test_margins_other_than_the_profiles_are_refused() -> None:
    with pytest.raises(WardIndexError, match="other margins"):
        ward_index("wards-2025.geojson", 50)
    with pytest.raises(WardIndexError, match="other margins"):
        ward_index("hcm/wards-hcm-2025.geojson", 30, ())


def test_the_build_refuses_margins_for_unknown_codes() -> None:
    data = json.loads((DATA_DIR / "wards-2025.geojson").read_text(encoding="utf-8"))
    with pytest.raises(WardIndexError, match="99999"):
        build_index(data, source="x", source_sha256="0", near_m=30, margins={"99999": 300})


def test_the_deploy_archive_carries_every_index() -> None:
    import fnmatch

    from tests import terraform_contract as tc

    (archive,) = [
        named
        for block in tc.load(tc.module_dir("functions")).get("data", [])
        for named in block.values()
    ]
    (body,) = archive.values()
    excludes = [tc.unquote(pattern) for pattern in body["excludes"]]
    for path in ("wards-2025.geojson", "hcm/wards-hcm-2025.geojson"):
        shipped = index_path(path).relative_to(Path(__file__).resolve().parents[1]).as_posix()
        assert not any(fnmatch.fnmatch(shipped, pattern) for pattern in excludes), shipped
