// The features the core element loads on demand, each a module of its own (a chunk beside the CDN
// bundle, fetched with a relative import() so any server of dist/ serves it). `features.x` is
// undefined until x is loaded; full builds (server, CLI, classic and hydrate scripts, anywidget, the
// module build) import ./all.js, which fills every entry before an element exists.
import type { CSSResult } from 'lit';
import type * as Zoom from './zoom.js';
import type * as Views from './views.js';
import type * as Figure from './figure.js';
import type * as Reading from './reading.js';
import type * as Colours from './colours.js';

/** The loaded features: zoom and overview, the text view with step scores, SVG/PNG export, grouping and the other reading steps, the checks of a caller's interpolator. */
export interface Features {
  zoom?: typeof Zoom;
  views?: typeof Views;
  figure?: typeof Figure;
  reading?: typeof Reading;
  colours?: typeof Colours;
}

/** A feature's name. */
export type FeatureName = keyof Features;

/** What is loaded so far (filled by loadFeature, or at once by ./all.js). */
export const features: Features = {};

/** What each feature is called in a problem line. */
export const FEATURE_TITLES: Record<FeatureName, string> = { zoom: 'zoom and overview', views: 'text view and step scores', figure: 'SVG and PNG export', reading: 'grouping, normalisation, focus and comparison', colours: 'colour checks of the interpolator' };

/** The loaded features' styles, in a fixed order (the cascade is the same whichever loaded first): the views', then zoom's. */
export function featureStyles(): CSSResult[] {
  return [features.views?.styles, features.zoom?.styles].filter((s): s is CSSResult => !!s);
}

const pending = new Map<FeatureName, Promise<void>>();

/** Loads a feature once (the same promise for every caller); rejects when its file cannot be loaded. */
export function loadFeature(name: FeatureName): Promise<void> {
  if (features[name]) return Promise.resolve();
  let load = pending.get(name);
  if (!load) {
    // Literal specifiers, so bundlers see each chunk.
    const imported: Promise<unknown> =
      name === 'zoom' ? import('./zoom.js') : name === 'views' ? import('./views.js') : name === 'figure' ? import('./figure.js') : name === 'reading' ? import('./reading.js') : import('./colours.js');
    load = imported.then(
      (module) => void ((features as Record<string, unknown>)[name] = module),
      (error: unknown) => {
        // A later attempt (the next update) may succeed: a network error is not forever.
        pending.delete(name);
        throw error;
      },
    );
    pending.set(name, load);
  }
  return load;
}
