import { expect } from '@open-wc/testing';
import { spokenToken, spokenWords, tokenParts, visibleToken } from '../../src/tokens.js';

describe('tokenParts', () => {
  it('marks a leading space as a ␣ glyph followed by plain text', () => {
    expect(tokenParts(' the')).to.deep.equal([
      { text: '␣', glyph: true },
      { text: 'the', glyph: false },
    ]);
  });

  it('marks trailing spaces too', () => {
    expect(tokenParts('the  ')).to.deep.equal([
      { text: 'the', glyph: false },
      { text: '␣␣', glyph: true },
    ]);
  });

  it('keeps interior spaces as plain text', () => {
    expect(tokenParts('a b')).to.deep.equal([{ text: 'a b', glyph: false }]);
    expect(tokenParts(' a b ')).to.deep.equal([
      { text: '␣', glyph: true },
      { text: 'a b', glyph: false },
      { text: '␣', glyph: true },
    ]);
  });

  it('marks a token of only spaces as glyphs', () => {
    expect(tokenParts('   ')).to.deep.equal([{ text: '␣␣␣', glyph: true }]);
  });

  it('shows the empty token as ∅', () => {
    expect(tokenParts('')).to.deep.equal([{ text: '∅', glyph: true }]);
  });

  it('shows newline, carriage return and tab as glyphs', () => {
    expect(tokenParts('\n')).to.deep.equal([{ text: '↵', glyph: true }]);
    expect(tokenParts('\r\n')).to.deep.equal([{ text: '␍↵', glyph: true }]);
    expect(tokenParts('\t')).to.deep.equal([{ text: '⇥', glyph: true }]);
  });

  it('shows the subword space markers Ġ and ▁ as ␣', () => {
    expect(tokenParts('Ġcat')).to.deep.equal([
      { text: '␣', glyph: true },
      { text: 'cat', glyph: false },
    ]);
    expect(tokenParts('▁sat')).to.deep.equal([
      { text: '␣', glyph: true },
      { text: 'sat', glyph: false },
    ]);
  });

  it('shows glyphs in the middle of a token', () => {
    expect(tokenParts('a\nb')).to.deep.equal([
      { text: 'a', glyph: false },
      { text: '↵', glyph: true },
      { text: 'b', glyph: false },
    ]);
  });

  it('leaves ordinary tokens as one plain part', () => {
    expect(tokenParts('_$')).to.deep.equal([{ text: '_$', glyph: false }]);
    expect(tokenParts('=')).to.deep.equal([{ text: '=', glyph: false }]);
    expect(tokenParts('héllo😀')).to.deep.equal([{ text: 'héllo😀', glyph: false }]);
  });
});

describe('visibleToken', () => {
  it('renders the glyphs into the token text', () => {
    expect(visibleToken(' the')).to.equal('␣the');
    expect(visibleToken('\n')).to.equal('↵');
    expect(visibleToken('\t')).to.equal('⇥');
    expect(visibleToken('')).to.equal('∅');
    expect(visibleToken('Ġcat')).to.equal('␣cat');
    expect(visibleToken('▁sat')).to.equal('␣sat');
    expect(visibleToken('Ċ')).to.equal('↵');
  });

  it('keeps interior spaces and plain tokens unchanged', () => {
    expect(visibleToken('a b')).to.equal('a b');
    expect(visibleToken('_$')).to.equal('_$');
    expect(visibleToken('9 + 3 = 12')).to.equal('9 + 3 = 12');
  });

  it('shows control characters as their Unicode control pictures', () => {
    expect(visibleToken('\u0000')).to.equal('\u2400');
    expect(visibleToken('\u0001')).to.equal('\u2401');
    expect(visibleToken('\u001b')).to.equal('\u241b');
    expect(visibleToken('\u001f')).to.equal('\u241f');
    expect(visibleToken('\u007f')).to.equal('␡');
  });

  it('makes zero-width and no-break characters visible', () => {
    expect(visibleToken('a\u200bb')).to.equal('a▯b');
    expect(visibleToken('\ufeff')).to.equal('▯');
    expect(visibleToken('\u00a0')).to.equal('⍽');
  });

  it('never returns an empty or whitespace-only string', () => {
    for (const token of ['', ' ', '  ', '\n', '\t', '\r', '\u200b', '\u00a0', ' \n ']) {
      const shown = visibleToken(token);
      expect(shown.trim(), JSON.stringify(token)).to.not.equal('');
    }
  });
});

describe('spokenToken', () => {
  it('returns a plain token as it is', () => {
    expect(spokenToken('cat')).to.equal('cat');
    expect(spokenToken('_$')).to.equal('_$');
    expect(spokenToken('a b')).to.equal('a b');
  });

  it('names a leading space and quotes the exact text', () => {
    const spoken = spokenToken(' the');
    expect(spoken).to.contain('space');
    expect(spoken).to.contain('the');
    expect(spoken).to.contain('" the"');
  });

  it('names a newline and quotes it as JSON', () => {
    const spoken = spokenToken('\n');
    expect(spoken).to.contain('newline');
    expect(spoken).to.contain(JSON.stringify('\n'));
  });

  it('names tabs, subword markers and control characters', () => {
    expect(spokenToken('\t')).to.contain('tab');
    expect(spokenToken('Ġcat')).to.contain('space marker').and.to.contain('cat');
    expect(spokenToken('\u0001')).to.contain('control U+0001');
    expect(spokenToken('\u007f')).to.contain('delete');
  });

  it('says the empty token is empty', () => {
    expect(spokenToken('')).to.contain('empty');
    expect(spokenToken('')).to.contain('""');
  });

  it('keeps the words around a glyph in order', () => {
    const spoken = spokenToken('a\nb');
    expect(spoken.indexOf('a')).to.be.lessThan(spoken.indexOf('newline'));
    expect(spoken.indexOf('newline')).to.be.lessThan(spoken.indexOf('b'));
    expect(spoken).to.contain(JSON.stringify('a\nb'));
  });
});

describe('spokenWords (concise header names, issue 9 item 20)', () => {
  it('reads a token aloud without quoting it', () => {
    expect(spokenWords('/')).to.equal('/');
    expect(spokenWords(' the')).to.equal('space the');
    expect(spokenWords('\n')).to.equal('newline');
    expect(spokenWords('')).to.equal('empty token');
    expect(spokenWords('Ġcat')).to.equal('space marker Ġ cat');
    for (const token of ['/', ' the', '\n', '', 'Ġcat']) expect(spokenWords(token)).to.not.contain('"');
  });
});
