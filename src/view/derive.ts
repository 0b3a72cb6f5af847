// Everything the element draws, derived from its properties: the matrix, the options as drawn (an
// invalid one replaced by its default and reported), the reading pipeline's display model, the colour
// domain and interpolator. The element's willUpdate and the server-side figure (src/export/figure.ts)
// both call it, so the two cannot draw different things from the same properties.
import { InterpolatorChoice } from '../interpolator-choice.js';
import { buildMatrix, type Matrix } from '../data.js';
import type { CellIndex } from '../events.js';
import { propertySpec, resolveOption, type PropertyName } from '../properties.js';
import { resolveDomain, type Domain } from '../scale.js';
import type { Interpolator } from '../schemes.js';
import { shown } from '../shown.js';
import type { DisplayModel } from './display-model.js';
import type { Expansion } from './expansion.js';
import type { StepSeries } from '../step-scores/step-scores.js';
import type { Aggregate } from './aggregate.js';
import type { Comparison, CompareMode } from './compare.js';
import type { Normalize } from './normalise.js';
import { ReadingPipeline, type ShownStats } from './pipeline.js';

/** How the deriver reads a property: its value, and the attribute text it came from (for messages). */
export interface PropertySource {
  value(name: PropertyName): unknown;
  /** The attribute as written, or null. */
  attribute(name: string): string | null;
}

/** The view as drawn. */
export interface DerivedView {
  readonly matrix: Matrix;
  readonly model: DisplayModel;
  /** Extremes of the shown values (normalised, hidden specials left out). */
  readonly stats: ShownStats;
  readonly normalize: Normalize;
  readonly domain: Domain;
  readonly interpolate: Interpolator;
  readonly decimals: number;
  readonly label: string;
  readonly caption: string;
  /** The caption's heading level, 1–6. */
  readonly captionLevel: number;
  readonly crosshair: 'labels' | 'band';
  readonly columnLabelOrientation: 'auto' | 'horizontal' | 'vertical';
  readonly theme?: 'light' | 'dark';
  /** Whether the export menu is hidden (`no-export`). */
  readonly noExport: boolean;
  /** The grid, the text, or both. */
  readonly view: 'grid' | 'text' | 'both';
  /** The last rows that are the generated tokens (0: none). */
  readonly targetRows: number;
  /** What is compared and shown: A alone without `compare`, else A − B, A or B. */
  readonly comparison: Comparison;
  /** The step scores as read, each on its own scale. */
  readonly steps: readonly StepSeries[];
  /** How a group's pieces became one value. */
  readonly aggregate: Aggregate;
  /** The selection as drawn: a plain copy of a valid `selected`, else null. */
  readonly selected: CellIndex | null;
  /** `auto`, `fit` or a zoom level (1 = readable cells). */
  readonly zoom: 'auto' | 'fit' | number;
  /** One sentence per problem with the input, each naming its attribute. */
  readonly problems: readonly string[];
}

/** Derives the view from properties; keeps the matrix and the pipeline's steps while their inputs stay the same. */
export class ViewDeriver {
  private _matrix: Matrix = buildMatrix([], [], []);
  private _matrixInput: readonly unknown[] = [];
  /** The matrix was built ahead (prepare) for the next derive: the data set since then is in it. */
  private _prepared = false;
  private readonly _pipeline = new ReadingPipeline();
  private readonly _colors = new InterpolatorChoice();

  /** The interpolator's problem, including colours it got wrong while the last view was drawn (reported with the next). */
  get colorProblem(): string | undefined {
    return this._colors.problem;
  }

  /**
   * Builds the matrix of the data now, for the next derive: the element calls it while a feature it
   * needs loads, when the page would otherwise wait idle. Setting the data again before that derive
   * (`discard`) makes it build afresh.
   */
  prepare(rows: unknown, columns: unknown, values: unknown): void {
    this._matrixInput = [rows, columns, values];
    this._matrix = buildMatrix(rows, columns, values);
    this._prepared = true;
  }

  /** The data was set again: a matrix built ahead of it no longer stands for it. */
  discard(): void {
    this._prepared = false;
  }

