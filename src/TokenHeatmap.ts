import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './token-heatmap.styles.js';
import { buildMatrix, InvalidJson, type Matrix, type ValuesInput } from './data.js';
import { HeatmapErrorEvent, type CellIndex } from './events.js';
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
import { cellTooltip, renderTooltip, TooltipController, type TooltipContent } from './tooltip.js';
import type { Aggregate } from './view/aggregate.js';
import type { DisplayModel } from './view/display-model.js';
import type { GroupBy } from './view/grouping.js';
import { normalisationTitle, type Normalize } from './view/normalise.js';
import { CLOSED, toggleAt, type Expansion } from './view/expansion.js';
import { ReadingPipeline, type Reading, type ReadingOptions } from './view/pipeline.js';
import type { CompareMode } from './view/compare.js';
import type { GridPosition } from './navigation.js';
import { renderStepLegends, stepAppendix, StepColors, type StepView } from './step-scores/render-step-scores.js';
import { renderTextView } from './text-view/render-text-view.js';
import { TextViewController } from './text-view/text-view-controller.js';

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
 * @csspart step-scores - A row of step scores under the grid; its cells are `step-score`, its name `step-score-label`.
 * @csspart step-scores-legend - The small legends of the step scores' scales.
 * @csspart text-view - The text view (`view="text"` or `"both"`): `text-heading` with its `text-step` buttons, then `text-body`.
 * @csspart text-token - A token of the text view; also `text-token-missing`, `text-token-special`, `text-token-target`, `text-token-run`.
 * @csspart text-step-scores - The current output's step scores in the text view.
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
 * @cssprop --token-heatmap-text-font-family - Font of the text view's running text (the element's font).
 * @cssprop --token-heatmap-text-font-size - Size of the text view's running text (1.25em).
 * @cssprop --token-heatmap-text-width - The text view wraps its lines at this width, or the element's (48em).
 * @cssprop --token-heatmap-target-color - Outline of the current output's own token in the text view.
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

  /** `grid`; `text`: the row tokens as running text, coloured by their values for one output; `both`: the grid above the text, one colour bar. */
  view: 'grid' | 'text' | 'both' = 'grid';

  /** The last n rows are the generated tokens, output j being row `rows.length - n + j`: the text view shows the text up to the current output and outlines it. */
  targetRows = 0;

  /** Scores per output, `{name: one number per column}` (probability, entropy, …): extra rows under the grid, each on its own scale. JSON in the attribute. */
  stepScores: Record<string, (number | null)[]> | null = null;

  /** A second attribution B of the same shape as `values` (A), to show A − B or either one on the scale of both (see `compareMode`). */
  compare: ValuesInput | null = null;

  /** With `compare`: `diff` shows A − B diverging about 0; `a` or `b` shows one of them on the shared scale of both. */
  compareMode: 'diff' | 'a' | 'b' = 'diff';

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
  private _reading!: Reading;
  private _view: 'grid' | 'text' | 'both' = 'grid';
  private _steps!: StepView;
  private _vertical = false;
  private _verticalInput: readonly unknown[] = [];
  private _summary = '';
  private _problems: string[] = [];
  private _reportedProblems = '';
  /** Groups the reader opened and runs revealed; forgotten with a new grouping. */
  private _expansion: Expansion = CLOSED;

  // ---- stateful concerns ------------------------------------------------------------------
  private readonly _colors = new CellColors();
  private readonly _window = new WindowController(this, () => this._tooltip.place());
  private readonly _stepColors = new StepColors();
  private readonly _focus = new FocusController(this, {
    model: () => this._model,
    pageRows: () => this._window.pageRows(),
    toggle: (position) => this._expand(position),
  });
  private readonly _text = new TextViewController(this, {
    model: () => this._model,
    toggleSelection: (position) => this._focus.toggle(position),
    clearSelection: () => this.selected !== null && (this._focus.select(null), true),
    expand: (position) => this._expand(position),
  });
  // The tooltip is about the hovered token of the text view, else the hovered cell of the grid.
  private readonly _tooltip = new TooltipController(this, () => {
    const cell = this._focus.hoveredCell;
    return this._text.hoveredElement() ?? (cell && this._focus.elementAt(cell.row, cell.column));
  });

  /** Opens or closes what a header stands for (a group, a run of hidden rows); false when there is nothing. */
  private _expand(position: GridPosition): boolean {
    const next = toggleAt(this._expansion, this._model, position);
    if (!next) return false;
    this._expansion = next;
    this.requestUpdate();
    return true;
  }

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
    this._crosshair = option('crosshair');
    option('theme');
    this._view = option('view');
    const orientation = option<string>('columnLabelOrientation');
    const givenCenter = option<number>('center');
    const scheme = pickInterpolator(option('scheme'), this.interpolator);
    if (scheme.problem) problems.push(scheme.problem);
    this._interpolate = scheme.interpolate;

    // Opened groups and revealed runs belong to one grouping of one matrix.
    if (GROUPING_INPUTS.some((p) => changed.has(p))) this._expansion = CLOSED;
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
      compare: this.compare,
      compareMode: option<CompareMode>('compareMode'),
      stepScores: this.stepScores,
      ...this._expansion,
    };
    const reading = (this._reading = this._pipeline.read(this._matrix, options));
    problems.push(...reading.problems);
    this._model = reading.model;
    this._summary = reading.model.summary(this._decimals);
    this._steps = { series: reading.steps.series, model: reading.model, colors: this._stepColors, decimals: this._decimals };

    // A difference diverges about 0, whatever the attributions' own centre.
    const center = reading.comparison.mode === 'diff' ? 0 : givenCenter;
    // The domain covers both attributions when one of them is shown, so switching keeps every colour.
    const stats = reading.domainStats;
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

    const { rows, columns } = this._model;
    this._window.setShape(rows.count, columns.count);
    this._focus.fit(rows.count, columns.count);
    // In `both`, the grid cell under the pointer (or focused) previews its output in the text.
    const hovered = this._view === 'both' ? this._focus.hoveredCell : null;
    const preview = hovered ? this._model.cellIndex(hovered.row, hovered.column).columnIndex : null;
    this._text.prepare(this._model, selected, preview, option('targetRows'), this._matrix.rowCount);
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

  protected override render(): TemplateResult {
    const problems = this._problems;
    const focus = this._focus;
    const view = this._view;
    const { rows, columns } = this._model;
    const grid =
      view === 'text'
        ? nothing
        : renderGrid({
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
            empty: rows.count * columns.count === 0 && !problems.length,
            summary: this._summary,
            appendix: stepAppendix(this._steps),
            listeners: {
              scroll: this._window.onScroll,
              keydown: focus.onKeydown,
              pointerover: focus.onPointerOver,
              pointerleave: focus.onPointerLeave,
              click: focus.onClick,
              focusin: focus.onFocusIn,
              focusout: focus.onFocusOut,
            },
          });
    const text =
      view === 'grid'
        ? nothing
        : renderTextView(this._text.view({ model: this._model, selected: this.selected, colors: this._colors, interpolate: this._interpolate, domain: this._domain, decimals: this._decimals, label: this._label, steps: this._steps }));
    const legends = renderStepLegends(this._steps.series, this._decimals);
    return html`
      <div class="figure">
        ${problems.length ? html`<div class="alert" role="alert" part="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
        <slot name="caption">${this._caption ? html`<div class="caption" part="caption">${this._caption}</div>` : nothing}</slot>
        <div class="body">
          ${view === 'grid' && legends === nothing ? grid : html`<div class="views">${grid}${legends}${text}</div>`}
          <slot name="colorbar">${this._renderColorbar()}</slot>
        </div>
      </div>
      ${renderTooltip(this._tooltipContent())}
    `;
  }

  /** The tooltip for the hovered token of the text, else the hovered cell of the grid. */
  private _tooltipContent(): TooltipContent | null {
    const cell = this._text.hoveredPosition ?? this._focus.hoveredCell;
    return cell && cellTooltip(this._reading, cell, this._domain);
  }

  private _renderColorbar(): TemplateResult {
    const stats = this._reading.stats;
    const mode = this._reading.comparison.mode;
    const compared = mode === 'diff' ? 'A − B' : mode ? `${mode.toUpperCase()} (scale of A and B)` : '';
    return renderColorbar({
      domain: this._domain,
      interpolate: this._interpolate,
      // The shown values' extremes (normalised, specials hidden); none: neither end is passed.
      dataMin: stats.minRow >= 0 ? stats.min : Infinity,
      dataMax: stats.maxRow >= 0 ? stats.max : -Infinity,
      decimals: this._decimals,
      label: [this._label, compared, normalisationTitle(this._reading.normalize)].filter(Boolean).join(', '),
      // The text alone has no rows to measure: a bar of a few ticks.
      height: this._view === 'text' ? 120 : this._window.barHeight(),
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
