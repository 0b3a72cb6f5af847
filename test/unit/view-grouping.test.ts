import { expect } from '@open-wc/testing';
import { InvalidJson } from '../../src/data.js';
import {
  explicitSegmentation,
  groupIndex,
  groupOf,
  groupSize,
  groupTexts,
  identitySegmentation,
  isGroupBy,
  isIdentity,
  nonSpecialGroups,
  segment,
  type GroupBy,
  type Segmentation,
} from '../../src/view/grouping.js';

/** The pieces of each group, to compare with what a reader expects. */
const piecesOf = (tokens: string[], segmentation: Segmentation) =>
  Array.from({ length: segmentation.count }, (_, g) => tokens.slice(segmentation.starts[g], segmentation.starts[g + 1]));
const grouped = (tokens: string[], by: GroupBy) => piecesOf(tokens, segment(tokens, by));
const texts = (tokens: string[], by: GroupBy) => groupTexts(tokens, segment(tokens, by));

// Real tokenisations (Hugging Face tokenizers).
// GPT-2, "Attribution methods explain models. They are not perfect!\nSee the café 😊"
const GPT2 = [
  'Att', 'ribution', 'Ġmethods', 'Ġexplain', 'Ġmodels', '.', 'ĠThey', 'Ġare', 'Ġnot', 'Ġperfect', '!', 'Ċ',
  'See', 'Ġthe', 'Ġcaf', 'Ã©', 'ĠðŁ', 'ĺ', 'Ĭ',
];
// Llama 2 (SentencePiece), '<s> Inseq explains models. "Really?" he asked.\n\nYes.</s>'
const LLAMA2 = [
  '<s>', '▁In', 's', 'eq', '▁explains', '▁models', '.', '▁"', 'Re', 'ally', '?"', '▁he', '▁asked', '.', '<0x0A>', '<0x0A>',
  'Yes', '.', '</s>',
];
// BERT uncased, "[CLS] un believable game . " really " ( yes ) ! [SEP]"
const BERT = ['[CLS]', 'un', '##believ', '##able', 'game', '.', '"', 'really', '.', '"', 'then', '(', 'yes', ')', '!', '[SEP]'];

