"""Which ward polygon holds a point: a grid index built ahead of time from GeoJSON.

The whole city's 168 polygons have 217,000 vertices over 1.5° x 2.9°: a dense
grid fine enough to answer most points by one lookup would hold tens of
millions of cells, and building any index at a cold start costs seconds. So
the index is built once from the data (`ward_index_build`, run by
scripts/build_ward_index.py; tests/test_ward_index.py rebuilds it and
compares) and shipped as a file of flat arrays that loads in milliseconds.

The index is a grid of square cells (`cell_deg`), coordinates in integer
micro-degrees (the source's six decimals, exactly). A cell with no edge within
the margin is *pure*: every point in it lies in the same ward (or none), and
pure cells are stored as runs along each row (column where a run starts, its
value), found by bisection. Every other cell is *mixed* and keeps:
- the wards holding its bottom-left corner, computed by a scanline;
- the edges that touch it: a point walks from the corner to itself (along the
  corner's row, then up its own column) and toggles each ward whose edge it
  crosses, with the scanline's crossing rule, so the walk is exact;
- the wards whose margin covers the whole cell (near for every point in it),
  and the edges whose margin covers only part of it, measured per point.

Margins: a point closer than `near_m` to another ward's edge is *near* that
ward (a phone fix is good to 5-20 m and boundaries follow streets). Some wards
carry a wider margin (`margins`, by code) where the published polygon is known
to be uncertain; the edges of their neighbours along them get it too, so a
point on either side of an uncertain boundary is near the ward across it.

File layout (little-endian): MAGIC, a uint32 header length, a JSON header
(source and its SHA-256, codes, margins, grid, tables, array names, type codes
and lengths), then each array's bytes in header order.
"""

from __future__ import annotations

import math
import sys
from array import array
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

MAGIC = b"TINBAO-WARD-INDEX 2\n"
SCALE = 1_000_000  # micro-degrees
M_PER_DEG_LAT = 110_574.0
M_PER_DEG_LNG = 111_320.0  # at the equator; times cos(latitude)
_CACHE_CELLS = 20_000  # mixed cells kept as tuples once used (a few KB each at most)
_ARRAYS = (
    ("vx", "i"),  # vertex longitudes, micro-degrees
    ("vy", "i"),
    ("edge_start", "i"),  # an edge runs from vertex edge_start[k] to the next one
    ("edge_feature", "H"),
    ("edge_margin", "H"),  # metres
    ("row_start", "i"),  # runs of row j: row_start[j] .. row_start[j + 1]
    ("run_col", "i"),  # first column of a run
    ("run_value", "i"),  # >= 0 a feature, -1 none, <= -2 mixed cells from id -2 - value
    ("cell_corner", "i"),  # mixed cell: its corner's ward set (index into corner_sets)
    ("cell_near", "i"),  # mixed cell: wards near all of it (index into near_sets)
    ("cross_start", "i"),  # edges touching mixed cell m: cross[cross_start[m] ..]
    ("cross", "i"),
    ("measure_start", "i"),  # edges to measure in mixed cell m: measure[measure_start[m] ..]
    ("measure", "i"),
)
ARRAYS = _ARRAYS  # the file's arrays, in order (name, type code)
_Edge = tuple[int, int, int, int, int]
_Measured = tuple[int, int, int, int, int, int, int]


class WardIndexError(ValueError):
    """The index file is unreadable, or was built from other data or margins."""


