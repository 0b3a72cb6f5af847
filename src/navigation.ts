/** A focus position in display coordinates; -1 is the header row or the row-header column. */
export interface GridPosition {
  readonly row: number;
  readonly column: number;
}

export interface GridShape {
  readonly rows: number;
  readonly columns: number;
  /** Rows in one visible page, for PageUp/PageDown. */
  readonly pageRows: number;
}

export interface KeyPress {
  readonly key: string;
  readonly ctrlKey?: boolean;
  readonly metaKey?: boolean;
}

const clamp = (n: number, low: number, high: number) => Math.max(low, Math.min(high, n));

/**
 * Where a key moves focus in the WAI-ARIA grid pattern, or null when the key
 * does not move it. Headers are reachable: row -1 and column -1.
 */
export function moveFocus(from: GridPosition, key: KeyPress, shape: GridShape): GridPosition | null {
  const lastRow = shape.rows - 1;
  const lastColumn = shape.columns - 1;
  const corner = key.ctrlKey || key.metaKey;
  let { row, column } = from;
  switch (key.key) {
    case 'ArrowUp':
      row--;
      break;
    case 'ArrowDown':
      row++;
      break;
    case 'ArrowLeft':
      column--;
      break;
    case 'ArrowRight':
      column++;
      break;
    case 'Home':
      column = Math.min(0, lastColumn);
      if (corner) row = Math.min(0, lastRow);
      break;
    case 'End':
      column = lastColumn;
      if (corner) row = lastRow;
      break;
    case 'PageUp':
      row = row < 0 ? row : Math.max(0, row - Math.max(1, shape.pageRows));
      break;
    case 'PageDown':
      row = row < 0 ? 0 : row + Math.max(1, shape.pageRows);
      break;
    default:
      return null;
  }
  return { row: clamp(row, -1, lastRow), column: clamp(column, -1, lastColumn) };
}
