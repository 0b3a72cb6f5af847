import { parseColor, type Rgb } from '../color.js';
import type { GridPosition } from '../navigation.js';
import type { Domain } from '../scale.js';
import { DEFAULT_SCHEME, schemeInterpolator, type Interpolator } from '../schemes.js';
import { colorTable, packColor } from '../overview/color-table.js';
import { holdIdleWarmUp, OverviewPainter, warmUpKernel, type CanvasJob, type OverviewSource } from '../overview/painter.js';
import { pickCell } from '../overview/raster.js';
import { cellSize, type ZoomGeometry, type ZoomView } from './view.js';

/** The idle time (ms) a page has only when no frame is due, the most a browser gives (50): the minimap is prepared in one. */
const LONG_IDLE = 45;

/** Matrices up to this many cells paint their minimap in the update itself, not a frame later. */
const MINIMAP_AT_ONCE = 250_000;

/** Colour tables by interpolator, shared by every element: built once per scheme. */
const TABLES = new WeakMap<Interpolator, Uint32Array>();

// In the page's first idle time: compile the kernel and build the default scheme's table, so the
// first overview does neither while the reader waits.
warmUpKernel(() => {
  const rdylgn = schemeInterpolator(DEFAULT_SCHEME)!;
  if (!TABLES.has(rdylgn)) TABLES.set(rdylgn, colorTable(rdylgn, parseColor));
});

/** What a picture is painted with: the colour scale and the missing cells' colour (CSS). */
export interface OverviewColors {
  readonly domain: Domain;
  readonly interpolate: Interpolator;
  readonly missing: string;
}

/**
 * The overview's two canvases: the cells in view and the minimap. Builds each paint job (device
 * pixels, the view, the colour table), skips a job that would paint the same picture again, and
 * answers which cell a point of the cells' canvas shows.
 */
export class OverviewCanvas {
  private readonly _painter = new OverviewPainter();
  private _last?: { canvas: HTMLCanvasElement; source: OverviewSource; table: Uint32Array; key: string; job: CanvasJob; cssWidth: number; cssHeight: number };
  private _minimap?: { canvas: HTMLCanvasElement; source: OverviewSource; table: Uint32Array; key: string };
  private _minimapFrame?: Promise<void>;
  /** The minimap painted ahead, in idle time, for the first zoom-in (see prepareMinimap). */
  private _prepared?: { source: OverviewSource; table: Uint32Array; key: string; image: ImageData | null };
  /** The fitted view's picture (see paintCells). */
  private _fittedPicture?: { source: OverviewSource; table: Uint32Array; key: string; image: ImageData };
  /** The minimap's idle callback, and the release of the kernel's idle warm-up it holds back. */
  private _idle?: { view: Window; handle: number; release: () => void };
  private _context?: CanvasRenderingContext2D | null;

  /**
   * Paints the cells of `view` into `canvas`, `geometry.view*` CSS px at device-pixel resolution.
   * `fitted`: the whole matrix is in view; its picture is kept, and a zoom back out to it shows it
   * again instead of reading every cell once more (the slowest frame of a zoom out).
   */
  paintCells(canvas: HTMLCanvasElement, source: OverviewSource, colors: OverviewColors, g: ZoomGeometry, view: ZoomView, fitted = false): void {
    const job = this._job(canvas.ownerDocument.defaultView, g.viewWidth, g.viewHeight, view, cellSize(g, view.level), colors);
    const table = job.table;
    // A render that changed nothing the pixels show (a hover, the announcement) paints nothing.
    const key = JSON.stringify([job.width, job.height, job.firstRow, job.firstColumn, job.cellWidth, job.cellHeight, job.min, job.center, job.max, job.missing]);
    const last = this._last;
    if (last && last.canvas === canvas && last.source === source && last.table === table && last.key === key) return;
    this._last = { canvas, source, table, key, job, cssWidth: g.viewWidth, cssHeight: g.viewHeight };
    if (!fitted || !this._painter.paintsHere(source) || this._painter.busy(canvas)) return this._painter.paint(canvas, source, job);
    let kept = this._fittedPicture;
    if (!kept || kept.source !== source || kept.table !== table || kept.key !== key) {
      const image = this._painter.prepare(source, job);
      if (!image) return this._painter.paint(canvas, source, job);
      kept = this._fittedPicture = { source, table, key, image };
    }
    this._painter.show(canvas, kept.image);
  }

  /**
   * Paints the whole matrix into the minimap (`size` CSS px), once per data, scale and size, a frame
   * later: the first zoom-in from the fitted view then paints the view alone in its frame. At once
   * for a small matrix, and in a hidden page, which has no frames (updateComplete must not wait for one).
   */
  paintMinimap(canvas: HTMLCanvasElement, source: OverviewSource, colors: OverviewColors, g: ZoomGeometry, size: { width: number; height: number }): void {
    const { job, key } = this._minimapJob(canvas.ownerDocument.defaultView, colors, g, size);
    const last = this._minimap;
    if (last && last.canvas === canvas && last.source === source && last.table === job.table && last.key === key) return;
    const mine = (this._minimap = { canvas, source, table: job.table, key });
    const ready = this._prepared;
    if (ready?.image && ready.source === source && ready.table === job.table && ready.key === key) return this._painter.show(canvas, ready.image);
    const paint = () => this._minimap === mine && canvas.isConnected && this._painter.paint(canvas, source, job);
    const view = canvas.ownerDocument.defaultView;
    // A small matrix paints in well under a millisecond: at once, so updateComplete waits for no frame.
    if (!view || canvas.ownerDocument.visibilityState === 'hidden' || source.rows * source.columns <= MINIMAP_AT_ONCE) return void paint();
    this._minimapFrame = new Promise((resolve) => view.requestAnimationFrame(() => resolve(void paint())));
  }

