/**
 * `renderFigureSvg`: the static figure as a standalone SVG document, laid out exactly as FIGURE.md
 * says (the Python helper follows the same page). No DOM API: it runs in Node for the CLI.
 *
 * @module
 */
import { tokenParts, type LabelPart } from '../tokens.js';
import { FIGURE_THEMES, type FigureCell, type FigureInput } from './figure.js';

const FONT_SIZE = 12;
const PADDING = 8;
const CELL_WIDTH = 72;
const CELL_HEIGHT = 28;
const MONO_ADVANCE = 7.2;
const SANS_ADVANCE = 6.6;
const TICK_ADVANCE = 7.44;
const INDENT = 12;
const CAPTION_BLOCK = 19;
const CAPTION_GAP = 6;
const ROW_LABEL_MAX_TEXT = 132;
const COLUMN_LABEL_MAX_TEXT = 120;
const LINE_HEIGHT = 15;
const WRAP_LIMIT = 3;
const COLORBAR_GAP = 9;
const RAMP_WIDTH = 16;
const POINTED_END = 14.4;
// Auto orientation: labels per line as the element computes it, floor(72 / (12 × 0.62)) − 1.
const VERTICAL_WORD = Math.floor(CELL_WIDTH / (FONT_SIZE * 0.62)) - 1;
// Wrapped labels: characters a line in a 72 px column less its 0.2em padding each side.
const CHARS_PER_LINE = Math.floor((CELL_WIDTH - 4.8) / SANS_ADVANCE);

/** Where everything goes: the numbers of FIGURE.md "Layout" for one input. */
export interface FigureLayout {
  width: number;
  height: number;
  gridLeft: number;
  gridTop: number;
  rowLabelWidth: number;
  headerHeight: number;
  cellWidth: number;
  cellHeight: number;
  vertical: boolean;
  /** Every k-th row / column label is drawn (1 unless the cells are too small for all of them). */
  rowLabelStep: number;
  columnLabelStep: number;
  rampLeft: number;
  barTop: number;
  barBottom: number;
  rampTop: number;
  rampBottom: number;
  widestTick: number;
}

/** Numbers with at most two decimals, no exponent, no negative zero. */
const n = (value: number) => {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
};

const codePoints = (s: string) => [...s].length;
const visible = (label: string) => tokenParts(label).map((p) => p.text).join('');

/** Whether the column labels are drawn rotated, as the element decides in `auto`. */
export function columnLabelsVertical(input: Pick<FigureInput, 'columnLabels' | 'columnLabelOrientation' | 'sizes' | 'overview'>): boolean {
  const measured = input.sizes?.columnLabelOrientation;
  if (measured) return measured === 'vertical';
  if (input.overview) return true;
  const asked = input.columnLabelOrientation ?? 'auto';
  if (asked !== 'auto') return asked === 'vertical';
  return input.columnLabels.some((label) => label.length > VERTICAL_WORD * 3 || label.split(/\s+/).some((word) => word.length > VERTICAL_WORD));
}

