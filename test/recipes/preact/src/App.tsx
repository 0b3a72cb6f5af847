// docs/frameworks.md, "JSX types for Preact and Solid": the tag itself, typed by token-heatmap/jsx/preact.
import { useState } from 'preact/hooks';
import 'token-heatmap';
import type {} from 'token-heatmap/jsx/preact';
import type { CellDetail } from 'token-heatmap';
import data from './attribution.json';

export function App() {
  const [cell, setCell] = useState<CellDetail | null>(null);
  const { rows, columns, values } = data;
  return (
    <main>
      <token-heatmap id="heatmap" rows={rows} columns={columns} values={values} min={-1.5} max={1.5}
        oncell-select={(event) => setCell(event.detail)} />
      <p>Picked: <output id="picked">{cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : ''}</output></p>
    </main>
  );
}
