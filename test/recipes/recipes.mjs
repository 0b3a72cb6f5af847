// The recipes `npm run test:recipes` builds (scripts/recipes.mjs), one per way of using the package
// that the README or docs/ describes. Each is the folder test/recipes/<name>/ (or `template`), copied
// to a scratch folder; `data` lists the paths there that get demo/seed-heatmap.json. Then:
// `setup` (before npm install), `npm install` when there is a package.json, `steps` (commands, or
// functions of the context), and the output is served (`serve.dir` statically, or `serve.command`)
// and every page's heatmaps checked. A heatmap's `output` is the element its recipe's event handler
// writes the selected cell into, through the framework's own state; `ssr` heatmaps are rendered at
// build time and must show with JavaScript off. `quick` recipes are the set CI runs every time.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A heatmap checked on a page: its selector, the selector of the output its handler fills, and
 * options: `ssr` (rendered at build time), `orLoud` (a way known not to work: it passes if the
 * element shows an alert matching this pattern instead of drawing).
 */
const heatmap = (selector, output, { ssr = false, orLoud = null } = {}) => ({ selector, output, ssr, orLoud });

/** React 19's hydration leaves a custom element's properties and listeners unset (react#35446). */
const REACT_HYDRATION = /token-heatmap\/react/;

/** Types: `tsc` must pass on the recipe's own sources. */
const typecheck = ['npx', 'tsc', '--noEmit', '-p', '.'];

/** `tsc` on files of mistakes must fail, and `judge(output)` (null when the errors are the right ones) must accept its errors. */
const mustNotTypecheck = (project, judge) => async (ctx) => {
  const { code, output } = await ctx.run('npx', ['tsc', '--noEmit', '-p', project], { allowFailure: true });
  if (code === 0) throw new Error(`tsc -p ${project} passed, but its files are mistakes the types must catch`);
  const problem = judge(output);
  if (problem) throw new Error(`tsc -p ${project}: ${problem}:\n${output.slice(0, 3000)}`);
};

