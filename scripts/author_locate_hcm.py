"""Authoring of tests/fixtures/locate_hcm.jsonl, the labelled set of the hcm profile.

Run once, before the resolver was changed, and its output committed. Labels come
from the data files (the units list and the legacy mapping, by the names written
here) and, for GPS points, from shapely over the polygons: never from the resolver.
Rerunning it reproduces the file (the random points are seeded).
"""

# ruff: noqa: E501  (the cases read best one a line)
from __future__ import annotations

import csv
import json
import math
import random
from collections import Counter
from pathlib import Path
from typing import Any

from shapely.geometry import Point, shape

ROOT = Path(__file__).resolve().parents[1] / "shared" / "data" / "hcm"
OUT = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "locate_hcm.jsonl"
with (ROOT / "units-hcm-2025.csv").open(encoding="utf-8") as handle:
    units = list(csv.DictReader(handle))
with (ROOT / "legacy-hcm.csv").open(encoding="utf-8") as handle:
    legacy = list(csv.DictReader(handle))
code: dict[str, str] = {}
for u in units:
    assert u["name"] not in code, u["name"]
    code[u["name"]] = u["code"]
feats = {
    f["properties"]["code"]: shape(f["geometry"])
    for f in json.loads((ROOT / "wards-hcm-2025.geojson").read_text(encoding="utf-8"))["features"]
}


def c(*names: str) -> list[str]:
    return [code[n] for n in names]


def old(name: str, district: str) -> list[str]:
    rows = [
        r
        for r in legacy
        if r["old_name"] == name
        and (r["old_district"] == district or r["old_district_alias"].startswith(district + " ("))
    ]
    assert rows, (name, district)
    out = []
    for r in rows:
        assert r["new_codes"], (name, district, "unknown successor")
        out += [x for x in r["new_codes"].split(";") if x not in out]
    return out


M_LAT = 110_574.0


def metres_to_boundary(p: Point, g: Any) -> float:
    b = g.boundary
    q = b.interpolate(b.project(p))
    kx = 111_320.0 * math.cos(math.radians(p.y))
    return math.hypot((p.x - q.x) * kx, (p.y - q.y) * M_LAT)


rng = random.Random(19)


def inside_point(code_: str, min_m: float = 200) -> tuple[float, float]:
    g = feats[code_]
    minx, miny, maxx, maxy = g.bounds
    for _ in range(200000):
        p = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if not g.contains(p):
            continue
        if metres_to_boundary(p, g) < min_m:
            continue
        others = [
            k
            for k, h in feats.items()
            if k != code_
            and h.distance(p) < 0.01
            and (h.contains(p) or metres_to_boundary(p, h) < min_m)
        ]
        if others:
            continue
        return round(p.y, 6), round(p.x, 6)
    raise SystemExit(f"no inside point for {code_}")


cases: list[dict[str, Any]] = []


def add(
    kind: str,
    text: str,
    expect: dict[str, Any],
    lat: float | None = None,
    lng: float | None = None,
    note: str | None = None,
) -> None:
    case = {
        "id": f"{kind}-{sum(1 for x in cases if x['kind'] == kind) + 1:03d}",
        "kind": kind,
        "text": text,
    }
    if lat is not None:
        case["lat"], case["lng"] = lat, lng
    case["expect"] = expect
    if note:
        case["note"] = note
    cases.append(case)


def ward(name_or_code: str) -> dict[str, Any]:
    return {"ward": code.get(name_or_code, name_or_code)}


def abstain(cands: list[str], outside: bool = False, none: bool = False) -> dict[str, Any]:
    e = {"ward": None, "candidates": list(cands)}
    if outside:
        e["outside"] = True
    if none:
        e["no_candidates"] = True
    return e


