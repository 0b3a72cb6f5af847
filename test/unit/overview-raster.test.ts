import { expect } from '@open-wc/testing';
import { axisSpans, paint, pickCell, RASTER, type PaintJob } from '../../src/overview/raster.js';
import { colorTable, packColor, unpackColor, TABLE_SIZE } from '../../src/overview/color-table.js';
import { parseColor } from '../../src/color.js';
import { scalePosition } from '../../src/scale.js';
import { schemeInterpolator } from '../../src/schemes.js';

const spans = (s: Int32Array) => Array.from({ length: s.length / 2 }, (_, p) => [s[2 * p], s[2 * p + 1]]);

// A greyscale ramp makes table entries easy to read: entry j has red = round(255 j / (n − 1)).
const grey = (t: number) => `rgb(${Math.round(255 * t)}, ${Math.round(255 * t)}, ${Math.round(255 * t)})`;
const MISSING = packColor([1, 2, 3]);
const OUTSIDE = 0;

function job(values: number[][], over: Partial<PaintJob> = {}): PaintJob {
  const rows = values.length;
  const columns = values[0].length;
  return {
    rows,
    columns,
    data: Float64Array.from(values.flat()),
    width: columns,
    height: rows,
    firstRow: 0,
    firstColumn: 0,
    cellWidth: 1,
    cellHeight: 1,
    min: -1,
    center: 0,
    max: 1,
    table: colorTable(grey, parseColor),
    missing: MISSING,
    outside: OUTSIDE,
    ...over,
  };
}

function draw(j: PaintJob): number[][] {
  const pixels = new Uint32Array(j.width * j.height);
  paint(j, RASTER, pixels);
  // Red channel per pixel; -1 for missing, -2 outside.
  return Array.from({ length: j.height }, (_, y) =>
    Array.from({ length: j.width }, (_, x) => {
      const w = pixels[y * j.width + x];
      return w === MISSING ? -1 : w === OUTSIDE ? -2 : unpackColor(w)[0];
    }),
  );
}

describe('axisSpans', () => {
  it('gives each pixel the cells whose centres it holds when cells are smaller than pixels', () => {
    // 10 cells over 4 pixels, 0.4 px a cell: centres at 0.2, 0.6, 1.0, … 3.8 px.
    expect(spans(axisSpans(10, 0, 0.4, 4))).to.deep.equal([
      [0, 2],
      [2, 5],
      [5, 7],
      [7, 10],
    ]);
  });

  it('puts every cell in exactly one pixel', () => {
    for (const [count, first, cellPx, pixels] of [
      [1000, 0, 0.37, 370],
      [4000, 123.4, 0.09, 200],
      [777, 5.5, 0.999, 300],
    ]) {
      const s = spans(axisSpans(count, first, cellPx, pixels)).filter(([a, b]) => a < b);
      for (let p = 1; p < s.length; p++) expect(s[p][0]).to.equal(s[p - 1][1]);
    }
  });

  it('shows the cell under each pixel centre when cells are larger than pixels', () => {
    // 3 px a cell, starting half a cell in.
    expect(spans(axisSpans(4, 0.5, 3, 6))).to.deep.equal([
      [0, 1],
      [1, 2],
      [1, 2],
      [1, 2],
      [2, 3],
      [2, 3],
    ]);
  });

  it('leaves pixels outside the matrix empty', () => {
    expect(spans(axisSpans(2, -1, 1, 4))).to.deep.equal([
      [0, 0],
      [0, 1],
      [1, 2],
      [0, 0],
    ]);
  });
});

