// Server rendering builds, picked up by rollup.config.mjs:
//   dist/token-heatmap.hydrate.js  the client script for server-rendered pages: the element plus
//                                  Lit's hydration support, self-contained and minified like the bundle
//   dist/ssr.js, dist/cli.js       renderHeatmap()/renderPage() and the CLI for Node, with
//                                  @lit-labs/ssr, lit and d3 bundled in (they import only Node built-ins),
//                                  and the hydrate script above inlined as a string
// Both builds minify the html`…` and css`…` templates exactly as the bundle does: Lit hydration
// matches the server's markers to a digest of the client's template strings, so the two must see
// the same text; and server output without blank lines stays one raw-HTML block in Markdown.
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import { compileTs, licenses, minifyCss, minifyHtml, selfContained } from '../rollup.config.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const HYDRATE_FILE = 'dist/token-heatmap.hydrate.js';

/**
 * Replaces src/hydrate-script.ts (which reads the built file at run time) with the text of
 * dist/token-heatmap.hydrate.js, built just before: rollup runs an array of builds in order.
 * The text goes into a <script> element as is, so it must not contain "</script" or "<!--".
 */
function inlineHydrateScript() {
  return {
    name: 'inline-hydrate-script',
    load(id) {
      if (!/[\\/]src[\\/]hydrate-script\.ts$/.test(id)) return null;
      this.addWatchFile(HYDRATE_FILE);
      const code = readFileSync(HYDRATE_FILE, 'utf8');
      const unsafe = /<\/script|<!--/i.exec(code);
      if (unsafe) this.error(`${HYDRATE_FILE} contains "${unsafe[0]}" at ${unsafe.index}: it cannot be inlined in a <script> element`);
      return `export const hydrateScript = async () => ${JSON.stringify(code)};`;
    },
  };
}

export default () => [
  {
    input: 'src/hydrate.ts',
    output: { file: HYDRATE_FILE, format: 'es' },
    plugins: selfContained({
      banner: `/*! ${pkg.name} ${pkg.version} (${pkg.license}) hydrate script with lit, @lit-labs/ssr-client, d3-scale-chromatic, d3-interpolate, d3-color: licences in token-heatmap.hydrate.js.LICENSE.txt of the ${pkg.name} package */`,
      licenseFile: 'token-heatmap.hydrate.js.LICENSE.txt',
    }),
  },
  {
    input: { ssr: 'src/ssr.ts', cli: 'src/cli.ts' },
    // Node built-ins only: everything else, @lit-labs/ssr included, is inside the files. The CLI's
    // PNG rasteriser, the optional @resvg/resvg-js (a native binary), is imported only when asked for.
    external: (id) => isBuiltin(id) || id === '@resvg/resvg-js',
    // The CLI shares modules with ssr.js beyond its exports (data, scale, colours): let rollup export
    // them from ssr.js too, so there stay two files and no third shared chunk.
    preserveEntrySignatures: 'allow-extension',
    onwarn(warning, warn) {
      // TypeScript's helpers in @lit-labs/ssr-dom-shim test `this &&`, which is undefined in ESM: harmless.
      if (warning.code === 'THIS_IS_UNDEFINED' && /node_modules/.test(warning.id ?? '')) return;
      warn(warning);
    },
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'ssr-[name]-[hash].js',
      banner: `/*! ${pkg.name} ${pkg.version} (${pkg.license}) server renderer; bundled packages and their licences: ssr.js.LICENSE.txt */`,
    },
    plugins: [
      inlineHydrateScript(),
      compileTs(),
      // As in the browser builds: hydration needs the same template text on both sides.
      minifyCss(),
      minifyHtml(),
      // lit's "node" build: isServer is true and the DOM shim stands in for the browser.
      nodeResolve({ exportConditions: ['node', 'production'], preferBuiltins: true }),
      commonjs(),
      licenses('ssr.js.LICENSE.txt'),
    ],
  },
];
