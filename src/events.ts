/** A cell in the caller's indices: `values[rowIndex][columnIndex]`. */
export interface CellIndex {
  rowIndex: number;
  columnIndex: number;
}

/** A cell the reader points at or selects, in the caller's own indices (also when transposed). */
export interface CellDetail {
  /** Index into `rows` and the first index of `values`. */
  readonly rowIndex: number;
  /** Index into `columns` and the second index of `values`. */
  readonly columnIndex: number;
  /** The row's token, exactly as given. */
  readonly row: string;
  /** The column's label, exactly as given. */
  readonly column: string;
  /** The cell's value, or null where it is missing. */
  readonly value: number | null;
}

/** Pointer or keyboard focus moved to a cell; `detail` is null when it left the grid. */
export class CellHoverEvent extends Event {
  static readonly type = 'cell-hover';
  constructor(readonly detail: CellDetail | null) {
    super(CellHoverEvent.type, { bubbles: true, composed: true });
  }
}

/** A cell was selected by click, Enter or Space; `detail` is null when the selection was cleared. */
export class CellSelectEvent extends Event {
  static readonly type = 'cell-select';
  constructor(readonly detail: CellDetail | null) {
    super(CellSelectEvent.type, { bubbles: true, composed: true });
  }
}

/** What is in view: a half-open range of display rows or columns, `[start, end)`. */
export interface ViewRange {
  readonly start: number;
  readonly end: number;
}

/** The view after a zoom or pan. */
export interface ZoomDetail {
  /** The zoom level: 1 is the readable grid, 0.5 cells half that size; at `fit` the whole matrix is in the box. */
  readonly level: number;
  /** Whether the whole matrix is in view. */
  readonly fitted: boolean;
  /** The displayed rows and columns at least partly in view (display order: transposed, rows are the outputs). */
  readonly rows: ViewRange;
  readonly columns: ViewRange;
}

/** The zoom level or the visible part changed (wheel, pinch, drag, keys, the zoom control, the minimap, `zoomTo`, `fit`). */
export class ZoomChangeEvent extends Event {
  static readonly type = 'zoom-change';
  constructor(readonly detail: ZoomDetail) {
    super(ZoomChangeEvent.type, { bubbles: true, composed: true });
  }
}

/** The input has problems; `detail` is the message shown in the element. Does not bubble. */
export class HeatmapErrorEvent extends Event {
  static readonly type = 'error';
  constructor(
    readonly detail: string,
    readonly problems: readonly string[],
  ) {
    super(HeatmapErrorEvent.type);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cell-hover': CellHoverEvent;
    'cell-select': CellSelectEvent;
    'zoom-change': ZoomChangeEvent;
  }
}
