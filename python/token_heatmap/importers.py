"""Heatmaps from the result objects of Captum, inseq, shap and ecco.

Nothing here imports those libraries (or torch): the objects are read by their attribute names, as
their sources define them, and their arrays by duck typing (NumPy arrays, torch tensors through
``.detach().cpu().tolist()``, nested lists). Tokens are kept exactly as the tokenizer split them
(``Ġthe``, ``▁the``, ``<s>``); the element shows markers as glyphs and grouping is its job.
Every importer takes the options of :func:`heatmap` and returns the same :class:`Heatmap`.
"""

from __future__ import annotations

import math
from typing import Any

from .data import HeatmapInputError, describe, label_text, number, plain
from .output import Heatmap, heatmap

#: The scheme for attributions that are never negative (norms, normalised saliency).
UNSIGNED_SCHEME = "Blues"

_MISSING = object()


def _field(obj: Any, name: str, importer: str, default: Any = _MISSING) -> Any:
    """``obj.name`` (or ``obj[name]`` for a dict), or a one-line error naming what is missing."""
    try:
        if isinstance(obj, dict):
            if name in obj:
                return obj[name]
        elif hasattr(obj, name):
            return getattr(obj, name)
    except Exception as error:  # a property that raises
        raise HeatmapInputError(f"{importer}: reading .{name} failed ({type(error).__name__}: {error})") from None
    if default is not _MISSING:
        return default
    raise HeatmapInputError(f"{importer}: expected an object with .{name}, got {describe(obj)}")


def _tokens(items: Any, what: str) -> list[str]:
    """Token texts: strings as they are, inseq's TokenWithId by ``.token``, numbers as text."""
    items = plain(items, what)
    if isinstance(items, (str, bytes)) or not hasattr(items, "__iter__"):
        raise HeatmapInputError(f"{what}: expected a list of tokens, got {describe(items)}")
    out = []
    try:
        for i, item in enumerate(items):
            token = getattr(item, "token", item) if not isinstance(item, str) else item
            text = label_text(token)
            if text is None:
                raise HeatmapInputError(f"{what}: {what}[{i}] is {describe(item)}, not a token")
            out.append(text)
    except HeatmapInputError:
        raise
    except Exception as error:  # an iterator or a .token property that raises
        raise HeatmapInputError(f"{what}: reading the tokens failed ({type(error).__name__}: {error})") from None
    return out


def _flat_numbers(cell: Any) -> list[float]:
    """Every number in a nested cell (extra attribution dimensions), NaN for missing ones."""
    stack, out = [cell], []
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(reversed(item))
            continue
        n = number(item) if item is not None else math.nan
        out.append(math.nan if n is None else n)
    return out


def _reduce(matrix: Any, what: str, reduction: str) -> tuple[list[list[float | None]], tuple[int, ...]]:
    """A 2-D matrix from one with extra trailing dimensions: each cell's values reduced by the L2
    norm ("vnorm") or the mean ("mean"). Returns the matrix and the extra dimensions' sizes."""
    matrix = plain(matrix, what)
    if not isinstance(matrix, list) or not all(isinstance(row, list) for row in matrix):
        raise HeatmapInputError(f"{what}: expected a 2-D or larger array, got {describe(matrix)}")
    extra: tuple[int, ...] = ()
    probe = matrix[0][0] if matrix and matrix[0] else None
    while isinstance(probe, list):
        extra += (len(probe),)
        probe = probe[0] if probe else None
    if not extra:
        return matrix, extra
    out = []
    for row in matrix:
        cells = []
        for cell in row:
            values = _flat_numbers(cell)
            if not values or any(math.isnan(v) for v in values):
                cells.append(None)  # NaN anywhere: torch's norm and mean are NaN, shown missing
            elif reduction == "mean":
                cells.append(sum(values) / len(values))  # inf - inf is NaN, as in torch
            else:
                cells.append(math.hypot(*values))  # the L2 norm, without overflow in the squares
        out.append(cells)
    return out, extra


def _transposed(matrix: list[list[Any]]) -> list[list[Any]]:
    width = len(matrix[0]) if matrix else 0
    if any(len(row) != width for row in matrix):
        raise HeatmapInputError("values: rows of different lengths")
    return [[row[c] for row in matrix] for c in range(width)]


