import type { Rgb } from '../color.js';
import type { Interpolator } from '../schemes.js';

/** Entries in a colour table: odd, so the scale's centre (t = 0.5) has an entry of its own. */
export const TABLE_SIZE = 1025;

/** A colour as one 32-bit word in ImageData's byte order (R, G, B, A in memory, whatever the platform's endianness). */
export function packColor([r, g, b]: Rgb, alpha = 255): number {
  const word = new Uint32Array(1);
  const bytes = new Uint8Array(word.buffer);
  bytes[0] = Math.round(r);
  bytes[1] = Math.round(g);
  bytes[2] = Math.round(b);
  bytes[3] = Math.round(alpha);
  return word[0];
}

/** The R, G, B, A bytes of a packed colour. */
export function unpackColor(word: number): [number, number, number, number] {
  const bytes = new Uint8Array(new Uint32Array([word]).buffer);
  return [bytes[0], bytes[1], bytes[2], bytes[3]];
}

/**
 * The interpolator sampled at `size` evenly spaced positions 0…1, packed for ImageData. It depends
 * on the interpolator only: the domain is applied per value when colouring, so a new domain keeps it.
 * `parse` turns the interpolator's CSS colour into channels (null: unreadable, drawn as `fallback`).
 */
export function colorTable(interpolate: Interpolator, parse: (css: string) => Rgb | null, size = TABLE_SIZE, fallback: Rgb = [255, 255, 255]): Uint32Array {
  const table = new Uint32Array(size);
  const bytes = new Uint8Array(table.buffer);
  const memo = new Map<string, Rgb>();
  for (let j = 0; j < size; j++) {
    const css = String(interpolate(j / (size - 1)));
    let rgb = memo.get(css);
    if (!rgb) {
      rgb = parse(css) ?? fallback;
      memo.set(css, rgb);
    }
    bytes[4 * j] = Math.round(rgb[0]);
    bytes[4 * j + 1] = Math.round(rgb[1]);
    bytes[4 * j + 2] = Math.round(rgb[2]);
    bytes[4 * j + 3] = 255;
  }
  return table;
}
