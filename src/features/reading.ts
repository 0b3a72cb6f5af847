// The reading feature: grouping (words, sentences, lines, the caller's groups, hidden special
// tokens), normalisation, focus (top-k, threshold) and comparison, loaded when an option asks for one.
export { groupAxis } from '../view/group-axis.js';
export { groupValues } from '../view/aggregate.js';
export { normalisation } from '../view/normalise.js';
export { focusRows, rowScores } from '../view/focus.js';
export { compareStep, compareValuesAt } from '../view/compare.js';
