import { expect } from '@open-wc/testing';
import { InvalidJson, PRESCAN_THRESHOLD, buildMatrix, parseJsonAttribute, prescan, statistics, stringifyValues, type Matrix } from '../../src/data.js';
import { circular, revokedArray, revokedObject, throwingEntry, throwingLength, throwingObject, throwingToString } from '../hostile-values.js';

interface Seed {
  rows: string[];
  columns: string[];
  values: number[][];
}

let seed: Seed;
before(async () => {
  seed = await (await fetch('/demo/seed-heatmap.json')).json();
});

const cell = (m: Matrix, row: number, column: number) => m.at(row, column);
/** Every cell, row-major. */
const cellList = (m: Matrix) =>
  Array.from({ length: m.rowCount * m.columnCount }, (_, i) => m.at(Math.floor(i / m.columnCount), i % m.columnCount));
const problemsAbout = (m: Matrix, attribute: string) => m.problems.filter((p) => p.startsWith(`${attribute}:`));

describe('parseJsonAttribute', () => {
  it('parses valid JSON', () => {
    expect(parseJsonAttribute('[[1, -2.5], [0.25, 3]]')).to.deep.equal([[1, -2.5], [0.25, 3]]);
    expect(parseJsonAttribute('["a", " b"]')).to.deep.equal(['a', ' b']);
    expect(parseJsonAttribute('{"x": 1}')).to.deep.equal({ x: 1 });
    expect(parseJsonAttribute('7')).to.equal(7);
  });

  it('gives undefined for a missing attribute', () => {
    expect(parseJsonAttribute(null)).to.equal(undefined);
  });

  it('keeps negative zero', () => {
    expect(Object.is(parseJsonAttribute('-0'), -0)).to.equal(true);
    const rows = parseJsonAttribute('[[-0.0, 0.0]]') as number[][];
    expect(Object.is(rows[0][0], -0)).to.equal(true);
    expect(Object.is(rows[0][1], 0)).to.equal(true);
  });

  it('accepts NaN and ±Infinity as Python writes them', () => {
    const parsed = parseJsonAttribute('[[NaN, Infinity, -Infinity, 1.5]]') as unknown[][];
    expect(parsed).to.have.length(1);
    expect(parsed[0][0]).to.equal(null);
    expect(parsed[0][1]).to.equal(Infinity);
    expect(parsed[0][2]).to.equal(-Infinity);
    expect(parsed[0][3]).to.equal(1.5);
  });

  it('accepts NaN and Infinity in indented output and as a bare value', () => {
    expect(parseJsonAttribute('[\n  NaN,\n  Infinity\n]')).to.deep.equal([null, Infinity]);
    expect(parseJsonAttribute('[NaN,NaN,NaN]')).to.deep.equal([null, null, null]);
    expect(parseJsonAttribute('{"a": NaN}')).to.deep.equal({ a: null });
    expect(parseJsonAttribute('NaN')).to.equal(null);
    expect(parseJsonAttribute('-Infinity')).to.equal(-Infinity);
  });

  it('does not rewrite NaN inside strings', () => {
    expect(parseJsonAttribute('["NaN", NaN]')).to.deep.equal(['NaN', null]);
  });

  it('gives InvalidJson with the text and a reason for invalid JSON', () => {
    for (const text of ['[1, 2', "['a']", 'nope', '', '[1,,2]', '[NaNa]']) {
      const parsed = parseJsonAttribute(text);
      expect(parsed, text).to.be.instanceOf(InvalidJson);
      expect((parsed as InvalidJson).text).to.equal(text);
      expect((parsed as InvalidJson).reason).to.be.a('string').and.not.equal('');
    }
  });
});

