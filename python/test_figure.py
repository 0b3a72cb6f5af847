"""The static figure (token_heatmap/svg.py) against /work/wt/FIGURE.md: layout, colours, text,
valid XML for any label, the overview image for large matrices. Colours are checked against d3
itself in test/node/notebook.test.mjs; here they are checked against the scheme the figure names."""

import json
import math
import struct
import sys
import unittest
import xml.etree.ElementTree as ET
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from token_heatmap import heatmap  # noqa: E402
from token_heatmap.colors import best_text_color, parse_color, scheme_interpolator  # noqa: E402
from token_heatmap.svg import THEMES  # noqa: E402
from token_heatmap.text import format_tick, format_value, js_string, spoken_token, to_fixed, token_parts  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEED = json.loads((ROOT / "demo" / "seed-heatmap.json").read_text())
NS = {"s": "http://www.w3.org/2000/svg"}


def draw(values, **options):
    return heatmap(values, bundle_path=__file__, **options)  # any file: no HTML is made here


def parse(svg):
    return ET.fromstring(svg)


def texts(root, selector):
    return ["".join(t.itertext()) for t in root.iterfind(selector, NS)]


class SeedFigureTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.figure = draw(**SEED)
        cls.root = parse(cls.figure.svg)

    def test_size_follows_the_layout(self):
        row_width = max(24, math.ceil(2 * 7.2) + 12)  # "_$": two monospace characters
        header = 2 * 15 + 6  # "4900 / 100 = 49" wraps to two lines
        widest_tick = len("−1.5") * 7.44
        width = 8 + row_width + 5 * 72 + 9 + 16 + 8 + widest_tick + 9 + 15 + 8
        height = 8 + 25 + header + 13 * 28 + 7 + 8
        self.assertEqual(self.root.get("width"), f"{width:.2f}".rstrip("0").rstrip("."))
        self.assertEqual(self.root.get("height"), str(height))
        self.assertEqual(self.root.get("viewBox"), f"0 0 {self.root.get('width')} {height}")
        self.assertEqual(self.root.get("role"), "img")

    def test_title_and_description(self):
        self.assertEqual(self.root.find("s:title", NS).text, SEED["caption"])
        self.assertEqual(
            self.root.find("s:desc", NS).text,
            "13 tokens × 5 outputs; largest 1.9074 at '/' × '4900 / 100 = 49'; smallest -0.0987 at '1' × '4900 / 100 = 49'.",
        )

    def test_cells_carry_the_scheme_colour_value_and_contrast_text(self):
        interpolate = scheme_interpolator("RdYlGn")
        rects = [r for r in self.root.iterfind(".//s:g/s:rect", NS) if r.get("width") == "72"]
        cell_texts = [t for t in self.root.iterfind(".//s:g/s:text", NS) if t.get("fill") in ("#000000", "#ffffff")]
        self.assertEqual(len(rects), 65)
        self.assertEqual(len(cell_texts), 65)
        flat = [v for row in SEED["values"] for v in row]
        for i, (rect, text, v) in enumerate(zip(rects, cell_texts, flat)):
            r, c = divmod(i, 5)
            t = min(1, max(0, 0.5 + v / 3))  # -1.5 … 0 … 1.5 onto 0 … 0.5 … 1
            self.assertEqual(rect.get("fill"), interpolate(t))
            self.assertEqual((float(rect.get("x")), float(rect.get("y"))), (8 + 27 + c * 72, 8 + 25 + 36 + r * 28))
            self.assertEqual(text.text, format_value(v, 4))
            self.assertEqual(text.get("fill"), best_text_color(parse_color(interpolate(t))))
        self.assertEqual(cell_texts[7 * 5 + 2].text, "1.9074")
        self.assertEqual(cell_texts[7 * 5 + 2].get("fill"), "#ffffff")
        self.assertEqual(cell_texts[2 * 5 + 4].text, "-0.0000")

    def test_the_clamped_cell_has_its_marker_in_the_top_right_corner(self):
        x, y = 8 + 27 + 2 * 72, 8 + 25 + 36 + 7 * 28
        markers = [p for p in self.root.iterfind(".//s:g/s:polygon", NS)]
        self.assertEqual([p.get("points") for p in markers], [f"{x + 60},{y + 2} {x + 70},{y + 2} {x + 70},{y + 12}"])
        self.assertEqual(markers[0].get("fill"), "#ffffff")

    def test_colour_bar(self):
        self.assertEqual(texts(self.root, ".//s:g/s:text")[-8:], ["−1.5", "−1", "−0.5", "0", "0.5", "1", "1.5", "Token Attribution"])
        top = 8 + 25 + 36
        bar_x = 8 + 27 + 360 + 9
        # Values pass the top (1.9074 > 1.5): a pointed end in the top colour; none at the bottom.
        ends = [p for p in self.root.iterfind("s:polygon", NS)]
        self.assertEqual(len(ends), 1)
        self.assertEqual(ends[0].get("fill"), scheme_interpolator("RdYlGn")(1.0))
        self.assertEqual(ends[0].get("points"), f"{bar_x},{top + 14.4:g} {bar_x + 16},{top + 14.4:g} {bar_x + 8},{top}")
        stops = self.root.findall(".//s:linearGradient/s:stop", NS)
        self.assertEqual(len(stops), 33)
        self.assertEqual(stops[0].get("stop-color"), scheme_interpolator("RdYlGn")(0.0))
        self.assertEqual(stops[16].get("offset"), "50.00%")
        self.assertEqual(stops[16].get("stop-color"), scheme_interpolator("RdYlGn")(0.5))
        ramp = next(r for r in self.root.iterfind("s:rect", NS) if r.get("fill", "").startswith("url(#"))
        self.assertEqual((float(ramp.get("y")), float(ramp.get("height"))), (top + 14.4, 13 * 28 - 14.4))

    def test_row_labels_are_monospace_and_right_aligned(self):
        group = next(g for g in self.root.iterfind("s:g", NS) if g.get("text-anchor") == "end")
        self.assertEqual(group.get("font-family"), "monospace")
        self.assertEqual(texts(group, "s:text"), SEED["rows"])
        self.assertEqual({t.get("x") for t in group.iterfind("s:text", NS)}, {str(8 + 27 - 6)})

    def test_column_labels_wrap_at_ten_characters(self):
        group = next(g for g in self.root.iterfind("s:g", NS) if g.get("font-family") == "sans-serif" and g.get("text-anchor") is None)
        self.assertEqual(texts(group, "s:text")[:6], ["9 + 3 = 12", "7 x 5 = 35", "4900 / 100", "= 49", "9 - 3 = 6", "6 - 6 = 0"])


