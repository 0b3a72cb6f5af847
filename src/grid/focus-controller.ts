import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CellHoverEvent, CellSelectEvent, type CellIndex } from '../events.js';
import { moveFocus, type GridPosition } from '../navigation.js';
import type { DisplayModel } from '../view/display-model.js';
import { inGraceArea, type Box, type Placement, type Point } from '../placement.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment; selected: CellIndex | null };

/** What the controller reads of the element besides its DOM. */
export interface FocusSources {
  /** The grid as drawn now. */
  readonly model: () => DisplayModel;
  /** Rows in a visible page, for PageUp and PageDown. */
  readonly pageRows: () => number;
  /** Opens or closes what a header or a run's cell stands for; false when there is nothing to open. */
  readonly toggle: (position: GridPosition) => boolean;
  /** The tooltip, which the pointer may move onto without losing it (WCAG 1.4.13). */
  readonly tooltip?: {
    openBox(): { readonly rect: Box; readonly side: Placement['side'] } | null;
    contains(node: EventTarget | null): boolean;
  };
}

const same = (a: GridPosition | null, b: GridPosition | null) => a === b || (!!a && !!b && a.row === b.row && a.column === b.column);
const isCell = (p: GridPosition | null): p is GridPosition => !!p && p.row >= 0 && p.column >= 0;

/**
 * Roving focus, keys and pointer over the grid (the WAI-ARIA grid pattern with one tab stop):
 * which position holds the tab stop, which cell is hovered, selection by click, Enter and Space,
 * and the `cell-hover` / `cell-select` events. Positions are display positions; the display model
 * turns them into the caller's indices for events and `selected`.
 */
export class FocusController implements ReactiveController {
  /** The position holding the grid's tab stop (-1: the header row or column). */
  active: GridPosition = { row: 0, column: 0 };
  /** The cell under the pointer, or the focused cell; null when neither. */
  hover: GridPosition | null = null;
  /** Focus is on a header or cell of this grid. */
  focusWithin = false;
  /** The pointer's last place on the hovered cell, where a path to the tooltip starts. */
  private _exit: Point | null = null;

  constructor(
    private readonly _host: Host,
    private readonly _sources: FocusSources,
  ) {
    _host.addController(this);
  }

  /** For willUpdate: keeps the tab stop and the hover inside a grid of this shape. */
  fit(rows: number, columns: number): void {
    this.active = { row: Math.min(this.active.row, rows - 1), column: Math.min(this.active.column, columns - 1) };
    if (this.hover && (this.hover.row >= rows || this.hover.column >= columns)) this.hover = null;
  }

  /** The hovered cell, when the hover is on a cell rather than a header. */
  get hoveredCell(): GridPosition | null {
    return isCell(this.hover) ? this.hover : null;
  }

  hostUpdated(): void {
    // Focus stays on the active position across data updates and window moves.
    if (!this.focusWithin) return;
    const target = this.activeElement();
    const root = this._host.renderRoot;
    if (target && root instanceof ShadowRoot && root.activeElement !== target) target.focus({ preventScroll: true });
  }

  /** The header or cell element at a display position (-1 for the header row or column). */
  elementAt(row: number, column: number): HTMLElement | null {
    return this._host.renderRoot.querySelector<HTMLElement>(`[aria-rowindex="${row + 2}"]>[aria-colindex="${column + 2}"]`);
  }

  activeElement(): HTMLElement | null {
    return this.elementAt(this.active.row, this.active.column);
  }

  /** Selects a display cell, or clears the selection when it is already selected. */
  toggle(position: GridPosition): void {
    const model = this._sources.model();
    const cell = model.cellIndex(position.row, position.column);
    const current = this._host.selected ? model.positionOf(this._host.selected) : null;
    this.select(same(current, position) ? null : cell);
  }

  /** Sets the selection and reports it. */
  select(cell: CellIndex | null): void {
    this._host.selected = cell;
    const position = cell && this._sources.model().positionOf(cell);
    this._host.dispatchEvent(new CellSelectEvent(position ? this._sources.model().detail(position.row, position.column) : null));
  }

  /** The pointer is over a cell drawn outside the grid (the overview canvas); null: over none. */
  hoverAt(position: GridPosition | null): void {
    this._setHover(position);
  }

