"""from_captum, from_inseq, from_shap and from_ecco against objects shaped exactly as those libraries
make them (field names and orientations as in their sources: captum/attr/_core/llm_attr.py,
inseq/data/attribution.py, shap/_explanation.py, ecco/output.py), with stand-ins for their tensors.
With NumPy installed, the same with real float16/float32 arrays."""

import json
import math
import sys
import unittest
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_token_heatmap import element  # noqa: E402
from token_heatmap import HeatmapInputError, from_captum, from_ecco, from_inseq, from_shap  # noqa: E402

try:
    import numpy
except ImportError:  # the helper needs no NumPy; these tests use it where it is installed
    numpy = None

BUNDLE = {"bundle_path": __file__}  # any file: these tests read attributes, not the bundle's code
HOSTILE = "<script>alert(1)</script>"
NAN = float("nan")


class Tensor:
    """What the importers may use of a torch tensor: detach(), cpu(), tolist() (CUDA refuses tolist)."""

    def __init__(self, data, device="cuda"):
        self.data, self.device = data, device

    def detach(self):
        return Tensor(self.data, self.device)

    def cpu(self):
        return Tensor(self.data, "cpu")

    def tolist(self):
        if self.device != "cpu":
            raise TypeError("can't convert cuda:0 device type tensor to numpy")
        return self.data


# ---- Captum: captum.attr._core.llm_attr.LLMAttributionResult ---------------------------------


class LLMAttributionResult:
    """As Captum 0.8 defines it: keyword-only, tensors behind properties (the dataclass fields are
    _seq_attr, _token_attr, _output_probs); token_attr is (n_output_tokens, n_input_tokens)."""

    def __init__(self, *, input_tokens, output_tokens, seq_attr, token_attr=None, output_probs=None):
        self.input_tokens = input_tokens
        self.output_tokens = output_tokens
        self._seq_attr = seq_attr
        self._token_attr = token_attr
        self._output_probs = output_probs

    @property
    def seq_attr(self):
        return self._seq_attr

    @property
    def token_attr(self):
        return self._token_attr

    @property
    def output_probs(self):
        return self._output_probs


class CaptumTest(unittest.TestCase):
    def test_token_attr_is_outputs_by_inputs_and_drawn_with_input_rows(self):
        result = LLMAttributionResult(
            input_tokens=["Dave", " lives", " in", HOSTILE],
            output_tokens=["Pal", "m", " Coast"],
            seq_attr=Tensor([0.5, -0.25, 0.0, 1.0]),
            token_attr=Tensor([[0.1, 0.2, 0.3, 0.4], [-0.1, NAN, -0.3, -0.4], [1.0, 2.0, 3.0, 4.0]]),
            output_probs=Tensor([0.9, 0.5, 0.25]),
        )
        figure = from_captum(result, caption="Captum", **BUNDLE)
        self.assertEqual(figure.shape, (4, 3))
        self.assertEqual(figure.row_labels, ["Dave", " lives", " in", HOSTILE])
        self.assertEqual(figure.column_labels, ["Pal", "m", " Coast"])
        self.assertEqual(figure.values[0], [0.1, -0.1, 1.0])  # input "Dave" for each output
        self.assertEqual(figure.values[1], [0.2, None, 2.0])  # NaN: a missing cell
        self.assertEqual(figure.options["step_scores"], {"probability": [0.9, 0.5, 0.25]})
        self.assertEqual(figure.options["label"], "Attribution")
        attrs = element(figure.html())
        self.assertEqual(json.loads(attrs["rows"])[3], HOSTILE)  # stays text
        self.assertEqual(json.loads(attrs["step-scores"]), {"probability": [0.9, 0.5, 0.25]})
        self.assertNotIn("<script>alert", figure.html().split("<script type=")[0])

    def test_without_token_attr_seq_attr_is_one_column(self):
        # Lime and KernelShap give only the sequence attribution.
        result = LLMAttributionResult(input_tokens=["a", "b"], output_tokens=["x", "y"], seq_attr=Tensor([0.5, -0.5]))
        figure = from_captum(result, **BUNDLE)
        self.assertEqual((figure.values, figure.column_labels), ([[0.5], [-0.5]], ["xy"]))
        self.assertEqual(figure.options["label"], "Sequence attribution")
        self.assertNotIn("step_scores", figure.options)

    def test_wrong_orientation_is_named(self):
        result = LLMAttributionResult(
            input_tokens=["a", "b", "c"], output_tokens=["x"], seq_attr=[0, 0, 0], token_attr=[[1], [2], [3]]
        )
        with self.assertRaisesRegex(HeatmapInputError, r"^token_attr: expected 1 outputs × 3 inputs \(Captum's orientation\), got 3 × 1$"):
            from_captum(result, **BUNDLE)

    def test_not_a_result(self):
        with self.assertRaisesRegex(HeatmapInputError, r"^from_captum: expected an object with \.input_tokens, got a dict$"):
            from_captum({"tokens": []}, **BUNDLE)


# ---- inseq: inseq.data.attribution ------------------------------------------------------------


