"""Small charts as plain SVG text: written here, inlined in the page, no library.

Every chart is one `<svg class="chart" data-chart="NAME">` with a `<title>`
(what a screen reader or a hover says); bars are `<rect class="bar sN">`
where N is the series, so the page's stylesheet colours them (no inline
styles: the page's Content-Security-Policy allows its one stylesheet only).
Labels are escaped here; callers pass plain text.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

FONT_PX = 12
LABEL_CHARS_PX = 6.6  # mean advance of a 12 px sans-serif character, for label columns


def nice_max(value: float) -> float:
    """The smallest of 1, 2, 5 × 10^k at or above `value` (an axis end); 1 for 0."""
    if value <= 1:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for factor in (1, 2, 5, 10):
        if factor * magnitude >= value:
            return float(factor * magnitude)
    return float(10 * magnitude)


def _open(name: str, label: str, width: float, height: float, extra: str = "") -> str:
    return (
        f'<svg class="chart{extra}" data-chart="{escape(name)}" role="img" '
        f'aria-label="{escape(label)}" viewBox="0 0 {width:g} {height:g}" '
        f'width="{width:g}" height="{height:g}">'
        f"<title>{escape(label)}</title>"
    )


def _rect(x: float, y: float, w: float, h: float, cls: str, tip: str = "") -> str:
    title = f"<title>{escape(tip)}</title>" if tip else ""
    return (
        f'<rect class="{cls}" x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" '
        f'height="{max(h, 0):.1f}">{title}</rect>'
    )


def _text(x: float, y: float, text: str, cls: str = "", anchor: str = "start") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<text{klass} x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}">{escape(text)}</text>'


def hbar_chart(
    rows: Sequence[tuple[str, Sequence[int]]],
    *,
    name: str,
    label: str,
    series: Sequence[str] = (),
    width: float = 520,
) -> str:
    """Horizontal bars, one row per (label, values of each series, stacked).

    The total is written after each bar; `series` names the stacked parts in
    the bars' hover titles.
    """
    label_w = min(max((len(r[0]) for r in rows), default=0) * LABEL_CHARS_PX + 8, width * 0.45)
    bar_h, gap, top = 18, 8, 4
    height = top + len(rows) * (bar_h + gap) + 2
    area = width - label_w - 40
    scale = area / nice_max(max((sum(v) for _, v in rows), default=0))
    parts = [_open(name, label, width, max(height, 24))]
    for i, (text, values) in enumerate(rows):
        y = top + i * (bar_h + gap)
        parts.append(_text(label_w - 6, y + bar_h - 5, text, "label", "end"))
        x = label_w
        for s, value in enumerate(values):
            if value:
                tip = f"{text} – {series[s]}: {value}" if s < len(series) else f"{text}: {value}"
                parts.append(_rect(x, y, value * scale, bar_h, f"bar s{s}", tip))
                x += value * scale
        parts.append(_text(x + 5, y + bar_h - 5, str(sum(values)), "value"))
    parts.append("</svg>")
    return "".join(parts)


def column_chart(
    columns: Sequence[tuple[str, Sequence[int]]],
    *,
    name: str,
    label: str,
    series: Sequence[str] = (),
    width: float = 520,
    height: float = 180,
    label_every: int = 1,
) -> str:
    """Vertical stacked columns with a y axis of a few gridlines; x labels every
    `label_every` columns."""
    left, bottom, top, right = 28, 22, 8, 4
    plot_w, plot_h = width - left - right, height - top - bottom
    end = nice_max(max((sum(v) for _, v in columns), default=0))
    ticks = _ticks(end)
    slot = plot_w / max(len(columns), 1)
    bar_w = max(slot * 0.72, 1.0)
    parts = [_open(name, label, width, height)]
    for tick in ticks:
        y = top + plot_h - tick / end * plot_h
        parts.append(
            f'<line class="grid" x1="{left}" x2="{width - right}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts.append(_text(left - 4, y + 4, f"{tick:g}", "axis", "end"))
    for i, (text, values) in enumerate(columns):
        x = left + i * slot + (slot - bar_w) / 2
        y = top + plot_h
        for s, value in enumerate(values):
            if value:
                h = value / end * plot_h
                y -= h
                tip = f"{text} – {series[s]}: {value}" if s < len(series) else f"{text}: {value}"
                parts.append(_rect(x, y, bar_w, h, f"bar s{s}", tip))
        if i % label_every == 0:
            parts.append(_text(x + bar_w / 2, height - 6, text, "axis", "middle"))
    parts.append(
        f'<line class="base" x1="{left}" x2="{width - right}" '
        f'y1="{top + plot_h:.1f}" y2="{top + plot_h:.1f}"/>'
    )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(end: float) -> list[float]:
    step = nice_max(end / 4)  # counts: whole steps, two to four gridlines
    values, tick = [], step
    while tick <= end + 1e-9:
        values.append(tick)
        tick += step
    return values


def legend(series: Sequence[str], *, name: str) -> str:
    """The swatches of stacked series, as HTML (wraps with the page)."""
    items = "".join(
        f'<span class="key"><svg width="12" height="12" aria-hidden="true">'
        f'<rect class="bar s{i}" width="12" height="12"/></svg>{escape(text)}</span>'
        for i, text in enumerate(series)
    )
    return f'<div class="legend" data-legend="{escape(name)}">{items}</div>'


# --- the small charts beside a unit's figures -------------------------------------------


def funnel(received: int, taken: int, resolved: int, scale_max: int, *, label: str) -> str:
    """Three thin bars: received, taken, resolved, on a scale shared by all units."""
    width, bar_h = 150, 7
    unit = width / max(scale_max, 1)
    parts = [_open("funnel", label, width, 3 * (bar_h + 3), " mini")]
    for i, value in enumerate((received, taken, resolved)):
        parts.append(_rect(0, i * (bar_h + 3), value * unit, bar_h, f"bar s{i}"))
    parts.append("</svg>")
    return "".join(parts)


def take_time(
    median_s: float | None,
    p95_s: float | None,
    target_s: float | None,
    scale_s: float,
    *,
    label: str,
) -> str:
    """The wait to take: median (dark) and p95 (light) bars against the target (a tick)."""
    width, height = 150, 24
    unit = (width - 4) / max(scale_s, 1)
    parts = [_open("take-time", label, width, height, " mini")]
    parts.append(_rect(0, 9, width - 4, 6, "track"))
    if p95_s is not None:
        parts.append(_rect(0, 6, p95_s * unit, 12, "bar p95"))
    if median_s is not None:
        parts.append(_rect(0, 6, median_s * unit, 12, "bar median"))
    if target_s is not None:
        x = min(target_s * unit, width - 4)
        parts.append(f'<line class="target" x1="{x:.1f}" x2="{x:.1f}" y1="1" y2="23"/>')
    parts.append("</svg>")
    return "".join(parts)


def step_bars(counts: Sequence[int], steps: int, scale_max: int, *, label: str) -> str:
    """Tips that reached each step of the ladder, one small column per step."""
    width, height, gap = 120, 30, 4
    slot = (width - gap * (steps - 1)) / max(steps, 1)
    unit = (height - 2) / max(scale_max, 1)
    parts = [_open("steps", label, width, height, " mini")]
    for k in range(steps):
        value = counts[k] if k < len(counts) else 0
        x = k * (slot + gap)
        parts.append(_rect(x, height - 1, slot, 1, "base-tick"))
        if value:
            h = value * unit
            parts.append(_rect(x, height - 1 - h, slot, h, f"bar step{min(k + 1, 4)}"))
    parts.append("</svg>")
    return "".join(parts)
