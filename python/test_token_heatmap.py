"""Unit tests of the token_heatmap package (standard library only):

    python3 -m unittest discover -s python

test/node/notebook.test.mjs runs them too, and checks in real browsers what the HTML draws;
test/node/jupyter.test.mjs opens it in Debian's real Jupyter Notebook.
"""

import base64
import contextlib
import io
import json
import math
import os
import sys
import tempfile
import types
import unittest
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import token_heatmap  # noqa: E402
from token_heatmap import HeatmapInputError, heatmap  # noqa: E402
from token_heatmap import bundle as bundle_module  # noqa: E402
from token_heatmap.cli import main  # noqa: E402
from token_heatmap.options import OPTIONS  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = json.loads((ROOT / "demo" / "seed-heatmap.json").read_text())


class _Tags(HTMLParser):
    """The attributes of each start tag and the text of each script, as a browser parses them."""

    def __init__(self):
        super().__init__()
        self.tags, self.scripts, self._in_script = [], [], False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def parse(text):
    parser = _Tags()
    parser.feed(str(text))
    return parser


def element(text):
    return next(attrs for tag, attrs in parse(text).tags if tag == "token-heatmap")


def static_svg(text):
    """The SVG document inside the static <img> of an output."""
    src = next(attrs for tag, attrs in parse(text).tags if tag == "img")["src"]
    prefix = "data:image/svg+xml;base64,"
    assert src.startswith(prefix), src[:40]
    return base64.b64decode(src[len(prefix):]).decode("utf-8")


@contextmanager
def fake_bundle(code):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bundle.js"
        path.write_text(code, encoding="utf-8")
        yield path


class WithBundle(unittest.TestCase):
    def setUp(self):
        self.bundle = fake_bundle("/* bundle */")
        self.path = self.bundle.__enter__()

    def tearDown(self):
        self.bundle.__exit__(None, None, None)

    def draw(self, values, **options):
        return heatmap(values, bundle_path=self.path, **options)


class ValuesTest(WithBundle):
    def test_missing_signed_zero_and_infinite_values_reach_the_element(self):
        attrs = element(self.draw([[float("nan"), -0.0, 0.0], [float("inf"), float("-inf"), None]]))
        self.assertEqual(attrs["values"], "[[null,-0,0],[1e999,-1e999,null]]")

    def test_reference_values_round_trip_exactly(self):
        attrs = element(self.draw(**SEED))
        self.assertEqual(json.loads(attrs["values"]), SEED["values"])
        self.assertEqual(json.loads(attrs["rows"]), SEED["rows"])
        self.assertEqual(attrs["min"], "-1.5")
        self.assertEqual(attrs["caption"], SEED["caption"])

    def test_integers_beyond_a_float_are_infinite_as_in_the_browser(self):
        figure = self.draw([[10**400, -(10**400), 3]])
        self.assertEqual(element(figure)["values"], "[[1e999,-1e999,3.0]]")
        self.assertIn(">∞</text>", figure.svg)

    def test_booleans_are_not_numbers(self):
        # The element shows a boolean as a missing cell with a message; the helper refuses it.
        with self.assertRaisesRegex(HeatmapInputError, r"^values: values\[0\]\[1\] is boolean True, not a number or None$"):
            self.draw([[1, True]])

    def test_tolist_objects_and_rows_of_arrays(self):
        class Array:
            def __init__(self, data):
                self.data = data

            def tolist(self):
                return self.data

        attrs = element(self.draw(Array([[1, 2], [3, -0.0]]), rows=Array(["x", "y"])))
        self.assertEqual(attrs["values"], "[[1.0,2.0],[3.0,-0]]")
        self.assertEqual(json.loads(attrs["rows"]), ["x", "y"])

    def test_torch_like_tensors_are_detached_and_moved_to_the_cpu(self):
        calls = []

        class Tensor:
            def __init__(self, data, where="cuda"):
                self.data, self.where = data, where

            def detach(self):
                calls.append("detach")
                return Tensor(self.data, self.where)

            def cpu(self):
                calls.append("cpu")
                return Tensor(self.data, "cpu")

            def tolist(self):
                if self.where != "cpu":
                    raise RuntimeError("can't convert cuda tensor")
                return self.data

        self.assertEqual(element(self.draw(Tensor([[0.25]])))["values"], "[[0.25]]")
        self.assertEqual(calls, ["detach", "cpu"])

    def test_shape_and_type_errors_name_the_problem(self):
        for call, message in [
            (lambda: self.draw([[1, 2], [3]]), r"values\[1\] has 1 entries but values\[0\] has 2"),
            (lambda: self.draw([1.0, 2.0]), r"values\[0\] is 1.0, not a row"),
            (lambda: self.draw([[1, "2"]]), r"values\[0\]\[1\] is the text '2'"),
            (lambda: self.draw([[1], [2]], rows=["a", "b", "c"]), "rows: 3 labels for 2 rows"),
            (lambda: self.draw([[1]], columns="a"), "columns: expected a list of labels"),
            (lambda: self.draw([[1]], rows=[None]), r"rows: rows\[0\] is None, not text"),
            (lambda: self.draw("text"), "values: expected a 2-D array"),
        ]:
            with self.subTest(message=message), self.assertRaisesRegex(HeatmapInputError, message) as caught:
                call()
            self.assertNotIn("\n", str(caught.exception))
            # Code that caught the old ValueError/TypeError still does.
            self.assertIsInstance(caught.exception, ValueError)
            self.assertIsInstance(caught.exception, TypeError)

    def test_a_tolist_that_raises_is_one_line(self):
        class Broken:
            def tolist(self):
                raise ZeroDivisionError("boom")

        with self.assertRaisesRegex(HeatmapInputError, r"^values: reading it with \.tolist\(\) failed \(ZeroDivisionError: boom\)$"):
            self.draw(Broken())

    def test_nesting_a_thousand_deep_is_one_line(self):
        deep = []
        for _ in range(1000):
            deep = [deep]
        with self.assertRaisesRegex(HeatmapInputError, r"values\[0\]\[0\] is a list, not a number"):
            self.draw(deep)
        with self.assertRaisesRegex(HeatmapInputError, r"rows\[0\] is a list, not text"):
            self.draw([[1]], rows=[deep])
        with self.assertRaisesRegex(HeatmapInputError, "^caption: expected text, got a list$"):
            self.draw([[1]], caption=deep)

    def test_numbers_and_booleans_as_labels_read_as_the_element_prints_them(self):
        attrs = element(self.draw([[1, 2, 3, 4]], columns=[1.0, 2.5, True, 7]))
        self.assertEqual(json.loads(attrs["columns"]), ["1", "2.5", "true", "7"])


