"""The colour domain, scale positions and colour-bar ticks (ports of src/scale.ts and the pure parts
of src/colorbar.ts), written so that no finite input raises or loops: Python raises on a division
by zero or ``math.floor(inf)`` where JavaScript carries on with Infinity or NaN."""

from __future__ import annotations

import math
from typing import NamedTuple

from .text import js_string, to_fixed

#: Colour stops sampled along the bar (src/colorbar.ts): 33 stops, 0 to 32.
GRADIENT_STOPS = 32


class Domain(NamedTuple):
    """Values map from ``min`` through ``center`` to ``max``."""

    min: float
    max: float
    center: float


def _is_set(n: float | None) -> bool:
    return isinstance(n, float) and math.isfinite(n)


def mirrored_ends(minimum: float | None, maximum: float | None, center: float) -> tuple[float | None, float | None]:
    """The given ends, a single one mirrored about the centre (as the element does)."""
    if minimum is not None and maximum is None:
        maximum = 2 * center - minimum
    if maximum is not None and minimum is None:
        minimum = 2 * center - maximum
    return minimum, maximum


def resolve_domain(minimum: float | None, maximum: float | None, center: float | None, largest_deviation: float) -> tuple[Domain, list[str]]:
    """The colour domain from ``min``/``max``/``center`` and the data's largest distance from the
    centre, with the element's problem sentences (src/scale.ts ``resolveDomain``)."""
    problems: list[str] = []
    c = center if _is_set(center) else 0.0
    lo = minimum if _is_set(minimum) else None
    hi = maximum if _is_set(maximum) else None
    lo, hi = mirrored_ends(lo, hi, c)
    if lo is not None and hi is not None and not lo < hi:
        problems.append(f"min ({js_string(lo)}) must be less than max ({js_string(hi)}); using the data's range")
        lo = hi = None
    if lo is None or hi is None:
        radius = largest_deviation if largest_deviation > 0 and math.isfinite(largest_deviation) else 1.0
        lo = c - radius
        hi = c + radius
    return Domain(lo, hi, c), problems


def _divide(a: float, b: float) -> float:
    """a / b as JavaScript divides (Infinity or NaN for a zero divisor)."""
    if b == 0:
        return math.nan if a == 0 or math.isnan(a) else math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def scale_position(value: float, domain: Domain) -> float:
    """Where a value falls on the colour scale, 0 to 1, clamped; the centre is always 0.5."""
    lo, hi, c = domain
    if c > lo and c < hi:
        t = 0.5 * _divide(value - lo, c - lo) if value < c else 0.5 + 0.5 * _divide(value - c, hi - c)
    else:
        t = _divide(value - lo, hi - lo)
    if math.isnan(t):
        return 0.5
    return 0.0 if t < 0 else 1.0 if t > 1 else t


def clamp_side(value: float, domain: Domain) -> int:
    """-1 when a value lies below the domain, 1 above it, 0 inside."""
    return -1 if value < domain.min else 1 if value > domain.max else 0


def nice_step(span: float, count: int) -> float:
    """A round step (1, 2 or 5 × 10ⁿ) that splits ``span`` into about ``count`` parts."""
    raw = span / count
    if not (raw > 0 and math.isfinite(raw)):
        return raw
    try:
        power = 10.0 ** math.floor(math.log10(raw))
    except OverflowError:
        return raw
    if power == 0 or not math.isfinite(power):
        return raw
    error = raw / power
    factor = 10 if error >= 7.07 else 5 if error >= 3.16 else 2 if error >= 1.41 else 1
    return factor * power


def colorbar_ticks(domain: Domain, count: int = 6) -> list[float]:
    """Colour-bar ticks: round values inside the domain plus both ends and the centre; round ticks
    crowding a forced one are dropped. At most a few dozen steps for any finite domain."""
    lo, hi, c = domain
    forced = [lo, hi]
    if c > lo and c < hi:
        forced.append(c)
    ticks = list(forced)
    step = nice_step(hi - lo, count)
    if step > 0 and math.isfinite(step):
        decimals = max(0, -math.floor(math.log10(step))) + 1
        k = math.ceil(lo / step)
        # k is a Python int, so k + 1 always moves on; the cap is only a guard.
        for _ in range(4 * count + 8):
            raw = k * step
            if not raw <= hi:
                break
            tick = float(to_fixed(raw, decimals))
            if all(abs(f - tick) >= step * 0.45 for f in forced):
                ticks.append(tick)
            k += 1
    return sorted(ticks)


def tick_count(height: float) -> int:
    """About one tick per 60 px of bar (src/colorbar.ts ``tickCount``)."""
    return max(2, min(6, math.floor(height / 60)))


def gradient_stops(domain: Domain, interpolate) -> list[tuple[str, float]]:
    """(colour, percent) bottom (min) to top (max), each colour exactly the interpolator's."""
    lo, hi, _ = domain
    stops = []
    for k in range(GRADIENT_STOPS + 1):
        value = lo + (hi - lo) * k / GRADIENT_STOPS
        stops.append((interpolate(scale_position(value, domain)), 100 * k / GRADIENT_STOPS))
    return stops