  /** `dataChanged`: the data was set again (also with the same arrays, as `requestUpdate('values')` says). */
  derive(source: PropertySource, expansion: Expansion, dataChanged = false): DerivedView {
    const problems: string[] = [];
    const dataInput = [source.value('rows'), source.value('columns'), source.value('values')];
    if ((dataChanged && !this._prepared) || !sameInputs(dataInput, this._matrixInput)) {
      this._matrixInput = dataInput;
      this._matrix = buildMatrix(dataInput[0], dataInput[1], dataInput[2]);
    }
    this._prepared = false;
    const matrix = this._matrix;
    problems.push(...matrix.problems);
    const option = <T>(name: PropertyName) => readOption(source, name, problems) as T;
    const decimals = option<number>('decimals');
    const label = option<string>('label');
    const caption = option<string>('caption');
    const captionLevel = option<number>('captionLevel');
    const crosshair = option<'labels' | 'band'>('crosshair');
    const theme = option<'light' | 'dark' | undefined>('theme');
    const columnLabelOrientation = option<'auto' | 'horizontal' | 'vertical'>('columnLabelOrientation');
    const zoom = option<'auto' | 'fit' | number>('zoom');
    const center = option<number>('center');
    const noExport = option<boolean>('noExport');
    const view = option<'grid' | 'text' | 'both'>('view');
    const targetRows = option<number>('targetRows');
    // The caller's function is checked colour by colour (cssColor): nothing else reaches a style.
    const scheme = this._colors.pick(option('scheme'), source.value('interpolator'));
    if (scheme.problem) problems.push(scheme.problem);

    // A selection outside the data is reported below, with the data's shape in mind.
    const selectedSpec = propertySpec('selected')!;
    const selectedValue = source.value('selected');
    const selectedResult = resolveOption(selectedSpec, selectedValue);
    const selected = (selectedResult.problem ? null : selectedResult.value) as CellIndex | null;
    const reading = this._pipeline.read(matrix, {
      groupRows: option('groupRows'),
      groupColumns: option('groupColumns'),
      rowGroups: source.value('rowGroups'),
      columnGroups: source.value('columnGroups'),
      aggregate: option('aggregate'),
      normalize: option('normalization'),
      topK: option('topK'),
      threshold: option('threshold'),
      hideSpecial: option('hideSpecial'),
      transpose: option('transpose'),
      selected,
      compare: source.value('compare'),
      compareMode: option<CompareMode>('compareMode'),
      stepScores: source.value('stepScores'),
      ...expansion,
    });
    problems.push(...reading.problems);

    const { stats, domainStats } = reading;
    // A difference diverges about 0, whatever the attributions' own centre; when A or B is shown,
    // the domain covers both, so switching between them keeps every colour.
    const drawnCenter = reading.comparison.mode === 'diff' ? 0 : center;
    const deviation = domainStats.maxRow < 0 ? 0 : Math.max(Math.abs(domainStats.max - drawnCenter), Math.abs(domainStats.min - drawnCenter));
    const domain = resolveDomain({ min: option('min'), max: option('max'), center: drawnCenter }, deviation);
    problems.push(...domain.problems);

    // Not a cell (or one that cannot be read, or invalid JSON): resolveOption's sentence says which.
    if (selectedResult.problem) problems.push(selectedResult.problem);
    else if (selected && (selected.rowIndex >= matrix.rowCount || selected.columnIndex >= matrix.columnCount))
      problems.push(`selected: ${shown(selected)} is not {"rowIndex", "columnIndex"} inside the data; ignored`);
    return {
      matrix,
      model: reading.model,
      stats,
      normalize: reading.normalize,
      domain: domain.domain,
      interpolate: scheme.interpolate,
      decimals,
      label,
      caption,
      captionLevel,
      crosshair,
      columnLabelOrientation,
      theme,
      noExport,
      view,
      targetRows,
      comparison: reading.comparison,
      steps: reading.steps.series,
      aggregate: reading.aggregate,
      selected: selected && selected.rowIndex < matrix.rowCount && selected.columnIndex < matrix.columnCount ? selected : null,
      zoom,
      problems,
    };
  }
}

/** An option's value as drawn; an invalid one is reported and replaced by its default. */
function readOption(source: PropertySource, name: PropertyName, problems: string[]): unknown {
  const spec = propertySpec(name)!;
  const value = source.value(name);
  // A number attribute that is not a number arrives as NaN: quote what the author wrote instead.
  const written = Number.isNaN(value) && spec.attribute ? source.attribute(spec.attribute) : null;
  const result = resolveOption(spec, value, written);
  if (result.problem) problems.push(result.problem);
  return result.problem ? spec.default : result.value;
}

/** Whether two lists hold the same values, by identity. */
export function sameInputs(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}
