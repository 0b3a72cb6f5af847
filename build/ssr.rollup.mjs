// Server rendering builds, picked up by rollup.config.mjs:
//   dist/token-heatmap.hydrate.js  the client script for server-rendered pages: the element plus
//                                  Lit's hydration support, self-contained and minified like the bundle
//   dist/token-heatmap.hydrate.classic.js  the same code as a classic script (no exports), for site
//                                  tools that write only <script src> (MkDocs before 1.5)
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
const CLASSIC_FILE = 'token-heatmap.hydrate.classic.js';

/**
 * Emits CLASSIC_FILE beside the minified hydrate module: the same code without its `export`
 * statement, inside a strict-mode function. A module's top-level names are its own and its code is
 * strict; the function keeps both true in a classic script, which is why the rest runs unchanged.
 * Anything only a module may contain (import, import.meta, top-level await) fails the build.
 */
function classicScript() {
  return {
    name: 'classic-script',
    generateBundle(_options, bundle) {
      const chunk = Object.values(bundle).find((file) => file.type === 'chunk' && file.isEntry);
      // The overview reads its own URL as it loads (to find its Worker file beside it): in a classic
      // script that is document.currentScript's.
      const source = chunk.code.replaceAll('import.meta.url', '(document.currentScript||{}).src');
      const program = this.parse(source);
      const cuts = [];
      const moduleOnly = [];
      const visit = (node, depth) => {
        if (!node || typeof node.type !== 'string') return;
        if (node.type === 'ImportExpression' || node.type === 'MetaProperty' || node.type === 'ImportDeclaration') moduleOnly.push(node.type);
        if (node.type === 'AwaitExpression' && depth === 0) moduleOnly.push('top-level await');
        if (node.type === 'ExportAllDeclaration' || node.type === 'ExportDefaultDeclaration') moduleOnly.push(node.type);
        const inner = /Function/.test(node.type) ? depth + 1 : depth;
        for (const value of Object.values(node)) {
          if (Array.isArray(value)) value.forEach((v) => visit(v, inner));
          else if (value && typeof value === 'object') visit(value, inner);
        }
      };
      for (const node of program.body) {
        // `export{a as TokenHeatmap,…}` names existing bindings: dropping it changes nothing else.
        if (node.type === 'ExportNamedDeclaration' && !node.declaration && !node.source) cuts.push([node.start, node.end]);
        else visit(node, 0);
      }
      if (moduleOnly.length) this.error(`${CLASSIC_FILE}: the hydrate module uses ${[...new Set(moduleOnly)].join(', ')}, which a classic script cannot`);
      let code = source;
      for (const [start, end] of cuts.reverse()) code = code.slice(0, start) + code.slice(end);
      // The compile hint and the licence comment stay first, as in the module.
      const banner = /^(?:\/\/#[^\n]*\n)?\/\*![\s\S]*?\*\/\n?/.exec(code)?.[0] ?? '';
      this.emitFile({ type: 'asset', fileName: CLASSIC_FILE, source: `${banner}!function(){"use strict";${code.slice(banner.length).trim()}\n}();\n` });
    },
  };
}

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
    output: { file: HYDRATE_FILE, format: 'es', inlineDynamicImports: true },
    plugins: [
      ...selfContained({
        banner: `/*! ${pkg.name} ${pkg.version} (${pkg.license}) hydrate script with lit, @lit-labs/ssr-client, d3-scale-chromatic, d3-interpolate, d3-color: licences in token-heatmap.hydrate.js.LICENSE.txt of the ${pkg.name} package */`,
        licenseFile: 'token-heatmap.hydrate.js.LICENSE.txt',
      }),
      classicScript(),
    ],
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
