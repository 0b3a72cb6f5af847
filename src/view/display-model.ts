// The display model: every mapping between what the grid shows (display rows and columns: groups,
// opened groups' pieces, runs of hidden rows, after transpose) and the caller's indices
// (`values[rowIndex][columnIndex]`). Nothing else in the element converts indices.
import type { Matrix } from '../data.js';
import type { CellDetail, CellIndex } from '../events.js';
import { formatValue } from '../format.js';
import type { GridPosition } from '../navigation.js';
import { spokenToken, spokenWords } from '../tokens.js';
import { cutLabel, cutNote } from './label-limit.js';
import { aggregateRange, type Aggregate, type CellSource } from './cells.js';
import { groupOf, type Segmentation } from './segmentation.js';
import type { Normaliser } from './normalise.js';
import type { runningTexts } from './running-text.js';
import { isSpecialToken, pieceText, type TokenizerFamily } from './pieces.js';

/** What a displayed entry of an axis is. */
export type EntryKind = 'group' | 'piece' | 'run';

/** One of the caller's axes as the reading pipeline left it (see src/view/pipeline.ts). */
export interface AxisPlan {
  /** The caller's labels on this axis. */
  readonly labels: readonly string[];
  readonly family: TokenizerFamily;
  /** Groups over the caller's indices; one token a group when not grouped. */
  readonly segmentation: Segmentation;
  /** Whether groups hold more than one token (so events report every piece). */
  readonly grouped: boolean;
  /** What a group is called: token, word, sentence, line or group. */
  readonly unit: string;
  /** Each group's text: its pieces joined, markers turned back, byte-level decoded. */
  readonly texts: readonly string[];
  /** Per group: 0 for a hidden special token; absent when every group is shown. */
  readonly shown?: Uint8Array;
  /** Per group: 0 where focus folds it into a run of hidden rows; absent when every group is visible. */
  readonly visible?: Uint8Array;
  /** Groups opened to show their pieces. */
  readonly open: ReadonlySet<number>;
}

/** One displayed axis: its entries and how each maps to the caller's indices on that axis. */
export interface DisplayAxis {
  /** Number of entries shown. */
  readonly count: number;
  /** Whether this axis shows the caller's tokens (rows of `values`), drawn in the token font. */
  readonly tokens: boolean;
  /** What a group on this axis is called (token, word, sentence, line, group). */
  readonly unit: string;
  kind(index: number): EntryKind;
  /** The group of an entry (a run: its first hidden group). */
  group(index: number): number;
  /** The groups an entry covers, [start, end): its own group, or a run's hidden groups. */
  groups(index: number): readonly [number, number];
  /** The caller's indices an entry covers, [start, end); a run covers its hidden groups' tokens. */
  range(index: number): readonly [number, number];
  /** Whether activating the entry's header opens or closes something: a group of several pieces, or a run. */
  expandable(index: number): boolean;
  /** Whether an expandable entry is open now. */
  expanded(index: number): boolean;
  /** 1 for an opened group's pieces, else 0. */
  depth(index: number): number;
  /** The label shown for an entry. */
  label(index: number): string;
  /** The label as events report it: a group's text, or the caller's token exactly as given. */
  eventLabel(index: number): string;
  /** What a screen reader says for an entry, concise: the label read aloud, a group's size (memoised). */
  spoken(index: number): string;
  /** The exact text behind an entry, quoted: `token "Ġcat"`, or a group's text and pieces; '' for a run (memoised). */
  exact(index: number): string;
  /** Whether `exact` says more than `spoken` (an invisible character, a decoded byte, a group's pieces). */
  exactAddsMore(index: number): boolean;
  /** The caller's tokens an entry stands for, as given (a group's pieces, or the one token). */
  pieces(index: number): readonly string[];
  /** The caller's first index of an entry. */
  sourceIndex(index: number): number;
  /** The entry that shows a caller's index, or -1 when it is hidden. */
  displayIndex(source: number): number;
  /** The longest label, which sizes the label column so windowing never changes it. */
  readonly longestLabel: string;
  /** An entry's share of the running text (markers as spaces, bytes decoded); '' for a run. */
  runningText(index: number): string;
  /** Whether an entry is made only of special tokens (`<s>`, `[CLS]`, …). */
  special(index: number): boolean;
}

