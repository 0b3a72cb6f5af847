// The reading pipeline: the caller's data → group rows → group columns → normalise → focus → the
// display model. Each step is a pure function of its inputs, memoised on them (by identity), linear in
// cells, reading typed arrays in place. A matrix shown as it is needs only this file: the steps that
// group, normalise, focus and compare are the reading feature (src/features/reading.ts), and the
// step scores' reader the views feature, passed in once loaded (the element loads them first).
import type { Matrix } from '../data.js';
import type { readStepScores, StepScores } from '../step-scores/step-scores.js';
import type { runningTexts } from './running-text.js';
import type { compareStep, CompareMode, Comparison } from './compare.js';
import type { groupValues } from './aggregate.js';
import type { Aggregate, CellSource } from './cells.js';
import { displayModel, type DisplayModel } from './display-model.js';
import type { Expansion } from './expansion.js';
import type { focusRows, rowScores } from './focus.js';
import type { groupAxis, AxisGroups } from './group-axis.js';
import type { GroupBy } from './grouping.js';
import type { normalisation } from './normalise.js';
import { IDENTITY, type Normaliser, type Normalize } from './normaliser.js';
import { groupOf, identitySegmentation } from './segmentation.js';
import { pieceText, tokenizerFamily } from './pieces.js';
import { features } from '../features/registry.js';

/** The steps beyond showing the caller's matrix as it is: the reading feature's, and the views feature's step-score reader. */
export interface PipelineSteps {
  readonly groupAxis?: typeof groupAxis;
  readonly groupValues?: typeof groupValues;
  readonly normalisation?: typeof normalisation;
  readonly rowScores?: typeof rowScores;
  readonly focusRows?: typeof focusRows;
  readonly compareStep?: typeof compareStep;
  readonly readStepScores?: typeof readStepScores;
  readonly runningTexts?: typeof runningTexts;
}

/** The loaded features' steps. */
const loadedSteps = (): PipelineSteps => ({ ...features.reading, readStepScores: features.views?.readStepScores, runningTexts: features.views?.runningTexts });

const NO_STEPS: StepScores = { series: [], problems: [] };

/** An axis shown as given: one group a token, labels as the tokenizer's pieces read. */
function plainAxis(labels: readonly string[], tokens: boolean): AxisGroups {
  const family = tokenizerFamily(labels);
  const texts = labels.map((label) => pieceText(label, family));
  return { plan: { labels, family, segmentation: identitySegmentation(labels.length), grouped: false, unit: tokens ? 'token' : 'output', texts } };
}

/** The options of the pipeline, as the element resolved them. */
export interface ReadingOptions extends Expansion {
  readonly groupRows: GroupBy;
  readonly groupColumns: GroupBy;
  /** The caller's own segmentations (`rowGroups` / `columnGroups`), unchecked. */
  readonly rowGroups: unknown;
  readonly columnGroups: unknown;
  readonly aggregate: Aggregate;
  readonly normalize: Normalize;
  readonly topK?: number;
  readonly threshold?: number;
  readonly hideSpecial: boolean;
  readonly transpose: boolean;
  /** The selected cell in the caller's indices: top-k ranks rows in its column, and its row stays visible. */
  readonly selected: { readonly rowIndex: number; readonly columnIndex: number } | null;
  /** A second attribution B (`compare`), unchecked, and what to show of A and B. */
  readonly compare?: unknown;
  readonly compareMode?: CompareMode;
  /** The caller's step scores (`stepScores`), unchecked. */
  readonly stepScores?: unknown;
}

/** Extremes of the shown values, with their group indices. */
export interface ShownStats {
  min: number;
  max: number;
  minRow: number;
  minColumn: number;
  maxRow: number;
  maxColumn: number;
}

/** The extremes of what is shown: normalised values, hidden specials left out. One pass. */
export function shownStats(values: CellSource, normaliser: Normaliser, rowsShown?: Uint8Array, columnsShown?: Uint8Array): ShownStats {
  const stats: ShownStats = { min: Infinity, max: -Infinity, minRow: -1, minColumn: -1, maxRow: -1, maxColumn: -1 };
  const normalise = normaliser.mode !== 'none';
  const { rowCount, columnCount } = values;
  const flat = values.flat && values.flat.length >= rowCount * columnCount ? values.flat : undefined;
  for (let r = 0; r < rowCount; r++) {
    if (rowsShown && !rowsShown[r]) continue;
    for (let c = 0; c < columnCount; c++) {
      if (columnsShown && !columnsShown[c]) continue;
      let v = flat ? flat[r * columnCount + c] : values.at(r, c);
      if (!(v > -Infinity && v < Infinity)) continue;
      if (normalise) v = normaliser.apply(v, r, c);
      if (v < stats.min) {
        stats.min = v;
        stats.minRow = r;
        stats.minColumn = c;
      }
      if (v > stats.max) {
        stats.max = v;
        stats.maxRow = r;
        stats.maxColumn = c;
      }
    }
  }
  return stats;
}

