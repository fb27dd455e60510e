"""Build the ward index of every profile's polygon file (`shared/data/**/<stem>.index`).

Run after changing a polygon file or a profile's boundary margins
(`near_boundary_m`, `uncertain_boundaries_m`); tests/test_ward_index.py fails
until the shipped index matches. `--check` only compares and exits 1 on a
difference. The index is read by shared/core/resolve.py (format:
shared/core/ward_index.py).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shared.core.jurisdiction import DATA_DIR, PROFILES, load_profile  # noqa: E402
from shared.core.resolve import index_path  # noqa: E402
from shared.core.ward_index_build import build_index  # noqa: E402


def wanted() -> dict[str, tuple[int, dict[str, int]]]:
    """Polygon file -> (near_m, margins), from every profile; profiles sharing a file agree."""
    out: dict[str, tuple[int, dict[str, int]]] = {}
    for name in PROFILES:
        profile = load_profile(name)
        path = profile.polygons or profile.outer_polygons
        if path is None:
            continue
        spec = (profile.near_boundary_m, dict(profile.uncertain_boundaries_m))
        if out.setdefault(path, spec) != spec:
            raise SystemExit(f"profiles disagree on the margins of {path}")
    return out


def build(path: str, near_m: int, margins: dict[str, int]) -> bytes:
    raw = (DATA_DIR / path).read_bytes()
    return build_index(
        json.loads(raw),
        source=Path(path).name,
        source_sha256=hashlib.sha256(raw).hexdigest(),
        near_m=near_m,
        margins=margins,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args()
    stale = []
    for path, (near_m, margins) in wanted().items():
        target = index_path(path)
        data = build(path, near_m, margins)
        current = target.read_bytes() if target.exists() else b""
        if data == current:
            print(f"{target.relative_to(ROOT)}: up to date")
        elif args.check:
            stale.append(str(target.relative_to(ROOT)))
        else:
            target.write_bytes(data)
            print(f"{target.relative_to(ROOT)}: written ({len(data):,} bytes)")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
