'use client';
// NOT the supported way: the bare tag in a client component. Next.js renders it on the server, and
// React 19 does not set a custom element's properties or listeners when it hydrates (react#35446).
// The check: it must either work or say so on the page.
import { useState } from 'react';
import 'token-heatmap';
import type {} from 'token-heatmap/react';
import type { CellDetail } from 'token-heatmap';

export function BareTag({ rows, columns, values }: { rows: string[]; columns: string[]; values: number[][] }) {
  const [cell, setCell] = useState<CellDetail | null>(null);
  return (
    <>
      <token-heatmap id="heatmap" rows={rows} columns={columns} values={values} min={-1.5} max={1.5} label="Token Attribution"
        oncell-select={(event) => setCell(event.detail)} />
      <p>Picked: <output id="picked">{cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : ''}</output></p>
    </>
  );
}