class OptionsTest(WithBundle):
    def test_the_table_lists_every_option_of_the_element_schema(self):
        from token_heatmap._properties import PROPERTIES

        expected = [(p["trait"], p["attribute"]) for p in PROPERTIES if p["kind"] not in ("labels", "values", "function")]
        self.assertEqual([(o.name, o.attribute) for o in OPTIONS], expected)
        self.assertIn(("step_scores", "step-scores"), expected)
        self.assertIn(("target_rows", "target-rows"), expected)
        self.assertIn(("compare_mode", "compare-mode"), expected)
        self.assertIn(("group_rows", "group-rows"), expected)
        self.assertIn(("normalization", "normalize"), expected)
        self.assertEqual(token_heatmap.options.BY_NAME["column_label_orientation"].property, "columnLabelOrientation")

    def test_options_become_attributes(self):
        attrs = element(
            self.draw(
                [[1, 2]],
                center=0.5,
                scheme="rdbu",
                decimals=2,
                transpose=True,
                theme="dark",
                selected=(0, 1),
                crosshair="band",
                column_label_orientation="vertical",
                step_scores={"probability": [0.5, None]},
            )
        )
        self.assertEqual(attrs["center"], "0.5")
        self.assertEqual(attrs["scheme"], "RdBu")  # the element's spelling
        self.assertEqual(attrs["decimals"], "2")
        self.assertIn("transpose", attrs)
        self.assertEqual(attrs["theme"], "dark")
        self.assertEqual(json.loads(attrs["selected"]), {"rowIndex": 0, "columnIndex": 1})
        self.assertEqual(attrs["column-label-orientation"], "vertical")
        self.assertEqual(json.loads(attrs["step-scores"]), {"probability": [0.5, None]})
        self.assertNotIn("transpose", element(self.draw([[1]])))

    def test_zoom_is_auto_fit_or_a_level(self):
        self.assertEqual(element(self.draw([[1]], zoom="fit"))["zoom"], "fit")
        self.assertEqual(element(self.draw([[1]], zoom=0.25))["zoom"], "0.25")
        for bad in ("huge", 0, -1, True, math.inf):
            with self.assertRaisesRegex(HeatmapInputError, '^zoom: .* is not "auto", "fit" or a number above 0'):
                self.draw([[1]], zoom=bad)

    def test_the_element_rules_with_its_wording(self):
        for options, message in [
            ({"decimals": 21}, "^decimals: 21 is not a whole number from 0 to 20$"),
            ({"decimals": True}, "^decimals: boolean True is not a whole number from 0 to 20$"),
            ({"theme": "blue"}, "^theme: the text 'blue' is not one of 'light', 'dark'$"),
            ({"crosshair": "row"}, "^crosshair: the text 'row' is not one of 'labels', 'band'$"),
            ({"column_label_orientation": "diagonal"}, "^column_label_orientation: "),
            ({"min": float("nan")}, "^min: nan is not a finite number$"),
            ({"max": True}, "^max: boolean True is not a finite number$"),
            ({"min": 1, "max": 1}, r"^min \(1\) must be less than max \(1\)$"),
            ({"min": 2, "max": -1.5}, r"^min \(2\) must be less than max \(-1.5\)$"),
            # A single end is mirrored about the centre, as the element does.
            ({"min": 1}, r"^min \(1\) must be less than max \(-1\)$"),
            ({"max": 0.5, "center": 1}, r"^min \(1.5\) must be less than max \(0.5\)$"),
            ({"selected": (1, 0)}, r'^selected: \(1, 0\) is not \(row, column\) or \{"rowIndex": r, "columnIndex": c\} inside the 1×2 values$'),
            ({"selected": (True, 0)}, "^selected: "),
            ({"scheme": "rainbows"}, "^scheme: unknown scheme the text 'rainbows'; expected one of BrBG, "),
            ({"transpose": "yes"}, "^transpose: expected True or False, got the text 'yes'$"),
            ({"step_scores": {"p": [1]}}, "^step_scores: 'p' has 1 values for 2 columns$"),
            ({"step_scores": [1, 2]}, r"^step_scores: expected \{name: one number per column\}"),
            ({"colour": "red"}, "^heatmap: unknown option 'colour'; options are min, max, "),
        ]:
            with self.subTest(options=options), self.assertRaisesRegex(HeatmapInputError, message):
                self.draw([[1, 2]], **options)

    def test_whole_floats_are_whole_numbers(self):
        self.assertEqual(element(self.draw([[1]], decimals=2.0))["decimals"], "2")