@dataclass
class TokenWithId:
    token: str
    id: int

    def __str__(self):
        return self.token


@dataclass(eq=False, repr=False)
class GranularFeatureAttributionSequenceOutput:
    source: list
    target: list
    source_attributions: object = None
    target_attributions: object = None
    step_scores: dict = None
    sequence_scores: dict = None
    attr_pos_start: int = 0
    attr_pos_end: int = None
    _aggregator: object = "vnorm"


@dataclass(eq=False, repr=False)
class FeatureAttributionOutput:
    sequence_attributions: list
    step_attributions: list = None
    info: dict = field(default_factory=dict)


def tokens(*texts):
    return [TokenWithId(t, i) for i, t in enumerate(texts)]


class InseqTest(unittest.TestCase):
    def encoder_decoder(self):
        # Source × generated × hidden (2 dims here), target × generated × hidden with NaN ahead.
        source = tokens("▁Hello", "▁world", HOSTILE)
        target = tokens("<pad>", "▁Hallo", "▁Welt")
        source_attr = [[[3.0, 4.0], [0.0, 1.0]], [[1.0, 0.0], [6.0, 8.0]], [[0.0, 0.0], [1.0, 1.0]]]
        target_attr = [[[1.0, 0.0], [0.0, 2.0]], [[NAN, NAN], [2.0, 0.0]], [[NAN, NAN], [NAN, NAN]]]
        seq = GranularFeatureAttributionSequenceOutput(
            source=source,
            target=target,
            source_attributions=Tensor(source_attr),
            target_attributions=Tensor(target_attr),
            step_scores={"probability": Tensor([0.75, 0.5])},
            attr_pos_start=1,
            attr_pos_end=3,
        )
        return FeatureAttributionOutput([seq], info={"attribution_method": "integrated_gradients"})

    def test_source_and_target_rows_reduced_by_the_l2_norm(self):
        figure = from_inseq(self.encoder_decoder(), **BUNDLE)
        self.assertEqual(figure.row_labels, ["▁Hello", "▁world", HOSTILE, "<pad>", "▁Hallo", "▁Welt"])
        self.assertEqual(figure.column_labels, ["▁Hallo", "▁Welt"])
        self.assertEqual(figure.values[:2], [[5.0, 1.0], [1.0, 10.0]])
        self.assertEqual(figure.values[3:], [[1.0, 2.0], [None, 2.0], [None, None]])  # future: missing
        self.assertEqual(figure.options["label"], "integrated_gradients (L2 norm over 2 values per token)")
        self.assertEqual(figure.options["step_scores"], {"probability": [0.75, 0.5]})
        # The generated tokens end the rows: output k ("▁Hallo", "▁Welt") is row 6 − 2 + k, the text view's target.
        self.assertEqual(figure.options["target_rows"], 2)
        self.assertEqual(element(figure.html())["target-rows"], "2")
        # Norms are never negative: a sequential scheme from 0 to the largest.
        self.assertEqual((figure.options["scheme"], figure.options["min"], figure.options["max"]), ("Blues", 0.0, 10.0))
        self.assertEqual(json.loads(element(figure.html())["rows"])[2], HOSTILE)

    def test_the_callers_scale_wins(self):
        figure = from_inseq(self.encoder_decoder(), scheme="Viridis", label="Mine", **BUNDLE)
        self.assertEqual(figure.options["scheme"], "Viridis")
        self.assertNotIn("min", figure.options)
        self.assertEqual(figure.options["label"], "Mine")

    def test_decoder_only_uses_target_attributions_and_attention_means(self):
        target = tokens("The", " cat", " sat", " down")
        seq = GranularFeatureAttributionSequenceOutput(
            source=target[:2],
            target=target,
            target_attributions=[[[0.2, 0.4], [-1.0, 1.0]], [[0.6, 0.8], [0.0, 2.0]], [[NAN, NAN], [1.0, 3.0]], [[NAN, NAN], [NAN, NAN]]],
            attr_pos_start=2,
            _aggregator=["mean"],
        )
        figure = from_inseq(seq, **BUNDLE)  # a sequence output directly
        self.assertEqual(figure.row_labels, ["The", " cat", " sat", " down"])
        self.assertEqual(figure.column_labels, [" sat", " down"])
        self.assertEqual([[None if v is None else round(v, 9) for v in row] for row in figure.values],
                         [[0.3, 0.0], [0.7, 1.0], [None, 2.0], [None, None]])
        self.assertTrue(figure.options["label"].startswith("Attribution (mean over 2 values"))

    def test_already_aggregated_and_signed_keeps_the_diverging_scale(self):
        seq = GranularFeatureAttributionSequenceOutput(
            source=tokens("a", "b"), target=tokens("x"), source_attributions=[[0.5], [-0.5]], _aggregator=[]
        )
        figure = from_inseq(FeatureAttributionOutput([seq]), **BUNDLE)
        self.assertEqual(figure.values, [[0.5], [-0.5]])
        self.assertNotIn("scheme", figure.options)

    def test_bad_index_and_shapes(self):
        with self.assertRaisesRegex(HeatmapInputError, r"^from_inseq: index 3 is not one of the 1 sequences$"):
            from_inseq(self.encoder_decoder(), 3, **BUNDLE)
        out = self.encoder_decoder()
        out.sequence_attributions[0].step_scores = {"probability": [1, 2, 3]}
        with self.assertRaisesRegex(HeatmapInputError, r"^step_scores: 'probability' has 3 values for 2 generated tokens$"):
            from_inseq(out, **BUNDLE)


