import { executeServerCommand } from '@web/test-runner-commands';
import { contrastRatio, type Rgb } from '../src/color.js';

/** A screenshot of a box of the viewport, as pixels: what the browser painted there. */
export interface Pixels {
  readonly width: number;
  readonly height: number;
  /** The colour at (x, y), from the box's top left. */
  at(x: number, y: number): Rgb;
  /** The colour at a point of the viewport inside the box. */
  atViewport(x: number, y: number): Rgb;
}

/** Screenshots a box of the viewport (rounded outward to whole pixels) and decodes it here. */
export async function screenshot(box: { left: number; top: number; width: number; height: number }): Promise<Pixels> {
  const x = Math.floor(box.left);
  const y = Math.floor(box.top);
  const width = Math.ceil(box.left + box.width) - x;
  const height = Math.ceil(box.top + box.height) - y;
  const png = await executeServerCommand<string, object>('screenshot', { x, y, width, height });
  const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${png}`)).blob());
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
  // A device pixel ratio above 1 gives a larger image: read it in CSS pixels.
  const scale = bitmap.width / width;
  return {
    width,
    height,
    at(px, py) {
      const i = (Math.floor(py * scale) * bitmap.width + Math.floor(px * scale)) * 4;
      return [data[i], data[i + 1], data[i + 2]];
    },
    atViewport(vx, vy) {
      return this.at(vx - x, vy - y);
    },
  };
}

const key = (c: Rgb) => c.join(',');

/** The most frequent colour in a box of pixels (a cell's background under its text). */
export function dominant(pixels: Pixels, inset = 0): Rgb {
  const counts = new Map<string, [Rgb, number]>();
  for (let y = inset; y < pixels.height - inset; y++) {
    for (let x = inset; x < pixels.width - inset; x++) {
      const c = pixels.at(x, y);
      const entry = counts.get(key(c));
      if (entry) entry[1]++;
      else counts.set(key(c), [c, 1]);
    }
  }
  return [...counts.values()].sort((a, b) => b[1] - a[1])[0][0];
}

/**
 * The painted contrast of what is drawn on a background in a box: the background is the most
 * frequent colour, the ink the pixel that contrasts most with it (a glyph's fully covered core).
 */
export function paintedContrast(pixels: Pixels, inset = 0): { background: Rgb; ink: Rgb; ratio: number } {
  const background = dominant(pixels, inset);
  let ink = background;
  let ratio = 1;
  for (let y = inset; y < pixels.height - inset; y++) {
    for (let x = inset; x < pixels.width - inset; x++) {
      const c = pixels.at(x, y);
      const r = contrastRatio(c, background);
      if (r > ratio) [ink, ratio] = [c, r];
    }
  }
  return { background, ink, ratio };
}
