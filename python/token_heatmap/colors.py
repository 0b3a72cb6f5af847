"""The element's colour schemes in Python, returning exactly the strings d3-scale-chromatic returns.

The colour data comes from ``_schemes.py`` (generated from node_modules/d3-scale-chromatic by
``scripts/python-schemes.mjs``); the arithmetic is a port of d3-interpolate's rgbBasis and
cubehelixLong, d3-color's cubehelix → rgb conversion and formatRgb, and d3-scale-chromatic's
formula schemes. Every step uses IEEE doubles in the same order as the JavaScript, and JavaScript's
rounding (``Math.round``: halves go up) where d3 rounds, so the strings match d3's (tested against
d3 from Node at thousands of points per scheme).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

from . import _schemes

#: A colour scheme: a position 0–1 on the scale to a CSS colour string.
Interpolator = Callable[[float], str]

#: Every scheme name the element accepts, in d3's spelling.
SCHEME_NAMES: tuple[str, ...] = _schemes.SCHEME_NAMES
#: The element's default scheme.
DEFAULT_SCHEME = "RdYlGn"


#: A scheme as channels: a position 0–1 to (r, g, b), integers 0–255, exactly d3's.
Channels = Callable[[float], "tuple[int, int, int]"]


def js_round(x: float) -> float:
    """JavaScript's Math.round: the nearest integer, halves towards +∞ (Python's round() goes to even)."""
    if not math.isfinite(x):
        return x
    floor = math.floor(x)
    return float(floor + 1 if x - floor >= 0.5 else floor)


def _clamp_channel(value: float) -> int:
    """d3-color's clampi: Math.round, NaN to 0, clamped to 0–255."""
    if value != value:  # NaN
        return 0
    if value >= 255:
        return 255
    if value <= 0:
        return 0
    floor = math.floor(value)
    return int(floor + 1 if value - floor >= 0.5 else floor)


def format_rgb(r: float, g: float, b: float) -> str:
    """d3-color's formatRgb for an opaque colour: ``rgb(r, g, b)``."""
    return f"rgb({_clamp_channel(r)}, {_clamp_channel(g)}, {_clamp_channel(b)})"


def _hex_colours(data: str) -> list[str]:
    return ["#" + data[i : i + 6] for i in range(0, len(data), 6)]


def rgb_basis(colours: list[str]) -> Channels:
    """d3-interpolate's interpolateRgbBasis over ``#rrggbb`` colours, as channels (d3 formats
    them with formatRgb: ``rgb(r, g, b)``)."""
    reds, greens, blues = ([float(int(c[k : k + 2], 16)) for c in colours] for k in (1, 3, 5))
    n = len(colours) - 1

    def at(t: float) -> tuple[int, int, int]:
        # interpolateBasis, once for the three channels (the segment is the same for each).
        if t <= 0:
            t, i = 0.0, 0
        elif t >= 1:
            t, i = 1.0, n - 1
        else:
            i = math.floor(t * n)
        t1 = (t - i / n) * n
        t2 = t1 * t1
        t3 = t2 * t1
        # d3's basis() weights: the same doubles for the three channels, so computed once.
        w0, w1, w2 = 1 - 3 * t1 + 3 * t2 - t3, 4 - 6 * t2 + 3 * t3, 1 + 3 * t1 + 3 * t2 - 3 * t3
        out = []
        for values in (reds, greens, blues):
            v1 = values[i]
            v2 = values[i + 1]
            v0 = values[i - 1] if i > 0 else 2 * v1 - v2
            v3 = values[i + 2] if i < n - 1 else 2 * v2 - v1
            out.append(_clamp_channel((w0 * v0 + w1 * v1 + w2 * v2 + t3 * v3) / 6))
        return out[0], out[1], out[2]

    return at


def ramp(colours: list[str]) -> Callable[[float], str]:
    """d3-scale-chromatic's ramp: colour floor(t × n), clamped."""
    n = len(colours)

    def at(t: float) -> str:
        return colours[max(0, min(n - 1, math.floor(t * n) if math.isfinite(t) else (n if t > 0 else -1)))]

    return at


