"""Benchmark of the ward resolver: GPS and text lookups a second on one core,
beside a naive baseline (shapely `contains` over each polygon, no index, no
prepared geometry) in the same run, and the resolver's import time.

Run: .venv/bin/python bench/bench_resolve.py  (writes bench/results/resolve.json)
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from shared.core.resolve import _grid, resolve  # noqa: E402

TEXTS = [
    "Có người bán ma túy ở hẻm 12 đường Lũy Bán Bích, phường Tân Phú",
    "nhom thanh nien tu tap gay roi o p. tay thanh",
    "Trộm xe máy tại chung cư, P.Phú Thọ Hoà, TP.HCM",
    "Có đối tượng cướp giật điện thoại tại phường Hòa Thạnh, quận Tân Phú",
    "Có tai nạn trên đường Lũy Bán Bích",
    "Móc túi ở Aeon Mall Tân Phú",
    "đánh bạc tại P. Tân Thới Hòa",
    "Xin chào",
]


def points(n: int) -> list[tuple[float, float]]:
    rng = random.Random(1)
    return [(rng.uniform(10.758, 10.825), rng.uniform(106.607, 106.648)) for _ in range(n)]


def rate(function, items, seconds: float = 2.0) -> float:  # type: ignore[no-untyped-def]
    count, start = 0, time.perf_counter()
    while time.perf_counter() - start < seconds:
        for item in items:
            function(item)
        count += len(items)
    return count / (time.perf_counter() - start)


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


def main() -> None:
    from shapely.geometry import Point, shape

    features = json.loads((ROOT / "shared/data/wards-2025.geojson").read_text(encoding="utf-8"))
    polygons = [(f["properties"]["code"], shape(f["geometry"])) for f in features["features"]]

    def naive(point: tuple[float, float]) -> str | None:
        p = Point(point[1], point[0])
        for code, polygon in polygons:
            if polygon.contains(p):
                return code
        return None

    sample = points(2000)
    resolve("", sample[0])  # build the grid and the text index outside the timing
    resolve(TEXTS[0])
    grid = _grid("wards-2025.geojson", 30.0)
    agree = sum(
        naive(p) == resolve("", p).ward_code for p in sample if resolve("", p).ward_code is not None
    )
    decided = sum(resolve("", p).ward_code is not None for p in sample)
    results = {
        "gps_lookups_per_s": rate(lambda p: resolve("", p), sample),
        "naive_shapely_lookups_per_s": rate(naive, sample),
        # The index alone (no evidence, no Resolution), to compare like with like.
        "grid_locate_only_per_s": rate(lambda p: grid.locate(p[1], p[0]), sample),
        "text_lookups_per_s": rate(resolve, TEXTS * 50),
        "import_ms_median": 0.0,
        "import_wall_ms_minus_bare_start": 0.0,
        "gps_decided_share": decided / len(sample),
        "gps_decided_agree_with_shapely": agree / max(decided, 1),
    }
    results["import_ms_median"], results["import_wall_ms_minus_bare_start"] = import_ms()
    results["gps_vs_naive_ratio"] = (
        results["gps_lookups_per_s"] / results["naive_shapely_lookups_per_s"]
    )
    targets = {"gps_lookups_per_s": 50_000, "text_lookups_per_s": 20_000, "import_ms_median": 50}
    print(f"{'measure':34} {'value':>12} {'target':>10}")
    for key, value in results.items():
        target = targets.get(key, "")
        print(f"{key:34} {value:12,.2f} {target!s:>10}")
    out = ROOT / "bench" / "results" / "resolve.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({**results, "targets": targets}, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