  /** A click on a cell drawn outside the grid: the tab stop and focus move to it, and it is toggled selected. */
  async activate(position: GridPosition): Promise<void> {
    this.active = position;
    this._host.requestUpdate();
    this.toggle(position);
    await this._host.updateComplete;
    this.activeElement()?.focus({ preventScroll: true });
  }

  private _setHover(position: GridPosition | null): void {
    const cell = isCell(position) ? position : null;
    if (same(this.hover, cell)) return;
    this.hover = cell;
    this._host.requestUpdate();
    this._host.dispatchEvent(new CellHoverEvent(cell ? this._sources.model().detail(cell.row, cell.column) : null));
  }

  private _positionOf(event: Event): GridPosition | null {
    for (const node of event.composedPath()) {
      // Positions come from the ARIA indices themselves, so they cannot disagree with what is announced.
      const column = node instanceof HTMLElement && node.getAttribute('aria-colindex');
      if (column) {
        const position = { row: Number(node.parentElement!.getAttribute('aria-rowindex')) - 2, column: Number(column) - 2 };
        // Rows and columns appended after the data (step scores) are not positions of the grid.
        const { rows, columns } = this._sources.model();
        return position.row < rows.count && position.column < columns.count ? position : null;
      }
      if (node === this._host) break;
    }
    return null;
  }

  /** Pointer over and move: hovers the cell under the pointer, unless the pointer is on its way to the tooltip. */
  readonly onPointerOver = (event: PointerEvent) => {
    const position = this._positionOf(event);
    const point = { x: event.clientX, y: event.clientY };
    if (same(position, this.hover)) {
      this._exit = point;
      return;
    }
    const box = this._sources.tooltip?.openBox();
    if (box && this._exit && this.hover && inGraceArea(point, this._exit, box.rect, box.side)) return;
    this._exit = isCell(position) ? point : null;
    this._setHover(position);
  };

  readonly onPointerLeave = (event?: PointerEvent) => {
    // Onto the tooltip: it stays, with its cell.
    if (this._sources.tooltip?.contains(event?.relatedTarget ?? null)) {
      this._exit = null;
      return;
    }
    this._setHover(this.focusWithin && isCell(this.active) ? this.active : null);
  };

  /** The pointer left the tooltip: back over the grid, pointerover takes it; elsewhere, as leaving the grid. */
  readonly onTooltipLeave = (event: PointerEvent) => {
    const next = event.relatedTarget;
    const grid = this._host.renderRoot.querySelector('[role="grid"]');
    // The overview's cells (zoomed out) take the hover back from their own pointer moves.
    const overview = this._host.renderRoot.querySelector('.zoom-area');
    if (next instanceof Node && (grid?.contains(next) || overview?.contains(next))) return;
    this.onPointerLeave();
  };

  readonly onFocusIn = (event: FocusEvent) => {
    const position = this._positionOf(event);
    if (!position) return;
    this.focusWithin = true;
    this.active = position;
    this._setHover(position);
    this._host.requestUpdate();
  };

  readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && this._host.renderRoot.contains(next)) return;
    // A render may replace the focused element; hostUpdated then focuses its successor before this
    // task's microtasks end. Only focus that is still outside after that has left the grid.
    queueMicrotask(() => {
      const root = this._host.renderRoot;
      if (root instanceof ShadowRoot && root.activeElement) return;
      this.focusWithin = false;
      this._setHover(null);
      this._host.requestUpdate();
    });
  };

  readonly onClick = (event: MouseEvent) => {
    const position = this._positionOf(event);
    if (!position) return;
    this.active = position;
    this._host.requestUpdate();
    if (!this._sources.toggle(position) && isCell(position)) this.toggle(position);
  };

  readonly onKeydown = async (event: KeyboardEvent) => {
    const { rows, columns } = this._sources.model();
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (!this._sources.toggle(this.active) && isCell(this.active)) this.toggle(this.active);
      return;
    }
    if (event.key === 'Escape') {
      if (this._host.selected !== null) {
        event.preventDefault();
        this.select(null);
      }
      this._setHover(null);
      return;
    }
    const next = moveFocus(this.active, event, { rows: rows.count, columns: columns.count, pageRows: this._sources.pageRows() });
    if (!next) return;
    event.preventDefault();
    this.active = next;
    this._host.requestUpdate();
    await this._host.updateComplete;
    const target = this.activeElement();
    if (target) {
      target.focus({ preventScroll: true });
      target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  };
}