# d3-color's cubehelix constants.
_A, _B, _C, _D, _E = -0.14861, 1.78277, -0.29227, -0.90649, 1.97294
_RADIANS = math.pi / 180


def cubehelix_rgb(h: float, s: float, l: float) -> tuple[int, int, int]:  # noqa: E741 (d3's names)
    """d3-color's Cubehelix#rgb, channels as formatRgb rounds them."""
    h = 0.0 if math.isnan(h) else (h + 120) * _RADIANS
    a = 0.0 if math.isnan(s) else s * l * (1 - l)
    cosh = math.cos(h)
    sinh = math.sin(h)
    return (
        _clamp_channel(255 * (l + a * (_A * cosh + _B * sinh))),
        _clamp_channel(255 * (l + a * (_C * cosh + _D * sinh))),
        _clamp_channel(255 * (l + a * (_E * cosh))),
    )


def _linear(a: float, b: float) -> Callable[[float], float]:
    """d3-interpolate's nogamma: linear, or constant when the ends are equal."""
    d = b - a
    if d:
        return lambda t: a + t * d
    value = b if math.isnan(a) else a
    return lambda t: value


def cubehelix_long(start: tuple[float, float, float], end: tuple[float, float, float]) -> Channels:
    """d3-interpolate's interpolateCubehelixLong (gamma 1) between (h, s, l) colours."""
    h = _linear(start[0], end[0])
    s = _linear(start[1], end[1])
    l = _linear(start[2], end[2])  # noqa: E741
    return lambda t: cubehelix_rgb(h(t), s(t), l(t))


def _clamp01(t: float) -> float:
    return max(0.0, min(1.0, t))


def _channel(value: float) -> int:
    """Math.max(0, Math.min(255, Math.round(value))) for a finite value."""
    return int(max(0.0, min(255.0, js_round(value))))


def turbo(t: float) -> tuple[int, int, int]:
    """d3-scale-chromatic's interpolateTurbo (which writes ``rgb(r, g, b)``)."""
    t = _clamp01(t)
    return (
        _channel(34.61 + t * (1172.33 - t * (10793.56 - t * (33300.12 - t * (38394.49 - t * 14825.05))))),
        _channel(23.31 + t * (557.33 + t * (1225.33 - t * (3574.96 - t * (1073.77 + t * 707.56))))),
        _channel(27.2 + t * (3211.1 - t * (15327.97 - t * (27814 - t * (22569.18 - t * 6838.66))))),
    )


def cividis(t: float) -> tuple[int, int, int]:
    """d3-scale-chromatic's interpolateCividis (which writes ``rgb(r, g, b)``)."""
    t = _clamp01(t)
    return (
        _channel(-4.54 - t * (35.34 - t * (2381.73 - t * (6402.7 - t * (7024.72 - t * 2710.57))))),
        _channel(32.49 + t * (170.73 + t * (52.82 - t * (131.46 - t * (176.58 - t * 67.37))))),
        _channel(81.24 + t * (442.36 - t * (2482.43 - t * (6167.24 - t * (6614.94 - t * 2475.67))))),
    )


def rainbow(t: float) -> tuple[int, int, int]:
    """d3-scale-chromatic's interpolateRainbow."""
    if t < 0 or t > 1:
        t -= math.floor(t)
    ts = abs(t - 0.5)
    return cubehelix_rgb(360 * t - 100, 1.5 - 1.5 * ts, 0.8 - 0.9 * ts)


_PI_1_3 = math.pi / 3
_PI_2_3 = math.pi * 2 / 3


def sinebow(t: float) -> tuple[int, int, int]:
    """d3-scale-chromatic's interpolateSinebow."""
    t = (0.5 - t) * math.pi
    x = math.sin(t)
    r = 255 * x * x
    x = math.sin(t + _PI_1_3)
    g = 255 * x * x
    x = math.sin(t + _PI_2_3)
    b = 255 * x * x
    return _clamp_channel(r), _clamp_channel(g), _clamp_channel(b)


