// The page's theme as the element reads it when no `theme` is given: the colour that shows behind
// it — the nearest opaque background among its ancestors, with the translucent ones above it
// blended in, or else the page's canvas, dark or light by the page's `color-scheme`.
import { relativeLuminance, type Rgb } from './color.js';

/** An sRGB colour with its opacity: channels 0–255, alpha 0–1. */
export type Rgba = readonly [number, number, number, number];

/** The canvas of a page whose used colour scheme is light, and of a dark one (Chromium's; Firefox's is close). */
export const LIGHT_CANVAS: Rgb = [255, 255, 255];
export const DARK_CANVAS: Rgb = [18, 18, 18];

/**
 * Below this relative luminance white text contrasts more than black (both reach 4.58:1 at it):
 * a background this dark is a dark theme's.
 */
export const DARK_LUMINANCE = Math.sqrt(1.05 * 0.05) - 0.05;

const RGBA = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)\s*(?:[,/]\s*([\d.]+)(%?)\s*)?\)$/i;

/** Parses a computed colour, `rgb(…)`, `rgba(…)` or `transparent`; null for other forms (the caller asks a canvas). */
export function parseRgba(text: string): Rgba | null {
  const css = text.trim();
  if (css === 'transparent') return [0, 0, 0, 0];
  const m = RGBA.exec(css);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[5] ? Number(m[4]) / 100 : Number(m[4]);
  const channel = (c: string) => Math.max(0, Math.min(255, Number(c)));
  return [channel(m[1]), channel(m[2]), channel(m[3]), Math.max(0, Math.min(1, alpha))];
}

/**
 * Whether the canvas of a page is dark, from the computed `color-scheme` of its root (or the
 * content of its `<meta name="color-scheme">` when the root's is `normal`): `dark` alone is dark,
 * `light dark` follows the reader's preference, anything else is light.
 */
export function canvasIsDark(colorScheme: string, prefersDark: boolean): boolean {
  const words = colorScheme.toLowerCase().split(/[\s,]+/);
  const dark = words.includes('dark');
  const light = words.includes('light');
  return dark && light ? prefersDark : dark;
}

/**
 * The theme of the colour behind the element: `layers` are the backgrounds of its ancestors,
 * nearest first; the first opaque one is the base (the canvas when none is), and the translucent
 * ones in front of it are blended over it.
 */
export function themeBehind(layers: readonly Rgba[], canvasDark: boolean): 'light' | 'dark' {
  let base = layers.findIndex((c) => c[3] >= 0.999);
  if (base < 0) base = layers.length;
  let color: [number, number, number] = base < layers.length ? [layers[base][0], layers[base][1], layers[base][2]] : [...(canvasDark ? DARK_CANVAS : LIGHT_CANVAS)];
  for (let i = base - 1; i >= 0; i--) {
    const [r, g, b, a] = layers[i];
    color = [color[0] * (1 - a) + r * a, color[1] * (1 - a) + g * a, color[2] * (1 - a) + b * a];
  }
  return relativeLuminance(color) < DARK_LUMINANCE ? 'dark' : 'light';
}