/** The layout of a figure: measured sizes where given, FIGURE.md's estimates elsewhere. */
export function figureLayout(input: FigureInput): FigureLayout {
  const rows = input.rowLabels.length;
  const columns = input.columnLabels.length;
  const sizes = input.sizes ?? {};
  const rowAdvance = input.tokenAxis === 'rows' ? MONO_ADVANCE : SANS_ADVANCE;
  const columnAdvance = input.tokenAxis === 'columns' ? MONO_ADVANCE : SANS_ADVANCE;
  const overviewSide = input.overview ? Math.max(1, Math.min(28, Math.floor(1024 / Math.max(rows, columns, 1)))) : 0;
  const cellWidth = sizes.cellWidth ?? (overviewSide || CELL_WIDTH);
  const cellHeight = sizes.cellHeight ?? (overviewSide || CELL_HEIGHT);
  const rowLabelStep = Math.max(1, Math.ceil(LINE_HEIGHT / cellHeight));
  const columnLabelStep = Math.max(1, Math.ceil(LINE_HEIGHT / cellWidth));
  const vertical = columnLabelsVertical(input) || columnLabelStep > 1;

  let widestRow = 0;
  for (let r = 0; r < rows; r += rowLabelStep) {
    widestRow = Math.max(widestRow, codePoints(visible(input.rowLabels[r])) * rowAdvance + INDENT * (input.rowDepth?.(r) ?? 0));
  }
  const rowLabelWidth = sizes.rowLabelWidth ?? Math.min(144, Math.max(24, Math.ceil(widestRow) + 12));

  let headerHeight = sizes.headerHeight ?? 0;
  if (sizes.headerHeight === undefined) {
    let need = 0;
    for (let c = 0; c < columns; c += columnLabelStep) {
      const indent = INDENT * (input.columnDepth?.(c) ?? 0);
      const label = visible(input.columnLabels[c]);
      need = Math.max(need, (vertical ? Math.min(COLUMN_LABEL_MAX_TEXT, codePoints(label) * columnAdvance) : LINE_HEIGHT * Math.min(WRAP_LIMIT, wrapLines(label).length)) + indent);
    }
    headerHeight = need + 6;
  }

  const gridLeft = PADDING;
  const gridTop = PADDING + (input.caption ? CAPTION_BLOCK + CAPTION_GAP : 0);
  const barTop = gridTop + headerHeight;
  const barBottom = barTop + rows * cellHeight;
  const { pointedHigh, pointedLow, ticks } = input.colorbar;
  const widestTick = Math.max(0, ...ticks.map((t) => codePoints(t.text))) * TICK_ADVANCE;
  const rampLeft = gridLeft + rowLabelWidth + columns * cellWidth + COLORBAR_GAP;
  const width = rampLeft + RAMP_WIDTH + 8 + widestTick + (input.label ? 9 + LINE_HEIGHT : 0) + PADDING;
  const height = barBottom + 7 + PADDING;
  return {
    width,
    height,
    gridLeft,
    gridTop,
    rowLabelWidth,
    headerHeight,
    cellWidth,
    cellHeight,
    vertical,
    rowLabelStep,
    columnLabelStep,
    rampLeft,
    barTop,
    barBottom,
    rampTop: barTop + (pointedHigh ? POINTED_END : 0),
    rampBottom: barBottom - (pointedLow ? POINTED_END : 0),
    widestTick,
  };
}

// ---- text ------------------------------------------------------------------------------------

// XML 1.0 forbids C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Text for XML content or a quoted attribute: `& < > " '` escaped, forbidden characters replaced by U+FFFD. */
export function escapeXml(text: string): string {
  // Tab, LF and CR as references so attribute values keep them (parsers normalise literal ones to spaces).
  return text.replace(FORBIDDEN, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => ESCAPES[c]);
}

/** The first `max` code points of a label's parts, ending in `…` when it was longer. */
function cutParts(parts: LabelPart[], max: number): LabelPart[] {
  const total = parts.reduce((sum, p) => sum + codePoints(p.text), 0);
  if (total <= max) return parts;
  const out: LabelPart[] = [];
  let room = Math.max(0, max - 1);
  for (const part of parts) {
    if (room <= 0) break;
    const chars = [...part.text];
    out.push({ text: chars.slice(0, room).join(''), glyph: part.glyph });
    room -= Math.min(room, chars.length);
  }
  out.push({ text: '…', glyph: false });
  return out;
}

/** Parts of `parts` between code points `start` and `end`. */
function sliceParts(parts: LabelPart[], start: number, end: number): LabelPart[] {
  const out: LabelPart[] = [];
  let at = 0;
  for (const part of parts) {
    const chars = [...part.text];
    const from = Math.max(start, at);
    const to = Math.min(end, at + chars.length);
    if (from < to) out.push({ text: chars.slice(from - at, to - at).join(''), glyph: part.glyph });
    at += chars.length;
  }
  return out;
}

/**
 * Line ranges (code points) of a horizontal column label: wrapped on spaces at 10 characters a line,
 * a longer word broken anywhere, as `overflow-wrap: anywhere` does.
 */
