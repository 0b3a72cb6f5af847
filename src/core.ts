// The core element: registers <token-heatmap>, which loads its features on demand (src/features/).
// The entry of the CDN bundle; ./index.js adds every feature at once.
import './token-heatmap.js';

export { TokenHeatmap, FULL_RENDER_LIMIT, type CellIndex } from './TokenHeatmap.js';
export { CellHoverEvent, CellSelectEvent, HeatmapErrorEvent, ZoomChangeEvent, type CellDetail, type ZoomDetail, type ViewRange } from './events.js';
export { SCHEME_NAMES, DEFAULT_SCHEME, schemeInterpolator, type Interpolator } from './schemes.js';
export type { ValuesInput } from './data.js';
