import { readFile } from 'node:fs/promises';

/**
 * The text of dist/token-heatmap.hydrate.js, which `renderPage()` inlines. build/ssr.rollup.mjs
 * replaces this module with the built file's text, so dist/ssr.js needs no file beside it and
 * keeps working when a site generator bundles it; run from source, it reads the built file.
 */
export async function hydrateScript(): Promise<string> {
  return readFile(new URL('../dist/token-heatmap.hydrate.js', import.meta.url), 'utf8');
}
