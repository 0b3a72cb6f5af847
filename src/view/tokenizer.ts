/**
 * The tokeniser rules: ./pieces.ts (families, special tokens, each piece's text), and here where
 * words start, where lines end and the text a run of pieces stands for, for the reading feature's
 * grouping and the text view (kept out of the core, whose labels need only ./pieces.ts).
 */
import {
  decodeByteLevel,
  isContinuation,
  isNewlineToken,
  joinSentencePiece,
  LINE_FEED,
  SPACE,
  startsWithSpaceMarker,
  type TokenizerFamily,
} from './pieces.js';

export * from './pieces.js';

/**
 * Whether a piece ends a line: a newline piece, or text followed by a line feed, as the pieces
 * `.Ċ`, `:ĊĊ`, `)čĊ` of Llama 3 / GPT-4-style vocabularies are. The piece after it starts a new group.
 */
export function endsLine(token: string): boolean {
  return isNewlineToken(token) || HAS_FINAL_LINE_FEED.test(token);
}
const HAS_FINAL_LINE_FEED = /[\nĊ]$/;

// Byte-level pieces for space, tab, line feed, vertical tab, form feed and carriage return.
const BYTE_WHITESPACE = new Set([SPACE, 0x109, LINE_FEED, 0x10b, 0x10c, 0x10d]);

/**
 * Whether a piece begins a word by its own spelling (special tokens, newlines and the first piece
 * are decided by the grouping): WordPiece every piece but `##…`; `plain` every piece; SentencePiece a
 * leading `▁`, `Ġ` or whitespace; byte-level a leading `Ġ` or other whitespace byte. An empty piece
 * never does: it stands for no text.
 */
export function startsWord(token: string, family: TokenizerFamily): boolean {
  if (token === '') return false;
  switch (family) {
    case 'wordpiece':
      return !isContinuation(token);
    case 'plain':
      return true;
    case 'byte-level':
      return BYTE_WHITESPACE.has(token.charCodeAt(0));
    case 'sentencepiece':
      return startsWithSpaceMarker(token);
  }
}

// Pieces that attach to the word before / after them when words are joined with spaces, as
// Hugging Face's `clean_up_tokenization` does for BERT (`hello , world` → `hello, world`, `don ' t` → `don't`).
const NO_SPACE_BEFORE = /^[.,!?;:%)\]}…”’»']+$/;
const NO_SPACE_AFTER = /^[([{“‘«']+$/;

/** Joins WordPiece or whole-word pieces: `##` continues a word, other pieces are words separated by spaces. */
function joinWords(tokens: readonly string[], start: number, end: number): string {
  let text = '';
  let glued = true;
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    if (token === '') continue;
    if (isContinuation(token)) text += token.slice(2);
    else if (isNewlineToken(token)) {
      text += token;
      glued = true;
      continue;
    } else {
      if (!glued && !NO_SPACE_BEFORE.test(token)) text += ' ';
      text += token;
    }
    glued = NO_SPACE_AFTER.test(token) || HAS_FINAL_LINE_FEED.test(token);
  }
  return text;
}

/**
 * The text pieces [start, end) stand for. SentencePiece: `▁` (and a leading `Ġ`) become spaces,
 * byte-fallback pieces (`<0xE4>`) are decoded; byte-level: every piece decoded through GPT-2's byte
 * map into UTF-8 (`Ġcaf`,`Ã©` → ` café`), bytes that complete no character shown as `<F0 9F>`;
 * WordPiece: `##` pieces continue the word (`play`,`##ing` → `playing`), other pieces are joined with
 * spaces except before closing punctuation; plain: joined like WordPiece. Special tokens are kept as written.
 */
export function joinPieces(tokens: readonly string[], start: number, end: number, family: TokenizerFamily): string {
  const from = Math.max(0, start);
  const to = Math.min(tokens.length, end);
  if (from >= to) return '';
  switch (family) {
    case 'byte-level':
      return decodeByteLevel(tokens, from, to);
    case 'sentencepiece':
      return joinSentencePiece(tokens, from, to);
    case 'wordpiece':
    case 'plain':
      return joinWords(tokens, from, to);
  }
}

