// The server renderer and the CLI under seeded random inputs (issue 9, item 32), from the same pools
// as the element's fuzz test (test/fuzz-inputs.mjs): every input either renders (when every value came
// from a valid pool) or fails with one HeatmapInputError line naming a rejected key; nothing else is
// thrown, no call runs past a time bound, and the baseline renders the same again afterwards.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';
import { BASELINE, cliInput, messagePrefixes, pools, random } from '../fuzz-inputs.mjs';

const SEED = 20_260_509;
const RENDERS = 2000;
const CLI_RUNS = 1000;
const SPAWNED = 24;
/** A render of the 4 × 3 baseline takes milliseconds; one this long is a runaway loop. */
const BOUND_MS = 5000;

let api;
let cli;
let specs;
before(async () => {
  api = await import(join(ROOT, 'dist/ssr.js'));
  cli = await import(join(ROOT, 'dist/cli.js'));
  specs = api.JSON_PROPERTIES;
});

/** Whether a message is about one of these properties: `name: …`, `name[3] …` or the attribute's name. */
const about = (message, chosen) =>
  chosen.some((spec) => messagePrefixes(spec).some((p) => message.startsWith(p) || message.startsWith(`${p.slice(0, -2)}[`)));

describe('fuzzing renderHeatmap() with a fixed seed', () => {
  test(`${RENDERS} inputs: a page or one HeatmapInputError line, within ${BOUND_MS} ms, and full recovery`, async () => {
    const r = random(SEED);
    const server = pools({ server: true });
    // Every key a JSON heatmap takes is fuzzed: a new one needs its pools in test/fuzz-inputs.mjs.
    assert.deepEqual(specs.filter((spec) => !server[spec.name]).map((spec) => spec.name), []);
    const reference = await api.renderHeatmap(BASELINE);
    assert.equal(reference.match(/role="gridcell"/g).length, 12);
    let rendered = 0;
    let refused = 0;
    let slowest = 0;
    for (let n = 1; n <= RENDERS; n++) {
      const input = { ...BASELINE };
      const chosen = [];
      const validity = new Map();
      for (let k = 1 + r.int(3); k > 0; k--) {
        const spec = r.pick(specs);
        const valid = r.chance(0.5);
        validity.set(spec, valid);
        if (!chosen.includes(spec)) chosen.push(spec);
        const value = valid ? server[spec.name].valid(r) : server[spec.name].invalid(r);
        if (value === undefined) delete input[spec.name];
        else input[spec.name] = value;
      }
      const valid = [...validity.values()].every(Boolean);
      const label = `input ${n}: ${chosen.map((s) => `${validity.get(s) ? 'valid' : 'invalid'} ${s.name}`).join(', ')}`;
      const start = performance.now();
      let html;
      let error;
      try {
        html = await api.renderHeatmap(input);
      } catch (e) {
        error = e;
      }
      const ms = performance.now() - start;
      slowest = Math.max(slowest, ms);
      assert.ok(ms < BOUND_MS, `${label}: ${ms} ms`);
      if (error) {
        refused++;
        assert.ok(error instanceof api.HeatmapInputError, `${label}: ${error?.name}: ${error?.message}`);
        assert.doesNotMatch(error.message, /\n/, label);
        assert.equal(valid, false, `${label}: refused valid input: ${error.message}`);
        const rejected = chosen.filter((s) => !validity.get(s));
        assert.ok(about(error.message, rejected), `${label}: ${error.message}`);
      } else {
        rendered++;
        assert.equal(valid, true, `${label}: rendered invalid input`);
        // The grid, or the text view's tokens alone (view="text").
        assert.match(html, /role="(grid|listbox)"/, label);
        assert.doesNotMatch(html, /role="alert"/, label);
      }
      if (n % 10 === 0) assert.equal(await api.renderHeatmap(BASELINE), reference, `${label}: recovered`);
    }
    // Both pools were exercised.
    assert.ok(rendered > RENDERS / 10 && refused > RENDERS / 10, `${rendered} rendered, ${refused} refused`);
    console.log(`renderHeatmap fuzz: ${rendered} rendered, ${refused} refused, slowest ${slowest.toFixed(1)} ms`);
  });
});

describe('fuzzing the CLI with a fixed seed', () => {
  /** The CLI's main() on stdin text, as the bin runs it, with its streams captured. */
  async function runMain(text) {
    const out = [];
    const err = [];
    const io = {
      stdout: { write: (data) => out.push(String(data)) },
      stderr: { write: (data) => err.push(String(data)) },
      stdin: (async function* () {
        yield text;
      })(),
    };
    const code = await cli.main(['render', '-', '--fragment'], io);
    return { code, stdout: out.join(''), stderr: err.join('') };
  }

  const inputs = [];
  test(`${CLI_RUNS} JSON inputs through main(): exit 0 with the element, or exit 1 with one line and no stack`, async () => {
    const r = random(SEED + 1);
    const server = pools({ server: true });
    const names = specs.map((s) => s.name);
    let slowest = 0;
    for (let n = 1; n <= CLI_RUNS; n++) {
      const { text, valid } = cliInput(r, server, names);
      const start = performance.now();
      const result = await runMain(text);
      slowest = Math.max(slowest, performance.now() - start);
      const label = `input ${n} (${valid ? 'valid' : 'invalid'}): ${text.slice(0, 160)}`;
      assert.ok(performance.now() - start < BOUND_MS, label);
      assert.doesNotMatch(result.stderr, /\n\s+at |Error:/, label);
      if (valid) {
        assert.equal(result.code, 0, `${label}\n${result.stderr}`);
        assert.equal(result.stderr, '', label);
        assert.match(result.stdout, /^<token-heatmap [^>]*>.*role="(grid|listbox)"/s, label);
      } else {
        assert.equal(result.code, 1, `${label}\n${result.stdout.slice(0, 100)}`);
        assert.equal(result.stdout, '', label);
        assert.match(result.stderr, /^token-heatmap: stdin: [^\n]+\n$/, label);
      }
      if (n % Math.floor(CLI_RUNS / SPAWNED) === 0) inputs.push({ text, result });
    }
    console.log(`CLI fuzz: ${CLI_RUNS} runs, slowest ${slowest.toFixed(1)} ms`);
  });

  test(`${SPAWNED} of them through the real bin, with a timeout: the same exit code and message`, () => {
    assert.ok(inputs.length >= SPAWNED);
    for (const { text, result } of inputs.slice(0, SPAWNED)) {
      const spawned = spawnSync(process.execPath, [join(ROOT, 'bin/token-heatmap.mjs'), 'render', '-', '--fragment'], {
        input: text,
        encoding: 'utf8',
        timeout: 30_000,
        maxBuffer: 64 << 20,
      });
      assert.equal(spawned.error, undefined, String(spawned.error));
      assert.equal(spawned.status, result.code, text.slice(0, 160));
      assert.equal(spawned.stderr, result.stderr);
      assert.equal(spawned.stdout, result.stdout);
    }
  });
});