# ---------------------------------------------------------------- GPS, well inside
gps_units = [
    "Thủ Dầu Một",
    "Bình Dương",
    "Dầu Tiếng",
    "Minh Thạnh",
    "Bến Cát",
    "Bàu Bàng",
    "Phú Giáo",
    "Bắc Tân Uyên",
    "Tân Uyên",
    "Dĩ An",
    "Thuận An",
    "Lái Thiêu",
    "Vũng Tàu",
    "Tam Thắng",
    "Long Sơn",
    "Bà Rịa",
    "Ngãi Giao",
    "Châu Đức",
    "Hồ Tràm",
    "Bình Châu",
    "Long Hải",
    "Phước Hải",
    "Phú Mỹ",
    "Châu Pha",
    "Côn Đảo",
    "Sài Gòn",
    "Bến Thành",
    "An Phú Đông",
    "Thủ Đức",
    "Long Phước",
    "Cát Lái",
    "Gò Vấp",
    "Bình Quới",
    "Tân Sơn Nhất",
    "Tây Thạnh",
    "Tân Sơn Nhì",
    "Phú Thọ Hòa",
    "Phú Thạnh",
    "Tân Phú",
    "Phú Nhuận",
    "Bàn Cờ",
    "Vườn Lài",
    "Minh Phụng",
    "Xóm Chiếu",
    "Chợ Lớn",
    "Bình Tiên",
    "Chánh Hưng",
    "Bình Tân",
    "Tân Mỹ",
    "Tân An Hội",
    "An Nhơn Tây",
    "Hóc Môn",
    "Vĩnh Lộc",
    "Hưng Long",
    "Nhà Bè",
    "Cần Giờ",
    "Thạnh An",
    "Bình Khánh",
]
texts_for_gps = [
    "",
    "có người đánh nhau ở đây",
    "Em báo tin: có nhóm tụ tập hút chích ngay chỗ này",
    "trộm xe máy, anh chị tới liền giúp em",
    "ồn ào quá khuya, có đánh bạc",
]
for i, n in enumerate(gps_units):
    lat, lng = inside_point(
        code[n], 150 if n in ("Bàn Cờ", "Bến Thành", "Cầu Kiệu", "Sài Gòn") else 250
    )
    add("gps", texts_for_gps[i % len(texts_for_gps)], ward(n), lat, lng)
# Outside the city: the sea, Biên Hòa, Long An, Tây Ninh, Hà Nội, between Côn Đảo and the coast.
for lat, lng, where in [
    (10.20, 107.30, "sea off Vũng Tàu"),
    (10.9500, 106.8200, "Biên Hòa (Đồng Nai)"),
    (10.6350, 106.4900, "Bến Lức (Long An)"),
    (11.3100, 106.1000, "Tây Ninh"),
    (21.0285, 105.8542, "Hà Nội"),
    (9.30, 106.90, "the sea between Côn Đảo and the coast"),
]:
    add("gps_outside", "có trộm", abstain([], outside=True), lat, lng, note=where)

