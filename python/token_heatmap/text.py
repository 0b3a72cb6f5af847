"""How the element prints numbers and tokens, in Python (ports of src/format.ts and src/tokens.ts).

JavaScript formats numbers differently from Python (``(3.125).toFixed(2)`` is ``"3.13"``,
``String(1e-7)`` is ``"1e-7"``): the functions here give the JavaScript text, so the static figure
prints what the element prints.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

_CONTEXT = Context(prec=1200)


def _shortest(x: float) -> tuple[str, int]:
    """The shortest digits that read back as ``abs(x)`` and the exponent n: abs(x) = 0.digits × 10**n."""
    sign, digits, exponent = Decimal(repr(abs(x))).as_tuple()
    text = "".join(map(str, digits)).lstrip("0")
    stripped = text.rstrip("0")
    exponent += len(text) - len(stripped)
    return stripped, len(stripped) + int(exponent)


def js_string(x: float) -> str:
    """JavaScript's ``String(x)`` for a number (Number::toString)."""
    if math.isnan(x):
        return "NaN"
    if x == 0:
        return "0"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    sign = "-" if x < 0 else ""
    digits, n = _shortest(x)
    k = len(digits)
    if k <= n <= 21:
        return sign + digits + "0" * (n - k)
    if 0 < n <= 21:
        return sign + digits[:n] + "." + digits[n:]
    if -6 < n <= 0:
        return sign + "0." + "0" * (-n) + digits
    exponent = n - 1
    mantissa = digits[0] + ("." + digits[1:] if k > 1 else "")
    return f"{sign}{mantissa}e{'+' if exponent >= 0 else '-'}{abs(exponent)}"


def to_fixed(x: float, digits: int) -> str:
    """JavaScript's ``x.toFixed(digits)``: the exact binary value rounded half away from zero.

    Unlike JavaScript (0–100), any number of digits is accepted."""
    if math.isnan(x):
        return "NaN"
    if abs(x) >= 1e21 or math.isinf(x):
        return js_string(x)
    sign = "-" if x < 0 else ""
    digits = max(0, min(int(digits), 1100))  # a double has at most 1074 digits after the point
    exact = Decimal(abs(x))
    text = str(exact.quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP, context=_CONTEXT))
    if "E" in text or "e" in text:  # quantize of zero can come back in exponent form
        text = format(Decimal(text), "f")
    if digits > 0 and "." not in text:
        text += "." + "0" * digits
    return sign + text


def is_negative(value: float) -> bool:
    """Whether a number carries a minus sign, negative zero included."""
    return value < 0 or (value == 0 and math.copysign(1.0, value) < 0)


def format_value(value: float, decimals: int) -> str:
    """A cell's printed value: fixed decimals, a negative value keeps its minus sign (``-0.0000``)."""
    if math.isnan(value):
        return ""
    if math.isinf(value):
        return "∞" if value > 0 else "-∞"
    text = to_fixed(abs(value), decimals)
    return "-" + text if is_negative(value) else text


def format_tick(value: float, decimals: int) -> str:
    """A colour-bar tick: the shortest text that shows the value to ``decimals`` places, U+2212 minus."""
    if not math.isfinite(value):
        return js_string(value).replace("-", "\u2212")
    rounded = float(to_fixed(value, min(decimals, 20)))
    if rounded == 0:
        return "0"
    return "\u2212" + js_string(-rounded) if rounded < 0 else js_string(rounded)


# ---- tokens -----------------------------------------------------------------------------------

_NAMED = {
    "\n": ("↵", "newline"),
    "\r": ("␍", "carriage return"),
    "\t": ("⇥", "tab"),
    "\u00a0": ("⍽", "no-break space"),
    "\u0120": ("␣", "space marker Ġ"),
    "\u2581": ("␣", "space marker ▁"),
    "\u010a": ("↵", "newline marker Ċ"),
    "\u200b": ("▯", "zero-width space"),
    "\u200c": ("▯", "zero-width non-joiner"),
    "\u200d": ("▯", "zero-width joiner"),
    "\ufeff": ("▯", "byte order mark"),
}


def _special(char: str, edge: bool) -> tuple[str, str] | None:
    if char == " ":
        return ("␣", "space") if edge else None
    named = _NAMED.get(char)
    if named:
        return named
    code = ord(char)
    if code < 0x20:
        return (chr(0x2400 + code), f"control U+{code:04x}")
    if code == 0x7F:
        return ("␡", "delete")
    return None


def _scan(token: str) -> list[tuple[str, tuple[str, str] | None]]:
    solid = [i for i, c in enumerate(token) if c != " "]
    first, last = (solid[0], solid[-1]) if solid else (-1, -1)
    return [(c, _special(c, not solid or i < first or i > last)) for i, c in enumerate(token)]


def token_parts(token: str) -> list[tuple[str, bool]]:
    """A token as runs of (text, is_glyph): leading/trailing spaces become ``␣``, ``\\n`` ``↵``,
    ``\\t`` ``⇥``, control characters their control pictures, ``Ġ``/``▁`` ``␣``, empty ``∅``."""
    if token == "":
        return [("∅", True)]
    parts: list[list] = []
    for char, glyph in _scan(token):
        text = glyph[0] if glyph else char
        if parts and parts[-1][1] == bool(glyph):
            parts[-1][0] += text
        else:
            parts.append([text, bool(glyph)])
    return [(text, glyph) for text, glyph in parts]


def visible_token(token: str) -> str:
    """The token as the grid shows it, glyphs included."""
    return "".join(text for text, _ in token_parts(token))


def _json_string(text: str) -> str:
    """JSON.stringify of a string (JavaScript escapes only quotes, backslashes and controls)."""
    out = ['"']
    for char in text:
        code = ord(char)
        if char == '"':
            out.append('\\"')
        elif char == "\\":
            out.append("\\\\")
        elif char in "\b\f\n\r\t":
            out.append({"\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}[char])
        elif code < 0x20 or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    out.append('"')
    return "".join(out)


_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"


def js_trim(text: str) -> str:
    """JavaScript's ``String.prototype.trim`` (its whitespace set, not Python's)."""
    return text.strip(_JS_SPACE)


def spoken_token(token: str) -> str:
    """What a screen reader says for a token: the text, or its invisible characters named and the
    exact text quoted (as src/tokens.ts ``spokenToken``)."""
    if token == "":
        return 'empty token ("")'
    words: list[str] = []
    plain = ""
    has_glyph = False
    for char, glyph in _scan(token):
        if not glyph:
            plain += char
            continue
        has_glyph = True
        if js_trim(plain):
            words.append(js_trim(plain))
        plain = ""
        words.append(glyph[1])
    if not has_glyph:
        return token
    if js_trim(plain):
        words.append(js_trim(plain))
    return f"{' '.join(words)} ({_json_string(token)})"
