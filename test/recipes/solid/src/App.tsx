// docs/frameworks.md, "JSX types for Preact and Solid": the tag itself, typed by token-heatmap/jsx/solid.
import { createSignal } from 'solid-js';
import 'token-heatmap';
import type {} from 'token-heatmap/jsx/solid';
import type { CellDetail } from 'token-heatmap';
import data from './attribution.json';

export function App() {
  const [rows] = createSignal(data.rows);
  const [columns] = createSignal(data.columns);
  const [values] = createSignal(data.values);
  const [cell, setCell] = createSignal<CellDetail | null>(null);
  const shown = () => {
    const c = cell();
    return c ? `${c.rowIndex},${c.columnIndex} ${c.value}` : '';
  };
  return (
    <main>
      <token-heatmap id="heatmap" rows={rows()} columns={columns()} values={values()} min={-1.5} max={1.5}
        on:cell-select={(event) => setCell(event.detail)} />
      <p>Picked: <output id="picked">{shown()}</output></p>
    </main>
  );
}
