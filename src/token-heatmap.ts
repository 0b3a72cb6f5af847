import { TokenHeatmap } from './TokenHeatmap.js';
import { warmUpWhenIdle } from './idle-warm-up.js';

// Registers once, so a page that loads both the bundle and the module build does not throw.
if (!customElements.get('token-heatmap')) {
  customElements.define('token-heatmap', TokenHeatmap);
  void warmUpWhenIdle(() => new TokenHeatmap(), () => TokenHeatmap.warmUp);
}

declare global {
  interface HTMLElementTagNameMap {
    'token-heatmap': TokenHeatmap;
  }
}
