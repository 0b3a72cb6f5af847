// The element under a few thousand seeded random inputs (issue 9, item 32): every property of the
// schema, as a property or through its attribute, gets values from a pool that must be taken silently
// or one that must be rejected with a message (test/fuzz-inputs.mjs). After each step: no uncaught
// error, the update completed within a bound, a grid, a message naming each rejected property (and
// none when nothing was rejected), and full recovery once the baseline is set again.
import { html, fixture, expect } from '@open-wc/testing';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { PROPERTIES, type PropertySpec } from '../src/properties.js';
import { BASELINE, jsonSafe, messagePrefixes, pools, random } from './fuzz-inputs.mjs';
import { gridCells, rowHeaders, shadow, text } from './helpers.js';

const SEED = 20_260_509;
/** Steps per chunk and chunks: each chunk is one test, so a failure names where it happened. */
const CHUNK = 250;
const CHUNKS = 10;
/** An update of this 4 × 3 grid takes a few milliseconds; one that takes this long is a runaway loop. */
const UPDATE_BOUND_MS = 2000;

const specs = PROPERTIES as readonly PropertySpec[];
const propertyPools = pools();
const jsonPools = pools({ server: true });
type Pool = { valid: (r: ReturnType<typeof random>) => unknown; invalid: (r: ReturnType<typeof random>) => unknown };

/** The attribute text for a value, or null to remove the attribute. */
function attributeText(spec: PropertySpec, value: unknown): string | null {
  if (value === undefined || value === null) return null;
  switch (spec.kind.type) {
    case 'labels':
    case 'values':
    case 'cell':
    case 'groups':
    case 'scores':
      return JSON.stringify(jsonSafe(value));
    case 'boolean':
      return value === true ? '' : null;
    default:
      return String(value);
  }
}

/** Attribute text that must be rejected, for kinds where any text can be wrong. */
const BAD_TEXT: Partial<Record<PropertySpec['kind']['type'], readonly string[]>> = {
  labels: ['{', '["a",', 'NaNa', '"a,b"', '[' + '['.repeat(5000)],
  values: ['[[1,2],[3', '{"0":1}', '[[1,"x",3]]', '"values"'],
  cell: ['{rowIndex:1}', '[0,0]', '{"rowIndex":-1,"columnIndex":0}'],
  groups: ['[0,', '[1,0,0,0]', '"words"'],
  scores: ['{"p":', '[0.5]', '{"p":[0.5]}', '{}'],
  number: ['abc', '1n', '1e999', '--1'],
  integer: ['2.5', '-1', 'abc', '1e999'],
  scheme: ['Jet', 'interpolate', ''],
  choice: ['DIAGONAL', 'none of these'],
};

/** What a reader sees: cell texts and colours, row labels, the alert. */
function snapshot(el: TokenHeatmap) {
  // The value cells: step scores, like values, keep the valid part of a rejected input.
  const cells = gridCells(el).filter((c) => !c.matches('[part~="step-score"]'));
  return {
    cells: cells.map(text),
    colours: cells.map((c) => getComputedStyle(c).backgroundColor),
    rows: rowHeaders(el).map(text),
    alert: [...shadow(el).querySelectorAll('[role="alert"] p')].map(text),
  };
}

async function baseline(): Promise<TokenHeatmap> {
  return fixture<TokenHeatmap>(html`<token-heatmap
    .rows=${BASELINE.rows}
    .columns=${BASELINE.columns}
    .values=${BASELINE.values}
    .min=${BASELINE.min}
    .max=${BASELINE.max}
  ></token-heatmap>`);
}

