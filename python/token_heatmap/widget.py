"""The anywidget version: an interactive ``<token-heatmap>`` whose selection syncs back to Python.

Imported only when ``TokenHeatmapWidget`` is asked for: the HTML helper works without anywidget.
"""

from __future__ import annotations

import math
from typing import Any

from .bundle import find_anywidget_module
from .data import label_text, plain, read_matrix
from .options import OPTIONS, Option


def _widget_values(values: Any) -> list[list[float | None]] | bytes | memoryview:
    """Values for the widget's messages. Bytes (float64 row-major, shaped by ``columns``) go as a
    binary buffer untouched; anything else becomes nested lists, where JSON allows no NaN or
    infinity: those become None."""
    if isinstance(values, (bytes, memoryview)):
        return values
    return [[v if v is not None and math.isfinite(v) else None for v in row] for row in read_matrix(values)]


def _trait(traitlets: Any, option: Option) -> Any:
    """The synced trait of an option, by its kind; None (the element's default) is always allowed."""
    kind = option.kind
    if kind == "number":
        trait = traitlets.Float(None, allow_none=True)
    elif kind == "integer":
        trait = traitlets.Int(None, allow_none=True, min=option.choices[0], max=option.choices[1])
    elif kind in ("text", "scheme"):
        trait = traitlets.Unicode(None, allow_none=True)
    elif kind == "flag":
        trait = traitlets.Bool(None, allow_none=True)
    elif kind == "choice":
        trait = traitlets.Enum(option.choices, None, allow_none=True)
    elif kind == "groups":
        trait = traitlets.List(None, allow_none=True)
    else:  # cell, scores
        trait = traitlets.Dict(default_value=None, allow_none=True)
    return trait.tag(sync=True)


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
        # One trait per option of the element's property schema (see options.OPTIONS); None: the element's default.
        locals().update({option.name: _trait(traitlets, option) for option in OPTIONS})
        selected_cell = traitlets.Dict(default_value=None, allow_none=True).tag(sync=True)

        def __init__(self, values: Any = (), rows: Any = None, columns: Any = None, **options: Any) -> None:
            super().__init__(values=values, rows=rows, columns=columns, **options)

        @traitlets.validate("values")
        def _check_values(self, proposal: Any) -> list[list[float | None]] | bytes | memoryview:
            return _widget_values(proposal["value"])

        @traitlets.validate("rows", "columns")
        def _check_labels(self, proposal: Any) -> list[str] | None:
            labels = plain(proposal["value"], proposal["trait"].name)
            if labels is not None and isinstance(labels, (str, bytes)):
                raise traitlets.TraitError(f"{proposal['trait'].name}: expected a list of labels, got one string")
            return None if labels is None else [label_text(label) or str(label) for label in labels]

    return TokenHeatmapWidget
