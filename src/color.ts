/** An sRGB colour, channels 0–255. */
export type Rgb = readonly [number, number, number];

const HEX = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
const RGB_FUNCTION = /^rgba?\(\s*([\d.]+)(%?)[\s,]+([\d.]+)(%?)[\s,]+([\d.]+)(%?)\s*(?:[,/]\s*[\d.]+%?\s*)?\)$/i;

/**
 * Parses the colour forms interpolators return (`#rgb`, `#rrggbb`, `rgb()`,
 * `rgba()`); anything else gives null so the caller can ask the browser.
 */
export function parseColor(text: string): Rgb | null {
  const css = text.trim();
  const hex = HEX.exec(css);
  if (hex) {
    let digits = hex[1];
    if (digits.length <= 4) digits = [...digits].map((d) => d + d).join('');
    return [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as unknown as Rgb;
  }
  const fn = RGB_FUNCTION.exec(css);
  if (!fn) return null;
  const channel = (value: string, percent: string) =>
    Math.max(0, Math.min(255, percent ? (parseFloat(value) * 255) / 100 : parseFloat(value)));
  return [channel(fn[1], fn[2]), channel(fn[3], fn[4]), channel(fn[5], fn[6])];
}

/** WCAG 2 relative luminance. */
export function relativeLuminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2 contrast ratio between two colours (1 to 21). */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const BLACK: Rgb = [0, 0, 0];
export const WHITE: Rgb = [255, 255, 255];

/**
 * The text colour with the highest contrast on `background`. Pure black or
 * white always reaches at least 4.58:1, so every annotation passes WCAG AA.
 */
export function bestTextColor(background: Rgb): '#000' | '#fff' {
  return contrastRatio(background, BLACK) >= contrastRatio(background, WHITE) ? '#000' : '#fff';
}
