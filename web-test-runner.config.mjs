import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup, nodeResolve } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { visualRegressionPlugin } from '@web/test-runner-visual-regression/plugin';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './scripts/browsers.mjs';
import { browserCommands } from './test/browser-commands.mjs';

// `BROWSERS=chromium npm test` runs one browser; the default is both.
const wanted = (process.env.BROWSERS ?? 'chromium,firefox').split(',');

const browsers = [];
if (wanted.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: findBrowser('chromium'),
        args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
      },
    }),
  );
}
if (wanted.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: { browser: 'firefox', executablePath: findBrowser('firefox'), headless: true },
    }),
  );
}

// The framework tests (test/frameworks/) load React, Vue and Svelte as their users' bundlers would.
// Each plugin below changes only the files or imports it names: the other tests are served as before.

// React, ReactDOM and scheduler ship CommonJS only, and choose their build by process.env.NODE_ENV.
// The dev server converts one file at a time, so commonjs cannot look up whether a required file is
// CommonJS: it hoists the requires (strictRequires: false) and takes a required module's default
// export as its module.exports (requireReturnsDefault: 'preferred').
const REACT_CJS = ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'];
const reactCjs = fromRollup(rollupCommonjs)({ include: REACT_CJS, strictRequires: false, requireReturnsDefault: 'preferred' });
const isReactCjs = (path) => /\/node_modules\/(react|react-dom|scheduler)\//.test(path);
const nodeEnv = {
  name: 'react-node-env',
  transform(context) {
    if (isReactCjs(context.path)) return { body: context.body.replaceAll('process.env.NODE_ENV', '"development"') };
  },
};

// Svelte's client runtime sits behind the `browser` export condition (the default one is for servers).
const svelteResolve = nodeResolve({ exportConditions: ['browser', 'development'], browser: true });
const resolveLikeABrowser = svelteResolve.resolveId.handler ?? svelteResolve.resolveId;
const svelteBrowser = fromRollup(() => ({
  ...svelteResolve,
  name: 'svelte-browser-resolve',
  resolveId(source, importer, options) {
    if (!/^(svelte|esm-env)(\/|$)/.test(source)) return null;
    return resolveLikeABrowser.call(this, source, importer, options);
  },
}))();

// `.svelte` files are compiled by svelte/compiler when a test imports them, as vite-plugin-svelte would.
const svelteCompile = {
  name: 'svelte-compile',
  resolveMimeType(context) {
    if (context.path.endsWith('.svelte')) return 'js';
  },
  async transform(context) {
    if (!context.path.endsWith('.svelte')) return;
    const { compile } = await import('svelte/compiler');
    return { body: compile(context.body, { filename: context.path, generate: 'client' }).js.code };
  },
};

// test/visual/ compares screenshots with the baselines committed in test/visual/baselines/<browser>/;
// `npm run test:visual -- --update-visual-baseline` rewrites them. A failure writes the new image and
// a diff to screenshots/failed/<browser>/ (not committed).
const FAILED = fileURLToPath(new URL('./screenshots/failed/', import.meta.url));
const updateBaselines = process.argv.includes('--update-visual-baseline');
const visualRegression = visualRegressionPlugin({
  update: updateBaselines,
  baseDir: 'test/visual/baselines',
  // `<name>@must-differ` is compared with <name>'s baseline: a test that a changed figure fails, whose
  // failure images are then named so they are not mistaken for a real one.
  getBaselineName: ({ browser, name }) => `${browser.toLowerCase()}/${name.replace(/@must-differ$/, '')}`,
  getFailedName: ({ browser, name }) => `${FAILED}${browser.toLowerCase()}/${name}`,
  getDiffName: ({ browser, name }) => `${FAILED}${browser.toLowerCase()}/${name}-diff`,
  // Any pixel that differs fails: the same fonts and browsers give the same pixels.
  failureThreshold: 0,
});
/** Tells a test whether baselines are being rewritten (a diff that must fail would overwrite one). */
const visualUpdateMode = {
  name: 'visual-update-mode',
  executeCommand: ({ command }) => (command === 'visual-update-mode' ? updateBaselines : undefined),
};

export default {
  files: ['test/**/*.test.ts', 'test/frameworks/**/*.test.tsx'],
  nodeResolve: true,
  plugins: [
    esbuildPlugin({ ts: true, tsx: true, tsconfig: './tsconfig.json', target: 'es2021' }),
    nodeEnv,
    reactCjs,
    svelteBrowser,
    svelteCompile,
    visualRegression,
    visualUpdateMode,
    browserCommands(),
  ],
  browsers,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testRunnerHtml: (testFramework) => `<!doctype html>
    <html lang="en"><head><meta charset="utf-8"></head>
    <body><script type="module" src="${testFramework}"></script></body></html>`,
};
