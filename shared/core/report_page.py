"""The commander's page: one self-contained HTML file of the window's figures.

`render_page` takes the figures (`shared.core.report_figures`), the profile,
its parsed GeoJSON and the policy, and returns the whole document: its one
stylesheet inline, the map and charts as inline SVG (`shared.core.ward_map`,
`shared.core.svg_charts`), no script, no font, no image, no link. A
Content-Security-Policy in the document (`default-src 'none'`, the stylesheet
allowed by its hash) makes the browser refuse any request the page might
ever make, so it opens the same from an email attachment, a shared drive or
a machine without network.

Texts are data: `shared/data/report-page.yaml` (`PageTexts`, checked when
loaded), category and role labels from `shared/data/messages.yaml`.
Nothing on the page identifies an informant; the figures carry no
identifier to begin with (see report_figures), and the page says so.
"""

from __future__ import annotations

import base64
import hashlib
import string
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from html import escape
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from shared.core import data_file, svg_charts
from shared.core.jurisdiction import Profile
from shared.core.messages import catalog
from shared.core.policy_file import Ladder, step_offsets
from shared.core.report_figures import (
    LOCAL,
    OVERDUE,
    REPEAT,
    PageFigures,
    QuestionFigures,
    UnitFigures,
)
from shared.core.ward_map import Region, WardMap, ward_map

DATA = Path(__file__).resolve().parents[1] / "data"
TEXTS_FILE = DATA / "report-page.yaml"
STYLE_FILE = DATA / "report-page.css"

# The placeholders each text may use (every other text takes none).
PLACEHOLDERS: Mapping[str, set[str]] = {
    "unit_line": {"unit"},
    "window": {"start", "end"},
    "profile": {"profile"},
    "generated": {"at"},
    "map_points": {"n"},
    "map_without_ward": {"n"},
    "map_points_outside": {"n"},
    "flow_figures": {"tips", "taken", "done"},
    "take_figures": {"median", "p95"},
    "take_target": {"target", "urgent"},
    "take_within": {"within", "taken"},
    "steps_figures": {"steps", "counts"},
    "flow_label": {"tips", "taken", "done"},
    "take_label": {"median", "p95", "target"},
    "steps_label": {"counts"},
    "hour": {"h"},
    "climb_step": {"k"},
    "climbs_forced": {"n"},
    "ladder_intro": {"steps"},
    "ladder_step": {"k", "when", "whom"},
    "ladder_after": {"minutes"},
    "ladder_parent": {"role"},
    "ladder_repeat": {"every", "times"},
    "handoffs": {"n", "open"},
    "handoffs_all": {"n"},
    "duration_seconds": {"s"},
    "duration_minutes": {"m"},
    "duration_hours": {"h", "m"},
    "duration_days": {"d", "h"},
    "day": {"weekday", "d"},
    "week": {"d"},
    "instant": {"t"},
}


class PageTextsError(ValueError):
    """report-page.yaml is malformed; the message names the key."""


