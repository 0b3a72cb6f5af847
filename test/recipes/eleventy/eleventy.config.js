// docs/static-sites.md, "Eleventy".
import { readFile } from 'node:fs/promises';
import { renderHeatmap } from 'token-heatmap/ssr';

export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy({ 'node_modules/token-heatmap/dist/token-heatmap.hydrate.js': 'js/token-heatmap.hydrate.js' });
  eleventyConfig.addAsyncShortcode('heatmap', async (file) => renderHeatmap(JSON.parse(await readFile(file, 'utf8'))));
}
