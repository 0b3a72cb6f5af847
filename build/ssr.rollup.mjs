// Server rendering builds, picked up by rollup.config.mjs:
//   dist/token-heatmap.hydrate.js  the client script for server-rendered pages: the element plus
//                                  Lit's hydration support, self-contained and minified like the bundle
//   dist/ssr.js, dist/cli.js       renderHeatmap()/renderPage() and the CLI for Node, with
//                                  @lit-labs/ssr, lit and d3 bundled in (they import only Node built-ins),
//                                  and the hydrate script above inlined as a string
// Both builds minify the html`…` and css`…` templates exactly as the bundle does: Lit hydration
// matches the server's markers to a digest of the client's template strings, so the two must see
// the same text; and server output without blank lines stays one raw-HTML block in Markdown.
import { readFileSync, readdirSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { join } from 'node:path';
import commonjs from '@rollup/plugin-commonjs';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import trimSchemes from '../scripts/trim-schemes.mjs';
import { mainBuilds, resolveOptions, terserOptions, trimOptions } from '../rollup.config.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const HYDRATE_FILE = 'dist/token-heatmap.hydrate.js';

const compile = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { outDir: 'dist', declaration: false, declarationMap: false, noEmitOnError: true },
  });

/** The bundle's own template minifiers, taken from its build in rollup.config.mjs (which does not export them). */
function bundleMinifiers() {
  const plugins = mainBuilds().flatMap((build) => build.plugins ?? []);
  return ['minify-css', 'minify-html'].map((name) => {
    const plugin = plugins.find((p) => p?.name === name);
    if (!plugin) throw new Error(`build/ssr.rollup.mjs: rollup.config.mjs has no "${name}" plugin any more`);
    return plugin;
  });
}

/** Writes the licence texts of the node_modules packages inlined in a build next to its output. */
function licenses(fileName) {
  return {
    name: 'ssr-licenses',
    generateBundle(_options, bundle) {
      const texts = new Map(); // name@version → text, once even when two folders hold the same version
      for (const chunk of Object.values(bundle)) {
        for (const id of Object.keys(chunk.modules ?? {})) {
          // Plugins' virtual modules (commonjs proxies) start with \0.
          const root = /^\0?(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(id)?.[1];
          if (!root) continue;
          const meta = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
          const name = `${meta.name}@${meta.version} (${meta.license})`;
          if (texts.has(name)) continue;
          const file = readdirSync(root).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
          texts.set(name, `${name}\n\n${file ? readFileSync(join(root, file), 'utf8').trim() : ''}`);
        }
      }
      const list = [...texts.values()].sort();
      this.emitFile({
        type: 'asset',
        fileName,
        source: `${pkg.name} ${pkg.version} bundles:\n${list.map((t) => t.slice(0, t.indexOf('\n'))).join('\n')}\n\n${list.join(`\n\n${'-'.repeat(72)}\n\n`)}\n`,
      });
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
    output: {
      file: HYDRATE_FILE,
      format: 'es',
    },
    plugins: [
      compile(),
      // After typescript, as in the bundle: that plugin compiles from disk and ignores earlier transforms.
      ...bundleMinifiers(),
      nodeResolve(resolveOptions),
      trimSchemes(trimOptions),
      terser({
        ...terserOptions,
        mangle: { properties: { regex: /^_[a-zA-Z]/ } },
        format: {
          ...terserOptions.format,
          preamble: `/*! ${pkg.name} ${pkg.version} (${pkg.license}) hydrate script with lit, @lit-labs/ssr-client, d3-scale-chromatic, d3-interpolate, d3-color: licences in token-heatmap.hydrate.js.LICENSE.txt of the ${pkg.name} package */`,
        },
      }),
      licenses('token-heatmap.hydrate.js.LICENSE.txt'),
    ],
  },
  {
    input: { ssr: 'src/ssr.ts', cli: 'src/cli.ts' },
    // Node built-ins only: everything else, @lit-labs/ssr included, is inside the files.
    external: (id) => isBuiltin(id),
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
      compile(),
      ...bundleMinifiers(),
      // lit's "node" build: isServer is true and the DOM shim stands in for the browser.
      nodeResolve({ exportConditions: ['node', 'production'], preferBuiltins: true }),
      commonjs(),
      licenses('ssr.js.LICENSE.txt'),
    ],
  },
];
