import { html, nothing, type TemplateResult } from 'lit';
import { cssText } from './css-text.js';
import { formatTick } from './format.js';
import { colorbarTicks, scalePosition, type Domain } from './scale.js';
import type { Interpolator } from './schemes.js';

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

/** `linear-gradient` stops, bottom (min) to top (max), each colour exactly the interpolator's. */
export function gradientStops(domain: Domain, interpolate: Interpolator): string[] {
  const { min, max } = domain;
  const stops: string[] = [];
  for (let k = 0; k <= GRADIENT_STOPS; k++) {
    const value = min + ((max - min) * k) / GRADIENT_STOPS;
    stops.push(`${interpolate(scalePosition(value, domain))} ${((100 * k) / GRADIENT_STOPS).toFixed(2)}%`);
  }
  return stops;
}

/** About one tick per 60 px of bar, so labels never crowd: six on the reference figure's bar. */
export const tickCount = (height: number) => Math.max(2, Math.min(6, Math.floor(height / 60)));

/**
 * The colour bar: a gradient from the same interpolator as the cells, round ticks with both ends
 * and the centre, pointed ends where values lie outside the domain, the label as its title.
 */
export function renderColorbar({ domain, interpolate, dataMin, dataMax, decimals, label, height }: ColorbarOptions): TemplateResult {
  const { min, max } = domain;
  const above = dataMax > max;
  const below = dataMin < min;
  const count = tickCount(height);
  const ticks = colorbarTicks(domain, count).map((v) => ({ v, text: formatTick(v, decimals) }));
  const widest = Math.max(...ticks.map((t) => t.text.length));
  const name =
    `${label ? label + ': ' : ''}colour scale from ${formatTick(min, decimals)} to ${formatTick(max, decimals)}` +
    (above ? `; values above ${formatTick(max, decimals)} are clamped` : '') +
    (below ? `; values below ${formatTick(min, decimals)} are clamped` : '');
  return html`<div class="colorbar" part="colorbar" role="img" aria-label=${name}>
    <div class="scale">
      ${above ? html`<div class="extend high" data-extend="high" style=${cssText(`background:${interpolate(1)}`)}></div>` : nothing}
      <div class="ramp" style=${cssText(`background:linear-gradient(to top,${gradientStops(domain, interpolate).join(',')})`)}>
        ${ticks.map((t) => html`<div class="tick" style=${cssText(`bottom:${(100 * (t.v - min)) / (max - min)}%`)}>${t.text}</div>`)}
      </div>
      ${below ? html`<div class="extend low" data-extend="low" style=${cssText(`background:${interpolate(0)}`)}></div>` : nothing}
    </div>
    <div class="ticks-space" style=${cssText(`width:${widest * 0.62 + 1}em`)}></div>
    ${label ? html`<div class="colorbar-title">${label}</div>` : nothing}
  </div>`;
}
