import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CellHoverEvent, type CellIndex } from '../events.js';
import type { GridPosition } from '../navigation.js';
import type { DisplayModel } from '../view/display-model.js';
import type { TextView } from './render-text-view.js';
import { targetRange, textPlan, type TextPlan } from './text-plan.js';

type Host = ReactiveControllerHost & HTMLElement & { readonly renderRoot: HTMLElement | DocumentFragment };

/** What the controller reads of the element and what it asks the element to do. */
export interface TextViewSources {
  readonly model: () => DisplayModel;
  /** Selects a display cell, or clears the selection when it is selected (as a click on the grid does). */
  readonly toggleSelection: (position: GridPosition) => void;
  /** Clears the selection; false when nothing was selected. */
  readonly clearSelection: () => boolean;
  /** Opens what a header stands for (a run of hidden rows); false when there is nothing to open. */
  readonly expand: (position: GridPosition) => boolean;
}

const EMPTY_PLAN: TextPlan = { entries: new Int32Array(0), targetStart: -1, targetEnd: -1, blocks: Int32Array.of(0) };

/**
 * The text view's state and input: the current output (chosen by keys or buttons, else the
 * selected cell's, else the first; previewed while the pointer is on a grid cell), the tab stop
 * among its tokens, the hovered token, and its keys and pointer. Keys on a token: ←/→ the previous
 * or next token, ↑/↓ the nearest token on the line above or below, Home/End the first or last,
 * PageUp/PageDown the previous or next output, Enter/Space select, Escape clear. On the output
 * buttons, ←/→ also step through the outputs.
 */
export class TextViewController implements ReactiveController {
  /** The current output entry for this render (-1: no outputs). */
  output = -1;
  /** The shown tokens for the current output. */
  plan: TextPlan = EMPTY_PLAN;
  /** The shown entry (index into plan.entries) holding the tab stop. */
  active = 0;
  /** The shown entry under the pointer or focused, or -1. */
  hovered = -1;
  focusWithin = false;

  /** The output chosen by keys or buttons, as the caller's column index; null: follow the selection. */
  private _chosen: number | null = null;
  private _selectedColumn: number | null = null;
  private _planInputs: readonly unknown[] = [];

  constructor(
    private readonly _host: Host,
    private readonly _sources: TextViewSources,
  ) {
    _host.addController(this);
  }

  /**
   * For willUpdate: resolves the current output and the tokens shown for it. `preview` is the caller
   * column under the pointer in the grid (or null); `targetRows` and `rowCount` place the outputs' own tokens.
   */
  prepare(model: DisplayModel, selected: CellIndex | null, preview: number | null, targetRows: number, rowCount: number): void {
    const { outputs, tokens } = model;
    const selectedColumn = selected ? selected.columnIndex : null;
    // A new selection fixes its output; stepping afterwards moves away from it.
    if (selectedColumn !== this._selectedColumn) {
      this._selectedColumn = selectedColumn;
      if (selectedColumn !== null) this._chosen = selectedColumn;
    }
    const column = preview ?? this._chosen ?? selectedColumn;
    let output = column === null ? 0 : outputs.displayIndex(column);
    if (output < 0) output = 0;
    this.output = outputs.count ? output : -1;
    const target = this.output >= 0 ? targetRange(outputs.range(this.output), targetRows, rowCount) : null;
    const inputs = [tokens, target?.[0], target?.[1]];
    if (inputs.some((x, i) => !Object.is(x, this._planInputs[i]))) {
      this._planInputs = inputs;
      this.plan = textPlan(tokens, target);
    }
    const last = this.plan.entries.length - 1;
    this.active = Math.max(0, Math.min(this.active, last));
    if (this.hovered > last) this.hovered = -1;
  }

  /** What the text view's templates read: this controller's state and listeners, and what the element gives. */
  view(given: Omit<TextView, 'plan' | 'output' | 'active' | 'selected' | 'listeners'> & { readonly selected: CellIndex | null }): TextView {
    return {
      ...given,
      plan: this.plan,
      output: this.output,
      active: this.active,
      selected: this.selectedEntry(given.model, given.selected),
      listeners: this._listeners,
    };
  }

