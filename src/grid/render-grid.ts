import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssText } from '../css-text.js';
import { formatValue } from '../format.js';
import type { GridPosition } from '../navigation.js';
import { clampSide, type Domain } from '../scale.js';
import type { DisplayAxis, DisplayModel } from '../view/display-model.js';
import { gridTracks, placeIndex, windowIndices, type IndexRange, type Placement } from '../viewport.js';
import type { CellColors } from './cell-colors.js';
import { renderLabel } from './render-label.js';
import { cellDescription } from '../tooltip.js';

/** Everything the grid's templates read: the display model, the window, focus state and the scale. */
export interface GridView {
  readonly model: DisplayModel;
  readonly rowRange: IndexRange;
  readonly columnRange: IndexRange;
  /** The position holding the tab stop, the hovered cell and whether focus is inside the grid. */
  readonly active: GridPosition;
  readonly hover: GridPosition | null;
  readonly focusWithin: boolean;
  /** The selected cell's display position. */
  readonly selected: GridPosition | null;
  readonly colors: CellColors;
  /**
   * A new object whenever anything a cell shows may have changed besides its own value, selection,
   * tab stop and place (labels, options, grouping): a cell whose own inputs are the same keeps its render.
   */
  readonly cellEpoch: object;
  readonly domain: Domain;
  readonly decimals: number;
  /** Column labels rotated. */
  readonly vertical: boolean;
  readonly crosshair: 'labels' | 'band';
  /** The grid's accessible name, unless `labelledBy` is given. */
  readonly label: string;
  /** The id of the visible caption that names the grid, or null when there is none. */
  readonly labelledBy: string | null;
  /** Show "No data" (no cells and no input problems). */
  readonly empty: boolean;
  /** The visually hidden shape-and-extremes sentence the grid is described by. */
  readonly summary: string;
  readonly listeners: GridListeners;
  /** Extra rows under the data or columns after it (the step scores), when there are any. */
  readonly appendix?: GridAppendix;
}

/** Where the extra tracks' templates are drawn: which display columns are rendered and where each sits. */
export interface AppendixContext {
  readonly renderedColumns: readonly number[];
  readonly columnPlace: (column: number) => Placement;
}

/**
 * Tracks appended after the data, and what fills them: `rows` extra rows under the grid (filled by
 * `footer`) or `columns` extra columns after it (headed in the header row, filled at each row's end).
 */
export interface GridAppendix {
  readonly rows: number;
  readonly columns: number;
  readonly header: () => unknown;
  readonly rowEnd: (row: number, place: Placement) => unknown;
  readonly footer: (context: AppendixContext) => unknown;
}

export interface GridListeners {
  readonly scroll: () => void;
  readonly keydown: (event: KeyboardEvent) => void;
  readonly pointerover: (event: PointerEvent) => void;
  /** The same handler as pointerover: it follows the pointer on its way to the tooltip. */
  readonly pointermove: (event: PointerEvent) => void;
  readonly pointerleave: (event: PointerEvent) => void;
  readonly click: (event: MouseEvent) => void;
  readonly focusin: (event: FocusEvent) => void;
  readonly focusout: (event: FocusEvent) => void;
}

/** Rendered rows and cells are keyed by their display index (see windowIndices). */
const byIndex = (index: number) => index;

const tabindex = (active: GridPosition, row: number, column: number) => (active.row === row && active.column === column ? 0 : -1);