@dataclass(frozen=True, eq=False)
class WardIndex:
    """A loaded index. `locate` is the lookup; the rest describes what it was built from."""

    codes: tuple[str, ...]
    source: str
    source_sha256: str
    near_m: int
    margins: Mapping[str, int]  # code -> metres, where wider than near_m
    cell_deg: float
    grid: Mapping[str, int]  # cell, x0, y0, nx, ny (micro-degrees, counts)
    arrays: Mapping[str, array]  # type: ignore[type-arg]
    corner_sets: tuple[tuple[int, ...], ...]
    near_sets: tuple[tuple[int, ...], ...]

    def __post_init__(self) -> None:
        # Plain attributes for the hot path (a mapping lookup per access is measurable).
        for name in ("cell", "x0", "y0", "nx", "ny"):
            object.__setattr__(self, "_" + name, self.grid[name])
        for name, _ in _ARRAYS:
            object.__setattr__(self, "_" + name, self.arrays[name])
        object.__setattr__(self, "_cache", {})

    def locate(self, lng: float, lat: float) -> tuple[int, tuple[int, ...]]:
        """(feature index or -1, the other features whose margin the point is in).

        In the second member -1 means the edge of the map: the point is within
        its own ward's margin of that ward's edge and no other ward is near.
        """
        x, y = lng * SCALE, lat * SCALE
        cell: int = self._cell  # type: ignore[attr-defined]
        i = math.floor((x - self._x0) / cell)  # type: ignore[attr-defined]
        j = math.floor((y - self._y0) / cell)  # type: ignore[attr-defined]
        if not (0 <= i < self._nx and 0 <= j < self._ny):  # type: ignore[attr-defined]
            return -1, ()
        run_col = self._run_col  # type: ignore[attr-defined]
        row = self._row_start  # type: ignore[attr-defined]
        k = bisect_right(run_col, i, row[j], row[j + 1]) - 1
        value = self._run_value[k]  # type: ignore[attr-defined]
        if value >= -1:
            return value, ()
        mixed = -2 - value + i - run_col[k]
        mask, cross, near_all, measured = self._cell_of(mixed)
        cx, cy = self._x0 + i * cell, self._y0 + j * cell  # type: ignore[attr-defined]
        for ax, ay, bx, by, feature in cross:
            # Along the corner's row, then up the point's column (half-open, as built).
            if (ay > cy) != (by > cy) and cx <= ax + (cy - ay) * (bx - ax) / (by - ay) < x:
                mask ^= 1 << feature
            if (ax > x) != (bx > x) and cy <= ay + (x - ax) * (by - ay) / (bx - ax) < y:
                mask ^= 1 << feature
        near = set(near_all)
        if measured:
            kx = M_PER_DEG_LNG * math.cos(math.radians(lat)) / SCALE
            ky = M_PER_DEG_LAT / SCALE
            for ax, ay, bx, by, feature, limit2, reach in measured:
                if feature in near:
                    continue
                # Cheap rejection first: farther than the margin along either axis.
                if (x - ax > reach and x - bx > reach) or (ax - x > reach and bx - x > reach):
                    continue
                if (y - ay > reach and y - by > reach) or (ay - y > reach and by - y > reach):
                    continue
                if distance2(x, y, ax, ay, bx, by, kx, ky) < limit2:
                    near.add(feature)
        inside = (mask & -mask).bit_length() - 1 if mask else -1
        if inside >= 0 and inside in near:
            near.discard(inside)
            if not near:
                near.add(-1)  # near our own edge with nothing beyond: the edge of the map
        return inside, tuple(sorted(near))

    def _cell_of(
        self, mixed: int
    ) -> tuple[int, tuple[_Edge, ...], tuple[int, ...], tuple[_Measured, ...]]:
        """A mixed cell as plain tuples, made on first use and kept (a process sees
        the cells its tips fall in; the cache is cleared if it ever grows large)."""
        cache = self._cache  # type: ignore[attr-defined]
        found = cache.get(mixed)
        if found is not None:
            return found  # type: ignore[no-any-return]
        vx, vy, starts = self._vx, self._vy, self._edge_start  # type: ignore[attr-defined]
        features, margins = self._edge_feature, self._edge_margin  # type: ignore[attr-defined]

        def edge(e: int) -> _Edge:
            q = starts[e]
            return vx[q], vy[q], vx[q + 1], vy[q + 1], features[e]

        cross_at, cross = self._cross_start, self._cross  # type: ignore[attr-defined]
        measure_at, measure = self._measure_start, self._measure  # type: ignore[attr-defined]
        measured = []
        for n in range(measure_at[mixed], measure_at[mixed + 1]):
            e = measure[n]
            m = margins[e]
            # The margin in micro-degrees along either axis, generous: only used to
            # skip edges plainly too far (cos(latitude) > 0.9 anywhere near here).
            measured.append((*edge(e), m * m, math.ceil(m / (M_PER_DEG_LNG * 0.9) * SCALE) + 1))
        corner = self.corner_sets[self._cell_corner[mixed]]  # type: ignore[attr-defined]
        found = (
            sum(1 << f for f in corner),
            tuple(edge(cross[n]) for n in range(cross_at[mixed], cross_at[mixed + 1])),
            self.near_sets[self._cell_near[mixed]],  # type: ignore[attr-defined]
            tuple(measured),
        )
        if len(cache) >= _CACHE_CELLS:
            cache.clear()
        cache[mixed] = found
        return found

    def nbytes(self) -> int:
        """Memory held by the arrays, the bulk of a loaded index (the cache aside)."""
        return sum(sys.getsizeof(a) for a in self.arrays.values())

    def describe(self) -> dict[str, int]:
        """Sizes, for the benchmark and the README."""
        return {
            "features": len(self.codes),
            "vertices": len(self.arrays["vx"]),
            "edges": len(self.arrays["edge_start"]),
            "cells": self._nx * self._ny,  # type: ignore[attr-defined]
            "runs": len(self.arrays["run_col"]),
            "mixed_cells": len(self.arrays["cell_corner"]),
            "crossing_edges": len(self.arrays["cross"]),
            "measured_edges": len(self.arrays["measure"]),
            "array_bytes": self.nbytes(),
        }


