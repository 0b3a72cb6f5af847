/**
 * Segmentations of a token axis into contiguous groups: words, sentences,
 * lines, or the caller's own group numbers. Linear in the number of tokens.
 */
import { InvalidJson } from '../data.js';
import { isArray, isInstance, readList } from '../safe-read.js';
import {
  endsLine,
  isNewlineToken,
  isSpecialToken,
  joinPieces,
  pieceText,
  startsWord,
  tokenizerFamily,
  type TokenizerFamily,
} from './tokenizer.js';
import { identitySegmentation, type Segmentation } from './segmentation.js';

export { groupOf, groupSize, identitySegmentation, isIdentity, type Segmentation } from './segmentation.js';

/** How an axis is grouped: one group per token, per word, per sentence or per line. */
export type GroupBy = 'tokens' | 'words' | 'sentences' | 'lines';

/** Every `GroupBy` value, for validating an option. */
export const GROUP_BY: readonly GroupBy[] = ['tokens', 'words', 'sentences', 'lines'];

/** Whether a value is one of the `GroupBy` names. */
export const isGroupBy = (value: unknown): value is GroupBy => GROUP_BY.includes(value as GroupBy);


// Sentence ends: ASCII and CJK full stops, and the ellipsis. CJK text has no spaces, so its full
// stops end a sentence whatever follows; the others only before a piece that starts a word.
const TERMINAL = /[.!?…。！？]$/;
const CJK_TERMINAL = /[。！？]$/;
// Closing quotes and brackets that stay with the sentence they close.
const CLOSERS = /["')\]}”’»›」』）】]+$/;
const ONLY_CLOSERS = /^["')\]}”’»›」』）】]+$/;

/** The piece's own text as the sentence rule reads it (decoded, without markers). */
function readableText(token: string, family: TokenizerFamily): string {
  if (family === 'wordpiece' && token.startsWith('##')) return token.slice(2);
  // Most pieces end in a letter or digit; only the others need decoding.
  const last = token.charCodeAt(token.length - 1);
  if ((last >= 0x30 && last <= 0x39) || (last >= 0x41 && last <= 0x5a) || (last >= 0x61 && last <= 0x7a)) return token;
  return pieceText(token, family);
}

/** 0: the piece does not end a sentence; 1: it does before a word start; 2: it does before anything. */
function sentenceEnd(text: string): 0 | 1 | 2 {
  const bare = text.replace(CLOSERS, '');
  return CJK_TERMINAL.test(bare) ? 2 : TERMINAL.test(bare) ? 1 : 0;
}

/**
 * Splits a token axis into groups.
 * - `words`: a piece that starts a word by its spelling (see `startsWord`) starts a group; the others
 *   continue the group before, punctuation included (`▁models`,`.` → one word).
 * - `sentences`: a group ends after `.`, `!`, `?` or `…`, with any closing quotes and brackets after
 *   it, when the next piece starts a word (after `。`, `！`, `？` whatever it is, CJK having no spaces);
 *   it also ends at a newline piece, which belongs to it (so sentences never cross lines, and
 *   `What?`,`Ċ` is one sentence). No abbreviation list: `Mr.`,`ĠSmith` ends a sentence.
 * - `lines`: a group ends at each newline piece, which belongs to the line it ends.
 * In every mode the first piece starts a group, a piece that ends a line (see `endsLine`) ends its
 * group, a newline piece in `words` is a group of its own, and a special token is a group of its own.
 */
export function segment(tokens: readonly string[], by: GroupBy, family: TokenizerFamily = tokenizerFamily(tokens)): Segmentation {
  const length = tokens.length;
  if (by === 'tokens') return identitySegmentation(length);
  const starts = new Int32Array(length + 1);
  let count = 0;
  // The group so far is closed: the next piece starts one whatever it is.
  let closed = true;
  // Sentences: how the group so far ends (see sentenceEnd).
  let terminated: 0 | 1 | 2 = 0;
  const closersStartWords = family === 'wordpiece' || family === 'plain';
  for (let i = 0; i < length; i++) {
    const token = tokens[i];
    const special = isSpecialToken(token);
    const newline = !special && isNewlineToken(token);
    let begins = closed || special;
    if (!begins) {
      if (by === 'words') begins = newline || startsWord(token, family);
      else if (by === 'sentences' && terminated && !newline && token !== '') {
        // Closing quotes and brackets stay with the sentence. With ▁/Ġ markers a marked quote opens the
        // next one; WordPiece and whole words lose the spacing, so there every quote is kept.
        begins = ONLY_CLOSERS.test(readableText(token, family))
          ? !closersStartWords && startsWord(token, family)
          : terminated === 2 || startsWord(token, family);
      }
    }
    if (begins) starts[count++] = i;
    closed = special || newline || endsLine(token);
    if (by === 'sentences') {
      if (closed) terminated = 0;
      else if (token !== '') {
        const text = readableText(token, family);
        // A closing piece kept with an ended sentence leaves it ended; any other piece decides afresh.
        if (!(terminated && !begins && ONLY_CLOSERS.test(text))) terminated = sentenceEnd(text);
      }
    }
  }
  starts[count] = length;
  return { count, starts: starts.slice(0, count + 1) };
}

/** The group number of every token, for lookups in a loop (length = tokens). */
export function groupIndex(segmentation: Segmentation): Int32Array {
  const { starts, count } = segmentation;
  const index = new Int32Array(starts[count]);
  for (let g = 0; g < count; g++) index.fill(g, starts[g], starts[g + 1]);
  return index;
}

/** Each group's text: its pieces joined with the markers turned back into what they stand for. */
export function groupTexts(tokens: readonly string[], segmentation: Segmentation, family: TokenizerFamily = tokenizerFamily(tokens)): string[] {
  const texts = new Array<string>(segmentation.count);
  for (let g = 0; g < segmentation.count; g++)
    texts[g] = joinPieces(tokens, segmentation.starts[g], segmentation.starts[g + 1], family);
  return texts;
}

/**
 * Which groups take part in normalisation and focus, and are shown, when special tokens are hidden:
 * 0 for a group made only of special tokens, 1 otherwise (length = groups).
 */
export function nonSpecialGroups(tokens: readonly string[], segmentation: Segmentation): Uint8Array {
  const include = new Uint8Array(segmentation.count);
  for (let g = 0; g < segmentation.count; g++) {
    for (let i = segmentation.starts[g]; i < segmentation.starts[g + 1]; i++) {
      if (!isSpecialToken(tokens[i] ?? '')) {
        include[g] = 1;
        break;
      }
    }
  }
  return include;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? value.slice(0, 20) + '…' : value)}`;
  if (typeof value === 'bigint') return `the BigInt ${value}`;
  if (isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'function') return 'a function';
  return typeof value === 'number' ? String(value) : `${typeof value} ${String(value)}`;
}

/**
 * The caller's segmentation (`rowGroups` / `columnGroups`): one group number per token,
 * non-decreasing; tokens with the same number form one group. `null` (Hugging Face's `word_ids()`
 * writes it for special tokens) makes a token a group of its own. Never throws: an invalid input
 * gives a null segmentation and one sentence naming `name`; no input gives neither.
 */
export function explicitSegmentation(name: string, groups: unknown, length: number): { segmentation: Segmentation | null; problem?: string } {
  const fail = (problem: string) => ({ segmentation: null, problem: `${name}: ${problem}; ignored` });
  if (groups === undefined || groups === null) return { segmentation: null };
  if (isInstance(groups, InvalidJson)) return fail(`not valid JSON (${groups.reason})`);
  if (isInstance(groups, BigInt64Array) || isInstance(groups, BigUint64Array))
    return fail('expected group numbers, got a BigInt array');
  // Read once into plain data: a revoked Proxy or a throwing getter is a problem, not an exception.
  const read = readList(groups);
  if ('problem' in read) return fail(read.problem === 'not a list' ? `expected an array of group numbers, one per token, got ${describe(groups)}` : read.problem);
  if (read.failed.length) return fail(`${name}[${read.failed[0]}] cannot be read (${read.error})`);
  const numbers = read.items;
  if (numbers.length !== length)
    return fail(`${numbers.length} group number${numbers.length === 1 ? '' : 's'} for ${length} token${length === 1 ? '' : 's'}`);
  const starts = new Int32Array(length + 1);
  let count = 0;
  let previous: number | null = null;
  let previousAt = -1;
  let closed = true;
  for (let i = 0; i < length; i++) {
    const group = numbers[i];
    if (group === null || group === undefined) {
      starts[count++] = i;
      closed = true;
      continue;
    }
    if (typeof group !== 'number' || !Number.isInteger(group))
      return fail(`${name}[${i}] is ${describe(group)}, not a whole number`);
    if (previous !== null && group < previous)
      return fail(`${name}[${i}] is ${group}, less than ${previous} at [${previousAt}]: each group must be one run of tokens`);
    if (closed && group === previous)
      return fail(`${name}[${i}] is ${group} again after null at [${i - 1}]: each group must be one run of tokens`);
    if (closed || group !== previous) starts[count++] = i;
    closed = false;
    previous = group;
    previousAt = i;
  }
  starts[count] = length;
  return { segmentation: { count, starts: starts.slice(0, count + 1) } };
}