/** The scrolling grid: sizers, the header row, the windowed rows with their cells, the crosshair bands. */
export function renderGrid(v: GridView): TemplateResult {
  const { rows, columns } = v.model;
  const renderedRows = windowIndices(v.rowRange, v.active.row, rows.count);
  const renderedColumns = windowIndices(v.columnRange, v.active.column, columns.count);
  const rowPlace = (r: number) => placeIndex(r, v.rowRange, rows.count);
  const columnPlace = (c: number) => placeIndex(c, v.columnRange, columns.count);
  const extra = v.appendix;
  const extraTracks = (n: number, size: string) => (n ? ` repeat(${n}, ${size})` : '');
  const gridStyle =
    `grid-template-columns: fit-content(var(--token-heatmap-row-label-max-width)) ${gridTracks(v.columnRange, columns.count, 'var(--token-heatmap-cell-width)')}${extraTracks(extra?.columns ?? 0, 'var(--token-heatmap-cell-width)')};` +
    `grid-template-rows: auto ${gridTracks(v.rowRange, rows.count, 'var(--token-heatmap-cell-height)')}${extraTracks(extra?.rows ?? 0, 'var(--token-heatmap-cell-height)')}`;
  const l = v.listeners;
  return html`
    <div class="scroller" part="scroller" @scroll=${l.scroll}>
      <div
        role="grid"
        part="grid"
        class="grid ${v.vertical ? 'vertical' : ''}"
        aria-label=${v.labelledBy ? nothing : v.label || 'Token attribution heatmap'}
        aria-labelledby=${v.labelledBy ?? nothing}
        aria-describedby="summary"
        aria-readonly="true"
        aria-rowcount=${rows.count + 1 + (extra?.rows ?? 0)}
        aria-colcount=${columns.count + 1 + (extra?.columns ?? 0)}
        style=${cssText(gridStyle)}
        @keydown=${l.keydown}
        @pointerover=${l.pointerover}
        @pointermove=${l.pointermove}
        @pointerleave=${l.pointerleave}
        @click=${l.click}
        @focusin=${l.focusin}
        @focusout=${l.focusout}
      >
        <div class="probe" aria-hidden="true"></div>
        <div class="header row-label ${rows.tokens ? 'label-font' : ''} sizer" aria-hidden="true">${renderLabel(rows.longestLabel)}</div>
        <div class="header column-label ${columns.tokens ? 'label-font' : ''} sizer" aria-hidden="true">${renderLabel(columns.longestLabel)}</div>
        <div role="row" class="row" aria-rowindex="1" aria-label=${columns.tokens ? 'Tokens' : 'Outputs'}>
          <div role="columnheader" class="header corner" part="corner" aria-colindex="1" tabindex=${tabindex(v.active, -1, -1)}>
            <span class="visually-hidden">${rows.tokens ? 'Token' : 'Output'}</span>
          </div>
          ${repeat(renderedColumns, byIndex, (c) => renderColumnHeader(v, c, columnPlace(c)))}
          ${extra ? extra.header() : nothing}
        </div>
        ${repeat(renderedRows, byIndex, (r) => {
          const place = rowPlace(r);
          // Named by its header alone: a row's name from its contents would read every cell.
          return html`<div role="row" class="row" aria-rowindex=${r + 2} aria-label=${rows.spoken(r)}>
            ${renderRowHeader(v, r, place)}
            ${repeat(renderedColumns, byIndex, (c) => keptCell(v, r, c, place, columnPlace(c)))}
            ${extra ? extra.rowEnd(r, place) : nothing}
          </div>`;
        })}
        ${extra ? extra.footer({ renderedColumns, columnPlace }) : nothing}
        ${v.crosshair === 'band' && v.hover ? renderBands(rowPlace(v.hover.row).line, columnPlace(v.hover.column).line) : nothing}
      </div>
      ${v.empty ? html`<p class="empty">No data</p>` : nothing}
    </div>
    <div id="summary" class="visually-hidden">${v.summary}</div>
  `;
}

/** A header's classes and parts by what its entry is: a group (expandable or not), an opened group's piece, a run of hidden rows. */
function entryLook(axis: DisplayAxis, index: number, base: string): { classes: string; part: string } {
  const kind = axis.kind(index);
  if (kind === 'run') return { classes: ' run', part: `${base} ${base}-run` };
  if (kind === 'piece') return { classes: ' piece', part: `${base} ${base}-piece` };
  return axis.expandable(index) ? { classes: ' group', part: `${base} ${base}-group` } : { classes: '', part: base };
}

/** A header's label: an expandable group's disclosure mark, then the label. */
function renderHeaderLabel(axis: DisplayAxis, index: number): TemplateResult {
  const mark = axis.kind(index) === 'group' && axis.expandable(index);
  return html`${mark ? html`<span class="disclosure" aria-hidden="true">${axis.expanded(index) ? '▾' : '▸'}</span>` : nothing}${renderLabel(axis.label(index))}`;
}

function renderColumnHeader(v: GridView, c: number, place: Placement): TemplateResult {
  const { columns } = v.model;
  const hot = v.hover?.column === c || (v.focusWithin && v.active.column === c && v.active.row >= 0);
  const look = entryLook(columns, c, 'column-label');
  return html`<div
    role="columnheader"
    class="header column-label ${columns.tokens ? 'label-font' : ''} ${hot ? 'hot' : ''}${look.classes}"
    part=${look.part}
    aria-colindex=${c + 2}
    aria-label=${columns.spoken(c)}
    aria-description=${columns.exactAddsMore(c) ? columns.exact(c) : nothing}
    aria-expanded=${columns.expandable(c) ? String(columns.expanded(c)) : nothing}
    tabindex=${tabindex(v.active, -1, c)}
    style=${cssText(`grid-area:1/${place.line};${place.offset ? `margin-left:calc(var(--token-heatmap-cell-width)*${place.offset})` : ''}`)}
  >
    ${renderHeaderLabel(columns, c)}
  </div>`;
}