function wrapLines(text: string): [number, number][] {
  const chars = [...text];
  const lines: [number, number][] = [];
  let lineStart = -1;
  let lineEnd = -1;
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === ' ') {
      i++;
      continue;
    }
    let j = i;
    while (j < chars.length && chars[j] !== ' ') j++;
    // A word: joins the line when it fits, else starts a new one (broken if it is longer than a line).
    if (lineStart >= 0 && j - lineStart <= CHARS_PER_LINE) {
      lineEnd = j;
    } else {
      if (lineStart >= 0) lines.push([lineStart, lineEnd]);
      let k = i;
      while (j - k > CHARS_PER_LINE) {
        lines.push([k, k + CHARS_PER_LINE]);
        k += CHARS_PER_LINE;
      }
      lineStart = k;
      lineEnd = j;
    }
    i = j;
  }
  if (lineStart >= 0) lines.push([lineStart, lineEnd]);
  return lines.length ? lines : [[0, chars.length]];
}

/** At most three wrapped lines of parts, the last ending in `…` when the label was cut. */
function wrappedParts(parts: LabelPart[]): LabelPart[][] {
  const text = parts.map((p) => p.text).join('');
  const lines = wrapLines(text);
  const shown = lines.slice(0, WRAP_LIMIT).map(([a, b]) => sliceParts(parts, a, b));
  if (lines.length > WRAP_LIMIT) {
    const [a, b] = lines[WRAP_LIMIT - 1];
    shown[WRAP_LIMIT - 1] = [...sliceParts(parts, a, Math.min(b, a + CHARS_PER_LINE - 1)), { text: '…', glyph: false }];
  }
  return shown;
}

function partsMarkup(parts: LabelPart[], muted: string): string {
  return parts.map((p) => (p.glyph ? `<tspan fill="${muted}">${escapeXml(p.text)}</tspan>` : escapeXml(p.text))).join('');
}

// ---- the document ------------------------------------------------------------------------------

/** Splits a `gradientStops` entry, `"<colour> <percent>%"`, at its last space. */
function splitStop(stop: string): [string, string] {
  const space = stop.lastIndexOf(' ');
  return [stop.slice(0, space), stop.slice(space + 1)];
}

