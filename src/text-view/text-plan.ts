/**
 * What the text view shows for one output: which token entries, in reading order, and which of
 * them are the output's own token when the last rows are the generated text (`targetRows`).
 * Pure; reads the display model's token axis.
 */
import type { DisplayAxis } from '../view/display-model.js';

/** The text view's entries for one output. */
export interface TextPlan {
  /** Token entries shown, in reading order: an opened group's pieces stand in for the group. */
  readonly entries: Int32Array;
  /** The shown entries [targetStart, targetEnd) are the output's target token; both -1 without one. */
  readonly targetStart: number;
  readonly targetEnd: number;
  /**
   * The text's blocks as `blocks[b]` to `blocks[b + 1]` (indices into `entries`): each line ends a
   * block, and a line longer than BLOCK_TOKENS is cut, at a sentence end where there is one, so that
   * the page lays out and styles only the blocks in view.
   */
  readonly blocks: Int32Array;
}

/** The most tokens in one block of the text view. */
export const BLOCK_TOKENS = 200;

const SENTENCE_END = /[.!?…。！？]["')\]}”’»]*$/;

/**
 * The caller's rows that are an output's own token, [start, end), when the last `targetRows` rows
 * are the generated tokens (output j is row `rowCount − targetRows + j`); null without one.
 */
export function targetRange(outputRange: readonly [number, number], targetRows: number, rowCount: number): [number, number] | null {
  const n = Math.min(Math.max(0, Math.floor(targetRows) || 0), rowCount);
  if (!n) return null;
  const first = rowCount - n;
  const start = first + outputRange[0];
  if (start >= rowCount) return null;
  return [start, Math.min(rowCount, first + outputRange[1])];
}

/**
 * The entries to show: every token entry (an expanded group's pieces instead of the group, runs of
 * hidden rows as themselves); with a target, the text ends at it: later tokens, not yet generated
 * at that step, are left out.
 */
export function textPlan(tokens: DisplayAxis, target: readonly [number, number] | null): TextPlan {
  const entries = new Int32Array(tokens.count);
  let n = 0;
  let targetStart = -1;
  let targetEnd = -1;
  for (let i = 0; i < tokens.count; i++) {
    if (tokens.kind(i) === 'group' && tokens.expanded(i)) continue;
    if (target) {
      const [start, end] = tokens.range(i);
      if (start >= target[1]) break;
      if (end > target[0]) {
        if (targetStart < 0) targetStart = n;
        targetEnd = n + 1;
      }
    }
    entries[n++] = i;
  }
  const shown = entries.slice(0, n);
  return { entries: shown, targetStart, targetEnd, blocks: textBlocks(tokens, shown) };
}

/** Block starts for shown entries (see TextPlan.blocks), ending with the number of entries. */
function textBlocks(tokens: DisplayAxis, entries: Int32Array): Int32Array {
  const starts: number[] = [0];
  let start = 0;
  let sentence = -1;
  for (let k = 0; k < entries.length; k++) {
    const share = tokens.kind(entries[k]) === 'run' ? '' : tokens.runningText(entries[k]);
    const next = k + 1;
    if (share.includes('\n') && /\n[ \t]*$/.test(share.replaceAll('\r', ''))) {
      starts.push(next);
      start = next;
      sentence = -1;
      continue;
    }
    if (SENTENCE_END.test(share.trimEnd())) sentence = next;
    if (next - start >= BLOCK_TOKENS && next < entries.length) {
      // Cut a long line after its last sentence in this block, else here.
      const cut = sentence > start + BLOCK_TOKENS / 2 ? sentence : next;
      starts.push(cut);
      start = cut;
      sentence = -1;
    }
  }
  if (starts[starts.length - 1] !== entries.length) starts.push(entries.length);
  return Int32Array.from(starts);
}

/** An output's name as the text view says it: its text without surrounding spaces, else as the grid speaks it. */
export function outputName(outputs: DisplayAxis, output: number): string {
  const text = outputs.runningText(output).trim();
  return text || outputs.spoken(output);
}

/** A token's share of the running text split for drawing: spaces before it, its text, and what follows (line breaks). */
export interface TokenText {
  /** Spaces before the token, drawn uncoloured between tokens. */
  readonly before: string;
  /** The token's own text; empty for a piece that holds only part of a character, or only line feeds. */
  readonly text: string;
  /** Line feeds the token ends with (drawn as line breaks after it), and spaces after them. */
  readonly after: string;
  /** The token is only line feeds (drawn as a ↵ mark, then the break). */
  readonly newline: boolean;
}

const LEADING = /^[ \t\u00a0]+/;
const TRAILING = /[\s]+$/;

/**
 * Splits a running-text share: `' the'` → before `' '`, text `'the'`; `'.\n'` → `'.'` then a line
 * break; `'\n'` → a newline token; a share of spaces only stays the token's own text, so it can be
 * seen and coloured. Carriage returns are dropped (a `\r\n` pair breaks the line once).
 */
export function splitShare(share: string): TokenText {
  const clean = share.replaceAll('\r', '');
  const trailing = TRAILING.exec(clean)?.[0] ?? '';
  if (trailing.length === clean.length) {
    // Whitespace only: line feeds make it a newline token; spaces alone are its text.
    return clean.includes('\n') ? { before: '', text: '', after: clean.slice(clean.indexOf('\n')), newline: true } : { before: '', text: clean, after: '', newline: false };
  }
  const before = LEADING.exec(clean)?.[0] ?? '';
  // Spaces after the last line feed belong to the next line; spaces without a line feed stay with the text.
  const after = trailing.includes('\n') ? trailing.slice(trailing.indexOf('\n')) : '';
  const text = clean.slice(before.length, clean.length - after.length);
  return { before, text, after, newline: false };
}
