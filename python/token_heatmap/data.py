"""Reading the caller's values and labels: nested lists, NumPy arrays, torch tensors, pandas frames.

Every problem is a :class:`HeatmapInputError` with one line that names the entry, whatever the
input: 1,000-deep nesting, 400-digit integers, objects whose ``tolist()`` or ``repr()`` raise.
"""

from __future__ import annotations

import decimal
import math
import numbers
from collections.abc import Iterable, Mapping
from typing import Any

from .text import js_string


class HeatmapInputError(ValueError, TypeError):
    """Bad input to the helper: the message is one line naming what was wrong.

    A ``ValueError`` and a ``TypeError``, so code catching either keeps working. In IPython and
    Jupyter it shows as that one line, without a traceback."""

    def _render_traceback_(self) -> list[str]:
        # IPython calls this instead of formatting the stack (the line is all a reader needs).
        return [f"{type(self).__name__}: {self}"]


def describe(value: Any) -> str:
    """A short, safe description of a value for messages: never raises, never recurses."""
    try:
        if value is None:
            return "None"
        if _is_bool(value):
            return f"boolean {bool(value)}"
        if isinstance(value, str):
            shown = value if len(value) <= 20 else value[:20] + "…"
            return "the text " + repr(shown)  # repr escapes lone surrogates and controls
        if isinstance(value, numbers.Integral):
            number = int(value)
            if number.bit_length() > 160:
                return f"an integer of about {int(number.bit_length() * math.log10(2)) + 1} digits"
            return str(number)
        if isinstance(value, float):
            return repr(value)
        if isinstance(value, (list, tuple)) and len(value) <= 4 and all(_scalar(v) for v in value):
            inner = ", ".join(describe(v).removeprefix("boolean ").removeprefix("the text ") for v in value)
            return f"[{inner}]" if isinstance(value, list) else f"({inner}{',' if len(value) == 1 else ''})"
        return f"a {type(value).__name__}"
    except Exception:  # a hostile __bool__ or __len__: describe by type only
        return f"a {type(value).__name__}"


def _scalar(value: Any) -> bool:
    return value is None or isinstance(value, (bool, int, float, str))


def _is_bool(value: Any) -> bool:
    # NumPy's bool_ is neither bool nor numbers.Integral.
    return isinstance(value, bool) or type(value).__name__ in ("bool_", "bool8")


def plain(data: Any, name: str) -> Any:
    """NumPy arrays, torch tensors (detached, on the CPU), pandas objects and the like as nested
    Python lists; anything else unchanged."""
    try:
        if hasattr(data, "detach") and callable(data.detach) and hasattr(data, "tolist"):
            data = data.detach()
            if hasattr(data, "cpu") and callable(data.cpu):
                data = data.cpu()
        if hasattr(data, "tolist") and callable(data.tolist):
            return data.tolist()
        if hasattr(data, "to_numpy") and callable(data.to_numpy):
            return data.to_numpy().tolist()
    except RecursionError:
        raise HeatmapInputError(f"{name}: nested too deeply to read") from None
    except Exception as error:
        raise HeatmapInputError(f"{name}: reading it with .tolist() failed ({type(error).__name__}: {_one_line(error)})") from None
    return data


def _one_line(error: BaseException) -> str:
    try:
        text = str(error)
    except Exception:
        text = ""
    text = " ".join(text.split())
    return text[:200] + ("…" if len(text) > 200 else "")


def _not_a_sequence(value: Any) -> bool:
    return isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable)


def number(value: Any) -> float | None:
    """A cell value as a float (NaN for missing), or None when it is not a number.

    Integers too large for a float become ±Infinity, as the same JSON does in the browser."""
    if _is_bool(value):
        return None
    if isinstance(value, (numbers.Real, decimal.Decimal)):
        try:
            return float(value)
        except OverflowError:
            return math.inf if value > 0 else -math.inf
        except (ValueError, TypeError, ArithmeticError):
            return None
    return None


def read_matrix(values: Any) -> list[list[float | None]]:
    """``values`` as a rectangular list of rows of floats and None (missing)."""
    values = plain(values, "values")
    if _not_a_sequence(values):
        raise HeatmapInputError(f"values: expected a 2-D array values[row][column], got {describe(values)}")
    matrix: list[list[float | None]] = []
    width = None
    try:
        for r, row in enumerate(values):
            row = plain(row, f"values[{r}]")
            if _not_a_sequence(row):
                raise HeatmapInputError(f"values: values[{r}] is {describe(row)}, not a row: expected a 2-D array values[row][column]")
            cells: list[float | None] = []
            for c, v in enumerate(row):
                if v is None:
                    cells.append(None)
                    continue
                n = number(v)
                if n is None:
                    raise HeatmapInputError(f"values: values[{r}][{c}] is {describe(v)}, not a number or None")
                cells.append(None if math.isnan(n) else n)
            if width is None:
                width = len(cells)
            elif len(cells) != width:
                raise HeatmapInputError(
                    f"values: values[{r}] has {len(cells)} entries but values[0] has {width}: rows must be the same length"
                )
            matrix.append(cells)
    except HeatmapInputError:
        raise
    except RecursionError:
        raise HeatmapInputError("values: nested too deeply to read") from None
    except Exception as error:  # an iterator that raises part-way
        raise HeatmapInputError(f"values: reading it failed ({type(error).__name__}: {_one_line(error)})") from None
    return matrix


def label_text(value: Any) -> str | None:
    """A label as text the way the element reads labels: strings as they are, numbers and booleans
    as JavaScript prints them; None for anything else."""
    if isinstance(value, str):
        return str(value)
    if _is_bool(value):
        return "true" if value else "false"
    if isinstance(value, numbers.Integral):
        number_ = int(value)
        if number_.bit_length() > 60:
            return js_string(float(number_)) if number_.bit_length() < 1024 else ("Infinity" if number_ > 0 else "-Infinity")
        return str(number_)
    if isinstance(value, numbers.Real):
        return js_string(float(value))
    return None


def read_labels(name: str, labels: Any, count: int) -> list[str] | None:
    """One text label per row (``name`` "rows") or column ("columns"); None when not given."""
    if labels is None:
        return None
    labels = plain(labels, name)
    if isinstance(labels, (str, bytes)):
        raise HeatmapInputError(f"{name}: expected a list of labels, got one string")
    if _not_a_sequence(labels):
        raise HeatmapInputError(f"{name}: expected a list of labels, got {describe(labels)}")
    out: list[str] = []
    try:
        for i, label in enumerate(labels):
            text = label_text(label)
            if text is None:
                raise HeatmapInputError(f"{name}: {name}[{i}] is {describe(label)}, not text")
            out.append(text)
    except HeatmapInputError:
        raise
    except Exception as error:
        raise HeatmapInputError(f"{name}: reading it failed ({type(error).__name__}: {_one_line(error)})") from None
    if len(out) != count:
        raise HeatmapInputError(f"{name}: {len(out)} labels for {count} {name} of values")
    return out


def values_json(matrix: list[list[float | None]]) -> str:
    """JSON text of a values matrix as the element reads it: None missing, -0 signed, ±inf as ±1e999."""
    return "[" + ",".join("[" + ",".join(map(number_json, row)) + "]" for row in matrix) + "]"


def number_json(v: float | None) -> str:
    """One value as JSON text the element reads back exactly."""
    if v is None or math.isnan(v):
        return "null"
    if math.isinf(v):
        return "1e999" if v > 0 else "-1e999"
    if v == 0:
        return "-0" if math.copysign(1.0, v) < 0 else "0"
    return repr(v)
