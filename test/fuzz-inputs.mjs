// Seeded random inputs for the fuzz tests (issue 9, item 32): the element's (test/fuzz.test.ts), the
// server renderer's and the CLI's (test/node/fuzz.test.mjs). For every kind of property in the schema
// there are two pools, classified here by hand, not by the code under test: values that must be
// accepted without a word, and values that must be rejected with a message naming the property.
// Plain JavaScript so that the browser and Node tests share it.

/** A small fast PRNG (mulberry32): the same seed gives the same inputs on every run and browser. */
export function random(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (list) => list[int(list.length)], chance: (p) => next() < p };
}

/** The fuzzed heatmap's shape and data; every valid pool fits it. */
export const SHAPE = { rows: 4, columns: 3 };
export const BASELINE = {
  rows: ['▁The', '▁cat', '▁sat', '.'],
  columns: ['out', 'put', 'now'],
  values: [
    [0.5, -0.25, 0.125],
    [1, -1, 0],
    [0.75, null, -0.5],
    [-0.125, 0.25, 1.5],
  ],
  min: -1,
  max: 1,
};

const SCHEMES = ['RdYlGn', 'rdbu', 'PUOR', 'interpolateViridis', ' Magma ', 'Spectral', 'CubehelixDefault', 'Turbo', 'Greys'];
const TOKENS = ['▁the', 'Ġquick', '\n', '', ' ', '<s>', '</s>', '[CLS]', '<|endoftext|>', '_$', '0', '\t', 'ü', '😀', '<img src=x onerror=alert(1)>', '"><script>alert(1)</script>', 'a'.repeat(300)];
const PAYLOADS = ['red;background-image:url(/__fuzz-injected.png)', '</style><script>alert(1)</script>', '"><svg onload=alert(1)>', '{{constructor}}', '${alert(1)}', '\u0000', '\ud800'];

// ---- values no property accepts ------------------------------------------------------------------

function revoked(target) {
  const { proxy, revoke } = Proxy.revocable(target, {});
  revoke();
  return proxy;
}
const throwing = () =>
  new Proxy(
    {},
    {
      get() {
        throw new Error('fuzz getter');
      },
    },
  );
const throwingToString = () => ({
  toString() {
    throw new Error('fuzz toString');
  },
});
const circular = () => {
  const value = { a: 1 };
  value.self = value;
  return value;
};
const throwingEntry = (items, index) =>
  Object.defineProperty([...items], index, {
    get() {
      throw new Error('fuzz entry');
    },
  });
const throwingLength = (items) =>
  new Proxy(items, {
    get(target, key, receiver) {
      if (key === 'length') throw new Error('fuzz length');
      return Reflect.get(target, key, receiver);
    },
  });
let deepCache;
/** Arrays nested 20,000 deep (made once: they are never changed). */
const deep = () => {
  if (!deepCache) {
    deepCache = [];
    for (let i = 0; i < 20_000; i++) deepCache = [deepCache];
  }
  return deepCache;
};

/** Values that no property takes: each a thing the issue found throwing, or a plain wrong type. */
const UNIVERSAL = [
  () => 1n,
  () => 2n ** 80n,
  () => Symbol('fuzz'),
  circular,
  () => revoked({}),
  () => revoked([]),
  throwing,
  throwingToString,
  deep,
  () => new Map([[1, 2]]),
  () => new Date(0),
  () => new BigInt64Array([1n, 2n]),
  () => ({}),
  () => Object.create(null),
];

/** A wrong value for a property that takes `valid`: a universal one, or one of the kind's own wrong ones. */
const wrong = (own) => (r) => (r.chance(0.5) || !own.length ? r.pick(UNIVERSAL)() : r.pick(own)(r));

