import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { tickCount } from '../colorbar.js';
import { chunkRange, visibleRange, type IndexRange } from '../viewport.js';
import { setOnce } from '../set-style.js';

/** Matrices up to this many cells render every cell; larger ones render the visible window. */
export const FULL_RENDER_LIMIT = 2500;
/** Cells kept beyond each edge of the visible window. */
const OVERSCAN = 1;
/** The window's ends move in steps of this many cells, so most scroll frames render nothing. */
const WINDOW_CHUNK = 2;
/** A windowed grid's first render, before anything was measured (and on a server): rows × columns. */
const FIRST_WINDOW = { rows: 48, columns: 24 };

/** The scroller's view as last measured, in px. */
interface View {
  readonly top: number;
  readonly left: number;
  readonly width: number;
  readonly height: number;
  /** The colour bar's limit: the scroller's inner height below the header once the grid scrolls. */
  readonly barLimit: number;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; readonly hasUpdated: boolean };

const EMPTY: IndexRange = { start: 0, end: 0 };

/**
 * Windowing and measurement: which rows and columns are rendered, and the sizes read from the page
 * (cell, sticky labels, font, view). Layout is read only after a render (hostUpdated, resize and scroll), never while the host derives state.
 */
export class WindowController implements ReactiveController {
  /** Rendered display rows and columns. */
  rows: IndexRange = EMPTY;
  columns: IndexRange = EMPTY;
  /** A cell's size in px, measured from the probe element. */
  cellSize = { width: 72, height: 28 };
  /** The host's font size in px. */
  fontSize = 12;
  /** The sticky column labels' height and the row labels' width, in px. */
  headerHeight = 0;
  rowHeaderWidth = 0;

  /** The grid is the accessible layer under the overview (visually hidden): render only about the focused cell. */
  hidden = false;

  private _shape = { rows: 0, columns: 0 };
  private _view?: View;
  private _renderedBarHeight = 0;
  private _resizeObserver?: ResizeObserver;
  /** The window whose ResizeObserver and animation frames measure the host: its own document's. */
  private _window?: Window | null;
  private _observing = false;
  /** The next render changes what is measured (shape, labels, orientation): measure after it. */
  private _stale = true;
  private _frame = 0;

  constructor(
    private readonly _host: Host,
    /** Called on every scroll, after the window has moved if it had to. */
    private readonly _onScroll: () => void = () => {},
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    if (this._host.hasUpdated) this._observe();
  }

  hostDisconnected(): void {
    this._resizeObserver?.disconnect();
    this._observing = false;
    this._window?.cancelAnimationFrame(this._frame);
  }

  hostUpdated(): void {
    if (!this._observing) this._observe();
    if (this._stale) {
      this._stale = false;
      this._measure();
    }
  }

  /** For willUpdate: what the grid shows changed (labels, orientation), so its sizes are read again after the render. */
  invalidate(): void {
    this._stale = true;
  }

  /**
   * For willUpdate: the shape to window. A new shape starts a new window; new values in the same
   * shape keep every element, and the window, in place. Returns whether the shape changed.
   */
  setShape(rows: number, columns: number): boolean {
    const reshaped = rows !== this._shape.rows || columns !== this._shape.columns;
    if (reshaped) {
      this._shape = { rows, columns };
      this._stale = true;
    }
    this._place(!reshaped);
    return reshaped;
  }

  /** The colour bar's height in px: all rows, or the scroller's view once the grid scrolls. Recorded for the render. */
  barHeight(): number {
    this._renderedBarHeight = Math.min(this._shape.rows * this.cellSize.height, this._view?.barLimit ?? Infinity);
    return this._renderedBarHeight;
  }

  /** Rows in one visible page, for PageUp and PageDown. */
  pageRows(): number {
    const scroller = this._scroller();
    return scroller ? Math.floor((scroller.clientHeight - this.headerHeight) / this.cellSize.height) : 10;
  }

  /** The grid's `@scroll` listener. */
  readonly onScroll = () => {
    this._readView();
    if (this._setRanges(false)) this._host.requestUpdate();
    this._onScroll();
  };

  private _scroller(): HTMLElement | null {
    return this._host.renderRoot.querySelector<HTMLElement>('.scroller');
  }

  /** Recomputes the window from the last measured view. */
  private _place(growOnly: boolean): void {
    this._setRanges(growOnly);
  }