describe('segment: words', () => {
  it('WordPiece: ## continues the word, every other piece starts one', () => {
    expect(grouped(['un', '##believ', '##able', 'game'], 'words')).to.deep.equal([['un', '##believ', '##able'], ['game']]);
    expect(texts(['un', '##believ', '##able', 'game'], 'words')).to.deep.equal(['unbelievable', 'game']);
    expect(texts(['play', '##ing'], 'words')).to.deep.equal(['playing']);
  });

  it('WordPiece: punctuation is a word of its own and specials stand alone', () => {
    expect(texts(BERT, 'words')).to.deep.equal([
      '[CLS]', 'unbelievable', 'game', '.', '"', 'really', '.', '"', 'then', '(', 'yes', ')', '!', '[SEP]',
    ]);
  });

  it('SentencePiece: ▁ starts a word, pieces without a marker continue it, punctuation included', () => {
    expect(grouped(['▁In', 's', 'eq'], 'words')).to.deep.equal([['▁In', 's', 'eq']]);
    expect(texts(['▁In', 's', 'eq'], 'words')).to.deep.equal([' Inseq']);
    expect(grouped(['▁models', '.'], 'words')).to.deep.equal([['▁models', '.']]);
    expect(texts(LLAMA2, 'words')).to.deep.equal([
      '<s>', ' Inseq', ' explains', ' models.', ' "Really?"', ' he', ' asked.', '\n', '\n', 'Yes.', '</s>',
    ]);
  });

  it('SentencePiece: a special token never merges, even with a piece that has no marker', () => {
    expect(grouped(['<s>', 'Hello', '▁world', '</s>', 'again'], 'words')).to.deep.equal([
      ['<s>'], ['Hello'], ['▁world'], ['</s>'], ['again'],
    ]);
  });

  it('space-prefixed pieces (decoded tokens) start words like ▁', () => {
    expect(texts([' The', ' att', 'ribution', ' is', ' high', '.'], 'words')).to.deep.equal([' The', ' attribution', ' is', ' high.']);
  });

  it('the first piece starts a word without a marker', () => {
    expect(grouped(['Att', 'ribution', 'Ġmethods'], 'words')).to.deep.equal([['Att', 'ribution'], ['Ġmethods']]);
    expect(grouped(['s', 'eq', '▁x'], 'words')).to.deep.equal([['s', 'eq'], ['▁x']]);
  });

  it('byte-level: Ġ starts a word, bytes of one character stay together', () => {
    expect(texts(GPT2, 'words')).to.deep.equal([
      'Attribution', ' methods', ' explain', ' models.', ' They', ' are', ' not', ' perfect!', '\n', 'See', ' the', ' café', ' 😊',
    ]);
    expect(grouped(['Ġcaf', 'Ã©'], 'words')).to.deep.equal([['Ġcaf', 'Ã©']]);
  });

  it('newline pieces stand alone and the next piece starts a word', () => {
    expect(grouped(['▁end', '▁\n', 'next', '▁word'], 'words')).to.deep.equal([['▁end'], ['▁\n'], ['next'], ['▁word']]);
    expect(grouped(['Ġend', 'Ċ', 'ĊĊ', 'next'], 'words')).to.deep.equal([['Ġend'], ['Ċ'], ['ĊĊ'], ['next']]);
    expect(grouped(['▁end', '<0x0A>', 'next'], 'words')).to.deep.equal([['▁end'], ['<0x0A>'], ['next']]);
  });

  it('a piece ending in a line feed ends its word', () => {
    // Llama 3 spells ".\n" as one piece.
    expect(texts(['ĠHello', '.Ċ', 'World'], 'words')).to.deep.equal([' Hello.\n', 'World']);
  });

  it('empty pieces continue the word they follow', () => {
    expect(grouped(['▁a', '', 'b', '▁c'], 'words')).to.deep.equal([['▁a', '', 'b'], ['▁c']]);
    expect(grouped(['', '▁a'], 'words')).to.deep.equal([[''], ['▁a']]);
    expect(grouped(['un', '', '##able', 'x'], 'words')).to.deep.equal([['un', '', '##able'], ['x']]);
  });

  it('whole words without markers are each a word', () => {
    expect(grouped(['The', 'quick', 'fox', '.'], 'words')).to.deep.equal([['The'], ['quick'], ['fox'], ['.']]);
  });

  it('honours a family given by the caller over the detected one', () => {
    expect(piecesOf(['a', 'b'], segment(['a', 'b'], 'words', 'sentencepiece'))).to.deep.equal([['a', 'b']]);
  });
});

