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
    --token-heatmap-muted-color: light-dark(#59636e, #9198a1);
    --token-heatmap-background: light-dark(#ffffff, #0d1117);
    --token-heatmap-line-color: light-dark(#d1d9e0, #3d444d);
    --token-heatmap-missing-color: light-dark(#f6f8fa, #151b23);
    --token-heatmap-missing-stripe-color: light-dark(#afb8c1, #59636e);
    --token-heatmap-highlight-color: light-dark(#ddf4ff, #1f3a5f);
    --token-heatmap-band-color: light-dark(rgb(9 105 218 / 0.12), rgb(88 166 255 / 0.16));
    --token-heatmap-focus-color: light-dark(#0969da, #58a6ff);
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
    display: block;
    box-sizing: border-box;
    width: fit-content;
    max-width: 100%;
    font-family: var(--token-heatmap-font-family);
    font-size: var(--token-heatmap-font-size);
    line-height: 1.25;
    color: var(--token-heatmap-color);
    background: var(--token-heatmap-background);
  }
  :host([theme='light']) {
    color-scheme: light;
  }
  :host([theme='dark']) {
    color-scheme: dark;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .figure {
    display: flex;
    flex-direction: column;
    height: 100%;
    max-height: inherit;
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
  }

  .header {
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
    line-height: calc(var(--token-heatmap-cell-height) - var(--token-heatmap-gap));
    width: var(--token-heatmap-cell-width);
    height: var(--token-heatmap-cell-height);
    align-self: start;
    justify-self: start;
    border: calc(var(--token-heatmap-gap) / 2) solid transparent;
    background-clip: padding-box;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
    overflow: hidden;
    cursor: default;
    outline: none;
    forced-color-adjust: none;
  }
  .missing {
    background-image: repeating-linear-gradient(
      135deg,
      var(--token-heatmap-missing-stripe-color) 0 1px,
      var(--token-heatmap-missing-color) 1px 6px
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
  }
  [tabindex='0']:focus-visible {
    outline: 3px solid var(--token-heatmap-focus-color);
    outline-offset: -3px;
    box-shadow: inset 0 0 0 5px var(--token-heatmap-background);
    z-index: 1;
  }
  .band {
    pointer-events: none;
    background: var(--token-heatmap-band-color);
    z-index: 1;
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
  .ramp {
    flex: 1 1 auto;
    position: relative;
    outline: 1px solid var(--token-heatmap-line-color);
    outline-offset: -1px;
  }
  .extend {
    flex: none;
    height: calc(var(--token-heatmap-colorbar-width) * 0.9);
  }
  .extend.high {
    clip-path: polygon(50% 0, 100% 100%, 0 100%);
  }
  .extend.low {
    clip-path: polygon(0 0, 100% 0, 50% 100%);
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

  /* step scores: rows under the grid held at the scroller's bottom (columns held at its right when transposed) */
  .cell.step-cell,
  .header.step-label {
    position: sticky;
    z-index: 2;
  }
  .header.step-label {
    z-index: 3;
    color: var(--token-heatmap-muted-color);
    font-style: italic;
  }
  .row-label.step-label.first,
  .cell.step-cell.first-row {
    box-shadow: inset 0 1px 0 var(--token-heatmap-line-color);
  }
  .step-legends {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.5em;
    color: var(--token-heatmap-muted-color);
  }
  .step-legend {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    font-variant-numeric: tabular-nums;
  }
  .step-legend-name {
    color: var(--token-heatmap-color);
    font-style: italic;
  }
  .step-legend-ramp {
    display: inline-block;
    width: 6em;
    height: 0.8em;
    outline: 1px solid var(--token-heatmap-line-color);
    outline-offset: -1px;
  }

  /* the text view */
  .text-view {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    max-width: min(100%, var(--token-heatmap-text-width));
    min-height: 0;
  }
  .text-heading {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .text-output {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.4em;
  }
  .text-output .output-name {
    font-weight: 600;
    white-space: pre;
  }
  .text-output .of {
    color: var(--token-heatmap-muted-color);
  }
  .step-output {
    font: inherit;
    font-size: 1.2em;
    line-height: 1;
    min-width: 1.8em;
    padding: 0.15em 0.3em;
    color: inherit;
    background: var(--token-heatmap-background);
    border: 1px solid var(--token-heatmap-line-color);
    border-radius: 4px;
    cursor: pointer;
  }
  .step-output[aria-disabled='true'] {
    opacity: 0.4;
    cursor: default;
  }
  .step-output:focus-visible {
    outline: 3px solid var(--token-heatmap-focus-color);
    outline-offset: 1px;
  }
  .text-body {
    overflow: auto;
    max-height: var(--token-heatmap-max-height);
    overscroll-behavior: contain;
    font-family: var(--token-heatmap-text-font-family);
    font-size: var(--token-heatmap-text-font-size);
    line-height: 1.9;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    /* room for outlines and the focus ring of the tokens at the edges */
    padding: 3px;
  }
  .text-block {
    /* blocks out of view are neither styled nor laid out: ten thousand tokens scroll like a hundred */
    content-visibility: auto;
    contain-intrinsic-size: auto 1.9em;
  }
  .token {
    background-color: var(--_fill, transparent);
    padding: 0.1em 0;
    margin-inline: 1px;
    border-radius: 2px;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
    cursor: default;
    outline: none;
    forced-color-adjust: none;
  }
  .token.on-dark {
    color: #fff;
  }
  .token.on-light {
    color: #000;
  }
  .token:hover {
    box-shadow: 0 0 0 1px var(--token-heatmap-selection-color);
  }
  .token.empty {
    display: inline-block;
    width: 0.4em;
    height: 1.1em;
    vertical-align: -0.15em;
  }
  .token.newline {
    font-size: 0.8em;
  }
  .token.special,
  .token.run {
    font-family: var(--token-heatmap-label-font-family);
    font-size: 0.7em;
    padding: 0.1em 0.35em;
    border-radius: 0.6em;
    vertical-align: 0.15em;
  }
  .token.run {
    color: var(--token-heatmap-muted-color);
    background: var(--token-heatmap-missing-color);
    font-style: italic;
    cursor: pointer;
  }
  .token.target {
    outline: 2px solid var(--token-heatmap-target-color);
    outline-offset: 1px;
  }
  .token.selected {
    box-shadow:
      0 0 0 2px var(--token-heatmap-background),
      0 0 0 4px var(--token-heatmap-selection-color);
    font-weight: 700;
    text-decoration: underline;
  }
  .token[tabindex='0']:focus-visible {
    outline: 3px solid var(--token-heatmap-focus-color);
    outline-offset: 1px;
    box-shadow: none;
  }
  .target-stack {
    display: inline-flex;
    flex-direction: column;
    align-items: flex-start;
    vertical-align: top;
    white-space: normal;
  }
  .step-chips {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em;
    font-size: 0.8rem;
    line-height: 1.3;
    font-family: var(--token-heatmap-font-family);
  }
  .target-scores .step-chips {
    margin-top: 0.3em;
  }
  .step-chip {
    padding: 0 0.35em;
    border-radius: 3px;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
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
    pointer-events: none;
    overflow: visible;
    font-variant-numeric: tabular-nums;
  }
  .tooltip:not(:popover-open):not(.open) {
    display: none;
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
    }
    .selected {
      box-shadow:
        inset 0 0 0 2px CanvasText,
        inset 0 0 0 4px Canvas;
    }
    .alert {
      border: 1px solid CanvasText;
    }
    .token.target {
      outline-color: CanvasText;
    }
    .token[tabindex='0']:focus-visible {
      outline-color: Highlight;
    }
  }
  @media print {
    /* printed pages have no viewport to skip blocks outside of */
    .text-block {
      content-visibility: visible;
    }
  }
`;
