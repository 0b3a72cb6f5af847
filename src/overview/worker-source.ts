import { paint, RASTER, warmUp } from './raster.js';
import { workerMain } from './worker-main.js';

/**
 * The Worker program as one script built from the functions' own source text, for a blob: URL when
 * the sibling file cannot be loaded (a cross-origin CDN, a notebook that inlines the bundle). The
 * same code as the main thread's, so there is one kernel, whatever the build renamed.
 */
export function workerSource(): string {
  const lib = { ...RASTER, paint, warmUp };
  const entries = Object.entries(lib).map(([name, fn]) => `${name}:${String(fn)}`);
  return `"use strict";const lib={${entries.join(',')}};(${String(workerMain)})(self,lib);`;
}
