import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './token-heatmap.styles.js';
import { buildMatrix, InvalidJson, type Matrix, type ValuesInput } from './data.js';
import { HeatmapErrorEvent, type CellIndex } from './events.js';
import type { GridPosition } from './navigation.js';
import { resolveDomain, type Domain } from './scale.js';
import { renderColorbar } from './colorbar.js';
import { DEFAULT_SCHEME, pickInterpolator, schemeInterpolator, type Interpolator } from './schemes.js';
import { litProperties, propertySpec, resolveOption, type PropertyName } from './properties.js';
import { shown } from './shown.js';
import { CellColors } from './grid/cell-colors.js';
import { columnLabelsVertical } from './grid/column-labels.js';
import { FocusController } from './grid/focus-controller.js';
import { renderGrid } from './grid/render-grid.js';
import { WindowController } from './grid/window-controller.js';
import { renderTooltip, tooltipContent, TooltipController } from './tooltip.js';
import { ThemeController } from './theme-controller.js';
import { Announcer } from './announcer.js';
import type { Aggregate } from './view/aggregate.js';
import type { DisplayModel } from './view/display-model.js';
import type { GroupBy } from './view/grouping.js';
import { normalisationTitle, type Normalize } from './view/normalise.js';
import { ReadingPipeline, type ReadingOptions } from './view/pipeline.js';

export type { CellIndex } from './events.js';
export { FULL_RENDER_LIMIT } from './grid/window-controller.js';

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
 * @csspart caption - The caption above the grid: a heading (`caption-level`) that names the grid.
 * @csspart alert - The message that lists problems with the input.
 * @csspart scroller - The scrolling box around the grid.
 * @csspart grid - The grid of labels and cells.
 * @csspart corner - The empty header cell above the row labels.
 * @csspart column-label - A column label.
 * @csspart row-label - A row label.
 * @csspart cell - A value cell; also `cell-missing`, `cell-clamped`, `cell-selected`.
 * @csspart band - The lines along the hovered row and column (`crosshair="band"`).
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
 * @cssprop --token-heatmap-line-color - Outline of the colour bar and its pointed ends (≥ 3:1 against the background).
 * @cssprop --token-heatmap-missing-color - Background of a missing cell.
 * @cssprop --token-heatmap-missing-stripe-color - Hatching of a missing cell (≥ 3:1 against the missing colour).
 * @cssprop --token-heatmap-highlight-color - Background of the hovered or focused cell's labels.
 * @cssprop --token-heatmap-band-color - Lines along the hovered row and column (`crosshair="band"`).
 * @cssprop --token-heatmap-focus-color - Keyboard focus ring, outer colour.
 * @cssprop --token-heatmap-focus-inner-color - Keyboard focus ring, inner colour (keep it ≥ 9:1 from the outer one).
 * @cssprop --token-heatmap-selection-color - Frame of the selected cell.
 * @cssprop --token-heatmap-tooltip-background - Tooltip background.
 * @cssprop --token-heatmap-tooltip-color - Tooltip text.
 * @cssprop --token-heatmap-alert-color - Text of the input-problem message.
 * @cssprop --token-heatmap-alert-background - Background of the input-problem message.
 */
export class TokenHeatmap extends LitElement {
  static override styles = styles;

  // From the property schema (src/properties.ts): data read from attributes, options also reflected.
  static override properties = litProperties();

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

  /** The colour bar's title and name, and the grid's accessible name when there is no caption. */
  label = '';

  /** A heading drawn above the grid, which also names the grid; the `caption` slot replaces it. */
  caption = '';

  /** The caption's heading level, 1–6. */
  captionLevel = 2;

  /** Draws tokens as columns and outputs as rows. */
  transpose = false;

  /** The selected cell in the caller's indices, or null. JSON `{"rowIndex":7,"columnIndex":2}` in the attribute. */
  selected: CellIndex | null = null;

  /** `light` or `dark`; by default the element follows the page: the background behind it, else its `color-scheme`. */
  theme?: 'light' | 'dark';