class OutputTest(WithBundle):
    def test_every_output_of_one_object_has_its_own_id(self):
        figure = self.draw([[1]])
        ids = {element(figure.html())["id"], element(str(figure))["id"], element(figure._repr_html_())["id"]}
        ids.add(element(figure._repr_mimebundle_()["text/html"])["id"])
        self.assertEqual(len(ids), 4)
        both = figure + figure
        self.assertEqual(len({attrs["id"] for tag, attrs in parse(both).tags if tag == "token-heatmap"}), 2)
        self.assertTrue(all(i.startswith("token-heatmap-") for i in ids))

    def test_the_static_image_is_removed_by_the_elements_own_script(self):
        figure = self.draw([[1, -1]], caption="Two")
        text = figure.html()
        tags = parse(text).tags
        self.assertEqual([t for t, _ in tags], ["div", "img", "token-heatmap", "p", "small", "code", "code", "script"])
        img, live = tags[1][1], tags[2][1]
        self.assertEqual(img["id"], live["id"] + "-static")
        self.assertEqual(live["style"], "display:none")
        script = parse(text).scripts[0]
        self.assertTrue(script.startswith("\n/* bundle */\n"))
        self.assertIn(f"document.querySelectorAll('token-heatmap[id=\"{live['id']}\"]')", script)
        self.assertIn(f'image.id==="{live["id"]}-static")image.remove()', script)
        self.assertIn('live.style.removeProperty("display")', script)
        self.assertTrue(img["alt"].startswith("Two. 1 tokens × 2 outputs; largest 1.0000 at '#0' × '#0'"))
        # Caption 25, header 21, one row 28, the bottom tick's overhang 7, padding 8 + 8.
        self.assertEqual((img["width"], img["height"]), (str(round(figure.figure().width)), "97"))

    def test_the_image_is_the_svg(self):
        figure = self.draw(**SEED)
        svg = static_svg(figure.html())
        self.assertEqual(svg, figure.svg)
        self.assertEqual(ET.fromstring(svg).tag, "{http://www.w3.org/2000/svg}svg")

    def test_attributes_escape_markup_and_quotes(self):
        rows = ["</script><script>alert(1)</script>", "it's \"quoted\" & <b>"]
        text = self.draw([[1], [2]], rows=rows, columns=["a'b"], caption="<img src=x onerror=alert(1)>", label="a'b\"c").html()
        attrs = element(text)
        self.assertEqual(json.loads(attrs["rows"]), rows)
        self.assertEqual(json.loads(attrs["columns"]), ["a'b"])
        self.assertEqual(attrs["caption"], "<img src=x onerror=alert(1)>")
        self.assertEqual(attrs["label"], "a'b\"c")
        start = text.index("<token-heatmap")
        tag = text[start : text.index(">", start + 1 + text[start:].index(" caption=")) + 1]
        for raw in ("<b>", "<script>", "<img"):
            self.assertNotIn(raw, tag[1:])
        self.assertEqual([tag for tag, _ in parse(text).tags], ["div", "img", "token-heatmap", "p", "small", "code", "code", "script"])

    def test_a_lone_surrogate_survives_save_and_stdout(self):
        figure = self.draw([[1]], rows=["a\ud800b"], caption="c\udfff")
        attrs = element(figure)
        self.assertEqual(json.loads(attrs["rows"]), ["a\ud800b"])  # the element still gets the exact label
        self.assertEqual(attrs["caption"], "c\ufffd")
        with tempfile.TemporaryDirectory() as directory:
            for name in ("x.html", "x.svg"):
                figure.save(Path(directory) / name)
            svg = (Path(directory) / "x.svg").read_text(encoding="utf-8")
        self.assertIn("a\ufffdb", svg)
        ET.fromstring(svg)

    def test_save_writes_by_extension(self):
        figure = self.draw(**SEED)
        with tempfile.TemporaryDirectory() as directory:
            page = figure.save(Path(directory) / "figure.HTML").read_text(encoding="utf-8")
            svg = figure.save(Path(directory) / "figure.svg").read_text(encoding="utf-8")
            with self.assertRaisesRegex(HeatmapInputError, r"^save: '.*figure\.png' must end in \.html or \.svg$"):
                figure.save(Path(directory) / "figure.png")
            self.assertFalse((Path(directory) / "figure.png").exists())
        self.assertTrue(page.startswith("<!doctype html>"))
        self.assertIn(f"<title>{SEED['caption']}</title>", page)
        self.assertEqual(svg, figure.svg)

    def test_mimebundle(self):
        figure = self.draw([[1, 2]])
        data = figure._repr_mimebundle_()
        self.assertEqual(set(data), {"text/html", "image/svg+xml", "text/plain"})
        self.assertEqual(data["image/svg+xml"], figure.svg)
        self.assertEqual(data["text/plain"], "<token-heatmap 1×2>")
        self.assertEqual(set(figure._repr_mimebundle_(include=["image/svg+xml"])), {"image/svg+xml"})
        self.assertEqual(set(figure._repr_mimebundle_(exclude=["text/html"])), {"image/svg+xml", "text/plain"})

    def test_notebook_display(self):
        try:
            from IPython.core.formatters import DisplayFormatter
        except ImportError:
            self.skipTest("IPython is not installed")
        figure = self.draw([[1, 2]], caption="C")
        data, _ = DisplayFormatter().format(figure)
        self.assertEqual(data["image/svg+xml"], figure.svg)
        self.assertEqual(static_svg(data["text/html"]), figure.svg)
        # The text/plain copy saved in the notebook is a summary, not the bundle again.
        self.assertEqual(data["text/plain"], "<token-heatmap 1×2 'C'>")
        self.assertNotEqual(element(DisplayFormatter().format(figure)[0]["text/html"])["id"], element(data["text/html"])["id"])

    def test_ipython_shows_input_errors_as_one_line(self):
        try:
            from IPython.core.interactiveshell import InteractiveShell
        except ImportError:
            self.skipTest("IPython is not installed")
        shell = InteractiveShell.instance()
        shown = io.StringIO()
        with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
            shell.run_cell(f"from token_heatmap import heatmap\nheatmap([[True]], bundle_path={str(self.path)!r})")
        self.assertEqual(shown.getvalue(), "HeatmapInputError: values: values[0][0] is boolean True, not a number or None\n")


