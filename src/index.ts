// The element with every feature present at once (the module build for bundlers, the classic and
// hydrate scripts). The CDN bundle's entry is ./core.js, which loads features on demand.
import './features/all.js';

export * from './core.js';