class LabelsTest(unittest.TestCase):
    def test_glyphs_are_muted_runs(self):
        root = parse(draw([[1], [2], [3]], rows=["Ġthe", " cat\n", ""]).svg)
        group = next(g for g in root.iterfind("s:g", NS) if g.get("text-anchor") == "end")
        muted = THEMES["light"]["muted"]
        runs = [[(s.text, s.get("fill")) for s in t.iterfind("s:tspan", NS)] for t in group.iterfind("s:text", NS)]
        self.assertEqual(runs, [[("␣", muted)], [("␣", muted), ("↵", muted)], [("∅", muted)]])
        self.assertEqual(texts(group, "s:text"), ["␣the", "␣cat↵", "∅"])

    def test_long_row_labels_are_cut_and_the_column_capped(self):
        root = parse(draw([[1]], rows=["x" * 40]).svg)
        group = next(g for g in root.iterfind("s:g", NS) if g.get("text-anchor") == "end")
        self.assertEqual(texts(group, "s:text"), ["x" * 17 + "…"])  # 132 px of 7.2 px characters
        self.assertEqual(group.find("s:text", NS).get("x"), str(8 + 144 - 6))

    def test_a_long_word_turns_column_labels_vertical(self):
        root = parse(draw([[1, 2]], columns=["supercalifragilistic", "a"]).svg)
        rotated = [t for t in root.iter("{http://www.w3.org/2000/svg}text") if "rotate(-90)" in (t.get("transform") or "")]
        kept = math.floor(120 / 6.6) - 1  # cut past 120 px, the last character an ellipsis
        self.assertEqual(["".join(t.itertext()) for t in rotated][:2], ["supercalifragilistic"[:kept] + "…", "a"])
        # Header: the longest label at 6.6 px a character, capped at 120, plus 6.
        first_cell = next(r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("width") == "72")
        self.assertEqual(float(first_cell.get("y")), 8 + 120 + 6)

    def test_transpose_swaps_axes_and_fonts(self):
        root = parse(draw([[1, 2, 3]], rows=["tok"], columns=["a", "b", "c"], transpose=True).svg)
        rows = next(g for g in root.iterfind("s:g", NS) if g.get("text-anchor") == "end")
        self.assertEqual((rows.get("font-family"), texts(rows, "s:text")), ("sans-serif", ["a", "b", "c"]))
        self.assertEqual(root.find("s:desc", NS).text.split(";")[0], "1 tokens × 3 outputs")

    def test_any_text_gives_valid_xml(self):
        hostile = ["\x00\x01\x1f", "a\ud800b", "\ufffe\uffff", "</svg><script>", "&amp; ' \"", "\U0001F600"]
        figure = draw([[1] * len(hostile)], columns=hostile, rows=["\udfff"], caption="c\x02\ud800</svg><script>alert(1)</script>", label="<l>")
        root = parse(figure.svg)  # raises on invalid XML
        self.assertEqual(root.find("s:title", NS).text, "c\ufffd\ufffd</svg><script>alert(1)</script>")
        self.assertIsNone(root.find(".//s:script", NS))
        shown = "".join(root.itertext())
        self.assertIn("</svg><script>", shown)  # as text
        self.assertIn("␀␁␟", shown)  # controls as their pictures
        self.assertIn("\U0001F600", shown)
        figure.svg.encode("utf-8")


