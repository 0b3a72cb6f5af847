/**
 * What a token sequence says about its tokeniser, and the text each piece
 * stands for (what the labels show). Pure string rules: no DOM, nothing kept
 * between calls except the fixed GPT-2 byte map. Where words start and how
 * runs of pieces join (the reading feature's grouping, the text view) are in
 * ./tokenizer.ts, which re-exports these.
 */

/**
 * How a sequence marks where words start: `##` continuations (WordPiece), `▁`/`Ġ`/leading-space
 * starts (SentencePiece and other space-prefixed pieces), GPT-2 byte characters (`byte-level`), or no
 * marker on any piece (`plain`: the caller gave whole words, each one a word).
 */
export type TokenizerFamily = 'wordpiece' | 'sentencepiece' | 'byte-level' | 'plain';

// GPT-2's bytes_to_unicode (encoder.py): the printable bytes ! to ~, ¡ to ¬ and ® to ÿ stand for
// themselves; the other 68 bytes, in increasing order, take the characters U+0100 onwards.
const BYTE_TO_CHAR: string[] = new Array(256);
// Every character of the map is below U+0144, so a small table inverts it.
const CHAR_TO_BYTE = new Int16Array(0x144).fill(-1);
{
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  let next = 0x100;
  for (let b = 0; b < 256; b++) {
    const code = printable(b) ? b : next++;
    BYTE_TO_CHAR[b] = String.fromCharCode(code);
    CHAR_TO_BYTE[code] = b;
  }
}

/** The character GPT-2's byte-level BPE writes for a byte (0–255): `Ġ` for a space, `Ċ` for a newline. */
export function byteLevelChar(byte: number): string {
  return BYTE_TO_CHAR[byte & 0xff];
}

/** The byte a GPT-2 byte character stands for, or -1 when the character is not one of the 256. */
export function byteOfChar(code: number): number {
  return code >= 0 && code < CHAR_TO_BYTE.length ? CHAR_TO_BYTE[code] : -1;
}

/** GPT-2's byte characters for a space (`Ġ`) and a line feed (`Ċ`). */
export const SPACE = 0x120; // Ġ
export const LINE_FEED = 0x10a; // Ċ
const METASPACE = 0x2581; // ▁

// Exact names; anything else in angle or square brackets is text (`<div>`, `[1]`, `<0x0A>`).
const NAMED_SPECIALS = new Set([
  '<s>', '</s>', '<pad>', '<unk>', '<mask>', '<bos>', '<eos>', '<cls>', '<sep>', '<eod>', '<eop>',
  '<start_of_turn>', '<end_of_turn>',
  '[CLS]', '[SEP]', '[PAD]', '[MASK]', '[UNK]',
]);
// `<|endoftext|>`, `<|im_start|>`, `<|eot_id|>` …; DeepSeek writes the bars full-width (`<｜begin▁of▁sentence｜>`);
// T5's sentinels are `<extra_id_0>` ….
const PATTERN_SPECIAL = /^(?:<\|[^|\s]+\|>|<｜[^｜\s]+｜>|<extra_id_\d+>)$/;

/**
 * Whether a token is a tokeniser's control token, which never merges with text: exactly one of
 * `<s> </s> <pad> <unk> <mask> <bos> <eos> <cls> <sep> <eod> <eop> <start_of_turn> <end_of_turn>`,
 * `[CLS] [SEP] [PAD] [MASK] [UNK]`, `<extra_id_N>`, or `<|name|>` / `<｜name｜>` with no space or bar inside.
 */
export function isSpecialToken(token: string): boolean {
  // Every special starts with a bracket: a plain label never reaches the set or the pattern.
  const first = token.charCodeAt(0);
  if (first !== 0x3c && first !== 0x5b) return false;
  return NAMED_SPECIALS.has(token) || (token.length > 4 && PATTERN_SPECIAL.test(token));
}

// Whitespace as written by the three families: raw, SentencePiece's ▁, and GPT-2's byte characters
// for space, tab, line feed, vertical tab, form feed and carriage return.
const WHITESPACE_ONLY = /^[\s▁ĠĉĊċČč]+$/;
const HAS_LINE_FEED = /[\nĊ]/;

/**
 * Whether a token is a line break: only whitespace (in any family's spelling, `▁`/`Ġ`/`Ċ` included)
 * with at least one line feed (`\n`, `Ċ`, `▁\n`, `ĊĊ`, `čĊ`, `\n   `), or Llama's byte piece `<0x0A>`.
 * A lone carriage return is not one: `\r`,`\n` pieces end the line once, at the `\n`.
 */
export function isNewlineToken(token: string): boolean {
  return token === '<0x0A>' || (HAS_LINE_FEED.test(token) && WHITESPACE_ONLY.test(token));
}

/** Whether a piece is a WordPiece continuation (`##ing`). */
export const isContinuation = (token: string) => token.length > 2 && token.startsWith('##');

/** Whether every character of a token is one of GPT-2's 256 byte characters. */
function isByteLevelPiece(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (byteOfChar(token.charCodeAt(i)) < 0) return false;
  return true;
}

/** Whether a piece starts with a space marker (`▁`, `Ġ`) or whitespace. */
export const startsWithSpaceMarker = (token: string) => {
  const first = token.charCodeAt(0);
  return first === METASPACE || first === SPACE || /^\s/.test(token);
};

