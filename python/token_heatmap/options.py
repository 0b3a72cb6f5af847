"""Every option of the helper in ONE table, and the rules that check them.

``OPTIONS`` comes from the element's property schema (``_properties.py``, generated from
src/properties.ts): its Python keyword, the element attribute it becomes, its kind, its choices
or range, and the element's default. :func:`heatmap`, the command line (which also reads the
attribute and camelCase property spellings) and the widget's traits all read it.
"""

from __future__ import annotations

import decimal
import json
import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any, NamedTuple

from ._properties import PROPERTIES
from .colors import SCHEME_NAMES, canonical_scheme
from .data import HeatmapInputError, _is_bool, describe, label_text, number, number_json, plain
from .scale import mirrored_ends
from .text import js_string


class Option(NamedTuple):
    """One option: ``choices`` is a tuple of allowed values ("choice", "scheme") or (low, high)
    ("integer"); ``default`` is the element's default (None: the element decides)."""

    name: str
    attribute: str
    kind: str
    choices: tuple | None
    default: Any
    doc: str

    @property
    def property(self) -> str:
        """The element's property name (camelCase)."""
        head, *rest = self.name.split("_")
        return head + "".join(word.capitalize() for word in rest)


# The helper's kinds for the schema's (src/properties.ts, copied into _properties.py by
# scripts/schema-docs.mjs). Data (rows, columns, values) is checked by data.py; a function cannot
# come from Python.
_KINDS = {
    "number": "number",
    "integer": "integer",
    "text": "text",
    "scheme": "scheme",
    "boolean": "flag",
    "choice": "choice",
    "cell": "cell",
    "groups": "groups",
    "scores": "scores",
    "zoom": "zoom",
}


def _from_schema(spec: dict) -> Option:
    kind = _KINDS[spec["kind"]]
    choices = (spec["min"], spec["max"]) if kind == "integer" else SCHEME_NAMES if kind == "scheme" else spec.get("choices")
    return Option(spec["trait"], spec["attribute"], kind, choices, spec["default"], spec["doc"])


OPTIONS: tuple[Option, ...] = tuple(_from_schema(spec) for spec in PROPERTIES if spec["kind"] in _KINDS)

BY_NAME: dict[str, Option] = {option.name: option for option in OPTIONS}


def _quoted(choices: Iterable[str]) -> str:
    return ", ".join(repr(c) for c in choices)


def _finite(option: Option, value: Any) -> float:
    n = number(value)
    if n is None or not math.isfinite(n):
        raise HeatmapInputError(f"{option.name}: {describe(value)} is not a finite number")
    return n


def _integer(option: Option, value: Any) -> int:
    low, high = option.choices
    n = number(value)
    if n is None or not math.isfinite(n) or not n.is_integer() or not low <= n <= high:
        raise HeatmapInputError(f"{option.name}: {describe(value)} is not a whole number from {low} to {high}")
    return int(n)


def _choice(option: Option, value: Any) -> str:
    if not isinstance(value, str) or value not in option.choices:
        raise HeatmapInputError(f"{option.name}: {describe(value)} is not one of {_quoted(option.choices)}")
    return value


def _scheme(option: Option, value: Any) -> str:
    name = canonical_scheme(value) if isinstance(value, str) else None
    if name is None:
        raise HeatmapInputError(f"{option.name}: unknown scheme {describe(value)}; expected one of {', '.join(SCHEME_NAMES)}")
    return name


def _text(option: Option, value: Any) -> str:
    text = label_text(value) if not _is_bool(value) else None
    if text is None:
        raise HeatmapInputError(f"{option.name}: expected text, got {describe(value)}")
    return text


def _zoom(option: Option, value: Any) -> str | float:
    """``"auto"``, ``"fit"`` or a zoom level above 0 (1 = readable cells), as the element takes it."""
    if value in ("auto", "fit"):
        return value
    n = None if _is_bool(value) or isinstance(value, str) else number(value)
    if n is None or not math.isfinite(n) or not n > 0:
        raise HeatmapInputError(f'{option.name}: {describe(value)} is not "auto", "fit" or a number above 0 (1 = readable cells)')
    return n


def _flag(option: Option, value: Any) -> bool:
    if not _is_bool(value):
        raise HeatmapInputError(f"{option.name}: expected True or False, got {describe(value)}")
    return bool(value)


def _index(value: Any) -> int | None:
    if _is_bool(value) or not isinstance(value, (numbers.Integral, float, decimal.Decimal)):
        return None
    n = number(value)
    return int(n) if n is not None and math.isfinite(n) and n.is_integer() else None


