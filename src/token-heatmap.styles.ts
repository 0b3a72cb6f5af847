import { css } from 'lit';

export const styles = css`
  :host {
    --token-heatmap-font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    --token-heatmap-label-font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', monospace;
    --token-heatmap-font-size: 12px;
    --token-heatmap-cell-width: 72px;
    --token-heatmap-cell-height: 28px;
    --token-heatmap-gap: 0px;
    --token-heatmap-row-label-max-width: 12em;
    --token-heatmap-column-label-max-height: 10em;
    --token-heatmap-max-height: 80vh;
    --token-heatmap-colorbar-width: 16px;
    --token-heatmap-color: light-dark(#1f2328, #e6edf3);
    /* ≥ 4.5:1 on the background and on the highlight in both themes */
    --token-heatmap-muted-color: light-dark(#59636e, #9ea7b3);
    --token-heatmap-background: light-dark(#ffffff, #0d1117);
    /* the colour bar's outline: ≥ 3:1 against the background (WCAG 1.4.11) */
    --token-heatmap-line-color: light-dark(#6e7781, #7d8590);
    --token-heatmap-missing-color: light-dark(#f6f8fa, #151b23);
    /* ≥ 3:1 against the missing colour (3.24:1 light, 3.77:1 dark) */
    --token-heatmap-missing-stripe-color: light-dark(#818b98, #6e7681);
    --token-heatmap-highlight-color: light-dark(#ddf4ff, #1f3a5f);
    --token-heatmap-band-color: light-dark(#0969da, #58a6ff);
    /* a two-colour ring, 12.8:1 (light) and 14.9:1 (dark) apart: one of them is ≥ 3:1 against any colour */
    --token-heatmap-focus-color: light-dark(#0a3069, #cae8ff);
    --token-heatmap-focus-inner-color: light-dark(#ffffff, #0d1117);
    --token-heatmap-selection-color: light-dark(#1f2328, #ffffff);
    --token-heatmap-tooltip-background: light-dark(#1f2328, #f0f3f6);
    --token-heatmap-tooltip-color: light-dark(#ffffff, #1f2328);
    --token-heatmap-alert-color: light-dark(#82071e, #ffa198);
    --token-heatmap-alert-background: light-dark(#ffebe9, #3c1618);
    --token-heatmap-text-font-family: var(--token-heatmap-font-family);
    --token-heatmap-text-font-size: 1.25em;
    --token-heatmap-text-width: 48em;
    --token-heatmap-target-color: light-dark(#1f2328, #ffffff);

    color-scheme: light dark;
    /* a flex column, so the figure fills a height given to the element without height: 100%,
       which quirks mode (a page without <!doctype html>) resolves against the viewport */
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    width: fit-content;
    max-width: 100%;
    font-family: var(--token-heatmap-font-family);
    font-size: var(--token-heatmap-font-size);
    line-height: 1.25;
    color: var(--token-heatmap-color);
    background: var(--token-heatmap-background);
  }
  /* the page's theme, found by the theme controller; the theme attribute wins */
  :host(:state(light)),
  :host([theme='light']) {
    color-scheme: light;
  }
  :host(:state(dark)),
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  /* border-box, not inherit: an explicit inherit makes every element's style uncacheable (the
     browser computes each one in full), and restyling 97 overview labels took 8 ms instead of 1.8
     (Chromium 156). The host is border-box, so this is what inherit gave. */
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  .figure {
    position: relative;
    display: flex;
    flex-direction: column;
    flex: 1 1 auto;
    min-height: 0;
    gap: 0.5em;
  }
  .alert {
    margin: 0;
    padding: 0.5em 0.75em;
    border-left: 3px solid currentColor;
    color: var(--token-heatmap-alert-color);
    background: var(--token-heatmap-alert-background);
  }
  .alert p {
    margin: 0;
  }
  .caption {
    margin: 0;
    color: inherit;
    font-size: 1.25em;
    font-weight: 600;
    text-align: center;
  }
  .body {
    display: flex;
    align-items: stretch;
    gap: 0.75em;
    min-height: 0;
    flex: 1 1 auto;
    /* room for the half of the lowest tick label that hangs below the colour bar */
    padding-bottom: 0.6em;
  }
  .scroller {
    position: relative;
    overflow: auto;
    flex: 0 1 auto;
    min-width: 0;
    min-height: 0;
    max-width: 100%;
    max-height: var(--token-heatmap-max-height);
    overscroll-behavior: contain;
  }
  .grid {
    display: grid;
    width: max-content;
    position: relative;
    outline: none;
  }
  .row {
    display: contents;
    /* The cells' size, line and gap, resolved once a row and inherited by its cells (a row draws no
       box of its own). Each cell has an inline style of its own (its place and colour), so the
       browser computes every cell's style in full, and a var() in the cells' rule was substituted
       again for each: restyling a window's 1,403 elements took 44–50 ms, now 13–24 (Chromium 156). */
    width: var(--token-heatmap-cell-width);
    height: var(--token-heatmap-cell-height);
    line-height: calc(var(--token-heatmap-cell-height) - var(--token-heatmap-gap));
    border: calc(var(--token-heatmap-gap) / 2) solid transparent;
  }

  .header {
    /* the line the host gives, not the row's (which is the cells') */
    line-height: 1.25;
    position: sticky;
    z-index: 2;
    background: var(--token-heatmap-background);
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .corner {
    top: 0;
    left: 0;
    z-index: 3;
    grid-area: 1 / 1;
  }
  .column-label {
    top: 0;
    display: flex;
    align-items: flex-end;
    justify-content: center;
    width: var(--token-heatmap-cell-width);
    padding: 0.25em 0.2em;
    text-align: center;
    overflow-wrap: anywhere;
    align-self: stretch;
  }
  .column-label .text {
    display: -webkit-box;
    -webkit-box-orient: vertical;
    -webkit-line-clamp: 3;
    overflow: hidden;
  }
  .vertical .column-label .text {
    display: block;
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    white-space: pre;
    max-height: var(--token-heatmap-column-label-max-height);
    text-overflow: ellipsis;
  }
  .row-label {
    left: 0;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    height: var(--token-heatmap-cell-height);
    padding: 0 0.5em;
    max-width: var(--token-heatmap-row-label-max-width);
    align-self: start;
  }
  .row-label .text {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: pre;
  }
  .label-font {
    font-family: var(--token-heatmap-label-font-family);
  }
  .glyph {
    color: var(--token-heatmap-muted-color);
  }
  /* grouped views: an expandable group, its opened pieces, a run of hidden rows */
  .header[aria-expanded] {
    cursor: pointer;
  }
  .disclosure {
    margin-inline-end: 0.3em;
    color: var(--token-heatmap-muted-color);
  }
  .row-label.piece {
    padding-inline-end: 1.75em;
    font-size: 0.92em;
  }
  .column-label.piece {
    padding-top: 1em;
    font-size: 0.92em;
  }
  .header.run {
    font-style: italic;
    color: var(--token-heatmap-muted-color);
  }
  .cell.run {
    cursor: pointer;
    background: var(--token-heatmap-missing-color);
  }
  .header.hot {
    background: var(--token-heatmap-highlight-color);
    font-weight: 700;
  }

  .cell {
    position: relative;
    /* block, not grid: a million-cell scroll re-lays out hundreds of these per frame */
    display: block;
    text-align: center;
    /* the row's (above); the line height is inherited */
    width: inherit;
    height: inherit;
    align-self: start;
    justify-self: start;
    border-width: inherit;
    border-style: solid;
    border-color: transparent;
    background-clip: padding-box;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow: hidden;
    cursor: default;
    outline: none;
    forced-color-adjust: none;
  }
  .missing {
    /* 2 px stripes: a 1 px diagonal is painted at part coverage only, below its colour's contrast */
    background-color: var(--token-heatmap-missing-color);
    background-image: repeating-linear-gradient(
      135deg,
      var(--token-heatmap-missing-stripe-color) 0 2px,
      var(--token-heatmap-missing-color) 2px 7px
    );
  }
  .above::after,
  .below::after {
    content: '';
    position: absolute;
    right: 2px;
    border: 5px solid transparent;
  }
  .above::after {
    top: 2px;
    border-top-color: currentColor;
    border-right-color: currentColor;
  }
  .below::after {
    bottom: 2px;
    border-bottom-color: currentColor;
    border-right-color: currentColor;
  }
  .selected {
    box-shadow:
      inset 0 0 0 2px var(--token-heatmap-selection-color),
      inset 0 0 0 4px var(--token-heatmap-background);
    font-weight: 700;
    text-decoration: underline;
    /* above the crosshair band */
    z-index: 2;
  }
  [tabindex='0']:focus-visible {
    outline: 2px solid var(--token-heatmap-focus-color);
    outline-offset: -2px;
    box-shadow: inset 0 0 0 4px var(--token-heatmap-focus-inner-color);
    z-index: 2;
  }
  /* The crosshair band frames the row and the column with lines along their edges: nothing is
     painted over the cells' text, whose contrast stays that of its own cell. */
  .band {
    pointer-events: none;
    z-index: 1;
  }
  .band.row-band {
    border-block: 2px solid var(--token-heatmap-band-color);
  }
  .band.column-band {
    border-inline: 2px solid var(--token-heatmap-band-color);
  }

  .colorbar {
    display: flex;
    align-items: stretch;
    gap: 0.25em;
    flex: none;
    padding-top: var(--_header-height, 0px);
    max-height: var(--token-heatmap-max-height);
  }
  .scale {
    position: relative;
    display: flex;
    flex-direction: column;
    width: var(--token-heatmap-colorbar-width);
    min-height: 8em;
    max-height: calc(var(--_body-height, 100%));
  }
  /* The bar and its pointed ends keep their data colours in forced colours, as the cells do; a
     1 px line of --token-heatmap-line-color (≥ 3:1 against the background) outlines all three. */
  .ramp,
  .extend {
    forced-color-adjust: none;
  }
  .ramp {
    flex: 1 1 auto;
    position: relative;
    border: 1px solid var(--token-heatmap-line-color);
  }
  .extend {
    position: relative;
    flex: none;
    height: calc(var(--token-heatmap-colorbar-width) * 0.9);
    /* the outline: a triangle of the line colour, the end's colour a triangle inside it */
    background: var(--token-heatmap-line-color);
  }
  .extend::before {
    content: '';
    position: absolute;
    inset: 0;
    background: var(--_end-color, transparent);
  }
  .extend.high {
    margin-bottom: -1px;
  }
  .extend.low {
    margin-top: -1px;
  }
  .extend.high {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .extend.low {
    clip-path: polygon(0 0, 100% 0, 50% 100%);
  }
  /* The inner triangle: its slanted sides 2 px inside the outer one's (a 1 px slanted line is
     painted at part coverage, below its colour's contrast), its base 1 px above the outer base,
     which the ramp's border overlaps. The end is 0.9 times as tall as the bar is wide, so the
     apex sits 4.12 px lower and the base corners 2.85 px further in, at any bar width. */
  .extend.high::before {
    clip-path: polygon(50% 4.12px, calc(100% - 2.85px) calc(100% - 1px), 2.85px calc(100% - 1px));
  }
  .extend.low::before {
    clip-path: polygon(2.85px 1px, calc(100% - 2.85px) 1px, 50% calc(100% - 4.12px));
  }
  .tick {
    position: absolute;
    left: 100%;
    display: flex;
    align-items: center;
    gap: 0.25em;
    transform: translateY(50%);
    white-space: nowrap;
    font-variant-numeric: tabular-nums;
  }
  .tick::before {
    content: '';
    width: 5px;
    margin-right: 2px;
    border-top: 1px solid var(--token-heatmap-color);
  }
  .ticks-space {
    width: 3.5em;
  }
  .colorbar-title {
    writing-mode: vertical-rl;
    transform: rotate(180deg);
    text-align: center;
    white-space: nowrap;
  }

  /* the grid, the step scores' legends and the text view, stacked; the colour bar beside them */
  .views {
    display: flex;
    flex-direction: column;
    gap: 0.75em;
    min-width: 0;
    min-height: 0;
    flex: 0 1 auto;
  }
  .views > .scroller {
    align-self: flex-start;
  }

  /* The export menu shows when the figure is pointed at or focused, as charting toolbars do. */
  .export {
    position: absolute;
    top: 0;
    right: 0;
    z-index: 4;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 2px;
    opacity: 0;
  }
  :host(:hover) .export,
  .export:focus-within,
  .export.open {
    opacity: 1;
  }
  .export button {
    font: inherit;
    color: var(--token-heatmap-color);
    background: var(--token-heatmap-background);
    border: 1px solid var(--token-heatmap-muted-color);
    border-radius: 4px;
    padding: 0.15em 0.5em;
    cursor: pointer;
  }
  .export svg {
    display: block;
    margin: 0.1em 0;
  }
  .export button:focus-visible {
    outline: 2px solid var(--token-heatmap-focus-color);
    outline-offset: 1px;
  }
  .export-formats {
    display: flex;
    flex-direction: column;
    gap: 2px;
  }
  .export-formats[hidden] {
    display: none;
  }
  .tooltip {
    position: fixed;
    inset: auto;
    left: 0;
    top: 0;
    margin: 0;
    z-index: 10;
    max-width: min(24em, calc(100vw - 8px));
    padding: 0.5em 0.65em;
    border: 0;
    border-radius: 6px;
    color: var(--token-heatmap-tooltip-color);
    background: var(--token-heatmap-tooltip-background);
    box-shadow: 0 4px 14px rgb(0 0 0 / 0.25);
    overflow: visible;
    font-variant-numeric: tabular-nums;
  }
  .tooltip:not(:popover-open):not(.open) {
    display: none;
  }
  /* Hoverable (WCAG 1.4.13): a transparent bridge over the gap between the cell and the tooltip,
     so the pointer crosses no other cell on its way onto the tooltip. */
  .tooltip::before {
    content: '';
    position: absolute;
  }
  .tooltip[data-side='above']::before {
    inset: 100% 0 auto;
    height: 10px;
  }
  .tooltip[data-side='below']::before {
    inset: auto 0 100%;
    height: 10px;
  }
  .tooltip[data-side='right']::before {
    inset: 0 auto 0 -10px;
    width: 10px;
  }
  .tooltip[data-side='left']::before {
    inset: 0 -10px 0 auto;
    width: 10px;
  }
  .tooltip dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.15em 0.75em;
    margin: 0;
  }
  .tooltip dt {
    opacity: 0.75;
  }
  .tooltip dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .tooltip .glyph {
    color: inherit;
    opacity: 0.7;
  }
  .tooltip dd.shown {
    font-weight: 700;
  }

  /* measured to find the cell size in pixels for windowing */
  .probe {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
    width: var(--token-heatmap-cell-width);
    height: var(--token-heatmap-cell-height);
  }
  /* invisible labels as long as the longest, so windowing never changes the label column's size */
  .sizer {
    visibility: hidden;
  }
  .row-label.sizer {
    grid-area: 1 / 1;
    height: 0;
  }
  .column-label.sizer {
    grid-area: 1 / 2;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: no-preference) {
    .header {
      transition: background-color 80ms linear;
    }
  }
  @media (forced-colors: active) {
    .header.hot {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [tabindex='0']:focus-visible {
      outline-color: Highlight;
      box-shadow: inset 0 0 0 4px Canvas;
    }
    .ramp,
    .extend {
      --token-heatmap-line-color: CanvasText;
    }
    .band.row-band,
    .band.column-band {
      border-color: Highlight;
    }
    .selected {
      box-shadow:
        inset 0 0 0 2px CanvasText,
        inset 0 0 0 4px Canvas;
    }
    .alert {
      border: 1px solid CanvasText;
    }
  }
`;
