// A label of 100,000 characters costs its length in every place it is drawn or named: text layout,
// the header's accessible name, every cell name that repeats it. Past this many characters a label is
// cut where it is drawn and named (CSS would hide the rest behind an ellipsis anyway); the full text
// stays where one label is shown at a time: events, the tooltip's exact quote.

/** UTF-16 units of a label drawn or named in the grid; beyond this it is cut with "…". */
export const LABEL_DISPLAY_LIMIT = 200;

/** The label as drawn: at most `limit` UTF-16 units (never half a surrogate pair), then "…" when cut. */
export function cutLabel(text: string, limit = LABEL_DISPLAY_LIMIT): string {
  if (text.length <= limit) return text;
  const high = text.charCodeAt(limit - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
  return `${text.slice(0, end)}…`;
}

/** What a screen reader is told about a cut label's length: ", 100000 characters", or nothing when it was not cut. */
export const cutNote = (text: string, limit = LABEL_DISPLAY_LIMIT) => (text.length > limit ? ` (cut; ${text.length} characters)` : '');
