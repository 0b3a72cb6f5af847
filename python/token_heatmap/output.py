"""``heatmap()`` and the object it returns: HTML with the live element and its static figure, SVG,
notebook display, files."""

from __future__ import annotations

import base64
import html
import inspect
import json
import os
import re
import uuid
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .bundle import find_bundle, script_text
from .data import HeatmapInputError, read_labels, read_matrix, values_json
from .options import OPTIONS, attribute_text, check_options
from .svg import Figure, draw, figure_id

_SURROGATE = re.compile("[\ud800-\udfff]")
_SURROGATE_OR_NUL = re.compile("[\ud800-\udfff\x00]")

#: What readers see where the static figure is shown and scripts do not run (the element never
#: shows its light DOM, so this is visible only where a sanitiser has removed the tag).
NOTE = (
    "<p><small>A static image of an interactive token-heatmap. To make it interactive in Jupyter, "
    "trust the notebook (File › Trust Notebook; or <code>python3 -m nbformat.sign NOTEBOOK.ipynb</code>, "
    "the same as <code>jupyter trust</code>, which Debian ships in the package jupyter-nbformat) and open it again."
    "</small></p>"
)


def _json_text(data: Any) -> str:
    """JSON with non-ASCII text as it is, but lone surrogates escaped (they cannot be written as UTF-8)."""
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(data, ensure_ascii=False))


def _plain_text(text: str) -> str:
    """Attribute text that UTF-8 can carry: lone surrogates and NUL become U+FFFD."""
    return _SURROGATE_OR_NUL.sub("\ufffd", text)


def attribute(text: str, quote: str = "'") -> str:
    """A quoted attribute value: ``&``, ``<``, ``>`` and the quote escaped. Single quotes by default,
    so the JSON's double quotes stay readable."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = text.replace("'", "&#39;") if quote == "'" else text.replace('"', "&quot;")
    return quote + text + quote


class Heatmap:
    """One heatmap: the live ``<token-heatmap>`` with the static figure that stands in for it
    wherever scripts are blocked.

    Notebooks display it through ``_repr_mimebundle_`` (``text/html`` and ``image/svg+xml``). Each
    output, and each call of :meth:`html` or ``str()``, gets its own element id, so showing the
    same object twice gives two working figures. ``a + b`` joins the HTML of two heatmaps (or a
    heatmap and a string) into one string.
    """

    def __init__(
        self,
        matrix: list[list[float | None]],
        row_labels: list[str] | None,
        column_labels: list[str] | None,
        options: dict[str, Any],
        bundle: Path | None,
    ) -> None:
        self.values = matrix
        self.row_labels = row_labels
        self.column_labels = column_labels
        #: The options given (checked), by Python name.
        self.options = {name: value for name, value in options.items() if value is not None}
        self.rows = len(matrix)
        self.columns = len(matrix[0]) if matrix else (len(column_labels) if column_labels else 0)
        self.bundle_path = bundle
        self._figure: Figure | None = None

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns) of the values."""
        return self.rows, self.columns

    # ---- the static figure ---------------------------------------------------------------------

    def figure(self) -> Figure:
        """The static figure (its SVG text, size, title and description), drawn once."""
        if self._figure is None:
            rows = self.row_labels or [f"#{i}" for i in range(self.rows)]
            columns = self.column_labels or [f"#{i}" for i in range(self.columns)]
            prefix = figure_id(self.values, rows, columns, sorted(self.options.items()))
            self._figure = draw(self.values, rows, columns, self.options, prefix)
        return self._figure

    @property
    def svg(self) -> str:
        """The static figure as a standalone SVG document."""
        return self.figure().svg

    # ---- the live element ----------------------------------------------------------------------

    def _attributes(self) -> str:
        parts = []
        if self.row_labels is not None:
            parts.append(f" rows={attribute(_json_text(self.row_labels))}")
        if self.column_labels is not None:
            parts.append(f" columns={attribute(_json_text(self.column_labels))}")
        parts.append(f" values={attribute(values_json(self.values))}")
        for option in OPTIONS:
            text = attribute_text(option, self.options.get(option.name))
            if text is None:
                continue
            parts.append(f" {option.attribute}" if text == "" and option.kind == "flag" else f" {option.attribute}={attribute(_plain_text(text))}")
        return "".join(parts)

    def html(self) -> str:
        """The HTML for one output: the static figure as an ``<img>``, the element (hidden until
        its script runs) and the inlined bundle, which swaps the two before the element is drawn.
        Scripts blocked (an untrusted notebook, a sanitiser, JavaScript off): the image stays."""
        element_id = f"token-heatmap-{uuid.uuid4().hex[:12]}"
        figure = self.figure()
        image = base64.b64encode(figure.svg.encode("utf-8")).decode("ascii")
        alt = f"{figure.title}. {figure.description}"
        if self.bundle_path is None:
            self.bundle_path = find_bundle()
        code = script_text(self.bundle_path)
        # The swap runs in the bundle's own module, right after the element is defined: removing
        # the image and showing the element happen in one task, so no frame shows both.
        # Every copy of this output on the page (a second view of the output, the same HTML pasted
        # twice): each element's own image is the sibling just before it.
        swap = (
            f'\nfor(const live of document.querySelectorAll(\'token-heatmap[id="{element_id}"]\')){{'
            f'const image=live.previousElementSibling;if(image&&image.id==="{element_id}-static")image.remove();'
            'live.style.removeProperty("display");}'
        )
        return (
            f'<div class="token-heatmap-output">'
            f'<img src="data:image/svg+xml;base64,{image}" width="{round(figure.width)}" height="{round(figure.height)}" '
            f'alt={attribute(_plain_text(alt), chr(34))} style="max-width:100%;height:auto" id="{element_id}-static">'
            f'<token-heatmap id="{element_id}" style="display:none"{self._attributes()}>{NOTE}</token-heatmap>'
            f'<script type="module">\n{code}{swap}\n</script></div>'
        )

    def __str__(self) -> str:
        return self.html()

    def __add__(self, other: object) -> str:
        if isinstance(other, (Heatmap, str)):
            return self.html() + str(other)
        return NotImplemented

    def __radd__(self, other: object) -> str:
        if isinstance(other, str):
            return other + self.html()
        return NotImplemented

    # ---- notebooks -----------------------------------------------------------------------------

    def __repr__(self) -> str:
        # Also the notebook's text/plain copy of the output: a summary, not 60 KB of script.
        caption = self.options.get("caption") or self.options.get("label")
        return f"<token-heatmap {self.rows}×{self.columns}{f' {caption!r}' if caption else ''}>"

    def _repr_html_(self) -> str:
        return self.html()

    def _repr_mimebundle_(self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None) -> dict[str, str]:
        bundle = {"text/html": self.html(), "image/svg+xml": self.svg, "text/plain": repr(self)}
        if include is not None:
            bundle = {k: v for k, v in bundle.items() if k in set(include)}
        if exclude is not None:
            bundle = {k: v for k, v in bundle.items() if k not in set(exclude)}
        return bundle

    # ---- files ---------------------------------------------------------------------------------

    def document(self, title: str | None = None) -> str:
        """A complete HTML page with this heatmap, to open from disk or share."""
        if title is None:
            title = str(self.options.get("caption") or self.options.get("label") or "token-heatmap")
        return (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(_plain_text(title))}</title></head>\n<body>\n{self.html()}\n</body></html>\n"
        )

    def save(self, path: str | os.PathLike, title: str | None = None) -> Path:
        """Writes the heatmap to ``path``: a standalone page for ``.html``/``.htm``, the static
        figure for ``.svg``. Returns the path.

        Raises:
            HeatmapInputError: the path ends in anything else.
            OSError: the file cannot be written.
        """
        target = Path(path)
        suffix = target.suffix.lower()
        if suffix in (".html", ".htm"):
            text = self.document(title)
        elif suffix == ".svg":
            text = self.svg
        else:
            raise HeatmapInputError(f"save: {str(path)!r} must end in .html or .svg")
        target.write_text(text, encoding="utf-8")
        return target


