// One caller axis through the grouping rules (words, sentences, lines, the caller's own groups,
// hidden special tokens): the reading feature's first step (src/features/reading.ts).
import type { AxisPlan } from './display-model.js';
import {
  explicitSegmentation,
  identitySegmentation,
  isIdentity,
  nonSpecialGroups,
  segment,
  groupTexts,
  type GroupBy,
  type Segmentation,
} from './grouping.js';
import { isSpecialToken, pieceText, tokenizerFamily } from './tokenizer.js';

/** A caller axis after grouping, before focus and opened groups. */
export interface AxisGroups {
  readonly plan: Omit<AxisPlan, 'visible' | 'open'>;
  /** Pieces that take part (hidden specials inside the caller's own groups are left out). */
  readonly pieces?: Uint8Array;
  readonly problem?: string;
}

export const UNITS: Record<GroupBy, string> = { tokens: 'token', words: 'word', sentences: 'sentence', lines: 'line' };

/** Groups one caller axis: by its rule, or by the caller's segmentation when one is given. */
export function groupAxis(labels: readonly string[], by: GroupBy, explicit: unknown, name: string, hideSpecial: boolean, tokens: boolean): AxisGroups {
  const family = tokenizerFamily(labels);
  const given = explicitSegmentation(name, explicit, labels.length);
  const segmentation: Segmentation = given.segmentation ?? (by === 'tokens' ? identitySegmentation(labels.length) : segment(labels, by, family));
  const grouped = !!given.segmentation || by !== 'tokens';
  const texts = grouped && !isIdentity(segmentation) ? groupTexts(labels, segmentation, family) : labels.map((label) => pieceText(label, family));
  const shown = hideSpecial ? nonSpecialGroups(labels, segmentation) : undefined;
  const unit = given.segmentation ? 'group' : tokens || grouped ? UNITS[by] : 'output';
  let pieces: Uint8Array | undefined;
  // Rules never merge a special token with anything; the caller's own groups may.
  if (hideSpecial && given.segmentation) pieces = Uint8Array.from(labels, (label) => (isSpecialToken(label) ? 0 : 1));
  return { plan: { labels, family, segmentation, grouped, unit, texts, shown: shown && !shown.every(Boolean) ? shown : undefined }, pieces, problem: given.problem };
}

