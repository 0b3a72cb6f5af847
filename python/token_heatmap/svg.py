"""The static figure: a standalone SVG drawn as /work/wt/FIGURE.md lays it out (the same picture as
the element and src/export/svg.ts), for notebooks that block scripts and for ``save("x.svg")``."""

from __future__ import annotations

import base64
import hashlib
import math
import struct
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from .colors import DEFAULT_SCHEME, best_text_color, parse_color, scheme_channels, scheme_interpolator
from .labels import Chars, columns_vertical, cut, label_chars, tspans, wrap, xml_text
from .scale import Domain, clamp_side, colorbar_ticks, gradient_stops, resolve_domain, scale_position, tick_count
from .text import format_tick, format_value, spoken_token, to_fixed

# ---- FIGURE.md constants ----------------------------------------------------------------------
PADDING = 8
FONT = 12
CELL_WIDTH = 72
CELL_HEIGHT = 28
MONO_ADVANCE = 7.2
SANS_ADVANCE = 6.6
TICK_ADVANCE = 7.44
CAPTION_BLOCK = 25  # 19 + a gap of 6
ROW_LABEL_CUT = 132
VERTICAL_CUT = 120
LINE_HEIGHT = 15
RAMP_WIDTH = 16
POINTED_END = 14.4
#: More shown cells than this are drawn as one image at one pixel a cell.
OVERVIEW_CELL_LIMIT = 100_000

THEMES = {
    "light": {"background": "#ffffff", "text": "#1f2328", "muted": "#59636e", "line": "#d1d9e0", "missing": "#f6f8fa", "stripes": "#afb8c1"},
    "dark": {"background": "#0d1117", "text": "#e6edf3", "muted": "#9198a1", "line": "#3d444d", "missing": "#151b23", "stripes": "#59636e"},
}

_SANS = "sans-serif"
_MONO = "monospace"


def _n(x: float) -> str:
    """A coordinate with at most 2 decimals."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


class Figure(NamedTuple):
    svg: str
    width: float
    height: float
    title: str
    description: str
    #: Cell rectangles (row, column, x, y, w, h, colour or None) of the shown grid, for tests.
    cells: list[tuple[int, int, float, float, float, float, str | None]]


def _statistics(matrix: list[list[float | None]]) -> tuple[float, float, int, int]:
    """Smallest and largest finite values and their flat indices (-1 when none), as the element scans."""
    low, high, low_at, high_at = math.inf, -math.inf, -1, -1
    width = len(matrix[0]) if matrix else 0
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v is None or not math.isfinite(v):
                continue
            if v < low:
                low, low_at = v, r * width + c
            if v > high:
                high, high_at = v, r * width + c
    return low, high, low_at, high_at


def describe_matrix(matrix, row_labels, column_labels, decimals) -> str:
    """The element's summary sentence: "13 tokens × 5 outputs; largest … at '/' × '…'; smallest …."."""
    rows = len(matrix)
    columns = len(column_labels)
    low, high, low_at, high_at = _statistics(matrix)
    text = f"{rows} tokens × {columns} outputs"

    def at(index: int) -> str:
        return f"'{spoken_token(row_labels[index // columns])}' × '{spoken_token(column_labels[index % columns])}'"

    if high_at >= 0:
        text += f"; largest {format_value(high, decimals)} at {at(high_at)}"
        text += f"; smallest {format_value(low, decimals)} at {at(low_at)}"
    return text + "."


