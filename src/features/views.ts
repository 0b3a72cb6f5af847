// The text view (`view="text"` or `"both"`) and the step scores (`stepScores`): loaded when either is asked for.
export { TextViewController } from '../text-view/text-view-controller.js';
export { renderTextView } from '../text-view/render-text-view.js';
export { renderStepLegends, stepAppendix, stepScoresAt, StepColors } from '../step-scores/render-step-scores.js';
export { readStepScores } from '../step-scores/step-scores.js';
