"""The commander's page as text: its texts file, the map, the charts and the
document (shared.core.report_page, ward_map, svg_charts); pure. The page in a
browser, on a week of the real line, is tests/test_report_page.py."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.etree import ElementTree

import pytest
import yaml

from shared.core import svg_charts
from shared.core.jurisdiction import DATA_DIR, load_profile
from shared.core.policy_file import default_policies
from shared.core.report_figures import PageFigures, QuestionFigures, page_figures
from shared.core.report_page import (
    TEXTS_FILE,
    PageTextsError,
    duration,
    page_style,
    page_texts,
    parse_texts,
    render_page,
)
from shared.core.sla import TipRecord, aggregate
from shared.core.ward_map import Region, shade_classes, ward_map

START = datetime(2026, 11, 30, 17, 0, tzinfo=UTC)
NOW = START + timedelta(days=7, hours=7)
GEOJSON = json.loads((DATA_DIR / "wards-2025.geojson").read_text(encoding="utf-8"))
LADDER = default_policies().ladders["default"]["normal"]
TEXTS = yaml.safe_load(TEXTS_FILE.read_text(encoding="utf-8"))


# --- texts -------------------------------------------------------------------------------


def test_the_shipped_texts_load_with_full_diacritics() -> None:
    t = page_texts()
    assert t.title == "Báo cáo đường dây tin báo qua Zalo"
    assert "mã tin báo" in t.privacy and "khoảng 100 m" in t.privacy
    assert t.weekdays[6] == "CN"


@pytest.mark.parametrize(
    ("change", "named"),
    [
        (lambda d: d.pop("privacy"), "privacy"),
        (lambda d: d.update(window="từ {start} đến {ref}"), "window: unknown placeholder"),
        (lambda d: d.update(title="   "), "title: empty"),
        (lambda d: d.update(extra_text="x"), "extra_text"),
        (lambda d: d.update(weekdays=["T2"]), "weekdays"),
    ],
)
def test_a_broken_texts_file_names_the_key(change, named: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(json.dumps(TEXTS))
    change(data)
    with pytest.raises(PageTextsError, match=re.escape(named)):
        parse_texts(yaml.safe_dump(data, allow_unicode=True))


def test_durations_read_as_people_say_them() -> None:
    t = page_texts()
    assert duration(timedelta(seconds=42), t) == "42 giây"
    assert duration(timedelta(minutes=7, seconds=59), t) == "7 phút"
    assert duration(timedelta(hours=1, minutes=5), t) == "1 giờ 05 phút"
    assert duration(timedelta(days=2, hours=3, minutes=10), t) == "2 ngày 3 giờ"
    assert duration(None, t) == "–"


# --- charts and map --------------------------------------------------------------------------


def test_axis_ends_are_round() -> None:
    assert [svg_charts.nice_max(v) for v in (0, 1, 3, 7, 11, 20, 21, 140)] == [
        1,
        1,
        5,
        10,
        20,
        20,
        50,
        200,
    ]


def test_a_bar_chart_is_valid_svg_with_a_bar_per_value_and_escaped_labels() -> None:
    svg = svg_charts.hbar_chart(
        [("Ma túy <và>", [3, 1]), ("Khác", [0, 2])],
        name="x",
        label="Nhãn & mô tả",
        series=("a", "b"),
    )
    root = ElementTree.fromstring(svg)
    bars = root.findall(".//rect")
    assert [b.get("class") for b in bars] == ["bar s0", "bar s1", "bar s1"]  # no empty bar
    assert [t.text for t in root.findall("text")] == ["Ma túy <và>", "4", "Khác", "2"]
    assert root.get("data-chart") == "x" and root.find("title").text == "Nhãn & mô tả"  # type: ignore[union-attr]
    assert "style=" not in svg  # colours are classes: the page's CSP allows no inline style


def test_few_counts_get_a_shade_each_many_get_five_ranges() -> None:
    few = shade_classes([0, 1, 3])
    assert [(c.low, c.high, c.shade) for c in few] == [(0, 0, 0), (1, 1, 1), (2, 2, 3), (3, 3, 5)]
    many = shade_classes([0, 4, 23])
    assert [(c.low, c.high) for c in many] == [
        (0, 0),
        (1, 5),
        (6, 10),
        (11, 15),
        (16, 20),
        (21, 23),
    ]
    assert [c.shade for c in many] == [0, 1, 2, 3, 4, 5]
    assert [(c.low, c.high, c.shade) for c in shade_classes([1])] == [(0, 0, 0), (1, 1, 5)]


def test_the_map_shades_each_ward_and_draws_points_without_text() -> None:
    regions = [
        Region("Tân Sơn Nhì", ("27019",), 4),
        Region("Tây Thạnh", ("27013",), 0),
    ]
    points = [(10.802, 106.618, 2), (10.803, 106.615, 1), (10.9, 106.9, 1)]  # the last: far away
    drawn = ward_map(GEOJSON, regions, points, context={"27439": "Bình Hưng Hòa"}, label="Bản đồ")
    root = ElementTree.fromstring(drawn.svg)
    wards = root.findall("path[@data-count]")
    assert [(w.get("class"), w.get("data-count")) for w in wards] == [
        ("ward shade5", "4"),
        ("ward shade0", "0"),
    ]
    circles = root.findall("circle")
    assert len(circles) == 2 and all(c.get("class") == "tip-point" for c in circles)
    assert all(len(c) == 0 for c in circles)  # no title, no text: a point says nothing
    assert float(circles[0].get("r") or 0) > float(circles[1].get("r") or 0)  # two tips there
    assert (drawn.points_drawn, drawn.points_outside) == (3, 1)
    width, height = (float(root.get(a) or 0) for a in ("width", "height"))
    assert width <= 640 and height <= 560


# --- the page ---------------------------------------------------------------------------------


def week_figures(profile_name: str = "2025") -> PageFigures:
    profile = load_profile(profile_name)
    units = [u.id for u in profile.units.values() if u.kind != "command"]
    records = [
        TipRecord(
            unit_id="ward-27019" if profile_name == "2025" else units[-1],
            created_at=START + timedelta(hours=h),
            taken_at=START + timedelta(hours=h, minutes=4),
            category="drugs",
            ward_code="27019",
            coarse_location=(10.802, 106.618),
            take_target=timedelta(minutes=5),
            step_reached=1,
        )
        for h in (3, 30, 55)
    ]
    rows = aggregate(records, since=START, units=units)
    return page_figures(records, [], rows, start=START, now=NOW)


def render(profile_name: str = "2025", unit: str | None = None) -> str:
    return render_page(
        week_figures(profile_name),
        QuestionFigures((("Tạm trú", 4, 1),), 2, 1, 3),
        profile=load_profile(profile_name),
        geojson=GEOJSON,
        ladder=LADDER,
        unit=unit,
    )


def test_the_page_is_one_file_that_can_fetch_nothing() -> None:
    html = render()
    assert html.startswith("<!doctype html>") and '<html lang="vi">' in html
    for fetching in ("<script", "<link", "<img", "<iframe", "src=", "href=", "url(", "@import"):
        assert fetching not in html.lower(), fetching
    assert not re.search(r"https?:|//[a-z]", html)  # no address of anything, anywhere
    digest = base64.b64encode(hashlib.sha256(page_style().encode()).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html)
    assert csp is not None and csp.group(1).startswith("default-src 'none'; ")
    assert f"style-src 'sha256-{digest}'" in csp.group(1)
    assert f"<style>{page_style()}</style>" in html  # the stylesheet the hash allows
    assert "style=" not in html


def test_the_page_shows_the_window_the_profile_and_when_it_was_made() -> None:
    html = render()
    assert "Kỳ báo cáo: từ 00:00 ngày 01/12/2026 đến 07:00 ngày 08/12/2026 (giờ Việt Nam)" in html
    assert "Lập lúc 07:00 ngày 08/12/2026" in html
    assert "5 phường thay quận Tân Phú" in html and "Đơn vị: Toàn đường dây" in html
    assert 'data-kpi="tips"><span class="kpi-value">3<' in html
    for section in ("map", "units", "categories", "hours", "climbs", "questions", "definitions"):
        assert f'<section id="{section}"' in html, section
    assert "bậc 2 (phút thứ 5): cán bộ trực, chỉ huy trực" in html  # the ladder, from the policy
    assert "Yêu cầu gặp cán bộ trong kỳ: 2, trong đó còn chờ trả lời: 1." in html


def test_a_page_for_one_unit_names_it() -> None:
    assert "Đơn vị: Công an phường Tân Sơn Nhì" in render(unit="ward-27019")


def test_the_2021_profile_draws_the_area_outline_as_one_region() -> None:
    html = render("2021")
    assert html.count('<path class="ward ') == 1 and "seamless" in html
    assert "chỉ vẽ ranh giới" in html and "quận Tân Phú và 11 phường" in html
    assert 'data-count="3"' in html  # every tip of the window


def test_without_any_polygon_file_the_map_says_so() -> None:
    html = render_page(
        week_figures(),
        QuestionFigures(),
        profile=load_profile("2025"),
        geojson=None,
        ladder=LADDER,
    )
    assert 'svg class="map"' not in html and "Không có câu hỏi trong kỳ." in html


def test_an_empty_window_still_makes_a_page() -> None:
    profile = load_profile("2025")
    empty = page_figures([], [], [], start=START, now=NOW)
    html = render_page(empty, QuestionFigures(), profile=profile, geojson=GEOJSON, ladder=LADDER)
    assert "Không có tin báo trong kỳ." in html and "Không có lần leo thang nào trong kỳ." in html


def test_every_text_of_the_page_file_is_used() -> None:
    source = Path(render_page.__code__.co_filename).read_text(encoding="utf-8")
    unused = [key for key in TEXTS if f"t.{key}" not in source]
    assert not unused, unused