_FORMULAS: dict[str, Channels] = {
    "Turbo": turbo,
    "Cividis": cividis,
    "Warm": cubehelix_long((-100, 0.75, 0.35), (80, 1.50, 0.8)),
    "Cool": cubehelix_long((260, 0.75, 0.35), (80, 1.50, 0.8)),
    "CubehelixDefault": cubehelix_long((300, 0.5, 0.0), (-240, 0.5, 1.0)),
    "Rainbow": rainbow,
    "Sinebow": sinebow,
}

_built: dict[str, tuple[Interpolator, Channels]] = {}


def canonical_scheme(name: str) -> str | None:
    """The d3 spelling of a scheme name the element accepts (case-insensitive, with or without the
    ``interpolate`` prefix), or None."""
    key = re.sub(r"^interpolate", "", name.strip().lower())
    return next((n for n in SCHEME_NAMES if n.lower() == key), None)


def _scheme(name: str) -> tuple[Interpolator, Channels] | None:
    match = canonical_scheme(name)
    if match is None:
        return None
    if match not in _built:
        if match in _schemes.RAMPS:
            colours = _hex_colours(_schemes.RAMPS[match])
            css = ramp(colours)
            table = [(int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)) for c in colours]
            channels = ramp(table)  # the same lookup, over channel triples
        else:
            channels = rgb_basis(_hex_colours(_schemes.BASIS[match])) if match in _schemes.BASIS else _FORMULAS[match]

            def css(t: float, f: Channels = channels) -> str:
                return "rgb(%d, %d, %d)" % f(t)

        # The element never asks for NaN (missing cells have no colour); here it must not raise.
        _built[match] = (
            lambda t, f=css: f(0.0 if math.isnan(t) else t),
            lambda t, f=channels: f(0.0 if math.isnan(t) else t),
        )
    return _built[match]


def scheme_interpolator(name: str) -> Interpolator | None:
    """The interpolator for a scheme name, as the element reads it; None for an unknown name.
    It returns d3's string: ``rgb(r, g, b)``, or ``#rrggbb`` for Viridis, Magma, Inferno, Plasma."""
    found = _scheme(name)
    return found[0] if found else None


def scheme_channels(name: str) -> Channels | None:
    """The same scheme as (r, g, b) integers, without making and parsing a string (for images)."""
    found = _scheme(name)
    return found[1] if found else None


# ---- contrast (src/color.ts) ------------------------------------------------------------------

_HEX = re.compile(r"^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$", re.IGNORECASE)
_RGB_FUNCTION = re.compile(
    r"^rgba?\(\s*([\d.]+)(%?)[\s,]+([\d.]+)(%?)[\s,]+([\d.]+)(%?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$", re.IGNORECASE
)


def parse_color(text: str) -> tuple[float, float, float] | None:
    """``#rgb``, ``#rrggbb``, ``rgb()`` and ``rgba()`` as channels 0–255, as src/color.ts parses them."""
    css = text.strip()
    match = _HEX.match(css)
    if match:
        digits = match.group(1)
        if len(digits) <= 4:
            digits = "".join(d + d for d in digits)
        return (float(int(digits[0:2], 16)), float(int(digits[2:4], 16)), float(int(digits[4:6], 16)))
    match = _RGB_FUNCTION.match(css)
    if not match:
        return None

    def channel(value: str, percent: str) -> float:
        number = float(value)
        return max(0.0, min(255.0, number * 255 / 100 if percent else number))

    return (channel(match[1], match[2]), channel(match[3], match[4]), channel(match[5], match[6]))


def relative_luminance(rgb: tuple[float, float, float]) -> float:
    """WCAG 2 relative luminance."""

    def linear(c: float) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast_ratio(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    """WCAG 2 contrast ratio (1 to 21)."""
    la = relative_luminance(a)
    lb = relative_luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def best_text_color(background: tuple[float, float, float]) -> str:
    """``#000000`` or ``#ffffff``, whichever contrasts more with ``background`` (black on a tie)."""
    black = contrast_ratio(background, (0.0, 0.0, 0.0))
    white = contrast_ratio(background, (255.0, 255.0, 255.0))
    return "#000000" if black >= white else "#ffffff"
