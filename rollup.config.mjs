// `npx rollup -c` builds:
//   dist/token-heatmap.js          ESM for bundlers; lit and d3-scale-chromatic stay bare imports
//   dist/types/**/*.d.ts           declarations (tsconfig.json: rootDir src)
//   dist/token-heatmap.bundle.js   the minified core ESM with lit + d3 inlined, for <script type="module">;
//   dist/token-heatmap.bundle.*.js its features, loaded on demand from beside it (src/features/)
//   dist/token-heatmap.full.js     the same with every feature in one file, for inlining (the Python helper)
//   dist/token-heatmap.bundle.js.LICENSE.txt  licences of the packages inlined in the bundle
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import trimSchemes from './scripts/trim-schemes.mjs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const runtimeDeps = Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies });
/** `lit`, `lit/decorators.js`, `d3-scale-chromatic`, … stay imports in the module build; tslib is inlined. */
const isRuntimeDep = (id) => runtimeDeps.some((dep) => id === dep || id.startsWith(`${dep}/`));

/** Terser settings of the bundle; scripts/verify-trim.mjs builds with the same ones. */
export const terserOptions = {
  module: true,
  ecma: 2020,
  compress: { passes: 2 },
  format: { comments: false },
};

/** Options of scripts/trim-schemes.mjs for the bundle; scripts/verify-trim.mjs checks them. */
export const trimOptions = {
  keepNamedColors: false,
  keepLabHcl: false,
  keepColorMethods: false,
  keepCssParsing: false,
  keepHsl: false,
  keepCubehelixConvert: false,
  packRamps: true,
};

/** Pins lit's production build even when NODE_ENV=development. */
export const resolveOptions = { browser: true, exportConditions: ['production'] };

/** Empties a directory at the start of a build (renamed sources must not leave stale .d.ts). */
const clean = (dir) => ({ name: 'clean', buildStart: () => rmSync(dir, { recursive: true, force: true }) });

/** Deletes the files of dist/ whose names start with `prefix` (a build's old chunks) at the start of a build. */
const cleanChunks = (prefix) => ({
  name: 'clean-chunks',
  buildStart: () => existsSync('dist') && readdirSync('dist').filter((f) => f.startsWith(prefix)).forEach((f) => rmSync(join('dist', f))),
});

/** Writes the licence texts of the node_modules packages inlined in a build next to its output. */
export function licenses(fileName) {
  return {
    name: 'licenses',
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

/** TypeScript for a build that emits no declarations (the module build writes them). */
export const compileTs = () =>
  typescript({
    tsconfig: './tsconfig.json',
    compilerOptions: { outDir: 'dist', declaration: false, declarationMap: false, noEmitOnError: true },
  });

const banner = `/*! ${pkg.name} ${pkg.version} (${pkg.license}) with lit, d3-scale-chromatic, d3-interpolate, d3-color: see token-heatmap.bundle.js.LICENSE.txt */`;

/**
 * Collapses the white space and comments of our css`…` templates (*.styles.ts) in the bundle.
 * Spaces next to + and - stay: calc() needs them.
 */
export const minifyCss = () => ({
  name: 'minify-css',
  transform(code, id) {
    if (!id.endsWith('.styles.ts')) return null;
    const css = code.replace(/css\s*`([^`]*)`/g, (_m, body) =>
      'css`' +
      body
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/\s*([{};,>])\s*/g, '$1')
        .replace(/:\s+/g, ':')
        .replace(/;}/g, '}')
        .trim() +
      '`',
    );
    return { code: css, map: null };
  },
});

/**
 * Collapses the indentation inside our html`…` templates in the bundle: a line break and the
 * white space around it become one space, or nothing between two tags. Found with rollup's own
 * parser, so only template text changes; text that renders with white-space: pre is never static.
 */
export const minifyHtml = () => ({
  name: 'minify-html',
  transform(code, id) {
    if (!id.includes('/src/') || !code.includes('html`') && !code.includes('html `')) return null;
    const edits = [];
    const visit = (node) => {
      if (!node || typeof node.type !== 'string') return;
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && node.tag.name === 'html') {
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const tight = raw.replace(/>\s*\n\s*</g, '><').replace(/\s*\n\s*/g, ' ');
          if (tight !== raw) edits.push([quasi.start, quasi.end, tight]);
        }
      }
      for (const value of Object.values(node)) {
        if (Array.isArray(value)) value.forEach(visit);
        else if (value && typeof value === 'object') visit(value);
      }
    };
    visit(this.parse(code));
    let out = code;
    for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
    return { code: out, map: null };
  },
});

/**
 * More builds (the React wrapper, the anywidget module, server rendering, the CLI) live in
 * build/*.rollup.mjs, each exporting a function that returns rollup options (one or an array),
 * so every entry point owns its build next to the others without editing this file.
 */
