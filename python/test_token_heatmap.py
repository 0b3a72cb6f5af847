"""Unit tests of token_heatmap.py (standard library only):

    python3 -m unittest discover -s python

test/node/notebook.test.mjs runs them too, and checks in real browsers what the HTML draws.
"""

import json
import math
import os
import sys
import tempfile
import types
import unittest
from contextlib import contextmanager
from html.parser import HTMLParser
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))
import token_heatmap  # noqa: E402
from token_heatmap import heatmap  # noqa: E402

SEED = json.loads((Path(__file__).resolve().parent.parent / "demo" / "seed-heatmap.json").read_text())


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
    parser.feed(text)
    return parser


def element(text):
    return next(attrs for tag, attrs in parse(text).tags if tag == "token-heatmap")


@contextmanager
def fake_bundle(code):
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "bundle.js"
        path.write_text(code, encoding="utf-8")
        yield path


class ValuesTest(unittest.TestCase):
    def setUp(self):
        self.bundle = fake_bundle("/* bundle */")
        self.path = self.bundle.__enter__()

    def tearDown(self):
        self.bundle.__exit__(None, None, None)

    def draw(self, values, **options):
        return heatmap(values, bundle_path=self.path, **options)

    def test_missing_signed_zero_and_infinite_values_reach_the_element(self):
        attrs = element(self.draw([[float("nan"), -0.0, 0.0], [float("inf"), float("-inf"), None]]))
        self.assertEqual(attrs["values"], "[[null,-0,0],[1e999,-1e999,null]]")

    def test_reference_values_round_trip_exactly(self):
        attrs = element(self.draw(**SEED))
        self.assertEqual(json.loads(attrs["values"]), SEED["values"])
        self.assertEqual(json.loads(attrs["rows"]), SEED["rows"])
        self.assertEqual(attrs["min"], "-1.5")
        self.assertEqual(attrs["caption"], SEED["caption"])

    def test_labels_with_quotes_and_markup_survive_as_text(self):
        rows = ["</script><script>alert(1)</script>", "it's \"quoted\" & <b>"]
        text = self.draw([[1], [2]], rows=rows, columns=["a'b"])
        self.assertEqual(json.loads(element(text)["rows"]), rows)
        self.assertEqual(json.loads(element(text)["columns"]), ["a'b"])
        self.assertEqual([tag for tag, _ in parse(text).tags], ["token-heatmap", "p", "code", "script"])

    def test_tolist_objects_and_rows_of_arrays(self):
        class Array:
            def __init__(self, data):
                self.data = data

            def tolist(self):
                return self.data

        attrs = element(self.draw(Array([[1, 2], [3, -0.0]]), rows=Array(["x", "y"])))
        self.assertEqual(attrs["values"], "[[1.0,2.0],[3.0,-0]]")
        self.assertEqual(json.loads(attrs["rows"]), ["x", "y"])

    def test_shape_and_type_errors_name_the_problem(self):
        with self.assertRaisesRegex(ValueError, r"values\[1\] has 1 entries but values\[0\] has 2"):
            self.draw([[1, 2], [3]])
        with self.assertRaisesRegex(ValueError, r"values\[0\] is float, not a row"):
            self.draw([1.0, 2.0])
        with self.assertRaisesRegex(TypeError, r"values\[0\]\[1\] is str"):
            self.draw([[1, "2"]])
        with self.assertRaisesRegex(ValueError, "rows: 3 labels for 2 rows"):
            self.draw([[1], [2]], rows=["a", "b", "c"])
        with self.assertRaisesRegex(TypeError, "columns: expected a list of labels"):
            self.draw([[1]], columns="a")

    def test_options_become_attributes(self):
        attrs = element(
            self.draw(
                [[1, 2]],
                center=0.5,
                scheme="RdBu",
                decimals=2,
                transpose=True,
                theme="dark",
                selected=(0, 1),
                crosshair="band",
                column_label_orientation="vertical",
            )
        )
        self.assertEqual(attrs["center"], "0.5")
        self.assertEqual(attrs["scheme"], "RdBu")
        self.assertEqual(attrs["decimals"], "2")
        self.assertIn("transpose", attrs)
        self.assertEqual(attrs["theme"], "dark")
        self.assertEqual(json.loads(attrs["selected"]), {"rowIndex": 0, "columnIndex": 1})
        self.assertEqual(attrs["column-label-orientation"], "vertical")
        self.assertNotIn("transpose", element(self.draw([[1]])))

    def test_bad_options_are_refused(self):
        for options, message in [
            ({"decimals": 21}, "decimals"),
            ({"theme": "blue"}, "theme"),
            ({"min": float("nan")}, "min"),
            ({"selected": (1, 0)}, "selected"),
        ]:
            with self.subTest(options=options), self.assertRaisesRegex(ValueError, message):
                self.draw([[1, 2]], **options)

    def test_each_output_has_its_own_id(self):
        first, second = self.draw([[1]]), self.draw([[1]])
        self.assertNotEqual(element(first)["id"], element(second)["id"])
        self.assertTrue(element(first)["id"].startswith("token-heatmap-"))


class ScriptTest(unittest.TestCase):
    def test_bundle_is_inlined_and_cannot_end_the_script_early(self):
        code = 'const a = "</script><!--<script>", b = /<\\/SCRIPT>/u;'
        with fake_bundle(code) as path:
            scripts = parse(heatmap([[1]], bundle_path=path)).scripts
        self.assertEqual(len(scripts), 1)
        self.assertIn('const a = "<\\/script><\\x21--<script>", b = /<\\/SCRIPT>/u;', scripts[0])

    def test_notebook_display(self):
        try:
            from IPython.core.formatters import DisplayFormatter
            from IPython.display import HTML
        except ImportError:
            self.skipTest("IPython is not installed")
        with fake_bundle("/* bundle */") as path:
            figure = heatmap([[1, 2]], bundle_path=path)
        data, _ = DisplayFormatter().format(figure)
        self.assertEqual(data["text/html"], str(figure))
        # The text/plain copy saved in the notebook is a summary, not the bundle again.
        self.assertEqual(data["text/plain"], f"<token-heatmap {element(figure)['id']}: 1×2>")
        self.assertEqual(HTML(figure)._repr_html_(), str(figure))


class FindBundleTest(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.TemporaryDirectory()
        self.root = Path(self.directory.name)
        self.cwd = os.getcwd()
        os.chdir(self.root)
        # No checkout next to the module, no variable: only what each test puts in place.
        self.patches = [
            mock.patch.object(token_heatmap, "_HERE", self.root / "python"),
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
        installed = self.put("node_modules/token-heatmap/dist/token-heatmap.bundle.js")
        self.assertEqual(token_heatmap.find_bundle(), installed.resolve())
        checkout = self.put("dist/token-heatmap.bundle.js")
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
        for place in ["bundle_path=", "$TOKEN_HEATMAP_BUNDLE", str(self.root / "dist" / "token-heatmap.bundle.js"),
                      str(self.root / "node_modules" / "token-heatmap" / "dist" / "token-heatmap.bundle.js")]:
            self.assertIn(place, message)

    def test_a_given_path_that_is_missing_is_an_error_not_skipped(self):
        self.put("dist/token-heatmap.bundle.js")
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


if __name__ == "__main__":
    unittest.main()
