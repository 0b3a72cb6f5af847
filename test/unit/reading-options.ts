// The reading options of a plain figure (every step off), for the pipeline's unit tests.
import { CLOSED } from '../../src/view/expansion.js';
import type { ReadingOptions } from '../../src/view/pipeline.js';

/** Tokens as they are, no normalisation, nothing hidden, nothing selected or opened. */
export const PLAIN_OPTIONS: ReadingOptions = {
  groupRows: 'tokens',
  groupColumns: 'tokens',
  rowGroups: null,
  columnGroups: null,
  aggregate: 'sum',
  normalize: 'none',
  hideSpecial: false,
  transpose: false,
  selected: null,
  ...CLOSED,
};
