// Types of the .svelte test component for editors; the test server compiles it with svelte/compiler.
declare module '*.svelte' {
  import type { Component } from 'svelte';
  const component: Component<Record<string, unknown>, { setDecimals(value: number): void }>;
  export default component;
}
