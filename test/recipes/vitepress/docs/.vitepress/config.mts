// docs/static-sites.md, "VitePress".
import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'token-heatmap recipe',
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag === 'token-heatmap' } } },
});
