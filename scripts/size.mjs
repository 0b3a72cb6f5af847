// Min+gzip (Node zlib, level 9) size of the CDN bundle's core: dist/token-heatmap.bundle.js and the
// chunks it imports statically, which a page that draws a plain heatmap loads. Fails above
// SIZE_LIMIT_KB (default 40, i.e. 40,960 B) KiB gzipped. The budget was 30 KiB for the element before
// issues 8-12 (then 23.1 KiB); the features they added load on demand, and what the core keeps is what
// the reference figure draws with (39.7 KiB measured; README "Size and scale"). The features'
// chunks (token-heatmap.bundle.*.js, loaded on demand: src/features/) are listed and totalled as
// information. `node scripts/size.mjs [entry]`, or `import { sizeOf, coreFiles } from './scripts/size.mjs'`.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const DEFAULT_FILE = fileURLToPath(new URL('../dist/token-heatmap.bundle.js', import.meta.url));

/** { raw, gzip } in bytes for a file path (or a string/Buffer of code). */
export function sizeOf(fileOrCode = DEFAULT_FILE, { isCode = false } = {}) {
  const data = isCode ? Buffer.from(fileOrCode) : readFileSync(fileOrCode);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

/** The entry and every file it imports statically (`import … from './x.js'`, not `import('./x.js')`), in load order. */
export function coreFiles(entry = DEFAULT_FILE) {
  const seen = [];
  const visit = (file) => {
    if (seen.includes(file)) return;
    seen.push(file);
    const code = readFileSync(file, 'utf8');
    // Minified static imports: `import{a as b}from"./x.js"` or `import"./x.js"`; an import( call has a parenthesis.
    for (const [, spec] of code.matchAll(/\bimport\s*(?:[\w${},*\s]+?from\s*)?["'](\.{1,2}\/[^"']+)["']/g)) visit(join(dirname(file), spec));
  };
  visit(entry);
  return seen;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const entry = process.argv[2] ?? DEFAULT_FILE;
  const limitKb = Number(process.env.SIZE_LIMIT_KB || 40);
  if (!Number.isFinite(limitKb)) throw new Error(`SIZE_LIMIT_KB=${process.env.SIZE_LIMIT_KB} is not a number`);
  const kb = (n) => `${(n / 1024).toFixed(2)} KiB`;
  const core = coreFiles(entry);
  const prefix = basename(entry).replace(/\.js$/, '.');
  const dir = dirname(entry);
  const chunks = existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith(prefix) && f.endsWith('.js')).map((f) => join(dir, f)) : [];
  const lazy = chunks.filter((f) => !core.includes(f)).sort();
  const total = (files) => files.map((f) => sizeOf(f)).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip }), { raw: 0, gzip: 0 });
  for (const f of [...core, ...lazy]) {
    const { raw, gzip } = sizeOf(f);
    console.log(`  ${core.includes(f) ? 'core' : 'lazy'}  ${basename(f)}: ${raw} B raw, ${gzip} B gzip -9`);
  }
  const all = total([...core, ...lazy]);
  console.log(`all ${core.length + lazy.length} files: ${all.raw} B (${kb(all.raw)}) raw, ${all.gzip} B (${kb(all.gzip)}) gzip -9 (information)`);
  const { raw, gzip } = total(core);
  const ok = gzip <= limitKb * 1024;
  console.log(`core (${core.map((f) => basename(f)).join(' + ')}): ${raw} B (${kb(raw)}) raw, ${gzip} B (${kb(gzip)}) gzip -9; limit ${limitKb} KiB: ${ok ? 'ok' : 'OVER'}`);
  process.exitCode = ok ? 0 : 1;
}