  /** `labels` highlights the hovered cell's row and column labels; `band` also shades its row and column. */
  crosshair: 'labels' | 'band' = 'labels';

  /** `auto` wraps column labels that fit and rotates the rest; or force `horizontal` / `vertical`. */
  columnLabelOrientation: 'auto' | 'horizontal' | 'vertical' = 'auto';

  /** Merges the row tokens into `words`, `sentences` or `lines`; `tokens` shows every piece. */
  groupRows: GroupBy = 'tokens';

  /** Merges the column labels into `words`, `sentences` or `lines`, as `groupRows` does for rows. */
  groupColumns: GroupBy = 'tokens';

  /** Your own row segmentation: a group number per row token, non-decreasing (null: a group of its own); overrides `groupRows`. */
  rowGroups: (number | null)[] | null = null;

  /** Your own column segmentation, as `rowGroups`; overrides `groupColumns`. */
  columnGroups: (number | null)[] | null = null;

  /** How a group's pieces become one value: `sum`, `mean`, or `absmax` (the piece of largest magnitude, sign kept). */
  aggregate: Aggregate = 'sum';

  /** Divides each `column` (`row`, or `all` the values) by its largest |value|, so its strongest attribution is ±1. */
  normalization: Normalize = 'none';

  /** Shows only the k rows of largest |value| (in the selected column, if any); each run of the others folds into one row. */
  topK?: number;

  /** Hides the rows whose largest |value| is below this; each run of them folds into one row. */
  threshold?: number;

  /** Hides special tokens (`<s>`, `[CLS]`, `<|endoftext|>`, …) from rows and columns, and leaves them out of normalisation and focus. */
  hideSpecial = false;

  // ---- derived in willUpdate -------------------------------------------------------------
  private _matrix: Matrix = buildMatrix([], [], []);
  private _matrixInput: readonly unknown[] = [];
  private readonly _pipeline = new ReadingPipeline();
  private _model!: DisplayModel;
  private _domain: Domain = { min: -1, max: 1, center: 0 };
  private _interpolate: Interpolator = schemeInterpolator(DEFAULT_SCHEME)!;
  /** Options as drawn: the given value when valid, else the default. */
  private _decimals = 4;
  private _crosshair: 'labels' | 'band' = 'labels';
  private _label = '';
  private _caption = '';
  private _captionLevel = 2;
  private _normalize: Normalize = 'none';
  private _vertical = false;
  private _verticalInput: readonly unknown[] = [];
  private _summary = '';
  private _problems: string[] = [];
  private _reportedProblems = '';
  /** Groups the reader opened (per caller axis) and row groups revealed from runs; reset with the data. */
  private _openRows: ReadonlySet<number> = new Set();
  private _openColumns: ReadonlySet<number> = new Set();
  private _revealedRows: ReadonlySet<number> = new Set();

  // ---- stateful concerns ------------------------------------------------------------------
  private readonly _colors = new CellColors();
  private readonly _window = new WindowController(this, () => this._tooltip.place());
  private readonly _focus: FocusController = new FocusController(this, {
    model: () => this._model,
    pageRows: () => this._window.pageRows(),
    toggle: (position) => this._toggle(position),
    tooltip: { openBox: () => this._tooltip.openBox(), contains: (node) => this._tooltip.contains(node) },
  });
  private readonly _tooltip: TooltipController = new TooltipController(this, () => {
    const cell = this._focus.hoveredCell;
    return cell && this._focus.elementAt(cell.row, cell.column);
  });
  /** Follows the page's theme while `theme` is unset (registered with the element, read by nothing else). */
  protected readonly _pageTheme = new ThemeController(this);
  private readonly _announcer = new Announcer(this);