def _cell(option: Option, value: Any, shape: tuple[int, int]) -> tuple[int, int]:
    try:
        if isinstance(value, Mapping):
            cell = [value.get("rowIndex"), value.get("columnIndex")] if len(value) == 2 else []
        elif isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
            cell = []
        else:
            cell = list(plain(value, option.name))
    except HeatmapInputError:
        raise
    except Exception:
        cell = []
    indices = [_index(i) for i in cell] if len(cell) == 2 else []
    if len(indices) != 2 or not all(i is not None and 0 <= i < n for i, n in zip(indices, shape)):
        raise HeatmapInputError(
            f'{option.name}: {describe(value)} is not (row, column) or {{"rowIndex": r, "columnIndex": c}} '
            f"inside the {shape[0]}×{shape[1]} values"
        )
    return indices[0], indices[1]


def _groups(option: Option, value: Any, shape: tuple[int, int]) -> list[int | None]:
    """A group number (or None) per row token (``row_groups``) or column label (``column_groups``)."""
    length = shape[0] if option.name == "row_groups" else shape[1]
    try:
        items = plain(value, option.name)
        if isinstance(items, (str, bytes, Mapping)) or not isinstance(items, Iterable):
            items = None
        else:
            items = list(items)
    except HeatmapInputError:
        raise
    except Exception:
        items = None
    if items is None:
        raise HeatmapInputError(f"{option.name}: expected a group number per token, got {describe(value)}")
    groups = [None if g is None else _index(g) for g in items]
    if any(g is None and item is not None for g, item in zip(groups, items)) or len(groups) != length:
        raise HeatmapInputError(f"{option.name}: expected {length} whole numbers or None, one per token, got {describe(value)}")
    if any(a is not None and b is not None and b < a for a, b in zip(groups, groups[1:])):
        raise HeatmapInputError(f"{option.name}: group numbers must not decrease, got {describe(value)}")
    return groups


def _scores(option: Option, value: Any, shape: tuple[int, int]) -> dict[str, list[float | None]]:
    if not isinstance(value, Mapping):
        raise HeatmapInputError(f"{option.name}: expected {{name: one number per column}}, got {describe(value)}")
    out: dict[str, list[float | None]] = {}
    for key, scores in value.items():
        if not isinstance(key, str):
            raise HeatmapInputError(f"{option.name}: the name {describe(key)} is not text")
        scores = plain(scores, f"{option.name}[{key!r}]")
        if isinstance(scores, (str, bytes, Mapping)) or not isinstance(scores, Iterable):
            raise HeatmapInputError(f"{option.name}: {key!r} is {describe(scores)}, not one number per column")
        row: list[float | None] = []
        for i, score in enumerate(scores):
            n = None if score is None else number(score)
            if n is None and score is not None:
                raise HeatmapInputError(f"{option.name}: {key!r}[{i}] is {describe(score)}, not a number or None")
            row.append(None if n is None or math.isnan(n) else n)
        if len(row) != shape[1]:
            raise HeatmapInputError(f"{option.name}: {key!r} has {len(row)} values for {shape[1]} columns")
        out[key] = row
    return out


_CHECKS = {
    "number": _finite,
    "integer": _integer,
    "choice": _choice,
    "scheme": _scheme,
    "text": _text,
    "flag": _flag,
    "zoom": _zoom,
}


def check_options(given: Mapping[str, Any], shape: tuple[int, int]) -> dict[str, Any]:
    """The options checked against the table: a value per option name, None where not given.

    Also the rule across options: ``min`` must be less than ``max`` once a single end is mirrored
    about ``center``, as the element has it (src/scale.ts)."""
    checked: dict[str, Any] = {}
    for option in OPTIONS:
        value = given.get(option.name)
        if value is None:
            checked[option.name] = None
        elif option.kind == "cell":
            checked[option.name] = _cell(option, value, shape)
        elif option.kind == "scores":
            checked[option.name] = _scores(option, value, shape)
        elif option.kind == "groups":
            checked[option.name] = _groups(option, value, shape)
        else:
            checked[option.name] = _CHECKS[option.kind](option, value)
    low, high = mirrored_ends(checked["min"], checked["max"], 0.0 if checked["center"] is None else checked["center"])
    if low is not None and high is not None and not low < high:
        raise HeatmapInputError(f"min ({js_string(low)}) must be less than max ({js_string(high)})")
    return checked


def attribute_text(option: Option, value: Any) -> str | None:
    """The attribute value the element reads for a checked option; None: no attribute. A flag is
    written as an empty value when true."""
    if value is None:
        return None
    if option.kind == "flag":
        return "" if value else None
    if option.kind == "number" or (option.kind == "zoom" and not isinstance(value, str)):
        return number_json(value)
    if option.kind == "integer":
        return str(value)
    if option.kind == "cell":
        return json.dumps({"rowIndex": value[0], "columnIndex": value[1]})
    if option.kind == "groups":
        return "[" + ",".join("null" if g is None else str(g) for g in value) + "]"
    if option.kind == "scores":
        return "{" + ",".join(f"{json.dumps(k)}:[{','.join(map(number_json, v))}]" for k, v in value.items()) + "}"
    return value


def spellings(option: Option) -> set[str]:
    """The names a JSON file may use for an option: Python, attribute and property spellings."""
    return {option.name, option.attribute, option.property}
