import { html, nothing, type TemplateResult } from 'lit';
import { cssText } from '../css-text.js';
import { setOnce } from '../set-style.js';
import { renderLabel } from '../grid/render-label.js';
import type { PlacedLabel } from './labels.js';
import type { Box } from './plot-geometry.js';

/** Listeners of the zoom area, the control and the minimap. */
export interface ZoomListeners {
  readonly area: EventListenerObject & { readonly capture?: boolean; readonly passive?: boolean };
  readonly zoomIn: () => void;
  readonly zoomOut: () => void;
  readonly fit: () => void;
  readonly minimap: EventListenerObject;
  readonly keys: (event: KeyboardEvent) => void;
}

/** Everything the plot's templates draw besides the grid. */
export interface PlotView {
  /** `static`: the readable grid as without zoom; `grid`: the DOM grid, zoomable; `canvas`: the overview. */
  readonly mode: 'static' | 'grid' | 'canvas';
  /** Custom properties of the zoom area (scaled cell size in grid mode, gutters and the focus position in canvas mode). */
  readonly areaStyle: string;
  /** The canvas's size in CSS px. */
  readonly canvas: { readonly width: number; readonly height: number };
  /** The thinned labels in stable slots (null: an empty slot), and the hovered or focused entry's. */
  readonly rowLabels: readonly (Label | null)[];
  readonly columnLabels: readonly (Label | null)[];
  readonly rowPin: Label | null;
  readonly columnPin: Label | null;
  /** The thinned labels' tracks along each axis. */
  readonly rowTrack: LabelTrack;
  readonly columnTrack: LabelTrack;
  readonly rowTokens: boolean;
  readonly columnTokens: boolean;
  /** The longest labels, measured to size the label gutters. */
  readonly longestRow: string;
  readonly longestColumn: string;
  /** The focus rectangle (when focus is in the grid), the selected and the hovered cell, the crosshair band. */
  readonly focus: Box | null;
  /** Focus is on a row or column header (its pinned label shows the ring). */
  readonly focusedHeader: 'rows' | 'columns' | null;
  readonly selected: Box | null;
  readonly hover: Box | null;
  readonly bands: readonly Box[];
  readonly level: string;
  readonly canZoomIn: boolean;
  readonly canZoomOut: boolean;
  readonly fitted: boolean;
  /** The minimap's size and the visible part on it, or null when everything is visible. */
  readonly minimap: { readonly width: number; readonly height: number; readonly view: Box } | null;
  readonly listeners: ZoomListeners;
}

/** A track of thinned labels: the whole axis (`count` entries, `length` px), moved by how far the view has scrolled (`shift` px). */
export interface LabelTrack {
  readonly count: number;
  readonly length: number;
  readonly shift: number;
}

const px = (n: number) => `${Math.round(n * 100) / 100}px`;
const boxStyle = (b: Box) => `left:${px(b.left)};top:${px(b.top)};width:${px(b.width)};height:${px(b.height)}`;

/**
 * The plot: the grid (the accessible layer at every zoom), and when zoomable a bar with the minimap
 * and the zoom control above the overview canvas with its thinned labels and marks. One template in every mode, so the
 * grid's elements survive a change of mode; in `static` mode the wrappers are `display: contents`
 * and hold nothing else, so the layout is the grid's alone, as without zoom.
 */
export function renderPlot(v: PlotView, grid: TemplateResult): TemplateResult {
  const l = v.listeners;
  const zoomable = v.mode !== 'static';
  return html`<div class="plot ${zoomable ? 'zoomable' : ''} ${v.mode}" @keydown=${l.keys}>
    <div class="zoom-bar">${v.minimap ? renderMinimap(v) : nothing}${zoomable ? renderControl(v) : nothing}</div>
    <div
      class="zoom-area"
      style=${cssText(v.areaStyle)}
      @wheel=${l.area}
      @pointerdown=${l.area}
      @pointermove=${l.area}
      @pointerup=${l.area}
      @pointercancel=${l.area}
      @pointerleave=${l.area}
      @click=${l.area}
      @dblclick=${l.area}
      @scroll=${l.area}
    >
      ${grid} ${v.mode === 'canvas' ? renderOverview(v) : nothing}
    </div>
    ${zoomable
      ? html`<div class="zoom-sizers" aria-hidden="true">
          <span class="zoom-probe"></span>
          <span class="zoom-digits">0000000000</span>
          <span class="zoom-sizer for-rows ${v.rowTokens ? 'label-font' : ''}">${renderLabel(v.longestRow)}</span>
          <span class="zoom-sizer for-columns ${v.columnTokens ? 'label-font' : ''}">${renderLabel(v.longestColumn)}</span>
          <span class="zoom-swatch missing"></span>
        </div>`
      : nothing}
  </div>`;
}

function renderControl(v: PlotView): TemplateResult {
  const l = v.listeners;
  return html`<div class="zoom-control" part="zoom" role="group" aria-label="Zoom">
    <button type="button" aria-label="Zoom out" aria-disabled=${v.canZoomOut ? 'false' : 'true'} @click=${l.zoomOut}>−</button>
    <span class="zoom-level">${v.level}</span>
    <button type="button" aria-label="Zoom in" aria-disabled=${v.canZoomIn ? 'false' : 'true'} @click=${l.zoomIn}>+</button>
    <button type="button" aria-pressed=${v.fitted ? 'true' : 'false'} @click=${l.fit}>Fit</button>
  </div>`;
}

