"""Ward resolution: which ward a tip concerns, from GPS, text and the OA.

Evidence, strongest first: the location shared in Zalo; a ward named in the
text (current or old name, after a marker or in its place in an address); a
landmark or house address in one ward; the ward OA the citizen wrote to. Each
piece of evidence is a set of possible places; the sets are intersected, so
evidence that agrees or narrows (an old split ward plus GPS) decides, and
evidence that disagrees gives no ward and names the candidates. Never a silent
guess: an abstention goes to the desk, a wrong ward sends officers to the wrong
place.

Near a boundary (closer than the profile's `near_boundary_m` to another ward or
to the edge of the area) a GPS point counts for every ward it is near: alone it
abstains with those candidates, with a ward named in the text it narrows. Phone
fixes in the city are off by 5-20 m and ward boundaries run along streets, so a
point on a boundary street is a coin toss we refuse to toss.

Import cost matters (the router's cold start): nothing here reads a file or
imports shapely at import. Point-in-polygon runs over our own grid index, built
on the first GPS lookup: shapely's import alone (numpy) costs ~140 ms, and
a grid answers most points with one list lookup.
"""

from __future__ import annotations

import functools
import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

from shared.core.jurisdiction import DATA_DIR, LegacyWard, Profile, load_profile, read_data
from shared.core.text import canonical, fold

OUTSIDE = "out"  # a place outside the area that no polygon of the file names

# Confidence of a decision by each method; agreeing methods add _AGREEMENT.
_CONFIDENCE = {
    "gps": 0.95,
    "ward_name": 0.9,
    "legacy_name": 0.85,
    "landmark": 0.8,
    "address": 0.8,
    "oa": 0.5,
}
_AGREEMENT = 0.04
_OUTSIDE_TEXT_CONFIDENCE = 0.6
# Strength order of the methods, for the method reported when several agree.
_RANK = ("gps", "ward_name", "legacy_name", "address", "landmark", "oa")

_GRID_CELL_DEG = 0.00025  # ~27 m; finer cells mean fewer exact tests near edges


@dataclass
class Resolution:
    """Where a tip is: a ward of `map`, or none with the candidates and why."""

    ward_code: str | None
    map: str
    candidates: list[str]
    method: str  # gps, ward_name, legacy_name, landmark, address, oa, conflict, none
    confidence: float
    outside: bool
    near_boundary: bool = False
    evidence: list[str] = field(default_factory=list)
    unit_id: str | None = None  # the ward's unit when a ward is decided

    def as_dict(self) -> dict[str, Any]:
        return {
            "ward_code": self.ward_code,
            "map": self.map,
            "candidates": list(self.candidates),
            "method": self.method,
            "confidence": self.confidence,
            "outside": self.outside,
            "near_boundary": self.near_boundary,
            "evidence": list(self.evidence),
            "unit_id": self.unit_id,
        }


@dataclass(frozen=True, slots=True)
class _Evidence:
    method: str
    places: tuple[str, ...]  # codes of the profile's map, or outside codes; likeliest first
    label: str


# --------------------------------------------------------------------------
# GPS: a uniform grid over the polygons. A cell with no edge within the
# near-boundary margin stores its feature index (or -1, none); other cells
# store the edges near them, and a point there gets an exact ray-casting test
# over the edges that cross its grid row, and distances to the nearby edges.