describe('paint', () => {
  it('colours one cell a pixel through the table, missing and clamped cells included', () => {
    const out = draw(job([[-1, 0, 1, NaN, 5, -Infinity]]));
    // -1 → t 0 → 0; 0 → the middle entry → 128; 1 → 255; NaN → missing; 5 clamps to 255; -∞ to 0.
    expect(out).to.deep.equal([[0, 128, 255, -1, 255, 0]]);
  });

  it('shows the cell of largest |value − center| where many share a pixel, keeping its sign', () => {
    const values = Array.from({ length: 100 }, () => new Array(100).fill(0));
    values[37][61] = -0.9;
    values[80][10] = 0.4;
    const out = draw(job(values, { width: 10, height: 10, cellWidth: 0.1, cellHeight: 0.1 }));
    // The strong negative cell survives a 100:1 reduction in its pixel; the rest stay neutral.
    expect(out[3][6]).to.equal(Math.round(255 * scalePosition(-0.9, { min: -1, max: 1, center: 0 })));
    expect(out[8][1]).to.equal(Math.round(255 * scalePosition(0.4, { min: -1, max: 1, center: 0 })));
    expect(out[0][0]).to.equal(128);
  });

  it('prefers any value to missing cells in a shared pixel, and shows missing when all are', () => {
    const out = draw(job([[NaN, NaN, NaN, 0.5]], { width: 2, cellWidth: 0.5 }));
    expect(out[0][0]).to.equal(-1);
    expect(out[0][1]).to.equal(Math.round(255 * 0.75));
  });

  it('reads a transposed layout in place', () => {
    // Source 2 × 3 row-major; displayed transposed: 3 rows × 2 columns, display (r, c) = source (c, r).
    const source = Float32Array.from([-1, 0, 1, 1, 0, -1]);
    const out = draw({ ...job([[0, 0], [0, 0], [0, 0]]), data: source, rowStride: 1, columnStride: 3 });
    expect(out).to.deep.equal([
      [0, 255],
      [128, 128],
      [255, 0],
    ]);
  });

  it('draws a job without values as missing cells inside the matrix', () => {
    const out = draw({ ...job([[0, 0]]), data: undefined, width: 3, cellWidth: 1 });
    expect(out).to.deep.equal([[-1, -1, -2]]);
  });

  it('reads nested rows in place, straight or transposed, non-numbers as missing', () => {
    const nested = [
      [-1, null, 1],
      [0, 0.5, undefined],
    ];
    const straight = draw({ ...job([[0, 0, 0], [0, 0, 0]]), data: undefined, rowArrays: nested });
    expect(straight).to.deep.equal([
      [0, -1, 255],
      [128, 191, -1],
    ]);
    const transposed = draw({ ...job([[0, 0], [0, 0], [0, 0]]), data: undefined, rowArrays: nested, transposed: true });
    expect(transposed).to.deep.equal([
      [0, 128],
      [-1, 191],
      [255, -1],
    ]);
    const j = { ...job([[0, 0], [0, 0], [0, 0]]), data: undefined, rowArrays: nested, transposed: true, width: 1, height: 1, cellWidth: 0.5, cellHeight: 1 / 3 };
    expect(pickCell(j, 0, 0)).to.deep.equal({ row: 0, column: 0 });
  });

  it('magnifies: a cell several pixels wide fills them, and the view can start inside the matrix', () => {
    const out = draw(job([[-1, 1], [1, -1]], { width: 4, height: 2, cellWidth: 2, cellHeight: 2, firstColumn: 0.5, firstRow: 0.5 }));
    expect(out).to.deep.equal([
      [0, 255, 255, -2],
      [255, 0, 0, -2],
    ]);
  });

  it('colours a magnified cell as it colours the same value sharing a pixel with the centre', () => {
    const values = [[-1, -0.37, 0, 0.004, 0.61, 1, 7, -Infinity, NaN]];
    const alone = draw(job(values))[0];
    // Each value beside a 0 in a pixel of two cells: the value wins (0 is the centre), scored by the other path.
    const shared = draw(job([values[0].flatMap((v) => [v, 0])], { width: values[0].length, cellWidth: 0.5 }))[0];
    // NaN beside a 0 shows the 0; everywhere else the two paths agree to the table entry.
    expect(alone.slice(0, -1)).to.deep.equal(shared.slice(0, -1));
    expect([alone.at(-1), shared.at(-1)]).to.deep.equal([-1, 128]);
  });

  it('magnified, shows under each pixel the cell under its centre, nested or flat, with missing rows and cells', () => {
    const nested: unknown[][] = Array.from({ length: 7 }, (_, r) => Array.from({ length: 9 }, (_, c) => Math.sin(r * 9 + c)));
    nested[2] = null as unknown as unknown[];
    nested[4][3] = 'x';
    nested[5][6] = NaN;
    const cells = draw({ ...job(Array.from({ length: 7 }, () => new Array(9).fill(0))), data: undefined, rowArrays: nested as ArrayLike<ArrayLike<unknown>> });
    // Runs of two or three pixels, written one by one, and of six or seven, written with fill().
    for (const at of [
      { cellWidth: 2.5, cellHeight: 1.75, firstRow: 0.4, firstColumn: 1.2, width: 21, height: 12 },
      { cellWidth: 6.5, cellHeight: 1.75, firstRow: 0.4, firstColumn: 1.2, width: 52, height: 12 },
    ]) {
      const expected = Array.from({ length: at.height }, (_, y) =>
        Array.from({ length: at.width }, (_, x) => {
          const r = Math.floor(at.firstRow + (y + 0.5) / at.cellHeight);
          const c = Math.floor(at.firstColumn + (x + 0.5) / at.cellWidth);
          return r < 7 && c < 9 ? cells[r][c] : -2;
        }),
      );
      const base = job(Array.from({ length: 7 }, () => new Array(9).fill(0)), at);
      expect(draw({ ...base, data: undefined, rowArrays: nested as ArrayLike<ArrayLike<unknown>> }), `nested, ${at.cellWidth} px`).to.deep.equal(expected);
      const flat = Float64Array.from(nested.flatMap((row, r) => Array.from({ length: 9 }, (_, c) => (typeof row?.[c] === 'number' && r !== 2 ? (row[c] as number) : NaN))));
      expect(draw({ ...base, data: flat }), `flat, ${at.cellWidth} px`).to.deep.equal(expected);
    }
  });

  it('maps a domain whose centre is an end linearly over the whole table', () => {
    const out = draw(job([[0, 0.5, 1]], { min: 0, center: 0, max: 1 }));
    expect(out).to.deep.equal([[0, 128, 255]]);
  });
});