/**
 * The tokeniser family a sequence was written by. `byte-level` when some piece holds `Ġ` or `Ċ` and
 * every piece that is not a special token is made of GPT-2's 256 byte characters (so `<｜begin▁of▁sentence｜>`
 * does not hide a byte-level sequence); else `wordpiece` when a piece starts with `##` and has more
 * after it; else `sentencepiece` when a piece other than a newline starts with `▁`, `Ġ` or whitespace;
 * else `plain`.
 */
export function tokenizerFamily(tokens: readonly string[]): TokenizerFamily {
  let byteMarker = false;
  let allBytes = true;
  let hashes = false;
  let spaceMarker = false;
  for (const token of tokens) {
    if (isSpecialToken(token)) continue;
    if (allBytes) {
      if (!isByteLevelPiece(token)) allBytes = false;
      else if (!byteMarker && (token.includes('Ġ') || token.includes('Ċ'))) byteMarker = true;
    }
    if (!hashes && isContinuation(token)) hashes = true;
    // A newline piece says nothing about how words start: whole words may come with '\n' pieces.
    if (!spaceMarker && startsWithSpaceMarker(token) && !isNewlineToken(token)) spaceMarker = true;
  }
  if (byteMarker && allBytes) return 'byte-level';
  if (hashes) return 'wordpiece';
  return spaceMarker ? 'sentencepiece' : 'plain';
}

/**
 * UTF-8 bytes as text. Where bytes do not form a character (a sequence cut short, a stray
 * continuation byte, an overlong form) they are shown as uppercase hex in angle brackets, runs of
 * them together: `F0 9F` → `<F0 9F>`. The bytes each bracket holds follow the WHATWG decoder's
 * "maximal subpart" rule, so the text between brackets is exactly what `TextDecoder` gives.
 */
export function decodeUtf8(bytes: ArrayLike<number>, length = bytes.length): string {
  let text = '';
  let bad = '';
  const flushBad = () => {
    if (bad) text += `<${bad.slice(1)}>`;
    bad = '';
  };
  const hex = (b: number) => ' ' + (b < 16 ? '0' : '') + b.toString(16).toUpperCase();
  let i = 0;
  while (i < length) {
    const lead = bytes[i];
    if (lead < 0x80) {
      flushBad();
      text += String.fromCharCode(lead);
      i++;
      continue;
    }
    let need: number;
    let point: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) {
      need = 1;
      point = lead & 0x1f;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      need = 2;
      point = lead & 0x0f;
      // No overlong forms (E0 80–9F) and no UTF-16 surrogates (ED A0–BF).
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      need = 3;
      point = lead & 0x07;
      // No overlong forms (F0 80–8F) and nothing past U+10FFFF (F4 90–BF).
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      bad += hex(lead);
      i++;
      continue;
    }
    let taken = 1;
    while (taken <= need && i + taken < length) {
      const next = bytes[i + taken];
      if (next < (taken === 1 ? low : 0x80) || next > (taken === 1 ? high : 0xbf)) break;
      point = (point << 6) | (next & 0x3f);
      taken++;
    }
    if (taken > need) {
      flushBad();
      text += String.fromCodePoint(point);
    } else {
      for (let k = 0; k < taken; k++) bad += hex(bytes[i + k]);
    }
    i += taken;
  }
  flushBad();
  return text;
}

/** Decodes a run of byte-level pieces; special tokens and characters outside the map are kept as written. */
export function decodeByteLevel(tokens: readonly string[], start: number, end: number): string {
  const bytes: number[] = [];
  let text = '';
  const flush = () => {
    if (bytes.length) text += decodeUtf8(bytes);
    bytes.length = 0;
  };
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    if (isSpecialToken(token)) {
      flush();
      text += token;
      continue;
    }
    for (let k = 0; k < token.length; k++) {
      const byte = byteOfChar(token.charCodeAt(k));
      if (byte >= 0) bytes.push(byte);
      else {
        flush();
        text += token[k];
      }
    }
  }
  flush();
  return text;
}

// SentencePiece's byte fallback (Llama, Gemma): a byte the vocabulary lacks is the piece `<0xE4>`.
const BYTE_FALLBACK = /^<0x([0-9A-Fa-f]{2})>$/;

/** Joins SentencePiece pieces: every `▁` and a leading `Ġ` are spaces, runs of byte-fallback pieces are decoded. */
export function joinSentencePiece(tokens: readonly string[], start: number, end: number): string {
  const bytes: number[] = [];
  let text = '';
  for (let i = start; i < end; i++) {
    const token = tokens[i];
    const byte = BYTE_FALLBACK.exec(token);
    if (byte) {
      bytes.push(parseInt(byte[1], 16));
      continue;
    }
    if (bytes.length) text += decodeUtf8(bytes);
    bytes.length = 0;
    if (isSpecialToken(token)) text += token;
    else text += (token.charCodeAt(0) === SPACE ? ' ' + token.slice(1) : token).replaceAll('▁', ' ');
  }
  if (bytes.length) text += decodeUtf8(bytes);
  return text;
}

/**
 * One piece's display text: byte-level pieces decoded (`Ã©` → `é`, `Ġthe` → ` the`, a part of a
 * character → `<F0 9F>`), SentencePiece byte-fallback pieces too (`<0x0A>` → `\n`, `<0xE4>` → `<E4>`);
 * every other token unchanged (`▁the`, `##ing`), for the usual glyphs to show.
 */
export function pieceText(token: string, family: TokenizerFamily): string {
  if (family === 'byte-level') return isSpecialToken(token) ? token : decodeByteLevel([token], 0, 1);
  if (family === 'sentencepiece' && BYTE_FALLBACK.test(token)) return joinSentencePiece([token], 0, 1);
  return token;
}
