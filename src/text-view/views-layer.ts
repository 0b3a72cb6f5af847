import { nothing, type TemplateResult } from 'lit';
import type { CellColors } from '../grid/cell-colors.js';
import type { GridAppendix } from '../grid/render-grid.js';
import { renderStepLegends, stepAppendix, stepScoresAt, StepColors, type StepView } from '../step-scores/render-step-scores.js';
import type { DerivedView } from '../view/derive.js';
import { renderTextView } from './render-text-view.js';
import { TextViewController, type TextViewSources } from './text-view-controller.js';

type Host = ConstructorParameters<typeof TextViewController>[0];

/**
 * The element's text view and step scores (the views feature): the text view's controller, the step
 * scores' colours, and the parts they add to a render (the text, the rows under the grid, their legends,
 * the tooltip's lines).
 */
export class ViewsLayer {
  private readonly _text: TextViewController;
  private readonly _stepColors = new StepColors();
  private _view?: DerivedView;
  private _steps?: StepView;

  constructor(host: Host, sources: TextViewSources) {
    this._text = new TextViewController(host, sources);
  }

  /** For willUpdate: the view as drawn, and the caller column under the pointer in the grid (previewed in the text), or null. */
  prepare(view: DerivedView, preview: number | null): void {
    this._view = view;
    this._steps = { series: view.steps, model: view.model, colors: this._stepColors, decimals: view.decimals };
    // The grid alone draws no text: its plan (a pass over every token) waits until the text is shown.
    if (view.view !== 'grid') this._text.prepare(view.model, view.selected, preview, view.targetRows, view.matrix.rowCount);
  }

  /** The step-score rows under the grid, if any. */
  appendix(): GridAppendix | undefined {
    return this._steps && stepAppendix(this._steps);
  }

  /** The step scores' legends beside the plot. */
  legends(): TemplateResult | typeof nothing {
    return this._view ? renderStepLegends(this._view.steps, this._view.decimals) : nothing;
  }

  /** The text view (`view="text"` or `"both"`). */
  text(colors: CellColors): TemplateResult | typeof nothing {
    const v = this._view;
    if (!v || !this._steps) return nothing;
    const { model, selected, interpolate, domain, decimals, label } = v;
    return renderTextView(this._text.view({ model, selected, colors, interpolate, domain, decimals, label, steps: this._steps }));
  }

  /** The hovered token's element and display position (the tooltip's subject before the grid's cell). */
  hoveredElement(): Element | null {
    return this._textShown() ? this._text.hoveredElement() : null;
  }

  get hoveredPosition() {
    return this._textShown() ? this._text.hoveredPosition : null;
  }

  /** An output's step scores as the tooltip lists them; undefined without step scores. */
  stepLines(): ((output: number) => { name: string; text: string }[]) | undefined {
    const v = this._view;
    return v && v.steps.length ? (output) => stepScoresAt(v.steps, v.model.outputs, output) : undefined;
  }

  /** Whether the text is drawn: without it, its plan and hovered token are not kept up to date. */
  private _textShown(): boolean {
    return !!this._view && this._view.view !== 'grid';
  }
}
