/**
 * Client entry for server-rendered heatmaps (`renderHeatmap()`, `renderPage()`, the CLI):
 * built as the self-contained dist/token-heatmap.hydrate.js. It registers `<token-heatmap>`
 * like the normal bundle, but an element that arrives with a declarative shadow root adopts
 * the server's DOM (hydrates) instead of rendering a second copy into it.
 *
 * @module
 */
// Must run before lit-element's module: LitElement installs the hydration patch it finds on
// globalThis when its class is defined, and ES modules evaluate in import order.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';

export * from './index.js';
