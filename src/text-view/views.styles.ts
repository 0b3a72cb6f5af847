import { css } from 'lit';

/** The step scores' and the text view's styles: adopted with the views feature (after the element's own, before zoom's). */
export const viewsStyles = css`
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
  @media (forced-colors: active) {
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