describe('fuzzing the element with a fixed seed', () => {
  const r = random(SEED);
  let el: TokenHeatmap;
  let reference: ReturnType<typeof snapshot>;
  const uncaught: string[] = [];
  const warnings: string[] = [];
  const errorEvents: string[] = [];
  const warn = console.warn;
  const onRejection = (event: PromiseRejectionEvent) => {
    uncaught.push(`unhandled rejection: ${String(event.reason)}`);
    event.preventDefault();
  };
  const onError = (event: ErrorEvent) => {
    uncaught.push(`uncaught: ${event.message}`);
    event.preventDefault();
  };
  const longest = { ms: 0, step: '' };
  let steps = 0;

  before(async () => {
    // Every property of the schema is fuzzed: a new one needs its pools in test/fuzz-inputs.mjs.
    expect(specs.filter((spec) => !propertyPools[spec.name]).map((spec) => spec.name)).to.deep.equal([]);
    // Thousands of expected warnings: counted here, not printed.
    console.warn = (...args: unknown[]) => void warnings.push(args.map(String).join(' '));
    window.addEventListener('unhandledrejection', onRejection);
    window.addEventListener('error', onError);
    el = await fresh();
    reference = snapshot(el);
    expect(reference.cells).to.have.length(12);
    expect(reference.alert).to.deep.equal([]);
  });

  after(() => {
    console.warn = warn;
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onError);
    // For the record: how many steps ran and the slowest update.
    console.log(`fuzz: ${steps} steps, slowest update ${longest.ms.toFixed(1)} ms (${longest.step})`);
  });

  async function fresh(): Promise<TokenHeatmap> {
    const made = await baseline();
    made.addEventListener('error', (event) => errorEvents.push((event as CustomEvent<string>).detail));
    return made;
  }

  /** Sets one property, or its attribute, from the valid or the invalid pool; says what it did. */
  function change(spec: PropertySpec, valid: boolean): string {
    const viaAttribute = spec.attribute !== false && r.chance(0.3);
    if (viaAttribute) {
      const bad = BAD_TEXT[spec.kind.type];
      // Text and booleans take any attribute text: those stay valid.
      const wrong = !valid && bad !== undefined;
      const pool = jsonPools[spec.name] as Pool;
      const json = ['labels', 'values', 'cell', 'groups', 'scores'].includes(spec.kind.type);
      // Wrong text, or (JSON kinds) a wrong value written as JSON.
      const textValue = wrong ? (json && r.chance(0.5) ? attributeText(spec, pool.invalid(r)) : r.pick(bad!)) : attributeText(spec, pool.valid(r));
      if (textValue === null) el.removeAttribute(spec.attribute as string);
      else el.setAttribute(spec.attribute as string, textValue);
      return `${wrong ? 'invalid' : 'valid'} attribute ${spec.attribute}=${JSON.stringify(textValue)?.slice(0, 60)}`;
    }
    const pool = propertyPools[spec.name] as Pool;
    (el as unknown as Record<string, unknown>)[spec.name] = valid ? pool.valid(r) : pool.invalid(r);
    return `${valid ? 'valid' : 'invalid'} property ${spec.name}`;
  }

  /** Whether a change was from the invalid pool (text and boolean attributes never are). */
  const rejected = (description: string) => description.startsWith('invalid');

  async function step(n: number): Promise<void> {
    const count = 1 + r.int(3);
    const chosen: PropertySpec[] = [];
    while (chosen.length < count) {
      const spec = r.pick(specs);
      if (!chosen.includes(spec)) chosen.push(spec);
    }
    const warningsBefore = warnings.length;
    const eventsBefore = errorEvents.length;
    const done = chosen.map((spec) => ({ spec, what: change(spec, r.chance(0.5)) }));
    const label = `step ${n}: ${done.map((d) => d.what).join('; ')}`;
    const start = performance.now();
    await el.updateComplete;
    const ms = performance.now() - start;
    steps++;
    if (ms > longest.ms) Object.assign(longest, { ms, step: label });
    expect(ms, label).to.be.below(UPDATE_BOUND_MS);
    expect(uncaught, label).to.deep.equal([]);
    // The grid, or the text view's tokens alone (`view="text"`).
    expect(shadow(el).querySelector('[role="grid"], [role="listbox"]'), label).to.exist;
    const seen = snapshot(el);
    const bad = done.filter((d) => rejected(d.what));
    if (!bad.length) expect(seen.alert, label).to.deep.equal([]);
    for (const { spec } of bad) {
      const prefixes = messagePrefixes(spec);
      expect(
        seen.alert.some((line) => prefixes.some((p: string) => line.startsWith(p))),
        `${label}\n  alert: ${seen.alert.join(' | ')}`,
      ).to.equal(true);
    }
    if (bad.length) {
      expect(warnings.length, label).to.be.above(warningsBefore);
      expect(errorEvents.length, label).to.be.above(eventsBefore);
    }
    // Rejected options are replaced by their defaults, which the baseline uses (but for min and max:
    // one alone is mirrored from the other, both go back to the data's range): the drawing keeps every
    // valid value. Rejected values draw missing cells; rejected labels only index labels; a rejected
    // interpolator keeps the colours it did return.
    const names = done.map((d) => d.spec.name);
    if (bad.length === done.length && !done.some((d) => d.spec.kind.type === 'values')) {
      const values = (cells: string[]) => cells.filter(Boolean);
      expect(values(seen.cells), label).to.deep.equal(values(reference.cells));
      const sameColours = !names.includes('interpolator') && !(names.includes('min') && names.includes('max')) && !done.some((d) => d.spec.kind.type === 'labels');
      if (sameColours) expect(seen.colours, label).to.deep.equal(reference.colours);
    }

    // Full recovery: the baseline again, as properties.
    for (const { spec } of done) {
      (el as unknown as Record<string, unknown>)[spec.name] = (BASELINE as Record<string, unknown>)[spec.name] ?? spec.default;
    }
    await el.updateComplete;
    expect(uncaught, `${label} (recovering)`).to.deep.equal([]);
    expect(snapshot(el), `${label} (recovered)`).to.deep.equal(reference);
  }

  for (let chunk = 0; chunk < CHUNKS; chunk++) {
    it(`steps ${chunk * CHUNK + 1}–${(chunk + 1) * CHUNK}: no uncaught error, a grid, a message for each rejected input, full recovery`, async function () {
      this.timeout(60_000);
      // A fresh element per chunk: a failure in one chunk does not spill into the next.
      if (chunk > 0) el = await fresh();
      for (let i = 0; i < CHUNK; i++) await step(chunk * CHUNK + i + 1);
    });
  }
});