/** The grid as drawn. */
export interface DisplayModel {
  readonly rows: DisplayAxis;
  readonly columns: DisplayAxis;
  /** Whether values are normalised (events then carry `rawValue`). */
  readonly normalised: boolean;
  /** The value shown at a display position (normalised when normalisation is on), null where missing or hidden. */
  value(row: number, column: number): number | null;
  /** The value before normalisation. */
  rawValue(row: number, column: number): number | null;
  /** The caller's cell at a display position (a group's first piece). */
  cellIndex(row: number, column: number): CellIndex;
  /** The display position of a caller's cell, or null when it is hidden (or outside the data). */
  positionOf(cell: CellIndex): GridPosition | null;
  /** What events report for a display position. */
  detail(row: number, column: number): CellDetail;
  /** The token axis (the caller's rows) and the output axis (its columns), whichever way the grid is drawn. */
  readonly tokens: DisplayAxis;
  readonly outputs: DisplayAxis;
  /** The display position of a token entry and an output entry (swapped when transposed). */
  at(token: number, output: number): GridPosition;
  /** The caller's rows and columns a display cell covers, [start, end) each; null for a run. */
  ranges(row: number, column: number): { rows: readonly [number, number]; columns: readonly [number, number] } | null;
  /** The visually hidden sentence that describes the grid: shape and extremes. */
  summary(decimals: number): string;
}

/** Everything the model reads: the caller's matrix, both axis plans and the pipeline's values. */
export interface DisplayInput {
  readonly matrix: Matrix;
  /** The caller's rows (tokens) and columns (outputs) as planned. */
  readonly tokens: AxisPlan;
  readonly outputs: AxisPlan;
  /** Group × group values of the caller's orientation (the matrix itself when nothing is grouped). */
  readonly values: CellSource;
  readonly normaliser: Normaliser;
  readonly aggregate: Aggregate;
  /** Extremes of the shown values, in group indices (-1 when none). */
  readonly stats: { min: number; max: number; minRow: number; minColumn: number; maxRow: number; maxColumn: number };
  /** Tokens as columns and outputs as rows. */
  readonly transpose: boolean;
  /** The running-text rule (src/view/running-text.ts, the views feature's); without it every share is ''. */
  readonly runningTexts?: typeof runningTexts;
}

const GROUP = 0;
const PIECE = 1;
const RUN = 2;
const KINDS: readonly EntryKind[] = ['group', 'piece', 'run'];

/** The entries of one axis in display order. */
interface Entries {
  readonly count: number;
  /** GROUP, PIECE or RUN per entry. */
  readonly kind: Uint8Array;
  /** The group (PIECE: its group; RUN: the first hidden group). */
  readonly group: Int32Array;
  /** PIECE: the caller's index; RUN: the group after the run; GROUP: unused. */
  readonly extra: Int32Array;
  /** Per group, its entry (-1 when hidden); an opened group's pieces follow it. */
  readonly entryOf: Int32Array;
  /** RUN: the number of hidden groups. */
  readonly runCount: Int32Array;
}

function buildEntries(plan: AxisPlan): Entries {
  const { segmentation: seg, shown, visible, open } = plan;
  const groups = seg.count;
  let count = 0;
  // First pass sizes the arrays: a group, its opened pieces, or a run for each stretch of hidden groups.
  for (let g = 0, inRun = false; g < groups; g++) {
    if (shown && !shown[g]) continue;
    if (visible && !visible[g]) {
      if (!inRun) count++;
      inRun = true;
      continue;
    }
    inRun = false;
    count += 1 + (open.has(g) ? seg.starts[g + 1] - seg.starts[g] : 0);
  }
  const kind = new Uint8Array(count);
  const group = new Int32Array(count);
  const extra = new Int32Array(count);
  const runCount = new Int32Array(count);
  const entryOf = new Int32Array(groups).fill(-1);
  let e = 0;
  let run = -1;
  for (let g = 0; g < groups; g++) {
    if (shown && !shown[g]) continue;
    if (visible && !visible[g]) {
      if (run < 0) {
        run = e++;
        kind[run] = RUN;
        group[run] = g;
      }
      extra[run] = g + 1;
      runCount[run]++;
      continue;
    }
    run = -1;
    entryOf[g] = e;
    kind[e] = GROUP;
    group[e++] = g;
    if (!open.has(g)) continue;
    for (let p = seg.starts[g]; p < seg.starts[g + 1]; p++) {
      kind[e] = PIECE;
      group[e] = g;
      extra[e++] = p;
    }
  }
  return { count, kind, group, extra, entryOf, runCount };
}

