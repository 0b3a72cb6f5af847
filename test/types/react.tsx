// How a React 19 app writes <token-heatmap>, directly and through `token-heatmap/react`, type-checked
// by `tsc -p test/types`. Every @ts-expect-error line must stay an error: it is a mistake the types catch.
import { useRef, useState } from 'react';
import type { LitElement } from 'lit';
import type { CellDetail, CellSelectEvent } from 'token-heatmap';
import { TokenHeatmap, type TokenHeatmapElement, type TokenHeatmapProperties } from 'token-heatmap/react';

const rows = ['_$', '1'];
const columns = ['Mistral', 'Llama'];
const values = [
  [-0.0756, 0.25],
  [null, 1.9074],
];

/** The tag itself: React 19 sets these props as properties and `oncell-select` as a listener. */
export function Direct() {
  const ref = useRef<TokenHeatmapElement>(null);
  const [picked, setPicked] = useState<CellDetail | null>(null);
  return (
    <>
      <token-heatmap
        ref={ref}
        rows={rows}
        columns={columns}
        values={values}
        min={-1.5}
        max={1.5}
        label="Token Attribution"
        theme="dark"
        crosshair="band"
        columnLabelOrientation="vertical"
        selected={picked && { rowIndex: picked.rowIndex, columnIndex: picked.columnIndex }}
        className="figure"
        style={{ maxWidth: 640 }}
        oncell-select={(event) => setPicked(event.detail)}
        oncell-hover={(event) => console.log(event.detail?.value)}
      />
      <token-heatmap rows={rows} columns={columns} values={new Float32Array(4)} interpolator={(t) => `hsl(${t * 120} 80% 50%)`} />
      {/* @ts-expect-error rows is a string array, not a string */}
      <token-heatmap rows="_$,1" />
      {/* @ts-expect-error decimals is a number */}
      <token-heatmap decimals="4" />
      {/* @ts-expect-error theme is 'light' or 'dark' */}
      <token-heatmap theme="sepia" />
      {/* @ts-expect-error detail is null when the selection is cleared */}
      <token-heatmap oncell-select={(event) => event.detail.rowIndex} />
    </>
  );
}

/** The wrapper: the same props, plus events as typed camelCase callbacks. */
export function Wrapped({ onPick }: { onPick: (cell: CellDetail | null) => void }) {
  const ref = useRef<TokenHeatmapElement>(null);
  const select = (event: CellSelectEvent) => onPick(event.detail);
  return (
    <>
      <TokenHeatmap
        ref={ref}
        rows={rows}
        columns={columns}
        values={values}
        min={-1.5}
        decimals={2}
        transpose
        scheme="RdBu"
        className="figure"
        onCellSelect={select}
        onCellHover={(event) => console.log(event.detail?.row)}
        onError={(event) => console.warn(event.detail, event.problems.length)}
      />
      {/* @ts-expect-error values is a matrix or a typed array */}
      <TokenHeatmap values="[[1]]" />
      {/* @ts-expect-error columnLabelOrientation is 'auto', 'horizontal' or 'vertical' */}
      <TokenHeatmap columnLabelOrientation="diagonal" />
      {/* @ts-expect-error detail is null when the selection is cleared */}
      <TokenHeatmap onCellSelect={(event) => event.detail.rowIndex} />
      {/* @ts-expect-error there is no cell-click event */}
      <TokenHeatmap onCellClick={() => {}} />
    </>
  );
}

// Every public property of the element is a JSX prop: one added to TokenHeatmap but not to the
// property schema makes this line an error that names it. Methods (toSVG(), …) are not props.
type Methods<T> = { [K in keyof T]-?: undefined extends T[K] ? never : T[K] extends (...args: never[]) => unknown ? K : never }[keyof T];
type Own = Omit<TokenHeatmapElement, keyof LitElement>;
type Missing = Exclude<keyof Own, keyof TokenHeatmapProperties | Methods<Own>>;
export const noPropertyMissing: [Missing] extends [never] ? true : Missing = true;
