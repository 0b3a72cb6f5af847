import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';

/** What the export menu offers. */
export type ExportFormat = 'svg' | 'png' | 'csv';

const FORMATS: readonly [ExportFormat, string][] = [
  ['svg', 'SVG figure'],
  ['png', 'PNG image'],
  ['csv', 'CSV data'],
];

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The export menu (a disclosure: a button that shows three download buttons): opens on click, Enter
 * or Space; Escape or a click elsewhere closes it, Escape returning focus to its button.
 */
export class ExportMenuController implements ReactiveController {
  open = false;

  constructor(
    private readonly _host: Host,
    /** Downloads the figure or the data in a format. */
    private readonly _run: (format: ExportFormat) => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('pointerdown', this._onOutside);
  }

  hostDisconnected(): void {
    document.removeEventListener('pointerdown', this._onOutside);
  }

  private _setOpen(open: boolean): void {
    if (open === this.open) return;
    this.open = open;
    this._host.requestUpdate();
  }

  private readonly _onOutside = (event: Event) => {
    if (this.open && !event.composedPath().includes(this._host)) this._setOpen(false);
  };

  private readonly _onToggle = () => this._setOpen(!this.open);

  private readonly _onChoose = (event: Event) => {
    const format = (event.currentTarget as HTMLElement).dataset.format as ExportFormat;
    this._setOpen(false);
    this._run(format);
  };

  private readonly _onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    event.stopPropagation();
    this._setOpen(false);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>('.export-toggle')?.focus();
  };

  /** The menu's template. */
  render(): TemplateResult {
    // The icon is drawn, not a character: the usual fonts lack "⤓", and the browser's search of every
    // font for it cost about 5 ms of each first layout (median of 25 fresh pages, the 13 × 5 figure's DOM).
    return html`<div class="export ${this.open ? 'open' : ''}" part="export" role="group" aria-label="Export" @keydown=${this._onKeydown}>
      <button type="button" class="export-toggle" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="export-formats" title="Export" @click=${this._onToggle}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="1em" height="1em" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round"><path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" /></svg><span class="visually-hidden">Export</span>
      </button>
      <div id="export-formats" class="export-formats" ?hidden=${!this.open}>
        ${FORMATS.map(([format, name]) => html`<button type="button" data-format=${format} @click=${this._onChoose}>Download ${name}</button>`)}
      </div>
    </div>`;
  }
}