/** Each label list's running-text shares, computed once per list (the matrix keeps its labels). */
const RUNNING = new WeakMap<readonly string[], string[]>();

/** Whether a plan shows one entry per caller index, in order: then nothing needs an entry table. */
const isPlain = (plan: AxisPlan) => !plan.grouped && !plan.shown && !plan.visible && plan.segmentation.count === plan.labels.length;

function axis(plan: AxisPlan, tokens: boolean, shareRule?: typeof runningTexts): DisplayAxis {
  const { labels, family, segmentation: seg, unit } = plan;
  const plain = isPlain(plan);
  const entries = plain ? null : buildEntries(plan);
  const kindOf = (i: number) => (entries ? entries.kind[i] : GROUP);
  const groupOfEntry = (i: number) => (entries ? entries.group[i] : i);
  const range = (i: number): readonly [number, number] => {
    if (!entries) return [i, i + 1];
    const g = entries.group[i];
    switch (entries.kind[i]) {
      case PIECE:
        return [entries.extra[i], entries.extra[i] + 1];
      case RUN:
        return [seg.starts[g], seg.starts[entries.extra[i]]];
      default:
        return [seg.starts[g], seg.starts[g + 1]];
    }
  };
  const size = (g: number) => seg.starts[g + 1] - seg.starts[g];
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const label = (i: number): string => {
    switch (kindOf(i)) {
      case PIECE:
        return cutLabel(pieceText(labels[entries!.extra[i]], family));
      case RUN:
        return `⋯ ${plural(entries!.runCount[i], unit)}`;
      default:
        return cutLabel(plan.texts[groupOfEntry(i)]);
    }
  };
  // The label before cutting, for what a screen reader is told about its length.
  const fullText = (i: number) => (kindOf(i) === PIECE ? labels[entries!.extra[i]] : plan.texts[groupOfEntry(i)]);
  const pieces = (i: number): readonly string[] => (kindOf(i) === RUN ? [] : labels.slice(...range(i)));
  const spoken: string[] = [];
  const exact: string[] = [];
  // Names stay short, as screen readers repeat a header's name with each cell; the exact text
  // (quoted, every piece) is the header's and the cells' description.
  const speak = (i: number): string => {
    const kind = kindOf(i);
    if (kind === RUN) return `${plural(entries!.runCount[i], unit)} hidden`;
    // Named from the cut text: a name costs no more than a short label's, however long the token.
    const words = spokenWords(label(i)) + cutNote(fullText(i));
    const size = pieces(i).length;
    return kind === GROUP && size > 1 ? `${unit} '${words}', ${size} tokens` : words;
  };
  const quote = (i: number): string => {
    if (kindOf(i) === RUN) return '';
    // Each piece quoted up to the display limit, with its length when cut: a description of every
    // header and cell must not repeat 100,000 characters (the tooltip and events keep them all).
    const raw = pieces(i).map((p) => JSON.stringify(cutLabel(p)) + cutNote(p));
    const name = tokens ? 'token' : 'output';
    if (raw.length !== 1) return `${unit} ${JSON.stringify(label(i))}, ${raw.length} ${name}s: ${raw.join(' ')}`;
    // A decoded token (byte-level, a marker turned into a space) quotes what is shown and what was given.
    const text = label(i);
    return text === cutLabel(pieces(i)[0]) ? `${name} ${raw[0]}` : `${JSON.stringify(text)}, ${name} ${raw[0]}`;
  };
  const adds = (i: number) => kindOf(i) !== RUN && (pieces(i).length !== 1 || pieces(i)[0] !== speak(i));
  let longest: string | undefined;
  const count = entries ? entries.count : labels.length;
  const shares = () => {
    let texts = RUNNING.get(labels);
    if (!texts && !shareRule) return labels.map(() => '');
    if (!texts) RUNNING.set(labels, (texts = shareRule!(labels, family)));
    return texts;
  };
  return {
    count,
    tokens,
    unit,
    kind: (i) => KINDS[kindOf(i)],
    group: groupOfEntry,
    groups: (i) => {
      const g = groupOfEntry(i);
      return kindOf(i) === RUN ? [g, entries!.extra[i]] : [g, g + 1];
    },
    range,
    expandable: (i) => kindOf(i) === RUN || (kindOf(i) === GROUP && size(groupOfEntry(i)) > 1),
    expanded: (i) => kindOf(i) === GROUP && plan.open.has(groupOfEntry(i)),
    depth: (i) => (kindOf(i) === PIECE ? 1 : 0),
    label,
    eventLabel: (i) => (kindOf(i) === GROUP && plan.grouped ? plan.texts[groupOfEntry(i)] : labels[range(i)[0]]),
    spoken: (i) => (spoken[i] ??= speak(i)),
    exact: (i) => (exact[i] ??= quote(i)),
    exactAddsMore: adds,
    pieces,
    sourceIndex: (i) => range(i)[0],
    displayIndex(source) {
      if (!(source >= 0 && source < labels.length)) return -1;
      if (!entries) return source;
      const g = plain ? source : groupOf(seg, source);
      const e = g < 0 ? -1 : entries.entryOf[g];
      if (e < 0) return -1;
      return plan.open.has(g) ? e + 1 + source - seg.starts[g] : e;
    },
    runningText(i) {
      if (kindOf(i) === RUN) return '';
      const [start, end] = range(i);
      const texts = shares();
      if (end - start === 1) return texts[start];
      let text = '';
      for (let p = start; p < end; p++) text += texts[p];
      return text;
    },
    special(i) {
      if (kindOf(i) === RUN) return false;
      const [start, end] = range(i);
      for (let p = start; p < end; p++) if (!isSpecialToken(labels[p])) return false;
      return end > start;
    },
    // Scanned once, and only when asked: thousands of labels are not free to scan on every change.
    get longestLabel() {
      if (longest === undefined) {
        longest = '';
        for (let i = 0; i < count; i++) {
          const text = label(i);
          if (text.length > longest.length) longest = text;
        }
      }
      return longest;
    },
  };
}