# ---------------------------------------------------------------- current names (marker, any spelling)
add("current", "Có người bán ma túy ở phường Bến Thành", ward("Bến Thành"))
add("current", "nhom thanh nien tu tap gay roi o p. hanh thong", ward("Hạnh Thông"))
add("current", "Trộm xe máy tại chung cư, P.Phú Thọ Hoà, TP.HCM", ward("Phú Thọ Hòa"))
add("current", "xã Tân An Hội có người trộm bò", ward("Tân An Hội"))
add("current", "XA BINH CHAU co nguoi danh ca bang min", ward("Bình Châu"))
add("current", "đặc khu Côn Đảo có người khai thác san hô trái phép", ward("Côn Đảo"))
add("current", "phường Gò Vấp, chỗ chợ có giựt đồ", ward("Gò Vấp"))
add("current", "P. Thủ Dầu Một có tụ điểm đá gà", ward("Thủ Dầu Một"))
add("current", "Phường Vũng Tàu có người say rượu quậy phá", ward("Vũng Tàu"))
add("current", "đánh nhau ở phường Bình Dương gần trung tâm hành chính", ward("Bình Dương"))
add("current", "f. Tân Sơn Hòa có trộm", ward("Tân Sơn Hòa"))
add(
    "current",
    "xa Thanh An huyen Can Gio co danh bat trai phep",
    ward("Thạnh An"),
    note="old huyện with a new xã: Thạnh An kept its name",
)
add("current", "phường Thông Tây Hội có người bán hàng cấm", ward("Thông Tây Hội"))
add("current", "Xã Xuân Thới Sơn có sòng bạc", ward("Xuân Thới Sơn"))
add("current", "phường Long Nguyên có cướp giật", ward("Long Nguyên"))
add("current", "Tại xã Hồ Tràm có người nghi buôn lậu", ward("Hồ Tràm"))
add("current", "PHƯỜNG TĂNG NHƠN PHÚ có tai nạn đánh nhau", ward("Tăng Nhơn Phú"))
add("current", "p.an khanh co nguoi la mat", ward("An Khánh"))
add("current", "Trộm chó ở xã Củ Chi", ward("Củ Chi"), note="the xã, not thị trấn Củ Chi")
add("current", "phường Tân Sơn Nhì, gần Aeon", ward("Tân Sơn Nhì"))
# Current names that are also old names elsewhere: candidates, no ward
add("current_trap", "có trộm ở phường Tân Phú", abstain(c("Tân Phú", "Tân Mỹ", "Tăng Nhơn Phú")))
add("current_trap", "phường Tân Định có người tàng trữ ma túy", abstain(c("Tân Định", "Hòa Lợi")))
add("current_trap", "đánh bạc ở phường An Phú", abstain(c("An Phú", "Bình Trưng", "An Khánh")))
add(
    "current_trap",
    "p. Tân Hưng có cướp",
    ward("Tân Hưng"),
    note="the only phường Tân Hưng, old or new, is Quận 7's; xã Tân Hưng (Bàu Bàng, Bà Rịa) are xã",
)
add(
    "current_trap",
    "xã Tân Hưng có cướp",
    abstain(c("Bến Cát", "Long Hương")),
    note="two old xã Tân Hưng",
)
add("current_trap", "phường Cầu Ông Lãnh có người bán dâm", abstain(c("Cầu Ông Lãnh", "Bến Thành")))
add(
    "current_trap",
    "phường Phú Mỹ có đua xe",
    abstain(c("Phú Mỹ", "Phú Thuận", "Tân Mỹ", "Bình Dương")),
)
# Bare old district / city names: the district, never the same-named ward
add(
    "district_name",
    "Trộm ở 12 Lũy Bán Bích, Tân Phú, TPHCM",
    abstain([]),
    note="quận Tân Phú: 6 new units, too many to name",
)
add(
    "district_name",
    "cướp giật ở 5 Đại lộ Bình Dương, Thủ Dầu Một, Bình Dương",
    abstain(c("Thủ Dầu Một", "Phú Lợi", "Bình Dương", "Phú An", "Chánh Hiệp")),
)
add(
    "district_name",
    "Dĩ An, Bình Dương có người trộm xe",
    abstain(c("Dĩ An", "Tân Đông Hiệp", "Đông Hòa")),
)
add("district_name", "nhà em ở quận Gò Vấp có trộm", abstain([]), note="6 units")
add("district_name", "TP Thủ Đức có đua xe", abstain([], none=True), note="12 units: too many")
add("district_name", "huyện Nhà Bè có trộm", abstain(c("Nhà Bè", "Hiệp Phước")))
add(
    "district_name",
    "huyện Côn Đảo có người trộm",
    ward("Côn Đảo"),
    note="the whole district became the special zone",
)

