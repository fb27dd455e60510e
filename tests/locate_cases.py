"""Generated labelled cases for the ward resolver, in the format of fixtures/locate.jsonl.

Labels come from the briefing's facts (names, successors) and, for points, from
shapely over the packaged polygons: an independent implementation of
point-in-polygon and of distances, so the resolver's own grid is checked.
"""

from __future__ import annotations

import json
import math
import random
import unicodedata
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape

DATA = Path(__file__).resolve().parent.parent / "shared" / "data"
AREA = ("27013", "27019", "27022", "27028", "27031")
NEAR_M = 30.0
M_PER_DEG = 110_574.0  # latitude; longitude scaled by cos(lat) below

CURRENT = {
    "27013": "Tây Thạnh",
    "27019": "Tân Sơn Nhì",
    "27022": "Phú Thọ Hòa",
    "27028": "Phú Thạnh",
    "27031": "Tân Phú",
}
# Old names that are not current names, with the 2025 wards they went to.
LEGACY = {
    "Sơn Kỳ": ["27019", "27013"],
    "Tân Quý": ["27022", "27019"],
    "Tân Qui": ["27022", "27019"],
    "Tân Thành": ["27022", "27031", "27019"],
    "Phú Trung": ["27031"],
    "Hòa Thạnh": ["27031"],
    "Hiệp Tân": ["27028"],
    "Tân Thới Hòa": ["27028", "27031"],
}
MARKERS = ["phường ", "Phường ", "PHƯỜNG ", "P.", "P. ", "p ", "F.", "f. ", "phuong "]
SENTENCES = [
    "Có người bán ma túy ở {w}",
    "{w} có nhóm thanh niên tụ tập gây rối",
    "trộm xe máy tại hẻm 5 đường Lũy Bán Bích, {w}, quận Tân Phú",
    "Đánh bạc tại {w} Q. Tân Phú TPHCM",
    "karaoke ồn ào quá khuya ở {w}, TP.HCM",
]


def spellings(name: str) -> list[str]:
    """The ways citizens write a name: marks, none, decomposed, upper, old-style tone."""
    ascii_name = "".join(
        c for c in unicodedata.normalize("NFD", name) if unicodedata.category(c) != "Mn"
    ).replace("đ", "d")
    old_tone = name.replace("oà", "òa").replace("Hoà", "Hòa").replace("uý", "úy")
    new_tone = name.replace("òa", "oà")
    return list(
        dict.fromkeys(
            [
                name,
                ascii_name,
                unicodedata.normalize("NFD", name),
                name.upper(),
                old_tone,
                new_tone,
                ascii_name.lower(),
            ]
        )
    )


def ward_name_cases() -> list[dict[str, Any]]:
    cases = []
    for code, name in CURRENT.items():
        for spelled in spellings(name):
            for marker in MARKERS:
                for sentence in SENTENCES:
                    text = sentence.format(w=marker + spelled)
                    cases.append({"text": text, "expect": {"ward": code}})
    for name, successors in LEGACY.items():
        for spelled in spellings(name):
            for marker in MARKERS:
                for sentence in SENTENCES:
                    text = sentence.format(w=marker + spelled)
                    if len(successors) == 1:
                        expect: dict[str, Any] = {"ward": successors[0]}
                    else:
                        expect = {"ward": None, "candidates_include": successors}
                    cases.append({"text": text, "expect": expect})
    return cases


def address_cases() -> list[dict[str, Any]]:
    """Bare names in the ward position of a comma-separated address, and bare names elsewhere."""
    cases = []
    tails = [", Tân Phú, TP.HCM", ", Q.Tân Phú", ", quận Tân Phú, Hồ Chí Minh", ", TPHCM"]
    for code, name in CURRENT.items():
        for spelled in spellings(name):
            for tail in tails:
                text = f"Trộm cắp ở 12 Lũy Bán Bích, {spelled}{tail}"
                if code == "27031":
                    # A bare "Tân Phú" in an address may be the old district: abstain.
                    cases.append({"text": text, "expect": {"ward": None}})
                    continue
                cases.append({"text": text, "expect": {"ward": code}})
            # The same name without marker nor address position: a street.
            cases.append({"text": f"có trộm trên đường {spelled}", "expect": {"ward": None}})
            cases.append({"text": f"đánh nhau ở {spelled} tối qua", "expect": {"ward": None}})
    for name, successors in LEGACY.items():
        for spelled in spellings(name):
            text = f"Cướp giật ở 5 Lê Trọng Tấn, {spelled}, Tân Phú, TPHCM"
            expect = {"ward": successors[0]} if len(successors) == 1 else {"ward": None}
            cases.append({"text": text, "expect": expect})
            cases.append({"text": f"đường {spelled} có tai nạn", "expect": {"ward": None}})
    return cases


