import { isServer, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { parseColor, type Rgb } from '../color.js';
import { ZoomChangeEvent, type ViewRange, type ZoomDetail } from '../events.js';
import type { GridPosition } from '../navigation.js';
import type { Domain } from '../scale.js';
import type { Interpolator } from '../schemes.js';
import { colorTable, packColor } from '../overview/color-table.js';
import { OverviewPainter, type CanvasJob, type OverviewSource } from '../overview/painter.js';
import { pickCell } from '../overview/raster.js';
import { labelSlots, placeLabels, type PlacedLabel } from './labels.js';
import { renderPlot, type Box, type PlotView, type ZoomListeners } from './render-zoom.js';
import { ZoomInput } from './zoom-input.js';
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
  /** The pointer left the overview. */
  readonly onPointerLeave: () => void;
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
  /** The grid's window: the element's font size, `onScroll` to follow a scroll made here, `invalidate` to measure after a change of cell size. */
  readonly window: { readonly fontSize: number; readonly onScroll: () => void; invalidate(): void };
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean };

/** Measured sizes the layout depends on, CSS px. */
interface Measures {
  cellWidth: number;
  cellHeight: number;
  charWidth: number;
  rowGutter: number;
  columnGutter: number;
  areaWidth: number;
  areaHeight: number;
  plotWidth: number;
  plotHeight: number;
  barHeight: number;
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);
/** Colour tables by interpolator, shared by every element: built once per scheme. */
const TABLES = new WeakMap<Interpolator, Uint32Array>();
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
  /** The box the readable grid overflowed, so a zoomable view goes back to static only when the box grows. */
  private _overflowed?: { width: number; height: number };
  /** The view follows the fit level when the box changes. */
  private _fitted = false;
  private _measures?: Measures;
  private _lastActive?: GridPosition;
  private _gridCells = 'static';
  private _scrollPending = false;
  private _reported = '';
  private _announced = -1;
  private _announcement = '';
  private _announceTimer?: ReturnType<typeof setTimeout>;
  private _minimapFrame?: Promise<void>;
  private _minimapKey?: { canvas: HTMLCanvasElement; source: unknown; table: Uint32Array; rest: string };
  private _lastJob?: CanvasJob & { source: OverviewSource; canvas: HTMLCanvasElement; key: string; viewWidth: number; viewHeight: number };
  private _observer?: ResizeObserver;
  private _observed?: Element | null;
  private readonly _painter = new OverviewPainter();
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
      this._overflowed = undefined;
      this._fits = this._guessFits();
      this._view = { level: 1, firstRow: 0, firstColumn: 0 };
      this._apply(setting);
    } else if (setting !== this._setting) {
      this._apply(setting);
    }
    this._decideMode();
    // A server cannot measure, and hydration must render what the server did: the readable grid
    // first (after the render, an overflowing one goes zoomable as usual).
    if (isServer || (!this._host.hasUpdated && (this._host.shadowRoot?.childNodes.length ?? 0) > 0)) this.mode = 'static';
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

  /** Where the tooltip points for a cell of the overview (null when it is not in view or there is no overview). */
  anchor(position: GridPosition): { getBoundingClientRect(): DOMRect } | null {
    if (this.mode !== 'canvas') return null;
    const canvas = this._canvas();
    const box = this._cellBox(position.row, position.column, 1);
    if (!canvas || !box) return null;
    return {
      getBoundingClientRect: () => {
        const r = canvas.getBoundingClientRect();
        return new DOMRect(r.left + box.left, r.top + box.top, box.width, box.height);
      },
    };
  }

  /** The plot: the grid and, when zoomable, everything around it. */
  renderPlot(grid: TemplateResult): TemplateResult {
    return renderPlot(this._plotView(), grid);
  }

  /** Resolves when the canvas and the minimap show the newest data and view. */
  async painted(): Promise<void> {
    await this._minimapFrame;
    await this._painter.settled();
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
    const job = this._lastJob;
    if (!job) return null;
    return pickCell({ ...job, ...this._painter.painted(job.source) }, Math.floor((x * job.width) / job.viewWidth), Math.floor((y * job.height) / job.viewHeight));
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

  hostConnected(): void {
    this._observer ??= new ResizeObserver(() => this._host.requestUpdate());
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observed = undefined;
    this._painter.disconnect();
    this._minimapKey = undefined;
    clearTimeout(this._announceTimer);
  }

  hostUpdated(): void {
    const root = this._host.renderRoot;
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
    this._setHeaderOffset();
    if (this.mode === 'canvas') this._paintCells();
    else if (!moved) this._syncScroll();
    this._paintMinimap();
    if (moved) this._host.requestUpdate();
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
      // A new level keeps the middle of the view in the middle.
      this._view = zoomAbout(g, this._view, setting, g.viewWidth / 2, g.viewHeight / 2);
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
    this.mode = printable && cell.height >= lineHeight - 0.5 ? 'grid' : 'canvas';
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

  /** Static: the readable grid must not scroll; when it does and the setting allows, go zoomable. */
  private _checkStatic(): void {
    const s = this._scroller();
    if (!s || this._setting !== 'auto') return;
    const overflows = s.scrollWidth > s.clientWidth + 1 || s.scrollHeight > s.clientHeight + 1;
    if (!overflows) {
      this._fits = true;
      return;
    }
    this._fits = false;
    this._overflowed = { width: s.clientWidth, height: s.clientHeight };
    this._measures = undefined;
    this._apply('auto');
    this._decideMode();
    this._host.requestUpdate();
  }

  /** Zoomable under `auto`: back to static when the box has grown to hold the readable grid. */
  private _checkZoomable(): boolean {
    const m = this._measures!;
    if (this._setting !== 'auto' || this._fits) return false;
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
    const font = this._sources.window.fontSize;
    const chars = (text: string) => Math.min(text.length, 24) * font * 0.62;
    const width = Math.max(320, (globalThis.innerWidth || 1024) - 80);
    const height = Math.max(240, (globalThis.innerHeight || 768) * 0.8);
    return {
      cellWidth: 72,
      cellHeight: 28,
      charWidth: font * 0.62,
      rowGutter: Math.min(12 * font, chars(this._sources.model().rows.longestLabel) + 0.8 * font),
      columnGutter: Math.min(10 * font, chars(this._sources.model().columns.longestLabel) + 0.6 * font),
      areaWidth: width,
      areaHeight: height - 2.5 * font,
      plotWidth: width,
      plotHeight: height,
      barHeight: 2.5 * font,
    };
  }

  private _charWidth(): number {
    return this._measures?.charWidth ?? this._sources.window.fontSize * 0.62;
  }

  // ---- measuring ----------------------------------------------------------------------------

  /** Reads the sizes of a zoomable render; returns whether one changed. */
  private _measure(): boolean {
    const root = this._host.renderRoot;
    const q = <T extends HTMLElement>(selector: string) => root.querySelector<T>(selector);
    const area = q('.zoom-area')?.getBoundingClientRect();
    const plot = q('.plot')?.getBoundingClientRect();
    if (!area || !plot) return false;
    const font = this._sources.window.fontSize;
    const probe = q('.zoom-probe')?.getBoundingClientRect();
    const digits = q('.zoom-digits')?.getBoundingClientRect().width ?? 0;
    const next: Measures = {
      cellWidth: probe && probe.width > 0 ? probe.width : 72,
      cellHeight: probe && probe.height > 0 ? probe.height : 28,
      charWidth: digits > 0 ? digits / 10 : font * 0.62,
      rowGutter: Math.ceil(Math.min(12 * font, q('.zoom-sizer.for-rows')?.getBoundingClientRect().width ?? 0)),
      columnGutter: Math.ceil(Math.min(10 * font, q('.zoom-sizer.for-columns')?.getBoundingClientRect().height ?? 0)),
      areaWidth: Math.floor(area.width),
      areaHeight: Math.floor(area.height),
      plotWidth: Math.floor(plot.width),
      plotHeight: Math.floor(plot.height),
      barHeight: q('.zoom-bar')?.offsetHeight ?? 0,
    };
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

  private _observe(target: Element | null): void {
    if (target === this._observed) return;
    this._observer?.disconnect();
    this._observed = target;
    if (target) this._observer?.observe(target);
  }

  /** The colour bar starts where the cells do. */
  private _setHeaderOffset(): void {
    const m = this._measures!;
    const header = this.mode === 'canvas' ? m.columnGutter : (this._host.renderRoot.querySelector<HTMLElement>('.corner')?.offsetHeight ?? 0);
    this._host.renderRoot.querySelector<HTMLElement>('.body')?.style.setProperty('--_zoom-top', `${m.barHeight + header}px`);
  }

  // ---- drawing ------------------------------------------------------------------------------

  /** Grid mode: the scroller shows the view after a zoom; after a scroll, the view follows the scroller. */
  private _syncScroll(): void {
    const s = this._scroller();
    if (!s || !this._scrollPending) return;
    this._scrollPending = false;
    const cell = cellSize(this.geometry(), this._view.level);
    s.scrollTop = this._view.firstRow * cell.height;
    s.scrollLeft = this._view.firstColumn * cell.width;
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

  private _colorTable(): Uint32Array {
    const interpolate = this._sources.scale().interpolate;
    let table = TABLES.get(interpolate);
    if (!table) TABLES.set(interpolate, (table = colorTable(interpolate, (css) => parseColor(css) ?? this._browserColor(css))));
    return table;
  }

  private _context?: CanvasRenderingContext2D | null;
  /** Any CSS colour as the browser reads it (names, hsl(), …). */
  private _browserColor(css: string): Rgb | null {
    this._context ??= document.createElement('canvas').getContext('2d');
    if (!this._context) return null;
    this._context.fillStyle = '#fff';
    this._context.fillStyle = css;
    return parseColor(String(this._context.fillStyle));
  }

  private _missingColor(): number {
    const swatch = this._host.renderRoot.querySelector<HTMLElement>('.zoom-swatch.missing');
    const rgb = (swatch && parseColor(getComputedStyle(swatch).color)) ?? [175, 184, 193];
    return packColor(rgb);
  }

  private _job(width: number, height: number, cssWidth: number, cssHeight: number, view: ZoomView, cell: { width: number; height: number }): CanvasJob {
    const { min, center, max } = this._sources.scale().domain;
    return {
      width,
      height,
      firstRow: view.firstRow,
      firstColumn: view.firstColumn,
      cellWidth: (cell.width * width) / cssWidth,
      cellHeight: (cell.height * height) / cssHeight,
      min,
      center,
      max,
      table: this._colorTable(),
      missing: this._missingColor(),
      outside: 0,
    };
  }

  private _paintCells(): void {
    const canvas = this._canvas();
    if (!canvas) return;
    const g = this.geometry();
    const dpr = globalThis.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(g.viewWidth * dpr));
    const height = Math.max(1, Math.round(g.viewHeight * dpr));
    const source = this._sources.source();
    const job = this._job(width, height, g.viewWidth, g.viewHeight, this._view, cellSize(g, this._view.level));
    const last = this._lastJob;
    // A render that changed nothing the pixels show (a hover, the announcement) paints nothing.
    const key = JSON.stringify([width, height, job.firstRow, job.firstColumn, job.cellWidth, job.cellHeight, job.min, job.center, job.max, job.missing]);
    if (last && last.canvas === canvas && last.source === source && last.table === job.table && last.key === key) return;
    this._lastJob = { ...job, source, canvas, key, viewWidth: g.viewWidth, viewHeight: g.viewHeight };
    this._painter.paint(canvas, source, job);
  }

  /** The minimap's size in CSS px: the fitted matrix's shape inside the zoom bar (12em × 3em). */
  private _minimapSize(): { width: number; height: number } {
    const g = this.geometry();
    const font = this._sources.window.fontSize;
    const fit = cellSize(g, fitLevel(g));
    const w = g.columns * fit.width;
    const h = g.rows * fit.height;
    const scale = Math.min((12 * font) / w, (3 * font) / h);
    return { width: Math.max(2 * font, Math.round(w * scale)), height: Math.max(font, Math.round(h * scale)) };
  }

  private _paintMinimap(): void {
    const canvas = this._host.renderRoot.querySelector<HTMLCanvasElement>('canvas.minimap-cells');
    if (!canvas) {
      this._minimapKey = undefined;
      return;
    }
    const g = this.geometry();
    const size = this._minimapSize();
    const dpr = globalThis.devicePixelRatio || 1;
    const width = Math.round(size.width * dpr);
    const height = Math.round(size.height * dpr);
    const source = this._sources.source();
    const job = this._job(width, height, size.width, size.height, { level: 1, firstRow: 0, firstColumn: 0 }, { width: size.width / g.columns, height: size.height / g.rows });
    const key = { canvas, source: source.key, table: job.table, rest: JSON.stringify([job.min, job.center, job.max, job.missing, width, height]) };
    const last = this._minimapKey;
    if (last && last.canvas === key.canvas && last.source === key.source && last.table === key.table && last.rest === key.rest) return;
    this._minimapKey = key;
    // A frame later, so the first zoom-in from the fitted view paints the view alone in its frame
    // (at once in a hidden page, which has no frames: updateComplete must not wait for one).
    const paint = () => this._minimapKey === key && canvas.isConnected && this._painter.paint(canvas, source, job);
    if (document.visibilityState === 'hidden') return void paint();
    this._minimapFrame = new Promise((resolve) => requestAnimationFrame(() => resolve(void paint())));
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
    if (this._view.level !== this._announced) {
      this._announced = this._view.level;
      clearTimeout(this._announceTimer);
      this._announceTimer = setTimeout(() => {
        const now = this.ranges();
        this._announcement = zoomAnnouncement(this._view.level, now.rows, now.columns);
        this._host.requestUpdate();
      }, ANNOUNCE_DELAY);
    }
  }

  // ---- templates ----------------------------------------------------------------------------

  /** A cell's box on the canvas (CSS px), at least `least` px each way about its centre; null out of view. */
  private _cellBox(row: number, column: number, least: number): Box | null {
    const g = this.geometry();
    const cell = cellSize(g, this._view.level);
    if (row < 0 || column < 0 || row >= g.rows || column >= g.columns) return null;
    const left = (column - this._view.firstColumn) * cell.width;
    const top = (row - this._view.firstRow) * cell.height;
    if (left + cell.width < 0 || top + cell.height < 0 || left > g.viewWidth || top > g.viewHeight) return null;
    const width = Math.max(least, cell.width);
    const height = Math.max(least, cell.height);
    return { left: left + (cell.width - width) / 2, top: top + (cell.height - height) / 2, width, height };
  }

  /** The focused cell's point in the view, for zooming about it with the keys. */
  private _focusPoint(): { x: number; y: number } | null {
    const active = this._sources.focus.active;
    if (!this._sources.focus.focusWithin || active.row < 0 || active.column < 0) return null;
    const box = this._cellBox(active.row, active.column, 0);
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
      announcement: this._announcement,
      listeners: this._listeners,
    };
    if (this.mode === 'static') return { ...base, mode: 'static' };
    const g = this.geometry();
    const m = this._measures ?? this._estimate();
    const cell = cellSize(g, this._view.level);
    const visible = visibleRanges(g, this._view);
    const minimap = allVisible(g, this._view) ? null : this._minimapView();
    if (this.mode === 'grid') {
      return { ...base, mode: 'grid', minimap, areaStyle: `--token-heatmap-cell-width:${cell.width}px;--token-heatmap-cell-height:${cell.height}px` };
    }
    const hover = s.focus.hoveredCell;
    const { active, focusWithin } = s.focus;
    const lineHeight = s.window.fontSize * 1.25;
    const pinned = hover ?? (focusWithin ? active : null);
    // Focus on a row or column header: its label, shown in full, carries the focus ring.
    const focusedHeader = !focusWithin ? null : active.column < 0 && active.row >= 0 ? 'rows' : active.row < 0 && active.column >= 0 ? 'columns' : null;
    const focusBox = focusWithin ? this._cellBox(active.row, active.column, 7) : null;
    const selected = s.selected();
    const hoverBox = hover ? this._cellBox(hover.row, hover.column, 5) : null;
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
      rowPin: withText(rows)(rowPlaced.find((p) => p.pinned) ?? null),
      columnPin: withText(columns)(columnPlaced.find((p) => p.pinned) ?? null),
      focus: focusBox,
      focusedHeader,
      selected: selected && this._cellBox(selected.row, selected.column, 7),
      hover: hoverBox,
      bands,
    };
  }

  private _minimapView(): PlotView['minimap'] {
    const g = this.geometry();
    const size = this._minimapSize();
    const cell = cellSize(g, this._view.level);
    const shownRows = Math.min(g.rows, g.viewHeight / cell.height);
    const shownColumns = Math.min(g.columns, g.viewWidth / cell.width);
    const width = Math.max(3, (shownColumns / g.columns) * size.width);
    const height = Math.max(3, (shownRows / g.rows) * size.height);
    return {
      ...size,
      view: { left: (this._view.firstColumn / g.columns) * size.width, top: (this._view.firstRow / g.rows) * size.height, width, height },
    };
  }

  /** The view centred on a point of the minimap (CSS px from its corner). */
  minimapView(x: number, y: number): ZoomView {
    const g = this.geometry();
    const size = this._minimapSize();
    const cell = cellSize(g, this._view.level);
    const row = (y / size.height) * g.rows;
    const column = (x / size.width) * g.columns;
    return { level: this._view.level, firstRow: row - g.viewHeight / cell.height / 2, firstColumn: column - g.viewWidth / cell.width / 2 };
  }
}
