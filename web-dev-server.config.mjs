import { esbuildPlugin } from '@web/dev-server-esbuild';

export default {
  rootDir: '.',
  appIndex: 'demo/index.html',
  open: process.env.CI ? false : '/demo/',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2021' })],
  // Cross-origin isolated (everything here is same-origin), so the demo's 16 million cells can be
  // shared with the overview's Worker instead of copied to it (see README, "without the copy").
  middleware: [
    (context, next) => {
      context.set('Cross-Origin-Opener-Policy', 'same-origin');
      context.set('Cross-Origin-Embedder-Policy', 'require-corp');
      return next();
    },
  ],
};