def distance2(
    x: float, y: float, ax: float, ay: float, bx: float, by: float, kx: float, ky: float
) -> float:
    """Squared metres from (x, y) to the segment, micro-degrees scaled by kx, ky."""
    px, py = (x - ax) * kx, (y - ay) * ky
    ex, ey = (bx - ax) * kx, (by - ay) * ky
    length = ex * ex + ey * ey
    t = 0.0 if length == 0 else (px * ex + py * ey) / length
    if t < 0.0:
        t = 0.0
    elif t > 1.0:
        t = 1.0
    dx, dy = px - t * ex, py - t * ey
    return dx * dx + dy * dy


# --------------------------------------------------------------------------
# Reading


def read_index(data: bytes) -> WardIndex:
    """The index in `data` (the bytes of a file written by `build_index`)."""
    import json  # here, not at import: the resolver's import is the router's cold start
    import struct

    if not data.startswith(MAGIC):
        raise WardIndexError("not a ward index of this version (rebuild it)")
    offset = len(MAGIC)
    try:
        (length,) = struct.unpack_from("<I", data, offset)
        header = json.loads(data[offset + 4 : offset + 4 + length])
        offset += 4 + length
        arrays: dict[str, array] = {}  # type: ignore[type-arg]
        for name, typecode, count in header["arrays"]:
            values = array(typecode)
            size = values.itemsize * count
            values.frombytes(data[offset : offset + size])
            if len(values) != count:
                raise WardIndexError(f"array {name} is cut short")
            if sys.byteorder != "little":
                values.byteswap()
            arrays[name] = values
            offset += size
        if [name for name, _ in _ARRAYS] != list(arrays):
            raise WardIndexError("arrays differ from this version's")
        return WardIndex(
            codes=tuple(header["codes"]),
            source=header["source"],
            source_sha256=header["source_sha256"],
            near_m=int(header["near_m"]),
            margins={str(k): int(v) for k, v in header["margins"].items()},
            cell_deg=float(header["cell_deg"]),
            grid={k: int(v) for k, v in header["grid"].items()},
            arrays=arrays,
            corner_sets=tuple(tuple(s) for s in header["corner_sets"]),
            near_sets=tuple(tuple(s) for s in header["near_sets"]),
        )
    except WardIndexError:
        raise
    except (KeyError, TypeError, ValueError, struct.error) as exc:
        raise WardIndexError(f"unreadable ward index: {exc}") from exc
