"""The static figure: a standalone SVG drawn as /work/wt/FIGURE.md lays it out (the same picture as
the element and src/export/svg.ts), for notebooks that block scripts and for ``save("x.svg")``."""

from __future__ import annotations

import base64
import hashlib
import math
import re
import struct
import zlib
from typing import Any, NamedTuple

from .colors import DEFAULT_SCHEME, best_text_color, parse_color, scheme_channels, scheme_interpolator
from .scale import Domain, clamp_side, colorbar_ticks, gradient_stops, resolve_domain, scale_position, tick_count
from .text import format_tick, format_value, spoken_token, to_fixed, token_parts

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
PER_LINE = 10  # floor((72 - 4.8) / 6.6)
VERTICAL_WORD = 8  # floor(72 / (12 * 0.62)) - 1
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
# Characters XML 1.0 forbids (and U+FFFE/U+FFFF), also lone surrogates.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# JavaScript's \s, for the element's "a word longer than L" test.
_JS_SPACES = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


def xml_text(text: str) -> str:
    """Text safe in XML content and attribute values: forbidden characters become U+FFFD."""
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def _n(x: float) -> str:
    """A coordinate with at most 2 decimals."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _utf16_length(text: str) -> int:
    """JavaScript's string length (UTF-16 code units), which the element measures labels in."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def columns_vertical(labels: list[str], orientation: str | None) -> bool:
    """Whether column labels are drawn rotated, as the element decides for "auto"."""
    if orientation in ("horizontal", "vertical"):
        return orientation == "vertical"
    return any(
        _utf16_length(label) > VERTICAL_WORD * 3 or any(_utf16_length(word) > VERTICAL_WORD for word in _JS_SPACES.split(label))
        for label in labels
    )


# ---- labels as runs of text and glyphs --------------------------------------------------------

Chars = list[tuple[str, bool]]  # one (code point, is_glyph) per shown character


def _chars(token: str) -> Chars:
    return [(c, glyph) for text, glyph in token_parts(token) for c in text]


def _cut(chars: Chars, limit: int) -> Chars:
    """At most ``limit`` characters, the last an ellipsis when some were cut."""
    if len(chars) <= limit:
        return chars
    return chars[: max(0, limit - 1)] + [("…", False)]


def _runs(chars: Chars) -> list[tuple[str, bool]]:
    runs: list[list] = []
    for c, glyph in chars:
        if runs and runs[-1][1] == glyph:
            runs[-1][0] += c
        else:
            runs.append([c, glyph])
    return [(text, glyph) for text, glyph in runs]


def _wrap(chars: Chars) -> list[Chars]:
    """Column-label lines: wrapped on spaces at PER_LINE characters, long words broken, at most 3
    lines, the last ending in an ellipsis when cut."""
    words: list[Chars] = []
    current: Chars = []
    for c in chars:
        if c == (" ", False):
            words.append(current)
            current = []
        else:
            current.append(c)
    words.append(current)
    lines: list[Chars] = []
    line: Chars = []
    for word in words:
        while len(word) > PER_LINE:  # a word longer than a line is broken
            if line:
                lines.append(line)
                line = []
            lines.append(word[:PER_LINE])
            word = word[PER_LINE:]
        if not line:
            line = list(word)
        elif len(line) + 1 + len(word) <= PER_LINE:
            line = line + [(" ", False)] + word
        else:
            lines.append(line)
            line = list(word)
    lines.append(line)
    if len(lines) > 3:
        last = lines[2]
        lines = lines[:2] + [(last[: PER_LINE - 1] if len(last) >= PER_LINE else last) + [("…", False)]]
    return lines


def _tspans(chars: Chars, muted: str) -> str:
    out = []
    for text, glyph in _runs(chars):
        body = xml_text(text)
        out.append(f'<tspan fill="{muted}">{body}</tspan>' if glyph else body)
    return "".join(out)


# ---- the figure -------------------------------------------------------------------------------


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


