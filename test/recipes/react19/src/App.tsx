// The README's two React recipes in one React 19 app: the tag itself (docs/frameworks.md, "React 19:
// the tag itself") and the TokenHeatmap wrapper ("React 18 and 19: the TokenHeatmap wrapper").
import { useState } from 'react';
import 'token-heatmap';
import type {} from 'token-heatmap/react'; // <token-heatmap> in JSX.IntrinsicElements
import { TokenHeatmap } from 'token-heatmap/react';
import type { CellDetail } from 'token-heatmap';
import data from './attribution.json';

const show = (cell: CellDetail | null) => (cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : '');

export function Attribution({ rows, columns, values }: { rows: string[]; columns: string[]; values: number[][] }) {
  const [cell, setCell] = useState<CellDetail | null>(null);
  return (
    <>
      <token-heatmap
        id="direct"
        rows={rows}
        columns={columns}
        values={values}
        min={-1.5}
        max={1.5}
        label="Token Attribution"
        className="figure"
        oncell-select={(event) => setCell(event.detail)}
      />
      <p>Picked: <output id="picked-direct">{show(cell)}</output></p>
    </>
  );
}

export function Wrapped({ rows, columns, values }: { rows: string[]; columns: string[]; values: number[][] }) {
  const [cell, setCell] = useState<CellDetail | null>(null);
  return (
    <>
      <TokenHeatmap
        id="wrapped"
        rows={rows}
        columns={columns}
        values={values}
        min={-1.5}
        max={1.5}
        label="Token Attribution"
        onCellSelect={(event) => setCell(event.detail)}
        onCellHover={(event) => void event.detail?.value}
      />
      <p>Picked: <output id="picked-wrapped">{show(cell)}</output></p>
    </>
  );
}

export function App() {
  return (
    <main>
      <Attribution rows={data.rows} columns={data.columns} values={data.values} />
      <Wrapped rows={data.rows} columns={data.columns} values={data.values} />
    </main>
  );
}
