import { LitElement, html, nothing, type CSSResultGroup, type CSSResultOrNative, type PropertyDeclaration, type PropertyValues, type TemplateResult } from 'lit';
import { styles } from './token-heatmap.styles.js';
import { prescan, type ValuesInput } from './data.js';
import { nextTask } from './next-task.js';
import type { CellIndex } from './events.js';
import { adoptAddedStyles, StylesPerDocument } from './document-styles.js';
import { ProblemReporter } from './problem-reporter.js';
import { isNonEmpty } from './safe-read.js';
import { renderColorbar } from './colorbar.js';
import { DEFAULT_SCHEME, drawnScheme, type Interpolator } from './schemes.js';
import { litProperties, type PropertyName } from './properties.js';
import { CellColors } from './grid/cell-colors.js';
import { columnLabelsVertical } from './grid/column-labels.js';
import { FocusController } from './grid/focus-controller.js';
import { renderGrid } from './grid/render-grid.js';
import { WindowController } from './grid/window-controller.js';
import { ReactHydrationController } from './react-hydration.js';
import { cellTooltip, renderTooltip, TooltipController } from './tooltip.js';
import type { GridPosition } from './navigation.js';
import type { ViewsLayer } from './text-view/views-layer.js';
import { ThemeController } from './theme-controller.js';
import { Announcer } from './announcer.js';
import { exportFileName, matrixCsv } from './export/csv.js';
import { download } from './export/download.js';
import { ExportMenuController } from './export/export-menu.js';
import type { FigureSizes } from './export/figure.js';
import { sameInputs, ViewDeriver, type DerivedView } from './view/derive.js';
import { CLOSED, toggleAt, type Expansion } from './view/expansion.js';
import { sameEntries, type DisplayAxis } from './view/display-model.js';
import { normalisationTitle } from './view/normaliser.js';
import { features, featureStyles } from './features/registry.js';
import { FeatureLoader } from './features/loader.js';
import { neededFeatures } from './features/needs.js';
import { ZoomSlot } from './features/zoom-slot.js';
import { elementCreated } from './idle-warm-up.js';

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
 * @fires zoom-change - The zoom level or the part in view changed (`detail`: {@link ZoomDetail}: `level`, `fitted`, visible `rows` and `columns`).
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
 * @csspart step-scores - A row of step scores under the grid; its cells are `step-score` (`step-score-missing`), its name `step-score-label`.
 * @csspart step-scores-legend - The small legends of the step scores' scales.
 * @csspart text-view - The text view (`view="text"` or `"both"`): `text-heading` with its `text-step` buttons, then `text-body`.
 * @csspart text-token - A token of the text view; also `text-token-missing`, `text-token-special`, `text-token-target`, `text-token-run`.
 * @csspart text-step-scores - The current output's step scores in the text view.
 * @csspart zoom - The zoom control (zoom out, the level, zoom in, fit), shown when the matrix does not fit at readable size.
 * @csspart overview - The minimap of the whole matrix with the part in view, shown when not everything is visible.
 * @csspart focus - The focus rectangle on the overview canvas.
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
 * @cssprop --token-heatmap-text-font-family - Font of the text view's running text (the element's font).
 * @cssprop --token-heatmap-text-font-size - Size of the text view's running text (1.25em).
 * @cssprop --token-heatmap-text-width - The text view wraps its lines at this width, or the element's (48em).
 * @cssprop --token-heatmap-target-color - Outline of the current output's own token in the text view.
 */
export class TokenHeatmap extends StylesPerDocument(LitElement) {
  static override styles = styles;

  /** Whether the page warms the element up in its first idle time, before any element exists (src/idle-warm-up.ts); set false right after loading it to keep that from happening. */
  static warmUp = true;

  // The loaded features' styles follow the element's (in full builds every feature is loaded when the element is defined).
  protected static override finalizeStyles(own?: CSSResultGroup): CSSResultOrNative[] {
    return super.finalizeStyles([own ?? [], ...featureStyles()]);
  }

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
  groupRows: 'tokens' | 'words' | 'sentences' | 'lines' = 'tokens';

