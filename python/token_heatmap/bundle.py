"""Finding the built JavaScript: the self-contained bundle (every feature in one file) and the anywidget front end."""

from __future__ import annotations

import os
import re
from pathlib import Path

#: Environment variable naming the bundle file (``dist/token-heatmap.full.js``).
BUNDLE_ENV = "TOKEN_HEATMAP_BUNDLE"
#: Environment variable naming the anywidget module (``dist/anywidget.js``).
ANYWIDGET_ENV = "TOKEN_HEATMAP_ANYWIDGET"

#: The ``python/`` folder that holds this package (a checkout, or node_modules/token-heatmap/python).
HERE = Path(__file__).resolve().parent.parent


def _candidates(name: str) -> list[Path]:
    """Where a built file is looked for after the argument and the environment variable."""
    return [
        HERE.parent / "dist" / name,  # a checkout, or node_modules/token-heatmap/python/
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
    """The self-contained bundle ``token-heatmap.full.js``: every feature in one file, as inlined
    code needs (the CDN's ``token-heatmap.bundle.js`` loads its features from files beside it).

    Looked for in order: ``bundle_path``; ``$TOKEN_HEATMAP_BUNDLE``;
    ``../dist/token-heatmap.full.js`` next to the ``python/`` folder; and
    ``node_modules/token-heatmap/dist/token-heatmap.full.js`` under the current directory.

    Raises:
        FileNotFoundError: naming every place looked at, or the given path that is not a file.
    """
    return _find("token-heatmap.full.js", bundle_path, "bundle_path=", BUNDLE_ENV)


def find_anywidget_module(esm_path: str | os.PathLike | None = None) -> Path:
    """The anywidget front end ``dist/anywidget.js``, found like :func:`find_bundle`
    (``esm_path``, ``$TOKEN_HEATMAP_ANYWIDGET``, ``../dist``, ``node_modules``)."""
    return _find("anywidget.js", esm_path, "esm_path=", ANYWIDGET_ENV)


_bundles: dict[Path, tuple[int, str]] = {}


def script_text(path: Path) -> str:
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
