"""Benchmark of the ward resolver over the whole city (profile "hcm", 168 wards).

GPS and text lookups a second of CPU time on one core, through `resolve` as the
router calls it, beside a naive baseline in the same run (shapely `contains` over each
of the 168 polygons in turn, no index, no prepared geometry); the resolver's
import time; the time to load the ward index and its memory.

GPS points: 12 per ward, uniform inside each polygon, so the small central
wards with the densest boundaries weigh as much as the large communes (a
sample uniform over the city's area, mostly rural, is reported beside it).
Texts: current names, old names with districts in the three former provinces,
bare numbered wards, no-diacritics forms, messages naming no place.

Run: .venv/bin/python bench/bench_resolve.py  (writes bench/results/resolve.json)
"""

from __future__ import annotations

import gc
import json
import random
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core.jurisdiction import load_profile  # noqa: E402
from shared.core.resolve import index_path, profile_index, resolve  # noqa: E402
from shared.core.ward_index import read_index  # noqa: E402

POLYGONS = "hcm/wards-hcm-2025.geojson"
TEXTS = [
    "Có người bán ma túy ở hẻm 12 đường Lũy Bán Bích, phường Tân Phú",
    "nhom thanh nien tu tap gay roi o p. hanh thong",
    "Trộm xe máy tại chung cư, P.Phú Thọ Hoà, TP.HCM",
    "trộm xe ở phường 14 quận Tân Bình tối qua",
    "xã Tân Thới Nhì huyện Hóc Môn có người trộm bò",
    "P.2 Vũng Tàu có người trộm đồ của du khách",
    "Dĩ An, Bình Dương có người trộm xe",
    "123 Lê Lợi, Bến Nghé, Quận 1, TP.HCM có giựt đồ",
    "phuong thao dien quan 2 co trom dot nhap",
    "có trộm ở phường 14",
    "Phường Hắc Dịch, TX Phú Mỹ, BR-VT có đánh nhau",
    "Có tai nạn trên đường Lũy Bán Bích, anh chị tới giúp",
    "Móc túi ở Aeon Mall Tân Phú",
    "Xin chào, cho em hỏi làm tạm trú cần giấy tờ gì",
]


def rate(function: Any, items: list[Any], seconds: float = 2.0) -> float:
    """Calls per second of this process's CPU time: on a machine shared with other
    work, wall-clock rates measure the neighbours as much as the code."""
    count, start = 0, time.process_time()
    while time.process_time() - start < seconds:
        for item in items:
            function(item)
        count += len(items)
    return count / (time.process_time() - start)


def import_cpu_ms(runs: int = 15) -> float:
    """Median over fresh interpreters of the CPU time `import shared.core.resolve` takes
    in its own process (what a cold start pays, whatever else the machine runs)."""
    code = (
        "import time; t = time.process_time(); import shared.core.resolve; "
        "print((time.process_time() - t) * 1000)"
    )
    measured = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], check=True, cwd=ROOT, capture_output=True, text=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return statistics.median(measured)


def import_ms(runs: int = 15) -> tuple[float, float]:
    """Median over fresh interpreters: (-X importtime cumulative, wall clock minus bare start)."""

    def once(code: str) -> tuple[float, float]:
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", code],
            check=True,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - start
        cumulative = 0.0
        for line in done.stderr.splitlines():
            parts = line.split("|")
            if len(parts) == 3 and parts[2].strip() == "shared.core.resolve":
                cumulative = int(parts[1]) / 1000
        return cumulative, wall

    bare = statistics.median(once("pass")[1] for _ in range(runs))
    measured = [once("import shared.core.resolve") for _ in range(runs)]
    cumulative = statistics.median(m[0] for m in measured)
    wall = statistics.median(m[1] for m in measured)
    return cumulative, (wall - bare) * 1000


FIRST_USE = """
import time
import pydantic, yaml  # the router has imported them (settings, data files) before a tip
t0 = time.perf_counter()
from shared.core.jurisdiction import load_profile
from shared.core.resolve import resolve
profile = load_profile("hcm")
t1 = time.perf_counter()
resolve("phường 14 quận Tân Bình", None, None, profile)
t2 = time.perf_counter()
resolve("", (10.8, 106.65), None, profile)
t3 = time.perf_counter()
print(1000 * (t1 - t0), 1000 * (t2 - t1), 1000 * (t3 - t2))
"""


