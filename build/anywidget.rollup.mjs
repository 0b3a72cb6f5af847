// dist/anywidget.js: the anywidget front end (src/anywidget.ts) as one self-contained, minified
// ES module with lit, d3 and the element inlined. anywidget loads `_esm` from a blob URL, where
// a bare import such as `lit` cannot resolve, so nothing may stay external.
import { readFileSync } from 'node:fs';
import { selfContained } from '../rollup.config.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// The inlined packages are the bundle's; their licences ship beside it in dist/.
const banner = `/*! ${pkg.name} ${pkg.version} (${pkg.license}) anywidget module with lit, d3-scale-chromatic, d3-interpolate, d3-color: see token-heatmap.bundle.js.LICENSE.txt */`;

export default () => ({
  input: 'src/anywidget.ts',
  output: { file: 'dist/anywidget.js', format: 'es', inlineDynamicImports: true },
  plugins: selfContained({ banner }),
});
