"""Token-attribution heatmaps in Jupyter and VS Code notebooks, offline.

    from token_heatmap import heatmap
    heatmap(scores, rows=tokens, columns=outputs, min=-1.5, max=1.5, caption="Attribution")

``heatmap()`` returns HTML with the self-contained ``<token-heatmap>`` bundle inlined in a
``<script type="module">``: no CDN, no require.js, no network. Standard library only; NumPy
arrays (and torch tensors, or anything with ``.tolist()``) are read by duck typing.

Command line, with the JSON shape of ``demo/seed-heatmap.json``::

    python3 python/token_heatmap.py data.json > figure.html
"""

from __future__ import annotations

import argparse
import html
import json
import math
import numbers
import os
import re
import sys
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

# TokenHeatmapWidget is importable too, but not listed: `import *` must not need anywidget.
__all__ = ["heatmap", "Heatmap", "find_bundle", "find_anywidget_module"]

#: Environment variable naming the bundle file (``dist/token-heatmap.bundle.js``).
BUNDLE_ENV = "TOKEN_HEATMAP_BUNDLE"
#: Environment variable naming the anywidget module (``dist/anywidget.js``).
ANYWIDGET_ENV = "TOKEN_HEATMAP_ANYWIDGET"

_HERE = Path(__file__).resolve().parent
_THEMES = ("light", "dark")
_CROSSHAIRS = ("labels", "band")
_ORIENTATIONS = ("auto", "horizontal", "vertical")

# ---- finding the built JavaScript -------------------------------------------------------------


def _candidates(name: str) -> list[Path]:
    """Where a built file is looked for after the argument and the environment variable."""
    return [
        _HERE.parent / "dist" / name,  # a checkout, or node_modules/token-heatmap/python/
        Path.cwd() / "node_modules" / "token-heatmap" / "dist" / name,  # `npm install token-heatmap` here
    ]


def _find(name: str, explicit: str | os.PathLike | None, argument: str, env: str) -> Path:
    tried = [f"the {argument} argument", f"${env}", *map(str, _candidates(name))]
    if explicit is None and os.environ.get(env):
        explicit, argument = os.environ[env], f"${env}"
    if explicit is not None:
        path = Path(explicit).expanduser()
        if path.is_file():
            return path
        raise FileNotFoundError(f"token_heatmap: {argument} is {str(explicit)!r}, which is not a file")
    for path in _candidates(name):
        if path.is_file():
            return path
    raise FileNotFoundError(
        f"token_heatmap: cannot find {name}. Looked at: "
        + "; ".join(tried)
        + ". Run `npm run build` in the token-heatmap checkout, or `npm install token-heatmap` "
        f"in the current directory, or pass {argument} / set ${env} to the file."
    )


def find_bundle(bundle_path: str | os.PathLike | None = None) -> Path:
    """The self-contained bundle ``token-heatmap.bundle.js``.

    Looked for in order: ``bundle_path``; ``$TOKEN_HEATMAP_BUNDLE``;
    ``../dist/token-heatmap.bundle.js`` next to this file; and
    ``node_modules/token-heatmap/dist/token-heatmap.bundle.js`` under the current directory.

    Raises:
        FileNotFoundError: naming every place looked at, or the given path that is not a file.
    """
    return _find("token-heatmap.bundle.js", bundle_path, "bundle_path=", BUNDLE_ENV)


def find_anywidget_module(esm_path: str | os.PathLike | None = None) -> Path:
    """The anywidget front end ``dist/anywidget.js``, found like :func:`find_bundle`
    (``esm_path``, ``$TOKEN_HEATMAP_ANYWIDGET``, ``../dist``, ``node_modules``)."""
    return _find("anywidget.js", esm_path, "esm_path=", ANYWIDGET_ENV)


_bundles: dict[Path, tuple[int, str]] = {}


