// The zoom and overview examples: a 1,000 × 1,000 attribution of a long document, and 16 million
// cells (4,000 × 4,000, a Float32Array) painted in a Worker. Each is generated when asked for.
import type { TokenHeatmap } from '../src/index.js';

const $ = (id: string) => document.getElementById(id) as TokenHeatmap;

/** A small deterministic random generator, so the picture is the same on every load. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const WORDS = '▁the ▁model ▁reads ▁each ▁sentence , ▁then ▁writes ▁its ▁answer ▁word ▁by ▁word .'.split(' ');

/**
 * 1,000 input tokens × 1,000 generated ones, like a long summarisation: each output leans on the
 * inputs just before it (a band), on the first token (an attention sink), on a passage it quotes
 * (a second band, 300 tokens back), and against a paragraph it contradicts, with a handful of single
 * strong cells a fitted view must still show.
 */
function documentAttribution(n: number): { rows: string[]; columns: string[]; values: Float32Array } {
  const next = random(7);
  const values = new Float32Array(n * n);
  for (let r = 0; r < n; r++) {
    const sentenceEnd = WORDS[r % WORDS.length] === '.';
    for (let c = 0; c < n; c++) {
      const lag = c - r;
      let v = lag >= 0 && lag < 60 ? Math.exp(-lag / 18) * (0.8 + 0.2 * Math.sin(r / 9)) : 0;
      if (c >= 600 && c < 760 && Math.abs(lag - 300) < 8) v += 0.7 * (1 - Math.abs(lag - 300) / 8);
      if (r >= 420 && r < 520 && c >= 560 && c < 900) v -= 0.45 * Math.sin(((r - 420) / 100) * Math.PI) * Math.sin(((c - 560) / 340) * Math.PI);
      if (r === 0) v += 0.6;
      if (sentenceEnd && lag > 0) v -= 0.25 * Math.exp(-lag / 200);
      v += (next() - 0.5) * 0.03;
      values[r * n + c] = v;
    }
  }
  for (const [r, c, v] of [
    [120, 870, 1.6],
    [640, 80, -1.4],
    [900, 310, 1.2],
  ] as const)
    values[r * n + c] = v;
  return {
    rows: Array.from({ length: n }, (_, i) => WORDS[i % WORDS.length]),
    columns: Array.from({ length: n }, (_, j) => `${WORDS[(j * 7) % WORDS.length]}@${j}`),
    values,
  };
}

/**
 * 4,000 × 4,000: chapters on the diagonal, ripples inside them, and a few lone strong cells. On a
 * SharedArrayBuffer where the page is cross-origin isolated (`npm start` serves it so): the Worker reads it in place.
 */
function sixteenMillion(n: number): { rows: string[]; columns: string[]; values: Float32Array } {
  const values = new Float32Array(globalThis.crossOriginIsolated ? new SharedArrayBuffer(n * n * 4) : n * n);
  const chapter = 500;
  for (let r = 0; r < n; r++) {
    const rc = Math.floor(r / chapter);
    const base = r * n;
    for (let c = 0; c < n; c++) {
      const same = Math.floor(c / chapter) === rc;
      const ripple = Math.sin(r / 23) * Math.cos(c / 31);
      values[base + c] = same ? 0.6 * ripple + 0.3 : 0.15 * ripple - 0.05 * Math.abs(r - c) / n;
    }
  }
  const next = random(11);
  for (let k = 0; k < 12; k++) values[Math.floor(next() * n) * n + Math.floor(next() * n)] = k % 2 ? 2 : -2;
  return {
    rows: Array.from({ length: n }, (_, i) => `tok${i}`),
    columns: Array.from({ length: n }, (_, j) => `out${j}`),
    values,
  };
}

function offer(button: string, target: string, make: () => Partial<TokenHeatmap>): void {
  const el = $(target);
  const note = document.getElementById(`${target}-status`)!;
  const view = document.getElementById(`${target}-view`)!;
  document.getElementById(button)!.addEventListener('click', async () => {
    const t0 = performance.now();
    Object.assign(el, make());
    const made = performance.now();
    await el.updateComplete;
    // Above a million cells a Worker paints: say whether it got the values' memory or a copy.
    const values = el.values;
    const worker = values instanceof Float32Array && values.length > 1_000_000 ? (values.buffer instanceof ArrayBuffer ? ', the values copied to its Worker' : ', the values shared with its Worker') : '';
    note.textContent = `generated in ${Math.round(made - t0)} ms, painted ${Math.round(performance.now() - made)} ms later${worker}`;
  });
  el.addEventListener('zoom-change', (event) => {
    const { level, rows, columns } = event.detail;
    view.textContent = `zoom ${(level * 100).toPrecision(2)} %, rows ${rows.start + 1}–${rows.end}, columns ${columns.start + 1}–${columns.end}`;
  });
}

offer('make-document', 'document', () => documentAttribution(1000));
offer('make-sixteen', 'sixteen', () => sixteenMillion(4000));