  /** `growOnly`: keep a window that already covers the view, sparing a render. Returns whether it moved. */
  private _setRanges(growOnly: boolean): boolean {
    const { rows, columns } = this._shape;
    const view = this._view;
    let nextRows: IndexRange;
    let nextColumns: IndexRange;
    if (this.hidden) {
      // Only the cells about the hidden scroller's position (the focused cell's, scrolled into view).
      nextRows = chunkRange(visibleRange(view?.top ?? 0, 1, this.cellSize.height, rows, OVERSCAN), rows, WINDOW_CHUNK);
      nextColumns = chunkRange(visibleRange(view?.left ?? 0, 1, this.cellSize.width, columns, OVERSCAN), columns, WINDOW_CHUNK);
      growOnly = false;
    } else if (rows * columns <= FULL_RENDER_LIMIT || !view) {
      const all = rows * columns <= FULL_RENDER_LIMIT;
      nextRows = { start: 0, end: all ? rows : Math.min(rows, FIRST_WINDOW.rows) };
      nextColumns = { start: 0, end: all ? columns : Math.min(columns, FIRST_WINDOW.columns) };
      growOnly = false;
    } else {
      nextRows = chunkRange(visibleRange(view.top, view.height, this.cellSize.height, rows, OVERSCAN), rows, WINDOW_CHUNK);
      nextColumns = chunkRange(visibleRange(view.left, view.width, this.cellSize.width, columns, OVERSCAN), columns, WINDOW_CHUNK);
    }
    const keep = (next: IndexRange, current: IndexRange) =>
      (next.start === current.start && next.end === current.end) || (growOnly && next.start >= current.start && next.end <= current.end);
    let moved = false;
    if (!keep(nextRows, this.rows)) {
      this.rows = nextRows;
      moved = true;
    }
    if (!keep(nextColumns, this.columns)) {
      this.columns = nextColumns;
      moved = true;
    }
    return moved;
  }

  private _readView(): void {
    const s = this._scroller();
    if (!s) return;
    const scrollsDown = s.scrollHeight > s.clientHeight;
    const colorbar = this._host.renderRoot.querySelector<HTMLElement>('.colorbar')?.offsetWidth ?? 0;
    // A scroller that does not scroll yet may still grow to the host's size: guess that, so the
    // first render of new data is usually also the last.
    this._view = {
      top: s.scrollTop,
      left: s.scrollLeft,
      height: scrollsDown ? s.clientHeight : Math.max(s.clientHeight, this._host.clientHeight),
      width: s.scrollWidth > s.clientWidth ? s.clientWidth : Math.max(s.clientWidth, this._host.clientWidth - colorbar),
      barLimit: scrollsDown ? s.clientHeight - this.headerHeight : Infinity,
    };
  }

  /** Reads every size the layout depends on and asks for a render when one changed. */
  private _measure(): void {
    const root = this._host.renderRoot;
    let changed = false;
    const probe = root.querySelector<HTMLElement>('.probe');
    if (probe) {
      const { width, height } = probe.getBoundingClientRect();
      if (width > 0 && height > 0 && (width !== this.cellSize.width || height !== this.cellSize.height)) {
        this.cellSize = { width, height };
        changed = true;
      }
    }
    const fontSize = parseFloat(getComputedStyle(this._host).fontSize) || 12;
    if (fontSize !== this.fontSize) {
      this.fontSize = fontSize;
      changed = true;
    }
    const corner = root.querySelector<HTMLElement>('.corner');
    const headerMoved = !!corner && (corner.offsetHeight !== this.headerHeight || corner.offsetWidth !== this.rowHeaderWidth);
    if (corner && headerMoved) {
      this.headerHeight = corner.offsetHeight;
      this.rowHeaderWidth = corner.offsetWidth;
    }
    // Every read before the first write: a write between two reads costs a second style and layout pass.
    this._readView();
    if (headerMoved) {
      // Set in place rather than re-rendered: the sticky labels' size only moves the colour bar and scroll
      // padding. After the other controllers' reads of this update (a microtask, still before
      // updateComplete's callers and the paint), so they share one layout.
      const { headerHeight, rowHeaderWidth } = this;
      const scroller = this._scroller();
      const colorbar = root.querySelector<HTMLElement>('.colorbar');
      queueMicrotask(() => {
        setOnce(scroller, 'scroll-padding', `${headerHeight}px 0 0 ${rowHeaderWidth}px`);
        // On the bar itself: a custom property on a container restyles everything it holds.
        setOnce(colorbar, '--_header-height', `${headerHeight}px`);
      });
    }
    const moved = this._setRanges(true);
    // The ticks depend on the bar's height: redraw them when a resize changes how many fit.
    const bar = Math.min(this._shape.rows * this.cellSize.height, this._view?.barLimit ?? Infinity);
    // Only when this controller sized the bar: under zoom the zoom controller does (barHeight() is not called).
    const ticksMoved = this._renderedBarHeight > 0 && tickCount(bar) !== tickCount(this._renderedBarHeight);
    if (changed || moved || ticksMoved) this._host.requestUpdate();
  }

  private _observe(): void {
    this._observing = true;
    // Observed from the host's own window: another window's observer (after a move into an iframe)
    // keeps elements whose document may stop rendering, and reports a loop error for them.
    const view = this._host.ownerDocument.defaultView;
    if (view !== this._window) {
      this._resizeObserver?.disconnect();
      this._resizeObserver = undefined;
      this._window = view;
    }
    if (!view) return;
    // A resize from outside is measured in the next frame: measuring inside the observer's callback
    // would re-render observed elements while it delivers ("ResizeObserver loop completed …").
    this._resizeObserver ??= new view.ResizeObserver(() => {
      view.cancelAnimationFrame(this._frame);
      this._frame = view.requestAnimationFrame(() => this._measure());
    });
    const ro = this._resizeObserver;
    ro.disconnect();
    for (const selector of ['.probe', '.corner', '.scroller']) {
      const el = this._host.renderRoot.querySelector(selector);
      if (el) ro.observe(el);
    }
  }
}
