import { isServer, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { ZoomChangeEvent, type ViewRange, type ZoomDetail } from '../events.js';
import type { GridPosition } from '../navigation.js';
import type { Domain } from '../scale.js';
import type { Interpolator } from '../schemes.js';
import type { OverviewSource } from '../overview/painter.js';
import { OverviewCanvas } from './overview-canvas.js';
import { cellBox, minimapBox, minimapCentre, minimapSize, type Box } from './plot-geometry.js';
import { estimateMeasures, readMeasures, type Measures } from './zoom-measure.js';
import { labelSlots, placeLabels, type PlacedLabel } from './labels.js';
import { placeMinimap, renderPlot, type PlotView, type ZoomListeners } from './render-zoom.js';
import { ZoomInput } from './zoom-input.js';
import { setOnce } from '../set-style.js';
import { tickCount } from '../colorbar.js';
import {
  allVisible,
  cellSize,
  centreOn,
  clampView,
  decimalsThatFit,
  fitLevel,
  fitView,
  formatLevel,
  MAX_LEVEL,
  revealCell,
  visibleRanges,
  zoomAbout,
  zoomAnnouncement,
  type ValueShape,
  type ZoomGeometry,
  type ZoomView,
} from './view.js';

/** The `zoom` property as drawn: `auto`, `fit` or a level (1 = readable cells). */
export type ZoomSetting = 'auto' | 'fit' | number;

/** One displayed axis, as the zoom layer reads it. */
export interface ZoomAxis {
  readonly count: number;
  readonly tokens: boolean;
  readonly longestLabel: string;
  label(index: number): string;
}

/** The focus state and handling the overview shares with the grid (the FocusController). */
export interface ZoomFocus {
  /** The cell under the pointer, or the focused cell. */
  readonly hoveredCell: GridPosition | null;
  /** The tab stop; moved by zoomTo. */
  active: GridPosition;
  readonly focusWithin: boolean;
  /** The pointer is over a cell of the overview (null: over none of them). */
  hoverAt(position: GridPosition | null): void;
  /** The pointer left the overview (for another element, the tooltip perhaps). */
  readonly onPointerLeave: (event?: PointerEvent) => void;
  /** A click on the overview: the tab stop and focus move to the cell, which is toggled selected. */
  activate(position: GridPosition): Promise<void>;
}

/** What the controller reads of the element. */
export interface ZoomSources {
  /** The displayed axes. */
  readonly model: () => { readonly rows: ZoomAxis; readonly columns: ZoomAxis };
  /** The displayed values, read in place. */
  readonly source: () => OverviewSource;
  /** The colour scale, the decimals asked for and what printed values need, the crosshair. */
  readonly scale: () => { domain: Domain; interpolate: Interpolator; decimals: number; shape: ValueShape; crosshair: 'labels' | 'band' };
  /** The selected cell's display position. */
  readonly selected: () => GridPosition | null;
  readonly focus: ZoomFocus;
  /** Says a change politely, through the element's one live region. */
  readonly announce: (text: string) => void;
  /** The grid's window: the element's font size, `onScroll` to follow a scroll made here, `invalidate` to measure after a change of cell size. */
  readonly window: { readonly fontSize: number; readonly onScroll: () => void; invalidate(): void };
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean };

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
/** The tooltip's anchor on the overview, px each way at least: it keeps the tooltip off a pointer anywhere in a tiny cell. */
const ANCHOR = 9;
/** Zoom steps of the keys and buttons. */
const STEP = 2;
/** Announcements wait for a gesture to settle. */
const ANNOUNCE_DELAY = 250;

/**
 * Zoom, pan and the overview. Holds the view (a level and a position), decides how it is drawn —
 * `static` (the readable grid fits: exactly as without zoom), `grid` (the DOM grid with scaled cells
 * and as many decimals as fit) or `canvas` (cells too small for text: pixels from the data, thinned
 * labels, marks for focus, selection and hover, the grid kept as the accessible layer) — paints the
 * canvas and the minimap, and reports changes (`zoom-change`, a polite announcement). Layout is read
 * only after a render.
 */
export class ZoomController implements ReactiveController {
  mode: 'static' | 'grid' | 'canvas' = 'static';
  private _view: ZoomView = { level: 1, firstRow: 0, firstColumn: 0 };
  private _setting: ZoomSetting = 'auto';
  private _shape = '';
  /** The readable grid fits the element's box (measured; guessed for new shapes). */
  private _fits = true;
  /**
   * After the readable grid overflowed: the plot's box as first measured then ('record' until it is),
   * so the view goes back to static only once that box has grown. Undefined while zoomable by a
   * guess alone. Without it a box that the two layouts judge differently would flip them forever.
   */
  private _overflowed?: { width: number; height: number } | 'record';
  /** The view follows the fit level when the box changes. */
  private _fitted = false;
  private _measures?: Measures;
  private _lastActive?: GridPosition;
  /** The static grid's fit is to be checked after the next render (new shape, setting or box). */
  private _checkPending = true;
  private _gridCells = 'static';
  private _scrollPending = false;
  private _reported = '';
  /** The render key (see _renderKey) of the last render. */
  private _renderedKey = '';
  /** A zoom the reader (or the page, through zoomTo, fit or the zoom property) asked for: said once shown. */
  private _announce = false;
  private _announceTimer?: ReturnType<typeof setTimeout>;
  private _observer?: ResizeObserver;
  /** The window whose observer and frames serve the host: its own document's (it may move into an iframe). */
  private _observerWindow?: Window | null;
  private _observed?: Element | null;
  private _resizeFrame = 0;
  private _anchor?: { row: number; column: number; canvas: HTMLCanvasElement; anchor: { getBoundingClientRect(): DOMRect } };
  private readonly _canvases = new OverviewCanvas();
  private readonly _input: ZoomInput;
  private readonly _listeners: ZoomListeners;

  constructor(
    private readonly _host: Host,
    private readonly _sources: ZoomSources,
  ) {
    _host.addController(this);
    this._input = new ZoomInput(this, _sources.focus);
    this._listeners = {
      area: this._input.area,
      zoomIn: () => this.zoomBy(STEP),
      zoomOut: () => this.zoomBy(1 / STEP),
      fit: () => this.fit(),
      minimap: this._input.minimap,
      keys: this._input.keys,
    };
  }

  // ---- for the element ----------------------------------------------------------------------

  /** The view as shown. */
  get view(): ZoomView {
    return this._view;
  }

  /** Whether the zoom control is shown (the readable grid does not fit, or the level is not 1). */
  get zoomable(): boolean {
    return this.mode !== 'static';
  }

  /** For willUpdate: applies the `zoom` property to the displayed shape and decides the mode. */
  configure(setting: ZoomSetting): void {
    const rows = this._sources.model().rows.count;
    const columns = this._sources.model().columns.count;
    const shape = `${rows}x${columns}`;
    if (shape !== this._shape) {
      this._shape = shape;
      this._checkPending = true;
      this._overflowed = undefined;
      this._fits = this._guessFits();
      this._view = { level: 1, firstRow: 0, firstColumn: 0 };
      this._apply(setting);
    } else if (setting !== this._setting) {
      this._apply(setting);
      this._checkPending = true;
      this._announce = this._host.hasUpdated;
    }
    this._decideMode();
    // A server cannot measure, and hydration must render what the server did: the readable grid
    // first (after the render, an overflowing one goes zoomable as usual).
    if (isServer || (!this._host.hasUpdated && (this._host.shadowRoot?.childNodes.length ?? 0) > 0)) this.mode = 'static';
    // The displayed matrix, if the Worker paints it (values set before the update started it already).
    if (this.mode !== 'static') this._canvases.startWorker(rows * columns);
    // The focused cell stays in view: a keyboard move pans the overview to it.
    const active = this._sources.focus.active;
    if (this.mode === 'canvas' && this._sources.focus.focusWithin && this._lastActive && (active.row !== this._lastActive.row || active.column !== this._lastActive.column)) {
      this._view = revealCell(this.geometry(), this._view, active.row, active.column);
    }
    this._lastActive = active;
    // The grid's cells change size with the mode and the level: the window measures them again.
    const cells = this.mode === 'grid' ? JSON.stringify(cellSize(this.geometry(), this._view.level)) : this.mode;
    if (cells !== this._gridCells) {
      this._gridCells = cells;
      this._sources.window.invalidate();
    }
  }

  /**
   * New values of about `cells` cells are on their way (set before the update that derives them): a
   * matrix the Worker paints starts it now. A Worker starts only once the page's task is over, and
   * the first update of sixteen million cells is a long one: started by that update's picture, it
   * loaded only after it (fitted 4000 × 4000 Float32Array on a SharedArrayBuffer, Chromium 156).
   */
  prestart(cells: number): void {
    this._canvases.startWorker(cells);
  }

  /** Builds the colour table of `interpolate` now, in a task before the update that paints with it (once per scheme and page). */
  prepareColors(interpolate: Interpolator): void {
    this._canvases.table(interpolate);
  }

  /** Decimals the DOM grid prints at this zoom (fewer than asked when its cells are small). */
  decimals(wanted: number): number {
    if (this.mode !== 'grid') return wanted;
    const cell = cellSize(this.geometry(), this._view.level);
    return Math.max(0, Math.min(wanted, decimalsThatFit(cell.width, this._charWidth(), wanted, this._sources.scale().shape)));
  }

  /** The colour bar's height when zoomable (it spans the cells), else undefined. */
  barHeight(): number | undefined {
    return this.zoomable ? this.geometry().viewHeight : undefined;
  }

  /** Rows in one page of the overview, for PageUp and PageDown; undefined outside it. */
  pageRows(): number | undefined {
    if (this.mode !== 'canvas') return undefined;
    return Math.max(1, Math.floor(this.geometry().viewHeight / cellSize(this.geometry(), this._view.level).height));
  }

  /**
   * Where the tooltip points for a cell of the overview (null when it is not in view or there is no
   * overview). The same object for the same cell, as an element would be: the tooltip knows it by it.
   */
  anchor(position: GridPosition): { getBoundingClientRect(): DOMRect } | null {
    const canvas = this.mode === 'canvas' ? this._canvas() : null;
    if (!canvas || !cellBox(this.geometry(), this._view, position.row, position.column, ANCHOR)) return null;
    const last = this._anchor;
    if (last && last.row === position.row && last.column === position.column && last.canvas === canvas) return last.anchor;
    const anchor = {
      getBoundingClientRect: () => {
        const r = canvas.getBoundingClientRect();
        const box = cellBox(this.geometry(), this._view, position.row, position.column, ANCHOR) ?? { left: 0, top: 0, width: 0, height: 0 };
        return new DOMRect(r.left + box.left, r.top + box.top, box.width, box.height);
      },
    };
    this._anchor = { ...position, canvas, anchor };
    return anchor;
  }

  /** The plot: the grid and, when zoomable, everything around it. */
  renderPlot(grid: TemplateResult): TemplateResult {
    const view = this._plotView();
    this._renderedKey = this._renderKey(view);
    return renderPlot(view, grid);
  }

  /** What the host's render reads from this controller: a measurement that leaves it as it was needs no render. */
  private _renderKey(view = this._plotView()): string {
    // The bar's ticks and the minimap's presence; its size and rectangle are set in place (placeMinimap).
    const read = [this.mode, tickCount(this.barHeight() ?? 0), this.decimals(this._sources.scale().decimals), { ...view, minimap: !!view.minimap }];
    return JSON.stringify(read, (_, value: unknown) => (typeof value === 'function' ? undefined : value));
  }

  /** Resolves when the canvas and the minimap show the newest data and view. */
  painted(): Promise<void> {
    return this._canvases.painted();
  }

  /** Zooms to `level` (default: readable, or the current level when larger) centred on a display cell. */
  zoomTo(position: GridPosition, level?: number): void {
    const target = level ?? Math.max(1, this._view.level);
    this._sources.focus.active = position;
    this.setView(centreOn(this.geometry(), target, position.row, position.column));
  }

  /** Shows the whole matrix. */
  fit(): void {
    this.setView(fitView(this.geometry()));
  }

  /** Multiplies the level by `factor` about a point of the view (default: the focused cell, else the centre). */
  zoomBy(factor: number, about?: { x: number; y: number }): void {
    const g = this.geometry();
    const point = about ?? this._focusPoint() ?? { x: g.viewWidth / 2, y: g.viewHeight / 2 };
    this.setView(zoomAbout(g, this._view, this._view.level * factor, point.x, point.y));
  }

  /** Shows a view (clamped) and renders. */
  setView(view: ZoomView): void {
    const g = this.geometry();
    const next = clampView(g, view);
    // At the fit level the view follows the box from now on; any other level stays put.
    this._fitted = next.level <= fitLevel(g) * (1 + 1e-9);
    if (next.level !== this._view.level) this._announce = true;
    this._view = next;
    this._scrollPending = true;
    this._decideMode();
    this._host.requestUpdate();
  }

  /** The matrix at readable size and the box for its cells, from the last measurements (estimates before any). */
  geometry(): ZoomGeometry {
    const m = this._measures ?? this._estimate();
    return {
      rows: this._sources.model().rows.count,
      columns: this._sources.model().columns.count,
      cellWidth: m.cellWidth,
      cellHeight: m.cellHeight,
      viewWidth: Math.max(1, Math.floor(m.areaWidth - m.rowGutter)),
      viewHeight: Math.max(1, Math.floor(m.areaHeight - m.columnGutter)),
    };
  }

  /** The cell a point of the canvas shows (CSS px from the canvas's corner): the one its device pixel is coloured by. */
  cellAtPoint(x: number, y: number): GridPosition | null {
    return this._canvases.cellAt(x, y);
  }

  /** The canvas (in canvas mode). */
  _canvas(): HTMLCanvasElement | null {
    return this._host.renderRoot.querySelector<HTMLCanvasElement>('canvas.zoom-cells');
  }

  /** The grid's scroller. */
  _scroller(): HTMLElement | null {
    return this._host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  // ---- lifecycle ----------------------------------------------------------------------------

  /** The host's own window, or null in a document without one. */
  window(): (Window & typeof globalThis) | null {
    return this._host.ownerDocument?.defaultView ?? null;
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observed = undefined;
    this._canvases.disconnect();
    this._observerWindow?.cancelAnimationFrame(this._resizeFrame);
    clearTimeout(this._announceTimer);
  }

  hostUpdated(): void {
    const root = this._host.renderRoot;
    // The text view alone (view="text") draws no grid, so nothing to measure or paint.
    if (!root.querySelector('.plot')) return;
    this._observe(root.querySelector(this.zoomable ? '.zoom-area' : '.scroller'));
    if (this.mode === 'static') {
      this._checkStatic();
      this._reported = '';
      return;
    }
    // A changed box or size: paint for it now (the canvas's pixels do not depend on the template),
    // and render again to place the labels and marks.
    const moved = this._measure();
    if (!moved && this._checkZoomable()) return;
    // Read before the header offset's write, which would make this read recompute the styles.
    const colors = this._colors();
    // Render again only for a measurement that changes what was rendered (labels, marks, the mode).
    const again = moved && this._renderKey() !== this._renderedKey;
    this._setHeaderOffset();
    if (this.mode === 'canvas') this._paintCells(colors);
    else if (!again) this._syncScroll();
    this._paintMinimap(colors);
    if (again) this._host.requestUpdate();
    else this._report();
  }

  // ---- deciding -----------------------------------------------------------------------------

  private _apply(setting: ZoomSetting): void {
    this._setting = setting;
    const g = this.geometry();
    if (setting === 'fit' || (setting === 'auto' && !this._fits)) {
      this._fitted = true;
      this._view = fitView(g);
    } else if (setting === 'auto') {
      this._fitted = false;
      this._view = { level: 1, firstRow: 0, firstColumn: 0 };
    } else {
      // A new level keeps the middle of a view the reader moved to in the middle; from the fitted
      // view (or the first render) it starts at the top-left corner, as the readable grid does.
      const fresh = this._fitted || !this._host.hasUpdated;
      this._view = fresh ? clampView(g, { level: setting, firstRow: 0, firstColumn: 0 }) : zoomAbout(g, this._view, setting, g.viewWidth / 2, g.viewHeight / 2);
      this._fitted = this._view.level <= fitLevel(g) * (1 + 1e-9);
    }
    this._scrollPending = true;
  }

  private _decideMode(): void {
    const readable = this._fits && Math.abs(this._view.level - 1) < 1e-9;
    if (readable) {
      this.mode = 'static';
      return;
    }
    const cell = cellSize(this.geometry(), this._view.level);
    const wanted = this._sources.scale().decimals;
    const lineHeight = this._sources.window.fontSize * 1.25;
    const printable = decimalsThatFit(cell.width, this._charWidth(), wanted, this._sources.scale().shape) >= Math.min(1, wanted);
    // At readable size and above the DOM grid draws, whatever the font: as without zoom.
    this.mode = this._view.level >= 1 - 1e-9 || (printable && cell.height >= lineHeight - 0.5) ? 'grid' : 'canvas';
  }

  /**
   * A first guess without layout: the readable grid against the window (or the last box), with
   * labels as the readable grid draws them (column labels wrapped in three lines when they fit).
   * A wrong guess costs one render: after it, the grid's overflow or the box decides.
   */
  private _guessFits(): boolean {
    const m = this._measures ?? this._estimate();
    const { rows, columns } = this._sources.model();
    const font = this._sources.window.fontSize;
    const width = this._measures ? m.plotWidth : Math.max(320, (globalThis.innerWidth || 1024) - 80);
    const height = this._measures ? m.plotHeight : Math.max(240, (globalThis.innerHeight || 768) * 0.8);
    const header = Math.min(m.columnGutter, 4 * 1.25 * font);
    return columns.count * m.cellWidth + m.rowGutter <= width && rows.count * m.cellHeight + header <= height;
  }

  /**
   * Static: the readable grid must not scroll; when it does and the setting allows, go zoomable.
   * Checked after a new shape, setting or box only: a hover's bold label that adds a line to the
   * header must not open the figure fitted under the pointer.
   */
  private _checkStatic(): void {
    const s = this._scroller();
    if (!s || this._setting !== 'auto' || !this._checkPending) return;
    this._checkPending = false;
    const overflows = s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1;
    if (!overflows) {
      this._fits = true;
      return;
    }
    this._fits = false;
    this._overflowed = 'record';
    this._measures = undefined;
    this._apply('auto');
    this._decideMode();
    this._host.requestUpdate();
  }

  /** Zoomable under `auto`: back to static when the box has grown to hold the readable grid. */
  private _checkZoomable(): boolean {
    const m = this._measures!;
    if (this._setting !== 'auto' || this._fits) return false;
    if (this._overflowed === 'record') {
      this._overflowed = { width: m.plotWidth, height: m.plotHeight };
      return false;
    }
    const g = this.geometry();
    const grew = !this._overflowed || m.plotWidth > this._overflowed.width + 1 || m.plotHeight > this._overflowed.height + 1;
    const fits = g.columns * m.cellWidth + m.rowGutter <= m.plotWidth && g.rows * m.cellHeight + m.columnGutter <= m.plotHeight;
    if (!fits || !grew) return false;
    this._fits = true;
    this._apply('auto');
    this._decideMode();
    this._host.requestUpdate();
    return true;
  }

  private _estimate(): Measures {
    const { rows, columns } = this._sources.model();
    return estimateMeasures(rows.longestLabel, columns.longestLabel, this._sources.window.fontSize);
  }

  private _charWidth(): number {
    return this._measures?.charWidth ?? this._sources.window.fontSize * 0.62;
  }

  // ---- measuring ----------------------------------------------------------------------------

  /** Reads the sizes of a zoomable render; returns whether one changed. */
  private _measure(): boolean {
    const next = readMeasures(this._host.renderRoot, this._sources.window.fontSize);
    if (!next) return false;
    if (this._measures && same(next, this._measures)) return false;
    const before = this.geometry();
    this._measures = next;
    const after = this.geometry();
    if (this._fitted) this._view = fitView(after);
    else if (!same(before, after)) this._view = clampView(after, this._view);
    this._scrollPending = true;
    this._decideMode();
    return true;
  }

  /**
   * Observes the plot's box, from the host's own window (another window's observer keeps elements
   * whose document may stop rendering, and reports a loop error for them). A resize is measured in
   * the next frame: rendering inside the callback would change observed boxes while it delivers.
   */
  private _observe(target: Element | null): void {
    const view = this.window();
    if (view !== this._observerWindow) {
      this._observer?.disconnect();
      this._observer = undefined;
      this._observed = undefined;
      this._observerWindow = view;
    }
    if (!view || target === this._observed) return;
    const observer = (this._observer ??= new view.ResizeObserver(() => {
      view.cancelAnimationFrame(this._resizeFrame);
      this._resizeFrame = view.requestAnimationFrame(() => {
        this._checkPending = true;
        // A render only for a box that changed what is drawn: the observer's first report (of the box
        // just measured after the render) and same-size reports cost nothing.
        if (this.mode === 'static') this._checkStatic();
        else if (this._measure()) this._host.requestUpdate();
      });
    }));
    observer.disconnect();
    this._observed = target;
    if (target) observer.observe(target);
  }

  /** The colour bar starts where the cells do. */
  private _setHeaderOffset(): void {
    const m = this._measures!;
    const header = this.mode === 'canvas' ? m.columnGutter : (this._host.renderRoot.querySelector<HTMLElement>('.corner')?.offsetHeight ?? 0);
    // On the bar itself, and only when it changes: a custom property on a container restyles all it holds.
    setOnce(this._host.renderRoot.querySelector<HTMLElement>('.colorbar'), '--_zoom-top', `${m.barHeight + header}px`);
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Grid mode: the scroller shows the view after a zoom; after a scroll, the view follows the scroller. */
  private _syncScroll(): void {
    const s = this._scroller();
    if (!s || !this._scrollPending) return;
    this._scrollPending = false;
    const cell = cellSize(this.geometry(), this._view.level);
    const top = this._view.firstRow * cell.height;
    const left = this._view.firstColumn * cell.width;
    // Already there (new data at the top-left corner): the window the grid just measured stands.
    if (Math.abs(s.scrollTop - top) < 1 && Math.abs(s.scrollLeft - left) < 1) return;
    s.scrollTop = top;
    s.scrollLeft = left;
    this._sources.window.onScroll();
  }

  /** A scroll of the grid's scroller (grid mode): the view, the minimap and the event follow. */
  onGridScroll(s: HTMLElement): void {
    if (this.mode !== 'grid' || this._scrollPending) return;
    const cell = cellSize(this.geometry(), this._view.level);
    this._view = { ...this._view, firstRow: s.scrollTop / cell.height, firstColumn: s.scrollLeft / cell.width };
    this._fitted = false;
    this._host.requestUpdate();
  }

  private _colors() {
    const { domain, interpolate } = this._sources.scale();
    const swatch = this._host.renderRoot.querySelector<HTMLElement>('.zoom-swatch.missing');
    return { domain, interpolate, missing: swatch?.ownerDocument.defaultView?.getComputedStyle(swatch).color ?? '' };
  }

  private _paintCells(colors: ReturnType<ZoomController['_colors']>): void {
    const canvas = this._canvas();
    const g = this.geometry();
    if (canvas) this._canvases.paintCells(canvas, this._sources.source(), colors, g, this._view, allVisible(g, this._view));
  }

  private _paintMinimap(colors: ReturnType<ZoomController['_colors']>): void {
    const canvas = this._host.renderRoot.querySelector<HTMLCanvasElement>('canvas.minimap-cells');
    const g = this.geometry();
    const size = minimapSize(g, this._sources.window.fontSize);
    if (!canvas) {
      this._canvases.forgetMinimap();
      // Fitted: the first zoom-in will show this minimap.
      if (this.mode === 'canvas') this._canvases.prepareMinimap(this.window(), this._sources.source(), colors, g, size);
      return;
    }
    placeMinimap(this._host.renderRoot, { ...size, view: minimapBox(g, this._view, size) });
    this._canvases.paintMinimap(canvas, this._sources.source(), colors, g, size);
  }

  // ---- reporting ----------------------------------------------------------------------------

  /** The rows and columns in view. */
  ranges(): { rows: ViewRange; columns: ViewRange } {
    return visibleRanges(this.geometry(), this._view);
  }

  private _report(): void {
    const g = this.geometry();
    const { rows, columns } = this.ranges();
    const detail: ZoomDetail = { level: this._view.level, fitted: allVisible(g, this._view), rows, columns };
    const key = JSON.stringify(detail);
    if (key !== this._reported) {
      this._reported = key;
      this._host.dispatchEvent(new ZoomChangeEvent(detail));
    }
    if (this._announce) {
      this._announce = false;
      clearTimeout(this._announceTimer);
      this._announceTimer = setTimeout(() => {
        const now = this.ranges();
        this._sources.announce(zoomAnnouncement(this._view.level, now.rows, now.columns));
      }, ANNOUNCE_DELAY);
    }
  }

  // ---- templates ----------------------------------------------------------------------------

  /** The focused cell's point in the view, for zooming about it with the keys. */
  private _focusPoint(): { x: number; y: number } | null {
    const active = this._sources.focus.active;
    if (!this._sources.focus.focusWithin || active.row < 0 || active.column < 0) return null;
    const box = cellBox(this.geometry(), this._view, active.row, active.column, 0);
    return box && { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }

  private _plotView(): PlotView {
    const s = this._sources;
    const { rows, columns } = s.model();
    const base: Omit<PlotView, 'mode'> = {
      areaStyle: '',
      canvas: { width: 0, height: 0 },
      rowLabels: [],
      columnLabels: [],
      rowPin: null,
      columnPin: null,
      rowTrack: { count: rows.count, length: 0, shift: 0 },
      columnTrack: { count: columns.count, length: 0, shift: 0 },
      rowTokens: rows.tokens,
      columnTokens: columns.tokens,
      longestRow: rows.longestLabel,
      longestColumn: columns.longestLabel,
      focus: null,
      focusedHeader: null,
      selected: null,
      hover: null,
      bands: [],
      level: formatLevel(this._view.level),
      canZoomIn: this._view.level < MAX_LEVEL - 1e-9,
      canZoomOut: !this._fitted,
      fitted: this._fitted,
      minimap: null,
      listeners: this._listeners,
    };
    if (this.mode === 'static') return { ...base, mode: 'static' };
    const g = this.geometry();
    const m = this._measures ?? this._estimate();
    const cell = cellSize(g, this._view.level);
    const visible = visibleRanges(g, this._view);
    const size = minimapSize(g, s.window.fontSize);
    const minimap = allVisible(g, this._view) ? null : { ...size, view: minimapBox(g, this._view, size) };
    const box = (position: GridPosition | null, least: number) => position && cellBox(g, this._view, position.row, position.column, least);
    if (this.mode === 'grid') {
      return { ...base, mode: 'grid', minimap, areaStyle: `--token-heatmap-cell-width:${cell.width}px;--token-heatmap-cell-height:${cell.height}px` };
    }
    const hover = s.focus.hoveredCell;
    const { active, focusWithin } = s.focus;
    const lineHeight = s.window.fontSize * 1.25;
    const pinned = hover ?? (focusWithin ? active : null);
    // Focus on a row or column header: its label, shown in full, carries the focus ring.
    const focusedHeader = !focusWithin ? null : active.column < 0 && active.row >= 0 ? 'rows' : active.row < 0 && active.column >= 0 ? 'columns' : null;
    const focusBox = focusWithin ? box(active, 7) : null;
    const hoverBox = box(hover, 5);
    const bands: Box[] = [];
    if (s.scale().crosshair === 'band' && hoverBox) {
      bands.push({ left: 0, top: hoverBox.top, width: g.viewWidth, height: hoverBox.height }, { left: hoverBox.left, top: 0, width: hoverBox.width, height: g.viewHeight });
    }
    const withText = (axis: ZoomAxis) => (p: PlacedLabel | null) => p && { ...p, text: axis.label(p.index) };
    const rowPlaced = placeLabels(visible.rows, this._view.firstRow, cell.height, lineHeight, pinned?.row ?? -1, g.viewHeight);
    const columnPlaced = placeLabels(visible.columns, this._view.firstColumn, cell.width, lineHeight, pinned?.column ?? -1, g.viewWidth);
    // The hidden grid sits at the focused cell, so the page scrolls it (and the cell) into view.
    const focusAt = focusBox ?? { left: 0, top: 0 };
    return {
      ...base,
      mode: 'canvas',
      minimap,
      areaStyle: `--_gutter-left:${m.rowGutter}px;--_gutter-top:${m.columnGutter}px;--_focus-x:${m.rowGutter + focusAt.left}px;--_focus-y:${m.columnGutter + focusAt.top}px`,
      canvas: { width: g.viewWidth, height: g.viewHeight },
      rowLabels: labelSlots(rowPlaced, cell.height, lineHeight, g.viewHeight).map(withText(rows)),
      columnLabels: labelSlots(columnPlaced, cell.width, lineHeight, g.viewWidth).map(withText(columns)),
      rowTrack: { count: g.rows, length: g.rows * cell.height, shift: this._view.firstRow * cell.height },
      columnTrack: { count: g.columns, length: g.columns * cell.width, shift: this._view.firstColumn * cell.width },
      rowPin: withText(rows)(rowPlaced.find((p) => p.pinned) ?? null),
      columnPin: withText(columns)(columnPlaced.find((p) => p.pinned) ?? null),
      focus: focusBox,
      focusedHeader,
      selected: box(s.selected(), 7),
      hover: hoverBox,
      bands,
    };
  }

  /** The view centred on a point of the minimap (CSS px from its corner). */
  minimapView(x: number, y: number): ZoomView {
    const g = this.geometry();
    return minimapCentre(g, this._view, minimapSize(g, this._sources.window.fontSize), x, y);
  }
}