def _script_text(path: Path) -> str:
    """The bundle's code, safe inside an inline ``<script>``; cached while the file is unchanged."""
    mtime = path.stat().st_mtime_ns
    cached = _bundles.get(path)
    if cached and cached[0] == mtime:
        return cached[1]
    code = path.read_text(encoding="utf-8")
    # `</script` would end the inline script early, and `<!--` could start HTML's escaped
    # script state that swallows our closing tag. `<\/` and `\x21` mean the same in JS strings,
    # template literals and regular expressions (also with the u flag).
    code = re.sub(r"</(script)", r"<\\/\1", code, flags=re.IGNORECASE).replace("<!--", "<\\x21--")
    _bundles[path] = (mtime, code)
    return code


# ---- data -------------------------------------------------------------------------------------


def _plain(data: Any) -> Any:
    """NumPy arrays, torch tensors and the like as nested Python lists."""
    return data.tolist() if hasattr(data, "tolist") else data


def _matrix(values: Any) -> list[list[float | None]]:
    """Checks that ``values`` is 2-D and rectangular with numbers or None, and copies it as floats."""
    values = _plain(values)
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, Iterable):
        raise TypeError(f"values: expected a 2-D array values[row][column], got {type(values).__name__}")
    matrix: list[list[float | None]] = []
    width = None
    for r, row in enumerate(values):
        row = _plain(row)
        if isinstance(row, (str, bytes, Mapping)) or not isinstance(row, Iterable):
            raise ValueError(f"values[{r}] is {type(row).__name__}, not a row: expected a 2-D array values[row][column]")
        cells: list[float | None] = []
        for c, v in enumerate(row):
            if v is None:
                cells.append(None)
            elif isinstance(v, numbers.Real):
                cells.append(float(v))
            else:
                raise TypeError(f"values[{r}][{c}] is {type(v).__name__} {v!r}, not a number or None")
        if width is None:
            width = len(cells)
        elif len(cells) != width:
            raise ValueError(f"values[{r}] has {len(cells)} entries but values[0] has {width}: rows must be the same length")
        matrix.append(cells)
    return matrix


def _labels(name: str, labels: Any, count: int) -> list[str] | None:
    if labels is None:
        return None
    labels = _plain(labels)
    if isinstance(labels, (str, bytes)):
        raise TypeError(f"{name}: expected a list of labels, got one string")
    labels = [str(label) for label in labels]
    if len(labels) != count:
        raise ValueError(f"{name}: {len(labels)} labels for {count} {name} of values")
    return labels


def _number(v: float | None) -> str:
    """JSON text of a value as the element reads it: NaN/None missing, -0 signed, ±inf as ±1e999."""
    if v is None or math.isnan(v):
        return "null"
    if math.isinf(v):
        return "1e999" if v > 0 else "-1e999"
    if v == 0:
        # json.dumps writes -0.0, which would do; "-0" is what the element itself writes.
        return "-0" if math.copysign(1.0, v) < 0 else "0"
    return repr(v)


def _values_json(matrix: list[list[float | None]]) -> str:
    return "[" + ",".join("[" + ",".join(map(_number, row)) + "]" for row in matrix) + "]"


def _finite(name: str, v: Any) -> str:
    if not isinstance(v, numbers.Real) or not math.isfinite(float(v)):
        raise ValueError(f"{name}: expected a finite number, got {v!r}")
    return repr(float(v))


def _choice(name: str, v: Any, allowed: Sequence[str]) -> str:
    if v not in allowed:
        raise ValueError(f"{name}: expected one of {', '.join(map(repr, allowed))}, got {v!r}")
    return v


def _selected(v: Any, shape: tuple[int, int]) -> str:
    if isinstance(v, Mapping):
        cell = (v.get("rowIndex"), v.get("columnIndex"))
    else:
        cell = tuple(v) if isinstance(v, Iterable) else (v,)
    if len(cell) != 2 or not all(isinstance(i, numbers.Integral) and 0 <= i < n for i, n in zip(cell, shape)):
        raise ValueError(f"selected: expected (row, column) or {{'rowIndex': r, 'columnIndex': c}} inside {shape}, got {v!r}")
    return json.dumps({"rowIndex": int(cell[0]), "columnIndex": int(cell[1])})