def _unsigned_defaults(values: list[list[Any]], options: dict[str, Any]) -> dict[str, Any]:
    """A sequential scheme from 0 to the largest value, unless the caller chose the scale."""
    if any(options.get(name) is not None for name in ("scheme", "min", "max", "center")):
        return options
    finite = [n for row in values for v in row if v is not None and (n := number(v)) is not None and math.isfinite(n)]
    top = max(finite, default=0.0)
    return {"scheme": UNSIGNED_SCHEME, "min": 0.0, "max": top if top > 0 else 1.0, **options}


def _all_non_negative(values: list[list[Any]]) -> bool:
    finite = [n for row in values for v in row if v is not None and (n := number(v)) is not None and not math.isnan(n)]
    return bool(finite) and all(n >= 0 for n in finite)


def _step_scores(scores: Any, columns: int, what: str) -> dict[str, list[Any]] | None:
    if scores is None:
        return None
    if not isinstance(scores, dict):
        raise HeatmapInputError(f"{what}: expected a dict of step scores, got {describe(scores)}")
    out = {}
    for name, series in scores.items():
        series = plain(series, f"{what}[{name!r}]")
        if not isinstance(series, list) or any(isinstance(v, list) for v in series):
            raise HeatmapInputError(f"{what}: {name!r} is not one number per generated token")
        if len(series) != columns:
            raise HeatmapInputError(f"{what}: {name!r} has {len(series)} values for {columns} generated tokens")
        out[str(name)] = series
    return out or None


# ---- Captum -----------------------------------------------------------------------------------


def from_captum(result: Any, **options: Any) -> Heatmap:
    """Captum's ``LLMAttributionResult`` (``captum.attr.LLMAttribution`` and
    ``LLMGradientAttribution``): rows are ``input_tokens``, columns ``output_tokens``.

    ``token_attr`` is outputs × inputs in Captum and drawn transposed (rows = input tokens). When it
    is None (Lime, KernelShap), ``seq_attr`` is drawn as one column for the whole output.
    ``output_probs``, when present, become the ``probability`` step scores.

    Example::

        result = llm_attr.attribute(inp, target=target)
        from_captum(result, caption="Feature ablation")
    """
    importer = "from_captum"
    inputs = _tokens(_field(result, "input_tokens", importer), "input_tokens")
    outputs = _tokens(_field(result, "output_tokens", importer), "output_tokens")
    token_attr = _field(result, "token_attr", importer, None)
    given = dict(options)
    if token_attr is not None:
        matrix = plain(token_attr, "token_attr")
        if not isinstance(matrix, list) or not all(isinstance(row, list) for row in matrix):
            raise HeatmapInputError(f"token_attr: expected outputs × inputs, got {describe(matrix)}")
        if len(matrix) != len(outputs) or any(len(row) != len(inputs) for row in matrix):
            raise HeatmapInputError(
                f"token_attr: expected {len(outputs)} outputs × {len(inputs)} inputs (Captum's orientation), "
                f"got {len(matrix)} × {len(matrix[0]) if matrix else 0}"
            )
        values = _transposed(matrix)
        columns = outputs
        probabilities = _field(result, "output_probs", importer, None)
        if probabilities is not None and given.get("step_scores") is None:
            given["step_scores"] = _step_scores({"probability": probabilities}, len(outputs), "output_probs")
        given.setdefault("label", "Attribution")
    else:
        seq = plain(_field(result, "seq_attr", importer), "seq_attr")
        if not isinstance(seq, list) or any(isinstance(v, list) for v in seq) or len(seq) != len(inputs):
            raise HeatmapInputError(f"seq_attr: expected one value per input token ({len(inputs)}), got {describe(seq)}")
        values = [[v] for v in seq]
        columns = ["".join(outputs)] if outputs else ["output"]
        given.setdefault("label", "Sequence attribution")
    return heatmap(values, rows=inputs, columns=columns, **given)


# ---- inseq ------------------------------------------------------------------------------------