@dataclass(frozen=True, slots=True)
class _Grid:
    codes: tuple[str, ...]
    x0: float
    y0: float
    nx: int
    ny: int
    cells: list[Any]  # int (pure) or tuple of edge indices (near an edge)
    rows: list[tuple[tuple[int, tuple[tuple[float, float, float, float], ...]], ...]]
    edges: list[tuple[float, float, float, float, int]]
    kx: float  # metres per degree of longitude
    ky: float
    near_m: float

    def locate(self, x: float, y: float) -> tuple[int, tuple[int, ...]]:
        """(feature index or -1, the other features within near_m; -1 there = no feature)."""
        i = int((x - self.x0) / _GRID_CELL_DEG)
        j = int((y - self.y0) / _GRID_CELL_DEG)
        if not (0 <= i < self.nx and 0 <= j < self.ny):
            return -1, ()
        cell = self.cells[j * self.nx + i]
        if type(cell) is int:
            return cell, ()
        inside = -1
        for feature, edges in self.rows[j]:
            crossings = False
            for y1, y2, x1, dxdy in edges:
                if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * dxdy:
                    crossings = not crossings
            if crossings:
                inside = feature
                break
        near: set[int] = set()
        kx, ky, limit = self.kx, self.ky, self.near_m * self.near_m
        for index in cell:
            ax, ay, bx, by, feature = self.edges[index]
            if feature in near:
                continue
            px, py = (x - ax) * kx, (y - ay) * ky
            ex, ey = (bx - ax) * kx, (by - ay) * ky
            length = ex * ex + ey * ey
            t = 0.0 if length == 0 else max(0.0, min(1.0, (px * ex + py * ey) / length))
            dx, dy = px - t * ex, py - t * ey
            if dx * dx + dy * dy < limit:
                near.add(feature)
        if inside >= 0 and inside in near:
            near.discard(inside)
            if not near:
                near.add(-1)  # near our own edge with nothing beyond: the edge of the map
        return inside, tuple(sorted(near))


@functools.cache
def _grid(path: str, near_m: float) -> _Grid:
    """Build the grid of a GeoJSON file of (Multi)Polygons with a `code` property."""
    import json

    data = json.loads((DATA_DIR / path).read_text(encoding="utf-8"))
    codes: list[str] = []
    edges: list[tuple[float, float, float, float, int]] = []
    for feature in data["features"]:
        index = len(codes)
        codes.append(str(feature["properties"]["code"]))
        geometry = feature["geometry"]
        polygons = geometry["coordinates"]
        if geometry["type"] == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:  # holes toggle the crossing count like any ring
                for (ax, ay), (bx, by) in pairwise(ring):
                    edges.append((ax, ay, bx, by, index))
    xs = [e[0] for e in edges]
    ys = [e[1] for e in edges]
    lat0 = (min(ys) + max(ys)) / 2
    kx, ky = 111_320.0 * math.cos(math.radians(lat0)), 110_574.0
    margin = near_m / min(kx, ky) * 1.05
    x0, y0 = min(xs) - 2 * margin, min(ys) - 2 * margin
    nx = int((max(xs) + 2 * margin - x0) / _GRID_CELL_DEG) + 1
    ny = int((max(ys) + 2 * margin - y0) / _GRID_CELL_DEG) + 1

    near_edges: dict[int, list[int]] = {}
    row_edges: list[dict[int, list[tuple[float, float, float, float]]]] = [{} for _ in range(ny)]
    for n, (ax, ay, bx, by, feature) in enumerate(edges):
        i0 = max(0, int((min(ax, bx) - margin - x0) / _GRID_CELL_DEG))
        i1 = min(nx - 1, int((max(ax, bx) + margin - x0) / _GRID_CELL_DEG))
        j0 = max(0, int((min(ay, by) - margin - y0) / _GRID_CELL_DEG))
        j1 = min(ny - 1, int((max(ay, by) + margin - y0) / _GRID_CELL_DEG))
        for j in range(j0, j1 + 1):
            for i in range(i0, i1 + 1):
                near_edges.setdefault(j * nx + i, []).append(n)
        if ay != by:
            dxdy = (bx - ax) / (by - ay)
            r0 = max(0, int((min(ay, by) - y0) / _GRID_CELL_DEG))
            r1 = min(ny - 1, int((max(ay, by) - y0) / _GRID_CELL_DEG))
            for j in range(r0, r1 + 1):
                row_edges[j].setdefault(feature, []).append((ay, by, ax, dxdy))

    cells: list[Any] = [-1] * (nx * ny)
    for j in range(ny):
        # Scanline at the row's centre: crossings sorted by x, toggling features;
        # a cell without edges near it lies wholly on one side of every crossing.
        yc = y0 + (j + 0.5) * _GRID_CELL_DEG
        crossings: list[tuple[float, int]] = []
        for feature, fedges in row_edges[j].items():
            for ay, by, ax, dxdy in fedges:
                if (ay > yc) != (by > yc):
                    crossings.append((ax + (yc - ay) * dxdy, feature))
        crossings.sort()
        cross_x = [c[0] for c in crossings]
        for i in range(nx):
            key = j * nx + i
            if key in near_edges:
                cells[key] = tuple(near_edges[key])
                continue
            xc = x0 + (i + 0.5) * _GRID_CELL_DEG
            passed = bisect_right(cross_x, xc)
            state: set[int] = set()
            for _, feature in crossings[:passed]:
                state ^= {feature}
            cells[key] = min(state) if state else -1
    rows = [tuple((f, tuple(e)) for f, e in sorted(r.items())) for r in row_edges]
    return _Grid(tuple(codes), x0, y0, nx, ny, cells, rows, edges, kx, ky, near_m)