def _attribute(text: str) -> str:
    """A quoted attribute value: single quotes keep the JSON's double quotes readable."""
    return "'" + text.replace("&", "&amp;").replace("'", "&#39;") + "'"


# ---- output -----------------------------------------------------------------------------------


class Heatmap(str):
    """The HTML of one heatmap: a ``<token-heatmap>`` tag and the inlined bundle.

    A ``str``, so it goes wherever HTML text goes: ``IPython.display.HTML(h)``, ``h + other``,
    a file. Jupyter and VS Code draw it through ``_repr_html_``. Each one carries its own copy
    of the bundle (about 60 KB) so it works alone; the element registers only once per page.
    """

    rows: int
    columns: int
    element_id: str

    @property
    def html(self) -> str:
        """The HTML as a plain ``str``."""
        return str(self)

    def _repr_html_(self) -> str:
        return str(self)

    def __repr__(self) -> str:
        # Also the notebook's text/plain copy of the output: a summary, not 65 KB of script.
        return f"<token-heatmap {self.element_id}: {self.rows}×{self.columns}>"

    def document(self, title: str = "token-heatmap") -> str:
        """A complete HTML page with this heatmap, to open from disk or share."""
        return (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title></head>\n<body>\n{self}\n</body></html>\n"
        )

    def save(self, path: str | os.PathLike, title: str = "token-heatmap") -> None:
        """Writes :meth:`document` to ``path`` as UTF-8."""
        Path(path).write_text(self.document(title), encoding="utf-8")


_FALLBACK = (
    "<p>This token-attribution heatmap needs JavaScript. In Jupyter, trust the notebook "
    "(File &gt; Trust Notebook, or <code>jupyter trust notebook.ipynb</code>) and run the cell "
    "again.</p>"
)