# ---------------------------------------------------------------- old names with their district: TP.HCM (79)
add("old_79", "trộm xe ở phường 14 quận Tân Bình", ward(old("Phường 14", "Quận Tân Bình")[0]))
add(
    "old_79",
    "xã Tân Thới Nhì huyện Hóc Môn có người trộm",
    ward(old("Xã Tân Thới Nhì", "Huyện Hóc Môn")[0]),
)
add("old_79", "P.12 Q.Gò Vấp có đánh nhau", ward(old("Phường 12", "Quận Gò Vấp")[0]))
add("old_79", "phường Bến Nghé quận 1 có móc túi", ward(old("Phường Bến Nghé", "Quận 1")[0]))
add("old_79", "123 Lê Lợi, Bến Nghé, Quận 1, TP.HCM có giựt đồ", ward("Sài Gòn"))
add("old_79", "Phường Thảo Điền, Quận 2 có trộm đột nhập", ward("An Khánh"))
add("old_79", "phuong thao dien quan 2 co trom", ward("An Khánh"))
add("old_79", "phường Tân Phú quận 7 có đánh nhau", ward("Tân Mỹ"))
add("old_79", "phường Tân Phú, quận 9 có người bán ma túy", ward("Tăng Nhơn Phú"))
add("old_79", "phường Tân Phú, TP. Thủ Đức", ward("Tăng Nhơn Phú"))
add(
    "old_79",
    "phường Tân Phú, quận Tân Phú",
    ward("Tân Phú"),
    note="a new ward inside the old district of the same name",
)
add("old_79", "phường Tân Định, quận 1 có tụ tập", ward("Tân Định"))
add("old_79", "P.Hiệp Tân Q.Tân Phú có sòng bài", ward("Phú Thạnh"))
add("old_79", "thị trấn Củ Chi có cướp", ward("Tân An Hội"))
add("old_79", "TT Cu Chi co trom bo", ward("Tân An Hội"))
add("old_79", "xã Phạm Văn Cội, huyện Củ Chi có người chặt cây rừng", ward("Nhuận Đức"))
add("old_79", "Xã Lê Minh Xuân, H. Bình Chánh có cháy rừng", ward("Bình Lợi"))
add("old_79", "xa vinh loc a huyen binh chanh co trom", ward("Vĩnh Lộc"))
add(
    "old_unknown",
    "phường 2 quận 5 có đánh nhau",
    abstain(c("Chợ Quán", "An Đông", "Chợ Lớn")),
    note="Phường 2 of 2025 went to Chợ Quán, but the mid-2024 Phường 2 was merged on 1 Jan 2025 into a ward the sources do not name",
)
add("old_79", "phường 12, quận 10 có cướp giật", ward("Hòa Hưng"))
add("old_79", "P.13 Q.Phú Nhuận có trộm", ward("Phú Nhuận"))
add("old_79", "p9 q3 co nguoi danh nhau", ward("Nhiêu Lộc"))
add("old_79", "phường Võ Thị Sáu quận 3 có người bán ma túy", ward("Xuân Hòa"))
add("old_79", "Phường 25, Quận Bình Thạnh có đua xe", ward("Thạnh Mỹ Tây"))
add("old_79", "phường 26 Bình Thạnh có đánh nhau", ward("Bình Thạnh"))
add("old_79", "phường Linh Trung, TP Thủ Đức có trộm", ward("Linh Xuân"))
add("old_79", "phường Hiệp Bình Chánh quận Thủ Đức", ward("Hiệp Bình"))
add("old_79", "Phường Tân Thuận Đông, Quận 7, có đánh nhau", ward("Tân Thuận"))
add("old_79", "phường Bình Hưng Hòa B quận Bình Tân có trộm", ward("Bình Tân"))
add("old_79", "phường An Lạc A, Q. Bình Tân", ward("An Lạc"))
add("old_79", "phường Tân Chánh Hiệp quận 12 có tụ điểm ma túy", ward("Trung Mỹ Tây"))
add("old_79", "xã Nhơn Đức huyện Nhà Bè có trộm", ward("Hiệp Phước"))
add("old_79", "xã Lý Nhơn, huyện Cần Giờ có người đánh bắt bằng kích điện", ward("An Thới Đông"))
add("old_79", "thị trấn Cần Thạnh huyện Cần Giờ", ward("Cần Giờ"))
add(
    "old_79",
    "xã Long Hòa, huyện Cần Giờ có trộm",
    ward("Cần Giờ"),
    note="not Xã Long Hòa (Dầu Tiếng)",
)
add("old_79", "phường Xóm Củi quận 8", ward("Phú Định"))
add("old_79", "P.14 Q.8 co trom", ward("Phú Định"))
add("old_79", "phường 11 quận Tân Bình có trộm", ward("Bảy Hiền"))
# ---------------------------------------------------------------- Bình Dương (74)
add("old_74", "phường Phú Cường, TP Thủ Dầu Một có cướp giật", ward("Thủ Dầu Một"))
add("old_74", "phường Phú Cường, Thủ Dầu Một, Bình Dương", ward("Thủ Dầu Một"))
add("old_74", "Phường An Bình, Dĩ An, Bình Dương có trộm", ward("Dĩ An"))
add("old_74", "phường Bình An, TP Dĩ An có đánh nhau", ward("Đông Hòa"))
add("old_74", "phường An Điền thị xã Bến Cát", ward("Long Nguyên"))
add("old_74", "phường Hòa Lợi TX Bến Cát có tụ tập", ward("Hòa Lợi"))
add("old_74", "phường Tân Định, TP Bến Cát có trộm", ward("Hòa Lợi"))
add("old_74", "xã Tân Định huyện Bắc Tân Uyên có người chặt phá rừng", ward("Bắc Tân Uyên"))
add("old_74", "Xã Cây Trường II, huyện Bàu Bàng có trộm", ward("Trừ Văn Thố"))
add("old_74", "xã Minh Hòa, huyện Dầu Tiếng có đá gà", ward("Minh Thạnh"))
add("old_74", "thị trấn Phước Vĩnh, huyện Phú Giáo", ward("Phú Giáo"))
add("old_74", "phường Uyên Hưng, TP Tân Uyên có cướp", ward("Tân Uyên"))
add("old_74", "phuong lai thieu thuan an binh duong co danh nhau", ward("Lái Thiêu"))
add("old_74", "P. Hưng Định, TP. Thuận An, tỉnh Bình Dương có trộm", ward("Thuận An"))
add(
    "old_74",
    "phường Phú Thọ, TP Thủ Dầu Một có cướp",
    ward("Thủ Dầu Một"),
    note="not Phường Phú Thọ (old Quận 11)",
)
add("old_74", "thị trấn Tân Bình, huyện Bắc Tân Uyên", ward("Vĩnh Tân"))
# ---------------------------------------------------------------- Bà Rịa - Vũng Tàu (77)
add("old_77", "P.2 Vũng Tàu có người trộm đồ du khách", ward("Vũng Tàu"))
add("old_77", "phường 7 TP Vũng Tàu có đánh nhau", ward("Tam Thắng"))
add("old_77", "phuong 11 vung tau co trom", ward("Phước Thắng"))
add("old_77", "phường Thắng Nhất, TP. Vũng Tàu, Bà Rịa - Vũng Tàu", ward("Rạch Dừa"))
add("old_77", "phường Long Toàn, TP Bà Rịa có giựt đồ", ward("Bà Rịa"))
add("old_77", "xã Hòa Long, TP Bà Rịa có trộm", ward("Tam Long"))
add(
    "old_77",
    "Xã Long Phước, thành phố Bà Rịa",
    ward("Tam Long"),
    note="not phường Long Phước (Thủ Đức)",
)
add("old_77", "thị trấn Ngãi Giao, huyện Châu Đức có cướp", ward("Ngãi Giao"))
add("old_77", "xã Suối Nghệ huyện Châu Đức có người tàng trữ vũ khí", ward("Ngãi Giao"))
add("old_77", "xã Bông Trang, huyện Xuyên Mộc có khai thác cát trái phép", ward("Xuyên Mộc"))
add("old_77", "xã Hòa Bình, huyện Xuyên Mộc", ward("Hòa Hội"), note="not phường Hòa Bình (Quận 11)")
add("old_77", "thị trấn Long Hải, huyện Long Điền có đánh nhau", ward("Long Hải"))
add("old_77", "xã Phước Hội, huyện Đất Đỏ có trộm", ward("Phước Hải"))
add("old_77", "phường Mỹ Xuân, thị xã Phú Mỹ có trộm", ward("Phú Mỹ"))
add("old_77", "phường Hắc Dịch, TX Phú Mỹ, BR-VT có đánh nhau", ward("Tân Thành"))
add("old_77", "xã Tóc Tiên, TP Phú Mỹ", ward("Châu Pha"))
add("old_77", "xã Long Sơn, TP Vũng Tàu có người trộm hải sản", ward("Long Sơn"))

