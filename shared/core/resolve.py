"""Ward resolution: which ward a tip concerns, from GPS, text and the OA.

Evidence, strongest first: the location shared in Zalo; a ward named in the
text (current or old name, with its old district or province, after a marker
or in its place in an address: `addresses`); a landmark or house address in
one ward; the ward OA the citizen wrote to. Each piece of evidence is a set of
possible places; the sets are intersected, so evidence that agrees or narrows
(an old split ward plus GPS) decides, and evidence that disagrees gives no ward
and names the candidates. Never a silent guess: an abstention goes to the
desk, a wrong ward sends officers to the wrong place.

Near a boundary (closer than the profile's `near_boundary_m` to another ward or
to the edge of the area, or than its `uncertain_boundaries_m` where a polygon
is known to be uncertain) a GPS point counts for every ward it is near: alone
it abstains with those candidates, with a ward named in the text it narrows.
Phone fixes in the city are off by 5-20 m and ward boundaries run along
streets, so a point on a boundary street is a coin toss we refuse to toss.

An abstention names its candidates when they are few (the profile's
`max_candidates` per piece of evidence): "phường 2" without its district could
be 22 wards, and naming them all helps nobody.

Import cost matters (the router's cold start): nothing here reads a file or
imports shapely or pydantic at import. Point-in-polygon runs over the ward
index built ahead of time from the polygons (`ward_index`), read on the first
GPS lookup; the profile and the address vocabulary are read on first use.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from shared.core.evidence import OUTSIDE, Evidence

if TYPE_CHECKING:
    from shared.core.jurisdiction import Profile
    from shared.core.ward_index import WardIndex

# The address reader, the ward index and the profiles are imported on first use,
# not here: this module's import is on the router's cold start.

# Confidence of a decision by each method; agreeing methods add _AGREEMENT.
_CONFIDENCE = {
    "gps": 0.95,
    "ward_name": 0.9,
    "legacy_name": 0.85,
    "district": 0.8,
    "landmark": 0.8,
    "address": 0.8,
    "oa": 0.5,
}
_AGREEMENT = 0.04
_OUTSIDE_TEXT_CONFIDENCE = 0.6
_ROUNDED = {c: round(min(c, 0.99), 2) for c in _CONFIDENCE.values()}  # the usual confidences
# Strength order of the methods, for the method reported when several agree.
_RANK = ("gps", "ward_name", "legacy_name", "address", "landmark", "district", "oa")


@dataclass(slots=True)
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


# --------------------------------------------------------------------------
# GPS


def index_path(polygons: str) -> Path:
    """The ward index built from a polygon file: same folder and stem, `.index`."""
    from shared.core.jurisdiction import DATA_DIR

    return (DATA_DIR / polygons).with_suffix(".index")


@functools.cache
def ward_index(polygons: str, near_m: int, margins: tuple[tuple[str, int], ...] = ()) -> WardIndex:
    """The shipped index of `polygons`, checked to be built with these margins."""
    from shared.core.ward_index import WardIndexError, read_index

    path = index_path(polygons)
    try:
        index = read_index(path.read_bytes())
    except OSError as exc:
        raise WardIndexError(
            f"{path.name}: {exc.strerror}; run scripts/build_ward_index.py"
        ) from exc
    if index.near_m != near_m or dict(margins) != dict(index.margins):
        raise WardIndexError(
            f"{path.name} was built with other margins than the profile's; "
            "run scripts/build_ward_index.py"
        )
    return index


@functools.cache
def profile_index(profile: Profile) -> WardIndex | None:
    path = profile.polygons or profile.outer_polygons
    if path is None:
        return None
    margins = tuple(sorted(profile.uncertain_boundaries_m.items()))
    return ward_index(path, profile.near_boundary_m, margins)


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


def _gps_evidence(profile: Profile, lat: float, lng: float) -> tuple[Evidence | None, bool, str]:
    """GPS as evidence (None when it says nothing), whether it is near a boundary, a note."""
    where = f"gps {lat:.6f},{lng:.6f}"
    index = profile_index(profile)
    if index is None:
        return None, False, f"{where}: no polygons in profile {profile.name}"

    inside, near = index.locate(lng, lat)
    near_boundary = bool(near)
    if near_boundary:
        places = tuple(dict.fromkeys(_place(profile, index, f) for f in (inside, *near)))
        note = f"{where}: in {_describe(profile, places[0])}, within the boundary margin of "
        note += ", ".join(_describe(profile, p) for p in places[1:])
    else:  # most points: one ward, far from its edges
        places = (_place(profile, index, inside),)
        note = f"{where}: in {_describe(profile, places[0])}"
    if places == ("area",):
        return None, False, note + "; no ward polygons: the desk decides"
    if "area" in places:  # any ward of the map, or just outside it
        wards = tuple(profile._by_code)
        places = tuple(c for p in places for c in (wards if p == "area" else (p,)))
    return Evidence("gps", places, note), near_boundary, note


def _place(profile: Profile, index: WardIndex, feature: int) -> str:
    code = OUTSIDE if feature < 0 else index.codes[feature]
    if profile.polygons is None and code != OUTSIDE and code not in profile.outside_polygons:
        return "area"  # inside the outline of a map without ward polygons
    return code


def _describe(profile: Profile, place: str) -> str:
    if place == OUTSIDE:
        return "no ward of the map (outside)"
    if place == "area":
        return "the area"
    if place in profile.outside_polygons:
        return f"{place} {profile.outside_polygons[place]} (outside)"
    return place


# --------------------------------------------------------------------------
# Combination.


def resolve(
    text: str,
    location: tuple[str | float, str | float] | None,
    oa_id: str | None,
    profile: Profile,
) -> Resolution:
    """Resolve the ward of a tip from its text, optional (lat, lng) and the OA it came
    to, on the map of `profile` (always explicit: the same words mean other wards on
    another map)."""
    notes: list[str] = []
    strong: list[Evidence] = []
    weak_outside: list[Evidence] = []  # outside landmarks: count only when nothing else does
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

    if text and not text.isspace():
        found, set_aside = _address_reader()(profile, text)
        for evidence in found:
            (weak_outside if evidence.method == "outside_landmark" else strong).append(evidence)
        notes.extend(set_aside)

    oa_evidence = None
    if oa_id:
        oa_unit = profile.unit_for_oa(oa_id)
        if oa_unit is not None and oa_unit.kind == "ward" and oa_unit.code:
            oa_evidence = Evidence("oa", (oa_unit.code,), f"OA {oa_id}: {oa_unit.name}")
        else:
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


@functools.cache
def _address_reader() -> Callable[[Profile, str], tuple[list[Evidence], list[str]]]:
    """`addresses.text_evidence`, imported on the first text (an import statement in
    `resolve` would cost more than reading a short text)."""
    from shared.core.addresses import text_evidence

    return text_evidence


def _combine(
    profile: Profile, evidence: list[Evidence], notes: list[str], near_boundary: bool
) -> Resolution:
    labels = [e.label for e in evidence] + notes
    area = profile._by_code
    if not evidence:
        return Resolution(None, profile.map, [], "none", 0.0, False, near_boundary, labels)

    if len(evidence) == 1:  # the usual case (GPS alone, or one address): nothing to intersect
        common = list(evidence[0].places)
        methods = [_method(evidence[0])]
    else:
        rest = evidence[1:]
        common = [p for p in evidence[0].places if all(p in e.places for e in rest)]
        methods = sorted({_method(e) for e in evidence}, key=_rank)
    in_area = [p for p in common if p in area]

    if common and not in_area:  # everything points outside the area
        confidence = _CONFIDENCE.get(methods[0], _OUTSIDE_TEXT_CONFIDENCE)
        if methods[0] not in ("gps",):
            confidence = _OUTSIDE_TEXT_CONFIDENCE
        return Resolution(
            None, profile.map, [], methods[0], confidence, True, near_boundary, labels
        )
    if len(common) == 1 and any(e.decides for e in evidence):
        code = common[0]
        confidence = _CONFIDENCE[methods[0]] + _AGREEMENT * (len(evidence) - 1)
        if len(evidence) > 1 and any(len(e.places) > 1 for e in evidence):
            confidence = max(_CONFIDENCE[m] for m in methods) - _AGREEMENT  # it had to narrow
        return Resolution(
            code,
            profile.map,
            [code],
            methods[0],
            _ROUNDED.get(confidence) or round(min(confidence, 0.99), 2),
            False,
            near_boundary,
            labels,
            area[code].id,
        )
    few = profile.max_candidates
    if common:  # several wards fit all evidence: an old split ward, a boundary point; or
        # one ward, named only by evidence that never decides alone
        candidates = in_area if len(in_area) <= few else []
        return Resolution(
            None, profile.map, candidates, methods[0], 0.0, False, near_boundary, labels
        )

    # Evidence that disagrees: every piece's wards, where that piece names few.
    outside = not any(p in area for e in evidence for p in e.places)
    candidates = list(
        dict.fromkeys(
            p
            for e in evidence
            if len([q for q in e.places if q in area]) <= few
            for p in e.places
            if p in area
        )
    )
    return Resolution(
        None, profile.map, candidates, "conflict", 0.0, outside, near_boundary, labels
    )


def _method(evidence: Evidence) -> str:
    """The public method of a piece of evidence (outside mentions are names or landmarks)."""
    return {"outside": "ward_name", "outside_landmark": "landmark"}.get(
        evidence.method, evidence.method
    )


def _rank(method: str) -> int:
    return _RANK.index(method) if method in _RANK else len(_RANK)