  /** Merges the column labels into `words`, `sentences` or `lines`, as `groupRows` does for rows. */
  groupColumns: 'tokens' | 'words' | 'sentences' | 'lines' = 'tokens';

  /** Your own row segmentation: a group number per row token, non-decreasing (null: a group of its own); overrides `groupRows`. */
  rowGroups: (number | null)[] | null = null;

  /** Your own column segmentation, as `rowGroups`; overrides `groupColumns`. */
  columnGroups: (number | null)[] | null = null;

  /** How a group's pieces become one value: `sum`, `mean`, or `absmax` (the piece of largest magnitude, sign kept). */
  aggregate: 'sum' | 'mean' | 'absmax' = 'sum';

  /** Divides each `column` (`row`, or `all` the values) by its largest |value|, so its strongest attribution is ±1. */
  normalization: 'none' | 'column' | 'row' | 'all' = 'none';

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

  /** Hides the export menu (SVG, PNG and CSV downloads); `toSVG()`, `toPNG()` and `toCSV()` still work. */
  noExport = false;

  /** `auto` fits a matrix too large for readable cells in the box; `fit` always; or a level (1 = readable cells, 0.5 = half their size). */
  zoom: 'auto' | 'fit' | number = 'auto';

  // ---- derived in willUpdate -------------------------------------------------------------
  private readonly _deriver = new ViewDeriver();
  /** What is drawn: the display model, the options as drawn, the domain (src/view/derive.ts). */
  private _view!: DerivedView;
  private _vertical = false;
  private _verticalInput: readonly unknown[] = [];
  /** The axes the headers were last measured for. */
  private _headers?: { rows: DisplayAxis; columns: DisplayAxis };
  /** See GridView.cellEpoch; and the expansion it was made for. */
  private _cellEpoch: { expansion?: Expansion } = {};
  private _summary = '';
  /** Groups the reader opened and runs revealed; forgotten with a new grouping. */
  private _expansion: Expansion = CLOSED;
  /** `values` was set (or requested) since the last update: a large typed array is prescanned first. */
  private _valuesSet = false;
  /** Rows, columns or values were set since the last scheduled update. */
  private _dataSet = false;

  // ---- stateful concerns ------------------------------------------------------------------
  private readonly _colors = new CellColors();
  private readonly _reporter = new ProblemReporter(this, () => this._deriver.colorProblem);
  private readonly _window = new WindowController(this, () => this._tooltip.place());
  private readonly _focus: FocusController = new FocusController(this, {
    model: () => this._view.model,
    pageRows: () => this._zoom.pageRows() ?? this._window.pageRows(),
    toggle: (position) => this._expand(position),
    tooltip: { openBox: () => this._tooltip.openBox(), contains: (node) => this._tooltip.contains(node) },
  });
  /** The text view and the step scores (the views feature), made when it is loaded (here already in full builds, so its controller runs before the tooltip's). */
  private _views?: ViewsLayer = this._createViews();
  // The tooltip is about the hovered token of the text view, else the hovered cell of the grid.
  private readonly _tooltip: TooltipController = new TooltipController(this, () => {
    const cell = this._focus.hoveredCell;
    return this._views?.hoveredElement() ?? (cell && (this._zoom.anchor(cell) ?? this._focus.elementAt(cell.row, cell.column)));
  });
  private readonly _zoom = new ZoomSlot(this, () => {
    const zoom = features.zoom;
    return zoom && new zoom.ZoomController(this, {
      model: () => this._view.model,
      source: () => zoom.overviewSource(this._view.matrix, this._view.model),
      scale: () => ({ ...this._view, shape: zoom.valueShape(this._view.stats.min, this._view.stats.max) }),
      selected: () => (this.selected ? this._view.model.positionOf(this.selected) : null),
      focus: this._focus,
      window: this._window,
      announce: (text) => this._announcer.say(text),
    });
  });
  /** The styles this element adopted (its class's, which grow as features load). */
  private _styledWith: readonly CSSResultOrNative[] = (this.constructor as typeof TokenHeatmap).elementStyles;
  private readonly _features = new FeatureLoader(this, () => neededFeatures(this, this._zoom.wanted), () => this._attach());
  /** Follows the page's theme while `theme` is unset (registered with the element, read by nothing else). */
  protected readonly _pageTheme = new ThemeController(this);
  private readonly _announcer = new Announcer(this);