def _coordinates(location: tuple[str | float, str | float] | None) -> tuple[float, float] | None:
    """(lat, lng) from floats or Zalo's decimal strings; None when absent or unusable."""
    if location is None:
        return None
    try:
        lat, lng = float(location[0]), float(location[1])
    except (TypeError, ValueError, IndexError):
        return None
    if not (math.isfinite(lat) and math.isfinite(lng)) or abs(lat) > 90 or abs(lng) > 180:
        return None
    if lat == 0 and lng == 0:
        return None  # "null island": a phone without a fix, not a place
    return lat, lng


def _gps_evidence(profile: Profile, lat: float, lng: float) -> tuple[_Evidence | None, bool, str]:
    """GPS as evidence (None when it says nothing), whether it is near a boundary, a note."""
    where = f"gps {lat:.6f},{lng:.6f}"
    path = profile.polygons or profile.outer_polygons
    if path is None:
        return None, False, f"{where}: no polygons in profile {profile.name}"
    grid = _grid(path, profile.near_boundary_m)

    def place(index: int) -> str:
        code = OUTSIDE if index < 0 else grid.codes[index]
        if profile.polygons is None and code != OUTSIDE and code not in profile.outside_polygons:
            return "area"  # inside the outline of a map without ward polygons
        return code

    inside, near = grid.locate(lng, lat)
    places = tuple(dict.fromkeys([place(inside), *(place(n) for n in near)]))
    near_boundary = bool(near)
    note = f"{where}: in {_describe(profile, places[0])}"
    if near_boundary:
        note += f", within {profile.near_boundary_m:g} m of " + ", ".join(
            _describe(profile, p) for p in places[1:]
        )
    if places == ("area",):
        return None, False, note + "; no ward polygons: the desk decides"
    if "area" in places:  # any ward of the map, or just outside it
        wards = tuple(profile._by_code)
        places = tuple(c for p in places for c in (wards if p == "area" else (p,)))
    return _Evidence("gps", places, note), near_boundary, note


def _describe(profile: Profile, place: str) -> str:
    if place == OUTSIDE:
        return "no ward of the map (outside)"
    if place == "area":
        return "the area"
    if place in profile.outside_polygons:
        return f"{place} {profile.outside_polygons[place]} (outside)"
    return place


# --------------------------------------------------------------------------
# Text: canonical text (NFC, lower, new-style tones) and its fold, one
# character each, so a match on the fold points at the written span and the
# diacritics the citizen typed can be checked against the name's.


@functools.cache
def _fold_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xC0, 0x1F00):
        folded = fold(chr(code))
        if len(folded) == 1 and folded.isascii():
            table[code] = folded
    return table


def _folds(text: str) -> tuple[str, str]:
    written = canonical(text)
    folded = written.translate(_fold_table())
    if len(folded) != len(written):  # stray combining marks: spans cannot be compared
        folded = fold(written)
        written = folded
    return written, folded


def _syllables_agree(written: str, expected: str) -> bool:
    """Each syllable typed without marks, or with exactly the name's marks (Thành is not Thạnh)."""
    for w, e in zip(written.split(), expected.split(), strict=False):
        if w != e and not w.isascii():
            return False
    return True


