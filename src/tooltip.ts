import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatExact } from './format.js';
import { placeTooltip } from './placement.js';
import { renderLabel } from './grid/render-label.js';

/** What the tooltip says about the hovered cell. */
export interface TooltipContent {
  /** "Token" or "Output": what the rows are. */
  readonly rowName: string;
  readonly columnName: string;
  /** The labels exactly as given. */
  readonly rowText: string;
  readonly columnText: string;
  readonly value: number | null;
  /** The domain end a clamped value is drawn at, as printed; absent when not clamped. */
  readonly clampedTo?: string;
}

/** The tooltip: a manual popover in the top layer, hidden from assistive technology (cells carry the same text). */
export function renderTooltip(content: TooltipContent | null): TemplateResult {
  if (!content) return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true"></div>`;
  const { rowName, columnName, rowText, columnText, value, clampedTo } = content;
  return html`<div class="tooltip" part="tooltip" role="tooltip" popover="manual" aria-hidden="true">
    <dl>
      <dt>${rowName}</dt>
      <dd>${renderLabel(rowText)} <span class="raw">${JSON.stringify(rowText)}</span></dd>
      <dt>${columnName}</dt>
      <dd>${renderLabel(columnText)} <span class="raw">${JSON.stringify(columnText)}</span></dd>
      <dt>Value</dt>
      <dd class="value">${value === null ? 'no value' : formatExact(value)}</dd>
      ${clampedTo !== undefined
        ? html`<dt>Colour</dt>
            <dd class="clamped">clamped to ${clampedTo}</dd>`
        : nothing}
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
