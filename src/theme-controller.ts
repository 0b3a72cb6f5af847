import { isServer, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { canvasIsDark, parseRgba, themeBehind, type Rgba } from './theme.js';

type Host = ReactiveControllerHost & HTMLElement & { theme?: unknown };

/**
 * Attributes by which sites switch themes: classes and inline styles (VitePress `html.dark`),
 * `data-theme` (Docusaurus, many others), JupyterLab's, MkDocs Material's, Bootstrap's, Primer's.
 */
const THEME_ATTRIBUTES = ['class', 'style', 'data-theme', 'data-jp-theme-light', 'data-jp-theme-name', 'data-md-color-scheme', 'data-bs-theme', 'data-color-mode', 'data-mode'];

/**
 * Follows the host page's theme while the element has no valid `theme`: the colour behind the
 * element (see src/theme.ts) decides light or dark, shown as the custom state `:state(light)` or
 * `:state(dark)` that the styles turn into `color-scheme`. It looks again when the reader's
 * `prefers-color-scheme` changes, when a theme attribute changes on any ancestor (across shadow
 * roots), when a style sheet is added or loads, and when an ancestor's background transition ends.
 */
export class ThemeController implements ReactiveController {
  /** The page's theme as last found; null while `theme` is set or before the element connects. */
  found: 'light' | 'dark' | null = null;

  private _states: CustomStateSet | null | undefined;
  private _observer: MutationObserver | null = null;
  private _media: MediaQueryList | null = null;
  private _ancestors = new Set<Element>();
  private _frame = 0;
  private _theme: unknown;
  private _probe: CanvasRenderingContext2D | null | undefined;

  constructor(private readonly _host: Host) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (isServer) return;
    const doc = this._host.ownerDocument;
    const view = doc.defaultView;
    if (!view) return;
    this._media = view.matchMedia?.('(prefers-color-scheme: dark)') ?? null;
    this._media?.addEventListener('change', this._schedule);
    this._observer = new MutationObserver(this._schedule);
    for (let node: Element | null = this._parent(this._host); node; node = this._parent(node)) {
      this._ancestors.add(node);
      this._observer.observe(node, { attributes: true, attributeFilter: THEME_ATTRIBUTES });
    }
    if (doc.head) this._observer.observe(doc.head, { childList: true });
    doc.addEventListener('load', this._onLoad, true);
    doc.addEventListener('transitionend', this._onTransition, true);
    this.check();
  }

  hostDisconnected(): void {
    this._media?.removeEventListener('change', this._schedule);
    this._observer?.disconnect();
    this._observer = this._media = null;
    this._ancestors.clear();
    const doc = this._host.ownerDocument;
    doc.removeEventListener('load', this._onLoad, true);
    doc.removeEventListener('transitionend', this._onTransition, true);
    if (this._frame) cancelAnimationFrame(this._frame);
    this._frame = 0;
  }

  hostUpdated(): void {
    // Setting or removing `theme` hands the choice to the attribute or back to the page.
    if (this._host.theme !== this._theme) this.check();
  }

  /** Reads the page's theme now and shows it, unless `theme` forces one. */
  check(): void {
    this._theme = this._host.theme;
    const forced = this._theme === 'light' || this._theme === 'dark';
    const theme = forced || !this._host.isConnected ? null : this._read();
    this.found = theme;
    const states = this._customStates();
    if (!states) return;
    for (const name of ['light', 'dark'] as const) {
      try {
        if (name === theme) states.add(name);
        else states.delete(name);
      } catch {
        // A browser that takes only `--name` states: the element follows prefers-color-scheme there.
      }
    }
  }

  private readonly _schedule = () => {
    if (this._frame) return;
    // After the frame's script and style changes have settled.
    this._frame = requestAnimationFrame(() => {
      this._frame = 0;
      this.check();
    });
  };

  private readonly _onLoad = (event: Event) => {
    const target = event.target as Element | null;
    if (target && (target.localName === 'link' || target.localName === 'style')) this._schedule();
  };

  private readonly _onTransition = (event: Event) => {
    if (this._ancestors.has(event.target as Element)) this._schedule();
  };

  /** The parent element, across a shadow root to its host. */
  private _parent(node: Element): Element | null {
    if (node.parentElement) return node.parentElement;
    const root = node.parentNode;
    return root instanceof ShadowRoot ? root.host : null;
  }

  private _read(): 'light' | 'dark' {
    const layers: Rgba[] = [];
    let root: Element | null = null;
    for (let node = this._parent(this._host); node; node = this._parent(node)) {
      root = node;
      const color = this._rgba(getComputedStyle(node).backgroundColor);
      if (color && color[3] > 0) layers.push(color);
      if (color && color[3] >= 0.999) break;
    }
    const doc = this._host.ownerDocument;
    const rootElement = doc.documentElement;
    let scheme = getComputedStyle(root ?? rootElement).colorScheme || 'normal';
    if (scheme === 'normal') scheme = doc.querySelector('meta[name="color-scheme"]')?.getAttribute('content') ?? 'normal';
    return themeBehind(layers, canvasIsDark(scheme, !!this._media?.matches));
  }

  /** A computed colour with its alpha; forms other than rgb() are read back from a 1 px canvas. */
  private _rgba(text: string): Rgba | null {
    const parsed = parseRgba(text);
    if (parsed) return parsed;
    if (this._probe === undefined) {
      const canvas = this._host.ownerDocument.createElement('canvas');
      canvas.width = canvas.height = 1;
      this._probe = canvas.getContext('2d', { willReadFrequently: true });
    }
    const ctx = this._probe;
    if (!ctx) return null;
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = text;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }

  private _customStates() {
    if (this._states === undefined) {
      try {
        this._states = this._host.attachInternals?.().states ?? null;
      } catch {
        this._states = null;
      }
    }
    return this._states;
  }
}