describe('stringifyValues', () => {
  it('writes -0 as -0, unlike JSON.stringify', () => {
    expect(stringifyValues([[-0, 0, 1.5]])).to.equal('[[-0,0,1.5]]');
    expect(JSON.stringify([[-0]])).to.equal('[[0]]');
  });

  it('round-trips through parseJsonAttribute, negative zeros included', () => {
    const values = [[-0.0756, 0.0216, -0], [0, -0, 1.9074]];
    const back = parseJsonAttribute(stringifyValues(values)) as number[][];
    expect(back).to.deep.equal(values);
    for (let r = 0; r < values.length; r++)
      for (let c = 0; c < values[r].length; c++) expect(Object.is(back[r][c], values[r][c]), `${r},${c}`).to.equal(true);
  });

  it('round-trips the reference data exactly', () => {
    const back = parseJsonAttribute(stringifyValues(seed.values)) as number[][];
    seed.values.forEach((row, r) => row.forEach((v, c) => expect(Object.is(back[r][c], v), `${r},${c}`).to.equal(true)));
  });

  it('writes NaN and missing entries as null', () => {
    expect(stringifyValues([[NaN, null, undefined, 2]])).to.equal('[[null,null,null,2]]');
  });

  it('writes non-arrays as plain JSON', () => {
    expect(stringifyValues({ a: 1 })).to.equal('{"a":1}');
    expect(stringifyValues(3)).to.equal('3');
    expect(stringifyValues(undefined)).to.equal('');
  });
});