# ---- shap: shap.Explanation -------------------------------------------------------------------


class Explanation:
    def __init__(self, values, base_values=None, data=None, output_names=None):
        self.values, self.base_values, self.data, self.output_names = values, base_values, data, output_names


class ShapTest(unittest.TestCase):
    def test_inputs_by_outputs(self):
        explanation = Explanation(
            values=[[0.1, -0.2], [0.3, NAN], [-1.5, 2.0]],
            base_values=[0.0, 0.0],
            data=["I ", "love ", HOSTILE],
            output_names=["▁J", "'aime"],
        )
        figure = from_shap(explanation, **BUNDLE)
        self.assertEqual(figure.row_labels, ["I ", "love ", HOSTILE])
        self.assertEqual(figure.column_labels, ["▁J", "'aime"])
        self.assertEqual(figure.values, [[0.1, -0.2], [0.3, None], [-1.5, 2.0]])
        self.assertEqual(figure.options["label"], "SHAP value")

    def test_one_output_and_a_batch(self):
        single = from_shap(Explanation(values=[0.5, -0.5], data=["a", "b"], output_names="POSITIVE"), **BUNDLE)
        self.assertEqual((single.values, single.column_labels), ([[0.5], [-0.5]], ["POSITIVE"]))
        batch = Explanation(values=[[[1.0], [2.0]], [[3.0]]], data=[["a", "b"], ["c"]], output_names=[["x"], ["y"]])
        second = from_shap(batch, 1, **BUNDLE)
        self.assertEqual((second.row_labels, second.column_labels, second.values), (["c"], ["y"], [[3.0]]))


# ---- ecco: ecco.output.OutputSeq ------------------------------------------------------------


class OutputSeq:
    def __init__(self, token_ids=None, n_input_tokens=None, tokenizer=None, output_text=None, tokens=None, attribution=None, **rest):
        self.token_ids, self.n_input_tokens, self.tokenizer = token_ids, n_input_tokens, tokenizer
        self.output_text, self.tokens, self.attribution = output_text, tokens, attribution


class EccoTest(unittest.TestCase):
    def test_primary_attributions_with_future_positions_missing(self):
        output = OutputSeq(
            n_input_tokens=3,
            tokens=[["The", "Ġcat", HOSTILE, "Ġsat", "Ġdown"]],  # a batch dimension, as ecco keeps it
            attribution={
                "ig": [Tensor([0.5, 0.25, 0.25], "cpu"), Tensor([0.1, 0.2, 0.3, 0.4], "cpu")],
                "grad_x_input": [[0.2, 0.3, 0.5], [0.4, 0.3, 0.2, 0.1]],
            },
        )
        figure = from_ecco(output, **BUNDLE)  # grad_x_input: ecco's default
        self.assertEqual(figure.row_labels, ["The", "Ġcat", HOSTILE, "Ġsat"])
        self.assertEqual(figure.column_labels, ["Ġsat", "Ġdown"])
        self.assertEqual(figure.values, [[0.2, 0.4], [0.3, 0.3], [0.5, 0.2], [None, 0.1]])
        self.assertEqual((figure.options["scheme"], figure.options["min"], figure.options["max"]), ("Blues", 0.0, 0.5))
        self.assertEqual(from_ecco(output, "ig", **BUNDLE).values[3], [None, 0.4])
        with self.assertRaisesRegex(HeatmapInputError, r"^from_ecco: method the text 'lrp' not computed; computed: ig, grad_x_input$"):
            from_ecco(output, "lrp", **BUNDLE)


@unittest.skipIf(numpy is None, "NumPy is not installed")
class NumpyTest(unittest.TestCase):
    def test_float16_and_float32_arrays(self):
        result = LLMAttributionResult(
            input_tokens=["a", "b"],
            output_tokens=["x"],
            seq_attr=numpy.array([1, 2], dtype=numpy.float16),
            token_attr=numpy.array([[0.1, numpy.nan]], dtype=numpy.float16),
        )
        figure = from_captum(result, **BUNDLE)
        self.assertEqual(figure.values, [[float(numpy.float16(0.1))], [None]])
        explanation = Explanation(values=numpy.array([[0.25], [-0.5]], dtype=numpy.float32), data=numpy.array(["a", "b"], dtype=object), output_names=["y"])
        self.assertEqual(from_shap(explanation, **BUNDLE).values, [[0.25], [-0.5]])
        self.assertTrue(math.isclose(figure.values[0][0], 0.0999755859375))


if __name__ == "__main__":
    unittest.main()
