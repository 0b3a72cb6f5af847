// Checks that scripts/trim-schemes.mjs changes no colour: `node scripts/verify-trim.mjs`.
//  1. Builds every d3-scale-chromatic interpolator with the bundle's resolve/trim/terser settings
//     and compares each against the untouched package at t = 0, 0.001, …, 1 (and a few t outside 0–1).
//  2. Checks the dropped data and code are really gone from that build (and reports its size).
//  3. Builds `export *` with the same plugin: every export, scheme arrays included, must still equal
//     the original (the plugin only lets unused data go, it never corrupts what is used).
//  4. If dist/token-heatmap.bundle.js exists, loads it with stub DOM globals and compares
//     schemeInterpolator(name) for every SCHEME_NAMES entry.
//  5. Catches the colour objects the interpolators turn into strings (`c + ""` looks up
//     Symbol.toPrimitive, which a probe briefly puts on Object.prototype) in the trimmed build and
//     in the bundle: their Rgb, Cubehelix and Color prototypes must carry exactly the methods
//     COLOR_METHODS keeps. In the untrimmed build the same probe must see the dropped ones.
//  6. Guards: d3 sources edited the way a new version might change them (a method renamed, a
//     branch reshaped, a new call from the schemes) must make the plugin fail the build.
// Exits non-zero on any difference. Part of `npm test` (after the build); test/unit/schemes.test.ts also
// compares the built bundle's every scheme with d3-scale-chromatic in Chromium and Firefox.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as original from 'd3-scale-chromatic';
import trimSchemes, { COLOR_METHODS, resolveTrimOptions } from './trim-schemes.mjs';
import { resolveOptions, terserOptions, trimOptions } from '../rollup.config.mjs';

const options = resolveTrimOptions(trimOptions);
const T = [...Array.from({ length: 1001 }, (_, i) => i / 1000), -0.5, -0.001, 1.001, 1.5];
const tmp = mkdtempSync(join(tmpdir(), 'verify-trim-'));
let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

/** Builds `source` as the bundle does; `{ guard: true }` stops after the plugin's checks (no minifying, no output). */
async function build(source, name, pluginOptions = trimOptions, before = [], { guard = false } = {}) {
  const plugin = pluginOptions ? trimSchemes(pluginOptions) : { name: 'untrimmed', stats: null };
  const bundle = await rollup({
    input: '\0entry',
    onwarn: () => {},
    plugins: [
      { name: 'entry', resolveId: (id) => (id === '\0entry' ? id : null), load: (id) => (id === '\0entry' ? source : null) },
      nodeResolve(resolveOptions),
      ...before,
      plugin,
      ...(guard ? [] : [terser(terserOptions)]),
    ],
  });
  // The guards fail in transform, buildEnd or renderChunk: generating without terser reaches them all.
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  if (guard) return null;
  const file = join(tmp, `${name}.mjs`);
  writeFileSync(file, output[0].code);
  return { module: await import(pathToFileURL(file).href), code: output[0].code, stats: plugin.stats };
}

function compareInterpolators(label, actual, expected, names) {
  let points = 0;
  for (const name of names) {
    if (typeof actual[name] !== 'function') {
      fail(`${label}: ${name} missing`);
      continue;
    }
    for (const t of T) {
      let a;
      try {
        a = actual[name](t);
      } catch (error) {
        fail(`${label}: ${name}(${t}) throws ${error}`);
        break;
      }
      const e = expected[name](t);
      points++;
      if (a !== e) {
        fail(`${label}: ${name}(${t}) = ${a}, expected ${e}`);
        break;
      }
    }
  }
  return points;
}

/**
 * The objects `fn(t)` converts to primitives, for each t: a Symbol.toPrimitive on Object.prototype
 * records `this` and does what the default conversion does (valueOf, then toString), so the
 * interpolator returns the same string.
 */
