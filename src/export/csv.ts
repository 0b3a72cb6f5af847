/**
 * Tidy CSV of a heatmap, `row_index,column_index,row,column,value`, and download file names.
 *
 * Quoting follows RFC 4180: a field is quoted when it holds a comma, a double quote, CR or LF (and,
 * so that no reader trims it, when it starts or ends with a space); quotes inside are doubled.
 * Lines end in CRLF.
 *
 * Formula injection (OWASP "CSV Injection"; ASVS 5.0 requirement 1.2.10): a label that starts with
 * `=`, `+`, `-`, `@`, tab, CR or NUL could be run as a formula by Excel, LibreOffice or Google Sheets.
 * Such a label gets a leading `'` and is always quoted, as OWASP recommends; the spreadsheet then shows
 * it as text (with the apostrophe). Only labels are neutralised: values are numbers written by us, and
 * a minus sign there must stay a number.
 *
 * @module
 */
import type { Matrix } from '../data.js';

/** One cell of the data: data indices, labels and the value (null, undefined or NaN where missing). */
export interface CsvCell {
  rowIndex: number;
  columnIndex: number;
  row: string;
  column: string;
  value: number | null | undefined;
}

/** The header line's fields. */
export const CSV_HEADER = ['row_index', 'column_index', 'row', 'column', 'value'] as const;

const FORMULA_START = /^[=+\-@\t\r\0]/;
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

/** A label as a CSV field: neutralised when it could start a formula, quoted when RFC 4180 needs it. */
export function csvLabel(label: string): string {
  const text = String(label);
  if (FORMULA_START.test(text)) return `"'${text.replace(/"/g, '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A value at full precision: `-0` keeps its sign, infinities are `Infinity`/`-Infinity`, missing is empty. */
export function csvValue(value: number | null | undefined): string {
  if (typeof value !== 'number' || Number.isNaN(value)) return '';
  return Object.is(value, -0) ? '-0' : String(value);
}

/** The whole CSV text: the header, then one CRLF-terminated line per cell in the order given. */
export function toCsv(cells: Iterable<CsvCell>): string {
  const lines = [CSV_HEADER.join(',')];
  for (const cell of cells) {
    lines.push(`${cell.rowIndex},${cell.columnIndex},${csvLabel(cell.row)},${csvLabel(cell.column)},${csvValue(cell.value)}`);
  }
  return lines.join('\r\n') + '\r\n';
}

/**
 * A download name from the caption: its letters and digits (any script) in lower case, joined by `-`,
 * at most 60 characters; `token-heatmap` when nothing is left. `extension` with or without its dot.
 */
export function exportFileName(caption: string | null | undefined, extension: string): string {
  const slug = String(caption ?? '')
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...slug].slice(0, 60).join('').replace(/-+$/, '');
  const ext = String(extension).replace(/^\.+/, '');
  return `${cut || 'token-heatmap'}${ext ? `.${ext}` : ''}`;
}

/** Every cell of a matrix in data order, for {@link toCsv}: your indices and labels, missing values empty. */
export function* matrixCells(matrix: Matrix): Generator<CsvCell> {
  for (let r = 0; r < matrix.rowCount; r++)
    for (let c = 0; c < matrix.columnCount; c++) {
      const value = matrix.at(r, c);
      yield { rowIndex: r, columnIndex: c, row: matrix.rowLabels[r], column: matrix.columnLabels[c], value: Number.isNaN(value) ? null : value };
    }
}

/** A matrix as tidy CSV. */
export const matrixCsv = (matrix: Matrix) => toCsv(matrixCells(matrix));
