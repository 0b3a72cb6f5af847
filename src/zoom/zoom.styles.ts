import { css } from 'lit';

export const zoomStyles = css`
  /* static: the wrappers take no box, so the readable grid lays out exactly as without zoom */
  .plot,
  .static .zoom-area,
  .static .zoom-bar {
    display: contents;
  }
  .plot.zoomable {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    /* as wide as the element may be (the host is fit-content up to 100 %), as tall as the grid may be */
    width: 100vw;
    min-width: 0;
    height: var(--token-heatmap-max-height);
    max-height: 100%;
    min-height: 8em;
  }
  /* the minimap and the zoom control, above the cells so neither hides any */
  .zoom-bar {
    display: flex;
    align-items: center;
    gap: 0.75em;
    flex: none;
    /* as tall with the minimap as without, so it never moves the cells */
    height: 3.25em;
    padding-bottom: 0.25em;
    /* room for the export menu's button in the element's top-right corner */
    padding-right: 2.5em;
  }
  :host([no-export]) .zoom-bar {
    padding-right: 0;
  }
  .zoom-control {
    margin-left: auto;
    display: inline-flex;
    align-items: center;
    gap: 2px;
    font-variant-numeric: tabular-nums;
  }
  .zoom-control button {
    min-width: 2em;
    height: 2em;
    padding: 0 0.5em;
    border: 1px solid var(--token-heatmap-line-color);
    border-radius: 4px;
    font: inherit;
    color: inherit;
    background: var(--token-heatmap-background);
    cursor: pointer;
  }
  .zoom-control button[aria-disabled='true'] {
    opacity: 0.45;
    cursor: default;
  }
  .zoom-control button[aria-pressed='true'] {
    background: var(--token-heatmap-highlight-color);
  }
  .zoom-control button:focus-visible {
    outline: 3px solid var(--token-heatmap-focus-color);
    outline-offset: 1px;
  }
  .zoom-level {
    min-width: 4.5em;
    text-align: center;
  }
  .zoom-area {
    position: relative;
    flex: 1 1 auto;
    min-height: 0;
    overflow: hidden;
  }
  .zoomable .scroller {
    max-height: none;
    height: 100%;
    /* a zoom sets the scroll position itself; anchoring would follow a reused cell element away from it */
    overflow-anchor: none;
  }
  /* the overview: the grid stays in the page as the accessible layer, visually hidden at the focused cell */
  .canvas .scroller {
    position: absolute;
    left: var(--_focus-x, 0px);
    top: var(--_focus-y, 0px);
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    pointer-events: none;
  }
  .canvas .zoom-area {
    touch-action: none;
    cursor: crosshair;
  }
  .zoom-cells,
  .zoom-marks {
    position: absolute;
    left: var(--_gutter-left);
    top: var(--_gutter-top);
  }
  .zoom-marks {
    overflow: hidden;
    pointer-events: none;
  }
  .zoom-labels {
    position: absolute;
    overflow: hidden;
    pointer-events: none;
  }
  .zoom-labels.rows {
    left: 0;
    top: var(--_gutter-top);
    bottom: 0;
    width: var(--_gutter-left);
  }
  .zoom-labels.columns {
    top: 0;
    left: var(--_gutter-left);
    right: 0;
    height: var(--_gutter-top);
  }
  /* as long as the whole axis (render-zoom.ts sets its length and shift) */
  .zoom-track {
    position: absolute;
    top: 0;
    left: 0;
  }
  .rows .zoom-track {
    right: 0;
  }
  .columns .zoom-track {
    bottom: 0;
  }
  /* an empty slot (render-zoom.ts), hidden also from a page's ::part() rules */
  .zoom-label[hidden] {
    display: none !important;
  }
  .zoom-label {
    position: absolute;
    white-space: pre;
    overflow: hidden;
    text-overflow: ellipsis;
    line-height: 1.25;
  }
  .rows .zoom-label {
    right: 0;
    max-width: 100%;
    padding: 0 0.4em;
  }
  /* read bottom to top, without a transform (see render-zoom.ts) */
  .columns .zoom-label {
    bottom: 0;
    max-height: 100%;
    padding: 0.3em 0;
    writing-mode: sideways-lr;
  }
  @supports not (writing-mode: sideways-lr) {
    .columns .zoom-label {
      writing-mode: vertical-rl;
      rotate: 180deg;
    }
  }
  /* the hovered or focused entry: in full, over the cells if need be */
  .zoom-labels.pins {
    overflow: visible;
    z-index: 3;
  }
  .zoom-label.hot {
    font-weight: 700;
    background: var(--token-heatmap-highlight-color);
  }
  .zoom-label.focused {
    outline: 3px solid var(--token-heatmap-focus-color);
    outline-offset: -3px;
  }
  .rows.pins .zoom-label {
    left: 0;
    right: auto;
    min-width: 100%;
    max-width: none;
    text-align: right;
  }
  .columns.pins .zoom-label {
    top: 0;
    bottom: auto;
    min-height: 100%;
    max-height: none;
  }
  .zoom-mark {
    position: absolute;
  }
  .zoom-mark.hover {
    outline: 1px solid var(--token-heatmap-color);
    outline-offset: 0;
  }
  .zoom-mark.selected {
    box-shadow:
      0 0 0 2px var(--token-heatmap-selection-color),
      0 0 0 3px var(--token-heatmap-background);
  }
  .zoom-mark.focus {
    outline: 3px solid var(--token-heatmap-focus-color);
    box-shadow: 0 0 0 5px var(--token-heatmap-background);
  }
  .minimap {
    position: relative;
    flex: none;
    outline: 1px solid var(--token-heatmap-line-color);
    touch-action: none;
    cursor: pointer;
  }
  .minimap-cells {
    display: block;
  }
  .minimap-view {
    position: absolute;
    outline: 2px solid var(--token-heatmap-focus-color);
    background: rgb(127 127 127 / 0.15);
    cursor: grab;
  }
  .zoom-sizers {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
    top: 0;
    left: 0;
    overflow: hidden;
    width: 0;
    height: 0;
  }
  .zoom-sizers > * {
    position: absolute;
    white-space: pre;
  }
  .zoom-probe {
    width: var(--token-heatmap-cell-width);
    height: var(--token-heatmap-cell-height);
  }
  .zoom-digits {
    font-variant-numeric: tabular-nums;
  }
  .zoom-sizer.for-rows {
    padding: 0 0.4em;
  }
  .zoom-sizer.for-columns {
    writing-mode: vertical-rl;
    padding: 0.3em 0;
  }
  .zoom-swatch.missing {
    color: var(--token-heatmap-missing-stripe-color);
  }
  .zoomable ~ slot > .colorbar {
    padding-top: var(--_zoom-top, 0px);
  }
  @media (forced-colors: active) {
    .zoom-mark.focus,
    .zoom-label.focused {
      outline-color: Highlight;
    }
    .zoom-label.hot {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .minimap-view {
      outline-color: Highlight;
    }
  }
`;