function colourObjects(label, fn, ts = [0, 0.3, 1]) {
  const seen = [];
  Object.defineProperty(Object.prototype, Symbol.toPrimitive, {
    configurable: true,
    writable: true,
    value(hint) {
      seen.push(this);
      for (const method of hint === 'string' ? ['toString', 'valueOf'] : ['valueOf', 'toString']) {
        const f = this[method];
        if (typeof f !== 'function') continue;
        const v = f.call(this);
        if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return v;
      }
      throw new TypeError('no primitive value');
    },
  });
  let thrown = null;
  try {
    for (const t of ts) fn(t);
  } catch (error) {
    thrown = error; // reported once the probe is gone: turning it into a string would go through the probe
  } finally {
    delete Object.prototype[Symbol.toPrimitive];
  }
  if (thrown) fail(`${label}: ${thrown}`);
  return seen;
}

/**
 * The own method names of the Rgb, Cubehelix and Color prototypes reached from `interpolate`
 * (name → interpolator): Sinebow and a ColorBrewer ramp give Rgb colours, Rainbow and Warm Cubehelix.
 */
function colourPrototypes(label, interpolate) {
  const protos = { Rgb: new Set(), Cubehelix: new Set(), Color: new Set() };
  const expected = { Sinebow: 'Rgb', RdBu: 'Rgb', Rainbow: 'Cubehelix', Warm: 'Cubehelix' };
  for (const [name, kind] of Object.entries(expected)) {
    const objects = colourObjects(`${label} ${name}`, interpolate[name]);
    if (!objects.length) fail(`${label}: ${name} converted no colour object`);
    for (const o of objects) {
      const isKind = kind === 'Rgb' ? 'r' in o && 'g' in o && 'b' in o : 'h' in o && 's' in o && 'l' in o;
      if (!isKind) fail(`${label}: ${name} converted ${JSON.stringify(o)}, not an ${kind} colour`);
      const proto = Object.getPrototypeOf(o);
      const parent = Object.getPrototypeOf(proto);
      if (Object.getPrototypeOf(parent) !== Object.prototype) fail(`${label}: ${name}: Color is not the base class`);
      protos[kind].add(proto);
      protos.Color.add(parent);
    }
  }
  const names = {};
  for (const [kind, set] of Object.entries(protos)) {
    if (set.size !== 1) fail(`${label}: ${set.size} ${kind} prototypes`);
    const keys = [...set].map((p) => Object.getOwnPropertyNames(p).sort().join());
    if (new Set(keys).size > 1) fail(`${label}: ${kind} prototypes differ`);
    names[kind] = keys[0]?.split(',') ?? [];
  }
  return names;
}

const gz = (code) => gzipSync(code, { level: 9 }).length;
const interpolators = Object.keys(original).filter((k) => k.startsWith('interpolate'));