def from_inseq(output: Any, index: int = 0, **options: Any) -> Heatmap:
    """inseq's ``FeatureAttributionOutput`` (``model.attribute(...)``), sequence ``index``, or one
    ``FeatureAttributionSequenceOutput``.

    Rows are the ``source`` tokens (``source_attributions``, source × target) followed by the
    ``target`` tokens (``target_attributions``, whose future positions are NaN and shown missing);
    decoder-only models have only the latter. Columns are the generated tokens,
    ``target[attr_pos_start:attr_pos_end]``. Extra dimensions (one score per embedding dimension,
    layer or head) are reduced as inseq does by default: the L2 norm for granular methods such as
    gradients, the mean for attention (its ``_aggregator``), said in the label. Norms are never
    negative: they get a sequential scheme from 0. ``step_scores`` (probability, entropy, …) are
    carried through as step scores.

    Example::

        out = model.attribute("Hello world", attribute_target=True, step_scores=["probability"])
        from_inseq(out, caption="Integrated gradients")
    """
    importer = "from_inseq"
    sequences = _field(output, "sequence_attributions", importer, None)
    if sequences is not None:
        try:
            seq = sequences[index]
        except (IndexError, TypeError, KeyError):
            raise HeatmapInputError(f"{importer}: index {describe(index)} is not one of the {len(sequences)} sequences") from None
    else:
        seq = output
    target = _tokens(_field(seq, "target", importer), "target")
    source_tokens = _field(seq, "source", importer, None)
    source_attr = _field(seq, "source_attributions", importer, None)
    target_attr = _field(seq, "target_attributions", importer, None)
    if source_attr is None and target_attr is None:
        raise HeatmapInputError(f"{importer}: the sequence has neither source_attributions nor target_attributions")
    aggregator = _field(seq, "_aggregator", importer, "vnorm")
    reduction = "mean" if isinstance(aggregator, (list, tuple)) and aggregator and all(a == "mean" for a in aggregator) else "vnorm"

    rows: list[str] = []
    values: list[list[float | None]] = []
    extra: tuple[int, ...] = ()
    if source_attr is not None:
        matrix, extra = _reduce(source_attr, "source_attributions", reduction)
        source = _tokens(source_tokens, "source") if source_tokens is not None else [f"#{i}" for i in range(len(matrix))]
        if len(matrix) != len(source):
            raise HeatmapInputError(f"source_attributions: {len(matrix)} rows for {len(source)} source tokens")
        rows += source
        values += matrix
    if target_attr is not None:
        matrix, target_extra = _reduce(target_attr, "target_attributions", reduction)
        extra = extra or target_extra
        if len(matrix) != len(target):
            raise HeatmapInputError(f"target_attributions: {len(matrix)} rows for {len(target)} target tokens")
        rows += target
        values += matrix
    width = len(values[0]) if values else 0
    if any(len(row) != width for row in values):
        raise HeatmapInputError("source_attributions and target_attributions: not the same number of generated tokens")
    start = _field(seq, "attr_pos_start", importer, 0) or 0
    if not isinstance(start, int) or isinstance(start, bool):
        raise HeatmapInputError(f"attr_pos_start: {describe(start)} is not a position")
    columns = target[start : start + width]
    if len(columns) != width:
        raise HeatmapInputError(f"{importer}: {width} generated tokens in the attributions, {len(columns)} in target[{start}:]")

    given = dict(options)
    # Target attributions end with the generated tokens: output k is target[start + k], the text view's target.
    if target_attr is not None and 0 < len(target) - start <= len(rows):
        given.setdefault("target_rows", len(target) - start)
    steps = _step_scores(_field(seq, "step_scores", importer, None), width, "step_scores")
    if steps and given.get("step_scores") is None:
        given["step_scores"] = steps
    method = None
    info = _field(output, "info", importer, None)
    if isinstance(info, dict):
        method = info.get("attribution_method")
    if extra:
        size = " × ".join(map(str, extra))
        how = "L2 norm" if reduction == "vnorm" else "mean"
        given.setdefault("label", f"{method or 'Attribution'} ({how} over {size} values per token)")
    else:
        given.setdefault("label", str(method or "Attribution"))
    if (extra and reduction == "vnorm") or _all_non_negative(values):
        given = _unsigned_defaults(values, given)
    return heatmap(values, rows=rows, columns=columns, **given)


# ---- shap -------------------------------------------------------------------------------------


