// Framework-neutral JSX prop types of <token-heatmap> (`token-heatmap/jsx`). The JSX namespaces
// they go into: React in src/react.ts, Preact in src/jsx-preact.d.ts, Solid in src/jsx-solid.d.ts.
import type { TokenHeatmap } from './TokenHeatmap.js';
import type { CellHoverEvent, CellSelectEvent, ZoomChangeEvent } from './events.js';
import type { PropertyName } from './properties.js';

/** The element's public properties (the property schema's names), each optional: what a JSX prop of the same name sets. */
export type TokenHeatmapProperties = Partial<Pick<TokenHeatmap, PropertyName>>;

/** Listeners named `on` + the event name, which React 19, Preact and Solid hand to addEventListener. */
export interface TokenHeatmapEventProps {
  /** The pointer or keyboard focus moved to a cell (`event.detail`), or left the grid (`detail` null). */
  'oncell-hover'?: (event: CellHoverEvent) => void;
  /** A cell was selected by click, Enter or Space (`event.detail`), or the selection was cleared (`detail` null). */
  'oncell-select'?: (event: CellSelectEvent) => void;
  /** The zoom level or the part in view changed (`event.detail`: level, fitted, visible rows and columns). */
  'onzoom-change'?: (event: ZoomChangeEvent) => void;
}

// The element's names leave `Attributes` first, so its types win wherever a framework's attribute
// types share a name (`rows: number` of <textarea> in types that cover every tag, like Preact's
// AllHTMLAttributes): an intersection with `rows: string[]` would accept no value.
/**
 * A framework's HTML props for `<token-heatmap>`: `Attributes` (e.g. `HTMLAttributes<TokenHeatmap>`)
 * plus the element's properties and listeners.
 */
export type TokenHeatmapJSXProps<Attributes> = Omit<Attributes, keyof TokenHeatmapProperties | keyof TokenHeatmapEventProps> &
  TokenHeatmapProperties &
  TokenHeatmapEventProps;