/** The standalone SVG document of a figure (FIGURE.md): valid XML, no external references, no script. */
export function renderFigureSvg(input: FigureInput): string {
  const layout = figureLayout(input);
  const theme = FIGURE_THEMES[input.theme] ?? FIGURE_THEMES.light;
  const id = (name: string) => `${input.idPrefix}-${name}`.replace(/[^A-Za-z0-9_.-]/g, '_');
  const rows = input.rowLabels.length;
  const columns = input.columnLabels.length;
  const { width, height, gridLeft, gridTop, rowLabelWidth, headerHeight, cellWidth, cellHeight } = layout;
  const cellsLeft = gridLeft + rowLabelWidth;
  const cellsTop = gridTop + headerHeight;
  const title = input.caption || input.label || 'Token attribution heatmap';
  const description = input.description ?? `${rows} rows × ${columns} columns.`;
  const rowFont = input.tokenAxis === 'rows' ? 'monospace' : 'sans-serif';
  const columnFont = input.tokenAxis === 'columns' ? 'monospace' : 'sans-serif';
  const rowAdvance = input.tokenAxis === 'rows' ? MONO_ADVANCE : SANS_ADVANCE;
  const columnAdvance = input.tokenAxis === 'columns' ? MONO_ADVANCE : SANS_ADVANCE;
  const out: string[] = [];

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-labelledby="${id('title')}" aria-describedby="${id('desc')}">`,
    `<title id="${id('title')}">${escapeXml(title)}</title>`,
    `<desc id="${id('desc')}">${escapeXml(description)}</desc>`,
  );

  const { colorbar } = input;
  const defs: string[] = [
    `<linearGradient id="${id('ramp')}" x1="0" y1="1" x2="0" y2="0">${colorbar.stops
      .map(splitStop)
      .map(([color, offset]) => `<stop offset="${escapeXml(offset)}" stop-color="${escapeXml(color)}"/>`)
      .join('')}</linearGradient>`,
  ];
  let hasMissing = false;
  const cells: string[] = [];
  if (input.overview) {
    cells.push(
      `<image x="${n(cellsLeft)}" y="${n(cellsTop)}" width="${n(columns * cellWidth)}" height="${n(rows * cellHeight)}" preserveAspectRatio="none" image-rendering="optimizeSpeed" style="image-rendering:pixelated" href="${escapeXml(input.overview.href)}"/>`,
    );
  } else {
    const missing: string[] = [];
    for (let r = 0; r < rows; r++) {
      const y = cellsTop + r * cellHeight;
      for (let c = 0; c < columns; c++) {
        const x = cellsLeft + c * cellWidth;
        const cell = input.cell(r, c);
        if (!cell) {
          missing.push(`<rect x="${n(x)}" y="${n(y)}" width="${n(cellWidth)}" height="${n(cellHeight)}"/>`);
          continue;
        }
        cells.push(cellMarkup(cell, x, y, cellWidth, cellHeight));
      }
    }
    if (missing.length) {
      hasMissing = true;
      cells.push(`<g fill="url(#${id('missing')})">${missing.join('')}</g>`);
    }
  }
  if (hasMissing) {
    // 1 px stripes every 6 px at 135°, as the element's repeating-linear-gradient draws them.
    defs.push(
      `<pattern id="${id('missing')}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="${theme.missing}"/><rect width="1" height="6" fill="${theme.stripe}"/></pattern>`,
    );
  }
  out.push(`<defs>${defs.join('')}</defs>`);
  out.push(`<rect width="100%" height="100%" fill="${theme.background}"/>`);

  const textAttributes = `font-size="${FONT_SIZE}" fill="${theme.text}"`;
  if (input.caption) {
    const centre = width / 2;
    out.push(
      `<text x="${n(centre)}" y="${n(PADDING + 14.5)}" text-anchor="middle" font-family="sans-serif" font-size="15" font-weight="600" fill="${theme.text}" xml:space="preserve">${escapeXml(input.caption)}</text>`,
    );
  }

  // Row labels: right-aligned 6 px before the cells, indented 1em a level from that edge.
  const rowLabels: string[] = [];
  const rowMax = Math.floor(ROW_LABEL_MAX_TEXT / rowAdvance);
  for (let r = 0; r < rows; r += layout.rowLabelStep) {
    const depth = input.rowDepth?.(r) ?? 0;
    const parts = cutParts(tokenParts(input.rowLabels[r]), Math.max(1, rowMax - Math.round((INDENT * depth) / rowAdvance)));
    const y = cellsTop + (r + 0.5) * cellHeight + 4;
    rowLabels.push(`<text x="${n(cellsLeft - 6 - INDENT * depth)}" y="${n(y)}" xml:space="preserve">${partsMarkup(parts, theme.muted)}</text>`);
  }
  out.push(`<g font-family="${rowFont}" ${textAttributes} text-anchor="end">${rowLabels.join('')}</g>`);

  // Column labels: bottom-aligned 3 px above the cells, centred on their column.
  const columnLabels: string[] = [];
  const headerBottom = cellsTop - 3;
  for (let c = 0; c < columns; c += layout.columnLabelStep) {
    const depth = input.columnDepth?.(c) ?? 0;
    const parts = tokenParts(input.columnLabels[c]);
    const centre = cellsLeft + (c + 0.5) * cellWidth;
    const bottom = headerBottom - INDENT * depth;
    if (layout.vertical) {
      const cut = cutParts(parts, Math.floor(COLUMN_LABEL_MAX_TEXT / columnAdvance));
      columnLabels.push(`<text transform="translate(${n(centre + 4)} ${n(bottom)}) rotate(-90)" xml:space="preserve">${partsMarkup(cut, theme.muted)}</text>`);
    } else {
      const lines = wrappedParts(parts);
      lines.forEach((line, i) => {
        const y = bottom - LINE_HEIGHT * (lines.length - i) + 11.5;
        columnLabels.push(`<text x="${n(centre)}" y="${n(y)}" text-anchor="middle" xml:space="preserve">${partsMarkup(line, theme.muted)}</text>`);
      });
    }
  }
  out.push(`<g font-family="${columnFont}" ${textAttributes}>${columnLabels.join('')}</g>`);

  out.push(`<g font-family="sans-serif" font-size="${FONT_SIZE}" text-anchor="middle" style="font-variant-numeric:tabular-nums">${cells.join('')}</g>`);
  out.push(colorbarMarkup(input, layout, id, theme));
  out.push('</svg>');
  return out.join('\n') + '\n';
}