def first_use_ms(runs: int = 5) -> tuple[float, float, float]:
    """Median over fresh interpreters: (profile read, first text lookup, first GPS lookup):
    what a router instance pays once, on its first tip."""
    measured = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", FIRST_USE], check=True, cwd=ROOT, capture_output=True, text=True
        )
        measured.append(tuple(float(v) for v in done.stdout.split()))
    return tuple(statistics.median(m[i] for m in measured) for i in range(3))  # type: ignore[return-value]


def index_load() -> tuple[float, int]:
    """(ms to read and load the index file, bytes it holds once loaded)."""
    gc.collect()
    tracemalloc.start()
    start = time.perf_counter()
    index = read_index(index_path(POLYGONS).read_bytes())
    took = (time.perf_counter() - start) * 1000
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert index.codes
    return took, held


def main() -> None:
    from shapely import STRtree
    from shapely.geometry import Point, shape

    profile = load_profile("hcm")
    data = json.loads((ROOT / "shared/data" / POLYGONS).read_text(encoding="utf-8"))
    polygons = [(f["properties"]["code"], shape(f["geometry"])) for f in data["features"]]

    rng = random.Random(1)
    per_ward: list[tuple[float, float]] = []
    for _, polygon in polygons:
        minx, miny, maxx, maxy = polygon.bounds
        made = 0
        while made < 12:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
            if polygon.contains(Point(x, y)):
                per_ward.append((y, x))
                made += 1
    tree = STRtree([p for _, p in polygons])
    uniform: list[tuple[float, float]] = []
    while len(uniform) < 2000:
        x, y = rng.uniform(106.0, 107.6), rng.uniform(10.3, 11.55)
        if tree.query(Point(x, y), predicate="intersects").size:
            uniform.append((y, x))

    def naive(point: tuple[float, float]) -> str | None:
        p = Point(point[1], point[0])
        for code, polygon in polygons:
            if polygon.contains(p):
                return code
        return None

    def gps(point: tuple[float, float]) -> Any:
        return resolve("", point, None, profile)

    def text(message: str) -> Any:
        return resolve(message, None, None, profile)

    load_ms, index_bytes = index_load()
    gps(per_ward[0])  # load the index and the address vocabulary outside the timing
    text(TEXTS[0])
    index = profile_index(profile)
    assert index is not None
    decided = [p for p in per_ward if gps(p).ward_code is not None]
    agree = sum(naive(p) == gps(p).ward_code for p in decided)
    results: dict[str, Any] = {
        "profile": "hcm",
        "wards": len(polygons),
        "gps_lookups_per_s": rate(gps, per_ward),
        "naive_shapely_lookups_per_s": rate(naive, per_ward[::4]),
        "gps_uniform_area_lookups_per_s": rate(gps, uniform),
        "index_locate_only_per_s": rate(lambda p: index.locate(p[1], p[0]), per_ward),
        "text_lookups_per_s": rate(text, TEXTS * 20),
        "import_cpu_ms_median": import_cpu_ms(),
        "import_ms_median": 0.0,
        "import_wall_ms_minus_bare_start": 0.0,
        "index_load_ms": load_ms,
        "index_memory_mb": index_bytes / 1e6,
        "index_file_mb": index_path(POLYGONS).stat().st_size / 1e6,
        "gps_decided_share": len(decided) / len(per_ward),
        "gps_decided_agree_with_shapely": agree / max(len(decided), 1),
    }
    results["import_ms_median"], results["import_wall_ms_minus_bare_start"] = import_ms()
    (
        results["first_use_profile_ms"],
        results["first_use_text_ms"],
        results["first_use_gps_ms"],
    ) = first_use_ms()
    results["gps_vs_naive_ratio"] = (
        results["gps_lookups_per_s"] / results["naive_shapely_lookups_per_s"]
    )
    results["index"] = index.describe()
    targets = {
        "gps_lookups_per_s": 50_000,
        "text_lookups_per_s": 20_000,
        "import_cpu_ms_median": 50,
    }
    print(f"{'measure':34} {'value':>12} {'target':>10}")
    for key, value in results.items():
        if isinstance(value, int | float):
            print(f"{key:34} {value:12,.2f} {targets.get(key, '')!s:>10}")
    out = ROOT / "bench" / "results" / "resolve.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**results, "targets": targets}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