/** A label as drawn: its entry, its centre along the axis, its text. */
export type Label = PlacedLabel & { readonly text: string };

/**
 * One label. On a track (`track`), at its entry's place in the whole axis, a percentage of the
 * track's length: a zoom step changes the track's length and every label moves in layout, with no
 * label restyled (restyling them cost about 3 ms a zoom frame at 1000 × 1000). A pinned label, off
 * the track, at its place in the view. Placed by offset, not transform: a label's box is one line
 * (1.25em) across the axis, so its centre is 0.625em in.
 */
function renderOneLabel(label: Label | null, axis: 'rows' | 'columns', tokens: boolean, pinned: boolean, focused: boolean, track?: LabelTrack) {
  // An empty slot of a track keeps its element, hidden: a zoom step that changes the spacing then
  // rewrites elements instead of creating them (creating them cost most of such a frame's render).
  if (!label && !track) return nothing;
  const centre = (shown: Label) => (track ? `${(((shown.index + 0.5) / track.count) * 100).toFixed(6)}%` : px(shown.centre));
  const at = label ? `${axis === 'rows' ? 'top' : 'left'}:calc(${centre(label)} - 0.625em)` : '';
  return html`<span
    class="zoom-label ${tokens ? 'label-font' : ''} ${pinned ? 'hot' : ''} ${focused ? 'focused' : ''}"
    part=${axis === 'rows' ? 'row-label' : 'column-label'}
    style=${cssText(at)}
    ?hidden=${!label}
    >${label ? renderLabel(label.text) : nothing}</span
  >`;
}

/**
 * The thinned labels sit on a track as long as the whole axis, which moves by the scroll: a pan
 * changes one transform and the labels that come and go, not the fifty in view (moving each one
 * restyled it, about 7 ms a frame).
 */
function renderLabels(labels: readonly (Label | null)[], axis: 'rows' | 'columns', tokens: boolean, track: LabelTrack): TemplateResult {
  const style = axis === 'rows' ? `height:${px(track.length)};transform:translateY(${px(-track.shift)})` : `width:${px(track.length)};transform:translateX(${px(-track.shift)})`;
  return html`<div class="zoom-labels ${axis}" aria-hidden="true">
    <div class="zoom-track" style=${cssText(style)}>${labels.map((label) => renderOneLabel(label, axis, tokens, false, false, track))}</div>
  </div>`;
}

function renderOverview(v: PlotView): TemplateResult {
  // The hovered or focused entry's label sits in a layer of its own that does not clip it.
  return html`${renderLabels(v.rowLabels, 'rows', v.rowTokens, v.rowTrack)} ${renderLabels(v.columnLabels, 'columns', v.columnTokens, v.columnTrack)}
    <canvas class="zoom-cells" aria-hidden="true" style=${cssText(`width:${px(v.canvas.width)};height:${px(v.canvas.height)}`)}></canvas>
    <div class="zoom-marks" aria-hidden="true" style=${cssText(`width:${px(v.canvas.width)};height:${px(v.canvas.height)}`)}>
      ${v.bands.map((b) => html`<div class="band" part="band" style=${cssText(boxStyle(b))}></div>`)}
      ${v.hover ? html`<div class="zoom-mark hover" style=${cssText(boxStyle(v.hover))}></div>` : nothing}
      ${v.selected ? html`<div class="zoom-mark selected" part="cell-selected" style=${cssText(boxStyle(v.selected))}></div>` : nothing}
      ${v.focus ? html`<div class="zoom-mark focus" part="focus" style=${cssText(boxStyle(v.focus))}></div>` : nothing}
    </div>
    <div class="zoom-labels rows pins" aria-hidden="true">${renderOneLabel(v.rowPin, 'rows', v.rowTokens, true, v.focusedHeader === 'rows')}</div>
    <div class="zoom-labels columns pins" aria-hidden="true">${renderOneLabel(v.columnPin, 'columns', v.columnTokens, true, v.focusedHeader === 'columns')}</div>`;
}

/** The minimap; its size and view rectangle are set in place by placeMinimap. */
function renderMinimap(v: PlotView): TemplateResult {
  return html`<div
    class="minimap"
    part="overview"
    aria-hidden="true"
    @pointerdown=${v.listeners.minimap}
    @pointermove=${v.listeners.minimap}
    @pointerup=${v.listeners.minimap}
    @pointercancel=${v.listeners.minimap}
  >
    <canvas class="minimap-cells"></canvas>
    <div class="minimap-view"></div>
  </div>`;
}

/**
 * Sizes the minimap and places its view rectangle, in place after each render: they follow every
 * measurement and scroll, and a render for them alone would lay the grid out again.
 */
export function placeMinimap(root: ParentNode, m: NonNullable<PlotView['minimap']>): void {
  const q = (selector: string) => root.querySelector<HTMLElement>(selector);
  for (const element of [q('.minimap'), q('canvas.minimap-cells')]) {
    setOnce(element, 'width', px(m.width));
    setOnce(element, 'height', px(m.height));
  }
  const view = q('.minimap-view');
  for (const side of ['left', 'top', 'width', 'height'] as const) setOnce(view, side, px(m.view[side]));
}
