"""Building a ward index file from a GeoJSON FeatureCollection (format: `ward_index`).

Run ahead of time by scripts/build_ward_index.py, never by the functions; the
test tests/test_ward_index.py rebuilds every shipped index and compares bytes.
Deterministic: the same polygons and margins give the same file.

Steps: the rings' edges in micro-degrees; each edge's margin (its ward's, or a
neighbouring uncertain ward's); for each cell the edges touching it, the wards
near all of it and the edges near part of it; a scanline along each grid line
for the ward sets at cell corners, which makes runs of pure cells and the
corners of mixed ones.
"""

from __future__ import annotations

import json
import math
import struct
import sys
from array import array
from collections.abc import Mapping
from typing import Any

from shared.core.ward_index import (
    ARRAYS,
    M_PER_DEG_LAT,
    M_PER_DEG_LNG,
    MAGIC,
    SCALE,
    WardIndexError,
    distance2,
)

_Cells = dict[int, dict[int, list[int]]]  # row -> column -> edge ids


def build_index(
    geojson: Mapping[str, Any],
    *,
    source: str,
    source_sha256: str,
    near_m: int,
    margins: Mapping[str, int] | None = None,
    cell_deg: float = 0.001,
) -> bytes:
    """The index file of a FeatureCollection of (Multi)Polygons with a `code` property."""
    margins = dict(margins or {})
    if any(m != int(m) or not 0 < m < 65536 for m in (near_m, *margins.values())):
        raise WardIndexError("margins are whole metres, 1 to 65535")
    builder = _Builder(geojson, source, int(near_m), margins, round(cell_deg * SCALE))
    arrays = builder.arrays()
    header = {
        "source": source,
        "source_sha256": source_sha256,
        "codes": builder.codes,
        "near_m": int(near_m),
        "margins": {k: int(margins[k]) for k in sorted(margins)},
        "cell_deg": cell_deg,
        "grid": builder.grid,
        "corner_sets": [list(s) for s in builder.tables["corner"]],
        "near_sets": [list(s) for s in builder.tables["near"]],
        "arrays": [[name, typecode, len(arrays[name])] for name, typecode in ARRAYS],
    }
    head = json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")
    parts = [MAGIC, struct.pack("<I", len(head)), head]
    for name, typecode in ARRAYS:
        values = arrays[name]
        assert values.typecode == typecode, name
        if sys.byteorder != "little":
            values = array(typecode, values)
            values.byteswap()
        parts.append(values.tobytes())
    return b"".join(parts)


