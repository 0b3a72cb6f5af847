import { parseColor, type Rgb } from '../color.js';
import type { GridPosition } from '../navigation.js';
import type { Domain } from '../scale.js';
import { DEFAULT_SCHEME, schemeInterpolator, type Interpolator } from '../schemes.js';
import { colorTable, packColor } from '../overview/color-table.js';
import { OverviewPainter, warmUpKernel, type CanvasJob, type OverviewSource } from '../overview/painter.js';
import { pickCell } from '../overview/raster.js';
import { cellSize, type ZoomGeometry, type ZoomView } from './view.js';

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
  private _context?: CanvasRenderingContext2D | null;

  /** Paints the cells of `view` into `canvas`, `geometry.view*` CSS px at device-pixel resolution. */
  paintCells(canvas: HTMLCanvasElement, source: OverviewSource, colors: OverviewColors, g: ZoomGeometry, view: ZoomView): void {
    const job = this._job(canvas, g.viewWidth, g.viewHeight, view, cellSize(g, view.level), colors);
    const table = job.table;
    // A render that changed nothing the pixels show (a hover, the announcement) paints nothing.
    const key = JSON.stringify([job.width, job.height, job.firstRow, job.firstColumn, job.cellWidth, job.cellHeight, job.min, job.center, job.max, job.missing]);
    const last = this._last;
    if (last && last.canvas === canvas && last.source === source && last.table === table && last.key === key) return;
    this._last = { canvas, source, table, key, job, cssWidth: g.viewWidth, cssHeight: g.viewHeight };
    this._painter.paint(canvas, source, job);
  }

  /**
   * Paints the whole matrix into the minimap (`size` CSS px), once per data, scale and size, a frame
   * later: the first zoom-in from the fitted view then paints the view alone in its frame. At once
   * for a small matrix, and in a hidden page, which has no frames (updateComplete must not wait for one).
   */
  paintMinimap(canvas: HTMLCanvasElement, source: OverviewSource, colors: OverviewColors, g: ZoomGeometry, size: { width: number; height: number }): void {
    const job = this._job(canvas, size.width, size.height, { level: 1, firstRow: 0, firstColumn: 0 }, { width: size.width / g.columns, height: size.height / g.rows }, colors);
    const key = JSON.stringify([job.min, job.center, job.max, job.missing, job.width, job.height]);
    const last = this._minimap;
    if (last && last.canvas === canvas && last.source === source && last.table === job.table && last.key === key) return;
    const mine = (this._minimap = { canvas, source, table: job.table, key });
    const paint = () => this._minimap === mine && canvas.isConnected && this._painter.paint(canvas, source, job);
    const view = canvas.ownerDocument.defaultView;
    // A small matrix paints in well under a millisecond: at once, so updateComplete waits for no frame.
    if (!view || canvas.ownerDocument.visibilityState === 'hidden' || source.rows * source.columns <= MINIMAP_AT_ONCE) return void paint();
    this._minimapFrame = new Promise((resolve) => view.requestAnimationFrame(() => resolve(void paint())));
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

  /** Stops the Worker and forgets the pictures (the element left the page). */
  disconnect(): void {
    this._painter.disconnect();
    this._last = this._minimap = undefined;
  }

  private _job(canvas: HTMLCanvasElement, cssWidth: number, cssHeight: number, view: ZoomView, cell: { width: number; height: number }, colors: OverviewColors): CanvasJob {
    // The device pixels of the window the canvas is in.
    const dpr = canvas.ownerDocument.defaultView?.devicePixelRatio || 1;
    const width = Math.max(1, Math.round(cssWidth * dpr));
    const height = Math.max(1, Math.round(cssHeight * dpr));
    const { min, center, max } = colors.domain;
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
      table: this._table(colors.interpolate),
      missing: packColor(parseColor(colors.missing) ?? [175, 184, 193]),
      outside: 0,
    };
  }

  private _table(interpolate: Interpolator): Uint32Array {
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
