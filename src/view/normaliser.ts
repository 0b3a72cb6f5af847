// What normalisation is to the rest of the element (the core's share of src/view/normalise.ts): its
// modes, the normaliser's interface, the identity, and the colour bar's words for a mode.

/** What is divided by its largest |value|: nothing, each column, each row, or the whole matrix. */
export type Normalize = 'none' | 'column' | 'row' | 'all';

/** Maps a value at a cell to its normalised value; `divisor` is what it was divided by (1 when not). */
export interface Normaliser {
  readonly mode: Normalize;
  apply(value: number, row: number, column: number): number;
  divisor(row: number, column: number): number;
}

/** What the colour bar's title adds for a mode ("normalised per column"); empty for `none`. */
export function normalisationTitle(mode: Normalize): string {
  switch (mode) {
    case 'none':
      return '';
    case 'column':
      return 'normalised per column';
    case 'row':
      return 'normalised per row';
    case 'all':
      return 'normalised over all cells';
  }
}

/** The normaliser of `none`: values as they are. */
export const IDENTITY: Normaliser = { mode: 'none', apply: (value) => value, divisor: () => 1 };
