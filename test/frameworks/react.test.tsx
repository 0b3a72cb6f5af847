// React 19 with the real react-dom/client: <token-heatmap> written directly in JSX, and the
// `token-heatmap/react` wrapper. Cells are clicked with the real mouse (sendMouse).
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { TokenHeatmap } from '../../src/react.js';
import type { CellDetail, CellHoverEvent, CellSelectEvent, HeatmapErrorEvent, TokenHeatmap as TokenHeatmapElement } from '../../src/index.js';
import { cellAt, centre, expectReferenceCells, gridCells, loadSeed, text, type Seed } from '../helpers.js';

let seed: Seed;
let container: HTMLElement;
let root: ReactDOMClient.Root;

before(async () => {
  seed = await loadSeed();
});

beforeEach(() => {
  container = document.body.appendChild(document.createElement('div'));
  root = ReactDOMClient.createRoot(container);
});

afterEach(async () => {
  root.unmount();
  container.remove();
  await resetMouse();
});

/** Renders and commits synchronously, then waits for the element's own update. */
async function render(node: React.ReactNode): Promise<TokenHeatmapElement> {
  ReactDOM.flushSync(() => root.render(node));
  const el = container.querySelector('token-heatmap')!;
  await el.updateComplete;
  return el;
}

/** Clicks the centre of a cell with the real mouse. */
async function clickCell(el: TokenHeatmapElement, row: number, column: number): Promise<void> {
  await sendMouse({ type: 'click', position: centre(cellAt(el, row, column)) });
}

const expected = (rowIndex: number, columnIndex: number): CellDetail => ({
  rowIndex,
  columnIndex,
  row: seed.rows[rowIndex],
  column: seed.columns[columnIndex],
  value: seed.values[rowIndex][columnIndex],
});

describe('React 19', () => {
  describe('<token-heatmap> in JSX', () => {
    it('gets arrays as properties and draws the 65 reference cells', async () => {
      const el = await render(
        <token-heatmap rows={seed.rows} columns={seed.columns} values={seed.values} min={-1.5} max={1.5} label={seed.label} />,
      );
      // The very arrays, not their toString() in an attribute.
      expect(el.rows).to.equal(seed.rows);
      expect(el.values).to.equal(seed.values);
      expect(el.min).to.equal(-1.5);
      expectReferenceCells(el);
    });

    it('calls oncell-select with the clicked cell', async () => {
      const selected: (CellDetail | null)[] = [];
      const el = await render(
        <token-heatmap
          rows={seed.rows}
          columns={seed.columns}
          values={seed.values}
          min={-1.5}
          max={1.5}
          oncell-select={(event: CellSelectEvent) => selected.push(event.detail)}
        />,
      );
      await clickCell(el, 7, 2);
      expect(selected).to.deep.equal([expected(7, 2)]);
    });

    it('updates the cells and the listener when React renders new props', async () => {
      const first: (CellDetail | null)[] = [];
      const second: (CellDetail | null)[] = [];
      const props = { rows: seed.rows, columns: seed.columns, min: -1.5, max: 1.5 };
      let el = await render(<token-heatmap {...props} values={seed.values} oncell-select={(e: CellSelectEvent) => first.push(e.detail)} />);
      const halved = seed.values.map((row) => row.map((v) => v / 2));
      el = await render(
        <token-heatmap {...props} values={halved} decimals={2} oncell-select={(e: CellSelectEvent) => second.push(e.detail)} />,
      );
      expect(el.values).to.equal(halved);
      expect(gridCells(el)).to.have.length(65);
      expect(text(cellAt(el, 7, 2))).to.equal('0.95');
      await clickCell(el, 0, 1);
      expect(first).to.deep.equal([]);
      expect(second).to.deep.equal([{ ...expected(0, 1), value: halved[0][1] }]);
    });
  });

  describe('the TokenHeatmap wrapper (token-heatmap/react)', () => {
    it('sets every prop as a property and draws the 65 reference cells', async () => {
      const ref = React.createRef<TokenHeatmapElement>();
      const el = await render(
        <TokenHeatmap ref={ref} rows={seed.rows} columns={seed.columns} values={seed.values} min={-1.5} max={1.5} label={seed.label} className="figure" />,
      );
      expect(ref.current).to.equal(el);
      expect(el).to.be.instanceOf(customElements.get('token-heatmap')!);
      expect(el.rows).to.equal(seed.rows);
      expect(el.values).to.equal(seed.values);
      expect(el.className).to.equal('figure');
      expect(gridCells(el)).to.have.length(65);
      expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
      expect(text(cellAt(el, 2, 4))).to.equal('-0.0000');
    });

    it('calls onCellSelect and onCellHover with the cell under the mouse', async () => {
      const selected: (CellDetail | null)[] = [];
      const hovered: (CellDetail | null)[] = [];
      const el = await render(
        <TokenHeatmap
          rows={seed.rows}
          columns={seed.columns}
          values={seed.values}
          min={-1.5}
          max={1.5}
          onCellSelect={(event: CellSelectEvent) => selected.push(event.detail)}
          onCellHover={(event: CellHoverEvent) => hovered.push(event.detail)}
        />,
      );
      await clickCell(el, 7, 2);
      expect(selected).to.deep.equal([expected(7, 2)]);
      expect(hovered.at(-1)).to.deep.equal(expected(7, 2));
      // A second click on the same cell clears the selection.
      await clickCell(el, 7, 2);
      expect(selected).to.deep.equal([expected(7, 2), null]);
    });

    it('updates the cells, the selection and the handler when React renders new props', async () => {
      const first: (CellDetail | null)[] = [];
      const second: (CellDetail | null)[] = [];
      const props = { rows: seed.rows, columns: seed.columns, min: -1.5, max: 1.5 };
      let el = await render(<TokenHeatmap {...props} values={seed.values} onCellSelect={(e) => first.push(e.detail)} />);
      expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
      el = await render(
        <TokenHeatmap {...props} values={seed.values} decimals={1} selected={{ rowIndex: 3, columnIndex: 1 }} onCellSelect={(e) => second.push(e.detail)} />,
      );
      expect(text(cellAt(el, 7, 2))).to.equal('1.9');
      expect(cellAt(el, 3, 1).getAttribute('aria-selected')).to.equal('true');
      await clickCell(el, 5, 4);
      expect(first).to.deep.equal([]);
      expect(second).to.deep.equal([expected(5, 4)]);
    });

    it('calls onError with the problems of bad input', async () => {
      const errors: HeatmapErrorEvent[] = [];
      await render(<TokenHeatmap rows={['a', 'b']} columns={['x']} values={[[1]]} onError={(event) => errors.push(event)} />);
      expect(errors).to.have.length(1);
      expect(errors[0].problems.length).to.be.greaterThan(0);
      expect(errors[0].detail).to.be.a('string').and.not.equal('');
    });
  });
});