describe('buildMatrix', () => {
  describe('with the reference data', () => {
    it('reads 13 rows × 5 columns with their labels and no problems', () => {
      const m = buildMatrix(seed.rows, seed.columns, seed.values);
      expect(m.rowCount).to.equal(13);
      expect(m.columnCount).to.equal(5);
      expect(cellList(m).length).to.equal(65);
      expect(m.rowLabels).to.deep.equal(seed.rows);
      expect(m.columnLabels).to.deep.equal(seed.columns);
      expect(m.problems).to.deep.equal([]);
    });

    it('stores the cells row-major', () => {
      const m = buildMatrix(seed.rows, seed.columns, seed.values);
      seed.values.forEach((row, r) => row.forEach((v, c) => expect(cell(m, r, c), `${r},${c}`).to.equal(v)));
    });

    it('finds the largest value 1.9074 at row 7, column 2', () => {
      const m = buildMatrix(seed.rows, seed.columns, seed.values);
      expect(m.stats.max).to.equal(1.9074);
      expect(m.stats.maxIndex).to.equal(7 * 5 + 2);
      expect(m.stats.min).to.equal(-0.0987);
      expect(m.stats.minIndex).to.equal(1 * 5 + 2);
    });

    it('keeps the -0 cells negative', () => {
      const m = buildMatrix(seed.rows, seed.columns, seed.values);
      expect(Object.is(cell(m, 2, 4), -0)).to.equal(true);
      expect(Object.is(cell(m, 5, 1), -0)).to.equal(true);
      expect(Object.is(cell(m, 2, 1), 0)).to.equal(true);
    });

    it('reads the same matrix from the attribute text', () => {
      const m = buildMatrix(
        parseJsonAttribute(JSON.stringify(seed.rows)),
        parseJsonAttribute(JSON.stringify(seed.columns)),
        parseJsonAttribute(stringifyValues(seed.values)),
      );
      expect(m.problems).to.deep.equal([]);
      const direct = buildMatrix(seed.rows, seed.columns, seed.values);
      cellList(direct).forEach((v, i) => expect(Object.is(cellList(m)[i], v), `cell ${i}`).to.equal(true));
    });
  });

  describe('with nothing given', () => {
    it('is an empty matrix without problems', () => {
      const m = buildMatrix(undefined, undefined, undefined);
      expect(m.rowCount).to.equal(0);
      expect(m.columnCount).to.equal(0);
      expect(cellList(m).length).to.equal(0);
      expect(m.problems).to.deep.equal([]);
      expect(m.stats).to.deep.equal({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1 });
    });

    it('labels rows and columns by index when only values are given', () => {
      const m = buildMatrix(undefined, undefined, [[1, 2, 3], [4, 5, 6]]);
      expect(m.rowLabels).to.deep.equal(['#0', '#1']);
      expect(m.columnLabels).to.deep.equal(['#0', '#1', '#2']);
      expect(m.problems).to.deep.equal([]);
    });
  });

  describe('with invalid JSON', () => {
    it('reports invalid rows and keeps the values', () => {
      const m = buildMatrix(new InvalidJson('["a"', 'Unexpected end'), ['x', 'y'], [[1, 2], [3, 4]]);
      expect(problemsAbout(m, 'rows')).to.have.length(1);
      expect(problemsAbout(m, 'rows')[0]).to.contain('JSON').and.to.contain('Unexpected end');
      expect(m.rowLabels).to.deep.equal(['#0', '#1']);
      expect(m.columnLabels).to.deep.equal(['x', 'y']);
      expect(cellList(m)).to.deep.equal([1, 2, 3, 4]);
    });

    it('reports invalid columns and keeps the values', () => {
      const m = buildMatrix(['a', 'b'], parseJsonAttribute("['x']"), [[1, 2], [3, 4]]);
      expect(problemsAbout(m, 'columns')).to.have.length(1);
      expect(problemsAbout(m, 'columns')[0]).to.contain('JSON');
      expect(m.rowLabels).to.deep.equal(['a', 'b']);
      expect(m.columnLabels).to.deep.equal(['#0', '#1']);
      expect(cellList(m)).to.deep.equal([1, 2, 3, 4]);
    });

    it('reports invalid values and keeps the labels, every cell missing', () => {
      const m = buildMatrix(['a', 'b'], ['x', 'y', 'z'], parseJsonAttribute('[[1, 2'));
      expect(problemsAbout(m, 'values')).to.have.length(1);
      expect(problemsAbout(m, 'values')[0]).to.contain('JSON');
      expect(m.rowCount).to.equal(2);
      expect(m.columnCount).to.equal(3);
      expect(m.rowLabels).to.deep.equal(['a', 'b']);
      expect(cellList(m).every(Number.isNaN)).to.equal(true);
      expect(cellList(m).length).to.equal(6);
    });
  });

  describe('with labels that are not an array of text', () => {
    it('reports rows that are not an array', () => {
      const m = buildMatrix('a,b', undefined, [[1], [2]]);
      expect(problemsAbout(m, 'rows')).to.have.length(1);
      expect(problemsAbout(m, 'rows')[0]).to.contain('array');
      expect(m.rowLabels).to.deep.equal(['#0', '#1']);
    });

    it('shows numbers as text and other labels by index', () => {
      const m = buildMatrix([1, null, 'c', { x: 1 }], undefined, [[1], [2], [3], [4]]);
      expect(m.rowLabels).to.deep.equal(['1', '#1', 'c', '#3']);
      expect(problemsAbout(m, 'rows')).to.have.length(1);
      expect(problemsAbout(m, 'rows')[0]).to.contain('2 labels');
    });
  });

  describe('with values that are not an array', () => {
    for (const [what, input] of [
      ['an object', { a: 1 }],
      ['a number', 5],
      ['a string', 'values'],
    ] as const) {
      it(`reports ${what} and keeps the labels`, () => {
        const m = buildMatrix(['a', 'b'], ['x', 'y'], input);
        expect(problemsAbout(m, 'values')).to.have.length(1);
        expect(problemsAbout(m, 'values')[0]).to.contain('2-D array');
        expect(m.rowLabels).to.deep.equal(['a', 'b']);
        expect(m.columnLabels).to.deep.equal(['x', 'y']);
        expect(cellList(m).length).to.equal(4);
        expect(cellList(m).every(Number.isNaN)).to.equal(true);
      });
    }
  });

  describe('with ragged or broken rows', () => {
    it('pads short rows with missing cells and names them', () => {
      const m = buildMatrix(undefined, undefined, [[1, 2, 3], [4], [5, 6]]);
      expect(m.rowCount).to.equal(3);
      expect(m.columnCount).to.equal(3);
      const [cells, problems] = [cellList(m), problemsAbout(m, 'values')];
      expect(cells.slice(0, 4)).to.deep.equal([1, 2, 3, 4]);
      expect(Number.isNaN(cells[4]) && Number.isNaN(cells[5]) && Number.isNaN(cells[8])).to.equal(true);
      expect(cells[6]).to.equal(5);
      expect(cells[7]).to.equal(6);
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('rows 1, 2');
    });

    it('shows a row that is not an array as missing cells', () => {
      const m = buildMatrix(['a', 'b', 'c'], undefined, [[1, 2], 'oops', [3, 4]]);
      expect(m.rowCount).to.equal(3);
      expect(problemsAbout(m, 'values')).to.have.length(1);
      expect(problemsAbout(m, 'values')[0]).to.contain('row 1');
      expect(cell(m, 0, 1)).to.equal(2);
      expect(Number.isNaN(cell(m, 1, 0)) && Number.isNaN(cell(m, 1, 1))).to.equal(true);
      expect(cell(m, 2, 0)).to.equal(3);
    });

    it('shows entries that are not numbers as missing and names the first', () => {
      const m = buildMatrix(undefined, undefined, [[1, 'oops'], [true, 4]]);
      const problems = problemsAbout(m, 'values');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('values[0][1]').and.to.contain('oops').and.to.contain('1 more');
      expect(cell(m, 0, 0)).to.equal(1);
      expect(Number.isNaN(cell(m, 0, 1))).to.equal(true);
      expect(Number.isNaN(cell(m, 1, 0))).to.equal(true);
      expect(cell(m, 1, 1)).to.equal(4);
    });

    it('treats null entries as missing without any problem', () => {
      const m = buildMatrix(['a', 'b'], ['x', 'y'], [[null, 1], [2, null]]);
      expect(m.problems).to.deep.equal([]);
      expect(Number.isNaN(cell(m, 0, 0))).to.equal(true);
      expect(Number.isNaN(cell(m, 1, 1))).to.equal(true);
      expect(cell(m, 0, 1)).to.equal(1);
      expect(cell(m, 1, 0)).to.equal(2);
    });

    it('reads NaN and Infinity from Python-style text', () => {
      const m = buildMatrix(['a'], ['x', 'y', 'z'], parseJsonAttribute('[[NaN, Infinity, -1]]'));
      expect(m.problems).to.deep.equal([]);
      expect(Number.isNaN(cell(m, 0, 0))).to.equal(true);
      expect(cell(m, 0, 1)).to.equal(Infinity);
      expect(m.stats.max).to.equal(-1);
    });
  });

  describe('with label counts that do not match the values', () => {
    it('labels unlabelled rows as #index and names rows in the problem', () => {
      const m = buildMatrix(seed.rows.slice(0, 10), seed.columns, seed.values);
      expect(m.rowCount).to.equal(13);
      expect(m.rowLabels.slice(0, 10)).to.deep.equal(seed.rows.slice(0, 10));
      expect(m.rowLabels.slice(10)).to.deep.equal(['#10', '#11', '#12']);
      expect(m.rowLabels[12]).to.equal('#12');
      const problems = problemsAbout(m, 'rows');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('10 labels').and.to.contain('13');
      expect(m.problems).to.have.length(1);
      expect(cell(m, 12, 4)).to.equal(0.0021);
    });

    it('labels unlabelled columns as #index and names columns in the problem', () => {
      const m = buildMatrix(seed.rows, seed.columns.slice(0, 3), seed.values);
      expect(m.columnCount).to.equal(5);
      expect(m.columnLabels.slice(3)).to.deep.equal(['#3', '#4']);
      expect(problemsAbout(m, 'columns')).to.have.length(1);
    });

    it('reports more row labels than rows of values and shows the extra rows as missing', () => {
      const m = buildMatrix(['a', 'b', 'c'], ['x', 'y'], [[1, 2], [3, 4]]);
      expect(problemsAbout(m, 'rows')).to.have.length(1);
      expect(problemsAbout(m, 'rows')[0]).to.contain('3 labels').and.to.contain('2 rows');
      expect(m.rowCount).to.equal(3);
      expect(m.rowLabels).to.deep.equal(['a', 'b', 'c']);
      expect(cell(m, 1, 1)).to.equal(4);
      expect(Number.isNaN(cell(m, 2, 0)) && Number.isNaN(cell(m, 2, 1))).to.equal(true);
    });

    it('reports more column labels than columns of values', () => {
      const m = buildMatrix(['a'], ['x', 'y', 'z'], [[1, 2]]);
      expect(problemsAbout(m, 'columns')).to.have.length(1);
      expect(m.columnCount).to.equal(3);
      expect(Number.isNaN(cell(m, 0, 2))).to.equal(true);
    });
  });

  describe('with flat values', () => {
    const nested = [[0.5, -1.25, 2], [-0, 4, 0.125]];
    const flatNumbers = nested.flat();

    for (const Typed of [Float32Array, Float64Array]) {
      it(`reads a ${Typed.name} of rows × columns row-major, like the nested input`, () => {
        const flat = new Typed(flatNumbers);
        const fromFlat = buildMatrix(['a', 'b'], ['x', 'y', 'z'], flat);
        const fromNested = buildMatrix(['a', 'b'], ['x', 'y', 'z'], nested);
        expect(fromFlat.problems).to.deep.equal([]);
        expect(fromFlat.rowCount).to.equal(2);
        expect(fromFlat.columnCount).to.equal(3);
        expect(cellList(fromFlat)).to.deep.equal(cellList(fromNested));
        expect(Object.is(cell(fromFlat, 1, 0), -0)).to.equal(true);
        expect(fromFlat.stats).to.deep.equal(fromNested.stats);
      });

      it(`uses a ${Typed.name} of the right length without copying`, () => {
        const flat = new Typed(flatNumbers);
        expect(buildMatrix(['a', 'b'], ['x', 'y', 'z'], flat).flat).to.equal(flat);
      });

      it(`derives the column count of a ${Typed.name} from the row labels`, () => {
        const m = buildMatrix(['a', 'b'], undefined, new Typed(flatNumbers));
        expect(m.columnCount).to.equal(3);
        expect(m.columnLabels).to.deep.equal(['#0', '#1', '#2']);
        expect(cell(m, 1, 2)).to.equal(0.125);
      });
    }

    it('pads a typed array that does not fill the grid and reports it', () => {
      const flat = new Float64Array([1, 2, 3, 4, 5]);
      const m = buildMatrix(['a', 'b'], ['x', 'y', 'z'], flat);
      expect(problemsAbout(m, 'values')).to.have.length(1);
      expect(m.flat).to.not.equal(flat);
      expect(cellList(m).length).to.equal(6);
      expect(cellList(m).slice(0, 5)).to.deep.equal([1, 2, 3, 4, 5]);
      expect(Number.isNaN(cellList(m)[5])).to.equal(true);
    });

    it('reads a 1-D plain array row-major but reports it', () => {
      const m = buildMatrix(['a', 'b'], ['x', 'y', 'z'], flatNumbers);
      const problems = problemsAbout(m, 'values');
      expect(problems).to.have.length(1);
      expect(problems[0]).to.contain('1-D');
      expect(cellList(m)).to.deep.equal(cellList(buildMatrix(['a', 'b'], ['x', 'y', 'z'], nested)));
    });

    it('reports more row labels than a typed array has rows', () => {
      const m = buildMatrix(['a', 'b', 'c', 'd'], ['x', 'y', 'z'], new Float64Array(flatNumbers));
      expect(problemsAbout(m, 'rows')).to.have.length(1);
      expect(problemsAbout(m, 'rows')[0]).to.contain('4 labels');
      expect(cell(m, 1, 2)).to.equal(0.125);
    });

    it('reads an unlabelled typed array as one row', () => {
      const m = buildMatrix(undefined, undefined, new Float64Array([1, 2, 3]));
      expect(m.rowCount).to.equal(1);
      expect(m.columnCount).to.equal(3);
      expect(m.problems).to.deep.equal([]);
    });
  });

  it('never throws on hostile input', () => {
    const inputs: unknown[] = [undefined, null, 0, 'x', {}, [], [[]], [null], [[[1]]], new InvalidJson('x', 'bad'), new Float32Array(3)];
    for (const rows of inputs)
      for (const values of inputs) {
        const m = buildMatrix(rows, ['x'], values);
        expect(cellList(m).length, `${String(rows)} / ${String(values)}`).to.equal(m.rowCount * m.columnCount);
        expect(m.rowLabels).to.have.length(m.rowCount);
        expect(m.columnLabels).to.have.length(m.columnCount);
      }
  });
});

