// Checks that scripts/trim-schemes.mjs changes no colour: `node scripts/verify-trim.mjs`.
//  1. Builds every d3-scale-chromatic interpolator with the bundle's resolve/trim/terser settings
//     and compares each against the untouched package at t = 0, 0.001, …, 1 (and a few t outside 0–1).
//  2. Checks the dropped data is really gone from that build (and reports its size).
//  3. Builds `export *` with the same plugin: every export, scheme arrays included, must still equal
//     the original (the plugin only lets unused data go, it never corrupts what is used).
//  4. If dist/token-heatmap.bundle.js exists, loads it with stub DOM globals and compares
//     schemeInterpolator(name) for every SCHEME_NAMES entry.
// Exits non-zero on any difference.
import { rollup } from 'rollup';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import * as original from 'd3-scale-chromatic';
import trimSchemes from './trim-schemes.mjs';
import { resolveOptions, terserOptions, trimOptions } from '../rollup.config.mjs';

const T = [...Array.from({ length: 1001 }, (_, i) => i / 1000), -0.5, -0.001, 1.001, 1.5];
const tmp = mkdtempSync(join(tmpdir(), 'verify-trim-'));
let failures = 0;
const fail = (message) => {
  failures++;
  console.error(`FAIL ${message}`);
};

async function build(source, name, pluginOptions = trimOptions) {
  const plugin = pluginOptions ? trimSchemes(pluginOptions) : { name: 'untrimmed', stats: null };
  const bundle = await rollup({
    input: '\0entry',
    plugins: [
      { name: 'entry', resolveId: (id) => (id === '\0entry' ? id : null), load: (id) => (id === '\0entry' ? source : null) },
      nodeResolve(resolveOptions),
      plugin,
      terser(terserOptions),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
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
      const a = actual[name](t);
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

const gz = (code) => gzipSync(code, { level: 9 }).length;
const interpolators = Object.keys(original).filter((k) => k.startsWith('interpolate'));

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
  const present = Object.entries(gone).filter(([, s]) => trimmed.code.includes(s)).map(([k]) => k);
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
  } else {
    console.log('4. dist/token-heatmap.bundle.js not built; skipped');
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (failures) {
  console.error(`${failures} failure(s)`);
  process.exitCode = 1;
}
