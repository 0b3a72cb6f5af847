// `token-heatmap/jsx/solid`: <token-heatmap> in Solid's JSX. Hand-written .d.ts (Solid's types are
// no dependency of this repository), copied to dist/types/ by build/react.rollup.mjs.
import type { JSX as SolidJSX } from 'solid-js';
import type { TokenHeatmap } from './TokenHeatmap.js';
import type { CellHoverEvent, CellSelectEvent, ZoomChangeEvent } from './events.js';
import type { TokenHeatmapJSXProps } from './jsx.js';

export type { TokenHeatmapProperties, TokenHeatmapEventProps, TokenHeatmapJSXProps } from './jsx.js';

// The JSX namespace is declared in solid-js/jsx-runtime; 'solid-js' only re-exports it as a type,
// and an augmentation of 'solid-js' itself does not reach the namespace TSX reads.
declare module 'solid-js/jsx-runtime' {
  namespace JSX {
    interface IntrinsicElements {
      /** Token-attribution heatmap: props become properties; `on:cell-select` listens for `cell-select`. */
      'token-heatmap': TokenHeatmapJSXProps<SolidJSX.HTMLAttributes<TokenHeatmap>> & {
        'on:cell-hover'?: (event: CellHoverEvent) => void;
        'on:cell-select'?: (event: CellSelectEvent) => void;
        'on:zoom-change'?: (event: ZoomChangeEvent) => void;
      };
    }
  }
}