function cellMarkup(cell: FigureCell, x: number, y: number, w: number, h: number): string {
  const background = escapeXml(cell.background);
  const color = escapeXml(cell.color);
  let markup = `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${background}"/>`;
  if (cell.text) markup += `<text x="${n(x + w / 2)}" y="${n(y + h / 2 + 4)}" fill="${color}">${escapeXml(cell.text)}</text>`;
  if (cell.clamped > 0) {
    markup += `<polygon points="${n(x + w - 12)},${n(y + 2)} ${n(x + w - 2)},${n(y + 2)} ${n(x + w - 2)},${n(y + 12)}" fill="${color}"/>`;
  } else if (cell.clamped < 0) {
    markup += `<polygon points="${n(x + w - 2)},${n(y + h - 12)} ${n(x + w - 2)},${n(y + h - 2)} ${n(x + w - 12)},${n(y + h - 2)}" fill="${color}"/>`;
  }
  return markup;
}

function colorbarMarkup(
  input: FigureInput,
  layout: FigureLayout,
  id: (name: string) => string,
  theme: (typeof FIGURE_THEMES)[keyof typeof FIGURE_THEMES],
): string {
  const { colorbar } = input;
  const { min, max } = colorbar.domain;
  const { rampLeft: x, barTop, barBottom, rampTop, rampBottom } = layout;
  const right = x + RAMP_WIDTH;
  const parts: string[] = [];
  if (colorbar.pointedHigh) {
    parts.push(`<polygon points="${n(x)},${n(rampTop)} ${n(right)},${n(rampTop)} ${n(x + RAMP_WIDTH / 2)},${n(barTop)}" fill="${escapeXml(colorbar.highColor)}"/>`);
  }
  if (colorbar.pointedLow) {
    parts.push(`<polygon points="${n(x)},${n(rampBottom)} ${n(right)},${n(rampBottom)} ${n(x + RAMP_WIDTH / 2)},${n(barBottom)}" fill="${escapeXml(colorbar.lowColor)}"/>`);
  }
  const rampHeight = rampBottom - rampTop;
  parts.push(`<rect x="${n(x)}" y="${n(rampTop)}" width="${RAMP_WIDTH}" height="${n(rampHeight)}" fill="url(#${id('ramp')})"/>`);
  parts.push(
    `<rect x="${n(x + 0.5)}" y="${n(rampTop + 0.5)}" width="${RAMP_WIDTH - 1}" height="${n(Math.max(0, rampHeight - 1))}" fill="none" stroke="${theme.line}" stroke-width="1"/>`,
  );
  const ticks: string[] = [];
  for (const tick of colorbar.ticks) {
    const y = max > min ? rampBottom - ((tick.value - min) / (max - min)) * rampHeight : rampBottom;
    ticks.push(`<line x1="${n(right)}" y1="${n(y)}" x2="${n(right + 5)}" y2="${n(y)}" stroke="${theme.text}" stroke-width="1"/>`);
    ticks.push(`<text x="${n(right + 8)}" y="${n(y + 4)}">${escapeXml(tick.text)}</text>`);
  }
  parts.push(`<g font-family="sans-serif" font-size="${FONT_SIZE}" fill="${theme.text}" style="font-variant-numeric:tabular-nums">${ticks.join('')}</g>`);
  if (input.label) {
    const column = right + 8 + layout.widestTick + 9;
    const centre = (rampTop + rampBottom) / 2;
    // A title longer than the bar is cut with an ellipsis rather than run off the figure.
    const title = cutParts([{ text: input.label, glyph: false }], Math.max(1, Math.floor((barBottom - barTop) / SANS_ADVANCE)));
    parts.push(
      `<text transform="translate(${n(column + 11.5)} ${n(centre)}) rotate(-90)" text-anchor="middle" font-family="sans-serif" font-size="${FONT_SIZE}" fill="${theme.text}" xml:space="preserve">${escapeXml(title.map((p) => p.text).join(''))}</text>`,
    );
  }
  return `<g>${parts.join('')}</g>`;
}