  protected override willUpdate(changed: PropertyValues<this>): void {
    const problems: string[] = [];
    const dataInput = [this.rows, this.columns, this.values];
    if (changed.has('rows') || changed.has('columns') || changed.has('values') || !sameInputs(dataInput, this._matrixInput)) {
      this._matrixInput = dataInput;
      this._matrix = buildMatrix(this.rows, this.columns, this.values);
    }
    problems.push(...this._matrix.problems);
    const option = <T>(name: PropertyName) => this._option(name, problems) as T;
    this._decimals = option('decimals');
    this._label = option('label');
    this._caption = option('caption');
    this._captionLevel = option('captionLevel');
    this._crosshair = option('crosshair');
    option('theme');
    const orientation = option<string>('columnLabelOrientation');
    const center = option<number>('center');
    const scheme = pickInterpolator(option('scheme'), this.interpolator);
    if (scheme.problem) problems.push(scheme.problem);
    this._interpolate = scheme.interpolate;

    // Opened groups and revealed runs belong to one grouping of one matrix.
    if (GROUPING_INPUTS.some((p) => changed.has(p))) {
      this._openRows = this._openColumns = this._revealedRows = new Set();
    }
    const selected = this._option('selected', problems) as CellIndex | null;
    const options: ReadingOptions = {
      groupRows: option('groupRows'),
      groupColumns: option('groupColumns'),
      rowGroups: this.rowGroups,
      columnGroups: this.columnGroups,
      aggregate: option('aggregate'),
      normalize: option('normalization'),
      topK: option('topK'),
      threshold: option('threshold'),
      hideSpecial: !!this.hideSpecial,
      transpose: !!this.transpose,
      selected,
      openRows: this._openRows,
      openColumns: this._openColumns,
      revealedRows: this._revealedRows,
    };
    const reading = this._pipeline.read(this._matrix, options);
    problems.push(...reading.problems);
    this._model = reading.model;
    this._normalize = reading.normalize;
    this._summary = reading.model.summary(this._decimals);

    const { stats } = reading;
    const deviation = stats.maxRow < 0 ? 0 : Math.max(Math.abs(stats.max - center), Math.abs(stats.min - center));
    const domain = resolveDomain({ min: option('min'), max: option('max'), center }, deviation);
    this._domain = domain.domain;
    problems.push(...domain.problems);
    // New data in the same domain keeps the colour memo: a one-value update recolours one cell.
    this._colors.configure(this._domain, this._interpolate);

    if (selected !== null && !this._model.positionOf(selected) && !this._hiddenByView(selected)) {
      problems.push(`selected: ${this._written(this.selected)} is not {"rowIndex", "columnIndex"} inside the data; ignored`);
    }
    this._problems = problems;
    this._announcer.observe(this._matrix, this._summary, this._model, selected && this._model.positionOf(selected), this._decimals);

    const { rows, columns } = this._model;
    this._window.setShape(rows.count, columns.count);
    this._focus.fit(rows.count, columns.count);
    const verticalInput = [columns, orientation, this._window.cellSize.width, this._window.fontSize];
    if (!sameInputs(verticalInput, this._verticalInput)) {
      this._verticalInput = verticalInput;
      this._window.invalidate();
      this._vertical = columnLabelsVertical(columns, orientation, this._window.cellSize.width, this._window.fontSize);
    }
  }

  /** An option's value as drawn; an invalid one is reported and replaced by its default. */
  private _option(name: PropertyName, problems: string[]): unknown {
    const spec = propertySpec(name)!;
    const value = this[name];
    // A number attribute that is not a number arrives as NaN: quote what the author wrote instead.
    const written = Number.isNaN(value) && spec.attribute ? this.getAttribute(spec.attribute) : null;
    const result = resolveOption(spec, value, written);
    if (result.problem && name !== 'selected') problems.push(result.problem);
    return result.problem ? spec.default : result.value;
  }

  /** What the user gave for a property, for messages: the text of JSON that did not parse. */
  private _written(value: unknown): string {
    return shown(value instanceof InvalidJson ? value.text : value);
  }

  /** A valid cell that the view hides (a hidden special token, a folded run) is still a valid selection. */
  private _hiddenByView(cell: CellIndex): boolean {
    return cell.rowIndex < this._matrix.rowCount && cell.columnIndex < this._matrix.columnCount;
  }