/** The extremes of two sets of stats together. */
function widest(a: ShownStats, b: ShownStats): ShownStats {
  const low = b.minRow >= 0 && (a.minRow < 0 || b.min < a.min) ? b : a;
  const high = b.maxRow >= 0 && (a.maxRow < 0 || b.max > a.max) ? b : a;
  return { min: low.min, minRow: low.minRow, minColumn: low.minColumn, max: high.max, maxRow: high.maxRow, maxColumn: high.maxColumn };
}

/** Remembers one result per step and recomputes it only when an input changed (by identity). */
class Memo<T> {
  private _inputs: readonly unknown[] | null = null;
  private _value?: T;
  get(inputs: readonly unknown[], compute: () => T): T {
    const last = this._inputs;
    if (!last || last.length !== inputs.length || inputs.some((x, i) => !Object.is(x, last[i]))) {
      this._value = compute();
      this._inputs = inputs;
    }
    return this._value!;
  }
}

/** The pipeline's result: the display model, the shown values' extremes and any problems with the options. */
export interface Reading {
  readonly model: DisplayModel;
  readonly stats: ShownStats;
  /** The extremes the colour domain covers: the shown values', and when A or B is shown, the other's too. */
  readonly domainStats: ShownStats;
  /** What is compared and shown (A alone when there is no `compare`). */
  readonly comparison: Comparison;
  readonly steps: StepScores;
  /** How groups' pieces were aggregated (for values read over a cell's pieces, such as A and B). */
  readonly aggregate: Aggregate;
  readonly normalize: Normalize;
  readonly problems: readonly string[];
}

/** Runs the reading pipeline, step by step, redoing only the steps whose inputs changed. */
export class ReadingPipeline {
  constructor(private readonly _loaded: () => PipelineSteps = loadedSteps) {}

  private readonly _comparison = new Memo<Comparison>();
  private readonly _otherStats = new Memo<ShownStats | null>();
  private readonly _steps = new Memo<StepScores>();
  private readonly _rows = new Memo<AxisGroups>();
  private readonly _columns = new Memo<AxisGroups>();
  private readonly _values = new Memo<CellSource>();
  private readonly _normaliser = new Memo<Normaliser>();
  private readonly _stats = new Memo<ShownStats>();
  private readonly _visible = new Memo<Uint8Array | undefined>();
  private readonly _model = new Memo<DisplayModel>();