def trap_cases() -> list[dict[str, Any]]:
    outside = {"ward": None, "outside": True}
    return [
        {"text": "tai nạn trên đường Tân Kỳ Tân Quý", "expect": {"ward": None}},
        {"text": "trộm ở 456 Tân Kỳ Tân Quý, quận Tân Phú", "expect": {"ward": None}},
        {"text": "TAN KY TAN QUY co danh nhau", "expect": {"ward": None}},
        {"text": "móc túi ở sân bay Tân Sơn Nhất", "expect": outside},
        {"text": "san bay tan son nhat co nguoi trom hanh ly", "expect": outside},
        {"text": "trộm xe ở phường 15 quận Tân Bình", "expect": outside},
        {"text": "P.15, Q.Tân Bình có đánh nhau", "expect": outside},
        {"text": "phường Tân Sơn có người gây rối", "expect": outside},
        {"text": "P. Bình Hưng Hòa, quận Bình Tân", "expect": outside},
        {"text": "có trộm ở quận 6", "expect": outside},
        {"text": "quận Tân Phú có trộm", "expect": {"ward": None}},
        {"text": "Q. Tân Phú TPHCM", "expect": {"ward": None}},
        {
            "text": "70A Thoại Ngọc Hầu, Tân Phú, TP.HCM có người gây rối",
            "expect": {"ward": "27031"},
        },
        {"text": "cướp giật trước 140 Lê Trọng Tấn", "expect": {"ward": "27013"}},
        {"text": "hẻm 140 Lê Trọng Tấn có đánh bạc", "expect": {"ward": None}},
        {"text": "1140 Lê Trọng Tấn có đánh bạc", "expect": {"ward": None}},
        {"text": "móc túi ở AEON TAN PHU", "expect": {"ward": "27019"}},
        {"text": "phương tiện Tân Phú", "expect": {"ward": None}},
        {"text": "quán Tây Thạnh ồn ào", "expect": {"ward": None}},
        {"text": "phường Tân Thạnh có trộm", "expect": {"ward": None}},
        {"text": "phường Sơn Kỳ, gần Aeon Mall Tân Phú", "expect": {"ward": "27019"}},
        {"text": "phường Tân Quý cũ nay là phường Tân Sơn Nhì", "expect": {"ward": "27019"}},
        {"text": "phường Tây Thạnh và phường Phú Thạnh", "expect": {"ward": None}},
        {"text": "", "expect": {"ward": None}},
        {"text": "   ", "expect": {"ward": None}},
    ]


def _features() -> dict[str, Any]:
    data = json.loads((DATA / "wards-2025.geojson").read_text(encoding="utf-8"))
    return {f["properties"]["code"]: shape(f["geometry"]) for f in data["features"]}


def _metres(point: Point, geometry: Any) -> float:
    # Degrees to metres near 10.8° N: good to well under a metre at this scale.
    lat = point.y
    dx = 111_320.0 * 0.9823 if 10 < lat < 11.5 else 111_320.0
    nearest = geometry.boundary.interpolate(geometry.boundary.project(point))
    return (
        float(((point.x - nearest.x) * dx) ** 2 + ((point.y - nearest.y) * M_PER_DEG) ** 2) ** 0.5
    )


def point_label(point: Point, features: dict[str, Any]) -> dict[str, Any]:
    """What the resolver must say of a GPS point alone."""
    containing = [c for c, g in features.items() if g.contains(point)]
    near = [c for c, g in features.items() if _metres(point, g) < NEAR_M + 1]
    inside = [c for c in containing if c in AREA]
    if near:
        if inside:
            return {"any_of": [inside[0], None]}
        return {"any_of": [None]}  # next to the area: abstain or outside, never a ward
    if inside:
        return {"ward": inside[0]}
    return {"ward": None, "outside": True}


def gps_cases(seed: int = 2025, per_ward: int = 300) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    features = _features()
    cases = []
    for geometry in features.values():
        minx, miny, maxx, maxy = geometry.bounds
        made = 0
        while made < per_ward:
            point = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
            if not geometry.contains(point):
                continue
            made += 1
            cases.append(
                {"text": "", "lat": point.y, "lng": point.x, "expect": point_label(point, features)}
            )
        boundary = geometry.boundary
        for _ in range(per_ward):
            # On the boundary, then pushed 0-80 m off it in a random direction.
            base = boundary.interpolate(rng.uniform(0, boundary.length))
            offset = rng.uniform(0, 80) / M_PER_DEG
            angle = rng.uniform(0, 2 * math.pi)
            point = Point(base.x + offset * math.cos(angle), base.y + offset * math.sin(angle))
            cases.append(
                {"text": "", "lat": point.y, "lng": point.x, "expect": point_label(point, features)}
            )
    return cases


def combined_cases(seed: int = 7) -> list[dict[str, Any]]:
    """GPS with a ward named in the text: agreeing decides, disagreeing abstains, legacy narrows."""
    rng = random.Random(seed)
    features = _features()
    cases = []
    for code in AREA:
        geometry = features[code]
        minx, miny, maxx, maxy = geometry.bounds
        points = []
        while len(points) < 20:
            point = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
            if geometry.contains(point) and _metres(point, geometry) > NEAR_M + 5:
                points.append(point)
        for point in points:
            for other, name in CURRENT.items():
                text = f"có trộm ở phường {name}"
                if other == code:
                    expect: dict[str, Any] = {"ward": code}
                else:
                    expect = {"ward": None, "candidates_include": [code, other]}
                cases.append({"text": text, "lat": point.y, "lng": point.x, "expect": expect})
            for name, successors in LEGACY.items():
                text = f"ma túy ở P. {name}"
                expect = {"ward": code} if code in successors else {"ward": None}
                cases.append(
                    {
                        "text": text,
                        "lat": f"{point.y:.6f}",
                        "lng": f"{point.x:.6f}",
                        "expect": expect,
                    }
                )
    return cases


def all_cases() -> list[dict[str, Any]]:
    return ward_name_cases() + address_cases() + trap_cases() + gps_cases() + combined_cases()