/**
 * Whether two axes show the same entries (labels, kinds, depths), so their headers measure the same:
 * new values with the same labels rebuild the model but need no new measurement of the grid.
 */
export function sameEntries(a: DisplayAxis, b: DisplayAxis): boolean {
  if (a === b) return true;
  if (a.count !== b.count || a.tokens !== b.tokens) return false;
  for (let i = 0; i < a.count; i++) if (a.label(i) !== b.label(i) || a.kind(i) !== b.kind(i) || a.depth(i) !== b.depth(i)) return false;
  return true;
}

/** The display model of the reading pipeline's result. */
export function displayModel(input: DisplayInput): DisplayModel {
  const { matrix, tokens, outputs, values, normaliser, aggregate, transpose } = input;
  const tokenAxis = axis(tokens, true, input.runningTexts);
  const outputAxis = axis(outputs, false, input.runningTexts);
  const rows = transpose ? outputAxis : tokenAxis;
  const columns = transpose ? tokenAxis : outputAxis;
  // The caller's orientation: a display position as (token entry, output entry).
  const oriented = (row: number, column: number): [number, number] => (transpose ? [column, row] : [row, column]);
  const normalised = normaliser.mode !== 'none';

  const read = (row: number, column: number, normalise: boolean): number | null => {
    const [t, o] = oriented(row, column);
    const tk = tokenAxis.kind(t);
    const ok = outputAxis.kind(o);
    if (tk === 'run' || ok === 'run') return null;
    const tg = tokenAxis.group(t);
    const og = outputAxis.group(o);
    let v: number;
    if (tk === 'group' && ok === 'group') v = values.at(tg, og);
    else {
      const [r0, r1] = tokenAxis.range(t);
      const [c0, c1] = outputAxis.range(o);
      v = r1 - r0 === 1 && c1 - c0 === 1 ? matrix.at(r0, c0) : aggregateRange(matrix, r0, r1, c0, c1, aggregate);
    }
    if (Number.isNaN(v)) return null;
    return normalise && normalised ? normaliser.apply(v, tg, og) : v;
  };

  const cellIndex = (row: number, column: number): CellIndex => {
    const [t, o] = oriented(row, column);
    return { rowIndex: tokenAxis.sourceIndex(t), columnIndex: outputAxis.sourceIndex(o) };
  };

  return {
    rows,
    columns,
    tokens: tokenAxis,
    outputs: outputAxis,
    at: (token, output) => (transpose ? { row: output, column: token } : { row: token, column: output }),
    ranges(row, column) {
      const [t, o] = oriented(row, column);
      if (tokenAxis.kind(t) === 'run' || outputAxis.kind(o) === 'run') return null;
      return { rows: tokenAxis.range(t), columns: outputAxis.range(o) };
    },
    normalised,
    value: (row, column) => read(row, column, true),
    rawValue: (row, column) => read(row, column, false),
    cellIndex,
    positionOf(given) {
      const cell = plainCell(given);
      if (!cell || cell.rowIndex >= matrix.rowCount || cell.columnIndex >= matrix.columnCount) return null;
      const t = tokenAxis.displayIndex(cell.rowIndex);
      const o = outputAxis.displayIndex(cell.columnIndex);
      if (t < 0 || o < 0) return null;
      const [row, column] = oriented(t, o);
      return { row, column };
    },
    detail(row, column) {
      const [t, o] = oriented(row, column);
      const { rowIndex, columnIndex } = cellIndex(row, column);
      const detail: CellDetail = {
        rowIndex,
        columnIndex,
        row: tokenAxis.eventLabel(t),
        column: outputAxis.eventLabel(o),
        value: read(row, column, true),
      };
      const extra: { rawValue?: number | null; rowIndices?: number[]; columnIndices?: number[] } = {};
      if (normalised) extra.rawValue = read(row, column, false);
      if (tokens.grouped && tokenAxis.kind(t) === 'group') extra.rowIndices = indices(tokenAxis.range(t));
      if (outputs.grouped && outputAxis.kind(o) === 'group') extra.columnIndices = indices(outputAxis.range(o));
      return { ...detail, ...extra };
    },
    summary(decimals) {
      const { stats } = input;
      const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      let text = `${plural(tokens.segmentation.count, tokens.unit)} × ${plural(outputs.segmentation.count, outputs.grouped ? outputs.unit : 'output')}`;
      const at = (g: number, h: number) => `'${spokenToken(cutLabel(tokens.texts[g]))}' × '${spokenToken(cutLabel(outputs.texts[h]))}'`;
      if (stats.maxRow >= 0) {
        text += `; largest ${formatValue(stats.max, decimals)} at ${at(stats.maxRow, stats.maxColumn)}`;
        text += `; smallest ${formatValue(stats.min, decimals)} at ${at(stats.minRow, stats.minColumn)}`;
      }
      return text + '.';
    },
  };
}

const indices = ([start, end]: readonly [number, number]) => Array.from({ length: end - start }, (_, i) => start + i);

/** A cell index read once into a plain object, or null when the value is not one or cannot be read (a revoked Proxy, a throwing getter). */
export function plainCell(value: unknown): CellIndex | null {
  if (typeof value !== 'object' || value === null) return null;
  try {
    const { rowIndex, columnIndex } = value as CellIndex;
    return Number.isInteger(rowIndex) && Number.isInteger(columnIndex) && rowIndex >= 0 && columnIndex >= 0 ? { rowIndex, columnIndex } : null;
  } catch {
    return null;
  }
}
