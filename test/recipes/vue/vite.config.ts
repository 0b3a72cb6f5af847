// docs/frameworks.md, "Vue 3": tell Vue's template compiler that token-heatmap is not a Vue component.
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'token-heatmap' } } })],
});
