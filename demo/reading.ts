// The "reading an attribution" examples: a GPT-2 (byte-level BPE) and a SentencePiece attribution of
// realistic sentences, and controls that set every option of the reading pipeline on both.
import type { TokenHeatmap } from '../src/index.js';
import { gpt2, gpt2Outputs, gpt2Values, sp, spOutputs, spValues } from './reading-data.js';

const gpt2Map = document.getElementById('reading-gpt2') as TokenHeatmap;
const spMap = document.getElementById('reading-sp') as TokenHeatmap;
Object.assign(gpt2Map, { rows: gpt2, columns: gpt2Outputs, values: gpt2Values });
Object.assign(spMap, { rows: sp, columns: spOutputs, values: spValues });

// Every control names the property it sets; numbers left empty mean "not set".
const form = document.getElementById('reading-controls') as HTMLFormElement;
const apply = () => {
  for (const control of form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')) {
    const value =
      control instanceof HTMLInputElement && control.type === 'checkbox'
        ? control.checked
        : control instanceof HTMLInputElement && control.type === 'number'
          ? control.value === '' ? undefined : Number(control.value)
          : control.value;
    for (const map of [gpt2Map, spMap]) (map as unknown as Record<string, unknown>)[control.name] = value;
  }
};
form.addEventListener('input', apply);
form.addEventListener('submit', (event) => event.preventDefault());
apply();