class _Builder:
    def __init__(
        self,
        geojson: Mapping[str, Any],
        source: str,
        near_m: int,
        margins: Mapping[str, int],
        cell: int,
    ) -> None:
        self.source = source
        self.cell = cell
        self._read_edges(geojson)
        unknown = sorted(set(margins) - set(self.codes))
        if unknown:
            raise WardIndexError(f"margins name codes not in {source}: {', '.join(unknown)}")
        # Degrees of longitude per metre are most where the map is farthest from the equator.
        widest = math.radians(max(abs(v) for v in self.vy) / SCALE)
        self.per_m = SCALE / (M_PER_DEG_LNG * math.cos(widest)) * 1.01
        self.kx_low = M_PER_DEG_LNG * math.cos(widest) / SCALE  # a lower bound
        self.own = [int(margins.get(code, near_m)) for code in self.codes]
        pad = math.ceil(max(self.own) * self.per_m) + cell
        self.x0, self.y0 = min(self.vx) - pad, min(self.vy) - pad
        self.nx = (max(self.vx) + pad - self.x0) // cell + 1
        self.ny = (max(self.vy) + pad - self.y0) // cell + 1
        self.grid = {"cell": cell, "x0": self.x0, "y0": self.y0, "nx": self.nx, "ny": self.ny}
        self.tables: dict[str, dict[tuple[int, ...], int]] = {"corner": {(): 0}, "near": {(): 0}}
        self.near_m = near_m

    def _read_edges(self, geojson: Mapping[str, Any]) -> None:
        """Codes, vertices (micro-degrees, the source's six decimals exactly) and edges."""
        self.codes: list[str] = []
        self.vx, self.vy = array("i"), array("i")
        self.edge_start, self.edge_feature = array("i"), array("H")
        for feature in geojson["features"]:
            index = len(self.codes)
            self.codes.append(str(feature["properties"]["code"]))
            geometry = feature["geometry"]
            polygons = geometry["coordinates"]
            if geometry["type"] == "Polygon":
                polygons = [polygons]
            for polygon in polygons:
                for ring in polygon:  # holes toggle the crossing count like any ring
                    points = [(round(x * SCALE), round(y * SCALE)) for x, y, *_ in ring]
                    if points[0] != points[-1]:
                        points.append(points[0])
                    base = len(self.vx)
                    for px, py in points:
                        self.vx.append(px)
                        self.vy.append(py)
                    for k in range(len(points) - 1):
                        if points[k] != points[k + 1]:
                            self.edge_start.append(base + k)
                            self.edge_feature.append(index)
        if len(self.codes) != len(set(self.codes)):
            raise WardIndexError(f"{self.source}: duplicate codes")

    def _segment(self, e: int) -> tuple[int, int, int, int]:
        q = self.edge_start[e]
        return self.vx[q], self.vy[q], self.vx[q + 1], self.vy[q + 1]

    def _cells_of(self, e: int, metres: int) -> tuple[range, range]:
        """Columns and rows of the cells an edge's box, grown by `metres`, meets."""
        m = math.ceil(metres * self.per_m)
        ax, ay, bx, by = self._segment(e)
        x0, y0, cell = self.x0, self.y0, self.cell
        columns = range((min(ax, bx) - m - x0) // cell, (max(ax, bx) + m - x0) // cell + 1)
        rows = range((min(ay, by) - m - y0) // cell, (max(ay, by) + m - y0) // cell + 1)
        return columns, rows

    def _edge_margins(self) -> array:  # type: ignore[type-arg]
        """An uncertain boundary is uncertain from both sides: an edge in a cell
        within an uncertain ward's margin takes that margin."""
        widened: dict[tuple[int, int], int] = {}
        for e, feature in enumerate(self.edge_feature):
            metres = self.own[feature]
            if metres > self.near_m:
                columns, rows = self._cells_of(e, metres)
                for j in rows:
                    for i in columns:
                        widened[j, i] = max(widened.get((j, i), 0), metres)
        margins = array("H")
        for e, feature in enumerate(self.edge_feature):
            metres = self.own[feature]
            if widened:
                columns, rows = self._cells_of(e, 0)
                metres = max([metres, *(widened.get((j, i), 0) for j in rows for i in columns)])
            margins.append(metres)
        return margins

    def _classify(
        self,
        edge_margin: array,  # type: ignore[type-arg]
    ) -> tuple[_Cells, dict[int, dict[int, set[int]]], _Cells, dict[int, list[tuple[float, int]]]]:
        """Per cell: edges touching it, wards near all of it, edges near part of it;
        per grid line: where edges cross it."""
        touching: _Cells = {}
        near_all: dict[int, dict[int, set[int]]] = {}
        partly: _Cells = {}
        crossings: dict[int, list[tuple[float, int]]] = {}
        x0, y0, cell, ky = self.x0, self.y0, self.cell, M_PER_DEG_LAT / SCALE
        cell_m = cell / self.per_m  # a cell wider than twice a margin is never wholly within it
        for e, feature in enumerate(self.edge_feature):
            ax, ay, bx, by = self._segment(e)
            metres = edge_margin[e]
            limit2 = metres * metres
            columns, rows = self._cells_of(e, metres)
            for j in rows:
                bottom = y0 + j * cell
                dy = max(0, bottom - max(ay, by), min(ay, by) - bottom - cell) * ky
                kx = M_PER_DEG_LNG * math.cos(math.radians((bottom + cell / 2) / SCALE)) / SCALE
                for i in columns:
                    left = x0 + i * cell
                    dx = max(0, left - max(ax, bx), min(ax, bx) - left - cell) * self.kx_low
                    if dx * dx + dy * dy >= limit2:
                        continue  # even the boxes are farther apart than the margin
                    if dx == 0 and dy == 0:
                        touching.setdefault(j, {}).setdefault(i, []).append(e)
                    # Distance to a segment is convex: a cell's farthest point is a corner.
                    if cell_m < 2 * metres and limit2 * 0.98 > max(
                        distance2(px, py, ax, ay, bx, by, kx, ky)
                        for px in (left, left + cell)
                        for py in (bottom, bottom + cell)
                    ):
                        near_all.setdefault(j, {}).setdefault(i, set()).add(feature)
                    else:
                        partly.setdefault(j, {}).setdefault(i, []).append(e)
            if ay != by:
                low, high = min(ay, by), max(ay, by)
                # Grid lines y with low <= y < high: exactly where (ay > y) != (by > y).
                for j in range(-((y0 - low) // cell), -((y0 - high) // cell)):
                    y = y0 + j * cell
                    x = ax + (y - ay) * (bx - ax) / (by - ay)  # as ward_index computes it
                    crossings.setdefault(j, []).append((x, feature))
        return touching, near_all, partly, crossings

    def _table_id(self, table: str, members: set[int]) -> int:
        key = tuple(sorted(members))
        return self.tables[table].setdefault(key, len(self.tables[table]))

    def arrays(self) -> dict[str, array]:  # type: ignore[type-arg]
        edge_margin = self._edge_margins()
        touching, near_all, partly, crossings = self._classify(edge_margin)
        out = {name: array(typecode) for name, typecode in ARRAYS}
        out.update(
            vx=self.vx,
            vy=self.vy,
            edge_start=self.edge_start,
            edge_feature=self.edge_feature,
            edge_margin=edge_margin,
        )
        out["cross_start"].append(0)
        out["measure_start"].append(0)
        for j in range(self.ny):
            out["row_start"].append(len(out["run_col"]))
            sweep = _Sweep(sorted(crossings.get(j, ())), self.x0, self.cell)
            near_row, partly_row, touching_row = (
                near_all.get(j, {}),
                partly.get(j, {}),
                touching.get(j, {}),
            )
            next_free = 0
            for first, last in _blocks(sorted({*near_row, *partly_row, *touching_row})):
                if first > next_free:
                    self._pure_run(out, sweep, next_free)
                out["run_col"].append(first)
                out["run_value"].append(-2 - len(out["cell_corner"]))
                for column in range(first, last + 1):
                    state = sweep.state_at(column)
                    near = near_row.get(column, set())
                    out["cell_corner"].append(self._table_id("corner", state))
                    out["cell_near"].append(self._table_id("near", near))
                    out["cross"].extend(sorted(touching_row.get(column, ())))
                    out["cross_start"].append(len(out["cross"]))
                    measured = (
                        e for e in partly_row.get(column, ()) if self.edge_feature[e] not in near
                    )
                    out["measure"].extend(sorted(measured))
                    out["measure_start"].append(len(out["measure"]))
                next_free = last + 1
            if next_free < self.nx:
                self._pure_run(out, sweep, next_free)
        out["row_start"].append(len(out["run_col"]))
        return out

    def _pure_run(self, out: dict[str, array], sweep: _Sweep, column: int) -> None:  # type: ignore[type-arg]
        state = sweep.state_at(column)
        if len(state) > 1:
            raise WardIndexError(f"{self.source}: wards overlap beyond the margin")
        out["run_col"].append(column)
        out["run_value"].append(next(iter(state)) if state else -1)


class _Sweep:
    """The wards holding each corner along one grid line, left to right: those whose
    edges cross the line an odd number of times before it."""

    def __init__(self, crossings: list[tuple[float, int]], x0: int, cell: int) -> None:
        self.crossings, self.x0, self.cell = crossings, x0, cell
        self.passed = 0
        self.state: set[int] = set()

    def state_at(self, column: int) -> set[int]:
        corner = self.x0 + column * self.cell
        while self.passed < len(self.crossings) and self.crossings[self.passed][0] < corner:
            self.state.symmetric_difference_update((self.crossings[self.passed][1],))
            self.passed += 1
        return set(self.state)


def _blocks(columns: list[int]) -> list[tuple[int, int]]:
    """Runs of consecutive columns as (first, last)."""
    out: list[tuple[int, int]] = []
    for column in columns:
        if out and out[-1][1] == column - 1:
            out[-1] = (out[-1][0], column)
        else:
            out.append((column, column))
    return out