class ThemeAndMissingTest(unittest.TestCase):
    def test_dark_theme_and_missing_hatching(self):
        root = parse(draw([[None, 1]], theme="dark").svg)
        dark = THEMES["dark"]
        background = root.find("s:rect", NS)
        self.assertEqual(background.get("fill"), dark["background"])
        pattern = root.find(".//s:pattern", NS)
        self.assertEqual([r.get("fill") for r in pattern.iterfind("s:rect", NS)], [dark["missing"], dark["stripes"]])
        self.assertEqual((pattern.get("width"), pattern.get("patternTransform")), ("6", "rotate(45)"))
        missing = next(r for r in root.iter("{http://www.w3.org/2000/svg}rect") if r.get("fill") == f"url(#{pattern.get('id')})")
        self.assertEqual(missing.get("width"), "72")


def decode_png(data):
    """Width, height and RGB rows of an 8-bit RGB PNG with filter 0 (what svg.py writes)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    i, chunks = 8, {}
    while i < len(data):
        (length,) = struct.unpack(">I", data[i : i + 4])
        kind = data[i + 4 : i + 8]
        chunks.setdefault(kind, b"")
        chunks[kind] += data[i + 8 : i + 8 + length]
        i += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", chunks[b"IHDR"][:10])
    assert (depth, colour) == (8, 2)
    raw = zlib.decompress(chunks[b"IDAT"])
    stride = 1 + 3 * width
    return width, height, [raw[r * stride + 1 : (r + 1) * stride] for r in range(height)]


class OverviewTest(unittest.TestCase):
    def test_more_than_100000_cells_are_one_image_at_a_pixel_a_cell(self):
        import base64

        rows, columns = 300, 400
        values = [[math.sin(r / 7) * math.cos(c / 11) for c in range(columns)] for r in range(rows)]
        values[5][6] = None
        root = parse(draw(values, rows=[f"r{i}" for i in range(rows)]).svg)
        image = root.find(".//s:image", NS)
        width, height, pixels = decode_png(base64.b64decode(image.get("href").split(",", 1)[1]))
        self.assertEqual((width, height), (columns, rows))
        interpolate = scheme_interpolator("RdYlGn")
        largest = max(abs(v) for row in values for v in row if v is not None)
        for r, c in [(0, 0), (17, 250), (299, 399), (150, 3)]:
            expected = parse_color(interpolate(min(1, max(0, 0.5 + 0.5 * values[r][c] / largest))))
            self.assertEqual(tuple(pixels[r][3 * c : 3 * c + 3]), tuple(int(x) for x in expected))
        self.assertEqual(tuple(pixels[5][18:21]), tuple(int(x) for x in parse_color(THEMES["light"]["missing"])))
        side = max(1, min(28, 1024 // 400))
        self.assertEqual((float(image.get("width")), float(image.get("height"))), (columns * side, rows * side))
        # Labels thinned so they never overlap: one every 15 px.
        labels = next(g for g in root.iterfind("s:g", NS) if g.get("text-anchor") == "end")
        self.assertEqual(texts(labels, "s:text")[:3], ["r0", f"r{math.ceil(15 / side)}", f"r{2 * math.ceil(15 / side)}"])
        self.assertIsNone(root.find(".//s:g/s:rect[@width='72']", NS))


class JavaScriptNumbersTest(unittest.TestCase):
    """What JavaScript prints, which Python prints differently (compared with real JavaScript at
    thousands of values in test/node/notebook.test.mjs)."""

    def test_to_fixed_rounds_the_exact_value_half_up(self):
        self.assertEqual(to_fixed(3.125, 2), "3.13")  # Python's format gives 3.12
        self.assertEqual(to_fixed(1.005, 2), "1.00")  # 1.005 is below 1.005 in binary
        self.assertEqual(to_fixed(-0.00003, 4), "-0.0000")
        self.assertEqual(to_fixed(1e21, 2), "1e+21")
        self.assertEqual(to_fixed(0.5, 0), "1")

    def test_number_to_string(self):
        self.assertEqual([js_string(x) for x in (1.0, 1e-7, 1.5e-6, 1e21, 123456789012345680000.0, -0.0, 2**-1074)],
                         ["1", "1e-7", "0.0000015", "1e+21", "123456789012345680000", "0", "5e-324"])

    def test_ticks_and_values(self):
        self.assertEqual(format_tick(-0.5, 4), "−0.5")
        self.assertEqual(format_tick(-0.00001, 4), "0")
        self.assertEqual(format_value(-0.0, 4), "-0.0000")
        self.assertEqual(format_value(math.inf, 4), "∞")

    def test_tokens(self):
        self.assertEqual(token_parts("  a b\t"), [("␣␣", True), ("a b", False), ("⇥", True)])
        self.assertEqual(spoken_token("Ġthe"), 'space marker Ġ the ("Ġthe")')


if __name__ == "__main__":
    unittest.main()