def heatmap(
    values: Any,
    rows: Iterable[Any] | None = None,
    columns: Iterable[Any] | None = None,
    *,
    min: float | None = None,
    max: float | None = None,
    center: float | None = None,
    scheme: str | None = None,
    decimals: int | None = None,
    label: str | None = None,
    caption: str | None = None,
    transpose: bool = False,
    theme: str | None = None,
    selected: Any = None,
    crosshair: str | None = None,
    column_label_orientation: str | None = None,
    bundle_path: str | os.PathLike | None = None,
) -> Heatmap:
    """A token-attribution heatmap for a notebook output cell, working offline.

    Args:
        values: scores ``values[row][column]`` as nested lists, a 2-D NumPy array, or anything
            with ``.tolist()``. None or NaN is a missing cell; ``-0.0`` prints as ``-0.0000``.
        rows: one label per row (the input tokens); by default the rows are numbered.
        columns: one label per column (the outputs).
        min, max, center: the colour domain; by default symmetric about ``center`` (0).
        scheme: a d3-scale-chromatic scheme name, ``"RdYlGn"`` by default.
        decimals: decimal places printed in each cell (0–20), 4 by default.
        label: the colour bar's title and the grid's accessible name.
        caption: a heading above the grid.
        transpose: draw tokens as columns.
        theme: ``"light"`` or ``"dark"``; by default it follows the page.
        selected: the selected cell, ``(row, column)``.
        crosshair: ``"labels"`` or ``"band"``.
        column_label_orientation: ``"auto"``, ``"horizontal"`` or ``"vertical"``.
        bundle_path: the bundle file; see :func:`find_bundle` for where it is looked for.

    Returns:
        A :class:`Heatmap` (a ``str`` of HTML with ``_repr_html_``), with a unique element id.

    Raises:
        TypeError, ValueError: ``values`` is not 2-D and rectangular, holds something other than
            numbers and None, the labels do not match its shape, or an option is out of range.
        FileNotFoundError: the bundle is nowhere to be found.
    """
    matrix = _matrix(values)
    shape = (len(matrix), len(matrix[0]) if matrix else 0)
    row_labels = _labels("rows", rows, shape[0])
    column_labels = _labels("columns", columns, shape[1])
    attributes: dict[str, str | None] = {
        "rows": None if row_labels is None else json.dumps(row_labels, ensure_ascii=False),
        "columns": None if column_labels is None else json.dumps(column_labels, ensure_ascii=False),
        "values": _values_json(matrix),
        "min": None if min is None else _finite("min", min),
        "max": None if max is None else _finite("max", max),
        "center": None if center is None else _finite("center", center),
        "scheme": None if scheme is None else str(scheme),
        "label": None if label is None else str(label),
        "caption": None if caption is None else str(caption),
        "theme": None if theme is None else _choice("theme", theme, _THEMES),
        "selected": None if selected is None else _selected(selected, shape),
        "crosshair": None if crosshair is None else _choice("crosshair", crosshair, _CROSSHAIRS),
        "column-label-orientation": None
        if column_label_orientation is None
        else _choice("column_label_orientation", column_label_orientation, _ORIENTATIONS),
    }
    if decimals is not None:
        if not isinstance(decimals, numbers.Integral) or not 0 <= decimals <= 20:
            raise ValueError(f"decimals: expected a whole number from 0 to 20, got {decimals!r}")
        attributes["decimals"] = str(int(decimals))
    code = _script_text(find_bundle(bundle_path))

    element_id = f"token-heatmap-{uuid.uuid4().hex[:12]}"
    text = "".join(f" {name}={_attribute(value)}" for name, value in attributes.items() if value is not None)
    if transpose:
        text += " transpose"
    # The paragraph is light DOM the element never shows (its shadow root has no default slot);
    # where scripts are blocked the tag stays unknown and the paragraph is what readers see.
    out = Heatmap(
        f'<token-heatmap id="{element_id}"{text}>{_FALLBACK}</token-heatmap>\n'
        f'<script type="module">\n{code}\n</script>'
    )
    out.rows, out.columns = shape
    out.element_id = element_id
    return out


# ---- anywidget --------------------------------------------------------------------------------


def _widget_values(values: Any) -> list[list[float | None]] | bytes | memoryview:
    """Values for the widget's messages. Bytes (float64 row-major, shaped by ``columns``) go as a
    binary buffer untouched; anything else becomes nested lists, where JSON allows no NaN or
    infinity: those become None."""
    if isinstance(values, (bytes, memoryview)):
        return values
    return [[v if v is not None and math.isfinite(v) else None for v in row] for row in _matrix(values)]


