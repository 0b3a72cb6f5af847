"""The command line: ``python3 python/token_heatmap data.json > figure.html`` (or ``python3 -m
token_heatmap`` with ``python/`` on the path). Every bad input gives one line on stderr and exit 1."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NoReturn

from .bundle import BUNDLE_ENV
from .data import HeatmapInputError
from .options import OPTIONS, spellings

PROG = "token_heatmap"
_DATA_KEYS = ("rows", "columns", "values")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other bad input (argparse prints the usage and exits 2).
        print(f"{PROG}: {message} (see --help)", file=sys.stderr)
        sys.exit(1)


def _parse_int(text: str) -> Any:
    # JSON integers beyond a float's range read as ±Infinity, as the browser reads them (and
    # Python's 4,300-digit limit on int() never applies).
    return int(text) if len(text) <= 300 else float(text)


def read_json(text: str, source: str) -> Any:
    """The JSON text of ``source``; NaN and Infinity allowed, as numpy users write them."""
    limit = sys.getrecursionlimit()
    try:
        # Python's parser recurses per level of nesting: room for a few thousand levels, so that
        # 1,000-deep values are read (and refused with their position) rather than unreadable.
        sys.setrecursionlimit(max(limit, 4000))
        return json.loads(text, parse_int=_parse_int)
    except RecursionError:
        raise HeatmapInputError(f"{source}: not valid JSON (nested too deeply)") from None
    except ValueError as error:
        raise HeatmapInputError(f"{source}: not valid JSON ({error})") from None
    finally:
        sys.setrecursionlimit(limit)


def arguments(data: Any, source: str) -> dict[str, Any]:
    """heatmap() keyword arguments from a JSON object; options in any of their spellings."""
    if not isinstance(data, dict) or "values" not in data:
        raise HeatmapInputError(f"{source}: expected a JSON object with at least a values key")
    names = {spelling: option.name for option in OPTIONS for spelling in spellings(option)}
    out: dict[str, Any] = {}
    unknown = []
    for key, value in data.items():
        name = key if key in _DATA_KEYS else names.get(key)
        if name is None:
            unknown.append(key)
        elif name in out:
            raise HeatmapInputError(f"{source}: {key!r} given twice (as {name})")
        else:
            out[name] = value
    if unknown:
        raise HeatmapInputError(f"{source}: unknown keys {', '.join(map(repr, sorted(unknown)))}")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    """Writes a standalone page (or, with ``--format svg``, the static figure) from JSON."""
    parser = _Parser(
        prog=PROG,
        description="Writes a standalone HTML page with a token-attribution heatmap (the self-contained "
        "bundle inlined, the static figure shown where scripts are blocked), or the static figure as SVG. "
        "The JSON has the keys rows, columns, values and optionally "
        + ", ".join(option.name for option in OPTIONS)
        + " (the shape of demo/seed-heatmap.json; attribute spellings such as column-label-orientation work too).",
    )
    parser.add_argument("data", help="JSON file, or - for standard input")
    parser.add_argument("--bundle", help=f"the bundle file (default: ${BUNDLE_ENV}, ../dist, node_modules)")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    parser.add_argument("--format", choices=("html", "svg"), help="html (default), or svg; -o x.svg implies svg")
    args = parser.parse_args(argv)
    from .output import build  # here, so that --help works even where the package cannot load the rest

    try:
        source = "standard input" if args.data == "-" else args.data
        raw = sys.stdin.buffer.read() if args.data == "-" else Path(args.data).read_bytes()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise HeatmapInputError(f"{source}: not UTF-8 text ({error.reason} at byte {error.start})") from None
        kind = args.format or ("svg" if args.output and args.output.lower().endswith(".svg") else "html")
        figure = build(**arguments(read_json(text, source), source), bundle_path=args.bundle, need_bundle=kind == "html")
        page = figure.svg if kind == "svg" else figure.document()
        if args.output:
            Path(args.output).write_text(page, encoding="utf-8")
        else:
            sys.stdout.buffer.write(page.encode("utf-8"))
            sys.stdout.flush()
    except (HeatmapInputError, OSError) as error:
        print(f"{PROG}: {_line(error)}", file=sys.stderr)
        return 1
    except RecursionError:
        print(f"{PROG}: the input is nested too deeply", file=sys.stderr)
        return 1
    except Exception as error:  # a bug: still one line, and a way to report it
        print(f"{PROG}: internal error, please report: {type(error).__name__}: {_line(error)}", file=sys.stderr)
        return 1
    return 0


def _line(error: BaseException) -> str:
    return " ".join(str(error).split())
