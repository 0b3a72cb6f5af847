import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatExact, formatTick } from './format.js';
import type { GridPosition } from './navigation.js';
import { placeTooltip } from './placement.js';
import { clampSide, type Domain } from './scale.js';
import { renderLabel } from './grid/render-label.js';
import type { DisplayAxis, DisplayModel } from './view/display-model.js';
import { compareValuesAt } from './view/compare.js';
import type { Reading } from './view/pipeline.js';
import { stepScoresAt } from './step-scores/render-step-scores.js';

/** What the tooltip says about one label of the hovered cell. */
export interface TooltipLabel {
  /** "Token" or "Output": what the axis shows. */
  readonly name: string;
  /** The label as shown (a group's text). */
  readonly text: string;
  /** The caller's tokens behind it, exactly as given. */
  readonly pieces: readonly string[];
  /** What a group is called (word, sentence, …). */
  readonly unit: string;
}

/** What the tooltip says about the hovered cell. */
export interface TooltipContent {
  readonly row: TooltipLabel;
  readonly column: TooltipLabel;
  readonly value: number | null;
  /** The value before normalisation, when normalisation is on. */
  readonly rawValue?: number | null;
  /** The domain end a clamped value is drawn at, as printed; absent when not clamped. */
  readonly clampedTo?: string;
  /** With `compare`: A, B and A − B at this cell, and which of them is shown. */
  readonly compare?: { readonly a: number | null; readonly b: number | null; readonly difference: number | null; readonly shown: 'a' | 'b' | 'diff' };
  /** The column's step scores, printed exactly. */
  readonly steps?: readonly { readonly name: string; readonly text: string }[];
}

function describeLabel(axis: DisplayAxis, index: number): TooltipLabel {
  return { name: axis.tokens ? 'Token' : 'Output', text: axis.label(index), pieces: axis.pieces(index), unit: axis.unit };
}

/** The tooltip's content for a display cell. */
export function tooltipContent(model: DisplayModel, cell: GridPosition, domain: Domain): TooltipContent {
  const value = model.value(cell.row, cell.column);
  const side = value === null ? 0 : clampSide(value, domain);
  return {
    row: describeLabel(model.rows, cell.row),
    column: describeLabel(model.columns, cell.column),
    value,
    rawValue: model.normalised ? model.rawValue(cell.row, cell.column) : undefined,
    clampedTo: side ? formatTick(side > 0 ? domain.max : domain.min, 20) : undefined,
  };
}

/** The tooltip's content for a display cell of a reading: also A, B and A − B when compared, and the output's step scores. */
export function cellTooltip(reading: Reading, cell: GridPosition, domain: Domain): TooltipContent {
  const { model, comparison, steps } = reading;
  const ranges = model.ranges(cell.row, cell.column);
  const values = ranges && comparison.mode ? compareValuesAt(comparison, ranges.rows, ranges.columns, reading.aggregate) : null;
  const output = model.rows === model.outputs ? cell.row : cell.column;
  return {
    ...tooltipContent(model, cell, domain),
    compare: values ? { ...values, shown: comparison.mode! } : undefined,
    steps: steps.series.length ? stepScoresAt(steps.series, model.outputs, output) : undefined,
  };
}

const exact = (value: number | null | undefined) => (value === null || value === undefined ? 'no value' : formatExact(value));

/** A label and, quoted exactly, the token or the group's pieces behind it. */
function renderTooltipLabel({ text, pieces, unit }: TooltipLabel): TemplateResult {
  const raw =
    pieces.length > 1
      ? `${unit}, ${pieces.length} tokens: ${pieces.map((p) => JSON.stringify(p)).join(' ')}`
      : JSON.stringify(pieces[0] ?? text);
  return html`${renderLabel(text)} <span class="raw">${raw}</span>`;
}

/** The tooltip: a manual popover in the top layer, hidden from assistive technology (cells carry the same text). */
export function renderTooltip(content: TooltipContent | null): TemplateResult {
  if (!content) return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true"></div>`;
  const { row, column, value, rawValue, clampedTo, compare, steps } = content;
  const compared = (name: string, v: number | null, key: 'a' | 'b' | 'diff') =>
    html`<dt>${name}</dt>
      <dd class="compare-${key} ${compare!.shown === key ? 'shown' : ''}">${exact(v)}</dd>`;
  return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true">
    <dl>
      <dt>${row.name}</dt>
      <dd>${renderTooltipLabel(row)}</dd>
      <dt>${column.name}</dt>
      <dd>${renderTooltipLabel(column)}</dd>
      ${compare
        ? html`${compared('A', compare.a, 'a')}${compared('B', compare.b, 'b')}${compared('A − B', compare.difference, 'diff')}`
        : nothing}
      ${!compare || rawValue !== undefined
        ? html`<dt>${rawValue === undefined ? 'Value' : 'Normalised'}</dt>
            <dd class="value">${exact(value)}</dd>`
        : nothing}
      ${rawValue !== undefined ? html`<dt>Raw value</dt><dd class="raw-value">${exact(rawValue)}</dd>` : nothing}
      ${clampedTo !== undefined
        ? html`<dt>Colour</dt>
            <dd class="clamped">clamped to ${clampedTo}</dd>`
        : nothing}
      ${(steps ?? []).map((s) => html`<dt>${s.name}</dt><dd class="step">${s.text}</dd>`)}
    </dl>
  </div>`;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Shows the tooltip beside its anchor (the hovered or focused cell) after each render, keeps it
 * inside the viewport without covering the cell, and hides it when there is no anchor.
 */
export class TooltipController implements ReactiveController {
  private _open = false;

  constructor(
    private readonly _host: Host,
    /** The element the tooltip is about, or null when it should be hidden. */
    private readonly _anchor: () => HTMLElement | null,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const anchor = this._anchor();
    if (anchor || this._open) this._show(anchor);
  }

  hostDisconnected(): void {
    this._open = false;
  }

  /** Moves the open tooltip to its anchor again (after a scroll). */
  place(): void {
    const tip = this._tip();
    const anchor = this._anchor();
    if (!tip || !anchor || !this._open) return;
    const size = tip.getBoundingClientRect();
    const viewport = { width: document.documentElement.clientWidth || innerWidth, height: innerHeight };
    const { left, top } = placeTooltip(anchor.getBoundingClientRect(), size, viewport);
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  private _tip(): HTMLElement | null {
    return this._host.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  private _show(anchor: HTMLElement | null): void {
    const tip = this._tip();
    if (!tip) return;
    // A popover can only open in a connected element of an active document.
    const open = anchor !== null && tip.isConnected && !!tip.ownerDocument.defaultView;
    this._open = open;
    const popover = typeof tip.showPopover === 'function';
    try {
      if (!open) {
        if (popover && tip.matches(':popover-open')) tip.hidePopover();
      } else if (popover && !tip.matches(':popover-open')) tip.showPopover();
    } catch {
      // A document that stops being active between the check and the call: the class below still shows it.
    }
    tip.classList.toggle('open', open);
    if (open) this.place();
  }
}