class ScriptTest(unittest.TestCase):
    def test_bundle_is_inlined_and_cannot_end_the_script_early(self):
        code = 'const a = "</script><!--<script>", b = /<\\/SCRIPT>/u;'
        with fake_bundle(code) as path:
            scripts = parse(heatmap([[1]], bundle_path=path).html()).scripts
        self.assertEqual(len(scripts), 1)
        self.assertIn('const a = "<\\/script><\\x21--<script>", b = /<\\/SCRIPT>/u;', scripts[0])


class CommandLineTest(unittest.TestCase):
    def run_main(self, *argv, stdin=b""):
        out, err = io.BytesIO(), io.StringIO()
        fake_stdout = types.SimpleNamespace(buffer=out, flush=lambda: None)
        fake_stdin = types.SimpleNamespace(buffer=io.BytesIO(stdin))
        with mock.patch.object(sys, "stdout", fake_stdout), mock.patch.object(sys, "stdin", fake_stdin), contextlib.redirect_stderr(err):
            try:
                code = main(list(argv))
            except SystemExit as exit_:
                code = exit_.code
        return code, out.getvalue().decode("utf-8"), err.getvalue()

    def setUp(self):
        self.bundle = fake_bundle("/* bundle */")
        self.path = str(self.bundle.__enter__())

    def tearDown(self):
        self.bundle.__exit__(None, None, None)

    def test_html_and_svg_from_json(self):
        data = json.dumps({**SEED, "column-label-orientation": "horizontal"}).encode()
        code, page, err = self.run_main("-", "--bundle", self.path, stdin=data)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(element(page)["column-label-orientation"], "horizontal")
        code, svg, err = self.run_main("-", "--format", "svg", stdin=data)  # no bundle needed
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(ET.fromstring(svg).find("{http://www.w3.org/2000/svg}title").text, SEED["caption"])

    def test_every_bad_input_is_one_line_and_exit_1(self):
        deep = "[" * 100000 + "]" * 100000
        for data, message in [
            (b"{", "standard input: not valid JSON"),
            (deep.encode(), "standard input: not valid JSON (nested too deeply)"),
            (b'{"values": ' + deep.encode() + b"}", "not valid JSON"),
            (b'{"values": [[' + b"9" * 400 + b"]], \"min\": " + b"9" * 5000 + b"}", "min: inf is not a finite number"),
            (b'{"values": [[1]], "rows": ["\\ud800"], "min": ' + b"[" * 500 + b"]" * 500 + b"}", "min: a list is not a finite number"),
            (b'{"values": [[true]]}', "values: values[0][0] is boolean True, not a number or None"),
            (b'{"values": [[1, 2]], "min": 3, "max": 1}', "min (3) must be less than max (1)"),
            (b'{"values": [[1]], "theme": "blue"}', "theme: the text 'blue' is not one of 'light', 'dark'"),
            (b'{"values": [[1]], "colour": 1}', "standard input: unknown keys 'colour'"),
            (b'{"values": [[1]], "step_scores": {}, "stepScores": {}}', "'stepScores' given twice"),
            (b"\xff\xfe", "standard input: not UTF-8 text"),
            (b"[]", "standard input: expected a JSON object with at least a values key"),
        ]:
            with self.subTest(message=message):
                code, out, err = self.run_main("-", "--bundle", self.path, stdin=data)
                self.assertEqual(code, 1)
                self.assertEqual(out, "")
                self.assertEqual(err.count("\n"), 1, err)
                self.assertIn(message, err)
                self.assertTrue(err.startswith("token_heatmap: "))

    def test_a_lone_surrogate_in_a_label_is_written(self):
        data = json.dumps({"values": [[1]], "rows": ["\ud800"]}).encode()
        code, page, err = self.run_main("-", "--bundle", self.path, stdin=data)
        self.assertEqual((code, err), (0, ""))
        self.assertEqual(json.loads(element(page)["rows"]), ["\ud800"])

    def test_usage_errors_are_one_line_too(self):
        code, out, err = self.run_main("--format", "png", "x.json")
        self.assertEqual(code, 1)
        self.assertEqual(err.count("\n"), 1, err)

    def test_missing_file(self):
        code, out, err = self.run_main("/nonexistent/data.json")
        self.assertEqual(code, 1)
        self.assertIn("No such file", err)
        self.assertEqual(err.count("\n"), 1)


class FindBundleTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.cwd = os.getcwd()
        os.chdir(self.root)
        # No checkout next to the package, no variable: only what each test puts in place.
        self.patches = [
            mock.patch.object(bundle_module, "HERE", self.root / "python"),
            mock.patch.dict(os.environ, {}, clear=False),
        ]
        for p in self.patches:
            p.start()
        os.environ.pop(token_heatmap.BUNDLE_ENV, None)

    def tearDown(self):
        for p in self.patches:
            p.stop()
        os.chdir(self.cwd)
        self.directory.cleanup()

    def put(self, relative):
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("/* bundle */")
        return path

    def test_order_argument_variable_checkout_node_modules(self):
        installed = self.put("node_modules/token-heatmap/dist/token-heatmap.full.js")
        self.assertEqual(token_heatmap.find_bundle(), installed.resolve())
        checkout = self.put("dist/token-heatmap.full.js")
        self.assertEqual(token_heatmap.find_bundle(), checkout)
        variable = self.put("elsewhere/variable.js")
        os.environ[token_heatmap.BUNDLE_ENV] = str(variable)
        self.assertEqual(token_heatmap.find_bundle(), variable)
        argument = self.put("elsewhere/argument.js")
        self.assertEqual(token_heatmap.find_bundle(argument), argument)

    def test_nothing_found_names_every_place(self):
        with self.assertRaises(FileNotFoundError) as caught:
            heatmap([[1]])
        message = str(caught.exception)
        for place in ["bundle_path=", "$TOKEN_HEATMAP_BUNDLE", str(self.root / "dist" / "token-heatmap.full.js"),
                      str(self.root / "node_modules" / "token-heatmap" / "dist" / "token-heatmap.full.js")]:
            self.assertIn(place, message)

    def test_a_given_path_that_is_missing_is_an_error_not_skipped(self):
        self.put("dist/token-heatmap.full.js")
        os.environ[token_heatmap.BUNDLE_ENV] = str(self.root / "missing.js")
        with self.assertRaisesRegex(FileNotFoundError, r"\$TOKEN_HEATMAP_BUNDLE is .*missing\.js"):
            token_heatmap.find_bundle()
        with self.assertRaisesRegex(FileNotFoundError, r"bundle_path= is .*nope\.js"):
            token_heatmap.find_bundle(self.root / "nope.js")