  /** Opens or closes what a header (or a run's cell) stands for; false when there is nothing to open. */
  private _toggle({ row, column }: GridPosition): boolean {
    const { rows, columns } = this._model;
    // A header row or column toggles its own axis; a cell toggles the run it lies in.
    const target =
      row < 0 ? { axis: columns, index: column } : column < 0 ? { axis: rows, index: row } : rows.kind(row) === 'run' ? { axis: rows, index: row } : columns.kind(column) === 'run' ? { axis: columns, index: column } : null;
    if (!target || !target.axis.expandable(target.index)) return false;
    const { axis, index } = target;
    const [first, end] = axis.groups(index);
    if (axis.kind(index) === 'run') {
      const revealed = new Set(this._revealedRows);
      for (let g = first; g < end; g++) revealed.add(g);
      this._revealedRows = revealed;
    } else {
      const open = new Set(axis.tokens ? this._openRows : this._openColumns);
      if (!open.delete(first)) open.add(first);
      if (axis.tokens) this._openRows = open;
      else this._openColumns = open;
    }
    this.requestUpdate();
    return true;
  }

  protected override render(): TemplateResult {
    const problems = this._problems;
    const focus = this._focus;
    const { rows, columns } = this._model;
    return html`
      <div class="figure">
        ${problems.length ? html`<div class="alert" role="alert" part="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
        <slot name="caption"
          >${this._caption ? html`<div class="caption" part="caption" id="caption" role="heading" aria-level=${this._captionLevel}>${this._caption}</div>` : nothing}</slot
        >
        <div class="body">
          ${renderGrid({
            model: this._model,
            rowRange: this._window.rows,
            columnRange: this._window.columns,
            rowPool: this._window.rowPool,
            columnPool: this._window.columnPool,
            active: focus.active,
            hover: focus.hover,
            focusWithin: focus.focusWithin,
            selected: this.selected ? this._model.positionOf(this.selected) : null,
            colors: this._colors,
            domain: this._domain,
            decimals: this._decimals,
            vertical: this._vertical,
            crosshair: this._crosshair,
            label: this._label,
            labelledBy: this._caption ? 'caption' : null,
            empty: rows.count * columns.count === 0 && !problems.length,
            summary: this._summary,
            listeners: {
              scroll: this._window.onScroll,
              keydown: focus.onKeydown,
              pointerover: focus.onPointerOver,
              pointermove: focus.onPointerOver,
              pointerleave: focus.onPointerLeave,
              click: focus.onClick,
              focusin: focus.onFocusIn,
              focusout: focus.onFocusOut,
            },
          })}
          <slot name="colorbar">${this._renderColorbar()}</slot>
        </div>
      </div>
      ${renderTooltip(this._focus.hoveredCell && tooltipContent(this._model, this._focus.hoveredCell, this._domain), focus.onTooltipLeave)}
      ${this._announcer.render()}
    `;
  }

  private _renderColorbar(): TemplateResult {
    const { stats } = this._matrix;
    return renderColorbar({
      domain: this._domain,
      interpolate: this._interpolate,
      // No finite values: neither end is passed.
      dataMin: stats.minIndex >= 0 ? stats.min : Infinity,
      dataMax: stats.maxIndex >= 0 ? stats.max : -Infinity,
      decimals: this._decimals,
      label: [this._label, normalisationTitle(this._normalize)].filter(Boolean).join(', '),
      height: this._window.barHeight(),
    });
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
  }

  // Measurement after a render can ask for one more (the right window, the colour bar's ticks):
  // `updateComplete` resolves once the element has settled, so callers see what gets painted.
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = await super.getUpdateComplete();
    for (let i = 0; !settled && i < 10; i++) settled = await super.getUpdateComplete();
    return settled;
  }
}

/** The properties whose change starts a new grouping: opened groups and revealed runs are forgotten. */
const GROUPING_INPUTS = ['rows', 'columns', 'values', 'groupRows', 'groupColumns', 'rowGroups', 'columnGroups', 'hideSpecial'] as const;

/** Whether two lists hold the same values, by identity. */
function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
