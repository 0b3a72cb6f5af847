/**
 * Each token's share of the running text its sequence spells: markers turned back into spaces,
 * byte-level and byte-fallback pieces decoded across piece boundaries, WordPiece continuations
 * glued. Joined in order, the shares give the text (`Ġcaf`,`Ã©s` → ` caf`,`és`). Pure, linear.
 */
import { byteOfChar, isSpecialToken, joinPieces, type TokenizerFamily } from './tokenizer.js';

// SentencePiece's byte fallback (Llama, Gemma): a byte the vocabulary lacks is the piece `<0xE4>`.
const BYTE_FALLBACK = /^<0x([0-9A-Fa-f]{2})>$/;
const SPACE_MARKER = 0x120; // Ġ

/** A stream of bytes and literal text, each item owned by one token. */
interface Stream {
  /** -1 for literal text (in `texts`), else a byte 0–255. */
  readonly bytes: number[];
  readonly texts: string[];
  readonly owners: number[];
}

const hex = (b: number) => (b < 16 ? '0' : '') + b.toString(16).toUpperCase();

/**
 * How many bytes from `i` form one UTF-8 character (a positive count), or, negated, how many form
 * the maximal subpart of a broken one (WHATWG), as `decodeUtf8` reads them. Literal items end a sequence.
 */
function sequenceAt(bytes: readonly number[], i: number): number {
  const lead = bytes[i];
  let need: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) need = 1;
  else if (lead >= 0xe0 && lead <= 0xef) {
    need = 2;
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    need = 3;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return -1;
  let taken = 1;
  while (taken <= need && i + taken < bytes.length) {
    const next = bytes[i + taken];
    if (next < 0 || next < (taken === 1 ? low : 0x80) || next > (taken === 1 ? high : 0xbf)) break;
    taken++;
  }
  return taken > need ? taken : -taken;
}

/** The code point of a valid UTF-8 sequence of `length` bytes at `i`. */
function codePoint(bytes: readonly number[], i: number, length: number): number {
  if (length === 1) return bytes[i];
  let point = bytes[i] & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) point = (point << 6) | (bytes[i + k] & 0x3f);
  return point;
}

/** Decodes a stream; each character goes to the token holding its first byte, broken bytes show as `<F0 9F>`. */
function decodeStream(stream: Stream, count: number): string[] {
  const shares = new Array<string>(count).fill('');
  const { bytes, texts, owners } = stream;
  let i = 0;
  while (i < bytes.length) {
    const owner = owners[i];
    if (bytes[i] < 0) {
      shares[owner] += texts[i];
      i++;
      continue;
    }
    const length = sequenceAt(bytes, i);
    if (length > 0) {
      shares[owner] += String.fromCodePoint(codePoint(bytes, i, length));
      i += length;
      continue;
    }
    // Broken bytes: one bracket per token, as the grid shows a piece's own bytes.
    let bad = '';
    for (let k = 0; k < -length; k++) {
      if (owners[i + k] !== owners[i]) break;
      bad += (bad ? ' ' : '') + hex(bytes[i + k]);
    }
    const taken = bad.split(' ').length;
    shares[owner] += `<${bad}>`;
    i += taken;
  }
  return shares;
}

function push(stream: Stream, owner: number, byte: number, text = ''): void {
  stream.bytes.push(byte);
  stream.texts.push(text);
  stream.owners.push(owner);
}

/** Byte-level (GPT-2): every piece's characters are bytes; special tokens and unmapped characters are text. */
function byteLevelStream(tokens: readonly string[]): Stream {
  const stream: Stream = { bytes: [], texts: [], owners: [] };
  tokens.forEach((token, t) => {
    if (isSpecialToken(token)) return push(stream, t, -1, token);
    for (let k = 0; k < token.length; k++) {
      const byte = byteOfChar(token.charCodeAt(k));
      push(stream, t, byte, byte < 0 ? token[k] : '');
    }
  });
  return stream;
}

/** SentencePiece: `▁` (and a leading `Ġ`) are spaces, `<0xE4>` pieces are bytes, the rest is text. */
function sentencePieceStream(tokens: readonly string[]): Stream {
  const stream: Stream = { bytes: [], texts: [], owners: [] };
  tokens.forEach((token, t) => {
    const byte = BYTE_FALLBACK.exec(token);
    if (byte) return push(stream, t, parseInt(byte[1], 16));
    if (isSpecialToken(token)) return push(stream, t, -1, token);
    const text = token.charCodeAt(0) === SPACE_MARKER ? ' ' + token.slice(1) : token;
    // Literal text is one item, but its characters still end a byte sequence before it.
    push(stream, t, -1, text.replaceAll('▁', ' '));
  });
  return stream;
}

/** WordPiece and whole words: a token's share is what joining it to the token before adds. */
function wordShares(tokens: readonly string[], family: TokenizerFamily): string[] {
  const shares = new Array<string>(tokens.length).fill('');
  let previous = -1;
  for (let t = 0; t < tokens.length; t++) {
    if (tokens[t] === '') continue;
    if (previous < 0) shares[t] = joinPieces(tokens, t, t + 1, family);
    else {
      // The join rule reads only the last non-empty piece before: [previous, t] minus [previous].
      const pair = [tokens[previous], tokens[t]];
      shares[t] = joinPieces(pair, 0, 2, family).slice(joinPieces(pair, 0, 1, family).length);
    }
    previous = t;
  }
  return shares;
}

/**
 * Each token's share of the running text, so that the shares joined are the text: SentencePiece
 * `▁the` → ` the`; byte-level `Ġcaf`,`Ã©s` → ` caf`,`és`, and a character split over pieces goes to
 * the piece with its first byte (`ĠðŁ`,`ĺ`,`Ĭ` → ` 😊`,``,``); WordPiece `play`,`##ing` → `play`,`ing`
 * and ` the` after a word; special tokens as written; newline pieces keep their line feeds.
 */
export function runningTexts(tokens: readonly string[], family: TokenizerFamily): string[] {
  switch (family) {
    case 'byte-level':
      return decodeStream(byteLevelStream(tokens), tokens.length);
    case 'sentencepiece':
      return decodeStream(sentencePieceStream(tokens), tokens.length);
    case 'wordpiece':
    case 'plain':
      return wordShares(tokens, family);
  }
}