async function extraBuilds() {
  const dir = new URL('./build/', import.meta.url);
  if (!existsSync(dir)) return [];
  const files = readdirSync(dir).filter((f) => f.endsWith('.rollup.mjs')).sort();
  const builds = await Promise.all(files.map(async (f) => (await import(new URL(f, dir).href)).default()));
  return builds.flat();
}

// A function, so importing the named exports above (scripts/verify-trim.mjs) creates no plugins.
export default async () => [
  ...mainBuilds(),
  ...(await extraBuilds()),
];

/** The element's module build and its self-contained bundle. */
export const mainBuilds = () => [
  {
    input: 'src/index.ts',
    external: isRuntimeDep,
    // Every feature present (src/index.ts imports them all): the registry's import()s stay in this one file.
    output: { file: 'dist/token-heatmap.js', format: 'es', inlineDynamicImports: true },
    plugins: [
      clean('dist/types'),
      typescript({
        tsconfig: './tsconfig.json',
        // outDir must contain the output file for the plugin; declarations still go to dist/types.
        compilerOptions: { outDir: 'dist', declaration: true, declarationDir: 'dist/types', noEmitOnError: true },
      }),
      stripPropertyDocs(),
    ],
  },
  // The same element as a classic script, for pages opened from file://, where browsers refuse module
  // scripts (origin "null"), and for tools that only take classic scripts.
  {
    input: 'src/index.ts',
    output: { file: 'dist/token-heatmap.classic.js', format: 'iife', name: 'TokenHeatmapElement', inlineDynamicImports: true },
    plugins: selfContained({ banner, module: false }),
  },
  // `token-heatmap/inseq`: fromInseqJson for pages and Node, apart from the element (it has no imports).
  {
    input: 'src/export/inseq.ts',
    output: { file: 'dist/inseq.js', format: 'es' },
    plugins: [compileTs()],
  },
  // Every feature in one self-contained module, for code that is inlined into a page (the Python
  // helper's notebook output) or served without the files beside it.
  {
    input: 'src/index.ts',
    output: { file: 'dist/token-heatmap.full.js', format: 'es', inlineDynamicImports: true },
    plugins: selfContained({ banner }),
  },
  // The core (src/core.ts) with its features as chunks beside it, fetched by relative import() when needed.
  {
    input: { 'token-heatmap.bundle': 'src/core.ts' },
    // Shared code stays in the entry (no facade file in front of it).
    preserveEntrySignatures: 'allow-extension',
    output: { dir: 'dist', format: 'es', entryFileNames: '[name].js', chunkFileNames: 'token-heatmap.bundle.[name].js' },
    plugins: [cleanChunks('token-heatmap.bundle.'), ...selfContained({ banner, licenseFile: 'token-heatmap.bundle.js.LICENSE.txt' })],
  },
];

/**
 * V8's explicit compile hint (Chrome 136+): every function of the file is compiled while the script
 * streams in, on a background thread, instead of lazily on the main thread at the first call. These
 * files run as soon as they load (an element on the page, a feature chunk fetched because it is
 * needed), so the first render no longer pays for compiling them: 13 × 5 create-with-data → painted
 * measured 66 → 51 ms (A/B, one run; README "Compiled while it loads"). Other engines read it as a comment.
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The plugins of every self-contained browser file (the bundle, the anywidget module, the hydrate
 * script): lit and trimmed d3 inlined, templates minified, minified with short private names.
 * Templates are minified the same way everywhere: hydration matches the server's markers to a
 * digest of the client's template strings.
 */
export const selfContained = ({ banner, licenseFile, module = true }) => [
  compileTs(),
  // After typescript: that plugin compiles from disk and ignores earlier transforms.
  stripPropertyDocs(),
  minifyCss(),
  minifyHtml(),
  nodeResolve(resolveOptions),
  trimSchemes(trimOptions),
  terser({
    ...terserOptions,
    module,
    // Our private members (`_name`) get short names; lit's cross-version `_$…` names are left alone.
    mangle: { properties: { regex: /^_[a-zA-Z]/ } },
    format: { ...terserOptions.format, preamble: `${COMPILE_HINT}\n${banner}` },
  }),
  ...(licenseFile ? [licenses(licenseFile)] : []),
];

/**
 * Drops the one-line docs and TypeScript type texts from the property schema (src/properties.ts) in
 * browser builds: they feed the manifest, editors and the Python helper, which read the Node build.
 */
export function stripPropertyDocs() {
  return {
    name: 'strip-property-docs',
    transform(code, id) {
      if (!/[\\/]src[\\/]properties\.(ts|js)$/.test(id)) return null;
      const stripped = code.replace(/\b(doc|tsType): (['"`])(?:\\.|(?!\2)[^\\])*\2,?/g, '');
      if (stripped === code) this.error('src/properties.ts: no `doc:` entries found to strip; update stripPropertyDocs');
      return { code: stripped, map: null };
    },
  };
}