def draw(
    matrix: list[list[float | None]],
    row_labels: list[str],
    column_labels: list[str],
    options: dict[str, Any],
    id_prefix: str,
) -> Figure:
    """The static figure for checked data and options (see :func:`token_heatmap.heatmap`)."""
    theme = THEMES[options.get("theme") or "light"]
    decimals = 4 if options.get("decimals") is None else options["decimals"]
    center = 0.0 if options.get("center") is None else options["center"]
    low, high, low_at, high_at = _statistics(matrix)
    deviation = 0.0 if high_at < 0 else max(abs(high - center), abs(low - center))
    domain, _ = resolve_domain(options.get("min"), options.get("max"), center, deviation)
    interpolate = scheme_interpolator(options.get("scheme") or DEFAULT_SCHEME)
    transpose = bool(options.get("transpose"))
    label = options.get("label") or ""
    caption = options.get("caption") or ""

    data_rows, data_columns = len(matrix), len(column_labels)
    rows, columns = (data_columns, data_rows) if transpose else (data_rows, data_columns)
    shown_rows, shown_columns = (column_labels, row_labels) if transpose else (row_labels, column_labels)

    def value(r: int, c: int) -> float | None:
        return matrix[c][r] if transpose else matrix[r][c]

    row_font, column_font = (_SANS, _MONO) if transpose else (_MONO, _SANS)
    row_advance = SANS_ADVANCE if transpose else MONO_ADVANCE
    column_advance = MONO_ADVANCE if transpose else SANS_ADVANCE
    overview = rows * columns > OVERVIEW_CELL_LIMIT
    cell_w = cell_h = max(1, min(28, math.floor(1024 / max(rows, columns, 1)))) if overview else None
    cell_w = cell_w or CELL_WIDTH
    cell_h = cell_h or CELL_HEIGHT
    # Thinned labels where cells are smaller than a line of text.
    row_every = max(1, math.ceil(LINE_HEIGHT / cell_h))
    column_every = max(1, math.ceil(LINE_HEIGHT / cell_w)) if overview else 1

    # Row labels
    row_chars = [_chars(t) for t in shown_rows]
    longest_row = max((len(c) for c in row_chars), default=0)
    row_width = min(144, max(24, math.ceil(longest_row * row_advance) + 12))
    row_cut = math.floor(ROW_LABEL_CUT / row_advance)

    # Column header
    column_chars = [_chars(t) for t in shown_columns]
    vertical = overview or columns_vertical(shown_columns, options.get("column_label_orientation"))
    if vertical:
        longest_column = max((len(c) for c in column_chars), default=0)
        header = min(VERTICAL_CUT, longest_column * column_advance) + 6
        column_lines = [[_cut(c, math.floor(VERTICAL_CUT / column_advance))] for c in column_chars]
    else:
        column_lines = [_wrap(c) for c in column_chars]
        header = LINE_HEIGHT * max((len(lines) for lines in column_lines), default=1) + 6

    grid_left = PADDING
    grid_top = PADDING + (CAPTION_BLOCK if caption else 0)
    cells_left = grid_left + row_width
    cells_top = grid_top + header
    grid_width = columns * cell_w
    grid_height = rows * cell_h

    # Colour bar
    above = high_at >= 0 and high > domain.max
    below = low_at >= 0 and low < domain.min
    bar_x = cells_left + grid_width + 9
    bar_top = cells_top
    bar_height = grid_height
    end = min(POINTED_END, bar_height / 4)
    ramp_top = bar_top + (end if above else 0)
    ramp_bottom = bar_top + bar_height - (end if below else 0)
    ramp_height = ramp_bottom - ramp_top
    ramp_right = bar_x + RAMP_WIDTH
    ticks = [(v, format_tick(v, decimals)) for v in colorbar_ticks(domain, tick_count(bar_height))]
    widest = max((len(text) for _, text in ticks), default=0) * TICK_ADVANCE
    width = PADDING + row_width + grid_width + 9 + RAMP_WIDTH + 8 + widest + (9 + 15 if label else 0) + PADDING
    height = PADDING + (CAPTION_BLOCK if caption else 0) + header + grid_height + 7 + PADDING

    title = caption or label or "Token attribution heatmap"
    description = describe_matrix(matrix, row_labels, column_labels, decimals)
    out: list[str] = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" role="img">',
        f"<title>{xml_text(title)}</title>",
        f"<desc>{xml_text(description)}</desc>",
        "<defs>",
        f'<pattern id="{id_prefix}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">'
        f'<rect width="6" height="6" fill="{theme["missing"]}"/><rect width="1" height="6" fill="{theme["stripes"]}"/></pattern>',
        f'<linearGradient id="{id_prefix}-ramp" x1="0" y1="1" x2="0" y2="0">'
        + "".join(f'<stop offset="{to_fixed(offset, 2)}%" stop-color="{colour}"/>' for colour, offset in gradient_stops(domain, interpolate))
        + "</linearGradient>",
        "</defs>",
        f'<rect width="{_n(width)}" height="{_n(height)}" fill="{theme["background"]}"/>',
    ]
    if caption:
        out.append(
            f'<text x="{_n(width / 2)}" y="{_n(PADDING + 15)}" text-anchor="middle" font-family="{_SANS}" '
            f'font-size="15" font-weight="600" fill="{theme["text"]}">{xml_text(caption)}</text>'
        )

    # Column labels
    out.append(f'<g font-family="{column_font}" font-size="{FONT}" fill="{theme["text"]}">')
    for c in range(0, columns, column_every):
        cx = cells_left + (c + 0.5) * cell_w
        if vertical:
            out.append(
                f'<text transform="translate({_n(cx + 4)} {_n(cells_top - 3)}) rotate(-90)">'
                f'{_tspans(column_lines[c][0], theme["muted"])}</text>'
            )
        else:
            lines = column_lines[c]
            for i, line in enumerate(lines):
                top = cells_top - 6 - (len(lines) - i) * LINE_HEIGHT
                out.append(
                    f'<text x="{_n(cx)}" y="{_n(top + LINE_HEIGHT / 2 + 4)}" text-anchor="middle" xml:space="preserve">'
                    f'{_tspans(line, theme["muted"])}</text>'
                )
    out.append("</g>")

    # Row labels
    out.append(f'<g font-family="{row_font}" font-size="{FONT}" fill="{theme["text"]}" text-anchor="end">')
    for r in range(0, rows, row_every):
        y = cells_top + (r + 0.5) * cell_h + 4
        out.append(
            f'<text x="{_n(grid_left + row_width - 6)}" y="{_n(y)}" xml:space="preserve">'
            f'{_tspans(_cut(row_chars[r], row_cut), theme["muted"])}</text>'
        )
    out.append("</g>")

    # Cells
    colours: dict[float, tuple[str, str]] = {}
    inks: dict[str, str] = {}

    def colour_of(v: float) -> tuple[str, str]:
        if v not in colours:
            background = interpolate(scale_position(v, domain))
            if background not in inks:
                rgb = parse_color(background)
                inks[background] = best_text_color(rgb) if rgb else "#000000"
            colours[v] = (background, inks[background])
        return colours[v]

    cells: list[tuple[int, int, float, float, float, float, str | None]] = []
    missing_rgb = parse_color(theme["missing"])
    if overview:
        channels = scheme_channels(options.get("scheme") or DEFAULT_SCHEME)
        missing_pixel = bytes(int(channel) for channel in missing_rgb)
        pixels = bytearray()
        for r in range(rows):
            pixels.append(0)  # PNG filter: none
            for c in range(columns):
                v = value(r, c)
                pixels.extend(missing_pixel if v is None else bytes(channels(scale_position(v, domain))))
        href = "data:image/png;base64," + base64.b64encode(_png(columns, rows, bytes(pixels))).decode("ascii")
        out.append(
            f'<image x="{_n(cells_left)}" y="{_n(cells_top)}" width="{_n(grid_width)}" height="{_n(grid_height)}" '
            f'preserveAspectRatio="none" image-rendering="optimizeSpeed" style="image-rendering:pixelated" href="{href}"/>'
        )
    else:
        out.append(f'<g font-family="{_SANS}" font-size="{FONT}" text-anchor="middle" style="font-variant-numeric:tabular-nums">')
        for r in range(rows):
            y = cells_top + r * cell_h
            for c in range(columns):
                x = cells_left + c * cell_w
                v = value(r, c)
                if v is None:
                    out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{cell_w}" height="{cell_h}" fill="url(#{id_prefix}-hatch)"/>')
                    cells.append((r, c, x, y, cell_w, cell_h, None))
                    continue
                background, ink = colour_of(v)
                cells.append((r, c, x, y, cell_w, cell_h, background))
                out.append(f'<rect x="{_n(x)}" y="{_n(y)}" width="{cell_w}" height="{cell_h}" fill="{background}"/>')
                out.append(
                    f'<text x="{_n(x + cell_w / 2)}" y="{_n(y + cell_h / 2 + 4)}" fill="{ink}">{xml_text(format_value(v, decimals))}</text>'
                )
                side = clamp_side(v, domain)
                if side > 0:
                    points = [(x + cell_w - 12, y + 2), (x + cell_w - 2, y + 2), (x + cell_w - 2, y + 12)]
                elif side < 0:
                    points = [(x + cell_w - 2, y + cell_h - 12), (x + cell_w - 2, y + cell_h - 2), (x + cell_w - 12, y + cell_h - 2)]
                else:
                    continue
                out.append(f'<polygon points="{" ".join(f"{_n(px)},{_n(py)}" for px, py in points)}" fill="{ink}"/>')
        out.append("</g>")

    # Colour bar: pointed ends, ramp, outline, ticks, title
    if above:
        out.append(
            f'<polygon points="{_n(bar_x)},{_n(ramp_top)} {_n(ramp_right)},{_n(ramp_top)} {_n(bar_x + RAMP_WIDTH / 2)},{_n(bar_top)}" '
            f'fill="{interpolate(1.0)}"/>'
        )
    if below:
        out.append(
            f'<polygon points="{_n(bar_x)},{_n(ramp_bottom)} {_n(ramp_right)},{_n(ramp_bottom)} '
            f'{_n(bar_x + RAMP_WIDTH / 2)},{_n(bar_top + bar_height)}" fill="{interpolate(0.0)}"/>'
        )
    out.append(f'<rect x="{_n(bar_x)}" y="{_n(ramp_top)}" width="{RAMP_WIDTH}" height="{_n(ramp_height)}" fill="url(#{id_prefix}-ramp)"/>')
    out.append(
        f'<rect x="{_n(bar_x + 0.5)}" y="{_n(ramp_top + 0.5)}" width="{RAMP_WIDTH - 1}" height="{_n(max(0.0, ramp_height - 1))}" '
        f'fill="none" stroke="{theme["line"]}" stroke-width="1"/>'
    )
    span = domain.max - domain.min
    out.append(f'<g font-family="{_SANS}" font-size="{FONT}" fill="{theme["text"]}">')
    for v, text in ticks:
        fraction = (v - domain.min) / span if span > 0 and math.isfinite(span) else 0.5
        y = ramp_bottom - fraction * ramp_height
        out.append(f'<rect x="{_n(ramp_right)}" y="{_n(y - 0.5)}" width="5" height="1"/>')
        out.append(f'<text x="{_n(ramp_right + 8)}" y="{_n(y + 4)}">{xml_text(text)}</text>')
    if label:
        x = ramp_right + 8 + widest + 9
        out.append(
            f'<text transform="translate({_n(x + LINE_HEIGHT / 2 + 4)} {_n((ramp_top + ramp_bottom) / 2)}) rotate(-90)" '
            f'text-anchor="middle">{xml_text(label)}</text>'
        )
    out.append("</g>")
    out.append("</svg>")
    return Figure("\n".join(out) + "\n", width, height, title, description, cells)


def _png(width: int, height: int, rows: bytes) -> bytes:
    """An 8-bit RGB PNG from filtered scanlines (a 0 byte before each row)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows, 6)) + chunk(b"IEND", b"")