# ---------------------------------------------------------------- split old wards: candidates
add("split", "phường Đa Kao quận 1 có trộm", abstain(c("Sài Gòn", "Tân Định")))
add("split", "phường 15 quận Tân Bình có cướp", abstain(c("Tân Bình", "Tân Sơn")))
add(
    "split",
    "phường Sơn Kỳ quận Tân Phú có người bán ma túy",
    abstain(c("Tân Sơn Nhì", "Tây Thạnh", "Bình Hưng Hòa")),
)
add(
    "split", "P. Tân Thành, Q. Tân Phú có trộm", abstain(c("Tân Sơn Nhì", "Phú Thọ Hòa", "Tân Phú"))
)
add("split", "phường Tân Thành quận Tân Phú", abstain(c("Tân Sơn Nhì", "Phú Thọ Hòa", "Tân Phú")))
add("split", "phường An Phú quận 2 có cướp", abstain(c("Bình Trưng", "An Khánh")))
add("split", "phường 16 quận 8 có đánh nhau", abstain(c("Bình Phú", "Phú Định", "Tân Nhựt")))
add("split", "xã Tân Kiên, huyện Bình Chánh", abstain(c("Tân Tạo", "Tân Nhựt")))
add("split", "phường Mỹ Phước, TX Bến Cát có trộm", abstain(c("Long Nguyên", "Bến Cát")))
add("split", "phường Bình Chuẩn, Thuận An có đánh nhau", abstain(c("An Phú", "Thuận Giao")))
add("split", "thị trấn Lai Uyên, huyện Bàu Bàng", abstain(c("Trừ Văn Thố", "Bàu Bàng")))
add("split", "phường 4 quận 4 có trộm", abstain(c("Khánh Hội", "Vĩnh Hội")))
add(
    "split",
    "Phường Tân Tạo, quận Bình Tân có người bán ma túy",
    abstain(c("Bình Tân", "Tân Tạo", "Tân Vĩnh Lộc")),
)
add(
    "old_unknown",
    "phường 05 quận 10 có người say xỉn quậy phá",
    abstain(c("Hòa Hưng", "Diên Hồng", "Vườn Lài")),
    note="Phường 5 of Quận 10 was merged on 1 Jan 2025 into a ward the sources do not name: any ward of the old district",
)
add(
    "old_unknown",
    "phường 1 quận Gò Vấp có trộm",
    abstain([]),
    note="Phường 1 of 2025 went to Hạnh Thông; the mid-2024 Phường 1 was merged on 1 Jan 2025 into a ward the sources do not name",
)