describe('segment: sentences', () => {
  it('ends a sentence after . ! ? when the next piece starts a word', () => {
    expect(texts(GPT2, 'sentences')).to.deep.equal([
      'Attribution methods explain models.', ' They are not perfect!\n', 'See the café 😊',
    ]);
  });

  it('keeps closing quotes with the sentence, specials alone, a newline in the sentence it ends', () => {
    expect(texts(LLAMA2, 'sentences')).to.deep.equal([
      '<s>', ' Inseq explains models.', ' "Really?"', ' he asked.\n', '\n', 'Yes.', '</s>',
    ]);
  });

  it('keeps a closing quote or bracket piece after the full stop', () => {
    expect(texts(['▁He', '▁left', '.', '"', '▁Then', '▁rain', '.)', '▁End', '.'], 'sentences')).to.deep.equal([
      ' He left."', ' Then rain.)', ' End.',
    ]);
    expect(texts(['ĠHe', 'Ġleft', '."', 'ĠThen'], 'sentences')).to.deep.equal([' He left."', ' Then']);
  });

  it('does not end a sentence inside a number or a word', () => {
    expect(texts(['▁Pi', '▁is', '▁', '3', '.', '1', '4', '▁ok', '.'], 'sentences')).to.deep.equal([' Pi is 3.14 ok.']);
    expect(texts(['Ġv', '1', '.', '2', 'Ġout', '!'], 'sentences')).to.deep.equal([' v1.2 out!']);
  });

  it('WordPiece: keeps closing quotes and brackets, which it cannot tell from opening ones', () => {
    expect(texts(BERT, 'sentences')).to.deep.equal(['[CLS]', 'unbelievable game. "', 'really. "', 'then (yes)!', '[SEP]']);
  });

  it('ends at an ellipsis and CJK full stops, decoded from byte-level pieces', () => {
    // " 好。对！" in GPT-2 bytes and in SentencePiece, and "wait… what"
    expect(texts(['Ġå¥½', 'ãĢĤ', 'å¯¹', 'ï¼ģ', 'å¥½'], 'sentences')).to.deep.equal([' 好。', '对！', '好']);
    expect(texts(['▁', '好', '。', '」', '对', '！'], 'sentences')).to.deep.equal([' 好。」', '对！']);
    expect(texts(['Ġwait', 'âĢ¦', 'Ġwhat'], 'sentences')).to.deep.equal([' wait…', ' what']);
  });

  it('a line break ends a sentence without punctuation, and starts the next', () => {
    expect(texts(['ĠTitle', 'Ċ', 'ĠBody', 'Ġtext', '.'], 'sentences')).to.deep.equal([' Title\n', ' Body text.']);
  });

  it('a chat template: each special and each turn apart', () => {
    const chat = ['<|im_start|>', 'user', 'Ċ', 'What', 'Ġis', 'Ġ', '2', '+', '2', '?', '<|im_end|>', 'Ċ', '<|im_start|>', 'assistant', 'Ċ', '4', '.', '<|im_end|>'];
    expect(texts(chat, 'sentences')).to.deep.equal([
      '<|im_start|>', 'user\n', 'What is 2+2?', '<|im_end|>', '\n', '<|im_start|>', 'assistant\n', '4.', '<|im_end|>',
    ]);
  });

  it('whole words: a full stop ends the sentence before the next word', () => {
    expect(texts(['It', 'works', '.', 'Next', 'one', '!', 'Done'], 'sentences')).to.deep.equal(['It works.', 'Next one!', 'Done']);
  });

  it('an empty piece after the full stop keeps the sentence ended', () => {
    expect(grouped(['▁A', '.', '', '▁B'], 'sentences')).to.deep.equal([['▁A', '.', ''], ['▁B']]);
  });
});

describe('segment: lines', () => {
  it('ends a line at each newline piece, which belongs to the line it ends', () => {
    expect(texts(GPT2, 'lines')).to.deep.equal(['Attribution methods explain models. They are not perfect!\n', 'See the café 😊']);
    expect(grouped(['Ġa', 'Ċ', 'Ċ', 'Ġb'], 'lines')).to.deep.equal([['Ġa', 'Ċ'], ['Ċ'], ['Ġb']]);
  });

  it('SentencePiece newlines: ▁\\n and byte-fallback <0x0A>, specials alone', () => {
    expect(texts(LLAMA2, 'lines')).to.deep.equal(['<s>', ' Inseq explains models. "Really?" he asked.\n', '\n', 'Yes.', '</s>']);
    expect(grouped(['▁one', '▁\n', '▁two'], 'lines')).to.deep.equal([['▁one', '▁\n'], ['▁two']]);
  });

  it('a CR LF split over two pieces ends the line once', () => {
    expect(grouped(['Ġa', 'č', 'Ċ', 'Ġb'], 'lines')).to.deep.equal([['Ġa', 'č', 'Ċ'], ['Ġb']]);
    expect(grouped(['Ġa', 'čĊ', 'Ġb'], 'lines')).to.deep.equal([['Ġa', 'čĊ'], ['Ġb']]);
  });

  it('code: pieces ending in a line feed end their line', () => {
    const code = ['def', 'Ġf', '():Ċ', 'ĠĠĠ', 'Ġreturn', 'Ġ1', 'Ċ'];
    expect(texts(code, 'lines')).to.deep.equal(['def f():\n', '    return 1\n']);
  });

  it('a sequence without newlines is one line; an empty one has none', () => {
    expect(grouped(['▁a', '▁b'], 'lines')).to.deep.equal([['▁a', '▁b']]);
    expect(segment([], 'lines').count).to.equal(0);
    expect(Array.from(segment([], 'words').starts)).to.deep.equal([0]);
  });
});

