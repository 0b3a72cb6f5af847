import { TokenHeatmap } from './TokenHeatmap.js';

// Registers once, so a page that loads both the bundle and the module build does not throw.
if (!customElements.get('token-heatmap')) customElements.define('token-heatmap', TokenHeatmap);

declare global {
  interface HTMLElementTagNameMap {
    'token-heatmap': TokenHeatmap;
  }
}
