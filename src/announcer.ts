import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { formatValue } from './format.js';
import type { GridPosition } from './navigation.js';
import type { DisplayModel } from './view/display-model.js';

/** What the live region says about a selected cell: its row, its column and its value. */
export function selectionText(model: DisplayModel, { row, column }: GridPosition, decimals: number): string {
  const value = model.value(row, column);
  return `${model.rows.spoken(row)}, ${model.columns.spoken(column)}: ${value === null ? 'no value' : formatValue(value, decimals)}`;
}

/**
 * The element's one polite live region: it says when the selection changes ("Selected …",
 * "Selection cleared") and when new data arrives (the grid's summary), never on the first render.
 */
export class Announcer implements ReactiveController {
  private _message = '';
  private _data: unknown;
  private _selection: string | null = null;
  private _started = false;
  /** Alternates so that the same words, said again, are a change the screen reader announces. */
  private _toggle = false;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** For willUpdate: the data's identity, its summary and the selected cell as the grid now shows them. */
  observe(data: unknown, summary: string, model: DisplayModel, selected: GridPosition | null, decimals: number): void {
    const selection = selected ? selectionText(model, selected, decimals) : null;
    const messages: string[] = [];
    if (this._started && data !== this._data) messages.push(`Data updated: ${summary}`);
    if (this._started && selection !== this._selection) messages.push(selection ? `Selected ${selection}.` : 'Selection cleared.');
    this._data = data;
    this._selection = selection;
    this._started = true;
    if (!messages.length) return;
    this._toggle = !this._toggle;
    this._message = messages.join(' ') + (this._toggle ? '\u00a0' : '');
  }

  hostConnected(): void {}

  /** The live region, in the page from the first render so that later changes are announced. */
  render(): TemplateResult {
    return html`<div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._message}</div>`;
  }
}
