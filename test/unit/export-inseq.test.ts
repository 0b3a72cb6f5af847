import { expect } from '@open-wc/testing';
import { float16, fromInseqJson, InseqFormatError, isInseqSave, parsePythonJson, type HeatmapData } from '../../src/export/inseq.js';

// Files written as inseq's FeatureAttributionOutput.save() writes them, and the values numpy computed
// for each: see test/fixtures/inseq/make_fixtures.py.
const FIXTURES = '/test/fixtures/inseq';
const text = async (name: string) => (await fetch(`${FIXTURES}/${name}`)).text();
const bytes = async (name: string) => new Uint8Array(await (await fetch(`${FIXTURES}/${name}`)).arrayBuffer());

interface Expected {
  rows: string[];
  columns: string[];
  values: (number | null)[][];
  label: string;
  stepScores?: Record<string, number[]>;
}
const expected = async (name: string): Promise<Expected[]> => (await fetch(`${FIXTURES}/expected/${name}.json`)).json();

/** Values equal to numpy's: exactly where nothing was reduced, to the last bits where it was. */
function expectValues(actual: number[][], want: (number | null)[][], exact: boolean) {
  expect(actual.map((row) => row.length)).to.deep.equal(want.map((row) => row.length));
  const wrong: string[] = [];
  want.forEach((row, r) =>
    row.forEach((v, c) => {
      const got = actual[r][c];
      const ok = v === null ? Number.isNaN(got) : exact ? Object.is(got, v) : Math.abs(got - v) <= 1e-12 * Math.max(1, Math.abs(v));
      if (!ok) wrong.push(`[${r}][${c}] ${got} ≠ ${v}`);
    }),
  );
  expect(wrong).to.deep.equal([]);
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('fromInseqJson', () => {
  it('reads an inseq 0.6 file: json_tricks ndarrays ("b64:" and "b64.gz:"), source then target rows, L2 norm of the embedding dimension', async () => {
    const file = await text('encoder-decoder-ig-v0.6.json');
    expect(file).to.contain('"b64.gz:');
    expect(file).to.contain('"b64:');
    const want = await expected('encoder-decoder-ig-v0.6');
    for (const index of [0, 1]) {
      const data = await fromInseqJson(file, { index });
      expect(data.rows).to.deep.equal(want[index].rows);
      expect(data.columns).to.deep.equal(want[index].columns);
      expect(data.label).to.equal('integrated_gradients (L2 norm over 4 embedding dimensions)');
      expectValues(data.values, want[index].values, false);
      expect(data.stepScores).to.deep.equal(want[index].stepScores);
    }
    const first = await fromInseqJson(file);
    // 5 source + 4 target tokens × 3 generated; the target rows are NaN from the generated position on.
    expect([first.rows.length, first.columns.length]).to.deep.equal([9, 3]);
    expect(first.rows.slice(0, 6)).to.deep.equal(['▁Hello', '▁world', ',', '▁today', '</s>', '<pad>']);
    expect(first.values[5].map(Number.isNaN)).to.deep.equal([false, false, false]);
    expect(first.values[6].map(Number.isNaN)).to.deep.equal([true, false, false]);
    expect(first.values[8].map(Number.isNaN)).to.deep.equal([true, true, true]);
    // The last three rows are the generated tokens: output k is row 9 − 3 + k, the text view's target.
    expect(first.targetRows).to.equal(3);
    expect(first.rows.slice(6)).to.deep.equal(first.columns);
    // An L2 norm has no sign: a sequential scheme from 0 to the largest value, as the Python helper draws it.
    const largest = Math.max(...first.values.flat().filter(Number.isFinite));
    expect(first).to.include({ scheme: 'Blues', min: 0, max: largest });
  });

  it('reads an inseq 0.7 float16 file (base64 safetensors): decoder-only rows, NaN as missing, mean over layers and heads', async () => {
    const [want] = await expected('decoder-only-attention-float16-v0.7');
    const data = await fromInseqJson(await text('decoder-only-attention-float16-v0.7.json'));
    expect(data.rows).to.deep.equal(['<|endoftext|>', 'Hello', 'Ġworld', ',', 'Ġhow', 'Ġare', 'Ġyou']);
    expect(data.columns).to.deep.equal([',', 'Ġhow', 'Ġare', 'Ġyou']);
    expect(data.columns).to.deep.equal(want.columns);
    expect(data.label).to.equal('attention (mean over 2 layers × 3 heads)');
    expectValues(data.values, want.values, false);
    // Step scores are not reduced: the exact float16 values, each representable in half precision.
    expect(data.stepScores!.probability).to.deep.equal(want.stepScores!.probability);
    for (const v of data.stepScores!.probability) expect(Math.round(v * 2 ** 24) / 2 ** 24 === v && Math.abs(v) < 65504).to.equal(true);
    // Prompt rows are attributed at every step; the first generated token (row 3, ',') only once it is in the prefix.
    expect(data.values[2].some(Number.isNaN)).to.equal(false);
    expect(data.values[3].map(Number.isNaN)).to.deep.equal([true, false, false, false]);
    expect(data.values[6].map(Number.isNaN)).to.deep.equal([true, true, true, true]);
    expect(data.targetRows).to.equal(4);
  });

  it('reads a file saved with compress=True (gzip, given as bytes) and keeps -0', async () => {
    const gz = await bytes('encoder-decoder-occlusion-v0.7.json.gz');
    expect([gz[0], gz[1]]).to.deep.equal([0x1f, 0x8b]);
    const [want] = await expected('encoder-decoder-occlusion-v0.7');
    const data = await fromInseqJson(gz);
    expect(data.rows).to.deep.equal(want.rows);
    expect(data.label).to.equal('occlusion');
    expectValues(data.values, want.values, true);
    expect(Object.is(data.values[2][1], -0)).to.equal(true);
    expect(data.stepScores).to.equal(undefined);
    // Signed occlusion scores keep the element's diverging default.
    expect(data.scheme).to.equal(undefined);
  });

  it('reads a use_primitives file with bare NaN, and hostile tokens stay text', async () => {
    const file = await text('primitives-hostile-v0.6.json');
    expect(file).to.match(/^\s+NaN,?$/m);
    const [want] = await expected('primitives-hostile-v0.6');
    const data = await fromInseqJson(file);
    expect(data.rows).to.deep.equal(want.rows);
    expect(data.rows.slice(0, 4)).to.deep.equal(['</svg><script>alert(1)</script>', '=HYPERLINK("http://x")', 'a, NaN]', '"']);
    expectValues(data.values, want.values, true);
    expect(Number.isNaN(data.values[1][0])).to.equal(true);
  });

  it('reads float8 (F8_E4M3) scores', async () => {
    const [want] = await expected('encoder-decoder-saliency-float8-v0.7');
    const data = await fromInseqJson(await text('encoder-decoder-saliency-float8-v0.7.json'));
    expect(data.label).to.equal(want.label);
    expectValues(data.values, want.values, false);
  });

  it('normalises each column as inseq show() does, when asked', async () => {
    const data: HeatmapData = await fromInseqJson(await text('encoder-decoder-ig-v0.6.json'), { normalize: true });
    expect(data.label).to.equal('integrated_gradients (L2 norm over 4 embedding dimensions; normalised per column)');
    for (let c = 0; c < 3; c++) {
      const sum = data.values.reduce((s, row) => s + (Number.isNaN(row[c]) ? 0 : Math.abs(row[c])), 0);
      expect(sum).to.be.closeTo(1, 1e-12);
    }
  });

  it('rejects what it cannot read with one line that says why', async () => {
    const file = await text('encoder-decoder-ig-v0.6.json');
    const cases: [Promise<unknown>, RegExp][] = [
      [fromInseqJson(file, { index: 2 }), /^index 2: the file holds 2 sequences \(0–1\)$/],
      [fromInseqJson('{"rows": []}'), /^not an inseq attribution file: no "sequence_attributions"$/],
      [fromInseqJson('{"sequence_attributions": [{"source": [], "target": []}]}'), /no source_attributions or target_attributions/],
      [fromInseqJson('not json'), /^not valid JSON/],
      [fromInseqJson(file.replace(/"b64:[A-Za-z0-9+/]{8}/, '"b64:@@@@@@@@')), /not valid base64/],
      [fromInseqJson(file.replace(/"dtype": "float32"/, '"dtype": "complex64"')), /unsupported dtype "complex64"/],
      [fromInseqJson(new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3])), /gzip data is damaged/],
    ];
    for (const [promise, message] of cases) {
      const error = await rejection(promise);
      expect(error).to.be.instanceOf(InseqFormatError);
      expect(error.message).to.match(message);
      expect(error.message).not.to.contain('\n');
    }
  });
});

describe('inseq helpers', () => {
  it('decodes IEEE half precision, signs, subnormals and specials included', () => {
    expect(float16(0x3c00)).to.equal(1);
    expect(float16(0xc000)).to.equal(-2);
    expect(float16(0x3555)).to.equal(0.333251953125);
    expect(float16(0x7bff)).to.equal(65504);
    expect(float16(0x0001)).to.equal(2 ** -24);
    expect(Object.is(float16(0x8000), -0)).to.equal(true);
    expect(float16(0x7c00)).to.equal(Infinity);
    expect(float16(0xfc00)).to.equal(-Infinity);
    expect(Number.isNaN(float16(0x7e00))).to.equal(true);
  });

  it('parses Python JSON with bare NaN and Infinity, leaving strings alone', () => {
    expect(parsePythonJson('{"a": [NaN, Infinity, -Infinity], "b": "NaN, Infinity]"}')).to.deep.equal({ a: [null, Infinity, -Infinity], b: 'NaN, Infinity]' });
  });

  it('recognises an inseq save by its sequence_attributions', async () => {
    expect(isInseqSave(JSON.parse(await text('encoder-decoder-ig-v0.6.json')))).to.equal(true);
    expect(isInseqSave({ sequence_attributions: [] })).to.equal(true);
    expect(isInseqSave({ rows: [], values: [] })).to.equal(false);
  });
});
