// The two implementations of the static figure (FIGURE.md) draw the same picture: the TypeScript one
// (element toSVG(), CLI --format svg) and the Python helper's (notebook fallback, save('x.svg')).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../../', import.meta.url).pathname;
const hasPython = spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0;

/** The figure's size, cell rectangles (x, y, fill) and printed texts. */
function picture(svg) {
  const size = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(svg).slice(1, 3);
  // A missing cell is hatched: by its own fill, or by its group's (no fill of its own).
  const cells = [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="72" height="28"(?: fill="([^"]+)")?/g)].map(
    ([, x, y, fill]) => `${x} ${y} ${!fill || fill.startsWith('url(') ? 'hatched' : fill}`,
  );
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).filter(Boolean);
  return { size, cells, texts };
}

const cases = [
  ['the reference figure', JSON.parse(readFileSync(join(ROOT, 'demo/seed-heatmap.json'), 'utf8'))],
  ['missing values, a dark theme, another scheme, transposed', { rows: ['▁the', '\n', 'x'], columns: ['a', 'b'], values: [[0.5, null], [-1.25, 0.1], [2, -0]], scheme: 'PuOr', theme: 'dark', transpose: true, label: 'L' }],
];

for (const [name, data] of cases) {
  test(`TypeScript and Python draw the same figure: ${name}`, { skip: !hasPython && 'python3 is not installed' }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'figures-'));
    try {
      const input = join(dir, 'data.json');
      execFileSync('node', ['-e', `require('fs').writeFileSync(${JSON.stringify(input)}, JSON.stringify(${JSON.stringify(data)}))`]);
      const js = execFileSync(process.execPath, [join(ROOT, 'bin/token-heatmap.mjs'), 'render', input, '--format', 'svg'], { encoding: 'utf8' });
      const py = execFileSync('python3', [join(ROOT, 'python/token_heatmap'), input, '-o', join(dir, 'py.svg')], { encoding: 'utf8', env: { ...process.env, TOKEN_HEATMAP_BUNDLE: join(ROOT, 'dist/token-heatmap.full.js') } });
      assert.equal(py, '');
      const a = picture(js);
      const b = picture(readFileSync(join(dir, 'py.svg'), 'utf8'));
      assert.ok(a.cells.length > 0);
      assert.deepEqual(b.size, a.size);
      assert.deepEqual([...b.cells].sort(), [...a.cells].sort());
      // The same texts, whichever order each writes them in.
      assert.deepEqual([...b.texts].sort(), [...a.texts].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
