"""Token-attribution heatmaps in Jupyter and VS Code notebooks, offline, standard library only.

    from token_heatmap import heatmap
    heatmap(scores, rows=tokens, columns=outputs, min=-1.5, max=1.5, caption="Attribution")

``heatmap()`` returns a :class:`Heatmap`: notebooks show the ``<token-heatmap>`` element with its
bundle inlined (no CDN, no network) and, wherever scripts are blocked (an untrusted notebook, a
sanitising viewer), the same figure as a static SVG image. ``save("x.html")`` or ``save("x.svg")``
writes a file. NumPy arrays, torch tensors and anything with ``.tolist()`` are read by duck typing;
``from_captum``, ``from_inseq``, ``from_shap`` and ``from_ecco`` read those libraries' results.

Command line, with the JSON shape of ``demo/seed-heatmap.json``::

    python3 python/token_heatmap data.json > figure.html
    python3 python/token_heatmap data.json -o figure.svg
"""

from __future__ import annotations

from typing import Any

from .bundle import ANYWIDGET_ENV, BUNDLE_ENV, find_anywidget_module, find_bundle
from .cli import main
from .data import HeatmapInputError
from .importers import from_captum, from_ecco, from_inseq, from_shap
from .options import OPTIONS
from .output import Heatmap, heatmap

# TokenHeatmapWidget is importable too, but not listed: `import *` must not need anywidget.
__all__ = [
    "heatmap",
    "Heatmap",
    "HeatmapInputError",
    "from_captum",
    "from_inseq",
    "from_shap",
    "from_ecco",
    "find_bundle",
    "find_anywidget_module",
    "OPTIONS",
    "BUNDLE_ENV",
    "ANYWIDGET_ENV",
    "main",
]


def _widget_class() -> type:
    from .widget import _widget_class as make

    return make()


def __getattr__(name: str) -> Any:
    # `from token_heatmap import TokenHeatmapWidget` imports anywidget then, and only then.
    if name == "TokenHeatmapWidget":
        cls = globals()[name] = _widget_class()
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
