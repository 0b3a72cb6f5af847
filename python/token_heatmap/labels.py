"""Labels in the static figure: glyph runs, cutting with an ellipsis, wrapping column labels, and
the element's rule for turning column labels vertical (FIGURE.md "Layout")."""

from __future__ import annotations

import re

from .text import token_parts

PER_LINE = 10  # characters a line of a horizontal column label: floor((72 - 4.8) / 6.6)
VERTICAL_WORD = 8  # the element's L: floor(72 / (12 * 0.62)) - 1
# Characters XML 1.0 forbids (and U+FFFE/U+FFFF), also lone surrogates.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# JavaScript's \s, for the element's "a word longer than L" test.
_JS_SPACES = re.compile("[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+")


def xml_text(text: str) -> str:
    """Text safe in XML content and attribute values: forbidden characters become U+FFFD."""
    text = _NOT_XML.sub("\ufffd", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def _utf16_length(text: str) -> int:
    """JavaScript's string length (UTF-16 code units), which the element measures labels in."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


def columns_vertical(labels: list[str], orientation: str | None) -> bool:
    """Whether column labels are drawn rotated, as the element decides for "auto" (src/TokenHeatmap.ts)."""
    if orientation in ("horizontal", "vertical"):
        return orientation == "vertical"
    return any(
        _utf16_length(label) > VERTICAL_WORD * 3 or any(_utf16_length(word) > VERTICAL_WORD for word in _JS_SPACES.split(label))
        for label in labels
    )


# ---- labels as runs of text and glyphs --------------------------------------------------------

Chars = list[tuple[str, bool]]  # one (code point, is_glyph) per shown character


def label_chars(token: str) -> Chars:
    """A token as the grid shows it, one (character, is_glyph) per code point."""
    return [(c, glyph) for text, glyph in token_parts(token) for c in text]


def cut(chars: Chars, limit: int) -> Chars:
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


def wrap(chars: Chars) -> list[Chars]:
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


def tspans(chars: Chars, muted: str) -> str:
    """SVG text content of a label, its glyph runs in the muted colour."""
    out = []
    for text, glyph in _runs(chars):
        body = xml_text(text)
        out.append(f'<tspan fill="{muted}">{body}</tspan>' if glyph else body)
    return "".join(out)
