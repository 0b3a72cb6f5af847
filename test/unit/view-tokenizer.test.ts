import { expect } from '@open-wc/testing';
import {
  byteLevelChar,
  byteOfChar,
  decodeUtf8,
  endsLine,
  isNewlineToken,
  isSpecialToken,
  joinPieces,
  pieceText,
  startsWord,
  tokenizerFamily,
} from '../../src/view/tokenizer.js';

// Real tokenisations (Hugging Face tokenizers), as an attribution tool would receive them.
// GPT-2: "Hello world.\nThe café" and Qwen2's chat template.
const GPT2 = ['Hello', 'Ġworld', '.', 'Ċ', 'The', 'Ġcaf', 'Ã©'];
const QWEN_CHAT = ['<|im_start|>', 'user', 'Ċ', 'What', 'Ġis', 'Ġ', '2', '+', '2', '?', '<|im_end|>', 'Ċ'];
// Llama 2 (SentencePiece with byte fallback): "<s> Hello world.\nThe café 😊".
const LLAMA2 = ['<s>', '▁Hello', '▁world', '.', '<0x0A>', '▁The', '▁caf', 'é', '▁', '<0xF0>', '<0x9F>', '<0x98>', '<0x8A>'];
// BERT uncased: "[CLS] the café is unbelievable! [SEP]".
const BERT = ['[CLS]', 'the', 'cafe', 'is', 'un', '##bel', '##ie', '##va', '##ble', '!', '[SEP]'];

/** GPT-2's spelling of a string: its UTF-8 bytes as byte characters. */
const byteLevel = (text: string) => [...new TextEncoder().encode(text)].map(byteLevelChar).join('');

