// Helpers for the Node-side browser tests that check the static figure a reader sees: the pixels of a
// PNG screenshot (8-bit RGB or RGBA, not interlaced: what Puppeteer writes) and the cells of the SVG.
import { inflateSync } from 'node:zlib';

/** { width, height, pixel(x, y) → [r, g, b, a] } of a PNG buffer. */
export function decodePng(buffer) {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => buffer[i] === byte)) throw new Error('not a PNG');
  let offset = 8;
  let header;
  const data = [];
  while (offset < buffer.length) {
    const length = buffer.readUInt32BE(offset);
    const type = buffer.toString('latin1', offset + 4, offset + 8);
    const body = buffer.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4), depth: body[8], colour: body[9], interlace: body[12] };
    if (type === 'IDAT') data.push(body);
    if (type === 'IEND') break;
    offset += 12 + length;
  }
  const { width, height, depth, colour, interlace } = header;
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace) throw new Error(`unsupported PNG: depth ${depth}, colour type ${colour}`);
  const channels = colour === 6 ? 4 : 3;
  const stride = width * channels;
  const raw = inflateSync(Buffer.concat(data));
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = pixels.subarray(y * stride, (y + 1) * stride);
    const up = y ? pixels.subarray((y - 1) * stride, y * stride) : Buffer.alloc(stride);
    for (let i = 0; i < stride; i++) {
      const left = i >= channels ? out[i - channels] : 0;
      const above = up[i];
      const corner = i >= channels ? up[i - channels] : 0;
      let predictor = 0;
      if (filter === 1) predictor = left;
      else if (filter === 2) predictor = above;
      else if (filter === 3) predictor = (left + above) >> 1;
      else if (filter === 4) {
        const p = left + above - corner;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - above), Math.abs(p - corner)];
        predictor = pa <= pb && pa <= pc ? left : pb <= pc ? above : corner;
      }
      out[i] = (line[i] + predictor) & 0xff;
    }
  }
  return {
    width,
    height,
    pixel(x, y) {
      const i = Math.floor(y) * stride + Math.floor(x) * channels;
      return [pixels[i], pixels[i + 1], pixels[i + 2], channels === 4 ? pixels[i + 3] : 255];
    },
  };
}

/** [r, g, b] of a CSS colour as d3 writes them: `rgb(r, g, b)` or `#rrggbb`. */
export function rgbOf(css) {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(css);
  if (hex) return hex.slice(1).map((h) => parseInt(h, 16));
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (rgb) return rgb.slice(1).map(Number);
  throw new Error(`not a d3 colour: ${css}`);
}

/** The SVG inside an output's static `<img>` (a data:image/svg+xml;base64 URI). */
export function svgOfImage(src) {
  const prefix = 'data:image/svg+xml;base64,';
  if (!src.startsWith(prefix)) throw new Error(`not an SVG data URI: ${src.slice(0, 40)}`);
  return Buffer.from(src.slice(prefix.length), 'base64').toString('utf8');
}

/** The coloured cells of a static figure, row-major: { x, y, fill } in SVG units. */
export function svgCells(svg) {
  return [...svg.matchAll(/<rect x="([\d.]+)" y="([\d.]+)" width="72" height="28" fill="((?:rgb|#)[^"]*)"\/>/g)].map((m) => ({
    x: Number(m[1]),
    y: Number(m[2]),
    fill: m[3],
  }));
}

/**
 * What a reader sees of the static figure `selector` on `page`: for each coloured cell, the colour
 * painted in a screenshot (the majority of three points clear of the cell's text) and the colour
 * the figure asks for. The image must be drawn (decoded, laid out, not hidden).
 */
export async function paintedCells(page, selector) {
  await page.waitForFunction(
    (s) => {
      const img = document.querySelector(s);
      return img && img.complete && img.naturalWidth > 0 && img.getBoundingClientRect().width > 0 && getComputedStyle(img).visibility !== 'hidden';
    },
    { timeout: 15000 },
    selector,
  );
  const box = await page.$eval(selector, (img) => {
    img.scrollIntoView({ block: 'start' });
    const r = img.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, src: img.src, natural: img.naturalWidth };
  });
  const svg = svgOfImage(box.src);
  const scale = box.width / box.natural;
  const shot = decodePng(await page.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height }, captureBeyondViewport: true }));
  return svgCells(svg).map(({ x, y, fill }) => {
    const samples = [
      [x + 36, y + 4],
      [x + 6, y + 14],
      [x + 36, y + 25],
    ].map(([px, py]) => shot.pixel(px * scale, py * scale).slice(0, 3));
    const key = (c) => c.join(',');
    const counts = new Map();
    for (const s of samples) counts.set(key(s), (counts.get(key(s)) ?? 0) + 1);
    const [best] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    return { fill, painted: best.split(',').map(Number) };
  });
}

/** Whether two [r, g, b] differ by at most `tolerance` in every channel. */
export const close = (a, b, tolerance = 1) => a.every((v, i) => Math.abs(v - b[i]) <= tolerance);
