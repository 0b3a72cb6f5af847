// The browser's half of exporting images: the overview image from a canvas, the SVG rasterised to
// PNG (downloads: download.ts). The figure itself is src/export/figure.ts + svg.ts, shared with the CLI.
import type { OverviewEncoder } from './figure.js';

/** The overview cells as a PNG data URL, one pixel a cell, drawn through a canvas. */
export const canvasOverview: OverviewEncoder = (rows, columns, rgbAt) => {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, columns);
  canvas.height = Math.max(1, rows);
  const context = canvas.getContext('2d');
  if (!context) return '';
  const image = context.createImageData(canvas.width, canvas.height);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++, i += 4) {
      const [red, green, blue] = rgbAt(r, c);
      image.data[i] = red;
      image.data[i + 1] = green;
      image.data[i + 2] = blue;
      image.data[i + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return canvas.toDataURL('image/png');
};

/** The width and height an SVG document declares, in px. */
function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
  const number = (name: string) => Number(new RegExp(`\\b${name}="([\\d.]+)"`).exec(root)?.[1] ?? 0);
  return { width: number('width'), height: number('height') };
}

/** An SVG figure rasterised to a PNG at `scale` device pixels per px, by the browser's own renderer. */
export async function svgToPng(svg: string, scale: number): Promise<Blob> {
  const factor = Number.isFinite(scale) && scale > 0 ? Math.min(scale, 8) : 2;
  const { width, height } = svgSize(svg);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(width * factor));
    canvas.height = Math.max(1, Math.round(height * factor));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('toPNG: this browser has no 2-D canvas');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('toPNG: the canvas could not be encoded'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}
