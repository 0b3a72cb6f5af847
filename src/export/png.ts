/**
 * A minimal PNG encoder (8-bit RGB, no filtering) with no platform API: the overview image of a
 * large figure must be made in Node (CLI) as in the browser. The image data is zlib-wrapped with
 * stored (uncompressed) deflate blocks unless a `deflate` function is given (Node's zlib.deflateSync).
 *
 * @module
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before the sums can overflow 2^32 (zlib's NMAX).
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      a += bytes[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** A zlib stream of `data` in stored deflate blocks (valid everywhere, just not small). */
export function zlibStored(data: Uint8Array): Uint8Array {
  const blocks = Math.max(1, Math.ceil(data.length / 65535));
  const out = new Uint8Array(2 + data.length + blocks * 5 + 4);
  out[0] = 0x78;
  out[1] = 0x01;
  let o = 2;
  for (let b = 0; b < blocks; b++) {
    const start = b * 65535;
    const length = Math.min(65535, data.length - start);
    out[o++] = b === blocks - 1 ? 1 : 0;
    out[o++] = length & 0xff;
    out[o++] = length >>> 8;
    out[o++] = ~length & 0xff;
    out[o++] = (~length >>> 8) & 0xff;
    out.set(data.subarray(start, start + length), o);
    o += length;
  }
  const adler = adler32(data);
  out[o++] = adler >>> 24;
  out[o++] = (adler >>> 16) & 0xff;
  out[o++] = (adler >>> 8) & 0xff;
  out[o] = adler & 0xff;
  return out;
}

/** Options of {@link encodePng}. */
export interface PngOptions {
  /** A zlib (RFC 1950) compressor, e.g. Node's `zlib.deflateSync`; stored blocks without one. */
  deflate?: (data: Uint8Array) => Uint8Array;
}

/** An 8-bit RGB PNG of `width` × `height` pixels, `rgb` row-major, three bytes a pixel. */
export function encodePng(width: number, height: number, rgb: Uint8Array, options: PngOptions = {}): Uint8Array {
  const stride = width * 3;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const idat = (options.deflate ?? zlibStored)(raw);
  const chunks: [string, Uint8Array][] = [
    ['IHDR', new Uint8Array([...u32(width), ...u32(height), 8, 2, 0, 0, 0])],
    ['IDAT', idat],
    ['IEND', new Uint8Array(0)],
  ];
  const size = 8 + chunks.reduce((n, [, data]) => n + 12 + data.length, 0);
  const out = new Uint8Array(size);
  out.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let o = 8;
  for (const [type, data] of chunks) {
    out.set(u32(data.length), o);
    const typeStart = o + 4;
    for (let i = 0; i < 4; i++) out[typeStart + i] = type.charCodeAt(i);
    out.set(data, typeStart + 4);
    o = typeStart + 4 + data.length;
    out.set(u32(crc32(out, typeStart, o)), o);
    o += 4;
  }
  return out;
}

const u32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** Base64 of bytes with the platform's `btoa` (present in browsers and Node ≥ 16). */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** `data:image/png;base64,…` of PNG bytes. */
export const pngDataUrl = (png: Uint8Array) => `data:image/png;base64,${base64(png)}`;