  private readonly _listeners = {
    keydown: (event: KeyboardEvent) => this.onKeydown(event),
    pointerover: (event: PointerEvent) => this.onPointerOver(event),
    pointerleave: () => this.onPointerLeave(),
    click: (event: MouseEvent) => this.onClick(event),
    focusin: (event: FocusEvent) => this.onFocusIn(event),
    focusout: (event: FocusEvent) => this.onFocusOut(event),
    headingClick: (event: MouseEvent) => this.onHeadingClick(event),
    headingKeydown: (event: KeyboardEvent) => this.onHeadingKeydown(event),
  };

  /** The shown entry of a selected cell in the current output, or -1. */
  selectedEntry(model: DisplayModel, selected: CellIndex | null): number {
    if (!selected || this.output < 0) return -1;
    const position = model.positionOf(selected);
    if (!position) return -1;
    const token = model.rows === model.tokens ? position.row : position.column;
    const output = model.rows === model.tokens ? position.column : position.row;
    return output === this.output ? this._shownIndex(token) : -1;
  }

  /** The display cell of a shown entry in the current output; null for a run or when there is none. */
  positionAt(k: number): GridPosition | null {
    const model = this._sources.model();
    if (k < 0 || k >= this.plan.entries.length || this.output < 0) return null;
    const entry = this.plan.entries[k];
    return model.tokens.kind(entry) === 'run' ? null : model.at(entry, this.output);
  }

  /** The hovered (or focused) token's display cell, for the tooltip. */
  get hoveredPosition(): GridPosition | null {
    return this.positionAt(this.hovered);
  }

  /** The token element of a shown entry. */
  elementAt(k: number): HTMLElement | null {
    return k < 0 ? null : this._host.renderRoot.querySelector<HTMLElement>(`.text-body [data-k="${k}"]`);
  }

  /** The hovered token's element, the tooltip's anchor. */
  hoveredElement(): HTMLElement | null {
    return this.hoveredPosition ? this.elementAt(this.hovered) : null;
  }

  hostUpdated(): void {
    // Focus stays on the tab stop when a render replaces what it was on (a new output, new data).
    if (!this.focusWithin) return;
    const target = this.elementAt(this.active);
    const root = this._host.renderRoot;
    if (target && root instanceof ShadowRoot && root.activeElement !== target && !root.activeElement?.closest('.text-heading')) target.focus({ preventScroll: true });
  }

  /** Moves the current output by `delta` entries, within the outputs. */
  step(delta: number): void {
    const { outputs } = this._sources.model();
    if (!outputs.count) return;
    const next = Math.max(0, Math.min(outputs.count - 1, this.output + delta));
    // Set at once, so a second step before the render steps on from here.
    this.output = next;
    this._chosen = outputs.sourceIndex(next);
    this._host.requestUpdate();
  }

