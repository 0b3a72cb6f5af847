"""``python3 python/token_heatmap data.json`` (this folder run as a script) or ``python3 -m token_heatmap``."""

import sys

if __package__ in (None, ""):
    # Run as `python3 python/token_heatmap`: the folder itself is on sys.path, not its parent.
    from pathlib import Path

    sys.path[0] = str(Path(__file__).resolve().parent.parent)
    from token_heatmap.cli import main
else:
    from .cli import main

sys.exit(main())