function renderRowHeader(v: GridView, r: number, place: Placement): TemplateResult {
  const { rows } = v.model;
  const hot = v.hover?.row === r || (v.focusWithin && v.active.row === r && v.active.column >= 0);
  const look = entryLook(rows, r, 'row-label');
  return html`<div
    role="rowheader"
    class="header row-label ${rows.tokens ? 'label-font' : ''} ${hot ? 'hot' : ''}${look.classes}"
    part=${look.part}
    aria-colindex="1"
    aria-label=${rows.spoken(r)}
    aria-description=${rows.exactAddsMore(r) ? rows.exact(r) : nothing}
    aria-expanded=${rows.expandable(r) ? String(rows.expanded(r)) : nothing}
    tabindex=${tabindex(v.active, r, -1)}
    style=${cssText(`grid-area:${place.line}/1;${place.offset ? `margin-top:calc(var(--token-heatmap-cell-height)*${place.offset})` : ''}`)}
  >
    ${renderHeaderLabel(rows, r)}
  </div>`;
}

/** A cell's place in the CSS grid, with its offset inside a spacer track on a long axis. */
function cellPlacement(rowPlace: Placement, columnPlace: Placement): string {
  let style = `grid-area: ${rowPlace.line} / ${columnPlace.line};`;
  if (rowPlace.offset) style += `margin-top: calc(var(--token-heatmap-cell-height) * ${rowPlace.offset});`;
  if (columnPlace.offset) style += `margin-left: calc(var(--token-heatmap-cell-width) * ${columnPlace.offset});`;
  return style;
}

/**
 * A cell, rendered again only when one of its inputs changed: a one-value update or a scroll step
 * then re-renders the cells that changed, not the thousand in the window (about 2 ms a render).
 */
function keptCell(v: GridView, r: number, c: number, rowPlace: Placement, columnPlace: Placement) {
  const { model, domain, selected, active } = v;
  const inputs = [
    v.cellEpoch,
    v.colors.version,
    domain.min,
    domain.center,
    domain.max,
    v.decimals,
    model.value(r, c),
    model.normalised ? model.rawValue(r, c) : null,
    selected !== null && selected.row === r && selected.column === c,
    tabindex(active, r, c),
    rowPlace.line,
    rowPlace.offset,
    columnPlace.line,
    columnPlace.offset,
  ];
  return guard(inputs, () => renderCell(v, r, c, rowPlace, columnPlace));
}

function renderCell(v: GridView, r: number, c: number, rowPlace: Placement, columnPlace: Placement): TemplateResult {
  const { model } = v;
  const run = model.rows.kind(r) === 'run' ? model.rows.spoken(r) : model.columns.kind(c) === 'run' ? model.columns.spoken(c) : '';
  if (run) {
    // A run of hidden rows has no values: its cells say what is hidden, and open it like its header.
    return html`<div
      role="gridcell"
      class="cell run"
      part="cell cell-run"
      aria-colindex=${c + 2}
      aria-label=${run}
      tabindex=${tabindex(v.active, r, c)}
      style=${cssText(cellPlacement(rowPlace, columnPlace))}
    ></div>`;
  }
  const value = model.value(r, c);
  const isSelected = v.selected !== null && v.selected.row === r && v.selected.column === c;
  // Named by its value: screen readers say the row and column headers and the position themselves,
  // and aria-selected says "selected". The description holds the full precision and the exact token.
  let name = '';
  let classes = 'cell';
  let part = 'cell';
  let style = cellPlacement(rowPlace, columnPlace);
  let text = '';
  if (value === null) {
    name += 'no value';
    classes += ' missing';
    part += ' cell-missing';
  } else {
    const [background, color] = v.colors.colorFor(value);
    text = formatValue(value, v.decimals);
    name += text;
    style += `background-color: ${background}; color: ${color};`;
    const side = clampSide(value, v.domain);
    if (side) {
      name += ', clamped';
      classes += side > 0 ? ' above' : ' below';
      part += ' cell-clamped';
    }
  }
  if (isSelected) {
    classes += ' selected';
    part += ' cell-selected';
  }
  return html`<div
    role="gridcell"
    class=${classes}
    part=${part}
    aria-colindex=${c + 2}
    aria-label=${name}
    aria-description=${cellDescription(model, { row: r, column: c }, v.domain)}
    aria-selected=${isSelected ? 'true' : 'false'}
    tabindex=${tabindex(v.active, r, c)}
    style=${cssText(style)}
  >${text}</div>`;
}

function renderBands(row: number, column: number): TemplateResult {
  return html`<div class="band row-band" part="band" aria-hidden="true" style=${cssText(`grid-area:${row}/2/${row + 1}/-1`)}></div>
    <div class="band column-band" part="band" aria-hidden="true" style=${cssText(`grid-area:2/${column}/-1/${column + 1}`)}></div>`;
}
