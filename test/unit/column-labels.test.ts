import { expect } from '@open-wc/testing';
import { columnLabelsVertical } from '../../src/grid/column-labels.js';

const axis = (labels: string[]) => ({ count: labels.length, label: (c: number) => labels[c] });

describe('column label orientation', () => {
  it('rotates in auto when a word is wider than a line of the cell, or the label longer than three lines', () => {
    // 72 px cells at 12 px: 72 / 7.44 → 9 characters a line, one kept free: 8.
    expect(columnLabelsVertical(axis(['out1', '▁the', 'Ġquick brown']), 'auto', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['out1', 'Ġrepresentation']), 'auto', 72, 12)).to.equal(true);
    expect(columnLabelsVertical(axis(['abcdefgh']), 'auto', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['abcdefghi']), 'auto', 72, 12)).to.equal(true);
    expect(columnLabelsVertical(axis(['ab cd ef gh ij kl mn']), 'auto', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['abc defg hij klmn opq rst']), 'auto', 72, 12)).to.equal(true);
    // Words split at any whitespace a regular expression's \s matches: a no-break and an ideographic space too.
    expect(columnLabelsVertical(axis(['abcdefg\u00a0abcdefg']), 'auto', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['abcdefg\u3000abcdefg']), 'auto', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['abcdefg\u200babcdefg']), 'auto', 72, 12)).to.equal(true);
  });

  it('follows an explicit orientation whatever the labels', () => {
    expect(columnLabelsVertical(axis(['Ġrepresentation']), 'horizontal', 72, 12)).to.equal(false);
    expect(columnLabelsVertical(axis(['a']), 'vertical', 72, 12)).to.equal(true);
  });
});