describe('pickCell', () => {
  it('finds the cell a shared pixel shows', () => {
    const values = Array.from({ length: 40 }, () => new Array(40).fill(0.01));
    values[13][27] = -0.5;
    const j = job(values, { width: 4, height: 4, cellWidth: 0.1, cellHeight: 0.1 });
    expect(pickCell(j, 2, 1)).to.deep.equal({ row: 13, column: 27 });
    expect(pickCell(j, 9, 1)).to.equal(null);
  });

  it('resolves ties as paint does, also transposed', () => {
    const source = Float64Array.from([0.5, -0.5, -0.5, 0.5]);
    const j = { ...job([[0, 0], [0, 0]]), data: source, rowStride: 1, columnStride: 2, width: 1, height: 1, cellWidth: 0.5, cellHeight: 0.5 };
    const picked = pickCell(j, 0, 0)!;
    const shown = draw(j)[0][0];
    // Display (r, c) = source (c, r); the shown colour is the picked cell's.
    const value = source[picked.column * 2 + picked.row];
    expect(shown).to.equal(Math.round(255 * scalePosition(value, { min: -1, max: 1, center: 0 })));
  });

  it('colours each shared pixel by the cell pickCell finds there, for runs of one or two cells and of many (scored run by run over all their lines), straight or transposed', () => {
    // Few distinct values, so ties are everywhere; missing cells among them.
    const palette = [0.5, -0.5, 0.25, NaN, 0, -0.25];
    const values = Array.from({ length: 37 }, (_, r) => Array.from({ length: 53 }, (_, c) => palette[(r * 7 + c * 3 + ((r * c) % 5)) % palette.length]));
    const red = (v: number) => (v !== v ? -1 : Math.round(255 * scalePosition(v, { min: -1, max: 1, center: 0 })));
    for (const [width, height] of [[40, 30], [14, 10], [7, 5]]) {
      const straight = job(values, { width, height, cellWidth: width / 53, cellHeight: height / 37 });
      // The same display matrix stored column by column.
      const columnMajor = Float64Array.from({ length: 37 * 53 }, (_, i) => values[i % 37][Math.floor(i / 37)]);
      const transposed = { ...straight, data: columnMajor, rowStride: 1, columnStride: 37 };
      for (const j of [straight, transposed]) {
        const expected = Array.from({ length: height }, (_, y) =>
          Array.from({ length: width }, (_, x) => {
            const cell = pickCell(j, x, y)!;
            return red(values[cell.row][cell.column]);
          }),
        );
        expect(draw(j), `${width} × ${height}${j === transposed ? ', transposed' : ''}`).to.deep.equal(expected);
      }
    }
  });

  it('returns the cell under the pointer when cells are larger than pixels', () => {
    const j = job([[1, 2], [3, 4]], { width: 20, height: 20, cellWidth: 10, cellHeight: 10 });
    expect(pickCell(j, 15, 3)).to.deep.equal({ row: 0, column: 1 });
    expect(pickCell(j, 3, 15)).to.deep.equal({ row: 1, column: 0 });
  });
});

describe('colorTable', () => {
  it('samples the scheme evenly, the centre at the middle entry', () => {
    const rdylgn = schemeInterpolator('RdYlGn')!;
    const table = colorTable(rdylgn, parseColor);
    expect(table.length).to.equal(TABLE_SIZE);
    expect(TABLE_SIZE).to.be.at.least(1024);
    for (const j of [0, (TABLE_SIZE - 1) / 2, TABLE_SIZE - 1, 300]) {
      const expected = parseColor(rdylgn(j / (TABLE_SIZE - 1)))!;
      expect(unpackColor(table[j])).to.deep.equal([...expected.map(Math.round), 255]);
    }
  });

  it('draws colours it cannot read as the fallback', () => {
    const table = colorTable(() => 'mystery', () => null, 3, [9, 8, 7]);
    expect(unpackColor(table[1])).to.deep.equal([9, 8, 7, 255]);
  });
});