  read(given: Matrix, o: ReadingOptions): Reading {
    const steps = this._loaded();
    // Without the reading feature (it failed to load), the matrix is shown as it is.
    const comparison = this._comparison.get([given, o.compare, o.compareMode, steps.compareStep], () =>
      steps.compareStep ? steps.compareStep(given, o.compare, o.compareMode ?? 'diff') : { shown: given, a: given, mode: null },
    );
    // From here on the pipeline reads what is shown: A, B or A − B, with A's labels.
    const matrix = comparison.shown;
    const stepScores = this._steps.get([o.stepScores, matrix.columnCount, steps.readStepScores], () => steps.readStepScores?.(o.stepScores, matrix.columnCount) ?? NO_STEPS);
    const axis = (labels: readonly string[], by: GroupBy, explicit: unknown, name: string, tokens: boolean) =>
      steps.groupAxis && (by !== 'tokens' || (explicit !== null && explicit !== undefined) || o.hideSpecial)
        ? steps.groupAxis(labels, by, explicit, name, o.hideSpecial, tokens)
        : plainAxis(labels, tokens);
    const rows = this._rows.get([matrix.rowLabels, o.groupRows, o.rowGroups, o.hideSpecial, steps.groupAxis], () => axis(matrix.rowLabels, o.groupRows, o.rowGroups, 'rowGroups', true));
    const columns = this._columns.get([matrix.columnLabels, o.groupColumns, o.columnGroups, o.hideSpecial, steps.groupAxis], () =>
      axis(matrix.columnLabels, o.groupColumns, o.columnGroups, 'columnGroups', false),
    );
    const rowSeg = rows.plan.segmentation;
    const columnSeg = columns.plan.segmentation;
    const values = this._values.get([matrix, rowSeg, columnSeg, o.aggregate, rows.pieces, columns.pieces], () =>
      steps.groupValues ? steps.groupValues(matrix, rowSeg, columnSeg, o.aggregate, { rows: rows.pieces, columns: columns.pieces }) : matrix,
    );
    const rowsShown = rows.plan.shown;
    const columnsShown = columns.plan.shown;
    const normaliser = this._normaliser.get([values, o.normalize, rowsShown, columnsShown, steps.normalisation], () =>
      steps.normalisation ? steps.normalisation(values, o.normalize, { rows: rowsShown, columns: columnsShown }) : IDENTITY,
    );
    const stats = this._stats.get([values, normaliser, rowsShown, columnsShown], () => {
      // The matrix found its extremes while validating: nothing grouped, normalised or hidden reuses them.
      if (values !== matrix || normaliser.mode !== 'none' || rowsShown || columnsShown) return shownStats(values, normaliser, rowsShown, columnsShown);
      const { min, max, minIndex, maxIndex } = matrix.stats;
      const width = matrix.columnCount;
      const at = (i: number) => (i < 0 ? [-1, -1] : [Math.floor(i / width), i % width]);
      const [minRow, minColumn] = at(minIndex);
      const [maxRow, maxColumn] = at(maxIndex);
      return { min, max, minRow, minColumn, maxRow, maxColumn };
    });

    // A or B shown: the other, grouped and normalised alike, widens the domain so switching keeps every colour.
    const otherStats = this._otherStats.get([comparison.other, rowSeg, columnSeg, o.aggregate, rows.pieces, columns.pieces, o.normalize, rowsShown, columnsShown], () => {
      // A comparison comes from the reading feature, so its steps are there.
      if (!comparison.other || !steps.groupValues || !steps.normalisation) return null;
      const other = steps.groupValues(comparison.other, rowSeg, columnSeg, o.aggregate, { rows: rows.pieces, columns: columns.pieces });
      return shownStats(other, steps.normalisation(other, o.normalize, { rows: rowsShown, columns: columnsShown }), rowsShown, columnsShown);
    });
    const domainStats = otherStats ? widest(stats, otherStats) : stats;

    const { rowScores, focusRows } = steps;
    const focusing = (o.topK !== undefined || o.threshold !== undefined) && !!rowScores && !!focusRows;
    const selectedColumn = focusing && o.selected ? groupOf(columnSeg, o.selected.columnIndex) : -1;
    const selectedRow = focusing && o.selected ? groupOf(rowSeg, o.selected.rowIndex) : -1;
    const visible = this._visible.get([values, normaliser, o.topK, o.threshold, selectedColumn, selectedRow, rowsShown, columnsShown, o.revealedRows], () => {
      if (!focusing || !rowScores || !focusRows) return undefined;
      // Per-row normalisation makes every row's largest value 1: rank rows by their raw values then.
      const scores = rowScores(values, {
        column: selectedColumn >= 0 ? selectedColumn : undefined,
        includeColumns: columnsShown,
        normaliser: normaliser.mode === 'row' ? undefined : normaliser,
      });
      const shown = focusRows(scores, { topK: o.topK, threshold: o.threshold, include: rowsShown });
      // The selected row stays, as do rows the reader opened from a run.
      if (selectedRow >= 0) shown[selectedRow] = 1;
      for (const g of o.revealedRows) if (g < shown.length) shown[g] = 1;
      return shown;
    });
    const model = this._model.get([matrix, rows, columns, values, normaliser, stats, visible, o.openRows, o.openColumns, o.aggregate, o.transpose, steps.runningTexts], () =>
      displayModel({
        matrix,
        tokens: { ...rows.plan, visible, open: o.openRows },
        outputs: { ...columns.plan, open: o.openColumns },
        values,
        normaliser,
        aggregate: o.aggregate,
        stats,
        transpose: o.transpose,
        runningTexts: steps.runningTexts,
      }),
    );
    const problems = [comparison.problem, ...stepScores.problems, rows.problem, columns.problem].filter((p): p is string => !!p);
    return { model, stats, domainStats, comparison, steps: stepScores, aggregate: o.aggregate, normalize: normaliser.mode, problems };
  }
}
