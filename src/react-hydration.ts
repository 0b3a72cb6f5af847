import { isServer, type ReactiveController, type ReactiveElement } from 'lit';

/** How long after connecting a server-rendered tag waits for React to hydrate it. */
const WAIT_MS = 10_000;

/**
 * React 19 hydrates server-rendered HTML without setting a custom element's object, function and
 * camelCase props, `on…` listeners included (facebook/react#35446), so a bare `<token-heatmap>` that
 * React rendered on the server stays empty after hydration. React keeps the props it meant to set on
 * the node as `__reactProps$<id>`: while the element has no data, this looks for them once a frame,
 * for ten seconds after connecting, and applies the properties and listeners React left unset.
 * (The `TokenHeatmap` wrapper of `token-heatmap/react` needs none of this; it is the documented way.)
 */
export class ReactHydrationController implements ReactiveController {
  private _frame = 0;

  constructor(
    private readonly _host: ReactiveElement,
    /** Whether the element has data already (then React did set it, or nobody uses React). */
    private readonly _hasData: () => boolean,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (isServer) return;
    const since = performance.now();
    const look = () => {
      if (!this._host.isConnected || this._hasData()) return;
      if (!this._adopt() && performance.now() - since < WAIT_MS) this._frame = requestAnimationFrame(look);
    };
    look();
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this._frame);
  }

  /** Applies React's props when it has left them on the node; false when there are none yet. */
  private _adopt(): boolean {
    const self = this._host as unknown as Record<string, unknown>;
    const key = Object.keys(self).find((name) => name.startsWith('__reactProps$'));
    const props = key ? (self[key] as Record<string, unknown> | undefined) : undefined;
    if (!props) return false;
    const declared = (this._host.constructor as typeof ReactiveElement).elementProperties;
    for (const name of declared.keys()) {
      if (typeof name === 'string' && name in props && props[name] !== self[name]) self[name] = props[name];
    }
    for (const [name, listener] of Object.entries(props)) {
      // React 19 hands `oncell-select` to addEventListener on the client, but not at hydration.
      if (/^on[a-z]+(-[a-z]+)+$/.test(name) && typeof listener === 'function') this._host.addEventListener(name.slice(2), listener as EventListener);
    }
    return true;
  }
}