/** Installs Debian's packages with apt-get when their commands are missing (the machine runs as root). */
const apt = (commands, packages) => async (ctx) => {
  const missing = commands.some((command) => !['/usr/bin', '/usr/local/bin'].some((dir) => existsSync(join(dir, command))));
  if (!missing) return;
  await ctx.run('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { env: { ...ctx.env, DEBIAN_FRONTEND: 'noninteractive' } });
};

/** Changes a dependency's range in the scratch package.json (one template, two majors). */
const dependency = (name, range) => (ctx) => {
  const file = join(ctx.dir, 'package.json');
  const pkg = JSON.parse(readFileSync(file, 'utf8'));
  for (const group of ['dependencies', 'devDependencies']) if (pkg[group]?.[name]) pkg[group][name] = range;
  writeFileSync(file, JSON.stringify(pkg, null, 2));
};

/** Runs several setup functions in order. */
const all = (...steps) => async (ctx) => {
  for (const step of steps) await step(ctx);
};

export const RECIPES = [
  {
    name: 'plain-html',
    title: 'Plain HTML',
    quick: true,
    node: 20,
    tools: ['token-heatmap'],
    serve: { dir: '.' },
    pages: [{ path: '/index.html', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'vue',
    title: 'Vue 3 + Vite',
    quick: true,
    node: 20,
    tools: ['vue', 'vite'],
    data: ['src/attribution.json'],
    steps: [['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'react19',
    title: 'React 19 + Vite (the tag and the wrapper)',
    quick: true,
    node: 20,
    tools: ['react', 'vite'],
    data: ['src/attribution.json'],
    steps: [typecheck, ['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#direct', '#picked-direct'), heatmap('#wrapped', '#picked-wrapped')] }],
  },
  {
    name: 'react18',
    title: 'React 18 + Vite (the wrapper)',
    quick: true,
    node: 20,
    tools: ['react', '@types/react', 'vite'],
    data: ['src/attribution.json'],
    steps: [
      typecheck,
      // The bare tag with arrays, `false` and a listener: seven mistakes, seven errors, each naming the wrapper.
      mustNotTypecheck('tsconfig.mistakes.json', (output) => {
        // One error per mistake; an error goes on in indented lines, which may hold the message.
        const errors = output.split(/\n(?=\S+\(\d+,\d+\): error TS)/).filter((block) => /error TS/.test(block));
        const named = errors.filter((block) => block.includes('use TokenHeatmap from token-heatmap/react'));
        return errors.length === 7 && named.length === 7 ? null : `${errors.length} errors, ${named.length} naming the wrapper; want 7 and 7`;
      }),
      ['npx', 'vite', 'build'],
    ],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#wrapped', '#picked')] }],
  },
  {
    name: 'svelte',
    title: 'Svelte 5 + Vite',
    node: 20,
    tools: ['svelte', 'vite'],
    data: ['src/attribution.json'],
    steps: [['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'preact10',
    template: 'preact',
    title: 'Preact 10 + Vite',
    node: 20,
    tools: ['preact', 'vite'],
    data: ['src/attribution.json'],
    steps: [typecheck, ['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'preact11',
    template: 'preact',
    title: 'Preact 11 + Vite',
    node: 20,
    setup: dependency('preact', '^11.0.0'),
    tools: ['preact', 'vite'],
    data: ['src/attribution.json'],
    steps: [typecheck, ['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'solid',
    title: 'Solid 1.9 + Vite',
    node: 20,
    tools: ['solid-js', 'vite'],
    data: ['src/attribution.json'],
    steps: [typecheck, ['npx', 'vite', 'build']],
    serve: { dir: 'dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'react19-ssr',
    title: 'React 19, renderToString + hydrateRoot',
    // Quick: the bare tag's hydration (react#35446) is the element's to handle, so CI keeps it checked.
    quick: true,
    node: 20,
    tools: ['react', 'react-dom', 'vite'],
    data: ['src/attribution.json'],
    steps: [
      typecheck,
      ['npx', 'vite', 'build'],
      ['npx', 'vite', 'build', '--ssr', 'src/entry-server.tsx', '--outDir', 'dist-server'],
      ['node', 'prerender.mjs'],
    ],
    serve: { dir: 'dist' },
    pages: [
      {
        path: '/',
        // The wrapper is the supported way with server rendering; the bare tag must work or say why not.
        heatmaps: [heatmap('#wrapped', '#picked-wrapped'), heatmap('#direct', '#picked-direct', { orLoud: REACT_HYDRATION })],
      },
    ],
  },
  {
    name: 'next',
    title: 'Next.js 16 App Router',
    node: 20,
    tools: ['next', 'react'],
    data: ['app/attribution.json'],
    steps: [['npx', 'next', 'build']],
    serve: { command: ['npx', 'next', 'start', '-p', '{port}', '-H', '127.0.0.1'] },
    pages: [
      { path: '/', heatmaps: [heatmap('#heatmap', '#picked')] },
      { path: '/bare', heatmaps: [heatmap('#heatmap', '#picked', { orLoud: REACT_HYDRATION })] },
    ],
  },
  {
    name: 'eleventy',
    title: 'Eleventy 3',
    quick: true,
    node: 20,
    tools: ['@11ty/eleventy'],
    data: ['src/_data/attribution.json'],
    steps: [['npx', '@11ty/eleventy']],
    serve: { dir: '_site' },
    pages: [{ path: '/', heatmaps: [heatmap('token-heatmap', '#picked', { ssr: true })] }],
  },
  {
    name: 'mkdocs',
    title: 'MkDocs (Debian)',
    quick: true,
    node: 20,
    setup: apt(['mkdocs'], ['mkdocs', 'python3-pymdownx']),
    version: async (ctx) => (await ctx.run('mkdocs', ['--version'])).output.match(/version (\S+)/)?.[0].replace('version', 'mkdocs') ?? '?',
    data: ['data/attribution.json'],
    steps: [
      // The two commands of the recipe: copy the script into docs/, render the figure before `mkdocs build`.
      ['cp', 'node_modules/token-heatmap/dist/token-heatmap.hydrate.classic.js', 'docs/js/'],
      ['mkdir', '-p', 'docs/figures'],
      ['sh', '-c', 'npx token-heatmap render data/attribution.json --fragment > docs/figures/attribution.html'],
      ['mkdocs', 'build', '--strict'],
    ],
    serve: { dir: 'site' },
    pages: [
      {
        path: '/',
        heatmaps: [heatmap('#drawn token-heatmap', '#picked-drawn'), heatmap('#rendered token-heatmap', '#picked-rendered', { ssr: true })],
      },
    ],
  },
  {
    name: 'astro7',
    template: 'astro',
    title: 'Astro 7 (Node 22)',
    node: 22,
    tools: ['astro', 'vite'],
    data: ['src/data/attribution.json'],
    steps: [['npx', 'astro', 'build']],
    serve: { dir: 'dist' },
    pages: [
      { path: '/', heatmaps: [heatmap('#rendered token-heatmap', '#picked', { ssr: true })] },
      { path: '/drawn/', heatmaps: [heatmap('#attribution', '#picked')] },
    ],
  },
  {
    name: 'astro5',
    template: 'astro',
    title: 'Astro 5 (Node 20)',
    node: 20,
    setup: dependency('astro', '^5.18.0'),
    tools: ['astro', 'vite'],
    data: ['src/data/attribution.json'],
    steps: [['npx', 'astro', 'build']],
    serve: { dir: 'dist' },
    pages: [
      { path: '/', heatmaps: [heatmap('#rendered token-heatmap', '#picked', { ssr: true })] },
      { path: '/drawn/', heatmaps: [heatmap('#attribution', '#picked')] },
    ],
  },
  {
    name: 'vitepress',
    title: 'VitePress 1.6',
    node: 20,
    tools: ['vitepress', 'vite', 'vue'],
    data: ['docs/attribution.json'],
    steps: [['npx', 'vitepress', 'build', 'docs']],
    serve: { dir: 'docs/.vitepress/dist' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
  {
    name: 'docusaurus',
    title: 'Docusaurus 3',
    node: 20,
    tools: ['@docusaurus/core', 'react'],
    data: ['static/data/attribution.json'],
    steps: [['npx', 'docusaurus', 'build']],
    serve: { dir: 'build' },
    pages: [{ path: '/', heatmaps: [heatmap('token-heatmap', '#picked')] }],
  },
  {
    name: 'angular',
    title: 'Angular 22 (Node 22)',
    node: 22,
    tools: ['@angular/core', '@angular/cli', 'typescript'],
    data: ['src/attribution.json'],
    steps: [['npx', 'ng', 'build']],
    serve: { dir: 'dist/app/browser' },
    pages: [{ path: '/', heatmaps: [heatmap('#heatmap', '#picked')] }],
  },
];
