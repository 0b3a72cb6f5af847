// The element's figure as SVG (its toSVG): the shared figure (figure.ts + svg.ts) at the element's
// measured layout, in the theme it is drawn in, with ids unique in a page that inlines several.
import { parseColor, relativeLuminance } from '../color.js';
import type { DerivedView } from '../view/derive.js';
import { canvasOverview } from './browser-export.js';
import { figureFromView, type FigureSizes } from './figure.js';
import { renderFigureSvg } from './svg.js';

/** Exported figures so far, for ids unique in a page that inlines several. */
let figures = 0;

/** The element's figure: `sizes` as measured (undefined before its first render). */
export function elementSvg(element: HTMLElement, view: DerivedView, colorFor: Parameters<typeof figureFromView>[1], sizes?: FigureSizes): string {
  const input = figureFromView(view, colorFor, canvasOverview, {
    sizes,
    theme: isDark(element) ? 'dark' : 'light',
    idPrefix: `token-heatmap-${++figures}-`,
  });
  return renderFigureSvg(input);
}

/** Whether the element is drawn dark: its own background, whatever theme decided it. */
function isDark(element: HTMLElement): boolean {
  const rgb = parseColor(getComputedStyle(element).backgroundColor);
  return !!rgb && relativeLuminance(rgb) < 0.18;
}
