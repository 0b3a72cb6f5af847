// "Read it as text": a GPT-2 prompt and its generated answer with the grid and the text view linked,
// the answer attributing to itself (`target-rows`), probabilities as step scores; and a contrastive
// pair, the attribution of "Paris" against that of "Lyon", shown as their difference or either one.
import type { TokenHeatmap } from '../src/index.js';

// "Q: Where is the Eiffel Tower?\nA: It is in" as GPT-2 splits it, then the answer " Paris, France."
const prompt = ['Q', ':', 'ĠWhere', 'Ġis', 'Ġthe', 'ĠEiff', 'el', 'ĠTower', '?', 'Ċ', 'A', ':', 'ĠIt', 'Ġis', 'Ġin'];
const answer = ['ĠParis', ',', 'ĠFrance', '.'];

// How much each prompt token bears on each step of the answer: the name of the tower for the city,
// the city for the country, the comma and the country for the full stop.
const weight: Record<string, number[]> = {
  ĠEiff: [0.92, 0.1, 0.35, 0.05],
  el: [0.61, 0.06, 0.22, 0.03],
  ĠTower: [0.74, 0.12, 0.3, 0.04],
  ĠWhere: [0.33, 0.18, 0.08, 0.06],
  Ġin: [0.41, 0.04, 0.12, 0.02],
  '?': [-0.12, 0.2, -0.05, 0.09],
  Ċ: [-0.08, 0.02, 0.0, 0.03],
  ĠParis: [0, 0.55, 0.81, 0.18],
  ',': [0, 0, 0.27, 0.22],
  ĠFrance: [0, 0, 0, 0.64],
};
// Small, fixed "noise" so the other tokens are not all zero.
const noise = (i: number, j: number) => Math.round(((Math.sin(i * 12.9898 + j * 78.233) * 43758.5453) % 1) * 900) / 10000;

const rows = [...prompt, ...answer];
// Step j attributes to the prompt and to the answer before it; its own token and later ones are missing.
const values = rows.map((token, i) =>
  answer.map((_, j) => (i >= prompt.length + j ? null : Number(((weight[token]?.[j] ?? 0) + noise(i, j)).toFixed(4)))),
);
const linked = document.getElementById('text-linked') as TokenHeatmap;
Object.assign(linked, {
  rows,
  columns: answer,
  values,
  targetRows: answer.length,
  stepScores: { probability: [0.8123, 0.6431, 0.9378, 0.7702] },
});

// The contrastive pair: the same prompt attributed to the answer with " Paris" (A) and with " Lyon" (B).
// What tells the two apart is the tower; "Where is … in" supports any city.
const lyon: Record<string, number[]> = {
  ĠEiff: [0.18, 0.08, 0.3, 0.05],
  el: [0.12, 0.05, 0.2, 0.03],
  ĠTower: [0.2, 0.1, 0.28, 0.04],
  ĠWhere: [0.36, 0.17, 0.09, 0.06],
  Ġin: [0.44, 0.05, 0.11, 0.02],
};
// The rest differs only by the noise of a second run.
const contrastB = prompt.map((token, i) => answer.map((_, j) => Number(((lyon[token]?.[j] ?? weight[token]?.[j] ?? 0) + noise(i, j) + noise(i + 31, j) / 4).toFixed(4))));
const contrastA = prompt.map((_, i) => values[i]);
const contrast = document.getElementById('text-contrast') as TokenHeatmap;
Object.assign(contrast, { rows: prompt, columns: answer, values: contrastA, compare: contrastB, selected: { rowIndex: 5, columnIndex: 0 } });

const mode = document.getElementById('compare-mode') as HTMLSelectElement;
mode.addEventListener('input', () => {
  contrast.compareMode = mode.value as TokenHeatmap['compareMode'];
});
