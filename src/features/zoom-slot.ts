import type { ReactiveController, ReactiveControllerHost, TemplateResult } from 'lit';
import type { GridPosition } from '../navigation.js';
import type { ZoomSetting } from '../zoom/zoom-controller.js';
import type { Interpolator } from '../schemes.js';
import { startWorkerEarly, WORKER_THRESHOLD } from '../overview/worker-start.js';

/** The part of the zoom controller (src/zoom/zoom-controller.ts) the element uses. */
export interface ZoomLayer {
  readonly mode: 'static' | 'grid' | 'canvas';
  configure(setting: ZoomSetting): void;
  decimals(wanted: number): number;
  barHeight(): number | undefined;
  pageRows(): number | undefined;
  anchor(position: GridPosition): { getBoundingClientRect(): DOMRect } | null;
  renderPlot(grid: TemplateResult): TemplateResult;
  painted(): Promise<void>;
  prestart(cells: number): void;
  prepareColors(interpolate: Interpolator): void;
  zoomTo(position: GridPosition, level?: number): void;
  fit(): void;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * The element's zoom layer: the zoom feature's controller once it is loaded, and until then the
 * readable grid exactly as the controller's `static` mode draws it, plus the gate that asks for the
 * feature: under `zoom="auto"` the grid's scroller overflows its box (after a render, or when the box
 * shrinks), or `zoomTo()` / `fit()` is called. `wanted` tells the element to load it before its next
 * update; the calls made meanwhile are applied once the controller has its first setting.
 */
export class ZoomSlot implements ZoomLayer, ReactiveController {
  /** The zoom feature is needed (the element loads it, then calls `attach`). */
  wanted = false;
  private _real?: ZoomLayer;
  private _setting: ZoomSetting = 'auto';
  private _queued: ((zoom: ZoomLayer) => void)[] = [];
  private _observer?: ResizeObserver;
  private _observed?: Element | null;
  /** The cells of values set before the controller exists (see prestart). */
  private _cells = 0;

  constructor(
    private readonly _host: Host,
    /** Makes the zoom feature's controller (which registers itself with the host). */
    private readonly _create: () => ZoomLayer | undefined,
  ) {
    _host.addController(this);
    this._real = _create();
  }

  /** Whether the zoom feature's controller draws. */
  get attached(): boolean {
    return !!this._real;
  }

  /** The feature is loaded: its controller takes over from the next update. */
  attach(): void {
    this._real ??= this._create();
    if (!this._real) return;
    this._unobserve();
    if (this._cells) this._real.prestart(this._cells);
    this._cells = 0;
  }

  /** New values: the controller starts what painting them needs ahead of the update (see ZoomController.prestart). */
  prestart(values: unknown): void {
    const cells = cellsOf(values);
    if (this._real) return this._real.prestart(cells);
    this._cells = cells;
    // The feature is not loaded yet: its Worker starts now, and the feature adopts it.
    if (cells > WORKER_THRESHOLD) startWorkerEarly();
  }

  /** Builds the overview's colour table of `interpolate` ahead of the update (once the feature is loaded; see ZoomController.prepareColors). */
  prepareColors(interpolate: Interpolator): void {
    this._real?.prepareColors(interpolate);
  }

  get mode(): 'static' | 'grid' | 'canvas' {
    return this._real?.mode ?? 'static';
  }

  configure(setting: ZoomSetting): void {
    this._setting = setting;
    const real = this._real;
    if (!real) return;
    real.configure(setting);
    for (const call of this._queued.splice(0)) call(real);
  }

  decimals(wanted: number): number {
    return this._real ? this._real.decimals(wanted) : wanted;
  }

  barHeight(): number | undefined {
    return this._real?.barHeight();
  }

  pageRows(): number | undefined {
    return this._real?.pageRows();
  }

  anchor(position: GridPosition): { getBoundingClientRect(): DOMRect } | null {
    return this._real?.anchor(position) ?? null;
  }

  renderPlot(grid: TemplateResult): TemplateResult {
    return this._real ? this._real.renderPlot(grid) : grid;
  }

  painted(): Promise<void> {
    return this._real?.painted() ?? Promise.resolve();
  }

  zoomTo(position: GridPosition, level?: number): void {
    this._call((zoom) => zoom.zoomTo(position, level));
  }

  fit(): void {
    this._call((zoom) => zoom.fit());
  }

  hostUpdated(): void {
    if (this._real || this.wanted) return;
    const scroller = this._setting === 'auto' ? this._host.renderRoot.querySelector<HTMLElement>('.scroller') : null;
    this._observe(scroller);
    if (scroller && overflows(scroller)) this._want();
  }

  hostDisconnected(): void {
    this._unobserve();
  }

  private _call(call: (zoom: ZoomLayer) => void): void {
    if (this._real) return call(this._real);
    this._queued.push(call);
    this._want();
  }

  private _want(): void {
    if (this.wanted) return;
    this.wanted = true;
    this._unobserve();
    this._host.requestUpdate();
  }

  /** A box that shrinks later (the window, a resized container) can make the readable grid overflow. */
  private _observe(target: Element | null): void {
    const view = this._host.ownerDocument?.defaultView;
    if (!view || target === this._observed) return;
    this._unobserve();
    this._observed = target;
    if (!target) return;
    this._observer = new view.ResizeObserver(() => {
      // Checked in a frame: the callback must not change observed boxes while it delivers.
      view.requestAnimationFrame(() => this._observed === target && overflows(target as HTMLElement) && this._want());
    });
    this._observer.observe(target);
  }

  private _unobserve(): void {
    this._observer?.disconnect();
    this._observer = undefined;
    this._observed = undefined;
  }
}

/** Whether the readable grid scrolls in its box (the zoom controller's own test for going zoomable). */
function overflows(s: HTMLElement): boolean {
  return s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1;
}

/** About how many cells `values` holds (a typed array's length, or rows × the first row's length); 0 for what cannot be read (the data's checks report it). */
function cellsOf(values: unknown): number {
  try {
    if (ArrayBuffer.isView(values)) return (values as unknown as Partial<ArrayLike<number>>).length ?? 0;
    if (Array.isArray(values)) return values.length * (Array.isArray(values[0]) ? values[0].length : 1);
  } catch {
    // a revoked Proxy or a throwing getter
  }
  return 0;
}
