// `token-heatmap/react`: <token-heatmap> as a typed React component (built to dist/react.js), and
// the tag's types in React's JSX for React 19, which sets properties and listeners on it directly.
// The wrapper adds camelCase event props and works the same in React 18. @lit/react is inlined by
// the build, so it is no dependency.
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { TokenHeatmap as TokenHeatmapElement, CellHoverEvent, CellSelectEvent, HeatmapErrorEvent, ZoomChangeEvent } from './index.js';
import type { TokenHeatmapJSXProps, TokenHeatmapProperties } from './jsx.js';

export type { CellDetail, CellIndex, ValuesInput, Interpolator } from './index.js';
export type { TokenHeatmapProperties, TokenHeatmapEventProps, TokenHeatmapJSXProps } from './jsx.js';
export type { TokenHeatmapElement };

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /** Token-attribution heatmap: in React 19 props become properties and `oncell-select` listens for `cell-select`. */
      'token-heatmap': TokenHeatmapJSXProps<React.DetailedHTMLProps<React.HTMLAttributes<TokenHeatmapElement>, TokenHeatmapElement>>;
    }
  }
}

/** Props of the React `TokenHeatmap`: every element property, its events as callbacks, and the usual HTML props. */
export type TokenHeatmapProps = Omit<React.HTMLAttributes<TokenHeatmapElement>, keyof TokenHeatmapProperties | 'onError'> &
  TokenHeatmapProperties & {
    /** The pointer or keyboard focus moved to a cell (`event.detail`), or left the grid (`detail` null). */
    onCellHover?: (event: CellHoverEvent) => void;
    /** A cell was selected by click, Enter or Space (`event.detail`), or the selection was cleared (`detail` null). */
    onCellSelect?: (event: CellSelectEvent) => void;
    /** The input has problems; `event.detail` is the message the element shows. */
    onError?: (event: HeatmapErrorEvent) => void;
    /** The zoom level or the part in view changed (`event.detail`: level, fitted, visible rows and columns). */
    onZoomChange?: (event: ZoomChangeEvent) => void;
  } & React.RefAttributes<TokenHeatmapElement>;

// Typed by hand so the published .d.ts names only React and this package, not the inlined @lit/react.
/** `<token-heatmap>` as a React component: props set the element's properties, `onCellSelect` etc. listen. */
export const TokenHeatmap: React.ForwardRefExoticComponent<TokenHeatmapProps> = createComponent({
  react: React,
  tagName: 'token-heatmap',
  elementClass: TokenHeatmapElement,
  events: {
    onCellHover: CellHoverEvent.type as EventName<CellHoverEvent>,
    onCellSelect: CellSelectEvent.type as EventName<CellSelectEvent>,
    onError: HeatmapErrorEvent.type as EventName<HeatmapErrorEvent>,
    onZoomChange: ZoomChangeEvent.type as EventName<ZoomChangeEvent>,
  },
  displayName: 'TokenHeatmap',
});
