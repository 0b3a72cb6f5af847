import { expect } from '@open-wc/testing';
import { ViewDeriver } from '../../src/view/derive.js';
import { CLOSED } from '../../src/view/expansion.js';
import type { PropertySource } from '../../src/view/derive.js';

/** The element's properties as the deriver reads them: these three set, every other one its default. */
const sourceOf = (rows: string[], columns: string[], values: number[][]): PropertySource => ({
  value: (name) => ({ rows, columns, values })[name as 'rows'],
  attribute: () => null,
});

describe('ViewDeriver', () => {
  it('derives from a matrix built ahead (prepare) without building it again', () => {
    const rows = ['▁the', 'Ġquick'];
    const columns = ['out'];
    const values = [[1], [-3]];
    const deriver = new ViewDeriver();
    deriver.prepare(rows, columns, values);
    // Changed in place after the build: a derive that took the prepared matrix still has its extremes.
    values[1][0] = -8;
    const view = deriver.derive(sourceOf(rows, columns, values), CLOSED, true);
    expect(view.matrix.stats.min).to.equal(-3);
    expect(view.matrix.rowLabels).to.deep.equal(['▁the', 'Ġquick']);
  });

  it('builds afresh when the data was set again after prepare (discard), and on the next data change', () => {
    const rows = ['▁the', 'Ġquick'];
    const values = [[1], [-3]];
    const deriver = new ViewDeriver();
    deriver.prepare(rows, ['out'], values);
    values[1][0] = -8;
    deriver.discard();
    expect(deriver.derive(sourceOf(rows, ['out'], values), CLOSED, true).matrix.stats.min).to.equal(-8);
    // The prepared matrix serves one derive only: the next one that says the data changed builds again.
    values[0][0] = 5;
    expect(deriver.derive(sourceOf(rows, ['out'], values), CLOSED, true).matrix.stats.max).to.equal(5);
  });
});