describe('statistics', () => {
  it('finds the smallest and largest values and their indices', () => {
    expect(statistics([3, -2, 7, 0])).to.deep.equal({ min: -2, max: 7, minIndex: 1, maxIndex: 2 });
  });

  it('ignores NaN and ±Infinity', () => {
    expect(statistics([NaN, Infinity, 2, -Infinity, -1, NaN])).to.deep.equal({ min: -1, max: 2, minIndex: 4, maxIndex: 2 });
  });

  it('reports the first index of a repeated extreme', () => {
    expect(statistics([1, 5, 5, 1])).to.deep.equal({ min: 1, max: 5, minIndex: 0, maxIndex: 1 });
  });

  it('gives -1 indices when no value is finite', () => {
    expect(statistics([NaN, Infinity, -Infinity])).to.deep.equal({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1 });
    expect(statistics([])).to.deep.equal({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1 });
  });

  it('works on typed arrays, with the same rules for NaN, ±Infinity, repeats and no finite value', () => {
    expect(statistics(new Float32Array([0.5, -0.25]))).to.deep.equal({ min: -0.25, max: 0.5, minIndex: 1, maxIndex: 0 });
    for (const Typed of [Float32Array, Float64Array]) {
      expect(statistics(new Typed([NaN, Infinity, 2, -Infinity, -1, NaN, 2, -1]))).to.deep.equal({ min: -1, max: 2, minIndex: 4, maxIndex: 2 });
      expect(statistics(new Typed([NaN, Infinity, -Infinity]))).to.deep.equal({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1 });
      expect(statistics(new Typed(0))).to.deep.equal({ min: Infinity, max: -Infinity, minIndex: -1, maxIndex: -1 });
    }
  });
});

