// The built dist/react.js (run `npm run build` first), as an app's bundler would load it: it must
// use the app's own React (a second, inlined React breaks hooks) and the element of the package's
// main module, dist/token-heatmap.js (a second copy would register a different class).
import React from 'react';
import ReactDOM from 'react-dom';
import ReactDOMClient from 'react-dom/client';
import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { TokenHeatmap } from '../../dist/react.js';
import { TokenHeatmap as MainModuleElement } from '../../dist/token-heatmap.js';
import type { CellDetail, TokenHeatmap as TokenHeatmapElement } from '../../src/index.js';
import { cellAt, centre, gridCells, loadSeed, text } from '../helpers.js';

describe('dist/react.js', () => {
  let container: HTMLElement;
  let root: ReactDOMClient.Root;
  beforeEach(() => {
    container = document.body.appendChild(document.createElement('div'));
    root = ReactDOMClient.createRoot(container);
  });
  afterEach(async () => {
    root.unmount();
    container.remove();
    await resetMouse();
  });

  it('renders with the app’s React and the main module’s element, and reports clicks', async () => {
    const seed = await loadSeed();
    const selected: (CellDetail | null)[] = [];
    ReactDOM.flushSync(() =>
      root.render(
        <TokenHeatmap
          rows={seed.rows}
          columns={seed.columns}
          values={seed.values}
          min={-1.5}
          max={1.5}
          onCellSelect={(event: { detail: CellDetail | null }) => selected.push(event.detail)}
        />,
      ),
    );
    const el = container.querySelector<TokenHeatmapElement>('token-heatmap')!;
    await el.updateComplete;
    expect(customElements.get('token-heatmap')).to.equal(MainModuleElement);
    expect(el).to.be.instanceOf(MainModuleElement);
    expect(el.values).to.equal(seed.values);
    expect(gridCells(el)).to.have.length(65);
    expect(text(cellAt(el, 7, 2))).to.equal('1.9074');
    await sendMouse({ type: 'click', position: centre(cellAt(el, 7, 2)) });
    expect(selected).to.deep.equal([{ rowIndex: 7, columnIndex: 2, row: seed.rows[7], column: seed.columns[2], value: seed.values[7][2] }]);
  });
});
