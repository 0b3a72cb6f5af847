// Two realistic attributions for the demo and the README's figures: GPT-2 (byte-level BPE) and
// Llama-style SentencePiece tokens, with synthetic but plausible scores.
// "<|endoftext|>The Eiffel Tower stands among the cafés of Paris 😊.\nIts architect was" as GPT-2 splits
// it; the columns are the generated tokens " Gust", "ave", " Eiffel".
export const gpt2 = ['<|endoftext|>', 'The', 'ĠEiff', 'el', 'ĠTower', 'Ġstands', 'Ġamong', 'Ġthe', 'Ġcaf', 'Ã©s', 'Ġof', 'ĠParis', 'ĠðŁ', 'ĺ', 'Ĭ', '.', 'Ċ', 'Its', 'Ġarchitect', 'Ġwas'];
export const gpt2Outputs = ['ĠGust', 'ave', 'ĠEiffel'];
// How strongly each token bears on each output: the name, the tower and the architect carry it.
const salience: Record<string, [number, number, number]> = {
  '<|endoftext|>': [1.1, 0.4, 0.9],
  'ĠEiff': [0.62, 0.21, 1.3],
  el: [0.35, 0.12, 0.88],
  ĠTower: [0.41, 0.08, 0.52],
  ĠParis: [0.18, 0.05, 0.22],
  Ġarchitect: [0.83, 0.27, 0.31],
  Ġwas: [0.29, 0.55, -0.12],
  Ġcaf: [-0.06, 0.01, 0.04],
  'Ã©s': [-0.04, 0.0, 0.02],
};
const noise = (i: number, j: number) => Math.round(Math.sin(i * 12.9898 + j * 78.233) * 43758.5453 % 1 * 800) / 10000;
export const gpt2Values = gpt2.map((token, i) => gpt2Outputs.map((_, j) => Number(((salience[token]?.[j] ?? 0) + noise(i, j)).toFixed(4))));

// A Llama-style SentencePiece sequence with special tokens, attributed to "▁attribution" "▁maps".
export const sp = ['<s>', '▁Research', 'ers', '▁explain', '▁trans', 'former', '▁predictions', '▁with', '▁In', 'seq', '▁and', '▁Capt', 'um', '.', '▁\n', '▁They', '▁compare', '▁saliency', '.', '</s>'];
export const spOutputs = ['▁attribution', '▁maps'];
export const spValues = sp.map((token, i) => spOutputs.map((_, j) => {
  const base = { '▁explain': 0.7, '▁predictions': 0.45, '▁In': 0.5, seq: 0.35, '▁Capt': 0.4, um: 0.2, '▁saliency': j ? 0.9 : 0.6, '▁compare': 0.3 }[token] ?? 0;
  return Number((base * (j ? 0.8 : 1) + noise(i + 40, j)).toFixed(4));
}));

