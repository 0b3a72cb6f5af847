import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatExact, formatTick } from './format.js';
import type { GridPosition } from './navigation.js';
import { placeTooltip, type Placement } from './placement.js';
import { clampSide, type Domain } from './scale.js';
import { renderLabel } from './grid/render-label.js';
import type { DisplayAxis, DisplayModel } from './view/display-model.js';
import type { compareValuesAt, Comparison } from './view/compare.js';
import type { Aggregate } from './view/cells.js';

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

/** What a view holds beyond its display model that the tooltip tells: the comparison and the step scores. */
export interface TooltipExtras {
  readonly comparison: Comparison;
  readonly aggregate: Aggregate;
  /** The reading feature's compareValuesAt (present whenever something is compared). */
  readonly compareValuesAt?: typeof compareValuesAt;
  /** An output's step scores as the tooltip lists them (the views feature's stepScoresAt); none without step scores. */
  readonly steps?: (output: number) => { name: string; text: string }[];
}

/** The tooltip's content for a display cell: also A, B and A − B when compared, and the output's step scores. */
export function cellTooltip(model: DisplayModel, cell: GridPosition, domain: Domain, { comparison, aggregate, steps, compareValuesAt }: TooltipExtras): TooltipContent {
  const ranges = model.ranges(cell.row, cell.column);
  const values = ranges && comparison.mode && compareValuesAt ? compareValuesAt(comparison, ranges.rows, ranges.columns, aggregate) : null;
  const output = model.rows === model.outputs ? cell.row : cell.column;
  return {
    ...tooltipContent(model, cell, domain),
    compare: values ? { ...values, shown: comparison.mode! } : undefined,
    steps: steps?.(output),
  };
}

const exact = (value: number | null | undefined) => (value === null || value === undefined ? 'no value' : formatExact(value));

/**
 * A value cell's accessible description, the tooltip's facts for assistive technology (the
 * tooltip itself is aria-hidden): the value at full precision, the raw value when normalised,
 * the end a clamped colour is drawn at, and the exact token(s) behind the cell.
 */
export function cellDescription(model: DisplayModel, { row, column }: GridPosition, domain: Domain): string {
  const value = model.value(row, column);
  const parts: string[] = [];
  if (value !== null) {
    const side = clampSide(value, domain);
    parts.push(`exact value ${formatExact(value)}${side ? `, colour clamped to ${formatTick(side > 0 ? domain.max : domain.min, 20)}` : ''}`);
  }
  if (model.normalised) parts.push(`raw value ${exact(model.rawValue(row, column))}`);
  const tokenAxis = model.rows.tokens ? model.rows : model.columns;
  parts.push(tokenAxis.exact(model.rows.tokens ? row : column));
  return parts.filter(Boolean).join('; ');
}

/** A label and, quoted exactly, the token or the group's pieces behind it. */
function renderTooltipLabel({ text, pieces, unit }: TooltipLabel): TemplateResult {
  const raw =
    pieces.length > 1
      ? `${unit}, ${pieces.length} tokens: ${pieces.map((p) => JSON.stringify(p)).join(' ')}`
      : JSON.stringify(pieces[0] ?? text);
  return html`${renderLabel(text)} <span class="raw">${raw}</span>`;
}

/**
 * The tooltip: a manual popover in the top layer, hidden from assistive technology (cells carry
 * the same facts as their description). `onPointerLeave` lets the pointer rest on it (WCAG 1.4.13).
 */
export function renderTooltip(content: TooltipContent | null, onPointerLeave?: (event: PointerEvent) => void): TemplateResult {
  if (!content) return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true" @pointerleave=${onPointerLeave}></div>`;
  const { row, column, value, rawValue, clampedTo, compare, steps } = content;
  const compared = (name: string, v: number | null, key: 'a' | 'b' | 'diff') =>
    html`<dt>${name}</dt>
      <dd class="compare-${key} ${compare!.shown === key ? 'shown' : ''}">${exact(v)}</dd>`;
  return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true" @pointerleave=${onPointerLeave}>
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

/** What the tooltip points at: an element, or a box drawn on a canvas. */
export type TooltipAnchor = Pick<Element, 'getBoundingClientRect'>;

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/**
 * Shows the tooltip beside its anchor (the hovered or focused cell) after each render, keeps it
 * inside the viewport without covering the cell, and hides it when there is no anchor. Escape
 * dismisses it wherever focus is (WCAG 1.4.13) until the anchor changes.
 */
export class TooltipController implements ReactiveController {
  private _open = false;
  private _side: Placement['side'] = 'above';
  /** The anchor the reader dismissed with Escape: the tooltip stays hidden while it is the anchor. */
  private _dismissed: TooltipAnchor | null = null;

  constructor(
    private readonly _host: Host,
    /** The element the tooltip is about, or null when it should be hidden. */
    private readonly _anchor: () => TooltipAnchor | null,
  ) {
    _host.addController(this);
  }

  hostUpdated(): void {
    const anchor = this._anchor();
    if (anchor !== this._dismissed) this._dismissed = null;
    if (anchor || this._open) this._show(this._dismissed ? null : anchor);
  }

  hostDisconnected(): void {
    this._open = false;
    this._listen(false);
  }

  /** The open tooltip's box and the side of its anchor it is on; null when it is hidden. */
  openBox(): { readonly rect: DOMRect; readonly side: Placement['side'] } | null {
    const tip = this._tip();
    return tip && this._open ? { rect: tip.getBoundingClientRect(), side: this._side } : null;
  }

  /** Whether an element is the tooltip or inside it. */
  contains(node: EventTarget | null): boolean {
    const tip = this._tip();
    return !!tip && node instanceof Node && tip.contains(node);
  }

  /** Moves the open tooltip to its anchor again (after a scroll). */
  place(): void {
    const tip = this._tip();
    const anchor = this._anchor();
    if (!tip || !anchor || !this._open) return;
    const size = tip.getBoundingClientRect();
    // The viewport of the element's own document (it may have moved into an iframe).
    const view = tip.ownerDocument.defaultView;
    if (!view) return;
    const viewport = { width: tip.ownerDocument.documentElement.clientWidth || view.innerWidth, height: view.innerHeight };
    const { left, top, side } = placeTooltip(anchor.getBoundingClientRect(), size, viewport);
    this._side = side;
    tip.dataset.side = side;
    tip.style.left = `${Math.round(left)}px`;
    tip.style.top = `${Math.round(top)}px`;
  }

  // Listens on the window, in the capture phase, so Escape reaches it wherever focus is and
  // whatever stops the event later; it does not stop the event, so the page's own Escape works too.
  private readonly _onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this._open) return;
    this._dismissed = this._anchor();
    this._show(null);
  };

  /** The window the Escape listener is on (the element can move to another document). */
  private _listeningOn: Window | null = null;

  private _listen(on: boolean): void {
    const view = on ? this._host.ownerDocument?.defaultView ?? null : null;
    if (view === this._listeningOn) return;
    this._listeningOn?.removeEventListener('keydown', this._onKeydown, true);
    view?.addEventListener('keydown', this._onKeydown, true);
    this._listeningOn = view;
  }

  private _tip(): HTMLElement | null {
    return this._host.renderRoot.querySelector<HTMLElement>('.tooltip');
  }

  private _show(anchor: TooltipAnchor | null): void {
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
    this._listen(open);
    if (open) this.place();
  }
}