  private _shownIndex(entry: number): number {
    const { entries } = this.plan;
    // Entries are in display order: a binary search finds a token among thousands.
    let low = 0;
    let high = entries.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      if (entries[middle] === entry) return middle;
      if (entries[middle] < entry) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  private _indexOf(event: Event): number {
    for (const node of event.composedPath()) {
      if (node instanceof HTMLElement && node.dataset.k !== undefined) return Number(node.dataset.k);
      if (node instanceof HTMLElement && node.classList.contains('text-body')) break;
    }
    return -1;
  }

  private _setHovered(k: number): void {
    if (k === this.hovered) return;
    this.hovered = k;
    this._host.requestUpdate();
    const position = this.positionAt(k);
    this._host.dispatchEvent(new CellHoverEvent(position ? this._sources.model().detail(position.row, position.column) : null));
  }

  /** Selects the token's cell, or opens the run it stands for. */
  private _activate(k: number): void {
    const position = this.positionAt(k);
    if (position) return this._sources.toggleSelection(position);
    const model = this._sources.model();
    const entry = this.plan.entries[k];
    if (entry !== undefined) this._sources.expand(model.at(entry, -1));
  }

  private async _moveTo(k: number): Promise<void> {
    this.active = Math.max(0, Math.min(this.plan.entries.length - 1, k));
    this._host.requestUpdate();
    await this._host.updateComplete;
    const target = this.elementAt(this.active);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  /** The nearest token on the line above (-1) or below (1), by the middle of the current one. */
  private _lineNeighbour(direction: -1 | 1): number {
    const current = this.elementAt(this.active);
    if (!current) return this.active;
    const box = current.getClientRects()[0] ?? current.getBoundingClientRect();
    const x = box.left + box.width / 2;
    let best = this.active;
    let bestDistance = Infinity;
    let lineTop: number | null = null;
    for (let k = this.active + direction; k >= 0 && k < this.plan.entries.length; k += direction) {
      const el = this.elementAt(k);
      if (!el) break;
      const rects = el.getClientRects();
      const rect = direction > 0 ? rects[0] : rects[rects.length - 1];
      if (!rect) continue;
      const onOtherLine = direction > 0 ? rect.top >= box.bottom - 1 : rect.bottom <= box.top + 1;
      if (!onOtherLine) continue;
      lineTop ??= rect.top;
      // Past the neighbouring line: the best on it is found.
      if (Math.abs(rect.top - lineTop) > rect.height / 2) break;
      const distance = Math.abs(rect.left + rect.width / 2 - x);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = k;
      }
    }
    return best;
  }

  readonly onKeydown = (event: KeyboardEvent) => {
    if (event.altKey) return;
    const last = this.plan.entries.length - 1;
    const moves: Record<string, () => number> = {
      ArrowLeft: () => this.active - 1,
      ArrowRight: () => this.active + 1,
      ArrowUp: () => this._lineNeighbour(-1),
      ArrowDown: () => this._lineNeighbour(1),
      Home: () => 0,
      End: () => last,
    };
    if (moves[event.key]) {
      event.preventDefault();
      void this._moveTo(moves[event.key]());
    } else if (event.key === 'PageUp' || event.key === 'PageDown') {
      event.preventDefault();
      this.step(event.key === 'PageUp' ? -1 : 1);
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this._activate(this.active);
    } else if (event.key === 'Escape') {
      if (this._sources.clearSelection()) event.preventDefault();
      this._setHovered(-1);
    }
  };

  readonly onHeadingKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    this.step(event.key === 'ArrowLeft' ? -1 : 1);
  };

  readonly onHeadingClick = (event: MouseEvent) => {
    const button = (event.target as HTMLElement).closest<HTMLElement>('[data-step]');
    if (button) this.step(Number(button.dataset.step));
  };

  readonly onPointerOver = (event: PointerEvent) => {
    this._setHovered(this._indexOf(event));
  };

  readonly onPointerLeave = () => {
    this._setHovered(this.focusWithin ? this.active : -1);
  };

  readonly onClick = (event: MouseEvent) => {
    const k = this._indexOf(event);
    if (k < 0) return;
    this.active = k;
    this._activate(k);
    this._host.requestUpdate();
  };

  readonly onFocusIn = (event: FocusEvent) => {
    const k = this._indexOf(event);
    if (k < 0) return;
    this.focusWithin = true;
    this.active = k;
    this._setHovered(k);
    this._host.requestUpdate();
  };

  readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (next && next instanceof HTMLElement && next.closest('.text-body')) return;
    // As in the grid: a render may replace the focused token; focus that is still outside after it has left.
    queueMicrotask(() => {
      const root = this._host.renderRoot;
      if (root instanceof ShadowRoot && root.activeElement?.closest('.text-body')) return;
      this.focusWithin = false;
      this._setHovered(-1);
      this._host.requestUpdate();
    });
  };
}
