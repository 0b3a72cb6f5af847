// Which features a render needs, from the element's properties alone (cheap checks, before the
// update that draws them): the element loads them first, so the first paint already has them.
import type { FeatureName } from './registry.js';

/** The properties the checks read, as the element holds them (unchecked). */
export interface FeatureInputs {
  readonly view: unknown;
  readonly stepScores: unknown;
  readonly zoom: unknown;
  readonly rows: unknown;
  readonly columns: unknown;
  readonly transpose: unknown;
  readonly groupRows: unknown;
  readonly groupColumns: unknown;
  readonly rowGroups: unknown;
  readonly columnGroups: unknown;
  readonly normalization: unknown;
  readonly topK?: unknown;
  readonly threshold?: unknown;
  readonly hideSpecial: unknown;
  readonly compare: unknown;
  readonly interpolator?: unknown;
}

const given = (value: unknown) => value !== null && value !== undefined;
/** An option other than its default (an invalid one too: loading is harmless, the element reports it). */
const set = (value: unknown, byDefault: unknown) => given(value) && value !== byDefault;

/** Readable cells at the default size, CSS px; a box no larger than the screen holds no more of them. */
const READABLE_CELL = { width: 72, height: 28 };

/** The features needed to draw these properties. `zoomWanted`: the element's gate asked for zoom (an overflow, zoomTo, fit). */
export function neededFeatures(p: FeatureInputs, zoomWanted = false, screen = { width: globalThis.screen?.width || 4096, height: globalThis.screen?.height || 4096 }): FeatureName[] {
  const needed: FeatureName[] = [];
  if (set(p.view, 'grid') || given(p.stepScores)) needed.push('views');
  if (zoomWanted || set(p.zoom, 'auto') || tooLargeToRead(p, screen)) needed.push('zoom');
  const grouped = set(p.groupRows, 'tokens') || set(p.groupColumns, 'tokens') || given(p.rowGroups) || given(p.columnGroups);
  if (grouped || set(p.normalization, 'none') || given(p.topK) || given(p.threshold) || set(p.hideSpecial, false) || given(p.compare)) needed.push('reading');
  // A caller's function: each of its colours is checked before it reaches a style.
  if (typeof p.interpolator === 'function') needed.push('colours');
  return needed;
}

/** Whether the readable grid is larger than the screen, so no box shows it unzoomed. */
function tooLargeToRead(p: FeatureInputs, screen: { width: number; height: number }): boolean {
  const rows = lengthOf(p.rows);
  const columns = lengthOf(p.columns);
  const [down, across] = p.transpose === true ? [columns, rows] : [rows, columns];
  return down * READABLE_CELL.height > screen.height || across * READABLE_CELL.width > screen.width;
}

/** An array's length; 0 for anything else, also for what cannot be read (a revoked Proxy, a throwing getter): the data's own checks report it. */
function lengthOf(value: unknown): number {
  try {
    return Array.isArray(value) ? value.length : 0;
  } catch {
    return 0;
  }
}