def figure_id(*parts: Any) -> str:
    """A short id from the figure's content: the same data gives the same ids (reproducible files)."""
    digest = hashlib.sha1()
    for part in parts:
        # Row by row: a million-cell matrix is never one string.
        for piece in part if isinstance(part, list) else [part]:
            digest.update(repr(piece).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
    return "th" + digest.hexdigest()[:10]



@dataclass
class _Layout:
    """Everything the figure's parts need: the shown grid, the colour scale, and where things go."""

    theme: dict[str, str]
    decimals: int
    domain: Domain
    interpolate: Callable[[float], str]
    scheme: str
    label: str
    caption: str
    rows: int
    columns: int
    value: Callable[[int, int], "float | None"]
    row_font: str
    column_font: str
    row_chars: list[Chars]
    row_cut: int
    column_lines: list[list[Chars]]
    vertical: bool
    overview: bool
    cell_width: float
    cell_height: float
    row_every: int
    column_every: int
    row_width: float
    cells_left: float
    cells_top: float
    bar_x: float
    bar_top: float
    bar_height: float
    ramp_top: float
    ramp_bottom: float
    above: bool
    below: bool
    ticks: list[tuple[float, str]]
    widest_tick: float
    width: float
    height: float

    @property
    def ramp_right(self) -> float:
        return self.bar_x + RAMP_WIDTH

    @property
    def ramp_height(self) -> float:
        return self.ramp_bottom - self.ramp_top


def _layout(matrix: list[list[float | None]], row_labels: list[str], column_labels: list[str], options: dict[str, Any]) -> _Layout:
    """FIGURE.md "Layout", with the estimates it gives where nothing was measured."""
    decimals = 4 if options.get("decimals") is None else options["decimals"]
    center = 0.0 if options.get("center") is None else options["center"]
    low, high, low_at, high_at = _statistics(matrix)
    deviation = 0.0 if high_at < 0 else max(abs(high - center), abs(low - center))
    domain, _ = resolve_domain(options.get("min"), options.get("max"), center, deviation)
    scheme = options.get("scheme") or DEFAULT_SCHEME
    label = options.get("label") or ""
    caption = options.get("caption") or ""
    transpose = bool(options.get("transpose"))
    data_rows, data_columns = len(matrix), len(column_labels)
    rows, columns = (data_columns, data_rows) if transpose else (data_rows, data_columns)
    shown_rows, shown_columns = (column_labels, row_labels) if transpose else (row_labels, column_labels)
    # Row labels are tokens (monospace) and columns outputs (sans); they swap with transpose.
    row_advance, column_advance = (SANS_ADVANCE, MONO_ADVANCE) if transpose else (MONO_ADVANCE, SANS_ADVANCE)
    overview = rows * columns > OVERVIEW_CELL_LIMIT
    side = max(1, min(28, math.floor(1024 / max(rows, columns, 1)))) if overview else 0
    cell_width, cell_height = (side, side) if overview else (CELL_WIDTH, CELL_HEIGHT)

    row_chars = [label_chars(t) for t in shown_rows]
    row_width = min(144, max(24, math.ceil(max((len(c) for c in row_chars), default=0) * row_advance) + 12))
    column_chars = [label_chars(t) for t in shown_columns]
    vertical = overview or columns_vertical(shown_columns, options.get("column_label_orientation"))
    if vertical:
        header = min(VERTICAL_CUT, max((len(c) for c in column_chars), default=0) * column_advance) + 6
        column_lines = [[cut(c, math.floor(VERTICAL_CUT / column_advance))] for c in column_chars]
    else:
        column_lines = [wrap(c) for c in column_chars]
        header = LINE_HEIGHT * max((len(lines) for lines in column_lines), default=1) + 6

    top = PADDING + (CAPTION_BLOCK if caption else 0)
    cells_left = PADDING + row_width
    cells_top = top + header
    bar_height = rows * cell_height
    above = high_at >= 0 and high > domain.max
    below = low_at >= 0 and low < domain.min
    # A pointed end takes 14.4 px; on a bar too short for that, a quarter of it.
    end = min(POINTED_END, bar_height / 4)
    ticks = [(v, format_tick(v, decimals)) for v in colorbar_ticks(domain, tick_count(bar_height))]
    widest = max((len(text) for _, text in ticks), default=0) * TICK_ADVANCE
    grid_width = columns * cell_width
    return _Layout(
        theme=THEMES[options.get("theme") or "light"],
        decimals=decimals,
        domain=domain,
        interpolate=scheme_interpolator(scheme),
        scheme=scheme,
        label=label,
        caption=caption,
        rows=rows,
        columns=columns,
        value=(lambda r, c: matrix[c][r]) if transpose else (lambda r, c: matrix[r][c]),
        row_font=_SANS if transpose else _MONO,
        column_font=_MONO if transpose else _SANS,
        row_chars=row_chars,
        row_cut=math.floor(ROW_LABEL_CUT / row_advance),
        column_lines=column_lines,
        vertical=vertical,
        overview=overview,
        cell_width=cell_width,
        cell_height=cell_height,
        # Thinned labels where cells are smaller than a line of text, so they never overlap.
        row_every=max(1, math.ceil(LINE_HEIGHT / cell_height)),
        column_every=max(1, math.ceil(LINE_HEIGHT / cell_width)) if overview else 1,
        row_width=row_width,
        cells_left=cells_left,
        cells_top=cells_top,
        bar_x=cells_left + grid_width + 9,
        bar_top=cells_top,
        bar_height=bar_height,
        ramp_top=cells_top + (end if above else 0),
        ramp_bottom=cells_top + bar_height - (end if below else 0),
        above=above,
        below=below,
        ticks=ticks,
        widest_tick=widest,
        width=PADDING + row_width + grid_width + 9 + RAMP_WIDTH + 8 + widest + (9 + 15 if label else 0) + PADDING,
        height=cells_top + bar_height + 7 + PADDING,
    )


def _defs(g: _Layout, prefix: str) -> list[str]:
    theme = g.theme
    stops = "".join(f'<stop offset="{to_fixed(offset, 2)}%" stop-color="{colour}"/>' for colour, offset in gradient_stops(g.domain, g.interpolate))
    return [
        "<defs>",
        # 1 px stripes every 6 px at 135°, as the element's repeating-linear-gradient draws them.
        f'<pattern id="{prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{theme["missing"]}"/><rect width="1" height="6" fill="{theme["stripes"]}"/></pattern>',
        f'<linearGradient id="{prefix}-ramp" x1="0" y1="1" x2="0" y2="0">{stops}</linearGradient>',
        "</defs>",
    ]


def _column_labels(g: _Layout) -> list[str]:
    out = [f'<g font-family="{g.column_font}" font-size="{FONT}" fill="{g.theme["text"]}">']
    for c in range(0, g.columns, g.column_every):
        cx = g.cells_left + (c + 0.5) * g.cell_width
        lines = g.column_lines[c]
        if g.vertical:  # reads bottom to top, ending 3 px above the grid
            out.append(f'<text transform="translate({_n(cx + 4)} {_n(g.cells_top - 3)}) rotate(-90)">{tspans(lines[0], g.theme["muted"])}</text>')
            continue
        for i, line in enumerate(lines):  # bottom-aligned lines, centred on the column
            top = g.cells_top - 6 - (len(lines) - i) * LINE_HEIGHT
            out.append(
                f'<text x="{_n(cx)}" y="{_n(top + LINE_HEIGHT / 2 + 4)}" text-anchor="middle" xml:space="preserve">'
                f'{tspans(line, g.theme["muted"])}</text>'
            )
    out.append("</g>")
    return out


def _row_labels(g: _Layout) -> list[str]:
    out = [f'<g font-family="{g.row_font}" font-size="{FONT}" fill="{g.theme["text"]}" text-anchor="end">']
    for r in range(0, g.rows, g.row_every):
        y = g.cells_top + (r + 0.5) * g.cell_height + 4
        out.append(
            f'<text x="{_n(PADDING + g.row_width - 6)}" y="{_n(y)}" xml:space="preserve">'
            f'{tspans(cut(g.row_chars[r], g.row_cut), g.theme["muted"])}</text>'
        )
    out.append("</g>")
    return out


def _vector_cells(g: _Layout, prefix: str, cells: list) -> list[str]:
    """Each cell a rectangle in its colour, its value in the contrast colour, a clamped marker."""
    colours: dict[float, tuple[str, str]] = {}
    inks: dict[str, str] = {}
    w, h = g.cell_width, g.cell_height
    out = [f'<g font-family="{_SANS}" font-size="{FONT}" text-anchor="middle" style="font-variant-numeric:tabular-nums">']
    for r in range(g.rows):
        y = g.cells_top + r * h
        for c in range(g.columns):
            x = g.cells_left + c * w
            v = g.value(r, c)
            if v is None:
                out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{w}" height="{h}" fill="url(#{prefix}-hatch)"/>')
                cells.append((r, c, x, y, w, h, None))
                continue
            if v not in colours:
                background = g.interpolate(scale_position(v, g.domain))
                if background not in inks:
                    rgb = parse_color(background)
                    inks[background] = best_text_color(rgb) if rgb else "#000000"
                colours[v] = (background, inks[background])
            background, ink = colours[v]
            cells.append((r, c, x, y, w, h, background))
            out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{w}" height="{h}" fill="{background}"/>')
            out.append(f'<text x="{_n(x + w / 2)}" y="{_n(y + h / 2 + 4)}" fill="{ink}">{xml_text(format_value(v, g.decimals))}</text>')
            side = clamp_side(v, g.domain)
            if side > 0:  # top-right corner
                points = [(x + w - 12, y + 2), (x + w - 2, y + 2), (x + w - 2, y + 12)]
            elif side < 0:  # bottom-right corner
                points = [(x + w - 2, y + h - 12), (x + w - 2, y + h - 2), (x + w - 12, y + h - 2)]
            else:
                continue
            out.append(f'<polygon points="{" ".join(f"{_n(px)},{_n(py)}" for px, py in points)}" fill="{ink}"/>')
    out.append("</g>")
    return out


def _overview(g: _Layout) -> list[str]:
    """The cells as one PNG at one pixel a cell, scaled up without smoothing."""
    channels = scheme_channels(g.scheme)
    missing = bytes(int(channel) for channel in parse_color(g.theme["missing"]))
    pixels = bytearray()
    for r in range(g.rows):
        pixels.append(0)  # PNG filter: none
        for c in range(g.columns):
            v = g.value(r, c)
            pixels.extend(missing if v is None else bytes(channels(scale_position(v, g.domain))))
    href = "data:image/png;base64," + base64.b64encode(_png(g.columns, g.rows, bytes(pixels))).decode("ascii")
    return [
        f'<image x="{_n(g.cells_left)}" y="{_n(g.cells_top)}" width="{_n(g.columns * g.cell_width)}" '
        f'height="{_n(g.rows * g.cell_height)}" preserveAspectRatio="none" image-rendering="optimizeSpeed" '
        f'style="image-rendering:pixelated" href="{href}"/>'
    ]


def _colour_bar(g: _Layout, prefix: str) -> list[str]:
    """Pointed ends where values pass the domain, the ramp and its outline, ticks, the title."""
    out = []
    x, middle, right = g.bar_x, g.bar_x + RAMP_WIDTH / 2, g.ramp_right
    if g.above:
        out.append(f'<polygon points="{_n(x)},{_n(g.ramp_top)} {_n(right)},{_n(g.ramp_top)} {_n(middle)},{_n(g.bar_top)}" fill="{g.interpolate(1.0)}"/>')
    if g.below:
        bottom = g.bar_top + g.bar_height
        out.append(f'<polygon points="{_n(x)},{_n(g.ramp_bottom)} {_n(right)},{_n(g.ramp_bottom)} {_n(middle)},{_n(bottom)}" fill="{g.interpolate(0.0)}"/>')
    out.append(f'<rect x="{_n(x)}" y="{_n(g.ramp_top)}" width="{RAMP_WIDTH}" height="{_n(g.ramp_height)}" fill="url(#{prefix}-ramp)"/>')
    out.append(
        f'<rect x="{_n(x + 0.5)}" y="{_n(g.ramp_top + 0.5)}" width="{RAMP_WIDTH - 1}" height="{_n(max(0.0, g.ramp_height - 1))}" '
        f'fill="none" stroke="{g.theme["line"]}" stroke-width="1"/>'
    )
    span = g.domain.max - g.domain.min
    out.append(f'<g font-family="{_SANS}" font-size="{FONT}" fill="{g.theme["text"]}">')
    for v, text in g.ticks:
        fraction = (v - g.domain.min) / span if span > 0 and math.isfinite(span) else 0.5
        y = g.ramp_bottom - fraction * g.ramp_height
        out.append(f'<rect x="{_n(right)}" y="{_n(y - 0.5)}" width="5" height="1"/>')
        out.append(f'<text x="{_n(right + 8)}" y="{_n(y + 4)}">{xml_text(text)}</text>')
    if g.label:
        title_x = right + 8 + g.widest_tick + 9
        out.append(
            f'<text transform="translate({_n(title_x + LINE_HEIGHT / 2 + 4)} {_n((g.ramp_top + g.ramp_bottom) / 2)}) rotate(-90)" '
            f'text-anchor="middle">{xml_text(g.label)}</text>'
        )
    out.append("</g>")
    return out


def draw(
    matrix: list[list[float | None]],
    row_labels: list[str],
    column_labels: list[str],
    options: dict[str, Any],
    id_prefix: str,
) -> Figure:
    """The static figure for checked data and options (see :func:`token_heatmap.heatmap`)."""
    g = _layout(matrix, row_labels, column_labels, options)
    title = g.caption or g.label or "Token attribution heatmap"
    description = describe_matrix(matrix, row_labels, column_labels, g.decimals)
    width, height = _n(g.width), _n(g.height)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" role="img">',
        f"<title>{xml_text(title)}</title>",
        f"<desc>{xml_text(description)}</desc>",
        *_defs(g, id_prefix),
        f'<rect width="{width}" height="{height}" fill="{g.theme["background"]}"/>',
    ]
    if g.caption:  # centred over the figure, 15 px, weight 600
        out.append(
            f'<text x="{_n(g.width / 2)}" y="{_n(PADDING + 15)}" text-anchor="middle" font-family="{_SANS}" '
            f'font-size="15" font-weight="600" fill="{g.theme["text"]}">{xml_text(g.caption)}</text>'
        )
    cells: list = []
    out += _column_labels(g) + _row_labels(g)
    out += _overview(g) if g.overview else _vector_cells(g, id_prefix, cells)
    out += _colour_bar(g, id_prefix)
    out.append("</svg>")
    return Figure("\n".join(out) + "\n", g.width, g.height, title, description, cells)


def _png(width: int, height: int, rows: bytes) -> bytes:
    """An 8-bit RGB PNG from filtered scanlines (a 0 byte before each row)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")