# ---------------------------------------------------------------- numbered wards without district
add("bare_number", "có trộm ở phường 14", abstain([], none=True))
add("bare_number", "P.2 có đánh nhau", abstain([], none=True))
add("bare_number", "phuong 7 co nguoi ban ma tuy", abstain([], none=True))
add(
    "bare_number",
    "phường 17 có đánh bạc",
    abstain(c("Gò Vấp", "Gia Định", "Cầu Kiệu", "Phú Nhuận")),
)
add(
    "bare_number",
    "phường 18 có cướp giật",
    abstain(c("Xóm Chiếu")),
    note="only Quận 4 had a Phường 18; still no ward without the district",
)
add("bare_number", "F.25 có người tụ tập", abstain(c("Thạnh Mỹ Tây")))


# ---------------------------------------------------------------- GPS with text: narrowing and conflicts
def pt(n: str) -> tuple[float, float]:
    return inside_point(code[n], 250)


lat, lng = pt("Tân Sơn Nhì")
add("narrow", "phường Sơn Kỳ có người bán ma túy", ward("Tân Sơn Nhì"), lat, lng)
lat, lng = pt("Tây Thạnh")
add("narrow", "P. Sơn Kỳ Q. Tân Phú", ward("Tây Thạnh"), lat, lng)
lat, lng = pt("Sài Gòn")
add("narrow", "phường Đa Kao quận 1 có trộm", ward("Sài Gòn"), lat, lng)
lat, lng = pt("Tân Sơn")
add("narrow", "phường 15 Tân Bình có cướp", ward("Tân Sơn"), lat, lng)
lat, lng = pt("Tân Mỹ")
add("narrow", "có trộm ở phường Tân Phú", ward("Tân Mỹ"), lat, lng)
lat, lng = pt("Tân Phú")
add("narrow", "phường Tân Phú có đánh nhau", ward("Tân Phú"), lat, lng)
lat, lng = pt("Phú Định")
add(
    "narrow",
    "phường 14 có trộm",
    ward("Phú Định"),
    lat,
    lng,
    note="the bare number agrees with the point",
)
lat, lng = pt("Dĩ An")
add("narrow", "Dĩ An, Bình Dương có người trộm xe", ward("Dĩ An"), lat, lng)
lat, lng = pt("Long Nguyên")
add("narrow", "phường Mỹ Phước TX Bến Cát", ward("Long Nguyên"), lat, lng)
lat, lng = pt("Vũng Tàu")
add("narrow", "P.2 Vũng Tàu có trộm", ward("Vũng Tàu"), lat, lng)
lat, lng = pt("Bến Thành")
add("conflict", "phường Thảo Điền quận 2 có trộm", abstain(c("Bến Thành", "An Khánh")), lat, lng)
lat, lng = pt("Thủ Dầu Một")
add("conflict", "có cướp ở phường Gò Vấp", abstain(c("Thủ Dầu Một", "Gò Vấp")), lat, lng)
lat, lng = pt("Vũng Tàu")
add("conflict", "xã Tân Thới Nhì huyện Hóc Môn", abstain(c("Vũng Tàu", "Xuân Thới Sơn")), lat, lng)
lat, lng = pt("Bình Châu")
add("conflict", "phường Bến Thành có móc túi", abstain(c("Bình Châu", "Bến Thành")), lat, lng)
lat, lng = pt("Tân Phú")
add("conflict", "phường Tân Phú quận 7 có trộm", abstain(c("Tân Phú", "Tân Mỹ")), lat, lng)
lat, lng = pt("Côn Đảo")
add("conflict", "phường 2 quận 5 có người đánh nhau", abstain(c("Côn Đảo", "Chợ Quán")), lat, lng)
lat, lng = pt("Hưng Long")
add("conflict", "phường Linh Trung TP Thủ Đức", abstain(c("Hưng Long", "Linh Xuân")), lat, lng)
lat, lng = pt("Phú Nhuận")
add("conflict", "phường 12, quận 10 có cướp giật", abstain(c("Phú Nhuận", "Hòa Hưng")), lat, lng)

print(len(cases), dict(Counter(x["kind"] for x in cases)))
OUT.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in cases), encoding="utf-8")