@dataclass(frozen=True, slots=True)
class _Name:
    written: str  # canonical spelling
    kind: str  # ward, legacy, outside
    places: tuple[str, ...]
    label: str


@dataclass(frozen=True, slots=True)
class _TextIndex:
    names: Mapping[str, tuple[_Name, ...]]  # folded name -> entries
    ward_pattern: re.Pattern[str]
    numbered_pattern: re.Pattern[str]
    district_pattern: re.Pattern[str]
    landmark_pattern: re.Pattern[str]
    landmarks: Mapping[str, tuple[str, tuple[str, ...], str, str]]  # folded -> kind, places...
    home: frozenset[str]
    districts: frozenset[str]
    cities: frozenset[str]
    ward_markers: frozenset[str]
    district_markers: frozenset[str]


def _alternation(names: Iterable[str]) -> str:
    ordered = sorted(set(names), key=lambda n: (-len(n), n))
    return "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in ordered)


def _city_key(folded: str) -> str:
    return re.sub(r"[\s.]+", "", folded)


@functools.cache
def _text_index(profile: Profile) -> _TextIndex:
    places = read_data("profiles/places.yaml")
    landmarks = read_data("profiles/landmarks.yaml")
    names: dict[str, list[_Name]] = {}

    def add(name: str, entry: _Name) -> None:
        entries = names.setdefault(fold(name), [])
        if all(e.written != entry.written for e in entries):
            entries.append(entry)

    for ward in profile.wards():
        code = ward.code or ""
        for name in ward.names:
            add(name, _Name(canonical(name), "ward", (code,), f"ward {code} {ward.names[0]}"))
    current = set(names)
    for old in profile.legacy:
        for name in (old.name, *old.names):
            if fold(name) not in current:  # a current name means the current ward
                add(name, _Name(canonical(name), "legacy", _successors(old), _legacy_label(old)))
    for name in places["outside_wards"]:
        if fold(name) not in names:
            add(name, _Name(canonical(name), "outside", (OUTSIDE,), f"outside ward {name}"))

    marks: dict[str, tuple[str, tuple[str, ...], str, str]] = {}
    for entry in landmarks:
        where = () if entry.get("outside") else (entry.get("ward") or {}).get(profile.map)
        if where is None:
            continue  # a place of this map we cannot place
        codes = tuple(where) if isinstance(where, list) else (str(where),) if where else ()
        kind = entry["kind"]
        for name in entry["names"]:
            marks[fold(name)] = (kind, codes or (OUTSIDE,), canonical(name), entry["names"][0])

    home = frozenset(fold(n) for n in places["home_district"])
    districts = frozenset(fold(n) for n in places["other_districts"]) | home
    ward_markers: dict[str, str] = places["ward_markers"]  # folded -> as written with marks
    district_markers: dict[str, str] = places["district_markers"]
    edge = r"(?<![a-z0-9])"
    separator = r"(?:\s*\.\s*|\s+)"
    return _TextIndex(
        names={k: tuple(v) for k, v in names.items()},
        ward_pattern=re.compile(
            f"{edge}(?P<marker>{_alternation(ward_markers)}){separator}"
            f"(?P<name>{_alternation(names)})(?![a-z0-9])"
        ),
        numbered_pattern=re.compile(
            f"{edge}(?P<marker>{_alternation(ward_markers)})(?:\\s*\\.?\\s*)(?P<name>\\d{{1,2}})"
            r"(?![0-9a-z/])"
        ),
        district_pattern=re.compile(
            f"{edge}(?P<marker>{_alternation(district_markers)})(?:\\s*\\.\\s*|\\s+|(?=\\d))"
            f"(?P<name>{_alternation(districts)}|\\d{{1,2}})(?![0-9a-z])"
        ),
        landmark_pattern=re.compile(
            rf"(?<![0-9a-z/])(?<!hem )(?<!ngo )(?<!kiet )(?P<name>{_alternation(marks)})"
            r"(?![0-9a-z/])"
        ),
        landmarks=marks,
        home=home,
        districts=districts,
        cities=frozenset(_city_key(fold(c)) for c in places["cities"]),
        ward_markers=frozenset(ward_markers) | frozenset(ward_markers.values()),
        district_markers=frozenset(district_markers) | frozenset(district_markers.values()),
    )