class WidgetTest(unittest.TestCase):
    """The TokenHeatmapWidget class against a stand-in anywidget.AnyWidget (a traitlets.HasTraits):
    the real anywidget and a kernel are not available here, so this checks only the traits."""

    def setUp(self):
        try:
            import traitlets
        except ImportError:
            self.skipTest("traitlets is not installed")
        stand_in = types.ModuleType("anywidget")
        stand_in.AnyWidget = traitlets.HasTraits
        self.patches = [
            mock.patch.dict(sys.modules, {"anywidget": stand_in}),
            mock.patch.dict(os.environ, {token_heatmap.ANYWIDGET_ENV: __file__}),
        ]
        for p in self.patches:
            p.start()
        self.Widget = token_heatmap._widget_class()

    def tearDown(self):
        for p in self.patches:
            p.stop()

    def test_values_become_json_safe_lists(self):
        widget = self.Widget([[1, float("nan")], [-0.0, float("inf")]], rows=["a", "b"], columns=("x", 2))
        self.assertEqual(widget.values, [[1.0, None], [-0.0, None]])
        self.assertEqual(math.copysign(1, widget.values[1][0]), -1)
        self.assertEqual(widget.columns, ["x", "2"])
        self.assertEqual(widget._esm, Path(__file__))
        with self.assertRaises(ValueError):
            widget.values = [[1, 2], [3]]
        # Float64 bytes travel as a binary buffer, unchanged.
        widget.values = b"\x00" * 16
        self.assertEqual(widget.values, b"\x00" * 16)

    def test_options_are_checked(self):
        import traitlets

        widget = self.Widget([[1]], theme="dark", decimals=2)
        self.assertEqual((widget.theme, widget.decimals, widget.selected), ("dark", 2, None))
        with self.assertRaises(traitlets.TraitError):
            widget.theme = "blue"
        # Every option of the element's schema is a synced trait.
        traits = widget.traits(sync=True)
        self.assertLessEqual({o.name for o in OPTIONS}, set(traits))
        widget.group_rows, widget.normalization, widget.top_k = "words", "column", 3
        self.assertEqual((widget.group_rows, widget.normalization, widget.top_k), ("words", "column", 3))
        with self.assertRaises(traitlets.TraitError):
            widget.normalization = "z-score"


if __name__ == "__main__":
    unittest.main()
