import { isServer } from 'lit';
import { loadFeature } from './features/registry.js';

// A page's first element pays for everything cold: code run for the first time, its stylesheet
// parsed, fonts looked up, the zoom feature fetched and run. So in the page's idle time after the
// element is defined, while no element exists yet, a hidden 2 × 2 element is drawn, the zoom feature
// loaded, and in a later idle period the element drawn again as an overview, then removed. An element
// created before then warms the page itself: what is left of the warm-up is dropped. Measured in
// README "Size and scale" (first paint, a fresh page).

/** Elements created on this page, the warm-up's own included. */
let created = 0;

/** An element was created: the page warms up by itself, and the idle warm-up stops where it is. */
export function elementCreated(): void {
  created++;
}

type Warmable = HTMLElement & { readonly updateComplete: Promise<unknown>; zoom: 'auto' | 'fit' | number };

/** Resolves in the page's next idle period, with whether no element was created meanwhile (see above). */
function idle(): Promise<boolean> {
  const before = created;
  return new Promise((resolve) => requestIdleCallback(() => resolve(created === before)));
}

/** Warms the page up in its idle time with `create()`'s elements (see above), unless an element is created first or `enabled()` turns false. */
export async function warmUpWhenIdle(create: () => Warmable, enabled: () => boolean): Promise<void> {
  // Without requestIdleCallback (Safari) there is no telling idle time: no warm-up.
  if (isServer || typeof requestIdleCallback !== 'function' || created || !(await idle()) || !enabled() || !document.body) return;
  // Fetched while the element draws. A failed load is tried again, and reported, by an element that needs zoom.
  const zoom = loadFeature('zoom').then(() => true, () => false);
  // In a closed shadow root of an inert (so also hidden from assistive technology), hidden, off-screen
  // box: no query, style rule, pointer or screen reader of the page meets it, and it lays out (fonts,
  // layout code) without painting.
  const box = document.createElement('div');
  box.inert = true;
  box.style.cssText = 'position:fixed;left:-9999px;width:400px;height:300px;overflow:hidden;visibility:hidden';
  try {
    const element = Object.assign(create(), { rows: ['a', 'b'], columns: ['x', 'y'], values: [[0.5, -0.25], [-1, 1]] });
    // Its zoom-change (composed; no pointer or key reaches it for the others) stays inside.
    element.addEventListener('zoom-change', (event) => event.stopPropagation());
    box.attachShadow({ mode: 'closed' }).append(element);
    document.body.append(box);
    await element.updateComplete;
    if ((await zoom) && (await idle()) && enabled()) {
      element.zoom = 0.5;
      await element.updateComplete;
    }
  } catch {
    // A warm-up only: whatever fails here fails again, and is reported, in a real element.
  } finally {
    box.remove();
  }
}
