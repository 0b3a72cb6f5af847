import { expect } from '@open-wc/testing';
import { runningTexts } from '../../src/view/running-text.js';
import { tokenizerFamily } from '../../src/view/tokenizer.js';

const shares = (tokens: string[]) => runningTexts(tokens, tokenizerFamily(tokens));

describe('running text shares', () => {
  it('GPT-2: Ġ is a space, Ċ a line feed, bytes decode across pieces', () => {
    // "Hello world.\nThe café 😊" as GPT-2 splits it; the emoji is three pieces.
    const tokens = ['Hello', 'Ġworld', '.', 'Ċ', 'The', 'Ġcaf', 'Ã©', 'ĠðŁ', 'ĺ', 'Ĭ'];
    const text = shares(tokens);
    expect(text).to.deep.equal(['Hello', ' world', '.', '\n', 'The', ' caf', 'é', ' 😊', '', '']);
    expect(text.join('')).to.equal('Hello world.\nThe café 😊');
  });

  it('GPT-2: bytes that never complete a character show as hex in the piece that holds them', () => {
    expect(shares(['Ġa', 'ðŁ', 'Ġb'])).to.deep.equal([' a', '<F0 9F>', ' b']);
  });

  it('keeps special tokens as written', () => {
    expect(shares(['<|endoftext|>', 'The', 'Ġend'])).to.deep.equal(['<|endoftext|>', 'The', ' end']);
  });

  it('SentencePiece: ▁ is a space, byte-fallback pieces decode together', () => {
    const tokens = ['<s>', '▁Hello', '▁world', '.', '<0x0A>', '▁The', '▁caf', 'é', '▁', '<0xF0>', '<0x9F>', '<0x98>', '<0x8A>'];
    const text = shares(tokens);
    expect(text).to.deep.equal(['<s>', ' Hello', ' world', '.', '\n', ' The', ' caf', 'é', ' ', '😊', '', '', '']);
  });

  it('WordPiece: ## glues, punctuation closes up, other pieces get a space', () => {
    const tokens = ['[CLS]', 'the', 'cafe', 'is', 'un', '##bel', '##ie', '##va', '##ble', '!', '[SEP]'];
    const text = shares(tokens);
    expect(text).to.deep.equal(['[CLS]', ' the', ' cafe', ' is', ' un', 'bel', 'ie', 'va', 'ble', '!', ' [SEP]']);
  });

  it('whole words with newline tokens: no space after a line break', () => {
    expect(shares(['one', 'two', '\n', 'three', '(', 'four', ')'])).to.deep.equal(['one', ' two', '\n', 'three', ' (', 'four', ')']);
  });

  it('an empty token has no share, and the next one joins the one before it', () => {
    expect(shares(['a', '', 'b'])).to.deep.equal(['a', '', ' b']);
  });
});
