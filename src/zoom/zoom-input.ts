import type { GridPosition } from '../navigation.js';
import { panBy, zoomAbout, type ZoomGeometry, type ZoomView } from './view.js';

/** What input needs of the zoom controller. */
export interface ZoomTarget {
  readonly mode: 'static' | 'grid' | 'canvas';
  readonly view: ZoomView;
  geometry(): ZoomGeometry;
  setView(view: ZoomView): void;
  zoomBy(factor: number, about?: { x: number; y: number }): void;
  fit(): void;
  cellAtPoint(x: number, y: number): GridPosition | null;
  minimapView(x: number, y: number): ZoomView;
  onGridScroll(scroller: HTMLElement): void;
  _canvas(): HTMLCanvasElement | null;
  /** The host's own window, for animation frames. */
  window(): Window | null;
}

/** What input needs of the element's focus handling (the FocusController). */
export interface InputFocus {
  hoverAt(position: GridPosition | null): void;
  readonly onPointerLeave: (event?: PointerEvent) => void;
  activate(position: GridPosition): Promise<void>;
}

/** Pointer moves shorter than this are clicks, not drags. */
const DRAG_SLOP = 4;
/** Zoom per pixel of wheel delta with Ctrl/⌘ (a mouse notch of 100 px is about ×1.28). */
const WHEEL_ZOOM = 0.0025;
const LINE_PX = 20;

const distance = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);

/**
 * Pointer, wheel and key input of the zoom layer: Ctrl/⌘ + wheel and pinch zoom about the pointer,
 * wheel and drag pan, double-click zooms in, `+` / `-` zoom and `0` fits; over the overview, hover
 * and click pick the cell a pixel shows. Changes are applied once per animation frame.
 */
export class ZoomInput {
  private _pointers = new Map<number, { x: number; y: number }>();
  private _drag?: { id: number; x: number; y: number; view: ZoomView; moved: boolean };
  private _pinch?: { distance: number; level: number };
  private _pendingView?: ZoomView;
  private _frame = 0;
  private _minimapDrag?: number;
  /** The last press was a drag: its click selects nothing. */
  private _dragged = false;

  constructor(
    private readonly _target: ZoomTarget,
    private readonly _focus: InputFocus,
  ) {}

  /** Listener of the zoom area: capture, so the scroll of the grid inside reaches it; not passive, to keep the wheel. */
  readonly area = { handleEvent: (e: Event) => this._onArea(e), capture: true, passive: false };

  /** Listener of the minimap: click or drag moves the view there. */
  readonly minimap = { handleEvent: (e: Event) => this._onMinimap(e as PointerEvent) };

  /** `+` / `=` zoom in, `-` zoom out, `0` fits (without modifiers, which belong to the browser). */
  readonly keys = (e: KeyboardEvent) => {
    // A grid that fits at readable size keeps its keys as without zoom.
    if (e.ctrlKey || e.metaKey || e.altKey || this._target.mode === 'static') return;
    if (e.key === '+' || e.key === '=') this._target.zoomBy(2);
    else if (e.key === '-' || e.key === '_') this._target.zoomBy(0.5);
    else if (e.key === '0') this._target.fit();
    else return;
    e.preventDefault();
  };

  /** The view to show at the next frame (the last of several events in one frame wins). */
  private _schedule(view: ZoomView): void {
    this._pendingView = view;
    if (this._frame) return;
    const win = this._target.window();
    if (!win) return this._target.setView(view);
    this._frame = win.requestAnimationFrame(() => {
      this._frame = 0;
      const next = this._pendingView;
      this._pendingView = undefined;
      if (next) this._target.setView(next);
    });
  }

  private get _current(): ZoomView {
    return this._pendingView ?? this._target.view;
  }

  /** A point of the event relative to the cells' canvas (overview) or to the area (grid). */
  private _point(e: MouseEvent): { x: number; y: number } {
    const canvas = this._target.mode === 'canvas' ? this._target._canvas() : null;
    const box = (canvas ?? (e.currentTarget as HTMLElement)).getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  }

  private _overCanvas(e: Event): boolean {
    return this._target.mode === 'canvas' && !(e.target as Element).closest?.('.minimap, .scroller');
  }