describe('segment: tokens and the segmentation helpers', () => {
  it('tokens: one group per token', () => {
    const segmentation = segment(GPT2, 'tokens');
    expect(segmentation.count).to.equal(GPT2.length);
    expect(isIdentity(segmentation)).to.equal(true);
    expect(isIdentity(segment(GPT2, 'words'))).to.equal(false);
  });

  it('identitySegmentation covers the axis', () => {
    expect(Array.from(identitySegmentation(3).starts)).to.deep.equal([0, 1, 2, 3]);
    expect(identitySegmentation(0).count).to.equal(0);
  });

  it('every mode covers every token exactly once, in order', () => {
    for (const tokens of [GPT2, LLAMA2, BERT]) {
      for (const by of ['tokens', 'words', 'sentences', 'lines'] as const) {
        const segmentation = segment(tokens, by);
        expect(piecesOf(tokens, segmentation).flat(), by).to.deep.equal(tokens);
        expect(segmentation.starts.length).to.equal(segmentation.count + 1);
        for (let g = 0; g < segmentation.count; g++) expect(groupSize(segmentation, g)).to.be.greaterThan(0);
      }
    }
  });

  it('words nest in sentences and sentences in lines', () => {
    for (const tokens of [GPT2, LLAMA2, BERT]) {
      const boundaries = (by: GroupBy) => new Set(segment(tokens, by).starts);
      const [words, sentences, lines] = [boundaries('words'), boundaries('sentences'), boundaries('lines')];
      for (const b of lines) expect(sentences.has(b), `line start ${b}`).to.equal(true);
      for (const b of sentences) expect(words.has(b), `sentence start ${b}`).to.equal(true);
    }
  });

  it('groupOf finds the group holding a token, -1 outside', () => {
    const segmentation = segment(GPT2, 'words');
    const index = groupIndex(segmentation);
    for (let i = 0; i < GPT2.length; i++) {
      expect(groupOf(segmentation, i), `token ${i}`).to.equal(index[i]);
      const g = groupOf(segmentation, i);
      expect(segmentation.starts[g] <= i && i < segmentation.starts[g + 1]).to.equal(true);
    }
    expect(groupOf(segmentation, 14)).to.equal(11);
    expect(groupOf(segmentation, -1)).to.equal(-1);
    expect(groupOf(segmentation, GPT2.length)).to.equal(-1);
    expect(groupOf(segmentation, NaN)).to.equal(-1);
  });

  it('nonSpecialGroups marks groups made only of special tokens', () => {
    expect(Array.from(nonSpecialGroups(LLAMA2, segment(LLAMA2, 'sentences')))).to.deep.equal([0, 1, 1, 1, 1, 1, 0]);
    const mixed = explicitSegmentation('rowGroups', [0, 0, 1], 3).segmentation!;
    expect(Array.from(nonSpecialGroups(['[CLS]', 'hi', '[SEP]'], mixed))).to.deep.equal([1, 0]);
  });

  it('isGroupBy accepts exactly the four names', () => {
    expect(['tokens', 'words', 'sentences', 'lines'].every(isGroupBy)).to.equal(true);
    expect(['word', 'Words', '', null, 1].some(isGroupBy)).to.equal(false);
  });
});

