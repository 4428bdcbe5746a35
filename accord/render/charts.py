"""Inline SVG charts: the figure range chart and the timeline chart.

Why inline SVG built here rather than a charting library or a CDN script: ``dossier.html`` must
be one self-contained file that makes no network request, works with JavaScript off, prints,
and carries a Content-Security-Policy that forbids scripts. SVG markup generated from the data
meets all of that, and every text piece goes through :class:`markupsafe.Markup` formatting, so
untrusted article text can never become markup. Rows are SVG links to their evidence.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from accord.model import Figure, TimelineEntry
from accord.render._view import format_number

WIDTH = 640  # viewBox units; the SVG scales to the page width (CSS max-width: 100%)
LABEL_W = 170  # left column for source names / dates
PAD_R = 24
ROW_H = 22
AXIS_H = 28
LABEL_CHARS = 26  # longer source names are shortened in the chart (the table has them whole)


@dataclass(frozen=True)
class ChartRow:
    """One mention in a range chart: its label, bounds and the anchor it links to."""

    label: str
    low: float | None
    high: float | None
    href: str


def _short(text: str, limit: int = LABEL_CHARS) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bounds(values: Sequence[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if lo == hi:
        pad = max(1.0, abs(lo) * 0.1)
        return (max(0.0, lo - pad) if lo >= 0 else lo - pad), hi + pad
    pad = (hi - lo) * 0.05
    return (max(0.0, lo - pad) if lo >= 0 else lo - pad), hi + pad


def range_chart(figure: Figure, rows: Sequence[ChartRow]) -> Markup:
    """Each mention's low–high on one axis, the figure's low/high band and best line.

    Open ends ("more than 100") run to the edge with an arrow head. A conflicting figure gets a
    red band and a "conflict" label, so the flag survives printing in black and white.
    """
    values = [v for r in rows for v in (r.low, r.high) if v is not None]
    values += [v for v in (figure.low, figure.best, figure.high) if v is not None]
    if not values:
        return Markup("")
    lo, hi = _bounds(values)
    plot_w = WIDTH - LABEL_W - PAD_R
    height = 10 + ROW_H * len(rows) + AXIS_H

    def x(v: float) -> float:
        return round(LABEL_W + (v - lo) / (hi - lo) * plot_w, 1)

    top, bottom = 6, 10 + ROW_H * len(rows)
    parts: list[Markup] = []
    state = "conflict" if figure.conflict else "agree"
    parts.append(
        Markup(
            '<svg class="chart range {}" viewBox="0 0 {} {}" role="img" '
            'aria-label="{}" xmlns="http://www.w3.org/2000/svg">'
        ).format(state, WIDTH, height, f"Range of {len(rows)} reported values")
    )
    if figure.low is not None and figure.high is not None:
        parts.append(
            Markup(
                '<rect class="band" x="{}" y="{}" width="{}" height="{}"><title>{}</title></rect>'
            ).format(
                x(figure.low),
                top,
                max(1.0, x(figure.high) - x(figure.low)),
                bottom - top,
                f"reconciled range {format_number(figure.low)}–{format_number(figure.high)}",
            )
        )
    if figure.best is not None:
        parts.append(
            Markup(
                '<line class="best" x1="{0}" x2="{0}" y1="{1}" y2="{2}"><title>{3}</title></line>'
            ).format(x(figure.best), top, bottom, f"best estimate {format_number(figure.best)}")
        )
    for j, row in enumerate(rows):
        y = 10 + ROW_H * j + ROW_H / 2
        parts.append(
            Markup('<a href="#{}"><title>{}</title>').format(
                row.href, f"{row.label}: {format_number(row.low)}–{format_number(row.high)}"
            )
        )
        parts.append(
            Markup('<text class="label" x="{}" y="{}">{}</text>').format(
                LABEL_W - 8, y + 4, _short(row.label)
            )
        )
        parts.append(_mention_mark(row, x, y, LABEL_W, LABEL_W + plot_w))
        parts.append(Markup("</a>"))
    axis_y = bottom + 4
    parts.append(
        Markup('<line class="axis" x1="{0}" x2="{1}" y1="{2}" y2="{2}"/>').format(
            LABEL_W, LABEL_W + plot_w, axis_y
        )
    )
    for v, anchor in ((min(values), "middle"), (max(values), "middle")):
        parts.append(
            Markup('<line class="axis" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>').format(
                x(v), axis_y, axis_y + 4
            )
        )
        parts.append(
            Markup('<text class="tick" x="{}" y="{}" text-anchor="{}">{}</text>').format(
                x(v), axis_y + 16, anchor, format_number(v)
            )
        )
    if figure.conflict:
        parts.append(
            Markup('<text class="flag" x="{}" y="{}">conflict</text>').format(8, axis_y + 16)
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


def _mention_mark(
    row: ChartRow, x: Callable[[float], float], y: float, left: float, right: float
) -> Markup:
    """A dot for a point value, a bar for a range, an arrow head on an open end."""
    if row.low is not None and row.high is not None and row.low == row.high:
        return Markup('<circle class="pt" cx="{}" cy="{}" r="5"/>').format(x(row.low), y)
    x1 = x(row.low) if row.low is not None else left
    x2 = x(row.high) if row.high is not None else right
    out = [Markup('<line class="rng" x1="{0}" x2="{1}" y1="{2}" y2="{2}"/>').format(x1, x2, y)]
    for end, known, direction in ((x1, row.low is not None, -1), (x2, row.high is not None, 1)):
        if known:
            out.append(Markup('<circle class="pt" cx="{}" cy="{}" r="4"/>').format(end, y))
        else:
            tip = end + 6 * direction
            out.append(
                Markup('<polygon class="open" points="{},{} {},{} {},{}"/>').format(
                    tip, y, end, y - 5, end, y + 5
                )
            )
    return Markup("").join(out)


def date_interval(value: str, precision: str | None = None) -> tuple[date, date] | None:
    """The days a timeline date covers: a day, a whole month, a year, or ``start/end``.

    ``None`` when the value cannot be read (the entry is still listed, just not charted).
    """
    if "/" in value:
        first, _, last = value.partition("/")
        a, b = date_interval(first), date_interval(last)
        return (a[0], b[1]) if a and b else None
    try:
        pieces = [int(p) for p in value[:10].split("-")]
        if len(pieces) == 1:
            return date(pieces[0], 1, 1), date(pieces[0], 12, 31)
        if len(pieces) == 2:
            last_day = calendar.monthrange(pieces[0], pieces[1])[1]
            return date(pieces[0], pieces[1], 1), date(pieces[0], pieces[1], last_day)
        day = date(pieces[0], pieces[1], pieces[2])
    except (ValueError, IndexError):
        return None
    return day, day


def timeline_chart(entries: Sequence[TimelineEntry]) -> Markup:
    """One row per dated entry: a dot for a day, a bar for a month/year/range; each a link."""
    spans = [(i, e, date_interval(e.date, e.precision)) for i, e in enumerate(entries)]
    charted = [(i, e, s) for i, e, s in spans if s is not None]
    if not charted:
        return Markup("")
    first = min(s[0] for _, _, s in charted).toordinal()
    last = max(s[1] for _, _, s in charted).toordinal()
    if first == last:
        first, last = first - 1, last + 1
    plot_w = WIDTH - LABEL_W - PAD_R
    height = 10 + ROW_H * len(charted) + AXIS_H

    def x(day: int) -> float:
        return round(LABEL_W + (day - first) / (last - first) * plot_w, 1)

    parts = [
        Markup(
            '<svg class="chart timeline" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg">'
        ).format(WIDTH, height, f"Timeline of {len(charted)} dated entries")
    ]
    for row, (i, entry, (start, end)) in enumerate(charted):
        y = 10 + ROW_H * row + ROW_H / 2
        parts.append(
            Markup('<a href="#tl-{}"><title>{}</title>').format(
                i, f"{entry.date} ({entry.precision}): {entry.summary[:160]}"
            )
        )
        parts.append(
            Markup('<text class="label" x="{}" y="{}">{}</text>').format(
                LABEL_W - 8, y + 4, f"{entry.date} · {entry.precision}"
            )
        )
        if start == end:
            parts.append(
                Markup('<circle class="pt{}" cx="{}" cy="{}" r="5"/>').format(
                    " inferred" if entry.inferred else "", x(start.toordinal()), y
                )
            )
        else:
            x1, x2 = x(start.toordinal()), x(end.toordinal() + 1)
            parts.append(
                Markup('<rect class="span{}" x="{}" y="{}" width="{}" height="10" rx="3"/>').format(
                    " inferred" if entry.inferred else "", x1, y - 5, max(3.0, x2 - x1)
                )
            )
        parts.append(Markup("</a>"))
    axis_y = 10 + ROW_H * len(charted) + 4
    parts.append(
        Markup('<line class="axis" x1="{0}" x2="{1}" y1="{2}" y2="{2}"/>').format(
            LABEL_W, LABEL_W + plot_w, axis_y
        )
    )
    for day, anchor in ((first, "start"), (last, "end")):
        parts.append(
            Markup('<text class="tick" x="{}" y="{}" text-anchor="{}">{}</text>').format(
                x(day), axis_y + 16, anchor, date.fromordinal(day).isoformat()
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)


SERIES_H = 120  # plot height of a toll-over-time chart


def series_chart(figure: Figure) -> Markup:
    """A toll reported higher over time: each moment's low–high as a bar, the highs joined.

    Drawn only for an updated figure (its ``series``); the dates run left to right so the
    rise reads as a rise, and every point carries its value as text for print and screen
    readers.
    """
    points = [p for p in figure.series if p.as_of and date_interval(p.as_of) is not None]
    if len(points) < 2:
        return Markup("")
    days = [date_interval(p.as_of or "")[0].toordinal() for p in points]  # type: ignore[index]
    first, last = min(days), max(days)
    if first == last:
        first, last = first - 1, last + 1
    lo, hi = _bounds([v for p in points for v in (p.low, p.high)])
    plot_w = WIDTH - LABEL_W - PAD_R
    top, height = 12, SERIES_H + AXIS_H + 12

    def x(day: int) -> float:
        return round(LABEL_W + (day - first) / (last - first) * plot_w, 1)

    def y(value: float) -> float:
        return round(top + (1 - (value - lo) / (hi - lo)) * SERIES_H, 1)

    parts = [
        Markup(
            '<svg class="chart series" viewBox="0 0 {} {}" role="img" aria-label="{}" '
            'xmlns="http://www.w3.org/2000/svg">'
        ).format(WIDTH, height, f"Reported value over time, {len(points)} report dates")
    ]
    path = " ".join(f"{x(d)},{y(p.high)}" for d, p in zip(days, points, strict=True))
    parts.append(Markup('<polyline class="rise" fill="none" points="{}"/>').format(path))
    for day, point in zip(days, points, strict=True):
        parts.append(
            Markup('<line class="rng" x1="{0}" x2="{0}" y1="{1}" y2="{2}"/>').format(
                x(day), y(point.low), y(point.high)
            )
        )
        parts.append(
            Markup('<circle class="pt" cx="{}" cy="{}" r="4"/>').format(x(day), y(point.high))
        )
        value = format_number(point.high)
        if point.low != point.high:
            value = f"{format_number(point.low)}–{value}"
        parts.append(
            Markup('<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>').format(
                x(day), y(point.high) - 8, value
            )
        )
    axis_y = top + SERIES_H + 8
    parts.append(
        Markup('<line class="axis" x1="{0}" x2="{1}" y1="{2}" y2="{2}"/>').format(
            LABEL_W, LABEL_W + plot_w, axis_y
        )
    )
    for day, point in zip(days, points, strict=True):
        parts.append(
            Markup('<text class="tick" x="{}" y="{}" text-anchor="middle">{}</text>').format(
                x(day), axis_y + 16, point.as_of or ""
            )
        )
    parts.append(Markup("</svg>"))
    return Markup("").join(parts)