describe('prescan', () => {
  it('finds a large typed array\'s extremes in slices, for the next statistics() of it, once', async () => {
    const values = new Float32Array(PRESCAN_THRESHOLD + 10);
    values[5] = NaN;
    values[3_000_000] = -2;
    values[PRESCAN_THRESHOLD + 9] = 3;
    let pauses = 0;
    const scanning = prescan(values, async () => void pauses++);
    expect(scanning).to.be.instanceOf(Promise);
    // Asked again while it runs: the same scan.
    expect(prescan(values, async () => {})).to.equal(scanning);
    await scanning;
    expect(pauses).to.be.greaterThan(1);
    const expected = { min: -2, max: 3, minIndex: 3_000_000, maxIndex: PRESCAN_THRESHOLD + 9 };
    expect(statistics(values)).to.deep.equal(expected);
    // Once only: values changed in place are scanned again.
    values[0] = 9;
    expect(statistics(values)).to.deep.equal({ ...expected, max: 9, maxIndex: 0 });
  });

  it('leaves small arrays and anything else alone', () => {
    expect(prescan(new Float64Array(1000), async () => {})).to.equal(undefined);
    expect(prescan([[1, 2]], async () => {})).to.equal(undefined);
    expect(prescan(null, async () => {})).to.equal(undefined);
    const { proxy, revoke } = Proxy.revocable(new Float32Array(8), {});
    revoke();
    expect(prescan(proxy, async () => {})).to.equal(undefined);
  });
});