def _successors(old: LegacyWard) -> tuple[str, ...]:
    return tuple(s.code for s in sorted(old.successors, key=lambda s: -s.share))


def _legacy_label(old: LegacyWard) -> str:
    shares = ", ".join(f"{s.code} {s.share:.0%}" for s in old.successors)
    return f"old ward {old.name} ({old.code}/2021) -> {shares}"


def _name_evidence(index: _TextIndex, folded_name: str, written: str, how: str) -> _Evidence | None:
    for entry in index.names.get(re.sub(r"\s+", " ", folded_name), ()):
        if _syllables_agree(written, entry.written):
            method = {"ward": "ward_name", "legacy": "legacy_name", "outside": "outside"}
            return _Evidence(method[entry.kind], entry.places, f"{how} '{written}': {entry.label}")
    return None


def _text_evidence(profile: Profile, text: str) -> list[_Evidence]:
    if not text or not text.strip():
        return []
    index = _text_index(profile)
    written, folded = _folds(text)
    found: list[_Evidence] = []

    for match in index.ward_pattern.finditer(folded):
        if written[match.start("marker") : match.end("marker")] not in index.ward_markers:
            continue  # "phương", not "phường"
        span = written[match.start("name") : match.end("name")]
        evidence = _name_evidence(index, match.group("name"), span, "ward named")
        if evidence:
            found.append(evidence)
    for match in index.numbered_pattern.finditer(folded):
        if written[match.start("marker") : match.end("marker")] in index.ward_markers:
            span = written[match.start() : match.end()]
            found.append(_Evidence("outside", (OUTSIDE,), f"numbered ward '{span}': not the area"))
    for match in index.district_pattern.finditer(folded):
        if written[match.start("marker") : match.end("marker")] not in index.district_markers:
            continue  # "quán", "quan" (an official) with diacritics
        if re.sub(r"\s+", " ", match.group("name")) not in index.home:
            span = written[match.start() : match.end()]
            found.append(_Evidence("outside", (OUTSIDE,), f"district '{span}': not the area"))
    found.extend(_address_evidence(index, written, folded))
    for match in index.landmark_pattern.finditer(folded):
        kind, places, expected, label = index.landmarks[re.sub(r"\s+", " ", match.group("name"))]
        span = written[match.start() : match.end()]
        if _syllables_agree(span, expected):
            method = "outside_landmark" if places == (OUTSIDE,) else kind
            found.append(_Evidence(method, places, f"{kind} '{span}' ({label})"))
    return found


def _address_evidence(index: _TextIndex, written: str, folded: str) -> list[_Evidence]:
    """A bare ward name right before the district or the city of a comma-separated address."""
    if "," not in folded:
        return []
    bounds: list[tuple[int, int]] = []
    start = 0
    for part in re.finditer(r",|;|\s-\s", folded):
        bounds.append((start, part.start()))
        start = part.end()
    bounds.append((start, len(folded)))
    strip = " .:!?()\"'"
    segments = []
    for a, b in bounds:
        seg = folded[a:b]
        lead = len(seg) - len(seg.lstrip(strip))
        seg = seg.strip(strip)
        segments.append((seg, written[a + lead : a + lead + len(seg)]))

    def closes(seg: str) -> bool:  # a district or a city: what follows the ward
        if _city_key(seg) in index.cities or seg in index.districts:
            return True
        match = index.district_pattern.fullmatch(seg)
        return match is not None

    found = []
    for k in range(1, len(segments)):
        seg, span = segments[k - 1]
        if closes(segments[k][0]) and not closes(seg) and seg in index.names:
            evidence = _name_evidence(index, seg, span, "address ward")
            if evidence:
                found.append(evidence)
    return found