const finite = (r) => Math.round((r.next() * 10 - 5) * 1000) / 1000;
const cellValue = (r) => (r.chance(0.1) ? null : r.chance(0.03) ? NaN : r.chance(0.03) ? (r.chance(0.5) ? Infinity : -Infinity) : finite(r));
const matrix = (r, rows = SHAPE.rows, columns = SHAPE.columns) => Array.from({ length: rows }, () => Array.from({ length: columns }, () => cellValue(r)));
const labels = (r, count) => Array.from({ length: count }, () => (r.chance(0.02) ? 'x'.repeat(100_000) : r.pick(TOKENS)));
const groups = (r, count) => {
  const out = [];
  let g = 0;
  for (let i = 0; i < count; i++) {
    if (r.chance(0.15)) out.push(null);
    else {
      if (i > 0 && r.chance(0.5)) g++;
      // A number after a null must be new: each group is one run of tokens.
      if (out.length && out[out.length - 1] === null) g++;
      out.push(g);
    }
  }
  return out;
};
const between = (lo, hi) => (r) => Math.round((lo + r.next() * (hi - lo)) * 1000) / 1000;
const choose = (choices) => (r) => r.pick(choices);
const colourFunctions = [
  () => (t) => `rgb(${Math.round(255 * t)} 40 ${Math.round(255 * (1 - t))})`,
  () => (t) => `hsl(${Math.round(360 * t)}deg 70% 50%)`,
  () => (t) => (t < 0.5 ? '#2166ac' : 'oklch(0.7 0.1 30)'),
];
const badColourFunctions = [
  () => (t) => {
    if (t !== 0.5) throw new RangeError('fuzz: only at 0.5');
    return 'red';
  },
  () => () => PAYLOADS[0],
  () => () => 42,
  () => () => Symbol('c'),
  () => () => throwingToString(),
  () => () => 'var(--x)',
  () => (t) => (t > 0.9 ? 'url(x)' : 'red'),
  () => revoked(() => 'red'),
];

/**
 * The two pools of every property, by name: `valid(r)` must be taken silently; `invalid(r)` must be
 * rejected with a message starting with the property's attribute (or name). `options.server`: only
 * what a JSON heatmap can carry (no typed arrays, no functions, text strictly text).
 */