describe('flat values with more labels than data', () => {
  it('keeps the extra rows and columns as missing cells, values in place', () => {
    const m = buildMatrix(['a', 'b', 'c'], ['x', 'y', 'z'], new Float64Array([1, 2, 3, 4]));
    // Four values read as 2 × 2? No: three column labels do not divide 4, three row labels do not either.
    expect(m.problems.some((p) => p.startsWith('values:'))).to.equal(true);
    const fits = buildMatrix(['a', 'b', 'c'], ['x', 'y'], new Float64Array([1, 2, 3, 4]));
    expect([fits.rowCount, fits.columnCount]).to.deep.equal([3, 2]);
    expect(cellList(fits).slice(0, 4)).to.deep.equal([1, 2, 3, 4]);
    expect(Number.isNaN(cellList(fits)[4]) && Number.isNaN(cellList(fits)[5])).to.equal(true);
    expect(fits.rowLabels).to.deep.equal(['a', 'b', 'c']);
    const wider = buildMatrix(['a', 'b'], ['x', 'y', 'z'], new Float32Array([1, 2, 3, 4]));
    expect([wider.rowCount, wider.columnCount]).to.deep.equal([2, 3]);
    expect(cellList(wider).filter((_, i) => i % 3 !== 2)).to.deep.equal([1, 2, 3, 4]);
    expect(Number.isNaN(cellList(wider)[2]) && Number.isNaN(cellList(wider)[5])).to.equal(true);
  });
});