# --------------------------------------------------------------------------
# Combination.


def resolve(
    text: str,
    location: tuple[str | float, str | float] | None = None,
    oa_id: str | None = None,
    profile: Profile | None = None,
) -> Resolution:
    """Resolve the ward of a tip from its text, optional (lat, lng) and the OA it came to."""
    profile = profile or load_profile()
    notes: list[str] = []
    strong: list[_Evidence] = []
    weak_outside: list[_Evidence] = []  # outside landmarks: count only when nothing else does
    near_boundary = False

    point = _coordinates(location)
    if location is not None and point is None:
        notes.append(f"gps {location!r}: unusable, ignored")
    if point is not None:
        evidence, near_boundary, note = _gps_evidence(profile, *point)
        if evidence is None:
            notes.append(note)
        else:
            strong.append(evidence)

    for evidence in _text_evidence(profile, text):
        (weak_outside if evidence.method == "outside_landmark" else strong).append(evidence)

    oa_unit = profile.unit_for_oa(oa_id)
    oa_evidence = None
    if oa_unit is not None and oa_unit.kind == "ward" and oa_unit.code:
        oa_evidence = _Evidence("oa", (oa_unit.code,), f"OA {oa_id}: {oa_unit.name}")
    elif oa_id:
        notes.append(f"OA {oa_id}: " + (oa_unit.name if oa_unit else "not a ward's OA"))

    if not strong:
        if oa_evidence is not None:
            strong.append(oa_evidence)
        elif weak_outside:
            strong.extend(weak_outside)
    elif oa_evidence is not None:
        notes.append(oa_evidence.label + " (weaker than the evidence above; not used)")
    for evidence in weak_outside if strong and strong[0] not in weak_outside else ():
        notes.append(evidence.label + " (a reference point; not used)")

    return _combine(profile, strong, notes, near_boundary)


def _combine(
    profile: Profile, evidence: list[_Evidence], notes: list[str], near_boundary: bool
) -> Resolution:
    labels = [e.label for e in evidence] + notes
    area = profile._by_code
    if not evidence:
        return Resolution(None, profile.map, [], "none", 0.0, False, near_boundary, labels)

    common = [p for p in evidence[0].places if all(p in e.places for e in evidence[1:])]
    methods = sorted({_method(e) for e in evidence}, key=_rank)
    in_area = [p for p in common if p in area]

    if common and not in_area:  # everything points outside the area
        confidence = _CONFIDENCE.get(methods[0], _OUTSIDE_TEXT_CONFIDENCE)
        if methods[0] not in ("gps",):
            confidence = _OUTSIDE_TEXT_CONFIDENCE
        return Resolution(
            None, profile.map, [], methods[0], confidence, True, near_boundary, labels
        )
    if len(common) == 1:
        code = common[0]
        confidence = _CONFIDENCE[methods[0]] + _AGREEMENT * (len(evidence) - 1)
        if len(evidence) > 1 and any(len(e.places) > 1 for e in evidence):
            confidence = max(_CONFIDENCE[m] for m in methods) - _AGREEMENT  # it had to narrow
        return Resolution(
            code,
            profile.map,
            [code],
            methods[0],
            round(min(confidence, 0.99), 2),
            False,
            near_boundary,
            labels,
            area[code].id,
        )
    if common:  # several wards fit all evidence: an old split ward, a boundary point
        return Resolution(None, profile.map, in_area, methods[0], 0.0, False, near_boundary, labels)

    candidates = list(dict.fromkeys(p for e in evidence for p in e.places if p in area))
    outside = not candidates
    return Resolution(
        None, profile.map, candidates, "conflict", 0.0, outside, near_boundary, labels
    )


def _method(evidence: _Evidence) -> str:
    """The public method of a piece of evidence (outside mentions are names or landmarks)."""
    return {"outside": "ward_name", "outside_landmark": "landmark"}.get(
        evidence.method, evidence.method
    )


def _rank(method: str) -> int:
    return _RANK.index(method) if method in _RANK else len(_RANK)