def from_shap(explanation: Any, index: int = 0, **options: Any) -> Heatmap:
    """shap's ``Explanation`` for text (``shap.Explainer(model, tokenizer)(texts)``): ``values`` is
    input tokens × outputs (a single output: one value per token), ``data`` the input tokens,
    ``output_names`` the outputs (for text generation, the generated tokens). For an explanation
    of several texts, ``index`` picks one (``explanation[index]`` does the same).

    Example::

        shap_values = explainer(["I love this movie"])
        from_shap(shap_values[0], caption="SHAP")
    """
    importer = "from_shap"
    values = plain(_field(explanation, "values", importer), "values")
    data = plain(_field(explanation, "data", importer), "data")
    names = plain(_field(explanation, "output_names", importer, None), "output_names")
    # Several texts: data (and values) hold one array per text.
    batch = isinstance(data, list) and bool(data) and not isinstance(data[0], str) and isinstance(plain(data[0], "data[0]"), (list, tuple))
    if batch:
        try:
            data = plain(data[index], "data")
            values = plain(values[index], "values")
        except (IndexError, TypeError):
            raise HeatmapInputError(f"{importer}: index {describe(index)} is not one of the {len(data)} explanations") from None
        if isinstance(names, list) and names and isinstance(names[0], list):
            names = names[index]
    tokens = _tokens(data, "data")
    if isinstance(values, list) and values and not isinstance(values[0], list):
        values = [[v] for v in values]  # one output
        columns = [names] if isinstance(names, str) else _tokens(names, "output_names")[:1] if names else None
    else:
        columns = None if names is None else ([names] if isinstance(names, str) else _tokens(names, "output_names"))
    given = dict(options)
    given.setdefault("label", "SHAP value")
    return heatmap(values, rows=tokens, columns=columns, **given)


# ---- ecco -------------------------------------------------------------------------------------


def from_ecco(output: Any, method: str | None = None, **options: Any) -> Heatmap:
    """ecco's ``OutputSeq`` (``lm.generate(text, generate=n, attribution=[...])``): primary
    attributions ``attribution[method]``, one array per generated token over the tokens before it.

    Rows are ``tokens`` up to the last position attributed, columns the generated tokens
    (``tokens[n_input_tokens:]``); positions after a generated token are missing. ecco's scores
    are L2 norms normalised to sum to 1, never negative: a sequential scheme from 0 by default.
    ``method`` defaults to ``grad_x_input`` (ecco's default), else the first one computed.

    Example::

        output = lm.generate(text, generate=5, attribution=["ig"])
        from_ecco(output, "ig", caption="Integrated gradients")
    """
    importer = "from_ecco"
    tokens = plain(_field(output, "tokens", importer), "tokens")
    if isinstance(tokens, list) and tokens and isinstance(tokens[0], list):
        tokens = tokens[0]  # ecco keeps a batch dimension
    tokens = _tokens(tokens, "tokens")
    n_input = _field(output, "n_input_tokens", importer)
    if not isinstance(n_input, int) or isinstance(n_input, bool) or not 0 <= n_input <= len(tokens):
        raise HeatmapInputError(f"n_input_tokens: {describe(n_input)} is not a position in the {len(tokens)} tokens")
    attribution = _field(output, "attribution", importer)
    if not isinstance(attribution, dict) or not attribution:
        raise HeatmapInputError(f"attribution: expected {{method: [one array per generated token]}}, got {describe(attribution)}")
    if method is None:
        method = "grad_x_input" if "grad_x_input" in attribution else next(iter(attribution))
    if method not in attribution:
        raise HeatmapInputError(f"{importer}: method {describe(method)} not computed; computed: {', '.join(map(str, attribution))}")
    steps = [plain(step, f"attribution[{method!r}][{j}]") for j, step in enumerate(plain(attribution[method], "attribution"))]
    for j, step in enumerate(steps):
        if not isinstance(step, list) or any(isinstance(v, list) for v in step):
            raise HeatmapInputError(f"attribution[{method!r}][{j}]: expected one value per token, got {describe(step)}")
    columns = tokens[n_input : n_input + len(steps)]
    if len(columns) != len(steps):
        raise HeatmapInputError(f"attribution[{method!r}]: {len(steps)} generated tokens, {len(columns)} in tokens[{n_input}:]")
    height = max((len(step) for step in steps), default=0)
    if height > len(tokens):
        raise HeatmapInputError(f"attribution[{method!r}]: {height} positions for {len(tokens)} tokens")
    values = [[step[i] if i < len(step) else None for step in steps] for i in range(height)]
    given = dict(options)
    given.setdefault("label", f"{method} (ecco primary attribution)")
    return heatmap(values, rows=tokens[:height], columns=columns, **_unsigned_defaults(values, given))
