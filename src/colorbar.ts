import { html, nothing, type TemplateResult } from 'lit';
import { cssText } from './css-text.js';
import { formatTick } from './format.js';
import { colorbarTicks, scalePosition, tickStep, type Domain } from './scale.js';
import type { Interpolator } from './schemes.js';

// The element's colours are sound already: the built-in schemes' `rgb(…)`, or a caller's function's
// checked by its CheckedInterpolator (the colours feature, src/css-color.ts). This guard, for any
// other caller, only keeps out what could end a declaration or a gradient stop, or fetch: one hex
// colour, one keyword, or one colour function without nested parentheses, quotes, `;`, `:` or `\`.
const STOP_COLOR = /^(?:#[\da-f]{3,8}|[a-z]+|(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([-\w\s.,%/+]*\))$/i;

/** A colour as given when it is safe in a stop (see STOP_COLOR), else null. */
function stopColor(value: unknown): string | null {
  return typeof value === 'string' && value.length <= 128 && STOP_COLOR.test(value) ? value : null;
}

/** Colour stops sampled along the bar; enough that no scheme shows banding. */
const GRADIENT_STOPS = 32;

export interface ColorbarOptions {
  domain: Domain;
  interpolate: Interpolator;
  /** The data's extremes, to point the ends that values go past. */
  dataMin: number;
  dataMax: number;
  decimals: number;
  label: string;
  /** The bar's height in px, to choose how many ticks fit. */
  height: number;
}

/**
 * `linear-gradient` stops, bottom (min) to top (max), each colour exactly the interpolator's; a stop
 * whose colour is not safe in a stop (see stopColor) is left out, so it can add no declaration.
 */
export function gradientStops(domain: Domain, interpolate: Interpolator): string[] {
  const { min, max } = domain;
  const span = max - min;
  const stops: string[] = [];
  for (let k = 0; k <= GRADIENT_STOPS; k++) {
    const f = k / GRADIENT_STOPS;
    // A span past Number.MAX_VALUE (±1e308 ends) is interpolated without forming it.
    const value = Number.isFinite(span) ? min + (span * k) / GRADIENT_STOPS : min * (1 - f) + max * f;
    const color = stopColor(interpolate(scalePosition(value, domain)));
    if (color !== null) stops.push(`${color} ${((100 * k) / GRADIENT_STOPS).toFixed(2)}%`);
  }
  return stops;
}

/** About one tick per 60 px of bar, so labels never crowd: six on the reference figure's bar; 2 for an unknown height. */
export const tickCount = (height: number) => Math.max(2, Math.min(6, Math.floor(height / 60) || 0));

/**
 * Decimal places for the bar's labels: the cells' `decimals`, or one place finer than the ticks'
 * round step when that needs more, so that no two labels read the same (ticks are at least
 * 0.45 steps apart) and a domain of ±1e-150 reads `1e-150`, not `0`.
 */
export function tickDecimals(domain: Domain, count: number, decimals: number): number {
  const step = tickStep(domain, count);
  const exponent = step > 0 ? Number(step.toExponential().split('e')[1]) : 0;
  return Math.max(exponent < 1 ? 1 - exponent : 0, decimals > 0 ? decimals : 0);
}

/**
 * The colour bar: a gradient from the same interpolator as the cells, round ticks with both ends
 * and the centre, pointed ends where values lie outside the domain, the label as its title.
 */
export function renderColorbar({ domain, interpolate, dataMin, dataMax, decimals, label, height }: ColorbarOptions): TemplateResult {
  const { min, max } = domain;
  const above = dataMax > max;
  const below = dataMin < min;
  // The pointed ends' colours, checked like the gradient's: an invalid one leaves the end unpainted.
  // The colour fills the inner triangle; the outer one, in the line colour, is its outline.
  const endColor = (t: number) => {
    const color = stopColor(interpolate(t));
    return color === null ? '' : `--_end-color:${color}`;
  };
  const count = tickCount(height);
  const places = tickDecimals(domain, count, decimals);
  const ticks = colorbarTicks(domain, count).map((v) => ({ v, text: formatTick(v, places) }));
  const widest = Math.max(...ticks.map((t) => t.text.length));
  const name =
    `${label ? label + ': ' : ''}colour scale from ${formatTick(min, places)} to ${formatTick(max, places)}` +
    (above ? `; values above ${formatTick(max, places)} are clamped` : '') +
    (below ? `; values below ${formatTick(min, places)} are clamped` : '');
  return html`<div class="colorbar" part="colorbar" role="img" aria-label=${name}>
    <div class="scale">
      ${above ? html`<div class="extend high" data-extend="high" style=${cssText(endColor(1))}></div>` : nothing}
      <div class="ramp" style=${cssText(`background:linear-gradient(to top,${gradientStops(domain, interpolate).join(',')})`)}>
        ${ticks.map((t) => html`<div class="tick" style=${cssText(`bottom:${(100 * (t.v - min)) / (max - min)}%`)}>${t.text}</div>`)}
      </div>
      ${below ? html`<div class="extend low" data-extend="low" style=${cssText(endColor(0))}></div>` : nothing}
    </div>
    <div class="ticks-space" style=${cssText(`width:${widest * 0.62 + 1}em`)}></div>
    ${label ? html`<div class="colorbar-title">${label}</div>` : nothing}
  </div>`;
}