export function pools({ server = false } = {}) {
  const number = (lo, hi, extra = []) => ({
    valid: (r) => (r.chance(0.1) ? undefined : between(lo, hi)(r)),
    invalid: wrong([() => '1.5', () => NaN, () => Infinity, () => -Infinity, () => true, () => [1], () => '', ...extra]),
  });
  /** Valid draws from lo to hi; invalid ones lie outside lo to `max`, the schema's own limit. */
  const integer = (lo, hi, max = hi) => ({
    valid: (r) => lo + r.int(hi - lo + 1),
    invalid: wrong([() => lo - 1, () => max + 1, () => 2.5, () => '3', () => NaN, () => Infinity]),
  });
  const choice = (choices) => ({
    valid: choose(choices),
    invalid: wrong([() => choices[0].toUpperCase(), () => 'diagonal', () => '', () => 7, () => [choices[0]]]),
  });
  const text = {
    valid: (r) => (r.chance(0.3) ? r.pick(PAYLOADS) : r.chance(0.05) ? 'y'.repeat(100_000) : r.pick(TOKENS)),
    invalid: wrong([() => ['a'], () => ({ a: 1 })]),
  };
  const labelPool = (count, name) => ({
    valid: (r) => (r.chance(0.1) ? [] : labels(r, count)),
    invalid: wrong([
      (r) => labels(r, count + 1 + r.int(3)),
      (r) => labels(r, Math.max(1, count - 1 - r.int(count - 1))),
      (r) => [...labels(r, count - 1), r.pick([1n, Symbol('l'), {}, null, [name]])],
      (r) => throwingEntry(labels(r, count), r.int(count)),
      () => 'a,b,c',
    ]),
  });
  const values = {
    valid: (r) =>
      server || r.chance(0.7)
        ? matrix(r)
        : r.chance(0.5)
          ? Float64Array.from(matrix(r).flat(), (v) => (v === null ? NaN : v))
          : matrix(r).map((row) => Float32Array.from(row, (v) => (v === null ? NaN : v))),
    invalid: wrong([
      (r) => {
        const m = matrix(r);
        m[r.int(SHAPE.rows)][r.int(SHAPE.columns)] = r.pick([1n, '0.5', true, {}, [1]]);
        return m;
      },
      (r) => {
        const m = matrix(r);
        m[r.int(SHAPE.rows)] = m[0].slice(0, 1);
        return m;
      },
      (r) => matrix(r, SHAPE.rows + 1),
      (r) => {
        const m = matrix(r);
        m[r.int(SHAPE.rows)] = r.pick([throwingEntry(m[0], 1), throwingLength(m[0]), revoked([]), 'row']);
        return m;
      },
      () => [new BigInt64Array([1n, 2n, 3n]), [1, 2, 3], [1, 2, 3], [1, 2, 3]],
      () => 'values',
    ]),
  };
  const groupPool = (count) => ({
    valid: (r) => (r.chance(0.2) ? null : groups(r, count)),
    invalid: wrong([
      (r) => groups(r, count + 1),
      () => Array.from({ length: count }, (_, i) => count - i),
      () => Array.from({ length: count }, () => 0.5),
      (r) => throwingEntry(groups(r, count), 0),
      () => [0, null, 0, 0].slice(0, count),
    ]),
  });
  const all = {
    rows: labelPool(SHAPE.rows, 'rows'),
    columns: labelPool(SHAPE.columns, 'columns'),
    values,
    min: number(-3, -0.5),
    max: number(0.5, 3),
    center: number(-0.25, 0.25),
    scheme: { valid: choose(SCHEMES), invalid: wrong([() => 'Jet', () => '', () => 'interpolate', () => 3]) },
    interpolator: { valid: (r) => (r.chance(0.2) ? undefined : r.pick(colourFunctions)()), invalid: wrong(badColourFunctions.map((f) => () => f())) },
    decimals: integer(0, 20),
    label: text,
    caption: text,
    captionLevel: integer(1, 6),
    transpose: { valid: (r) => r.chance(0.5), invalid: wrong([() => 'true', () => 1, () => 0, () => 'false']) },
    selected: {
      valid: (r) => (r.chance(0.2) ? null : { rowIndex: r.int(SHAPE.rows), columnIndex: r.int(SHAPE.columns) }),
      invalid: wrong([
        () => ({ rowIndex: SHAPE.rows + 3, columnIndex: 0 }),
        () => ({ rowIndex: -1, columnIndex: 0 }),
        () => ({ rowIndex: 0.5, columnIndex: 0 }),
        () => ({ rowIndex: '1', columnIndex: 1 }),
        () => [0, 0],
        () => 'cell',
      ]),
    },
    theme: { valid: (r) => (r.chance(0.2) ? undefined : r.pick(['light', 'dark'])), invalid: choice(['light', 'dark']).invalid },
    crosshair: choice(['labels', 'band']),
    columnLabelOrientation: choice(['auto', 'horizontal', 'vertical']),
    groupRows: choice(['tokens', 'words', 'sentences', 'lines']),
    groupColumns: choice(['tokens', 'words', 'sentences', 'lines']),
    rowGroups: groupPool(SHAPE.rows),
    columnGroups: groupPool(SHAPE.columns),
    aggregate: choice(['sum', 'mean', 'absmax']),
    normalization: choice(['none', 'column', 'row', 'all']),
    topK: { valid: (r) => (r.chance(0.3) ? undefined : r.int(SHAPE.rows + 2)), invalid: integer(0, 10, 1e9).invalid },
    threshold: number(0, 2, [() => '0.5']),
    hideSpecial: { valid: (r) => r.chance(0.5), invalid: wrong([() => 'yes', () => 1]) },
    noExport: { valid: (r) => r.chance(0.5), invalid: wrong([() => 'no', () => 0]) },
    view: choice(['grid', 'text', 'both']),
    targetRows: { valid: (r) => r.int(SHAPE.rows + 2), invalid: integer(0, 10, 1e9).invalid },
    stepScores: {
      valid: (r) => {
        if (r.chance(0.2)) return null;
        const series = (scale) => Array.from({ length: SHAPE.columns }, () => (r.chance(0.1) ? null : Math.round(r.next() * scale * 1000) / 1000));
        return r.chance(0.5) ? { probability: series(1) } : { probability: series(1), entropy: series(3) };
      },
      invalid: wrong([
        () => ({ probability: [0.5] }),
        () => ({ probability: 'high' }),
        () => [0.1, 0.2, 0.3],
        () => ({ probability: [0.1, 'x', 0.3] }),
        (r) => ({ probability: throwingEntry([0.1, 0.2, 0.3], r.int(SHAPE.columns)) }),
        () => 'scores',
      ]),
    },
    compare: {
      valid: (r) => (r.chance(0.2) ? null : server || r.chance(0.7) ? matrix(r) : Float64Array.from(matrix(r).flat(), (v) => (v === null ? NaN : v))),
      invalid: wrong([
        (r) => matrix(r, SHAPE.rows + 1),
        (r) => matrix(r, SHAPE.rows, SHAPE.columns - 1),
        (r) => {
          const m = matrix(r);
          m[r.int(SHAPE.rows)][r.int(SHAPE.columns)] = r.pick(['0.5', true, {}, [1]]);
          return m;
        },
        () => 'compare',
      ]),
    },
    compareMode: choice(['diff', 'a', 'b']),
    zoom: { valid: (r) => r.pick(['auto', 'fit', 1, 0.5, 2, r.chance(0.5) ? 0.05 : 4]), invalid: wrong([() => 'huge', () => 0, () => -1, () => true, () => Infinity]) },
  };
  if (server) delete all.interpolator;
  return all;
}