  /**
   * While everything is in view: paints, in the page's next idle time, the minimap the first zoom-in
   * will show, so that step shows it at once rather than a frame later. Not for a matrix the Worker
   * paints (its whole-matrix picture would be a long task here).
   */
  prepareMinimap(view: Window | null, source: OverviewSource, colors: OverviewColors, g: ZoomGeometry, size: { width: number; height: number }): void {
    if (!view || source.rows * source.columns <= MINIMAP_AT_ONCE || !this._painter.paintsHere(source)) return;
    const { job, key } = this._minimapJob(view, colors, g, size);
    const ready = this._prepared;
    if (ready && ready.source === source && ready.table === job.table && ready.key === key) return;
    this._cancelIdle();
    const idle = (view as { requestIdleCallback?: Window['requestIdleCallback'] }).requestIdleCallback;
    if (!idle) return;
    const prepared = (this._prepared = { source, table: job.table, key, image: null as ImageData | null });
    // First in the page's idle time: the kernel's warm-up waits until this has run.
    const release = holdIdleWarmUp();
    // Only in a long idle period (no frame due): between frames, its 5–20 ms would delay the next one.
    const run = (deadline: IdleDeadline) => {
      if (this._prepared !== prepared) return release();
      if (deadline.timeRemaining() < LONG_IDLE) return void (this._idle = { view, handle: idle.call(view, run), release });
      this._idle = undefined;
      prepared.image = this._painter.prepare(source, job);
      release();
    };
    this._idle = { view, handle: idle.call(view, run), release };
  }

  /** The minimap is gone (everything is in view): the next one paints afresh. */
  forgetMinimap(): void {
    this._minimap = undefined;
  }

  /** The cell a point of the cells' canvas shows (CSS px from its corner): the one its device pixel is coloured by. */
  cellAt(x: number, y: number): GridPosition | null {
    const last = this._last;
    if (!last) return null;
    const { job, cssWidth, cssHeight } = last;
    try {
      return pickCell({ ...job, ...this._painter.painted(last.source) }, Math.floor((x * job.width) / cssWidth), Math.floor((y * job.height) / cssHeight));
    } catch {
      // Values that throw when read (hostile input): no cell, never an error out of the element.
      return null;
    }
  }

  /** Resolves when both canvases show their newest pictures. */
  async painted(): Promise<void> {
    await this._minimapFrame;
    await this._painter.settled();
  }

  /** Starts the Worker a matrix of `cells` cells is painted in, if it is one (see OverviewPainter.startWorker). */
  startWorker(cells: number): void {
    this._painter.startWorker(cells);
  }

  /** Stops the Worker and forgets the pictures (the element left the page). */
  disconnect(): void {
    this._painter.disconnect();
    this._cancelIdle();
    this._last = this._minimap = this._prepared = this._fittedPicture = undefined;
  }

  private _cancelIdle(): void {
    if (this._idle) {
      this._idle.view.cancelIdleCallback?.(this._idle.handle);
      this._idle.release();
    }
    this._idle = undefined;
  }

  /** The minimap's job (the whole matrix in `size` CSS px) and the key of what its pixels depend on besides the source and table. */
  private _minimapJob(view: Window | null, colors: OverviewColors, g: ZoomGeometry, size: { width: number; height: number }): { job: CanvasJob; key: string } {
    const job = this._job(view, size.width, size.height, { level: 1, firstRow: 0, firstColumn: 0 }, { width: size.width / g.columns, height: size.height / g.rows }, colors);
    return { job, key: JSON.stringify([job.min, job.center, job.max, job.missing, job.width, job.height]) };
  }

  private _job(view: Window | null, cssWidth: number, cssHeight: number, zoom: ZoomView, cell: { width: number; height: number }, colors: OverviewColors): CanvasJob {
    // The device pixels of the window the canvas is in.
    const dpr = view?.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(cssWidth * dpr));
    const height = Math.max(1, Math.round(cssHeight * dpr));
    const { min, center, max } = colors.domain;
    return {
      width,
      height,
      firstRow: zoom.firstRow,
      firstColumn: zoom.firstColumn,
      cellWidth: (cell.width * width) / cssWidth,
      cellHeight: (cell.height * height) / cssHeight,
      min,
      center,
      max,
      table: this.table(colors.interpolate),
      missing: packColor(parseColor(colors.missing) ?? [175, 184, 193]),
      outside: 0,
    };
  }

  /** The colour table of an interpolator, built once per page (shared by every element). */
  table(interpolate: Interpolator): Uint32Array {
    let table = TABLES.get(interpolate);
    if (!table) TABLES.set(interpolate, (table = colorTable(interpolate, (css) => parseColor(css) ?? this._browserColor(css))));
    return table;
  }

  /** Any CSS colour as the browser reads it (names, hsl(), …). */
  private _browserColor(css: string): Rgb | null {
    this._context ??= document.createElement('canvas').getContext('2d');
    if (!this._context) return null;
    this._context.fillStyle = '#fff';
    this._context.fillStyle = css;
    return parseColor(String(this._context.fillStyle));
  }
}
