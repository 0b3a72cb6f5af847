// The sizes the zoom layout depends on: read from a zoomable render after it (layout is never read
// while the element derives state), or estimated before the first one.

/** Measured sizes, CSS px. */
export interface Measures {
  /** A readable cell (zoom 1), from a probe sized by the element's custom properties. */
  readonly cellWidth: number;
  readonly cellHeight: number;
  /** A digit of the cells' tabular figures. */
  readonly charWidth: number;
  /** The overview's label gutters: the longest row label's width, the longest column label's (rotated) height. */
  readonly rowGutter: number;
  readonly columnGutter: number;
  /** The area under the zoom bar, and the whole plot. */
  readonly areaWidth: number;
  readonly areaHeight: number;
  readonly plotWidth: number;
  readonly plotHeight: number;
  /** The zoom bar's height. */
  readonly barHeight: number;
}

/** The measures of a zoomable render (null when the render has no zoom area). Gutters are capped as the readable grid's labels are (12em, 10em). */
export function readMeasures(root: ParentNode, font: number): Measures | null {
  const q = (selector: string) => root.querySelector<HTMLElement>(selector);
  const area = q('.zoom-area')?.getBoundingClientRect();
  const plot = q('.plot')?.getBoundingClientRect();
  if (!area || !plot) return null;
  const probe = q('.zoom-probe')?.getBoundingClientRect();
  const digits = q('.zoom-digits')?.getBoundingClientRect().width ?? 0;
  return {
    cellWidth: probe && probe.width > 0 ? probe.width : 72,
    cellHeight: probe && probe.height > 0 ? probe.height : 28,
    charWidth: digits > 0 ? digits / 10 : font * 0.62,
    rowGutter: Math.ceil(Math.min(12 * font, q('.zoom-sizer.for-rows')?.getBoundingClientRect().width ?? 0)),
    columnGutter: Math.ceil(Math.min(10 * font, q('.zoom-sizer.for-columns')?.getBoundingClientRect().height ?? 0)),
    areaWidth: Math.floor(area.width),
    areaHeight: Math.floor(area.height),
    plotWidth: Math.floor(plot.width),
    plotHeight: Math.floor(plot.height),
    barHeight: q('.zoom-bar')?.offsetHeight ?? 0,
  };
}

/** Measures before any render: default cells, labels at 0.62em a character, the box from the window. */
export function estimateMeasures(longestRow: string, longestColumn: string, font: number): Measures {
  const chars = (text: string) => Math.min(text.length, 24) * font * 0.62;
  const width = Math.max(320, (globalThis.innerWidth || 1024) - 80);
  const height = Math.max(240, (globalThis.innerHeight || 768) * 0.8);
  return {
    cellWidth: 72,
    cellHeight: 28,
    charWidth: font * 0.62,
    rowGutter: Math.min(12 * font, chars(longestRow) + 0.8 * font),
    columnGutter: Math.min(10 * font, chars(longestColumn) + 0.6 * font),
    areaWidth: width,
    areaHeight: height - 3.25 * font,
    plotWidth: width,
    plotHeight: height,
    barHeight: 3.25 * font,
  };
}
