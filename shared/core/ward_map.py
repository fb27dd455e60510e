"""The map of the page: ward polygons shaded by tips, and coarse points, as SVG.

Input is the profile's GeoJSON (parsed by the caller) and plain figures. The
projection is equirectangular around the area's middle latitude (a district
is a few kilometres across: the error is far below a pixel). The view frames
the area's regions; neighbouring features are drawn faintly for orientation
and cut by the frame. Rings are thinned to what shows at this size (points
closer than a pixel to the last one kept are dropped).

Shading: grey for no tip, then up to five classes of one hue (ColorBrewer's
sequential "Oranges", readable by the colour-blind and in grey print). Points
are circles only (no text, no title, no id), their radius growing with the
number of tips at the same coarse point.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

Ring = list[tuple[float, float]]  # (lng, lat)
SHADES = 5


@dataclass(frozen=True)
class Region:
    """What the map shades as one: a ward (one feature), or the whole area
    drawn from several features when the profile has no ward polygons."""

    label: str
    feature_codes: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class ShadeClass:
    low: int
    high: int  # inclusive; low == high == 0: no tip
    shade: int = 0  # drawn with CSS class "shade{shade}": 0 grey, 1..5 the ramp


@dataclass(frozen=True)
class WardMap:
    svg: str
    classes: tuple[ShadeClass, ...]  # the legend, fewest tips first
    points_drawn: int
    points_outside: int  # coarse points beyond the frame (tips outside the area)


def features_by_code(geojson: Mapping[str, Any]) -> dict[str, list[list[Ring]]]:
    """Polygons (lists of rings) of each feature, by its `code` property."""
    out: dict[str, list[list[Ring]]] = {}
    for feature in geojson.get("features", ()):
        geometry = feature.get("geometry") or {}
        coordinates = geometry.get("coordinates") or []
        polygons = [coordinates] if geometry.get("type") == "Polygon" else coordinates
        code = str((feature.get("properties") or {}).get("code"))
        out.setdefault(code, []).extend(
            [[(float(x), float(y)) for x, y, *_ in ring] for ring in polygon]
            for polygon in polygons
        )
    return out


def shade_classes(counts: Iterable[int]) -> tuple[ShadeClass, ...]:
    """No tip, then one class per count when they are few, else five equal ranges;
    fewer classes than shades are spread over the whole ramp."""
    top = max(counts, default=0)
    ranges: list[tuple[int, int]] = []
    if top <= SHADES:
        ranges = [(n, n) for n in range(1, top + 1)]
    else:
        width = math.ceil(top / SHADES)
        ranges = [(low, min(low + width - 1, top)) for low in range(1, top + 1, width)]
    used = len(ranges)
    return (
        ShadeClass(0, 0, 0),
        *(
            ShadeClass(low, high, 1 + round(i * (SHADES - 1) / (used - 1)) if used > 1 else SHADES)
            for i, (low, high) in enumerate(ranges)
        ),
    )


def _shade_of(count: int, classes: Sequence[ShadeClass]) -> int:
    return next(c.shade for c in classes if c.low <= count <= c.high)


def ward_map(
    geojson: Mapping[str, Any],
    regions: Sequence[Region],
    points: Sequence[tuple[float, float, int]],
    *,
    context: Mapping[str, str] | None = None,
    width: float = 640,
    height: float = 560,
    label: str = "",
) -> WardMap:
    """The SVG map, within `width` × `height` px (the area's shape decides which
    one it fills). `context`: feature code -> name of neighbours drawn faintly."""
    features = features_by_code(geojson)
    context = context or {}
    area = [
        point
        for r in regions
        for code in r.feature_codes
        for polygon in features.get(code, [])
        for point in polygon[0]
    ]
    if not area:
        raise ValueError("no polygon of the map's regions is in the GeoJSON")
    west, east = min(x for x, _ in area), max(x for x, _ in area)
    south, north = min(y for _, y in area), max(y for _, y in area)
    kx = math.cos(math.radians((south + north) / 2))
    pad = 0.04 * max((east - west) * kx, north - south)
    scale = min(width / ((east - west) * kx + 2 * pad), height / ((north - south) + 2 * pad))
    width, height = ((east - west) * kx + 2 * pad) * scale, ((north - south) + 2 * pad) * scale

    def xy(lng: float, lat: float) -> tuple[float, float]:
        return ((lng - west) * kx + pad) * scale, (north - lat + pad) * scale

    classes = shade_classes(r.count for r in regions)
    parts = [
        f'<svg class="map" data-chart="map" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" height="{height:.0f}">'
        f"<title>{escape(label)}</title>"
    ]
    for code, name in context.items():
        for polygon in features.get(code, []):
            d = _path(polygon, xy)
            parts.append(f'<path class="neighbour" d="{d}"><title>{escape(name)}</title></path>')
    labels: list[str] = []
    for region in regions:
        shade = _shade_of(region.count, classes)
        polygons = [p for code in region.feature_codes for p in features.get(code, [])]
        joined = " ".join(_path(p, xy) for p in polygons)
        seamless = " seamless" if len(region.feature_codes) > 1 else ""
        parts.append(
            f'<path class="ward shade{shade}{seamless}" data-count="{region.count}" '
            f'd="{joined}"><title>{escape(region.label)}: {region.count}</title></path>'
        )
        x, y = xy(*_label_point(max(polygons, key=lambda p: abs(_area(p[0])))))
        labels.append(
            f'<text class="ward-label" x="{x:.0f}" y="{y:.0f}" text-anchor="middle">'
            f'<tspan x="{x:.0f}" dy="-0.2em">{escape(region.label)}</tspan>'
            f'<tspan class="ward-count" x="{x:.0f}" dy="1.25em">{region.count}</tspan></text>'
        )
    drawn = outside = 0
    for lat, lng, n in points:
        x, y = xy(lng, lat)
        if not (0 <= x <= width and 0 <= y <= height):
            outside += n
            continue
        drawn += n
        parts.append(f'<circle class="tip-point" cx="{x:.1f}" cy="{y:.1f}" r="{_radius(n):.1f}"/>')
    parts += labels  # over the points: a name stays readable where tips crowd
    parts.append("</svg>")
    return WardMap("".join(parts), tuple(classes), drawn, outside)


def _radius(n: int) -> float:
    return 3.5 + 1.5 * math.sqrt(max(n - 1, 0))  # area grows with the number of tips


def _path(polygon: list[Ring], xy: Any) -> str:
    out = []
    for ring in polygon:
        kept: list[tuple[float, float]] = []
        for lng, lat in ring:
            x, y = xy(lng, lat)
            if kept and abs(x - kept[-1][0]) < 1 and abs(y - kept[-1][1]) < 1:
                continue
            kept.append((x, y))
        if len(kept) >= 3:
            out.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in kept) + "Z")
    return "".join(out)


def _edges(ring: Ring) -> list[tuple[tuple[float, float], tuple[float, float]]]:
    return list(zip(ring, ring[1:] + ring[:1], strict=True))


def _area(ring: Ring) -> float:
    return sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in _edges(ring)) / 2


def _inside(ring: Ring, x: float, y: float) -> bool:
    crossings = False
    for (x0, y0), (x1, y1) in _edges(ring):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            crossings = not crossings
    return crossings


def _edge_distance(ring: Ring, x: float, y: float) -> float:
    best = math.inf
    for (x0, y0), (x1, y1) in _edges(ring):
        dx, dy = x1 - x0, y1 - y0
        length = dx * dx + dy * dy
        t = max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / length)) if length else 0.0
        best = min(best, math.hypot(x - x0 - t * dx, y - y0 - t * dy))
    return best


def _label_point(polygon: list[Ring]) -> tuple[float, float]:
    """Where a label sits: the interior point of a coarse grid farthest from the
    edge (a centroid can fall outside a bent ward)."""
    outer = polygon[0]
    west, east = min(x for x, _ in outer), max(x for x, _ in outer)
    south, north = min(y for _, y in outer), max(y for _, y in outer)
    best, where = -1.0, ((west + east) / 2, (south + north) / 2)
    steps = 16
    for i in range(1, steps):
        for j in range(1, steps):
            x = west + (east - west) * i / steps
            y = south + (north - south) * j / steps
            if _inside(outer, x, y) and not any(_inside(h, x, y) for h in polygon[1:]):
                d = min(_edge_distance(r, x, y) for r in polygon)
                if d > best:
                    best, where = d, (x, y)
    return where
