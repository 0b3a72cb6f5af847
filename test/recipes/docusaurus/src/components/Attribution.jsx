// The check's page: the recipe's Heatmap, and the selected cell in React state shown under it.
import { useState } from 'react';
import Heatmap from './Heatmap';

export default function Attribution({ src }) {
  const [cell, setCell] = useState(null);
  return (
    <>
      <Heatmap src={src} onSelect={setCell} />
      <p>Picked: <output id="picked">{cell ? `${cell.rowIndex},${cell.columnIndex} ${cell.value}` : ''}</output></p>
    </>
  );
}
