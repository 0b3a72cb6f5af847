import { expect } from '@open-wc/testing';
import { LABEL_DISPLAY_LIMIT, cutLabel, cutNote } from '../../src/view/label-limit.js';

describe('label display limit', () => {
  it('keeps labels up to the limit as they are', () => {
    expect(cutLabel('▁the')).to.equal('▁the');
    const exact = 'a'.repeat(LABEL_DISPLAY_LIMIT);
    expect(cutLabel(exact)).to.equal(exact);
    expect(cutNote(exact)).to.equal('');
  });

  it('cuts longer labels to the limit with an ellipsis, never inside a surrogate pair', () => {
    const long = 'x'.repeat(100_000);
    expect(cutLabel(long)).to.have.length(LABEL_DISPLAY_LIMIT + 1);
    expect(cutLabel(long).endsWith('…')).to.equal(true);
    expect(cutNote(long)).to.equal(' (cut; 100000 characters)');
    // An emoji (two UTF-16 units) straddling the limit is left out whole.
    const straddling = 'a'.repeat(LABEL_DISPLAY_LIMIT - 1) + '😀' + 'b';
    const cut = cutLabel(straddling);
    expect(cut).to.equal('a'.repeat(LABEL_DISPLAY_LIMIT - 1) + '…');
    expect(cut.isWellFormed?.() ?? true).to.equal(true);
  });
});
