import { LitElement, html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './token-heatmap.styles.js';
import { cssText } from './css-text.js';
import { bestTextColor, parseColor } from './color.js';
import { buildMatrix, parseJsonAttribute, stringifyValues, InvalidJson, type Matrix, type ValuesInput } from './data.js';
import { CellHoverEvent, CellSelectEvent, HeatmapErrorEvent, type CellDetail } from './events.js';
import { formatExact, formatTick, formatValue } from './format.js';
import { moveFocus, type GridPosition } from './navigation.js';
import { placeTooltip } from './placement.js';
import { clampSide, resolveDomain, scalePosition, type Domain } from './scale.js';
import { renderColorbar, tickCount } from './colorbar.js';
import { DEFAULT_SCHEME, schemeInterpolator, type Interpolator } from './schemes.js';
import { spokenToken, tokenParts } from './tokens.js';
import { slotIndices, visibleRange, type IndexRange } from './viewport.js';

/** A cell in the caller's indices: `values[rowIndex][columnIndex]`. */
export interface CellIndex {
  rowIndex: number;
  columnIndex: number;
}

/** Matrices up to this many cells render every cell; larger ones render the visible window. */
export const FULL_RENDER_LIMIT = 2500;
/** Cells kept beyond each edge of the visible window. */
const OVERSCAN = 1;
/** The window's ends move in steps of this many cells, so most scroll frames render nothing. */
const WINDOW_CHUNK = 2;
/**
 * Axes up to this many cells place each cell on its own grid line, so a cell
 * keeps its style while the window slides (Firefox caps a grid at 10,000
 * lines); longer axes place the window between two spacer tracks.
 */
const LINE_LIMIT = 9000;
/** Values above this many cells are not mirrored to the `values` attribute: the text would cost more than the drawing. */
const REFLECT_LIMIT = 2_500;

const jsonConverter = {
  fromAttribute: parseJsonAttribute,
  toAttribute: (value: unknown) => (value instanceof InvalidJson ? value.text : JSON.stringify(value)),
};

const valuesConverter = {
  fromAttribute: parseJsonAttribute,
  toAttribute(value: unknown) {
    if (value instanceof InvalidJson) return value.text;
    if (!Array.isArray(value)) return null;
    const width = Array.isArray(value[0]) ? value[0].length : 1;
    return value.length * width > REFLECT_LIMIT ? null : stringifyValues(value);
  },
};

const numberConverter = {
  fromAttribute: (text: string | null) => (text === null || text.trim() === '' ? undefined : Number(text)),
  toAttribute: (value: number | undefined) => (value === undefined ? null : String(value)),
};

type Placement = { line: number; offset: number };

/**
 * A token-attribution heatmap: input tokens as rows, outputs as columns, each
 * cell a signed score printed in the cell and coloured on a diverging scale,
 * with a colour bar beside it.
 *
 * @summary Token-attribution heatmap with exact values, a colour bar, keyboard and screen-reader access.
 *
 * @fires cell-hover - The pointer or keyboard focus moved to a cell (`detail`: {@link CellDetail}) or left the grid (`detail`: null).
 * @fires cell-select - A cell was selected by click, Enter or Space (`detail`: {@link CellDetail}), or the selection was cleared (`detail`: null).
 * @fires error - The input has problems; `detail` is the message shown. Does not bubble.
 *
 * @slot caption - Replaces the built-in caption above the grid.
 * @slot colorbar - Replaces the built-in colour bar.
 *
 * @csspart caption - The caption above the grid.
 * @csspart alert - The message that lists problems with the input.
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The grid of labels and cells.
 * @csspart corner - The empty header cell above the row labels.
 * @csspart column-label - A column label.
 * @csspart row-label - A row label.
 * @csspart cell - A value cell; also `cell-missing`, `cell-clamped`, `cell-selected`.
 * @csspart band - The faint row and column bands of the crosshair (`crosshair="band"`).
 * @csspart colorbar - The built-in colour bar with its ticks and title.
 * @csspart tooltip - The tooltip shown for the hovered or focused cell.
 *
 * @cssprop --token-heatmap-font-family - Font of the element.
 * @cssprop --token-heatmap-label-font-family - Font of the token labels (monospace, so spaces and glyphs line up).
 * @cssprop --token-heatmap-font-size - Font size (12px).
 * @cssprop --token-heatmap-cell-width - Width of a cell (72px).
 * @cssprop --token-heatmap-cell-height - Height of a cell (28px).
 * @cssprop --token-heatmap-gap - Space between cells (0px).
 * @cssprop --token-heatmap-row-label-max-width - Row labels longer than this are truncated with an ellipsis (12em).
 * @cssprop --token-heatmap-column-label-max-height - Rotated column labels longer than this are truncated (10em).
 * @cssprop --token-heatmap-max-height - The grid scrolls inside the element beyond this height (80vh).
 * @cssprop --token-heatmap-colorbar-width - Width of the colour bar's ramp (16px).
 * @cssprop --token-heatmap-color - Text colour.
 * @cssprop --token-heatmap-muted-color - Colour of the glyphs that stand for invisible characters.
 * @cssprop --token-heatmap-background - Background, also behind sticky labels.
 * @cssprop --token-heatmap-line-color - Outline of the colour bar.
 * @cssprop --token-heatmap-missing-color - Background of a missing cell.
 * @cssprop --token-heatmap-missing-stripe-color - Hatching of a missing cell.
 * @cssprop --token-heatmap-highlight-color - Background of the hovered or focused cell's labels.
 * @cssprop --token-heatmap-band-color - Crosshair band over the hovered row and column.
 * @cssprop --token-heatmap-focus-color - Keyboard focus ring.
 * @cssprop --token-heatmap-selection-color - Frame of the selected cell.
 * @cssprop --token-heatmap-tooltip-background - Tooltip background.
 * @cssprop --token-heatmap-tooltip-color - Tooltip text.
 * @cssprop --token-heatmap-alert-color - Text of the input-problem message.
 * @cssprop --token-heatmap-alert-background - Background of the input-problem message.
 */
export class TokenHeatmap extends LitElement {
  static override styles = styles;

  // Declared here rather than with decorators: the bundle is smaller, and its
  // minifier can shorten the private names consistently.
  static override properties = {
    rows: { converter: jsonConverter, reflect: true },
    columns: { converter: jsonConverter, reflect: true },
    values: { converter: valuesConverter, reflect: true },
    min: { converter: numberConverter, reflect: true },
    max: { converter: numberConverter, reflect: true },
    center: { converter: numberConverter, reflect: true },
    scheme: { reflect: true },
    interpolator: { attribute: false },
    decimals: { converter: numberConverter, reflect: true },
    label: { reflect: true },
    caption: { reflect: true },
    transpose: { type: Boolean, reflect: true },
    selected: { converter: jsonConverter, reflect: true },
    theme: { reflect: true },
    crosshair: { reflect: true },
    columnLabelOrientation: { attribute: 'column-label-orientation', reflect: true },
    _rowRange: { state: true },
    _columnRange: { state: true },
    _active: { state: true },
    _hover: { state: true },
  };

  /** Row labels: the input tokens, duplicates included. JSON array in the attribute. */
  rows: string[] = [];

  /** Column labels: the outputs or prompts. JSON array in the attribute. */
  columns: string[] = [];

  /** Scores, `values[row][column]`; null or NaN where missing. Also a flat row-major Float32Array/Float64Array. */
  values: ValuesInput = [];

  /** Lower end of the colour domain; by default mirrored from `max`, or from the data, about `center`. */
  min?: number;

  /** Upper end of the colour domain; by default mirrored from `min`, or from the data, about `center`. */
  max?: number;

  /** The neutral value, drawn in the scheme's middle colour. */
  center = 0;

  /** A d3-scale-chromatic scheme name (`RdYlGn`, `RdBu`, `PuOr`, `Viridis`, …), case-insensitive. */
  scheme = DEFAULT_SCHEME;

  /** A colour function `(t: number) => cssColour` for t in 0–1; overrides `scheme`. */
  interpolator?: Interpolator;

  /** Decimal places printed in each cell. */
  decimals = 4;

  /** The colour bar's title and the grid's accessible name. */
  label = '';

  /** A heading drawn above the grid; the `caption` slot replaces it. */
  caption = '';

  /** Draws tokens as columns and outputs as rows. */
  transpose = false;

  /** The selected cell in the caller's indices, or null. JSON `{"rowIndex":7,"columnIndex":2}` in the attribute. */
  selected: CellIndex | null = null;

  /** `light` or `dark`; by default the element follows `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /** `labels` highlights the hovered cell's row and column labels; `band` also shades its row and column. */
  crosshair: 'labels' | 'band' = 'labels';

  /** `auto` wraps column labels that fit and rotates the rest; or force `horizontal` / `vertical`. */
  columnLabelOrientation: 'auto' | 'horizontal' | 'vertical' = 'auto';

  private _rowRange: IndexRange = { start: 0, end: 0 };
  private _columnRange: IndexRange = { start: 0, end: 0 };
  private _active: GridPosition = { row: 0, column: 0 };
  private _hover: GridPosition | null = null;
  private _headerHeight = 0;
  private _rowHeaderWidth = 0;

  // Not before the first render is done: a server (Lit SSR) has no render root to look into,
  // and hydrating its output must size the colour bar and the window as the server did.
  private get _scroller() {
    return this.hasUpdated ? this.renderRoot.querySelector<HTMLElement>('.scroller') : null;
  }
  private get _tooltip() {
    return this.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  private _matrix: Matrix = buildMatrix([], [], []);
  private _domain: Domain = { min: -1, max: 1, center: 0 };
  private _interpolate: Interpolator = schemeInterpolator(DEFAULT_SCHEME)!;
  private _problems: string[] = [];
  private _reportedProblems = '';
  private _decimals = 4;
  private _vertical = false;
  private _colors = new Map<number, readonly [string, string]>();
  private _rowPool = 0;
  private _columnPool = 0;
  private _pooledShape = { rows: 0, columns: 0 };
  private _longestRowLabel = '';
  private _longestColumnLabel = '';
  /** The visually hidden shape-and-extremes text the grid is described by. */
  private _summary = '';
  private _rowSpoken: string[] = [];
  private _columnSpoken: string[] = [];
  private _cellSize = { width: 72, height: 28 };
  private _resizeObserver?: ResizeObserver;
  private _colorCanvas?: CanvasRenderingContext2D | null;
  private _domainProblems: string[] = [];
  /** Focus is on a header or cell of this grid. */
  private _focusWithin = false;
  /** Between willUpdate and updated: blur events then come from re-rendering, not from the reader. */
  private _rendering = false;
  private _tooltipOpen = false;
  private _renderedBarHeight = 0;

  /** The displayed grid's size: rows × columns after `transpose`. */
  private get _shape() {
    const m = this._matrix;
    return this.transpose ? { rows: m.columnCount, columns: m.rowCount } : { rows: m.rowCount, columns: m.columnCount };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this._resizeObserver ??= new ResizeObserver(() => this._measure());
    if (this.hasUpdated) this._observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resizeObserver?.disconnect();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this._rendering = true;
    const dataChanged = changed.has('rows') || changed.has('columns') || changed.has('values');
    if (dataChanged) {
      this._matrix = buildMatrix(this.rows, this.columns, this.values);
    }
    const problems = [...this._matrix.problems];

    if (changed.has('decimals')) {
      const d = this.decimals;
      this._decimals = typeof d === 'number' && Number.isInteger(d) && d >= 0 && d <= 20 ? d : 4;
    }
    if (this._decimals !== this.decimals) problems.push(`decimals: ${this._text('decimals', this.decimals)} is not a whole number from 0 to 20; using 4`);

    for (const name of ['min', 'max', 'center'] as const) {
      const v = this[name];
      if (v !== undefined && v !== null && !(typeof v === 'number' && Number.isFinite(v)))
        problems.push(`${name}: ${this._text(name, v)} is not a number; ignored`);
    }

    if (changed.has('scheme') || changed.has('interpolator')) {
      this._interpolate = this._resolveInterpolator();
      this._colors.clear();
    }
    if (dataChanged || changed.has('min') || changed.has('max') || changed.has('center')) {
      const { stats } = this._matrix;
      const center = typeof this.center === 'number' && Number.isFinite(this.center) ? this.center : 0;
      const deviation = stats.maxIndex < 0 ? 0 : Math.max(Math.abs(stats.max - center), Math.abs(stats.min - center));
      const { domain, problems: domainProblems } = resolveDomain({ min: this.min, max: this.max, center }, deviation);
      const old = this._domain;
      // New data in the same domain keeps the colour memo: a one-value update recolours one cell.
      if (domain.min !== old.min || domain.max !== old.max || domain.center !== old.center) this._colors.clear();
      this._domain = domain;
      this._domainProblems = domainProblems;
    }
    problems.push(...this._domainProblems);
    if (this.selected !== null && !this._validSelection(this.selected)) {
      problems.push(`selected: ${this._text('selected', this.selected)} is not {"rowIndex", "columnIndex"} inside the data; ignored`);
    }
    this._problems = problems;

    let reshaped = false;
    if (dataChanged || changed.has('transpose')) {
      const { rows, columns } = this._shape;
      // A new shape starts new slot pools; new values in the same shape keep every element in place.
      if (rows !== this._pooledShape.rows || columns !== this._pooledShape.columns) {
        this._rowPool = this._columnPool = 0;
        this._pooledShape = { rows, columns };
        reshaped = true;
      }
      this._rowSpoken = [];
      this._columnSpoken = [];
      this._active = {
        row: Math.min(this._active.row, rows - 1),
        column: Math.min(this._active.column, columns - 1),
      };
      if (this._hover && (this._hover.row >= rows || this._hover.column >= columns)) this._hover = null;
    }
    if (dataChanged || changed.has('transpose') || changed.has('columnLabelOrientation')) {
      this._vertical = this._columnLabelsVertical();
    }
    if (dataChanged || changed.has('transpose')) {
      // Once per data change, not per scroll frame: scanning thousands of labels is not free.
      const m = this._matrix;
      this._longestRowLabel = longest(this.transpose ? m.columnLabels : m.rowLabels);
      this._longestColumnLabel = longest(this.transpose ? m.rowLabels : m.columnLabels);
    }
    if (dataChanged || changed.has('decimals')) this._summary = this._describe();
    // New values in the same shape keep the window: a one-value update re-renders one cell.
    this._updateWindow(!reshaped);
    this._rowPool = Math.max(this._rowPool, this._rowRange.end - this._rowRange.start);
    this._columnPool = Math.max(this._columnPool, this._columnRange.end - this._columnRange.start);
  }

  /** What the user wrote for a property, for messages. */
  private _text(name: string, value: unknown): string {
    const attribute = this.getAttribute(name);
    if (value instanceof InvalidJson) return JSON.stringify(value.text);
    return JSON.stringify(attribute ?? (typeof value === 'number' ? String(value) : value)) ?? String(value);
  }

  private _resolveInterpolator(): Interpolator {
    const fallback = schemeInterpolator(DEFAULT_SCHEME)!;
    if (this.interpolator !== undefined) {
      try {
        if (typeof this.interpolator === 'function' && typeof this.interpolator(0.5) === 'string') return this.interpolator;
      } catch {
        // reported below, like a non-function
      }
      console.warn(`<token-heatmap>: interpolator is not a (t) => colour function; using ${this.scheme || DEFAULT_SCHEME}`);
    }
    const named = schemeInterpolator(String(this.scheme ?? ''));
    if (named) return named;
    console.warn(`<token-heatmap>: unknown scheme ${JSON.stringify(this.scheme)}; using ${DEFAULT_SCHEME}`);
    return fallback;
  }

  private _validSelection(s: unknown): s is CellIndex {
    const m = this._matrix;
    const c = s as CellIndex;
    return (
      typeof s === 'object' &&
      s !== null &&
      Number.isInteger(c.rowIndex) &&
      Number.isInteger(c.columnIndex) &&
      c.rowIndex >= 0 &&
      c.columnIndex >= 0 &&
      c.rowIndex < m.rowCount &&
      c.columnIndex < m.columnCount
    );
  }

  /** Rotate column labels when any of them would not fit in three wrapped lines of a cell. */
  private _columnLabelsVertical(): boolean {
    if (this.columnLabelOrientation !== 'auto') return this.columnLabelOrientation === 'vertical';
    const fontSize = (!isServer && parseFloat(getComputedStyle(this).fontSize)) || 12;
    const perLine = Math.max(1, Math.floor(this._cellSize.width / (fontSize * 0.62)) - 1);
    const labels = this.transpose ? this._matrix.rowLabels : this._matrix.columnLabels;
    return labels.some((label) => label.length > perLine * 3 || label.split(/\s+/).some((word) => word.length > perLine));
  }

  // ---- windowing -------------------------------------------------------------------------

  /** `growOnly` (after a resize): keep a window that already covers the view, sparing a render. */
  private _updateWindow(growOnly = false): void {
    const { rows, columns } = this._shape;
    if (rows * columns <= FULL_RENDER_LIMIT || !this._scroller) {
      const initial = rows * columns <= FULL_RENDER_LIMIT;
      this._setRanges(false, { start: 0, end: initial ? rows : Math.min(rows, 48) }, { start: 0, end: initial ? columns : Math.min(columns, 24) });
      return;
    }
    const s = this._scroller;
    const chunk = (r: IndexRange, count: number): IndexRange => ({
      start: Math.max(0, Math.floor(r.start / WINDOW_CHUNK) * WINDOW_CHUNK),
      end: Math.min(count, Math.ceil(r.end / WINDOW_CHUNK) * WINDOW_CHUNK),
    });
    // A scroller that does not scroll yet may still grow to the host's size: guess that, so the
    // first render of new data is usually also the last.
    const viewportHeight = s.scrollHeight > s.clientHeight ? s.clientHeight : Math.max(s.clientHeight, this.clientHeight);
    const colorbar = this.renderRoot.querySelector<HTMLElement>('.colorbar')?.offsetWidth ?? 0;
    const viewportWidth = s.scrollWidth > s.clientWidth ? s.clientWidth : Math.max(s.clientWidth, this.clientWidth - colorbar);
    this._setRanges(
      growOnly,
      chunk(visibleRange(s.scrollTop, viewportHeight, this._cellSize.height, rows, OVERSCAN), rows),
      chunk(visibleRange(s.scrollLeft, viewportWidth, this._cellSize.width, columns, OVERSCAN), columns),
    );
  }

  private _setRanges(growOnly: boolean, rows: IndexRange, columns: IndexRange): void {
    const keep = (next: IndexRange, current: IndexRange) =>
      (next.start === current.start && next.end === current.end) ||
      (growOnly && next.start >= current.start && next.end <= current.end);
    if (!keep(rows, this._rowRange)) this._rowRange = rows;
    if (!keep(columns, this._columnRange)) this._columnRange = columns;
  }

  /**
   * Grid line and offset (in cells) of a display index: its own line on a
   * short axis; on a long one, inside the window or inside a spacer track.
   */
  private _place(index: number, range: IndexRange, count: number): Placement {
    if (count <= LINE_LIMIT) return { line: index + 2, offset: 0 };
    if (index < range.start) return { line: 2, offset: index };
    if (index >= range.end) return { line: 3 + range.end - range.start, offset: index - range.end };
    return { line: 3 + index - range.start, offset: 0 };
  }

  private _tracks(range: IndexRange, count: number, size: string): string {
    if (count <= LINE_LIMIT) return count ? `repeat(${count}, ${size})` : '';
    const k = range.end - range.start;
    return `calc(${size} * ${range.start}) ${k ? `repeat(${k}, ${size})` : ''} calc(${size} * ${count - range.end})`;
  }

  private _measure(): void {
    const probe = this.renderRoot.querySelector<HTMLElement>('.probe');
    const corner = this.renderRoot.querySelector<HTMLElement>('.corner');
    if (probe) {
      const { width, height } = probe.getBoundingClientRect();
      if (width > 0 && height > 0 && (width !== this._cellSize.width || height !== this._cellSize.height)) {
        this._cellSize = { width, height };
        this._vertical = this._columnLabelsVertical();
        this.requestUpdate();
      }
    }
    if (corner && (corner.offsetHeight !== this._headerHeight || corner.offsetWidth !== this._rowHeaderWidth)) {
      this._headerHeight = corner.offsetHeight;
      this._rowHeaderWidth = corner.offsetWidth;
      // Set in place rather than re-rendered: the sticky labels' size only moves the colour bar and scroll padding.
      this._scroller?.style.setProperty('scroll-padding', `${this._headerHeight}px 0 0 ${this._rowHeaderWidth}px`);
      this.renderRoot.querySelector<HTMLElement>('.body')?.style.setProperty('--_header-height', `${this._headerHeight}px`);
    }
    this._updateWindow(true);
    // The ticks depend on the bar's height: redraw them when a resize changes it.
    if (tickCount(this._barHeight()) !== tickCount(this._renderedBarHeight)) this.requestUpdate();
  }

  private _observe(): void {
    const ro = this._resizeObserver;
    if (!ro) return;
    ro.disconnect();
    for (const selector of ['.probe', '.corner', '.scroller']) {
      const el = this.renderRoot.querySelector(selector);
      if (el) ro.observe(el);
    }
  }

  private _onScroll = () => {
    this._updateWindow();
    if (this._hover) this._placeTooltip();
  };

  // ---- values, colours, labels ------------------------------------------------------------

  /** Data indices of a display position. */
  private _dataIndex(row: number, column: number): CellIndex {
    return this.transpose ? { rowIndex: column, columnIndex: row } : { rowIndex: row, columnIndex: column };
  }

  private _value(row: number, column: number): number | null {
    const { rowIndex, columnIndex } = this._dataIndex(row, column);
    const v = this._matrix.at(rowIndex, columnIndex);
    return Number.isNaN(v) ? null : v;
  }

  private _rowLabel(row: number): string {
    return (this.transpose ? this._matrix.columnLabels : this._matrix.rowLabels)[row];
  }

  private _columnLabel(column: number): string {
    return (this.transpose ? this._matrix.rowLabels : this._matrix.columnLabels)[column];
  }

  private _spokenRow(row: number): string {
    return (this._rowSpoken[row] ??= spokenToken(this._rowLabel(row)));
  }

  private _spokenColumn(column: number): string {
    return (this._columnSpoken[column] ??= spokenToken(this._columnLabel(column)));
  }

  /** Cell background and its highest-contrast text colour, memoised per value. */
  private _colorFor(value: number): readonly [string, string] {
    let pair = this._colors.get(value);
    if (!pair) {
      const background = String(this._interpolate(scalePosition(value, this._domain)));
      const rgb = parseColor(background) ?? parseColor(this._browserColor(background)) ?? [255, 255, 255];
      pair = [background, bestTextColor(rgb)];
      if (this._colors.size > 50_000) this._colors.clear();
      this._colors.set(value, pair);
    }
    return pair;
  }

  /** Any CSS colour as the browser serialises it (`#rrggbb` or `rgba()`), for colour names, hsl() and the like. */
  private _browserColor(css: string): string {
    if (isServer) return css;
    this._colorCanvas ??= document.createElement('canvas').getContext('2d');
    if (!this._colorCanvas) return css;
    this._colorCanvas.fillStyle = '#fff';
    this._colorCanvas.fillStyle = css;
    return String(this._colorCanvas.fillStyle);
  }

  private _detail(row: number, column: number): CellDetail {
    const { rowIndex, columnIndex } = this._dataIndex(row, column);
    return {
      rowIndex,
      columnIndex,
      row: this._matrix.rowLabels[rowIndex],
      column: this._matrix.columnLabels[columnIndex],
      value: this._value(row, column),
    };
  }

  // ---- rendering ------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const problems = this._problems;
    return html`
      <div class="figure">
        ${problems.length
          ? html`<div class="alert" role="alert" part="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>`
          : nothing}
        <slot name="caption">${this.caption ? html`<div class="caption" part="caption">${this.caption}</div>` : nothing}</slot>
        <div class="body">
          ${this._renderGrid()}
          <slot name="colorbar">${this._renderColorbar()}</slot>
        </div>
      </div>
      ${this._renderTooltip()}
    `;
  }

  private _renderGrid(): TemplateResult {
    const { rows, columns } = this._shape;
    const rowRange = this._rowRange;
    const columnRange = this._columnRange;
    const active = this._active;
    const renderedRows = slotIndices(rowRange, this._rowPool, active.row, rows);
    const renderedColumns = slotIndices(columnRange, this._columnPool, active.column, columns);
    const rowLabelWidth = 'fit-content(var(--token-heatmap-row-label-max-width))';
    const gridStyle =
      `grid-template-columns: ${rowLabelWidth} ${this._tracks(columnRange, columns, 'var(--token-heatmap-cell-width)')};` +
      `grid-template-rows: auto ${this._tracks(rowRange, rows, 'var(--token-heatmap-cell-height)')}`;
    const hover = this._hover;
    const selected = this._selectedDisplay();
    return html`
      <div
        class="scroller"
        part="scroller"
        @scroll=${this._onScroll}
      >
        <div
          role="grid"
          part="grid"
          class="grid ${this._vertical ? 'vertical' : ''}"
          aria-label=${this.label || 'Token attribution heatmap'}
          aria-describedby="summary"
          aria-rowcount=${rows + 1}
          aria-colcount=${columns + 1}
          style=${cssText(gridStyle)}
          @keydown=${this._onKeydown}
          @pointerover=${this._onPointerOver}
          @pointerleave=${this._onPointerLeave}
          @click=${this._onClick}
          @focusin=${this._onFocusIn}
          @focusout=${this._onFocusOut}
        >
          <div class="probe" aria-hidden="true"></div>
          <div class="header row-label ${this.transpose ? '' : 'label-font'} sizer" aria-hidden="true">
            ${this._renderLabel(this._longestRowLabel)}
          </div>
          <div class="header column-label ${this.transpose ? 'label-font' : ''} sizer" aria-hidden="true">
            ${this._renderLabel(this._longestColumnLabel)}
          </div>
          <div role="row" class="row" aria-rowindex="1">
            <div
              role="columnheader"
              class="header corner"
              part="corner"
              aria-colindex="1"
              tabindex=${active.row === -1 && active.column === -1 ? 0 : -1}
            >
              <span class="visually-hidden">${this.transpose ? 'Output' : 'Token'}</span>
            </div>
            ${renderedColumns.map((c) =>
              c < 0 ? nothing : this._renderColumnHeader(c, this._place(c, columnRange, columns), hover),
            )}
          </div>
          ${renderedRows.map((r) => {
            if (r < 0) return nothing;
            const place = this._place(r, rowRange, rows);
            return html`<div role="row" class="row" aria-rowindex=${r + 2}>
              ${this._renderRowHeader(r, place, hover)}
              ${renderedColumns.map((c) =>
                c < 0 ? nothing : this._renderCell(r, c, place, this._place(c, columnRange, columns), selected),
              )}
            </div>`;
          })}
          ${this.crosshair === 'band' && hover ? this._renderBands(hover) : nothing}
        </div>
        ${rows * columns === 0 && !this._problems.length ? html`<p class="empty">No data</p>` : nothing}
      </div>
      <div id="summary" class="visually-hidden">${this._summary}</div>
    `;
  }

  private _renderLabel(text: string): TemplateResult {
    return html`<span class="text">${tokenParts(text).map((p) =>
      p.glyph ? html`<span class="glyph">${p.text}</span>` : p.text,
    )}</span>`;
  }

  private _renderColumnHeader(c: number, place: Placement, hover: GridPosition | null): TemplateResult {
    const label = this._columnLabel(c);
    const hot = hover?.column === c || (this._focusWithin && this._active.column === c && this._active.row >= 0);
    return html`<div
      role="columnheader"
      class="header column-label ${this.transpose ? 'label-font' : ''} ${hot ? 'hot' : ''}"
      part="column-label"
      aria-colindex=${c + 2}
      aria-label=${this._spokenColumn(c)}
      title=${JSON.stringify(label)}
      tabindex=${this._active.row === -1 && this._active.column === c ? 0 : -1}
      style=${cssText(`grid-area:1/${place.line};${place.offset ? `margin-left:calc(var(--token-heatmap-cell-width)*${place.offset})` : ''}`)}
    >
      ${this._renderLabel(label)}
    </div>`;
  }

  private _renderRowHeader(r: number, place: Placement, hover: GridPosition | null): TemplateResult {
    const label = this._rowLabel(r);
    const hot = hover?.row === r || (this._focusWithin && this._active.row === r && this._active.column >= 0);
    return html`<div
      role="rowheader"
      class="header row-label ${this.transpose ? '' : 'label-font'} ${hot ? 'hot' : ''}"
      part="row-label"
      aria-colindex="1"
      aria-label=${this._spokenRow(r)}
      title=${JSON.stringify(label)}
      tabindex=${this._active.row === r && this._active.column === -1 ? 0 : -1}
      style=${cssText(`grid-area:${place.line}/1;${place.offset ? `margin-top:calc(var(--token-heatmap-cell-height)*${place.offset})` : ''}`)}
    >
      ${this._renderLabel(label)}
    </div>`;
  }

  private _renderCell(r: number, c: number, rowPlace: Placement, columnPlace: Placement, selected: GridPosition | null): TemplateResult {
    const value = this._value(r, c);
    const isSelected = selected !== null && selected.row === r && selected.column === c;
    const { rows, columns } = this._shape;
    let name = `row '${this._spokenRow(r)}' (${r + 1} of ${rows}), column '${this._spokenColumn(c)}' (${c + 1} of ${columns}), `;
    let classes = 'cell';
    let part = 'cell';
    let style = `grid-area: ${rowPlace.line} / ${columnPlace.line};`;
    if (rowPlace.offset) style += `margin-top: calc(var(--token-heatmap-cell-height) * ${rowPlace.offset});`;
    if (columnPlace.offset) style += `margin-left: calc(var(--token-heatmap-cell-width) * ${columnPlace.offset});`;
    let text = '';
    if (value === null) {
      name += 'no value';
      classes += ' missing';
      part += ' cell-missing';
    } else {
      const [background, color] = this._colorFor(value);
      text = formatValue(value, this._decimals);
      name += text;
      style += `background-color: ${background}; color: ${color};`;
      const side = clampSide(value, this._domain);
      if (side) {
        name += ', clamped';
        classes += side > 0 ? ' above' : ' below';
        part += ' cell-clamped';
      }
    }
    if (isSelected) {
      name += ', selected';
      classes += ' selected';
      part += ' cell-selected';
    }
    return html`<div
      role="gridcell"
      class=${classes}
      part=${part}
      aria-colindex=${c + 2}
      aria-label=${name}
      aria-selected=${isSelected ? 'true' : 'false'}
      tabindex=${this._active.row === r && this._active.column === c ? 0 : -1}
      style=${cssText(style)}
    >${text}</div>`;
  }

  private _renderBands(hover: GridPosition): TemplateResult {
    const { rows, columns } = this._shape;
    const row = this._place(hover.row, this._rowRange, rows).line;
    const column = this._place(hover.column, this._columnRange, columns).line;
    return html`<div class="band" part="band" aria-hidden="true" style=${cssText(`grid-area:${row}/2/${row + 1}/-1`)}></div>
      <div class="band" part="band" aria-hidden="true" style=${cssText(`grid-area:2/${column}/-1/${column + 1}`)}></div>`;
  }

  private _renderColorbar(): TemplateResult {
    const { stats } = this._matrix;
    this._renderedBarHeight = this._barHeight();
    return renderColorbar({
      domain: this._domain,
      interpolate: this._interpolate,
      // No finite values: neither end is passed.
      dataMin: stats.minIndex >= 0 ? stats.min : Infinity,
      dataMax: stats.maxIndex >= 0 ? stats.max : -Infinity,
      decimals: this._decimals,
      label: this.label,
      height: this._renderedBarHeight,
    });
  }

  /**
   * The colour bar's height in px (it spans the grid's body): all rows, or the scroller's view
   * once the grid scrolls. A scroller that does not scroll yet may still grow, so it is no limit.
   */
  private _barHeight(): number {
    const s = this._scroller;
    const view = s && s.scrollHeight > s.clientHeight ? s.clientHeight - this._headerHeight : Infinity;
    return Math.min(this._shape.rows * this._cellSize.height, view);
  }

  private _renderTooltip(): TemplateResult {
    const hover = this._hover;
    if (!hover || hover.row < 0 || hover.column < 0) {
      return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true"></div>`;
    }
    const detail = this._detail(hover.row, hover.column);
    const value = detail.value;
    const side = value === null ? 0 : clampSide(value, this._domain);
    const rowName = this.transpose ? 'Output' : 'Token';
    const columnName = this.transpose ? 'Token' : 'Output';
    const rowText = this._rowLabel(hover.row);
    const columnText = this._columnLabel(hover.column);
    return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true">
      <dl>
        <dt>${rowName}</dt>
        <dd>${this._renderLabel(rowText)} <span class="raw">${JSON.stringify(rowText)}</span></dd>
        <dt>${columnName}</dt>
        <dd>${this._renderLabel(columnText)} <span class="raw">${JSON.stringify(columnText)}</span></dd>
        <dt>Value</dt>
        <dd class="value">${value === null ? 'no value' : formatExact(value)}</dd>
        ${side
          ? html`<dt>Colour</dt>
              <dd class="clamped">clamped to ${formatTick(side > 0 ? this._domain.max : this._domain.min, 20)}</dd>`
          : nothing}
      </dl>
    </div>`;
  }

  private _describe(): string {
    const m = this._matrix;
    let text = `${m.rowCount} tokens × ${m.columnCount} outputs`;
    const at = (index: number) =>
      `'${spokenToken(m.rowLabels[Math.floor(index / m.columnCount)])}' × '${spokenToken(m.columnLabels[index % m.columnCount])}'`;
    if (m.stats.maxIndex >= 0) {
      text += `; largest ${formatValue(m.stats.max, this._decimals)} at ${at(m.stats.maxIndex)}`;
      text += `; smallest ${formatValue(m.stats.min, this._decimals)} at ${at(m.stats.minIndex)}`;
    }
    return text + '.';
  }

  private _selectedDisplay(): GridPosition | null {
    const s = this.selected;
    if (!this._validSelection(s)) return null;
    return this.transpose ? { row: s.columnIndex, column: s.rowIndex } : { row: s.rowIndex, column: s.columnIndex };
  }

  // ---- lifecycle after render -----------------------------------------------------------

  protected override firstUpdated(): void {
    this._observe();
    this._measure();
  }

  protected override updated(): void {
    const report = this._problems.join('\n');
    if (report !== this._reportedProblems) {
      this._reportedProblems = report;
      if (report) {
        for (const p of this._problems) console.warn(`<token-heatmap>: ${p}`);
        this.dispatchEvent(new HeatmapErrorEvent(report, this._problems));
      }
    }
    if (this._hover || this._tooltipOpen) this._showTooltip();
    // Focus stays on the active position across data updates and window moves.
    if (this._focusWithin) {
      const target = this._activeElement();
      if (target && this.renderRoot instanceof ShadowRoot && this.renderRoot.activeElement !== target) {
        target.focus({ preventScroll: true });
      }
    }
    this._rendering = false;
  }

  /** The header or cell element at a display position (-1 for the header row or column). */
  private _elementAt(row: number, column: number): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>(`[aria-rowindex="${row + 2}"]>[aria-colindex="${column + 2}"]`);
  }

  private _activeElement(): HTMLElement | null {
    const { row, column } = this._active;
    return this._elementAt(row, column);
  }

  private _showTooltip(): void {
    const tip = this._tooltip;
    if (!tip) return;
    const open = this._hover !== null && this._hover.row >= 0 && this._hover.column >= 0;
    this._tooltipOpen = open;
    const popover = typeof tip.showPopover === 'function';
    if (!open) {
      if (popover && tip.matches(':popover-open')) tip.hidePopover();
      tip.classList.remove('open');
      return;
    }
    if (popover && !tip.matches(':popover-open')) tip.showPopover();
    tip.classList.add('open');
    this._placeTooltip();
  }

  private _placeTooltip(): void {
    const tip = this._tooltip;
    const hover = this._hover;
    if (!tip || !hover) return;
    const cell = this._elementAt(hover.row, hover.column);
    if (!cell) return;
    const anchor = cell.getBoundingClientRect();
    const size = tip.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const { left, top } = placeTooltip(anchor, size, viewport);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  // ---- interaction ----------------------------------------------------------------------

  private _positionOf(event: Event): GridPosition | null {
    for (const node of event.composedPath()) {
      // Positions come from the ARIA indices themselves, so they cannot disagree with what is announced.
      const column = node instanceof HTMLElement && node.getAttribute('aria-colindex');
      if (column) return { row: Number(node.parentElement!.getAttribute('aria-rowindex')) - 2, column: Number(column) - 2 };
      if (node === this) break;
    }
    return null;
  }

  private _setHover(position: GridPosition | null): void {
    const cell = position && position.row >= 0 && position.column >= 0 ? position : null;
    const old = this._hover;
    if (old === cell || (old && cell && old.row === cell.row && old.column === cell.column)) return;
    this._hover = cell;
    this.dispatchEvent(new CellHoverEvent(cell ? this._detail(cell.row, cell.column) : null));
  }

  private _onPointerOver = (event: PointerEvent) => {
    this._setHover(this._positionOf(event));
  };

  private _onPointerLeave = () => {
    this._setHover(this._focusWithin && this._active.row >= 0 && this._active.column >= 0 ? this._active : null);
  };

  private _onFocusIn = (event: FocusEvent) => {
    const position = this._positionOf(event);
    if (!position) return;
    this._focusWithin = true;
    this._active = position;
    this._setHover(position);
    this.requestUpdate();
  };

  private _onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    // Rendering reuses cell elements; a blur it causes is not the reader leaving (updated() refocuses).
    if (this._rendering || (next && this.renderRoot.contains(next))) return;
    this._focusWithin = false;
    this._setHover(null);
    this.requestUpdate();
  };

  private _onClick = (event: MouseEvent) => {
    const position = this._positionOf(event);
    if (!position) return;
    this._active = position;
    if (position.row >= 0 && position.column >= 0) this._toggleSelection(position);
  };

  private _onKeydown = async (event: KeyboardEvent) => {
    const { rows, columns } = this._shape;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (this._active.row >= 0 && this._active.column >= 0) this._toggleSelection(this._active);
      return;
    }
    if (event.key === 'Escape') {
      if (this.selected !== null) {
        event.preventDefault();
        this._select(null);
      }
      this._setHover(null);
      return;
    }
    const scroller = this._scroller;
    const pageRows = scroller ? Math.floor((scroller.clientHeight - this._headerHeight) / this._cellSize.height) : 10;
    const next = moveFocus(this._active, event, { rows, columns, pageRows });
    if (!next) return;
    event.preventDefault();
    this._active = next;
    await this.updateComplete;
    const target = this._activeElement();
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };

  private _toggleSelection(position: GridPosition): void {
    const { rowIndex, columnIndex } = this._dataIndex(position.row, position.column);
    const s = this.selected;
    const same = this._validSelection(s) && s.rowIndex === rowIndex && s.columnIndex === columnIndex;
    this._select(same ? null : { rowIndex, columnIndex });
  }

  private _select(cell: CellIndex | null): void {
    this.selected = cell;
    this.dispatchEvent(new CellSelectEvent(cell ? this._detail(...this._displayOf(cell)) : null));
  }

  private _displayOf(cell: CellIndex): [number, number] {
    return this.transpose ? [cell.columnIndex, cell.rowIndex] : [cell.rowIndex, cell.columnIndex];
  }
}

function longest(labels: readonly string[]): string {
  let best = '';
  for (const label of labels) if (label.length > best.length) best = label;
  return best;
}
