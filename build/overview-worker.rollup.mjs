// Builds dist/token-heatmap.worker.js from src/overview/overview-worker.ts: the overview's Worker as
// a module file of its own beside the builds, loaded with `new URL('./token-heatmap.worker.js',
// import.meta.url)`. Same origin, so a strict `script-src 'self'` policy allows it (a blob: URL it
// blocks); bundlers copy it beside the code that refers to it.
import { readFileSync } from 'node:fs';
import { selfContained } from '../rollup.config.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

export default () => ({
  input: 'src/overview/overview-worker.ts',
  output: { file: 'dist/token-heatmap.worker.js', format: 'es' },
  plugins: selfContained({ banner: `/*! ${pkg.name} ${pkg.version} (${pkg.license}): the overview's Worker */` }),
});