class PageTexts(BaseModel):
    """The texts of report-page.yaml, one field per key (documented there)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str
    unit_line: str
    whole_line: str
    window: str
    profile: str
    profiles: dict[str, str]
    generated: str
    privacy_title: str
    privacy: str
    offline: str
    kpi_received: str
    kpi_taken: str
    kpi_resolved: str
    kpi_overdue: str
    kpi_median: str
    kpi_questions: str
    map_title: str
    map_label: str
    map_legend: str
    map_none: str
    map_points: str
    map_without_ward: str
    map_points_outside: str
    map_outline_only: str
    area_name: str
    units_title: str
    col_unit: str
    col_flow: str
    col_take: str
    col_steps: str
    col_overdue: str
    col_unreachable: str
    flow_figures: str
    take_figures: str
    take_none: str
    take_target: str
    take_within: str
    steps_figures: str
    unassigned: str
    no_units: str
    flow_label: str
    take_label: str
    steps_label: str
    categories_title: str
    categories_label: str
    uncategorised: str
    hours_title: str
    hours_label: str
    hour: str
    no_tips: str
    climbs_title: str
    climbs_label: str
    climbs_label_weekly: str
    climb_step: str
    climb_repeat: str
    climb_overdue: str
    climbs_forced: str
    climbs_none: str
    ladder_intro: str
    ladder_step: str
    ladder_at_once: str
    ladder_after: str
    ladder_parent: str
    ladder_repeat: str
    questions_title: str
    questions_label: str
    answered: str
    unanswered: str
    no_questions: str
    handoffs: str
    handoffs_all: str
    questions_scope: str
    definitions_title: str
    definitions: list[str] = Field(min_length=1)
    footer: str
    duration_seconds: str
    duration_minutes: str
    duration_hours: str
    duration_days: str
    no_value: str
    weekdays: list[str] = Field(min_length=7, max_length=7)
    day: str
    week: str
    instant: str

    @model_validator(mode="after")
    def _placeholders(self) -> PageTexts:
        for name, value in self:
            if not isinstance(value, str):
                continue
            if not value.strip():
                raise ValueError(f"{name}: empty")
            used = {f.split(".")[0] for _, f, _, _ in string.Formatter().parse(value) if f}
            unknown = used - PLACEHOLDERS.get(name, set())
            if unknown:
                raise ValueError(f"{name}: unknown placeholder(s) {sorted(unknown)}")
        return self


def parse_texts(text: str) -> PageTexts:
    try:
        return PageTexts.model_validate(data_file.load(text))
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}" for e in exc.errors()
        ]
        raise PageTextsError("report-page.yaml:\n  " + "\n  ".join(problems)) from exc


@lru_cache(maxsize=1)
def page_texts() -> PageTexts:
    """The shipped texts (a package data file, read once)."""
    return parse_texts(TEXTS_FILE.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def page_style() -> str:
    """The shipped stylesheet (a package data file, read once)."""
    return STYLE_FILE.read_text(encoding="utf-8").strip()


# --- formatting ----------------------------------------------------------------------


def duration(value: timedelta | None, t: PageTexts) -> str:
    """'45 giây', '7 phút', '1 giờ 05 phút', '2 ngày 3 giờ' (rounded down)."""
    if value is None:
        return t.no_value
    seconds = max(int(value.total_seconds()), 0)
    if seconds < 60:
        return t.duration_seconds.format(s=seconds)
    minutes = seconds // 60
    if minutes < 60:
        return t.duration_minutes.format(m=minutes)
    if minutes < 48 * 60:
        return t.duration_hours.format(h=minutes // 60, m=minutes % 60)
    return t.duration_days.format(d=minutes // (24 * 60), h=minutes // 60 % 24)


def instant(value: datetime, t: PageTexts) -> str:
    return t.instant.format(t=value.astimezone(LOCAL))


def _e(text: object) -> str:
    return escape(str(text))


# --- the page ------------------------------------------------------------------------


def render_page(
    figures: PageFigures,
    questions: QuestionFigures,
    *,
    profile: Profile,
    geojson: Mapping[str, Any] | None,
    ladder: Ladder,
    unit: str | None = None,
    texts: PageTexts | None = None,
) -> str:
    """The whole HTML document. `ladder`: the ward's normal ladder, described
    under the climbs chart; `unit`: the unit the page is narrowed to."""
    t = texts or page_texts()
    names = {u.id: u.name for u in profile.units.values()}
    title = f"{t.title} – {_short_window(figures)}"
    body = [
        _header(figures, profile, unit, names, t),
        _kpis(figures, questions, t),
        '<div class="grid2">',
        _map_section(figures, profile, geojson, t),
        '<div class="stack">',
        _categories_section(figures, t),
        _hours_section(figures, t),
        "</div></div>",
        _units_section(figures.units, names, t),
        _climbs_section(figures, ladder, t),
        '<div class="grid2">',
        _questions_section(questions, t),
        _definitions_section(t),
        "</div>",
    ]
    style = page_style()
    digest = base64.b64encode(hashlib.sha256(style.encode()).digest()).decode()
    csp = f"default-src 'none'; style-src 'sha256-{digest}'; base-uri 'none'; form-action 'none'"
    return (
        "<!doctype html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{_e(title)}</title><style>{style}</style></head>"
        f"<body><main>{''.join(body)}"
        f"<footer><p>{_e(t.footer)} {_e(t.offline)}</p></footer></main></body></html>\n"
    )


def _short_window(figures: PageFigures) -> str:
    start, end = figures.start.astimezone(LOCAL), figures.now.astimezone(LOCAL)
    return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"


def _header(
    figures: PageFigures,
    profile: Profile,
    unit: str | None,
    names: Mapping[str, str],
    t: PageTexts,
) -> str:
    scope = names.get(unit, unit) if unit else t.whole_line
    profile_text = t.profiles.get(profile.name, profile.name)
    window = t.window.format(start=instant(figures.start, t), end=instant(figures.now, t))
    return (
        '<header class="top"><div>'
        f"<h1>{_e(t.title)}</h1>"
        f'<p class="scope">{_e(t.unit_line.format(unit=scope))}</p></div>'
        '<ul class="meta">'
        f'<li data-meta="window">{_e(window)}</li>'
        f'<li data-meta="profile">{_e(t.profile.format(profile=profile_text))}</li>'
        f'<li data-meta="generated">{_e(t.generated.format(at=instant(figures.now, t)))}</li>'
        "</ul></header>"
        f'<aside class="privacy" id="privacy"><strong>{_e(t.privacy_title)}.</strong> '
        f"{_e(t.privacy)} {_e(t.offline)}</aside>"
    )


def _kpis(figures: PageFigures, questions: QuestionFigures, t: PageTexts) -> str:
    tiles = [
        ("tips", t.kpi_received, str(figures.received)),
        ("taken", t.kpi_taken, str(figures.taken)),
        ("done", t.kpi_resolved, str(figures.resolved)),
        ("overdue", t.kpi_overdue, str(figures.overdue)),
        ("median", t.kpi_median, duration(figures.take_median, t)),
        ("questions", t.kpi_questions, str(questions.asked)),
    ]
    cells = "".join(
        f'<div class="kpi{" alarm" if key == "overdue" and figures.overdue else ""}" '
        f'data-kpi="{key}"><span class="kpi-value">{_e(value)}</span>'
        f'<span class="kpi-label">{_e(label)}</span></div>'
        for key, label, value in tiles
    )
    return f'<section class="kpis" id="kpis">{cells}</section>'


# --- map ------------------------------------------------------------------------------


def map_regions(
    profile: Profile, figures: PageFigures, t: PageTexts, geojson: Mapping[str, Any]
) -> tuple[list[Region], bool]:
    """The regions shaded: the profile's wards, or (no ward polygons) the whole
    area as one region of every feature but the neighbours. Second value: True
    when only the outline can be drawn."""
    if profile.polygons:
        wards = [w for w in profile.wards() if w.polygon]
        return [
            Region(
                w.names[0] if w.names else w.name,
                (w.polygon or "",),
                figures.by_ward.get(w.code or "", 0),
            )
            for w in wards
        ], False
    codes = tuple(
        str((f.get("properties") or {}).get("code"))
        for f in geojson.get("features", ())
        if str((f.get("properties") or {}).get("code")) not in profile.outside_polygons
    )
    return [Region(t.area_name, codes, figures.received)], True


def _map_section(
    figures: PageFigures, profile: Profile, geojson: Mapping[str, Any] | None, t: PageTexts
) -> str:
    head = f'<section id="map"><h2>{_e(t.map_title)}</h2>'
    if geojson is None:
        return head + f'<p class="note">{_e(t.map_outline_only)}</p></section>'
    regions, outline = map_regions(profile, figures, t, geojson)
    drawn: WardMap = ward_map(
        geojson,
        regions,
        figures.points,
        context=profile.outside_polygons,
        width=320,
        height=540,
        label=t.map_label,
    )
    swatches = "".join(
        f'<li><svg width="14" height="14" aria-hidden="true"><rect class="ward shade{c.shade}" '
        f'width="14" height="14"/></svg>{_e(_class_label(c.low, c.high, t))}</li>'
        for c in drawn.classes
    )
    notes = [
        f'<p class="points-key"><svg width="14" height="14" aria-hidden="true">'
        f'<circle class="tip-point" cx="7" cy="7" r="4"/></svg>'
        f"{_e(t.map_points.format(n=drawn.points_drawn))}</p>"
    ]
    if figures.without_ward:
        notes.append(f'<p class="note">{_e(t.map_without_ward.format(n=figures.without_ward))}</p>')
    if drawn.points_outside:
        notes.append(
            f'<p class="note">{_e(t.map_points_outside.format(n=drawn.points_outside))}</p>'
        )
    if outline:
        notes.append(f'<p class="note">{_e(t.map_outline_only)}</p>')
    return (
        head + f'<div class="map-wrap">{drawn.svg}<div class="map-side">'
        f'<h3>{_e(t.map_legend)}</h3><ul class="shades">{swatches}</ul>{"".join(notes)}'
        "</div></div></section>"
    )


def _class_label(low: int, high: int, t: PageTexts) -> str:
    if high == 0:
        return t.map_none
    return str(low) if low == high else f"{low}–{high}"


# --- units ----------------------------------------------------------------------------


def _units_section(units: Sequence[UnitFigures], names: Mapping[str, str], t: PageTexts) -> str:
    head = f'<section id="units"><h2>{_e(t.units_title)}</h2>'
    if not units:
        return head + f"<p>{_e(t.no_units)}</p></section>"
    steps = max([4, *(len(u.row.tips_by_step) for u in units)])
    flow_max = max(u.row.received for u in units)
    step_max = max((max(u.row.tips_by_step, default=0) for u in units), default=0)
    scale = max(
        [
            *(u.row.take_p95.total_seconds() for u in units if u.row.take_p95 is not None),
            *(2 * u.target.total_seconds() for u in units if u.target is not None),
            60.0,
        ]
    )
    rows = []
    for u in units:
        r = u.row
        name = names.get(r.unit_id) or r.unit_id or t.unassigned
        flow = svg_charts.funnel(
            r.received,
            r.taken,
            r.resolved,
            flow_max,
            label=t.flow_label.format(tips=r.received, taken=r.taken, done=r.resolved),
        )
        median, p95 = duration(r.take_median, t), duration(r.take_p95, t)
        target = duration(u.target, t)
        take = svg_charts.take_time(
            r.take_median.total_seconds() if r.take_median else None,
            r.take_p95.total_seconds() if r.take_p95 else None,
            u.target.total_seconds() if u.target else None,
            scale,
            label=t.take_label.format(median=median, p95=p95, target=target),
        )
        lines = [t.take_figures.format(median=median, p95=p95) if r.taken else t.take_none]
        if u.target is not None:
            lines.append(t.take_target.format(target=target, urgent=duration(u.target_urgent, t)))
        if r.taken:
            lines.append(t.take_within.format(within=u.within_target, taken=r.taken))
        counts = [*r.tips_by_step, *([0] * (steps - len(r.tips_by_step)))]
        shown = " · ".join(str(c) for c in counts)
        bars = svg_charts.step_bars(
            counts, steps, step_max, label=t.steps_label.format(counts=shown)
        )
        figures_text = t.flow_figures.format(tips=r.received, taken=r.taken, done=r.resolved)
        take_text = "<br>".join(_e(x) for x in lines)
        steps_text = t.steps_figures.format(steps=steps, counts=shown)
        rows.append(
            f'<tr data-unit="{_e(r.unit_id)}"><th scope="row">{_e(name)}</th>'
            f'<td class="flow"><span class="fig">{_e(figures_text)}</span>{flow}</td>'
            f'<td class="take">{take}<span class="small">{take_text}</span></td>'
            f'<td class="steps">{bars}<span class="small">{_e(steps_text)}</span></td>'
            + _count_cell(r.overdue)
            + _count_cell(r.unreachable_officers)
            + "</tr>"
        )
    header = "".join(
        f'<th scope="col">{_e(h)}</th>'
        for h in (t.col_unit, t.col_flow, t.col_take, t.col_steps, t.col_overdue, t.col_unreachable)
    )
    return (
        head + f'<table class="units"><thead><tr>{header}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table></section>"
    )


def _count_cell(n: int) -> str:
    return f'<td class="num{" alarm" if n else ""}">{n}</td>'


# --- categories, hours, climbs, questions -----------------------------------------------------


def _categories_section(figures: PageFigures, t: PageTexts) -> str:
    head = f'<section id="categories"><h2>{_e(t.categories_title)}</h2>'
    if not figures.by_category:
        return head + f"<p>{_e(t.no_tips)}</p></section>"
    labels = catalog()
    rows = [
        (labels.label("categories", key) if key else t.uncategorised, [n])
        for key, n in figures.by_category
    ]
    chart = svg_charts.hbar_chart(rows, name="categories", label=t.categories_label)
    return head + chart + "</section>"


def _hours_section(figures: PageFigures, t: PageTexts) -> str:
    columns = [(t.hour.format(h=h), [n]) for h, n in enumerate(figures.by_hour)]
    chart = svg_charts.column_chart(
        columns, name="hours", label=t.hours_label, series=(t.kpi_received,), label_every=3
    )
    return f'<section id="hours"><h2>{_e(t.hours_title)}</h2>{chart}</section>'


def _climbs_section(figures: PageFigures, ladder: Ladder, t: PageTexts) -> str:
    names = [
        t.climb_repeat
        if s == REPEAT
        else t.climb_overdue
        if s == OVERDUE
        else t.climb_step.format(k=s)
        for s in figures.climb_series
    ]
    weekly = any(b.days > 1 for b in figures.climb_buckets)
    columns = [
        (
            t.week.format(d=b.first_day)
            if weekly
            else t.day.format(weekday=t.weekdays[b.first_day.weekday()], d=b.first_day),
            list(b.counts),
        )
        for b in figures.climb_buckets
    ]
    every = max(1, -(-len(columns) // 14))  # at most 14 day labels under the columns
    chart = svg_charts.column_chart(
        columns,
        name="climbs",
        label=t.climbs_label_weekly if weekly else t.climbs_label,
        series=names,
        width=1000,
        height=200,
        label_every=every,
    )
    total = sum(sum(b.counts) for b in figures.climb_buckets)
    notes = [t.climbs_none] if not total else []
    if figures.forced_climbs:
        notes.append(t.climbs_forced.format(n=figures.forced_climbs))
    notes.append(_ladder_text(ladder, t))
    return (
        f'<section id="climbs"><h2>{_e(t.climbs_title)}</h2>{chart}'
        f"{svg_charts.legend(names, name='climbs')}"
        + "".join(f'<p class="note">{_e(n)}</p>' for n in notes)
        + "</section>"
    )


def _ladder_text(ladder: Ladder, t: PageTexts) -> str:
    roles = catalog()
    parts = []
    offsets = step_offsets(ladder.steps)
    for k, (step, offset) in enumerate(zip(ladder.steps, offsets, strict=True), 1):
        minutes = int(offset.total_seconds() // 60)
        when = t.ladder_after.format(minutes=minutes) if minutes else t.ladder_at_once
        whom = ", ".join(
            t.ladder_parent.format(role=roles.label("roles", x.role))
            if x.unit == "parent"
            else roles.label("roles", x.role)
            for x in step.targets
        )
        parts.append(t.ladder_step.format(k=k, when=when, whom=whom))
    every = int(ladder.repeat.every.total_seconds() // 60)
    parts.append(t.ladder_repeat.format(every=every, times=ladder.repeat.times))
    return t.ladder_intro.format(steps="; ".join(parts))


def _questions_section(questions: QuestionFigures, t: PageTexts) -> str:
    head = f'<section id="questions"><h2>{_e(t.questions_title)}</h2>'
    if questions.topics:
        series = (t.answered, t.unanswered)
        rows = [(label, [asked - open_, open_]) for label, asked, open_ in questions.topics]
        body = svg_charts.hbar_chart(
            rows, name="questions", label=t.questions_label, series=series
        ) + svg_charts.legend(series, name="questions")
    else:
        body = f"<p>{_e(t.no_questions)}</p>"
    facts = [
        t.handoffs.format(n=questions.handoffs, open=questions.handoffs_open),
        t.handoffs_all.format(n=questions.handoffs_open_all),
        t.questions_scope,
    ]
    return head + body + "".join(f'<p class="note">{_e(f)}</p>' for f in facts) + "</section>"


def _definitions_section(t: PageTexts) -> str:
    items = "".join(f"<li>{_e(d)}</li>" for d in t.definitions)
    return (
        f'<section id="definitions"><h2>{_e(t.definitions_title)}</h2><ul>{items}</ul>'
        f"<p><strong>{_e(t.privacy_title)}.</strong> {_e(t.privacy)}</p></section>"
    )
