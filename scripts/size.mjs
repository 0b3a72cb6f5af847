// Raw and min+gzip (Node zlib, level 9) size of the CDN bundle; fails above SIZE_LIMIT_KB (default 30, i.e.
// 30,720 B) KiB gzipped: the budget of issue 9 for the overview, grouping, text view and export.
// `node scripts/size.mjs [file]`, or `import { sizeOf } from './scripts/size.mjs'`.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const DEFAULT_FILE = fileURLToPath(new URL('../dist/token-heatmap.bundle.js', import.meta.url));

/** { raw, gzip } in bytes for a file path (or a string/Buffer of code). */
export function sizeOf(fileOrCode = DEFAULT_FILE, { isCode = false } = {}) {
  const data = isCode ? Buffer.from(fileOrCode) : readFileSync(fileOrCode);
  return { raw: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2] ?? DEFAULT_FILE;
  const limitKb = Number(process.env.SIZE_LIMIT_KB || 30);
  if (!Number.isFinite(limitKb)) throw new Error(`SIZE_LIMIT_KB=${process.env.SIZE_LIMIT_KB} is not a number`);
  const { raw, gzip } = sizeOf(file);
  const kb = (n) => `${(n / 1024).toFixed(2)} KiB`;
  const ok = gzip <= limitKb * 1024;
  console.log(`${file}: ${raw} B (${kb(raw)}) raw, ${gzip} B (${kb(gzip)}) gzip -9; limit ${limitKb} KiB: ${ok ? 'ok' : 'OVER'}`);
  process.exitCode = ok ? 0 : 1;
}
