import { expect } from '@open-wc/testing';
import { exportFileName, toCsv, type CsvCell } from '../../src/export/csv.js';
import { loadSeed } from '../helpers.js';

/**
 * A strict RFC 4180 reader written for the test: CRLF records, fields quoted or not, "" for a
 * quote inside quotes. Anything outside the grammar throws, so a quoting mistake fails the test.
 */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let field = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= text.length) throw new Error('unterminated quoted field');
          if (text[i] === '"') {
            if (text[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          field += text[i++];
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r') {
          if (text[i] === '"' || text[i] === '\n') throw new Error(`bare ${JSON.stringify(text[i])} in an unquoted field at ${i}`);
          field += text[i++];
        }
      }
      record.push(field);
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text.startsWith('\r\n', i)) {
        i += 2;
        break;
      }
      throw new Error(`expected , or CRLF at ${i}, got ${JSON.stringify(text.slice(i, i + 5))}`);
    }
    records.push(record);
  }
  return records;
}

const cell = (row: string, column: string, value: number | null | undefined, rowIndex = 0, columnIndex = 0): CsvCell => ({ rowIndex, columnIndex, row, column, value });

describe('toCsv', () => {
  it('writes the reference figure as tidy rows that round-trip through an RFC 4180 parser', async () => {
    const seed = await loadSeed();
    const cells: CsvCell[] = [];
    seed.values.forEach((row, r) => row.forEach((value, c) => cells.push(cell(seed.rows[r], seed.columns[c], value, r, c))));
    const text = toCsv(cells);
    expect(text.endsWith('\r\n')).to.equal(true);
    expect(text.replace(/\r\n/g, '')).not.to.match(/[\r\n]/);
    const [header, ...records] = parseCsv(text);
    expect(header).to.deep.equal(['row_index', 'column_index', 'row', 'column', 'value']);
    expect(records).to.have.length(65);
    records.forEach((record, k) => {
      const r = Math.floor(k / 5);
      const c = k % 5;
      expect(record.slice(0, 2)).to.deep.equal([String(r), String(c)]);
      // Full precision: the number parses back to the very same double.
      expect(Object.is(Number(record[4]), seed.values[r][c])).to.equal(true, `${record[4]} vs ${seed.values[r][c]}`);
    });
    // The tokens '-' and '=' start like formulas: neutralised, the rest as they are.
    expect(records.map((record) => record[2]).filter((_, k) => k % 5 === 0)).to.deep.equal(['_$', '1', '6', ',', '0', '0', '0', '/', "'-", '0', '.', '8', "'="]);
    expect(records[0][3]).to.equal('9 + 3 = 12');
    // The row ',' is quoted, so the comma is not a separator.
    expect(text).to.contain('\r\n3,0,",",9 + 3 = 12,0.0017\r\n');
  });

  it('neutralises labels that a spreadsheet would run as a formula, inside quotes', () => {
    const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@SUM(A1)', '\t=cmd', '\r=cmd', '\0=x', '=HYPERLINK("http://x","y")'];
    const text = toCsv(hostile.map((label, i) => cell(label, label, i, i, 0)));
    for (const label of hostile) expect(text).to.contain(`"'${label.replace(/"/g, '""')}"`);
    const records = parseCsv(text).slice(1);
    expect(records.map((r) => r[2])).to.deep.equal(hostile.map((label) => `'${label}`));
    expect(records.map((r) => r[3])).to.deep.equal(hostile.map((label) => `'${label}`));
    // Only the first character matters; numbers are never prefixed.
    expect(toCsv([cell('a=1', 'x-y', -3)])).to.equal('row_index,column_index,row,column,value\r\n0,0,a=1,x-y,-3\r\n');
  });

  it('quotes commas, quotes, CR, LF and edge spaces by RFC 4180, doubling inner quotes', () => {
    const labels = ['a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', ' lead', 'trail ', 'in side', '', '"'];
    const text = toCsv(labels.map((label, i) => cell(label, 'x', 1, i, 0)));
    expect(text).to.contain('"say ""hi"""');
    expect(text).to.contain('," lead",');
    expect(text).to.contain(',in side,');
    expect(parseCsv(text).slice(1).map((r) => r[2])).to.deep.equal(labels);
  });

  it('writes missing values empty, -0 as -0 and infinities by name, at full precision', () => {
    const values = [null, undefined, NaN, -0, 0, Infinity, -Infinity, 0.1 + 0.2, 1e-300, -1.9074];
    const records = parseCsv(toCsv(values.map((v, i) => cell('t', 'o', v, 0, i)))).slice(1);
    expect(records.map((r) => r[4])).to.deep.equal(['', '', '', '-0', '0', 'Infinity', '-Infinity', '0.30000000000000004', '1e-300', '-1.9074']);
    expect(Object.is(Number(records[3][4]), -0)).to.equal(true);
  });
});

describe('exportFileName', () => {
  it('slugs the caption, keeping letters and digits of any script', () => {
    expect(exportFileName('Heatmap: Token Attribution', 'svg')).to.equal('heatmap-token-attribution.svg');
    expect(exportFileName('Café — Überblick 2', '.png')).to.equal('cafe-uberblick-2.png');
    expect(exportFileName('注意力 热图', 'csv')).to.equal('注意力-热图.csv');
    expect(exportFileName('../../etc/passwd', 'csv')).to.equal('etc-passwd.csv');
  });

  it('falls back to token-heatmap and keeps names short', () => {
    expect(exportFileName('', 'svg')).to.equal('token-heatmap.svg');
    expect(exportFileName(null, 'csv')).to.equal('token-heatmap.csv');
    expect(exportFileName('<>:"/\\|?*', 'png')).to.equal('token-heatmap.png');
    const long = exportFileName('word '.repeat(40), 'svg');
    expect(long.length).to.be.at.most(64);
    expect(long).to.match(/^word(-word)*\.svg$/);
  });
});