  private _onArea(e: Event): void {
    switch (e.type) {
      case 'wheel':
        return this._onWheel(e as WheelEvent);
      case 'scroll':
        if ((e.target as Element).classList?.contains('scroller')) this._target.onGridScroll(e.target as HTMLElement);
        return;
      case 'dblclick': {
        if ((e.target as Element).closest?.('.minimap')) return;
        e.preventDefault();
        const p = this._point(e as MouseEvent);
        this._target.zoomBy(2, p);
        return;
      }
      case 'pointerleave':
        // With the event: onto the tooltip, the hover stays.
        if (e.target === e.currentTarget && this._target.mode === 'canvas') this._focus.onPointerLeave(e as PointerEvent);
        return;
      case 'click':
        return this._click(e as MouseEvent);
    }
    if (!this._overCanvas(e) && !this._drag) return;
    const pe = e as PointerEvent;
    if (e.type === 'pointerdown') this._down(pe);
    else if (e.type === 'pointermove') this._move(pe);
    else this._up(pe);
  }

  private _onWheel(e: WheelEvent): void {
    if (this._target.mode === 'static') return;
    const scale = e.deltaMode === 1 ? LINE_PX : e.deltaMode === 2 ? 400 : 1;
    const dx = e.deltaX * scale;
    const dy = e.deltaY * scale;
    const view = this._current;
    const g = this._target.geometry();
    if (e.ctrlKey || e.metaKey) {
      // Ctrl/⌘ + wheel, and a trackpad's pinch (which browsers send as Ctrl + wheel): zoom about the pointer.
      e.preventDefault();
      const p = this._point(e);
      this._schedule(zoomAbout(g, view, view.level * Math.exp(-dy * WHEEL_ZOOM), p.x, p.y));
      return;
    }
    // The grid scrolls itself; the overview pans, and lets the page scroll once it reaches an edge.
    if (this._target.mode !== 'canvas') return;
    const next = panBy(g, view, dx, dy);
    if (next.firstRow === view.firstRow && next.firstColumn === view.firstColumn) return;
    e.preventDefault();
    this._schedule(next);
  }

  private _down(e: PointerEvent): void {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    const p = this._point(e);
    this._pointers.set(e.pointerId, p);
    (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
    if (this._pointers.size === 2) {
      const [a, b] = [...this._pointers.values()];
      this._pinch = { distance: distance(a, b), level: this._current.level };
      this._drag = undefined;
    } else if (this._pointers.size === 1) {
      this._drag = { id: e.pointerId, x: p.x, y: p.y, view: this._current, moved: false };
    }
  }

  private _move(e: PointerEvent): void {
    const p = this._point(e);
    if (this._pointers.has(e.pointerId)) this._pointers.set(e.pointerId, p);
    if (this._pinch && this._pointers.size === 2) {
      const [a, b] = [...this._pointers.values()];
      const ratio = distance(a, b) / Math.max(1, this._pinch.distance);
      this._schedule(zoomAbout(this._target.geometry(), this._current, this._pinch.level * ratio, (a.x + b.x) / 2, (a.y + b.y) / 2));
      return;
    }
    const drag = this._drag;
    if (drag && drag.id === e.pointerId) {
      if (!drag.moved && Math.hypot(p.x - drag.x, p.y - drag.y) < DRAG_SLOP) return;
      drag.moved = true;
      this._schedule(panBy(this._target.geometry(), drag.view, drag.x - p.x, drag.y - p.y));
      return;
    }
    if (e.pointerType === 'mouse' || !this._drag) this._focus.hoverAt(this._target.cellAtPoint(p.x, p.y));
  }

  private _up(e: PointerEvent): void {
    const drag = this._drag;
    this._pointers.delete(e.pointerId);
    if (this._pointers.size < 2) this._pinch = undefined;
    if (!drag || drag.id !== e.pointerId) return;
    this._drag = undefined;
    this._dragged = drag.moved;
  }

  private _click(e: MouseEvent): void {
    const dragged = this._dragged;
    this._dragged = false;
    // The second click of a double-click zooms (dblclick) rather than toggling the selection back.
    if (!this._overCanvas(e) || dragged || e.detail > 1) return;
    const p = this._point(e);
    const cell = this._target.cellAtPoint(p.x, p.y);
    if (cell) void this._focus.activate(cell);
  }

  private _onMinimap(e: PointerEvent): void {
    e.stopPropagation();
    const box = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const at = () => this._target.minimapView(e.clientX - box.left, e.clientY - box.top);
    if (e.type === 'pointerdown') {
      e.preventDefault();
      this._minimapDrag = e.pointerId;
      (e.currentTarget as HTMLElement).setPointerCapture?.(e.pointerId);
      this._schedule(at());
    } else if (e.type === 'pointermove' && this._minimapDrag === e.pointerId) {
      this._schedule(at());
    } else if (e.type === 'pointerup' || e.type === 'pointercancel') {
      this._minimapDrag = undefined;
    }
  }
}
