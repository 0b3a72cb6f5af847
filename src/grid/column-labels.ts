import type { DisplayAxis } from '../view/display-model.js';

/**
 * Whether column labels are drawn rotated: as asked, or in `auto` when any label would not fit in
 * three wrapped lines of a cell (a line holds about cellWidth / (0.62 × fontSize) characters).
 */
export function columnLabelsVertical(columns: Pick<DisplayAxis, 'count' | 'label'>, orientation: string, cellWidth: number, fontSize: number): boolean {
  if (orientation !== 'auto') return orientation === 'vertical';
  const perLine = Math.max(1, Math.floor(cellWidth / (fontSize * 0.62)) - 1);
  for (let c = 0; c < columns.count; c++) {
    const label = columns.label(c);
    // A label no longer than a line fits (most tokens): only longer ones are scanned for their words.
    if (label.length > perLine && (label.length > perLine * 3 || longestWord(label) > perLine)) return true;
  }
  return false;
}

/**
 * The length of the longest run without whitespace (what `split(/\s+/)` would give as its longest
 * word), in one pass: splitting every label took 6.3 ms for 4,000 short column labels, cold, in the
 * first update of a large matrix (Node 20).
 */
export function longestWord(text: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) run = 0;
    else if (++run > longest) longest = run;
  }
  return longest;
}

/** Whether a UTF-16 code unit is whitespace as a regular expression's `\s` matches it. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}