def heatmap(
    values: Any,
    rows: Iterable[Any] | None = None,
    columns: Iterable[Any] | None = None,
    *,
    bundle_path: str | os.PathLike | None = None,
    **options: Any,
) -> Heatmap:
    """A token-attribution heatmap for a notebook output cell, working offline.

    Args:
        values: scores ``values[row][column]`` as nested lists, a 2-D NumPy array, a torch tensor,
            a pandas DataFrame, or anything with ``.tolist()``. None or NaN is a missing cell;
            ``-0.0`` prints as ``-0.0000``; integers beyond a float's range are ±infinity.
        rows: one label per row (the input tokens); by default the rows are numbered.
        columns: one label per column (the outputs).
        bundle_path: the bundle file; see :func:`find_bundle` for where it is looked for.
        **options: keyword options, each the element attribute of the same name (see
            ``token_heatmap.options.OPTIONS``): ``min``, ``max``, ``center``, ``scheme``,
            ``decimals``, ``label``, ``caption``, ``transpose``, ``theme``, ``selected``,
            ``crosshair``, ``column_label_orientation``, ``step_scores``, ``view``, ``target_rows``, ….

    Returns:
        A :class:`Heatmap`.

    Raises:
        HeatmapInputError: (a ``ValueError`` and ``TypeError``) one line naming the problem: values
            not 2-D and rectangular, a value that is not a number or None (booleans included),
            labels that do not match, an unknown option, an option out of range, ``min ≥ max``.
        FileNotFoundError: the bundle is nowhere to be found.
    """
    return build(values, rows, columns, bundle_path=bundle_path, **options)


# help(heatmap) and a notebook's signature hints list every option of the table by name.
heatmap.__signature__ = inspect.Signature(
    [
        inspect.Parameter("values", inspect.Parameter.POSITIONAL_OR_KEYWORD),
        inspect.Parameter("rows", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        inspect.Parameter("columns", inspect.Parameter.POSITIONAL_OR_KEYWORD, default=None),
        inspect.Parameter("bundle_path", inspect.Parameter.KEYWORD_ONLY, default=None),
        *(inspect.Parameter(option.name, inspect.Parameter.KEYWORD_ONLY, default=None) for option in OPTIONS),
    ],
    return_annotation="Heatmap",
)


def build(
    values: Any,
    rows: Any = None,
    columns: Any = None,
    *,
    bundle_path: str | os.PathLike | None = None,
    need_bundle: bool = True,
    **options: Any,
) -> Heatmap:
    """:func:`heatmap`; with ``need_bundle=False`` the bundle is looked for only when HTML is made
    (the static figure needs none)."""
    unknown = sorted(set(options) - {option.name for option in OPTIONS})
    if unknown:
        raise HeatmapInputError(
            f"heatmap: unknown option {', '.join(map(repr, unknown))}; options are {', '.join(o.name for o in OPTIONS)}"
        )
    matrix = read_matrix(values)
    shape = (len(matrix), len(matrix[0]) if matrix else 0)
    row_labels = read_labels("rows", rows, shape[0])
    column_labels = read_labels("columns", columns, shape[1])
    checked = check_options(options, shape)
    bundle = find_bundle(bundle_path) if need_bundle or bundle_path is not None else None
    return Heatmap(matrix, row_labels, column_labels, checked, bundle)