/** The start every message about a property has: its attribute, or its name when it has none (or for groups). */
export const messagePrefixes = (spec) => {
  const names = new Set([spec.name, spec.attribute].filter(Boolean));
  // A label count that does not match the values is said about rows or columns, a shape about values.
  if (spec.kind.type === 'labels' || spec.kind.type === 'values') ['rows', 'columns', 'values'].forEach((n) => names.add(n));
  return [...names].map((n) => `${n}: `);
};

// ---- JSON text for the CLI ---------------------------------------------------------------------------

/** JSON texts no key takes, as the CLI may read them: nesting, out-of-range numbers, wrong types. */
// (Each is wrong for every key: `[]` would be fine for rows, NaN reads as null, "not set".)
const JSON_HOSTILE = ['['.repeat(50_000) + ']'.repeat(50_000), '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000), '1e999', '-1e999', '1' + '0'.repeat(400), '{}'];

/** A JSON value as text, with NaN and ±Infinity written as Python's json.dumps writes them. */
const pythonJson = (value) =>
  JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? `__${v}__` : v)).replace(/"__(NaN|Infinity|-Infinity)__"/g, '$1');

/**
 * One CLI input: the baseline with 1–3 keys replaced. `valid` says whether every replacement came from
 * a valid pool (the CLI must then draw it and exit 0); otherwise it must exit 1 with one line.
 */
export function cliInput(r, serverPools, names) {
  const data = { ...BASELINE };
  const texts = {};
  const validity = {};
  const count = 1 + r.int(3);
  for (let i = 0; i < count; i++) {
    const name = r.pick(names);
    validity[name] = r.chance(0.5);
    if (validity[name]) {
      const value = serverPools[name].valid(r);
      if (value === undefined) delete data[name];
      else data[name] = value;
      delete texts[name];
    } else {
      delete data[name];
      // A JSON-representable wrong value, or text that is not one value of the key's kind at all.
      texts[name] = r.chance(0.5) ? r.pick(JSON_HOSTILE) : pythonJson(jsonSafe(serverPools[name].invalid(r)));
    }
  }
  const body = [...Object.entries(data).map(([k, v]) => `${JSON.stringify(k)}:${pythonJson(v)}`), ...Object.entries(texts).map(([k, t]) => `${JSON.stringify(k)}:${t}`)];
  return { text: `{${body.join(',')}}`, valid: Object.values(validity).every(Boolean) };
}

/** A value wrong for every key: an object without the keys a cell has. */
const WRONG_FOR_ALL = { unreadable: true };

/** A wrong value as JSON can carry it; what JSON cannot write (or reads as "not set") becomes one wrong for every key. */
export function jsonSafe(value) {
  // NaN reads back as null ("not set"); ±Infinity stays itself (pythonJson writes it as Python does).
  if (typeof value === 'number' && !Number.isFinite(value)) return Number.isNaN(value) ? WRONG_FOR_ALL : value;
  try {
    const text = JSON.stringify(value);
    const back = text === undefined ? WRONG_FOR_ALL : JSON.parse(text);
    // A Date (or anything with toJSON) becomes text, which text options take: not wrong any more.
    return typeof back === 'string' && typeof value !== 'string' ? WRONG_FOR_ALL : back;
  } catch {
    return WRONG_FOR_ALL;
  }
}
