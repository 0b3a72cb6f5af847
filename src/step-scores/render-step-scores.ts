import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { gradientStops } from '../colorbar.js';
import { cssText } from '../css-text.js';
import { formatExact, formatTick, formatValue } from '../format.js';
import { CellColors } from '../grid/cell-colors.js';
import type { AppendixContext, GridAppendix } from '../grid/render-grid.js';
import { renderLabel } from '../grid/render-label.js';
import type { DisplayAxis, DisplayModel } from '../view/display-model.js';
import type { Placement } from '../viewport.js';
import { outputName } from '../text-view/text-plan.js';
import { stepValue, type StepSeries } from './step-scores.js';

/** Each series' cell colours on its own scale, memoised per series (a new reading makes new series). */
export class StepColors {
  private readonly _colors = new WeakMap<StepSeries, CellColors>();

  /** The background and text colour of a series' value. */
  colorFor(series: StepSeries, value: number): readonly [string, string] {
    let colors = this._colors.get(series);
    if (!colors) {
      colors = new CellColors();
      colors.configure(series.domain, series.interpolate);
      this._colors.set(series, colors);
    }
    return colors.colorFor(value);
  }
}

/** What the step-score templates read. */
export interface StepView {
  readonly series: readonly StepSeries[];
  readonly model: DisplayModel;
  readonly colors: StepColors;
  readonly decimals: number;
}

/** A series' value for an output entry (a run has none). */
export function stepValueAt(series: StepSeries, outputs: DisplayAxis, output: number): number | null {
  return outputs.kind(output) === 'run' ? null : stepValue(series, outputs.range(output));
}

/** Every series' value for an output entry, printed exactly, for the tooltip. */
export function stepScoresAt(series: readonly StepSeries[], outputs: DisplayAxis, output: number): { name: string; text: string }[] {
  return series.map((s) => {
    const value = stepValueAt(s, outputs, output);
    return { name: s.name, text: value === null ? 'no value' : formatExact(value) };
  });
}

// Line -2 ends the last explicit track: series i of n sits n - i tracks from the end.
const trackFromEnd = (i: number, n: number) => -(n - i) - 1;
// Stacked against the far edge: the last series at the edge, each earlier one a cell further in.
const stackOffset = (i: number, n: number, size: string) => `calc(var(${size}) * ${n - 1 - i})`;

function stepCell(v: StepView, s: StepSeries, output: number, colindex: number, placement: string, offset: string): TemplateResult {
  const { outputs } = v.model;
  const value = stepValueAt(s, outputs, output);
  const about = `for output '${outputName(outputs, output)}'`;
  if (value === null)
    return html`<div role="gridcell" class="cell step-cell missing" part="step-score step-score-missing" aria-colindex=${colindex} aria-label="${s.name}, no value ${about}" style=${cssText(placement + offset)}></div>`;
  const [background, color] = v.colors.colorFor(s, value);
  const text = formatValue(value, v.decimals);
  return html`<div
    role="gridcell"
    class="cell step-cell"
    part="step-score"
    aria-colindex=${colindex}
    aria-label="${s.name} ${text} ${about}"
    style=${cssText(`${placement}${offset}background-color:${background};color:${color};`)}
  >${text}</div>`;
}

/**
 * The step scores as the grid's appendix: one row per series under the rows, held at the bottom of
 * the scroller, or, transposed, one column per series after the columns, held at its right edge.
 * Only the rendered (windowed) outputs get cells, each on its output's own grid line.
 */
export function stepAppendix(v: StepView): GridAppendix | undefined {
  const n = v.series.length;
  if (!n) return undefined;
  const { rows, columns } = v.model;
  const transposed = v.model.rows === v.model.outputs;
  if (!transposed) {
    return {
      rows: n,
      columns: 0,
      header: () => nothing,
      rowEnd: () => nothing,
      footer: ({ renderedColumns, columnPlace }: AppendixContext) =>
        v.series.map((s, i) => {
          const line = trackFromEnd(i, n);
          const bottom = `bottom:${stackOffset(i, n, '--token-heatmap-cell-height')};`;
          return html`<div role="row" class="row" part="step-scores" aria-rowindex=${rows.count + 2 + i} aria-label=${s.name}>
            <div role="rowheader" class="header row-label step-label ${i ? '' : 'first'}" part="step-score-label" aria-colindex="1" title=${s.name} style=${cssText(`grid-area:${line}/1;${bottom}`)}>
              ${renderLabel(s.name)}
            </div>
            ${repeat(renderedColumns, (c) => c, (c) => {
              const place = columnPlace(c);
              const at = `grid-area:${line}/${place.line};${place.offset ? `margin-left:calc(var(--token-heatmap-cell-width)*${place.offset});` : ''}`;
              return stepCell(v, s, c, c + 2, at, bottom);
            })}
          </div>`;
        }),
    };
  }
  return {
    rows: 0,
    columns: n,
    header: () =>
      v.series.map((s, i) => {
        const right = `right:${stackOffset(i, n, '--token-heatmap-cell-width')};`;
        return html`<div role="columnheader" class="header column-label step-label ${i ? '' : 'first'}" part="step-score-label" aria-colindex=${columns.count + 2 + i} title=${s.name} style=${cssText(`grid-area:1/${trackFromEnd(i, n)};${right}`)}>
          ${renderLabel(s.name)}
        </div>`;
      }),
    rowEnd: (row: number, place: Placement) =>
      v.series.map((s, i) => {
        const at = `grid-area:${place.line}/${trackFromEnd(i, n)};${place.offset ? `margin-top:calc(var(--token-heatmap-cell-height)*${place.offset});` : ''}`;
        return stepCell(v, s, row, columns.count + 2 + i, at, `right:${stackOffset(i, n, '--token-heatmap-cell-width')};`);
      }),
    footer: () => nothing,
  };
}

/** One small legend per series: its name, its scale's ends and the ramp between them. */
export function renderStepLegends(series: readonly StepSeries[], decimals: number): TemplateResult | typeof nothing {
  if (!series.length) return nothing;
  return html`<div class="step-legends" part="step-scores-legend">
    ${series.map((s) => {
      const { min, max } = s.domain;
      const low = formatTick(min, decimals);
      const high = formatTick(max, decimals);
      return html`<div class="step-legend" role="img" aria-label="${s.name}: colour scale (${s.scheme}) from ${low} to ${high}">
        <span class="step-legend-name">${s.name}</span>
        <span class="step-legend-end">${low}</span>
        <span class="step-legend-ramp" style=${cssText(`background:linear-gradient(to right,${gradientStops(s.domain, s.interpolate).join(',')})`)}></span>
        <span class="step-legend-end">${high}</span>
      </div>`;
    })}
  </div>`;
}

/** Every series' value for one output as small coloured chips (the text view, under its target). */
export function renderStepChips(v: StepView, output: number): TemplateResult | typeof nothing {
  if (!v.series.length || output < 0) return nothing;
  return html`<span class="step-chips" part="text-step-scores">
    ${v.series.map((s) => {
      const value = stepValueAt(s, v.model.outputs, output);
      if (value === null) return html`<span class="step-chip missing">${s.name} –</span>`;
      const [background, color] = v.colors.colorFor(s, value);
      return html`<span class="step-chip" style=${cssText(`background-color:${background};color:${color}`)}>${s.name} ${formatValue(value, v.decimals)}</span>`;
    })}
  </span>`;
}
