// Data for demo/figures.html, the page the README's pictures are taken from.
import type { TokenHeatmap } from '../src/index.js';
import { gpt2, gpt2Outputs, gpt2Values, sp, spOutputs, spValues } from './reading-data.js';

const gpt2Data = { rows: gpt2, columns: gpt2Outputs, values: gpt2Values };
const spData = { rows: sp, columns: spOutputs, values: spValues };
const at = (id: string) => document.querySelector(`#${id} token-heatmap`) as TokenHeatmap;
Object.assign(at('reading-words'), gpt2Data);
Object.assign(at('reading-normalised'), spData);
Object.assign(at('reading-top-k'), gpt2Data);
Object.assign(at('reading-hide-special'), spData);

// ' cafés' opened, as a reader would: a click on its header.
const words = at('reading-words');
void words.updateComplete
  .then(() => {
    [...words.shadowRoot!.querySelectorAll<HTMLElement>('[role="rowheader"]')].find((h) => h.textContent!.includes('café'))!.click();
    return Promise.all([...document.querySelectorAll('token-heatmap')].map((el) => (el as TokenHeatmap).updateComplete));
  })
  .then(() => (document.body.dataset.ready = 'true'));