  private readonly _export = new ExportMenuController(this, (format) => {
    const name = exportFileName(this._view.caption, format);
    if (format === 'csv') return download(this.toCSV(), name, 'text/csv');
    // A failed load is reported by the element's problem line.
    (format === 'svg' ? this.toSVG() : this.toPNG()).then((file) => download(file, name, format === 'svg' ? 'image/svg+xml' : 'image/png'), () => {});
  });

  constructor() {
    super();
    elementCreated();
    // React 19 server rendering leaves a bare tag's data unset at hydration (react#35446).
    new ReactHydrationController(this, () => isNonEmpty(this.rows) || isNonEmpty(this.values));
  }

  /** The figure as shown, as a standalone SVG document (vector cells, or the overview image for a matrix too large to read); loads the figure code first. */
  async toSVG(): Promise<string> {
    await this._features.load(['figure']);
    if (!features.figure) throw new Error(`<token-heatmap>: toSVG: ${this._features.failure('figure')}`);
    const w = this._window;
    const sizes = this.hasUpdated
      ? { rowLabelWidth: w.rowHeaderWidth, headerHeight: w.headerHeight, cellWidth: w.cellSize.width, cellHeight: w.cellSize.height, columnLabelOrientation: this._vertical ? 'vertical' : 'horizontal' }
      : undefined;
    return features.figure.elementSvg(this, this._view, (value) => this._colors.colorFor(value), sizes as FigureSizes | undefined);
  }

  /** The same figure as a PNG image, `scale` device pixels per CSS pixel (2 by default). */
  async toPNG({ scale = 2 }: { scale?: number } = {}): Promise<Blob> {
    const svg = await this.toSVG();
    return features.figure!.svgToPng(svg, scale);
  }

  /** Every cell of the data as tidy CSV: `row_index,column_index,row,column,value`, in your indices, values at full precision. */
  toCSV(): string {
    return matrixCsv(this._view.matrix);
  }

  /** Opens or closes what a header stands for (a group, a run of hidden rows); false when there is nothing. */
  private _expand(position: GridPosition): boolean {
    const next = toggleAt(this._expansion, this._view.model, position);
    if (!next) return false;
    this._expansion = next;
    this.requestUpdate();
    return true;
  }

  // New values: a very large typed array's extremes are found first, in slices, so no task blocks the page for long.
  override requestUpdate(name?: PropertyKey, oldValue?: unknown, options?: PropertyDeclaration): void {
    if (name === 'values') this._valuesSet = true;
    if (name === 'rows' || name === 'columns' || name === 'values') {
      this._dataSet = true;
      // Undefined while the constructor sets the properties' defaults.
      this._deriver?.discard();
    }
    super.requestUpdate(name, oldValue, options);
  }

