// Builds `token-heatmap/react` → dist/react.js from src/react.ts, and copies the hand-written JSX
// types for Preact and Solid (src/jsx-*.d.ts) to dist/types/. In dist/react.js:
//  - `react` stays a bare import: an optional peer dependency, the app's own copy;
//  - @lit/react is inlined, so it is no runtime dependency;
//  - the element comes from ./token-heatmap.js, the package's main module, never a second copy
//    (two copies would register <token-heatmap> from one and hand React the other's class).
// dist/types/react.d.ts and jsx.d.ts come from the main build, whose TypeScript program holds all
// of src/ (and emits a declaration for each .ts file, bundled or not).
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import typescript from '@rollup/plugin-typescript';
import { resolveOptions } from '../rollup.config.mjs';

const SRC = fileURLToPath(new URL('../src/', import.meta.url));
const MAIN_MODULE = fileURLToPath(new URL('../dist/token-heatmap.js', import.meta.url));

/** `./index.js` in src/react.ts becomes an import of the built main module (rendered as `./token-heatmap.js`). */
const mainModuleExternal = () => ({
  name: 'main-module-external',
  resolveId(source, importer) {
    if (importer?.startsWith(SRC) && source === './index.js') return { id: MAIN_MODULE, external: true };
    return null;
  },
  generateBundle(_options, bundle) {
    // Any other module of src/ here would be a second copy of the element's code.
    for (const chunk of Object.values(bundle)) {
      const copied = Object.keys(chunk.modules ?? {}).filter((id) => id.startsWith(SRC) && id !== `${SRC}react.ts`);
      if (copied.length) this.error(`dist/react.js must import the element from ./token-heatmap.js, but inlines ${copied.join(', ')}`);
    }
  },
});

/** Emits src/jsx-*.d.ts into dist/types/: TypeScript does not copy hand-written declarations. */
const copyJsxTypes = () => ({
  name: 'copy-jsx-types',
  generateBundle() {
    for (const file of readdirSync(SRC).filter((f) => /^jsx-.*\.d\.ts$/.test(f))) {
      this.emitFile({ type: 'asset', fileName: `types/${file}`, source: readFileSync(`${SRC}${file}`, 'utf8') });
    }
  },
});

export default () => ({
  input: 'src/react.ts',
  external: (id) => id === 'react' || id.startsWith('react/'),
  output: {
    file: 'dist/react.js',
    format: 'es',
    // Rollup would write the external's path relative to src/; the built files sit side by side.
    paths: { [MAIN_MODULE]: './token-heatmap.js' },
  },
  plugins: [
    mainModuleExternal(),
    typescript({
      tsconfig: './tsconfig.json',
      compilerOptions: { outDir: 'dist', declaration: false, declarationMap: false, noEmitOnError: true },
    }),
    nodeResolve(resolveOptions),
    copyJsxTypes(),
  ],
});