describe('explicitSegmentation', () => {
  const pieces = ['▁New', '▁York', '▁is', '▁big'];
  const ok = (groups: unknown, length = pieces.length) => {
    const result = explicitSegmentation('rowGroups', groups, length);
    expect(result.problem).to.equal(undefined);
    return piecesOf(pieces.slice(0, length), result.segmentation!);
  };
  const problem = (groups: unknown, length = pieces.length) => {
    const result = explicitSegmentation('rowGroups', groups, length);
    expect(result.segmentation).to.equal(null);
    return result.problem;
  };

  it('groups tokens that share a number', () => {
    expect(ok([0, 0, 1, 2])).to.deep.equal([['▁New', '▁York'], ['▁is'], ['▁big']]);
    expect(ok([3, 3, 3, 3])).to.deep.equal([pieces]);
    expect(ok([-1, 0, 7, 7])).to.deep.equal([['▁New'], ['▁York'], ['▁is', '▁big']]);
  });

  it('accepts typed arrays', () => {
    expect(ok(Int32Array.of(0, 0, 1, 1))).to.deep.equal([['▁New', '▁York'], ['▁is', '▁big']]);
    expect(ok(Float64Array.of(0, 1, 1, 2))).to.deep.equal([['▁New'], ['▁York', '▁is'], ['▁big']]);
  });

  it('makes a null entry a group of its own, as word_ids() marks special tokens', () => {
    const tokens = ['[CLS]', 'new', 'york', '##er', '[SEP]'];
    const result = explicitSegmentation('columnGroups', [null, 0, 1, 1, null], tokens.length);
    expect(piecesOf(tokens, result.segmentation!)).to.deep.equal([['[CLS]'], ['new'], ['york', '##er'], ['[SEP]']]);
    expect(piecesOf(['a', 'b', 'c'], explicitSegmentation('rowGroups', [0, null, 1], 3).segmentation!)).to.deep.equal([['a'], ['b'], ['c']]);
  });

  it('gives nothing, and no problem, when no groups are given', () => {
    expect(explicitSegmentation('rowGroups', undefined, 4)).to.deep.equal({ segmentation: null });
    expect(explicitSegmentation('rowGroups', null, 4)).to.deep.equal({ segmentation: null });
  });

  it('accepts an empty axis', () => {
    expect(explicitSegmentation('rowGroups', [], 0).segmentation!.count).to.equal(0);
  });

  it('says what is wrong, naming the property, and never throws', () => {
    expect(problem([0, 0, 1])).to.equal('rowGroups: 3 group numbers for 4 tokens; ignored');
    expect(problem([0, 0, 1, 1, 2])).to.equal('rowGroups: 5 group numbers for 4 tokens; ignored');
    expect(problem([0], 3)).to.equal('rowGroups: 1 group number for 3 tokens; ignored');
    expect(problem([0, 1, 0, 2])).to.equal('rowGroups: rowGroups[2] is 0, less than 1 at [1]: each group must be one run of tokens; ignored');
    expect(problem([0, null, 0, 1])).to.equal('rowGroups: rowGroups[2] is 0 again after null at [1]: each group must be one run of tokens; ignored');
    expect(problem([0, 0.5, 1, 2])).to.equal('rowGroups: rowGroups[1] is 0.5, not a whole number; ignored');
    expect(problem([0, NaN, 1, 2])).to.equal('rowGroups: rowGroups[1] is NaN, not a whole number; ignored');
    expect(problem([0, Infinity, 1, 2])).to.equal('rowGroups: rowGroups[1] is Infinity, not a whole number; ignored');
    expect(problem([0, '1', 1, 2])).to.equal('rowGroups: rowGroups[1] is the text "1", not a whole number; ignored');
    expect(problem([0, true, 1, 2])).to.equal('rowGroups: rowGroups[1] is boolean true, not a whole number; ignored');
    expect(problem([0, [1], 1, 2])).to.equal('rowGroups: rowGroups[1] is an array, not a whole number; ignored');
    expect(problem([0, 1n, 1, 2])).to.equal('rowGroups: rowGroups[1] is the BigInt 1, not a whole number; ignored');
    expect(problem(BigInt64Array.of(0n, 0n, 1n, 1n))).to.equal('rowGroups: expected group numbers, got a BigInt array; ignored');
    expect(problem('0,0,1,1')).to.equal('rowGroups: expected an array of group numbers, one per token, got the text "0,0,1,1"; ignored');
    expect(problem({ 0: 0, length: 4 })).to.equal('rowGroups: expected an array of group numbers, one per token, got an object; ignored');
    expect(problem(3)).to.equal('rowGroups: expected an array of group numbers, one per token, got 3; ignored');
    expect(problem(new InvalidJson('[0,', 'Unexpected end'))).to.equal('rowGroups: not valid JSON (Unexpected end); ignored');
    expect(explicitSegmentation('columnGroups', [1], 2).problem).to.match(/^columnGroups: /);
  });
});
