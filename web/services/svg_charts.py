"""Small server-rendered SVG charts for the organizer console (no script, no CSS).

Each function returns a complete SVG document as text. Only presentation attributes
are used (fill, stroke, font-size), so the strict Content-Security-Policy, which
forbids inline styles and scripts, has nothing to block. Every text is escaped.
The charts are pictures for the eye; the page next to each has a table with the
same numbers for screen readers and for reading exact values.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

INK = "#1c2430"
MUTED = "#5f6b7a"
LINE = "#d9dee5"
BRAND = "#0b6b57"
ACCENT = "#b4531a"
FONT = 'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif"'
# Distinguishable for common colour-vision deficiencies (Okabe-Ito, darkened for text).
PALETTE = (
    "#0072b2",
    "#d55e00",
    "#009e73",
    "#cc79a7",
    "#8a6d00",
    "#56b4e9",
    "#6a3d9a",
    "#e69f00",
    "#1b7837",
    "#b2182b",
)


def _doc(width: int, height: int, title: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" {FONT}>'
        f"<title>{escape(title)}</title>"
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>' + "".join(body) + "</svg>"
    )


def _text(x: float, y: float, text: str, size: int = 13, **attrs: str | float) -> str:
    fill = attrs.pop("fill", INK)
    extra = "".join(f' {k.replace("_", "-")}="{v}"' for k, v in attrs.items())
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{fill}"'
        f"{extra}>{escape(text)}</text>"
    )


def _clip(text: str, chars: int) -> str:
    return text if len(text) <= chars else text[: chars - 1].rstrip() + "…"


def _nice_max(value: int) -> int:
    """A round axis maximum at or above `value`: four whole, round steps (at least 4)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if value <= 4 * step * factor:
                return 4 * step * factor
        step *= 10


def histogram(
    bars: Sequence[tuple[str, int]],
    title: str,
    x_label: str,
    y_label: str,
    highlight: Sequence[bool] = (),
) -> str:
    """Vertical bars, one per (label, count), with counts written above each bar.

    `highlight[i]` draws bar i in the accent colour (e.g. people with no list).
    """
    width, height = 720, 320
    left, right, top, bottom = 56, 16, 44, 60
    plot_w, plot_h = width - left - right, height - top - bottom
    top_value = _nice_max(max((c for _, c in bars), default=0))
    body = [_text(left, 18, title, 14, font_weight="600")]
    for tick in range(5):
        value = top_value * tick / 4
        y = top + plot_h - plot_h * tick / 4
        body.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="{LINE}"/>'
        )
        body.append(_text(left - 8, y + 4, f"{value:.0f}", 12, fill=MUTED, text_anchor="end"))
    slot = plot_w / max(1, len(bars))
    gap = min(12.0, slot * 0.2)
    for i, (label, count) in enumerate(bars):
        x = left + i * slot + gap / 2
        h = plot_h * count / top_value
        colour = ACCENT if i < len(highlight) and highlight[i] else BRAND
        body.append(
            f'<rect x="{x:.1f}" y="{top + plot_h - h:.1f}" width="{slot - gap:.1f}" '
            f'height="{h:.1f}" fill="{colour}"/>'
        )
        centre = x + (slot - gap) / 2
        if count:
            body.append(_text(centre, top + plot_h - h - 4, str(count), 12, text_anchor="middle"))
        body.append(
            _text(centre, top + plot_h + 16, _clip(label, 12), 12, fill=MUTED, text_anchor="middle")
        )
    body.append(_text(left + plot_w / 2, height - 14, x_label, 13, text_anchor="middle"))
    body.append(
        _text(
            14,
            top + plot_h / 2,
            y_label,
            13,
            text_anchor="middle",
            transform=f"rotate(-90 14 {top + plot_h / 2:.1f})",
        )
    )
    return _doc(width, height, title, body)


def diverging(
    rows: Sequence[tuple[str, int, int]], title: str, left_label: str, right_label: str
) -> str:
    """One row per (label, left count, right count): bars to the left and to the right."""
    row_h = 30
    width = 720
    label_w, top = 240, 52
    height = top + row_h * max(1, len(rows)) + 12
    half = (width - label_w - 40) / 2
    axis = label_w + 20 + half
    most = max([1] + [max(a, b) for _, a, b in rows])
    body = [
        _text(12, 18, title, 14, font_weight="600"),
        _text(axis - 8, 42, f"◀ {left_label}", 12, fill=ACCENT, text_anchor="end"),
        _text(axis + 8, 42, f"{right_label} ▶", 12, fill=BRAND),
        f'<line x1="{axis}" y1="{top - 4}" x2="{axis}" y2="{height - 8}" stroke="{MUTED}"/>',
    ]
    for i, (label, seekers, offerers) in enumerate(rows):
        y = top + i * row_h
        body.append(_text(12, y + 19, _clip(label, 32), 13))
        for count, sign, colour in ((seekers, -1, ACCENT), (offerers, 1, BRAND)):
            w = (half - 30) * count / most
            x = axis - w if sign < 0 else axis
            body.append(
                f'<rect x="{x:.1f}" y="{y + 5}" width="{w:.1f}" height="{row_h - 10}" '
                f'fill="{colour}"/>'
            )
            anchor = "end" if sign < 0 else "start"
            tx = axis + sign * (w + 5)
            body.append(_text(tx, y + 19, str(count), 12, text_anchor=anchor))
    return _doc(width, height, title, body)


@dataclass(frozen=True)
class MapPoint:
    """One person on the map: position in [0, 1] x [0, 1] and their group."""

    x: float
    y: float
    group: int


@dataclass(frozen=True)
class MapGroup:
    """A labelled group on the map: where its label goes and what it says."""

    number: int
    x: float
    y: float
    label: str


def colour(group: int) -> str:
    """The colour of group `group` (0-based), as the map draws it."""
    return PALETTE[group % len(PALETTE)]


def scatter(points: Sequence[MapPoint], groups: Sequence[MapGroup], title: str) -> str:
    """People as dots coloured by group; each group's number marks its centre, and a
    legend under the plot names it (labels on the plot would overlap)."""
    width, pad, top, line = 720, 30, 28, 22
    plot_h = 380
    height = top + plot_h + 16 + line * len(groups) + 8
    plot_w = width - 2 * pad

    def at(x: float, y: float) -> tuple[float, float]:
        return pad + x * plot_w, top + (1 - y) * plot_h

    body = [_text(12, 18, title, 14, font_weight="600")]
    body.append(
        f'<rect x="{pad / 2}" y="{top}" width="{width - pad}" height="{plot_h}" '
        f'fill="none" stroke="{LINE}"/>'
    )
    for p in points:
        cx, cy = at(p.x, p.y)
        body.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="5" fill="{colour(p.group)}" '
            f'fill-opacity="0.8" stroke="#ffffff" stroke-width="1"/>'
        )
    for g in groups:
        cx, cy = at(g.x, g.y)
        body.append(
            f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="11" fill="#ffffff" '
            f'stroke="{colour(g.number)}" stroke-width="2.5"/>'
        )
        body.append(
            _text(
                cx,
                cy + 4.5,
                str(g.number + 1),
                13,
                fill=colour(g.number),
                font_weight="700",
                text_anchor="middle",
            )
        )
    for i, g in enumerate(groups):
        y = top + plot_h + 16 + i * line + 12
        body.append(f'<circle cx="{pad}" cy="{y - 4}" r="6" fill="{colour(g.number)}"/>')
        body.append(_text(pad + 14, y, f"{g.number + 1} · {_clip(g.label, 90)}", 13))
    return _doc(width, height, title, body)