describe('stringifyValues with infinities', () => {
  it('writes ±Infinity so they read back infinite, and NaN as null', () => {
    const text = stringifyValues([[Infinity, -Infinity, NaN, -0]]);
    expect(text).to.equal('[[1e999,-1e999,null,-0]]');
    const back = parseJsonAttribute(text) as number[][];
    expect(back[0][0]).to.equal(Infinity);
    expect(back[0][1]).to.equal(-Infinity);
    expect(back[0][2]).to.equal(null);
    expect(Object.is(back[0][3], -0)).to.equal(true);
  });
});

describe('buildMatrix with values that cannot be read, written back or quoted', () => {
  const values = [
    [1, 2],
    [3, 4],
  ];
  /** Every problem, each one line, none thrown. */
  const oneLiners = (m: Matrix) => {
    for (const p of m.problems) expect(p).to.not.contain('\n');
    return m.problems;
  };

  it('keeps the readable rows when one row, one entry or one length throws', () => {
    const entry = buildMatrix(['a', 'b'], ['x', 'y'], [throwingEntry([1, 2], 1), [3, 4]]);
    expect(oneLiners(entry)).to.deep.equal(['values: row 0 cannot be read (Error: entry 1 throws); shown as missing cells']);
    expect(cellList(entry).map((v) => (Number.isNaN(v) ? null : v))).to.deep.equal([null, null, 3, 4]);
    // The unreadable row's readable part does not count towards the extremes.
    expect(entry.stats).to.deep.equal({ min: 3, max: 4, minIndex: 2, maxIndex: 3 });
    const length = buildMatrix(undefined, undefined, [[1, 2], throwingLength([3, 4])]);
    expect(oneLiners(length)[0]).to.equal('values: row 1 cannot be read (its length cannot be read); shown as missing cells');
    expect(cell(length, 0, 1)).to.equal(2);
    const revokedRow = buildMatrix(undefined, undefined, [[1, 2], revokedArray()]);
    expect(oneLiners(revokedRow)[0]).to.match(/^values: row 1 cannot be read \(TypeError: .*revoked.*\); shown as missing cells$/);
    expect(cell(revokedRow, 0, 0)).to.equal(1);
  });

  it('says so when the whole of values, rows or columns cannot be read, and keeps the rest', () => {
    const m = buildMatrix(revokedArray(), ['x', 'y'], values);
    expect(oneLiners(m)[0]).to.match(/^rows: cannot be read \(TypeError: .+\); shown by index$/);
    expect(m.rowLabels).to.deep.equal(['#0', '#1']);
    expect(cellList(m)).to.deep.equal([1, 2, 3, 4]);
    const v = buildMatrix(['a', 'b'], ['x', 'y'], revokedArray());
    expect(oneLiners(v)[0]).to.match(/^values: cannot be read \(TypeError: .+\); shown as missing cells$/);
    expect([v.rowCount, v.columnCount]).to.deep.equal([2, 2]);
    const labels = buildMatrix(throwingEntry(['a', 'b', 'c'], 1), undefined, [[1], [2], [3]]);
    expect(oneLiners(labels)).to.deep.equal(['rows: label 1 cannot be read (Error: entry 1 throws); shown by index']);
    expect(labels.rowLabels).to.deep.equal(['a', '#1', 'c']);
  });

  it('reports BigInts anywhere: entries, BigInt64Array rows, a flat BigInt64Array, labels', () => {
    const entries = buildMatrix(undefined, undefined, [[1n, 2], [3, 4]]);
    expect(oneLiners(entries)).to.deep.equal(['values: values[0][0] is bigint 1, not a number; shown as missing']);
    expect(cellList(entries).slice(1)).to.deep.equal([2, 3, 4]);
    const typedRows = buildMatrix(undefined, undefined, [new BigInt64Array([1n, 2n]), [3, 4]]);
    expect(oneLiners(typedRows)[0]).to.equal('values: values[0][0] is bigint 1, not a number (and 1 more); shown as missing');
    const flat = buildMatrix(['a', 'b'], ['x', 'y'], new BigInt64Array([1n, 2n, 3n, 4n]));
    expect(oneLiners(flat)).to.deep.equal(['values: a BigInt64Array holds BigInts, not numbers; shown as missing']);
    expect(cellList(flat).every(Number.isNaN)).to.equal(true);
    const labels = buildMatrix([1n, Symbol('s')], undefined, values);
    expect(oneLiners(labels)).to.deep.equal(['rows: 2 labels are not text; shown by index']);
  });

  it('describes Symbols, circular objects, throwing getters and toStrings without touching them', () => {
    const m = buildMatrix(undefined, undefined, [[Symbol('s'), circular(), throwingObject(), throwingToString()]]);
    expect(oneLiners(m)).to.deep.equal(['values: values[0][0] is symbol Symbol(s), not a number (and 3 more); shown as missing']);
    const object = buildMatrix(undefined, undefined, throwingObject());
    expect(oneLiners(object)).to.deep.equal(['values: expected a 2-D array values[row][column], got an object']);
    const revoked = buildMatrix(revokedObject(), undefined, undefined);
    expect(oneLiners(revoked)[0]).to.match(/^rows: cannot be read \(TypeError: .*revoked.*\); shown by index$/);
    expect(oneLiners(buildMatrix({ 0: 'a' }, undefined, undefined))).to.deep.equal(['rows: expected an array of strings, got an object']);
  });

  it('counts the entries of a flat plain array that are not numbers', () => {
    const m = buildMatrix(['a', 'b'], ['x', 'y'], [1, 'two', 3, 4n]);
    expect(oneLiners(m)).to.deep.equal([
      'values: expected a 2-D array values[row][column], got a 1-D array; read as row-major',
      'values: values[1] is the text "two", not a number (and 1 more); shown as missing',
    ]);
    expect(cellList(m).map((v) => (Number.isNaN(v) ? null : v))).to.deep.equal([1, null, 3, null]);
  });

  it('never throws from a cell read later, even when a getter starts throwing after validation', () => {
    let reads = 0;
    const row = [1, 2];
    Object.defineProperty(row, 1, {
      get() {
        if (++reads > 1) throw new Error('second read');
        return 2;
      },
    });
    const m = buildMatrix(undefined, undefined, [row]);
    expect(m.problems).to.deep.equal([]);
    expect(cell(m, 0, 0)).to.equal(1);
    expect(Number.isNaN(cell(m, 0, 1))).to.equal(true);
  });
});
