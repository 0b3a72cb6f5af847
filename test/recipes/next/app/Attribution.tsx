'use client';
// docs/frameworks.md, "Next.js (App Router)": the TokenHeatmap wrapper in a client component. The
// server renders the bare element; the wrapper sets its properties and listeners after hydration.
import { useState } from 'react';
import { TokenHeatmap } from 'token-heatmap/react';
import type { CellDetail } from 'token-heatmap';

export function Attribution({ rows, columns, values }: { rows: string[]; columns: string[]; values: number[][] }) {
  const [cell, setCell] = useState<CellDetail | null>(null);
  return (
    <>
      <TokenHeatmap
        id="heatmap"
        rows={rows}
        columns={columns}
        values={values}
        min={-1.5}
        max={1.5}
        label="Token Attribution"
        onCellSelect={(event) => setCell(event.detail)}
      />
      <p>Picked: <output id="picked">{cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : ''}</output></p>
    </>
  );
}
