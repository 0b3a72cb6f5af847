// Hostile and odd input through the server renderer and the CLI (issue 9, item 30): every bad input is
// one HeatmapInputError line from renderHeatmap/renderPage/checkInput, and one line on stderr with
// exit 1 from the CLI: never a stack trace, a RangeError or a TypeError. Runs the built dist/.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';

const CLI = join(ROOT, 'bin/token-heatmap.mjs');
/** The CLI with a time limit: a loop that never ends fails the test instead of hanging it. */
const run = (args, input) => spawnSync(process.execPath, [CLI, ...args], { input, cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });

const base = () => ({ rows: ['▁a', '▁b'], columns: ['x'], values: [[1], [-0.5]] });
const revoked = (target = {}) => {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
};
const throwing = () => new Proxy({}, { get: () => { throw new Error('getter throws'); } });
const throwingEntry = (items, index) => Object.defineProperty([...items], index, { get: () => { throw new Error(`entry ${index} throws`); } });
const circular = (extra = {}) => {
  const value = { ...extra };
  value.self = value;
  return value;
};
const deep = (depth) => {
  let value = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
};
const deepText = (depth, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

/** Bad inputs of every kind the issue found, each with the start of the line that must name it. */
const BAD = [
  ['null', null, /^expected a JSON object/],
  ['a Symbol', Symbol('s'), /^expected a JSON object/],
  ['a BigInt', 1n, /^expected a JSON object/],
  ['a revoked Proxy', revoked(), /^the input cannot be read \(TypeError: /],
  ['a Proxy whose keys throw', new Proxy(base(), { ownKeys: () => { throw new Error('ownKeys'); } }), /^the input cannot be read \(Error: ownKeys\)$/],
  ['a getter that throws', Object.defineProperty(base(), 'label', { get: () => { throw new Error('label getter'); }, enumerable: true }), /^label: cannot be read \(Error: label getter\)$/],
  ['revoked values', { ...base(), values: revoked([]) }, /^values: cannot be read \(TypeError: /],
  ['a revoked row', { ...base(), values: [revoked([]), [1]] }, /^values\[0\]: cannot be read \(TypeError: /],
  ['a row entry that throws', { ...base(), values: [throwingEntry([1], 0), [1]] }, /^values\[0\]\[0\] cannot be read \(Error: entry 0 throws\)$/],
  ['revoked rows', { ...base(), rows: revoked([]) }, /^rows: cannot be read \(TypeError: /],
  ['a row label that throws', { ...base(), rows: throwingEntry(['a', 'b'], 1) }, /^rows\[1\] cannot be read \(Error: entry 1 throws\)$/],
  ['BigInt values', { ...base(), values: [[1n], [2n]] }, /^values: values\[0\]\[0\] is bigint 1, not a number/],
  ['BigInt64Array rows', { ...base(), values: [new BigInt64Array([1n]), new BigInt64Array([2n])] }, /^values: values\[0\]\[0\] is bigint 1, not a number/],
  ['a flat Float64Array', { ...base(), values: new Float64Array([1, 2]) }, /^values: expected a 2-D array values\[row\]\[column\], got /],
  ['BigInt labels', { ...base(), rows: [1n, 2n] }, /^rows: 2 labels are not text$/],
  ['a Symbol label', { ...base(), label: Symbol('l') }, /^label: expected text, got Symbol\(l\)$/],
  ['a Symbol scheme', { ...base(), scheme: Symbol('s') }, /^scheme: expected a d3-scale-chromatic scheme name/],
  ['a BigInt min', { ...base(), min: 1n }, /^min: expected a number, got 1n$/],
  ['a BigInt decimals', { ...base(), decimals: 4n }, /^decimals: expected a whole number from 0 to 20, got 4n$/],
  ['a circular max', { ...base(), max: circular() }, /^max: expected a number, got an object that cannot be written out$/],
  ['a revoked selected', { ...base(), selected: revoked() }, /^selected: expected \{"rowIndex": …, "columnIndex": …\}, got /],
  ['a selected whose getters throw', { ...base(), selected: throwing() }, /^selected: expected \{"rowIndex"/],
  ['a selected outside the data', { ...base(), selected: { rowIndex: 5, columnIndex: 0 } }, /^selected: \{"rowIndex":5,"columnIndex":0\} is not \{"rowIndex", "columnIndex"\} inside the data$/],
  ['a label whose toString throws', { ...base(), label: { toString: () => { throw new Error('x'); } } }, /^label: expected text, got \{\}$/],
  ['revoked rowGroups', { ...base(), rowGroups: revoked([]) }, /^rowGroups: cannot be read \(TypeError: /],
  ['decreasing rowGroups', { ...base(), rowGroups: [1, 0] }, /^rowGroups: rowGroups\[1\] is 0, less than 1 at \[0\]/],
  ['rowGroups of the wrong length', { ...base(), rowGroups: [0] }, /^rowGroups: 1 group number for 2 tokens$/],
  ['values nested 100,000 deep', { ...base(), values: deep(100_000) }, /^values: values\[0\]\[0\] is an array, not a number/],
  ['a min nested 100,000 deep', { ...base(), min: deep(100_000) }, /^min: expected a number, got /],
  ['a selected nested 100,000 deep', { ...base(), selected: deep(100_000) }, /^selected: expected \{"rowIndex"/],
  ['an unknown key', { ...base(), colour: 'red' }, /^unknown key "colour"; expected rows, columns, values/],
  ['min ≥ max', { ...base(), min: 1, max: 1 }, /^min \(1\) must be less than max \(1\)$/],
  ['min and max a few rounding steps apart', { ...base(), min: 1000, max: 1000.0000000000001 }, /^min \(1000\) and max \(1000\.0000000000001\) are too narrow to draw$/],
  ['a max past ±Number.MAX_VALUE / 2', { ...base(), max: 1.7e308 }, /^min \(-1\.7e\+308\) and max \(1\.7e\+308\) reach past/],
  ['a NaN threshold', { ...base(), threshold: NaN }, /^threshold: expected a number, got NaN$/],
  ['a BigInt topK', { ...base(), topK: 10n }, /^topK: expected a whole number from 0 to 1000000000, got 10n$/],
  ['a Symbol normalization', { ...base(), normalization: Symbol() }, /^normalization: expected "none", "column", "row" or "all", got Symbol\(\)$/],
];

describe('renderHeatmap(), renderPage() and checkInput() with hostile input', () => {
  let api;
  before(async () => {
    api = await import(join(ROOT, 'dist/ssr.js'));
  });

  for (const [what, input, message] of BAD) {
    test(`${what}: one HeatmapInputError line naming the problem`, async () => {
      const check = (error) => {
        assert.ok(error instanceof api.HeatmapInputError, `${error?.name}: ${error?.message}`);
        assert.doesNotMatch(error.message, /\n/);
        assert.match(error.message, message);
        return true;
      };
      assert.throws(() => api.checkInput(input), check);
      await assert.rejects(api.renderHeatmap(input), check);
      await assert.rejects(api.renderPage(input), check);
    });
  }

  test('renderPage() options that are not text, a boolean or a URL: one HeatmapInputError line', async () => {
    for (const [options, message] of [
      [{ title: Symbol('t') }, /^renderPage options: title: expected text, got Symbol\(t\)$/],
      [{ title: { toString: () => { throw new Error('x'); } } }, /^renderPage options: title: expected text, got \{\}$/],
      [{ script: 5 }, /^renderPage options: script: expected true, false or a URL, got 5$/],
      [Object.defineProperty({}, 'title', { get: () => { throw new Error('title getter'); } }), /^renderPage options: title cannot be read \(Error: title getter\)$/],
      ['a string', /^renderPage options: expected an object, got "a string"$/],
    ]) {
      await assert.rejects(api.renderPage(base(), options), (e) => e instanceof api.HeatmapInputError && message.test(e.message));
    }
    assert.match(await api.renderPage(base(), null), /<title>Token heatmap<\/title>/);
  });

  test('draws tiny and huge numbers: 1e-200, 5e-324, a ±1e-150 domain, ±1e308, ±Infinity', async () => {
    for (const [input, warned] of [
      [{ ...base(), values: [[1e-200], [-1e-200]] }, false],
      [{ ...base(), min: -1e-150, max: 1e-150 }, false],
      [{ ...base(), values: [[Infinity], [-Infinity]] }, false],
      // The data's own range too narrow or too wide to draw: drawn, with the element's notice.
      [{ ...base(), values: [[5e-324], [-1e-320]] }, true],
      [{ ...base(), values: [[1e308], [-1e308]] }, true],
    ]) {
      const html = await api.renderHeatmap(input);
      assert.equal(html.match(/role="gridcell"/g).length, 2);
      assert.equal(/role="alert"/.test(html), warned, JSON.stringify(input.values));
      assert.equal(api.inputWarnings(api.checkInput(input)).length, warned ? 1 : 0);
    }
  });

  test('a range made from the data alone and too narrow to draw is drawn widened, with the element’s notice, and said by inputWarnings()', async () => {
    const input = { ...base(), values: [[1000], [1000.0000000000001]], center: 1000 };
    const warnings = api.inputWarnings(api.checkInput(input));
    assert.deepEqual(warnings, ['the colour range from the data (999.9999999999999 to 1000.0000000000001) is too narrow to draw; using 999.999999999 to 1000.000000001']);
    const html = await api.renderHeatmap(input);
    assert.equal(html.match(/role="gridcell"/g).length, 2);
    assert.match(html, new RegExp(`role="alert"[^>]*>(<!--[^>]*-->)*<p>(<!--[^>]*-->)*${warnings[0].replace(/[.()]/g, '\\$&')}`));
    // A centre of 2⁵³ with no usable data: the same rule, no refusal.
    assert.deepEqual(api.inputWarnings(api.checkInput({ rows: ['a'], columns: ['b'], values: [[null]], center: 2 ** 53 })).length, 1);
    assert.deepEqual(api.inputWarnings(api.checkInput(base())), []);
  });

  test('checkInput returns a plain copy: getters are read once, the result is plain data', () => {
    let reads = 0;
    const input = { ...base(), get label() { reads++; return 'Attribution'; }, selected: circular({ rowIndex: 1, columnIndex: 0 }) };
    const checked = api.checkInput(input);
    assert.equal(reads, 1);
    assert.deepEqual(checked.selected, { rowIndex: 1, columnIndex: 0 });
    assert.equal(checked.label, 'Attribution');
    assert.notEqual(checked.values, input.values);
  });
});

describe('the CLI with hostile input', () => {
  const dir = mkdtempSync(join(tmpdir(), 'token-heatmap-hostile-'));
  const file = (name, text) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const assertOneLine = (result, pattern) => {
    assert.equal(result.error, undefined, String(result.error));
    assert.equal(result.status, 1, result.stderr);
    assert.equal(result.stdout, '');
    assert.equal(result.stderr.split('\n').length, 2, result.stderr.slice(0, 500));
    assert.doesNotMatch(result.stderr, /\n\s+at |Error:/);
    assert.match(result.stderr.trim(), pattern);
  };
  const data = '"rows":["a"],"columns":["b"],"values":[[1]]';

  for (const depth of [100_000, 1_000_000]) {
    test(`JSON nested ${depth.toLocaleString('en')} deep, at the top level, in min, selected and values, from a file and stdin: one line, exit 1`, () => {
      assertOneLine(run(['render', file(`top-${depth}.json`, deepText(depth))]), /^token-heatmap: \S*top-\d+\.json: expected a JSON object with "rows", "columns" and "values", got /);
      assertOneLine(run(['render', '-'], deepText(depth)), /^token-heatmap: stdin: expected a JSON object/);
      assertOneLine(run(['render', file(`min-${depth}.json`, `{${data},"min":${deepText(depth)}}`)]), /^token-heatmap: \S*min-\d+\.json: min: expected a number, got /);
      const selected = '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
      assertOneLine(run(['render', '-'], `{${data},"selected":${selected}}`), /^token-heatmap: stdin: selected: expected \{"rowIndex"/);
      assertOneLine(run(['render', '-', '--format', 'svg'], `{"values":[${deepText(depth)}]}`), /^token-heatmap: stdin: values: values\[0\]\[0\] is an array, not a number$/);
    });
  }

  test('tiny numbers draw: exit 0 for html and svg', () => {
    for (const values of ['[[1e-200]]', '[[1e-300, -1e-300]]', '[[1e-150, -1e-150]]']) {
      for (const format of ['html', 'svg']) {
        const result = run(['render', '-', '--format', format], `{"values":${values}}`);
        assert.equal(result.status, 0, result.stderr);
        assert.equal(result.stderr, '');
      }
    }
    assert.equal(run(['render', '-'], '{"values":[[1]],"min":-1e-150,"max":1e-150}').status, 0);
  });

  test('a data range too narrow to draw: drawn, with one warning line on stderr, exit 0', () => {
    const result = run(['render', '-', '--fragment'], '{"values":[[1000],[1000.0000000000001]],"center":1000}');
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stderr, 'token-heatmap: warning: stdin: the colour range from the data (999.9999999999999 to 1000.0000000000001) is too narrow to draw; using 999.999999999 to 1000.000000001\n');
    assert.equal(result.stdout.match(/role="gridcell"/g).length, 2);
  });

  test('ends that cannot be drawn: one line, exit 1', () => {
    assertOneLine(run(['render', '-'], '{"values":[[1000]],"min":1000,"max":1000.0000000000001}'), /^token-heatmap: stdin: min \(1000\) and max \(1000\.0000000000001\) are too narrow to draw$/);
    assertOneLine(run(['render', '-'], '{"values":[[1]],"max":1e999}'), /^token-heatmap: stdin: max: expected a number, got Infinity$/);
  });
});