def _widget_class() -> type:
    # Imported here, not at the top: the HTML helper must work without anywidget installed.
    import anywidget
    import traitlets

    class TokenHeatmapWidget(anywidget.AnyWidget):
        """An interactive ``<token-heatmap>`` (anywidget): selection syncs back to Python.

        ``values``, ``rows``, ``columns`` and the options of :func:`heatmap` are traits; set
        any of them and every view redraws. A cell the reader selects arrives as ``selected``
        (``{"rowIndex": r, "columnIndex": c}``) and ``selected_cell`` (adds ``row``, ``column``
        and ``value``); observe them with ``widget.observe(callback, "selected")``.
        For large matrices, ``values`` may be float64 bytes, e.g. ``a.astype("<f8").tobytes()``
        with ``columns`` set: sent as one binary buffer, NaN and infinities included.
        Needs ``pip install anywidget`` and the built ``dist/anywidget.js`` (see
        :func:`find_anywidget_module`). NaN and infinite values are sent as missing cells.

        Not exercised by this repository's tests, which run without anywidget or a Jupyter
        kernel; the front end (``src/anywidget.ts``) is tested in browsers against a model
        with anywidget's interface.
        """

        _esm = find_anywidget_module()

        rows = traitlets.Any(None, allow_none=True).tag(sync=True)
        columns = traitlets.Any(None, allow_none=True).tag(sync=True)
        values = traitlets.Any([]).tag(sync=True)
        min = traitlets.Float(None, allow_none=True).tag(sync=True)
        max = traitlets.Float(None, allow_none=True).tag(sync=True)
        center = traitlets.Float(None, allow_none=True).tag(sync=True)
        scheme = traitlets.Unicode(None, allow_none=True).tag(sync=True)
        decimals = traitlets.Int(None, allow_none=True, min=0, max=20).tag(sync=True)
        label = traitlets.Unicode("").tag(sync=True)
        caption = traitlets.Unicode("").tag(sync=True)
        transpose = traitlets.Bool(False).tag(sync=True)
        theme = traitlets.Enum(_THEMES, None, allow_none=True).tag(sync=True)
        crosshair = traitlets.Enum(_CROSSHAIRS, None, allow_none=True).tag(sync=True)
        column_label_orientation = traitlets.Enum(_ORIENTATIONS, None, allow_none=True).tag(sync=True)
        selected = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)
        selected_cell = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)

        def __init__(self, values: Any = (), rows: Any = None, columns: Any = None, **options: Any) -> None:
            super().__init__(values=values, rows=rows, columns=columns, **options)

        @traitlets.validate("values")
        def _check_values(self, proposal: Any) -> list[list[float | None]] | bytes | memoryview:
            return _widget_values(proposal["value"])

        @traitlets.validate("rows", "columns")
        def _check_labels(self, proposal: Any) -> list[str] | None:
            labels = _plain(proposal["value"])
            if labels is not None and isinstance(labels, (str, bytes)):
                raise traitlets.TraitError(f"{proposal['trait'].name}: expected a list of labels, got one string")
            return None if labels is None else [str(label) for label in labels]

    return TokenHeatmapWidget


def __getattr__(name: str) -> Any:
    # `from token_heatmap import TokenHeatmapWidget` imports anywidget then, and only then.
    if name == "TokenHeatmapWidget":
        cls = globals()[name] = _widget_class()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# ---- command line -----------------------------------------------------------------------------

_OPTION_KEYS = {
    "min", "max", "center", "scheme", "decimals", "label", "caption", "transpose", "theme",
    "selected", "crosshair", "column_label_orientation",
}


def main(argv: Sequence[str] | None = None) -> int:
    """``python3 token_heatmap.py data.json > figure.html``: a standalone page from JSON."""
    parser = argparse.ArgumentParser(
        prog="token_heatmap.py",
        description="Writes a standalone HTML page with a token-attribution heatmap, the "
        "self-contained bundle inlined. The JSON has the keys rows, columns, values and optionally "
        + ", ".join(sorted(_OPTION_KEYS))
        + " (the shape of demo/seed-heatmap.json).",
    )
    parser.add_argument("data", help="JSON file, or - for standard input")
    parser.add_argument("--bundle", help=f"the bundle file (default: ${BUNDLE_ENV}, ../dist, node_modules)")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    try:
        # Python's json reads NaN and Infinity, as numpy users write them.
        data = json.load(sys.stdin) if args.data == "-" else json.loads(Path(args.data).read_text(encoding="utf-8"))
        if not isinstance(data, dict) or "values" not in data:
            raise ValueError(f"{args.data}: expected a JSON object with at least a values key")
        unknown = set(data) - _OPTION_KEYS - {"rows", "columns", "values"}
        if unknown:
            raise ValueError(f"{args.data}: unknown keys {', '.join(sorted(unknown))}")
        figure = heatmap(**data, bundle_path=args.bundle)
    except (OSError, ValueError, TypeError) as error:
        print(f"token_heatmap.py: {error}", file=sys.stderr)
        return 1
    page = figure.document(title=str(data.get("caption") or data.get("label") or "token-heatmap"))
    if args.output:
        Path(args.output).write_text(page, encoding="utf-8")
    else:
        sys.stdout.buffer.write(page.encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
