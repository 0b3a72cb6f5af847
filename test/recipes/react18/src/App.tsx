// The README's React 18 recipe: the TokenHeatmap wrapper (docs/frameworks.md, "React 18 and 19:
// the TokenHeatmap wrapper"). React 18 sets a custom element's props as attributes, so the bare tag
// cannot take arrays or listeners; the wrapper sets them as properties.
import { useRef, useState } from 'react';
import { TokenHeatmap, type TokenHeatmapElement } from 'token-heatmap/react';
import type { CellDetail } from 'token-heatmap';
import data from './attribution.json';

export function App() {
  const ref = useRef<TokenHeatmapElement>(null); // the <token-heatmap> element
  const [cell, setCell] = useState<CellDetail | null>(null);
  return (
    <main>
      <TokenHeatmap
        ref={ref}
        id="wrapped"
        rows={data.rows}
        columns={data.columns}
        values={data.values}
        min={-1.5}
        max={1.5}
        label="Token Attribution"
        onCellSelect={(event) => setCell(event.detail)}
        onCellHover={(event) => void event.detail?.value}
        onError={(event) => console.warn(event.detail, event.problems)}
      />
      <p>Picked: <output id="picked">{cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : ''}</output></p>
    </main>
  );
}
