// `token-heatmap/jsx/preact`: <token-heatmap> in Preact's JSX. Hand-written .d.ts (Preact's types are
// no dependency of this repository), copied to dist/types/ by build/react.rollup.mjs.
import type { HTMLAttributes } from 'preact';
import type { TokenHeatmap } from './TokenHeatmap.js';
import type { TokenHeatmapJSXProps } from './jsx.js';

export type { TokenHeatmapProperties, TokenHeatmapEventProps, TokenHeatmapJSXProps } from './jsx.js';

declare module 'preact' {
  namespace JSX {
    interface IntrinsicElements {
      /** Token-attribution heatmap: props become properties; `oncell-select` listens for `cell-select`. */
      'token-heatmap': TokenHeatmapJSXProps<HTMLAttributes<TokenHeatmap>>;
    }
  }
}