describe('GPT-2 byte map', () => {
  it('maps the printable bytes to themselves', () => {
    for (let b = 0; b < 256; b++) {
      const printable = (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
      if (printable) expect(byteLevelChar(b), `byte ${b}`).to.equal(String.fromCharCode(b));
    }
  });

  it('maps the other 68 bytes, in order, to U+0100 onwards', () => {
    const others = Array.from({ length: 256 }, (_, b) => b).filter(
      (b) => !((b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff)),
    );
    expect(others).to.have.length(68);
    others.forEach((b, n) => expect(byteLevelChar(b).charCodeAt(0), `byte ${b}`).to.equal(0x100 + n));
  });

  it('spells space, newline, tab and carriage return as GPT-2 vocabularies do', () => {
    expect(byteLevelChar(0x20)).to.equal('Ġ');
    expect(byteLevelChar(0x0a)).to.equal('Ċ');
    expect(byteLevelChar(0x09)).to.equal('ĉ');
    expect(byteLevelChar(0x0d)).to.equal('č');
    expect(byteLevelChar(0x00)).to.equal('Ā');
    expect(byteLevelChar(0xad)).to.equal('Ń');
  });

  it('inverts exactly: 256 distinct characters, nothing else maps to a byte', () => {
    const chars = new Set<string>();
    for (let b = 0; b < 256; b++) {
      chars.add(byteLevelChar(b));
      expect(byteOfChar(byteLevelChar(b).charCodeAt(0))).to.equal(b);
    }
    expect(chars.size).to.equal(256);
    for (const outside of [' ', '\n', '\t', '▁', 'ń', '中', '\u00a0', '\u00ad', '\u007f']) {
      expect(byteOfChar(outside.charCodeAt(0)), JSON.stringify(outside)).to.equal(-1);
    }
  });

  it('spells real GPT-2 vocabulary entries', () => {
    expect(byteLevel(' café')).to.equal('ĠcafÃ©');
    expect(byteLevel('中')).to.equal('ä¸Ń');
    expect(byteLevel('’')).to.equal('âĢĻ');
    expect(byteLevel('😊')).to.equal('ðŁĺĬ');
  });
});

describe('decodeUtf8', () => {
  it('decodes complete characters of every length', () => {
    for (const text of ['a', 'é', '中', '😊', 'naïve 中文 😊!']) {
      expect(decodeUtf8(new TextEncoder().encode(text))).to.equal(text);
    }
  });

  it('shows bytes that complete no character as uppercase hex, runs together', () => {
    expect(decodeUtf8([0xf0, 0x9f])).to.equal('<F0 9F>');
    expect(decodeUtf8([0x98, 0x8a])).to.equal('<98 8A>');
    expect(decodeUtf8([0x41, 0xc3])).to.equal('A<C3>');
    expect(decodeUtf8([0xc3, 0x41])).to.equal('<C3>A');
    expect(decodeUtf8([0x05])).to.equal('\u0005');
  });

  it('rejects overlong forms, surrogates and code points past U+10FFFF', () => {
    expect(decodeUtf8([0xc0, 0xaf])).to.equal('<C0 AF>');
    expect(decodeUtf8([0xe0, 0x80, 0xaf])).to.equal('<E0 80 AF>');
    expect(decodeUtf8([0xed, 0xa0, 0x80])).to.equal('<ED A0 80>');
    expect(decodeUtf8([0xf4, 0x90, 0x80, 0x80])).to.equal('<F4 90 80 80>');
    expect(decodeUtf8([0xf4, 0x8f, 0xbf, 0xbf])).to.equal(String.fromCodePoint(0x10ffff));
  });

  it('agrees with the browser decoder on random bytes, brackets where it writes U+FFFD', () => {
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 24;
    for (let trial = 0; trial < 300; trial++) {
      // High bytes and letters only, so no literal '<' can look like a bracket.
      const bytes = Array.from({ length: 1 + (random() % 12) }, () => {
        const b = random();
        return b < 0x80 ? 0x61 + (b % 26) : b;
      });
      const ours = decodeUtf8(bytes);
      const theirs = new TextDecoder().decode(Uint8Array.from(bytes));
      const bracketed = [...ours.matchAll(/<([0-9A-F]{2}(?: [0-9A-F]{2})*)>/g)].length;
      expect(ours.replace(/<[0-9A-F]{2}(?: [0-9A-F]{2})*>/g, '\uFFFD').replace(/\uFFFD+/g, '\uFFFD'), bytes.join(',')).to.equal(
        theirs.replace(/\uFFFD+/g, '\uFFFD'),
      );
      // Every byte is shown once: as part of a character or in hex.
      const hexBytes = [...ours.matchAll(/[0-9A-F]{2}(?=[ >])/g)].length;
      const textBytes = new TextEncoder().encode(ours.replace(/<[0-9A-F]{2}(?: [0-9A-F]{2})*>/g, '')).length;
      expect(hexBytes + textBytes, bytes.join(',')).to.equal(bytes.length);
      expect(bracketed).to.be.at.most(bytes.length);
    }
  });
});

describe('tokenizerFamily', () => {
  it('reads byte-level BPE from Ġ and Ċ pieces', () => {
    expect(tokenizerFamily(GPT2)).to.equal('byte-level');
    expect(tokenizerFamily(QWEN_CHAT)).to.equal('byte-level');
    expect(tokenizerFamily(['Ċ', 'def'])).to.equal('byte-level');
  });

  it('ignores special tokens outside the byte map when reading byte-level', () => {
    expect(tokenizerFamily(['<｜begin▁of▁sentence｜>', 'Hello', 'Ġworld'])).to.equal('byte-level');
  });

  it('does not read byte-level when a piece holds a character outside the map', () => {
    // A space-prefixed plain token with é and a Ġ in it: ' ' is not a byte character.
    expect(tokenizerFamily(['Ġthe', ' café'])).to.equal('sentencepiece');
    expect(tokenizerFamily(['Ġthe', '中'])).to.equal('sentencepiece');
  });

  it('needs a Ġ or Ċ piece for byte-level, even when every piece is in the map', () => {
    expect(tokenizerFamily(['Hello', 'world'])).to.equal('plain');
    expect(tokenizerFamily(['caf', 'Ã©'])).to.equal('plain');
  });

  it('reads WordPiece from ## continuations', () => {
    expect(tokenizerFamily(BERT)).to.equal('wordpiece');
    expect(tokenizerFamily(['play', '##ing'])).to.equal('wordpiece');
    // é in a WordPiece token does not make it byte-level.
    expect(tokenizerFamily(['[CLS]', 'café', '##s'])).to.equal('wordpiece');
  });

  it('keeps a GPT-2 sequence byte-level when it has a literal ## piece (a Markdown heading)', () => {
    expect(tokenizerFamily(['##', 'ĠResults', 'Ċ'])).to.equal('byte-level');
  });

  it('does not read WordPiece from a bare ## or a # piece', () => {
    expect(tokenizerFamily(['▁#', '#', '▁tag'])).to.equal('sentencepiece');
    expect(tokenizerFamily(['##', 'tag'])).to.equal('plain');
  });

  it('reads SentencePiece from ▁ pieces and space-prefixed pieces', () => {
    expect(tokenizerFamily(LLAMA2)).to.equal('sentencepiece');
    expect(tokenizerFamily([' The', ' cat', 's'])).to.equal('sentencepiece');
  });

  it('reads whole words when no piece carries a marker, newlines and specials aside', () => {
    expect(tokenizerFamily(['The', 'quick', 'brown', 'fox'])).to.equal('plain');
    expect(tokenizerFamily(['<s>', 'Hello', '\n', 'world', '</s>'])).to.equal('plain');
    expect(tokenizerFamily([])).to.equal('plain');
  });
});

describe('isSpecialToken', () => {
  it('knows the control tokens of BERT, T5, RoBERTa, Llama, Gemma and chat templates', () => {
    for (const token of [
      '<s>', '</s>', '<pad>', '<unk>', '<mask>', '<bos>', '<eos>', '<cls>', '<sep>', '<eod>', '<eop>',
      '<start_of_turn>', '<end_of_turn>', '[CLS]', '[SEP]', '[PAD]', '[MASK]', '[UNK]',
      '<|endoftext|>', '<|im_start|>', '<|im_end|>', '<|begin_of_text|>', '<|eot_id|>', '<|start_header_id|>',
      '<｜begin▁of▁sentence｜>', '<extra_id_0>', '<extra_id_99>',
    ]) {
      expect(isSpecialToken(token), token).to.equal(true);
    }
  });

  it('leaves text that merely looks bracketed alone', () => {
    for (const token of [
      '<', '<>', '<div>', '<0x0A>', '[1]', '[cls]', 'CLS', '▁<s>', 'Ġ<|endoftext|>', '<|>', '<| |>', '<|a b|>', '<S>', '<extra_id_>', '',
    ]) {
      expect(isSpecialToken(token), token).to.equal(false);
    }
  });
});

describe('isNewlineToken and endsLine', () => {
  it('knows newline pieces in every spelling', () => {
    for (const token of ['\n', '\n\n', '\r\n', '▁\n', 'Ċ', 'ĊĊ', 'čĊ', 'ĠĊ', '\n   ', 'ĊĠĠĠ', '<0x0A>']) {
      expect(isNewlineToken(token), JSON.stringify(token)).to.equal(true);
      expect(endsLine(token), JSON.stringify(token)).to.equal(true);
    }
  });

  it('does not take other whitespace or text for a newline', () => {
    for (const token of ['\r', 'č', ' ', '▁', 'Ġ', '\t', '', 'a\n', '.Ċ', '<0x0D>', 'Ċa']) {
      expect(isNewlineToken(token), JSON.stringify(token)).to.equal(false);
    }
  });

  it('ends a line at text followed by a line feed, as Llama 3 pieces are', () => {
    expect(endsLine('.Ċ')).to.equal(true);
    expect(endsLine(':ĊĊ')).to.equal(true);
    expect(endsLine(')čĊ')).to.equal(true);
    expect(endsLine('end\n')).to.equal(true);
    expect(endsLine('Ċa')).to.equal(false);
    expect(endsLine('\r')).to.equal(false);
  });
});

describe('startsWord', () => {
  it('WordPiece: every piece but a ## continuation', () => {
    expect(startsWord('play', 'wordpiece')).to.equal(true);
    expect(startsWord('##ing', 'wordpiece')).to.equal(false);
    expect(startsWord('.', 'wordpiece')).to.equal(true);
  });

  it('SentencePiece: a leading ▁, Ġ or whitespace', () => {
    expect(startsWord('▁In', 'sentencepiece')).to.equal(true);
    expect(startsWord(' the', 'sentencepiece')).to.equal(true);
    expect(startsWord('Ġthe', 'sentencepiece')).to.equal(true);
    expect(startsWord('s', 'sentencepiece')).to.equal(false);
    expect(startsWord('.', 'sentencepiece')).to.equal(false);
  });

  it('byte-level: a leading Ġ or another whitespace byte', () => {
    expect(startsWord('Ġworld', 'byte-level')).to.equal(true);
    expect(startsWord('ĉreturn', 'byte-level')).to.equal(true);
    expect(startsWord('world', 'byte-level')).to.equal(false);
    expect(startsWord('Ã©', 'byte-level')).to.equal(false);
  });

  it('plain: every piece; an empty piece never', () => {
    expect(startsWord('fox', 'plain')).to.equal(true);
    for (const family of ['wordpiece', 'sentencepiece', 'byte-level', 'plain'] as const) {
      expect(startsWord('', family), family).to.equal(false);
    }
  });
});

describe('joinPieces', () => {
  it('turns SentencePiece markers back into spaces', () => {
    expect(joinPieces(['▁In', 's', 'eq'], 0, 3, 'sentencepiece')).to.equal(' Inseq');
    expect(joinPieces(['▁models', '.'], 0, 2, 'sentencepiece')).to.equal(' models.');
    expect(joinPieces(['▁New▁York'], 0, 1, 'sentencepiece')).to.equal(' New York');
    expect(joinPieces([' The', ' cat'], 0, 2, 'sentencepiece')).to.equal(' The cat');
  });

  it('joins WordPiece continuations and spaces the words', () => {
    expect(joinPieces(['play', '##ing'], 0, 2, 'wordpiece')).to.equal('playing');
    expect(joinPieces(['un', '##believ', '##able', 'game'], 0, 3, 'wordpiece')).to.equal('unbelievable');
    expect(joinPieces(BERT, 1, 10, 'wordpiece')).to.equal('the cafe is unbelievable!');
    expect(joinPieces(['don', "'", 't', 'stop', ',', 'ok', '(', 'yes', ')'], 0, 9, 'wordpiece')).to.equal("don't stop, ok (yes)");
  });

  it('joins whole words with spaces', () => {
    expect(joinPieces(['The', 'quick', 'fox', '.'], 0, 4, 'plain')).to.equal('The quick fox.');
    expect(joinPieces(['end', '\n', 'Next'], 0, 3, 'plain')).to.equal('end\nNext');
  });

  it('decodes byte-level pieces into UTF-8 text', () => {
    expect(joinPieces(['Ġcaf', 'Ã©'], 0, 2, 'byte-level')).to.equal(' café');
    expect(joinPieces(['ä¸Ń', 'æĸĩ'], 0, 2, 'byte-level')).to.equal('中文');
    expect(joinPieces(['ĠI', 'âĢĻm'], 0, 2, 'byte-level')).to.equal(' I’m');
    expect(joinPieces(GPT2, 0, 4, 'byte-level')).to.equal('Hello world.\n');
  });

  it('shows an emoji split over pieces once the group completes it, bytes until then', () => {
    const pieces = ['ĠðŁ', 'ĺ', 'Ĭ'];
    expect(joinPieces(pieces, 0, 3, 'byte-level')).to.equal(' 😊');
    expect(joinPieces(pieces, 0, 2, 'byte-level')).to.equal(' <F0 9F 98>');
    expect(joinPieces(pieces, 1, 3, 'byte-level')).to.equal('<98 8A>');
  });

  it('round-trips any text through its byte-level spelling, however it is cut into pieces', () => {
    const text = ' Ça coûte 5€ — 中文, 😊 and 👍🏽!\n\tok';
    const spelled = byteLevel(text);
    for (const size of [1, 2, 3, 5]) {
      const pieces: string[] = [];
      for (let i = 0; i < spelled.length; i += size) pieces.push(spelled.slice(i, i + size));
      expect(joinPieces(pieces, 0, pieces.length, 'byte-level'), `pieces of ${size}`).to.equal(text);
    }
  });

  it('keeps special tokens as written', () => {
    expect(joinPieces(QWEN_CHAT, 0, 3, 'byte-level')).to.equal('<|im_start|>user\n');
    expect(joinPieces(['<｜begin▁of▁sentence｜>', 'Hi'], 0, 2, 'byte-level')).to.equal('<｜begin▁of▁sentence｜>Hi');
    expect(joinPieces(LLAMA2, 0, 3, 'sentencepiece')).to.equal('<s> Hello world');
  });

  it('decodes SentencePiece byte-fallback pieces, partial ones as bytes', () => {
    expect(joinPieces(LLAMA2, 8, 13, 'sentencepiece')).to.equal(' 😊');
    expect(joinPieces(LLAMA2, 8, 11, 'sentencepiece')).to.equal(' <F0 9F>');
    expect(joinPieces(LLAMA2, 3, 6, 'sentencepiece')).to.equal('.\n The');
  });

  it('leaves é alone in a sequence that is not byte-level', () => {
    expect(joinPieces(LLAMA2, 6, 8, 'sentencepiece')).to.equal(' café');
    expect(joinPieces(['caf', '##é'], 0, 2, 'wordpiece')).to.equal('café');
  });

  it('clamps the range and gives empty text for an empty one', () => {
    expect(joinPieces(['▁a', 'b'], -3, 9, 'sentencepiece')).to.equal(' ab');
    expect(joinPieces(['▁a', 'b'], 1, 1, 'sentencepiece')).to.equal('');
    expect(joinPieces(['', '▁a', ''], 0, 3, 'sentencepiece')).to.equal(' a');
  });
});

describe('pieceText', () => {
  it('decodes a byte-level piece on its own', () => {
    expect(pieceText('Ã©', 'byte-level')).to.equal('é');
    expect(pieceText('Ġthe', 'byte-level')).to.equal(' the');
    expect(pieceText('Ċ', 'byte-level')).to.equal('\n');
    expect(pieceText('ä¸Ń', 'byte-level')).to.equal('中');
  });

  it('shows a piece holding part of a character as its bytes', () => {
    expect(pieceText('ðŁ', 'byte-level')).to.equal('<F0 9F>');
    expect(pieceText('ĺ', 'byte-level')).to.equal('<98>');
    expect(pieceText('Ĭ', 'byte-level')).to.equal('<8A>');
  });

  it('decodes SentencePiece byte-fallback pieces', () => {
    expect(pieceText('<0x0A>', 'sentencepiece')).to.equal('\n');
    expect(pieceText('<0xF0>', 'sentencepiece')).to.equal('<F0>');
  });

  it('leaves other tokens as they are', () => {
    expect(pieceText('▁the', 'sentencepiece')).to.equal('▁the');
    expect(pieceText('##ing', 'wordpiece')).to.equal('##ing');
    expect(pieceText('café', 'wordpiece')).to.equal('café');
    expect(pieceText('Ã©', 'plain')).to.equal('Ã©');
    expect(pieceText('<|endoftext|>', 'byte-level')).to.equal('<|endoftext|>');
  });
});