  // Features the properties need are loaded before the update that draws them (Lit awaits this,
  // so `updateComplete` covers the load, and the first paint already has them), and a large typed
  // array is prescanned. While a feature loads, new data's matrix is built: the page would wait idle.
  protected override scheduleUpdate(): void | Promise<unknown> {
    const loading = this._features.beforeUpdate();
    // Values the overview's Worker will paint start it now, so it loads while they are scanned.
    if (this._valuesSet) this._zoom.prestart(this.values);
    const scanning = this._valuesSet ? prescan(this.values, nextTask) : undefined;
    const dataSet = this._dataSet;
    if (loading && !scanning && dataSet) this._deriver.prepare(this.rows, this.columns, this.values);
    this._valuesSet = this._dataSet = false;
    if (scanning) return Promise.all([loading, scanning]).then(() => this._prepareAhead(dataSet)).then(() => super.scheduleUpdate());
    return loading ? loading.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /**
   * After a large typed array's scan: what its update would do first and needs no layout (the matrix,
   * the overview's colour table), done in the scan's last task, and the update in a task of its own.
   * That update (render, layout, the first picture's job) is the longest task of such a first paint.
   */
  private _prepareAhead(dataSet: boolean): Promise<void> {
    if (dataSet) this._deriver.prepare(this.rows, this.columns, this.values);
    // A caller's interpolator is checked colour by colour in the update: only a named scheme's table here.
    if (this.interpolator == null) this._zoom.prepareColors(drawnScheme(this.scheme));
    return nextTask();
  }

  /** Hands loaded features their part of the element. */
  private _attach(): void {
    this._views ??= this._createViews();
    if (features.zoom) this._zoom.attach();
    // A feature loaded since the element was defined brings styles: every element adopts them when it uses it.
    const element = this.constructor as typeof TokenHeatmap;
    if (featureStyles().some((s) => !element.elementStyles.includes(s))) element.elementStyles = element.finalizeStyles(element.styles);
    this._styledWith = adoptAddedStyles(this, this._styledWith);
  }

  private _createViews(): ViewsLayer | undefined {
    return features.views && new features.views.ViewsLayer(this, {
      model: () => this._view.model,
      toggleSelection: (position) => this._focus.toggle(position),
      clearSelection: () => this.selected !== null && (this._focus.select(null), true),
      expand: (position) => this._expand(position),
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Opened groups and revealed runs belong to one grouping of one matrix.
    if (GROUPING_INPUTS.some((p) => changed.has(p as keyof TokenHeatmap))) this._expansion = CLOSED;
    const source = { value: (name: PropertyName) => this[name], attribute: (name: string) => this.getAttribute(name) };
    const view = (this._view = this._deriver.derive(source, this._expansion, changed.has('rows') || changed.has('columns') || changed.has('values')));
    this._summary = view.model.summary(view.decimals);
    const failed = this._features.problems;
    this._reporter.problems = failed.length ? [...view.problems, ...failed] : view.problems;
    this._announcer.observe(view.matrix, this._summary, view.model, view.selected && view.model.positionOf(view.selected), view.decimals);
    // New data in the same domain keeps the colour memo: a one-value update recolours one cell.
    this._colors.configure(view.domain, view.interpolate);

    const { rows, columns } = view.model;
    this._focus.fit(rows.count, columns.count);
    this._zoom.configure(view.zoom);
    this._window.hidden = this._zoom.mode === 'canvas';
    this._window.setShape(rows.count, columns.count);
    // In `both`, the grid cell under the pointer (or focused) previews its output in the text.
    const hovered = view.view === 'both' ? this._focus.hoveredCell : null;
    const preview = hovered ? view.model.cellIndex(hovered.row, hovered.column).columnIndex : null;
    this._views?.prepare(view, preview);
    // Compared by what the headers show: new values alone (a one-value update) measure nothing again.
    const sameHeaders = !!this._headers && sameEntries(this._headers.rows, rows) && sameEntries(this._headers.columns, columns);
    this._headers = { rows, columns };
    // Only new values, under the same headers, keep every cell's other inputs (see GridView.cellEpoch).
    if (!sameHeaders || this._cellEpoch.expansion !== this._expansion || [...changed.keys()].some((name) => name !== 'values')) this._cellEpoch = { expansion: this._expansion };
    const verticalInput = [view.columnLabelOrientation, this._window.cellSize.width, this._window.fontSize];
    if (!sameHeaders || !sameInputs(verticalInput, this._verticalInput)) {
      this._verticalInput = verticalInput;
      this._window.invalidate();
      this._vertical = columnLabelsVertical(columns, view.columnLabelOrientation, this._window.cellSize.width, this._window.fontSize);
    }
  }

  protected override render(): TemplateResult {
    const view = this._view;
    const { problems, model } = view;
    const focus = this._focus;
    const { rows, columns } = model;
    const grid =
      view.view === 'text'
        ? nothing
        : this._zoom.renderPlot(renderGrid({
            model,
            rowRange: this._window.rows,
            columnRange: this._window.columns,
            active: focus.active,
            hover: focus.hover,
            focusWithin: focus.focusWithin,
            selected: this._view.selected && model.positionOf(this._view.selected),
            colors: this._colors,
            cellEpoch: this._cellEpoch,
            domain: view.domain,
            decimals: this._zoom.decimals(view.decimals),
            vertical: this._vertical,
            crosshair: view.crosshair,
            label: view.label,
            labelledBy: view.caption ? 'caption' : null,
            empty: rows.count * columns.count === 0 && !problems.length,
            summary: this._summary,
            appendix: this._views?.appendix(),
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
          }));
    const text = view.view === 'grid' ? nothing : (this._views?.text(this._colors) ?? nothing);
    const legends = this._views?.legends() ?? nothing;
    return html`
      <div class="figure">
        ${problems.length ? html`<div class="alert" role="alert" part="alert">${problems.map((p) => html`<p>${p}</p>`)}</div>` : nothing}
        <slot name="caption"
          >${view.caption ? html`<div class="caption" part="caption" id="caption" role="heading" aria-level=${view.captionLevel}>${view.caption}</div>` : nothing}</slot
        >
        <div class="body">
          ${view.view === 'grid' && legends === nothing ? grid : html`<div class="views">${grid}${legends}${text}</div>`}
          <slot name="colorbar">${this._renderColorbar()}</slot>
        </div>
      </div>
      ${this._view.noExport ? nothing : this._export.render()}
      ${renderTooltip(this._tooltipContent(), focus.onTooltipLeave)}
      ${this._announcer.render()}
    `;
  }

  /** The tooltip for the hovered token of the text, else the hovered cell of the grid. */
  private _tooltipContent() {
    const cell = this._views?.hoveredPosition ?? this._focus.hoveredCell;
    const extras = { ...this._view, steps: this._views?.stepLines(), compareValuesAt: features.reading?.compareValuesAt };
    return cell && cellTooltip(this._view.model, cell, this._view.domain, extras);
  }

  private _renderColorbar(): TemplateResult {
    const { stats, domain, interpolate, decimals, label, normalize, comparison } = this._view;
    const mode = comparison.mode;
    const compared = mode === 'diff' ? 'A − B' : mode ? `${mode.toUpperCase()} (scale of A and B)` : '';
    return renderColorbar({
      domain,
      interpolate,
      // The shown values' extremes (normalised, specials hidden); none: neither end is passed.
      dataMin: stats.minRow >= 0 ? stats.min : Infinity,
      dataMax: stats.maxRow >= 0 ? stats.max : -Infinity,
      decimals,
      label: [label, compared, normalisationTitle(normalize)].filter(Boolean).join(', '),
      // The text alone has no rows to measure: a bar of a few ticks.
      height: this._view.view === 'text' ? 120 : (this._zoom.barHeight() ?? this._window.barHeight()),
    });
  }


  // Measurement after a render can ask for one more (the right window, the colour bar's ticks):
  // `updateComplete` resolves once the element has settled, so callers see what gets painted.
  protected override async getUpdateComplete(): Promise<boolean> {
    let settled = await super.getUpdateComplete();
    for (let i = 0; !settled && i < 10; i++) settled = await super.getUpdateComplete();
    // …and once the overview's canvas shows the new data (it may be painted in a Worker).
    await this._zoom.painted();
    return settled && !this.isUpdatePending;
  }

  /** Zooms to `level` (default: readable cells, or the current level when larger) centred on a cell in the caller's indices. */
  zoomTo(cell: CellIndex, level?: number): void {
    const position = this._view.model.positionOf(cell);
    if (position) this._zoom.zoomTo(position, level);
    else console.warn(`<token-heatmap>: zoomTo: ${JSON.stringify(cell)} is not a shown cell {"rowIndex", "columnIndex"}; ignored`);
  }

  /** Shows the whole matrix in the element's box. */
  fit(): void {
    this._zoom.fit();
  }
}

/** The properties whose change starts a new grouping: opened groups and revealed runs are forgotten. */
const GROUPING_INPUTS = ['rows', 'columns', 'values', 'groupRows', 'groupColumns', 'rowGroups', 'columnGroups', 'hideSpecial'] as const;