let bundleProtos = null;
try {
  // 1 + 2: interpolators only, as the bundle uses them
  const onlyInterp = `export { ${interpolators.join(', ')} } from 'd3-scale-chromatic';`;
  const trimmed = await build(onlyInterp, 'interpolators');
  const untrimmed = await build(onlyInterp, 'interpolators-untrimmed', null);
  const points = compareInterpolators('trimmed', trimmed.module, original, interpolators);
  console.log(`1. ${interpolators.length} interpolators × ${T.length} points (${points} values): ${failures ? 'DIFFERENT' : 'identical'}`);
  console.log(`   plugin: ${JSON.stringify(trimmed.stats)}`);
  console.log(`   d3 part min+gz: ${gz(untrimmed.code)} B untrimmed → ${gz(trimmed.code)} B trimmed`);

  const gone = {
    'k=3 BrBG scheme': 'd8b365f5f5f55ab4ac',
    'category10': '1f77b4ff7f0e',
    'named colours': 'aliceblue',
    'Lab prototype': '.96422',
    'interpolateZoom': 'SQRT2',
    'Viridis as hex': '44015444025645045745055946075a',
  };
  if (!options.keepColorMethods) gone['unused colour methods'] = /\b(brighter|darker|displayable|clamp|copy|formatHex8?|formatHsl|hex)\b/;
  if (!options.keepHsl) gone['Hsl class'] = /hsla?\(|\.opacity=\+.*\.opacity=\+.*\.opacity=\+/s; // formatHsl, constructors of Rgb, Hsl, Cubehelix
  if (!options.keepCssParsing) gone['CSS colour parsing'] = /\[eE\]\[\+-\]|rgba\\\\\(|transparent/; // the rgb(a)/hsl(a) regular expressions
  if (!options.keepCubehelixConvert) gone['RGB → cubehelix conversion'] = 'atan2';
  const has = (code, marker) => (typeof marker === 'string' ? code.includes(marker) : marker.test(code));
  const notInUntrimmed = Object.entries(gone).filter(([, m]) => !has(untrimmed.code, m)).map(([k]) => k);
  if (notInUntrimmed.length) fail(`markers not found in the untrimmed build (check them): ${notInUntrimmed.join(', ')}`);
  const present = Object.entries(gone).filter(([, m]) => has(trimmed.code, m)).map(([k]) => k);
  if (present.length) fail(`still in the trimmed build: ${present.join(', ')}`);
  else console.log(`2. dropped: ${Object.keys(gone).join(', ')}`);

  // 3: everything exported, so scheme arrays are kept: all must equal the original
  const all = await build(`export * from 'd3-scale-chromatic';`, 'all');
  const before = failures;
  compareInterpolators('export *', all.module, original, interpolators);
  for (const name of Object.keys(original).filter((k) => !k.startsWith('interpolate'))) {
    if (JSON.stringify(all.module[name]) !== JSON.stringify(original[name])) fail(`export *: ${name} differs`);
  }
  console.log(`3. export *: ${Object.keys(original).length} exports ${failures === before ? 'identical' : 'DIFFERENT'}`);

  // 4: the real bundle, if built
  const dist = new URL('../dist/token-heatmap.bundle.js', import.meta.url);
  if (existsSync(dist)) {
    // just enough DOM for lit's production build to load in Node
    globalThis.HTMLElement ??= class {};
    globalThis.customElements ??= { get: () => undefined, define: () => {} };
    globalThis.document ??= { createTreeWalker: () => ({}), createComment: () => ({}), createElement: () => ({}) };
    const b = await import(dist.href);
    const byName = Object.fromEntries(b.SCHEME_NAMES.map((n) => [n, b.schemeInterpolator(n)]));
    const expected = Object.fromEntries(b.SCHEME_NAMES.map((n) => [n, original[`interpolate${n}`]]));
    const before4 = failures;
    compareInterpolators('bundle', byName, expected, b.SCHEME_NAMES);
    console.log(`4. dist bundle: ${b.SCHEME_NAMES.length} schemes ${failures === before4 ? 'identical' : 'DIFFERENT'}`);
    bundleProtos = colourPrototypes('bundle', byName);
    const code = readFileSync(dist, 'utf8');
    // only markers our own code is unlikely to contain (it has "transparent", say)
    const d3Markers = {};
    if (!options.keepColorMethods) d3Markers['unused colour methods'] = /\b(brighter|darker|displayable|formatHex8?|formatHsl)\b/;
    if (!options.keepCssParsing) d3Markers['CSS colour parsing'] = /\[eE\]\[\+-\]|rgba\\\\\(/;
    const inBundle = Object.entries(d3Markers).filter(([, m]) => m.test(code)).map(([k]) => k);
    if (inBundle.length) fail(`still in the bundle: ${inBundle.join(', ')}`);
    if (!options.keepCubehelixConvert && !code.includes('trimmed d3-color: cubehelix(x)')) fail('the bundle has no trimmed cubehelixConvert()');
  } else {
    console.log('4. dist/token-heatmap.bundle.js not built; skipped');
  }

  // 5: the colour prototypes, trimmed (interpolators build, bundle) and untrimmed
  const before5 = failures;
  const unprefixed = (m) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k.replace(/^interpolate/, ''), v]));
  const untrimmedProtos = colourPrototypes('untrimmed', unprefixed(untrimmed.module));
  const trimmedProtos = colourPrototypes('trimmed', unprefixed(trimmed.module));
  for (const [kind, { keep, drop }] of Object.entries(COLOR_METHODS)) {
    const want = ['constructor', ...keep, ...(options.keepColorMethods ? drop : [])].sort().join();
    const missing = [...keep, ...drop].filter((m) => !untrimmedProtos[kind].includes(m));
    if (missing.length) fail(`untrimmed ${kind}.prototype has no ${missing.join(', ')}: the probe or COLOR_METHODS is wrong`);
    for (const [label, protos] of [['trimmed', trimmedProtos], ['bundle', bundleProtos]]) {
      if (protos && protos[kind].join() !== want) fail(`${label} ${kind}.prototype: ${protos[kind].join(', ')}; expected ${want}`);
    }
  }
  const kept = Object.entries(COLOR_METHODS).map(([kind, { keep }]) => `${kind} ${keep.join('/')}`).join(', ');
  const dropped = Object.values(COLOR_METHODS).reduce((n, { drop }) => n + drop.length, 0);
  console.log(options.keepColorMethods
    ? `5. colour prototypes (trimmed${bundleProtos ? ', bundle' : ''}): all kept (keepColorMethods): ${failures === before5 ? 'ok' : 'WRONG'}`
    : `5. colour prototypes (trimmed${bundleProtos ? ', bundle' : ''}): only ${kept} (+constructor); ${dropped} methods dropped: ${failures === before5 ? 'ok' : 'WRONG'}`);

  // 6: guards. Each change to the d3 sources must make the plugin fail the build.
  const edit = (pkg, from, to) => ({
    name: `edit-${pkg}`,
    transform(code, id) {
      if (!id.includes(`/node_modules/${pkg}/`)) return null;
      if (!code.includes(from)) throw new Error(`verify-trim: "${from}" not in ${id}; update this check`);
      return { code: code.replace(from, to), map: null };
    },
  });
  const guards = {
    'Rgb without formatRgb': edit('d3-color', 'formatRgb: rgb_formatRgb,', ''),
    'Cubehelix without rgb()': edit('d3-color', 'rgb() {\n    var h = isNaN(this.h)', 'toRgb() {\n    var h = isNaN(this.h)'),
    'no define(Hsl, …)': edit('d3-color', 'define(Hsl, hsl, extend(', 'define.call(null, Hsl, hsl, extend('),
    'color() with another hex test': edit('d3-color', 'l === 6 ? rgbn(m)', 'l == 6 ? rgbn(m)'),
    'cubehelixConvert() without its copy': edit('d3-color', 'if (o instanceof Cubehelix) return new Cubehelix(o.h, o.s, o.l, o.opacity);', ''),
    'schemes parse rgb("steelblue")': edit('d3-scale-chromatic', 'var c = rgb(),', 'var c = rgb("steelblue"),'),
    'schemes convert cubehelix(x)': edit('d3-scale-chromatic', 'var c$1 = cubehelix$1();', 'var c$1 = cubehelix$1(rgb());'),
    'schemes import interpolateRgb': edit('d3-scale-chromatic', 'import { interpolateRgbBasis,', 'import { interpolateRgb, interpolateRgbBasis,'),
    'schemes pass rgb on': edit('d3-scale-chromatic', 'var c = rgb(),', 'var c = [0].map(rgb)[0],'),
  };
  const missed = [];
  const trimsColor = !options.keepColorMethods && !options.keepCssParsing && !options.keepHsl && !options.keepCubehelixConvert;
  for (const [name, plugin] of Object.entries(trimsColor ? guards : {})) {
    try {
      await build(onlyInterp, 'guard', trimOptions, [plugin], { guard: true });
      missed.push(name);
    } catch (error) {
      if (!/trim-schemes/.test(error.message)) missed.push(`${name} (${error.message.split('\n')[0]})`);
    }
  }
  if (!trimsColor) console.log('6. guards: skipped (trimOptions keep part of d3-color)');
  else if (missed.length) fail(`the build did not fail for: ${missed.join('; ')}`);
  else console.log(`6. guards: the build fails for ${Object.keys(guards).join(', ')}`);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures) {
  console.error(`${failures} failure(s)`);
  process.exitCode = 1;
}
