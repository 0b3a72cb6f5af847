// `token-heatmap/react`: <token-heatmap> as a typed React component (built to dist/react.js), and
// the tag's types in React's JSX for React 19, which sets properties and listeners on it directly.
// The wrapper adds camelCase event props and works the same in React 18. @lit/react is inlined by
// the build, so it is no dependency.
import React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { TokenHeatmap as TokenHeatmapElement, CellHoverEvent, CellSelectEvent, HeatmapErrorEvent } from './index.js';
import type { TokenHeatmapJSXProps, TokenHeatmapProperties } from './jsx.js';

export type { CellDetail, CellIndex, ValuesInput, Interpolator } from './index.js';
export type { TokenHeatmapProperties, TokenHeatmapEventProps, TokenHeatmapJSXProps } from './jsx.js';
export type { TokenHeatmapElement };

/** The bare tag's props where React sets them as properties (React 19 on the client). */
type BareTagProps = TokenHeatmapJSXProps<React.DetailedHTMLProps<React.HTMLAttributes<TokenHeatmapElement>, TokenHeatmapElement>>;

// React 18 writes every prop of a custom element as an attribute: arrays become "a,b" (not JSON),
// `false` becomes "false" (a boolean attribute that is present, so true), a camelCase name is not
// the element's attribute, and functions are dropped, listeners included. Only text and numbers
// arrive intact. @types/react 18 is told apart by ReactElement's props, `any` there and `unknown`
// from 19 on, so the check needs no React runtime and holds for every 18.x release of the types.
/** True under @types/react 18 (and older). */
type ReactTypesBefore19 = 0 extends 1 & React.ReactElement['props'] ? true : false;

/** Props that React 18 cannot hand to the element: arrays, objects, functions, booleans, camelCase names, listeners. */
type AttributeOnlyInReact18 = 'rows' | 'columns' | 'values' | 'selected' | 'interpolator' | 'transpose' | 'columnLabelOrientation' | 'oncell-select' | 'oncell-hover';

/** The type of those props under React 18: the compiler prints it as the error message. */
export type UseTheWrapperInReact18 = 'React 18 passes this to <token-heatmap> as text or drops it: use TokenHeatmap from token-heatmap/react';

/**
 * The bare tag under @types/react 18: text and number props only; the rest points to the wrapper.
 * A listener's event and result are the message too, so every function fails to type-check with it.
 */
type React18BareTagProps = Omit<BareTagProps, AttributeOnlyInReact18> & {
  [Name in AttributeOnlyInReact18]?: Name extends `on${string}` ? (event: UseTheWrapperInReact18) => UseTheWrapperInReact18 : UseTheWrapperInReact18;
};

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      /**
       * Token-attribution heatmap: in React 19 props become properties and `oncell-select` listens for
       * `cell-select` (in the browser; with server rendering use `TokenHeatmap`). In React 18 use `TokenHeatmap`.
       */
      'token-heatmap': ReactTypesBefore19 extends true ? React18BareTagProps : BareTagProps;
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
  },
  displayName: 'TokenHeatmap',
});
