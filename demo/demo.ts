import type { TokenHeatmap } from '../src/index.js';

interface Seed {
  rows: string[];
  columns: string[];
  values: number[][];
}

const $ = (id: string) => document.getElementById(id) as TokenHeatmap;

void fetch(new URL('./seed-heatmap.json', import.meta.url))
  .then((response) => response.json() as Promise<Seed>)
  .then(({ rows, columns, values }) => {
    for (const id of ['default-domain', 'scheme', 'transposed']) Object.assign($(id), { rows, columns, values });
  });

Object.assign($('missing'), {
  rows: [' the', '\n', '\t', '', 'Ġcat', '▁sat', 'on', 'on', '  '],
  columns: ['out 1', 'out 2', 'out 3'],
  values: [
    [0.12, null, -0.4],
    [0.05, 0.3, NaN],
    [-0.21, 0.02, 0.0],
    [null, null, null],
    [0.8, -0.33, 0.41],
    [-0.05, 0.6, -0.9],
    [0.3, 0.31, 0.29],
    [0.3, -0.31, 0.01],
    [0.0, -0.0, 0.07],
  ],
});

// A sentence as a SentencePiece tokenizer splits it, attributed to three generated tokens.
const sentence = '▁The ▁model ▁attrib utes ▁its ▁answer ▁mostly ▁to ▁the ▁division ▁sign , ▁not ▁to ▁the ▁digits ▁around ▁it .'.split(' ');
const outputs = ['▁4', '9', '</s>'];
const wave = (i: number, j: number) => Math.sin(i * 0.9 + j * 1.7) * Math.exp(-((i - 9) ** 2) / 30) * (j === 2 ? 0.3 : 1);
Object.assign($('sentence'), {
  rows: sentence,
  columns: outputs,
  values: sentence.map((_, i) => outputs.map((_, j) => Number(wave(i, j).toFixed(4)))),
});

const log = document.getElementById('event-log')!;
const reference = $('reference');
for (const type of ['cell-hover', 'cell-select'] as const) {
  reference.addEventListener(type, (event) => {
    const item = document.createElement('li');
    item.textContent = `${type} ${JSON.stringify(event.detail)}`;
    log.append(item);
    while (log.children.length > 50) log.firstElementChild!.remove();
    log.scrollTop = log.scrollHeight;
  });
}
