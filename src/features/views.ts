// The text view (`view="text"` or `"both"`) and the step scores (`stepScores`): loaded when either is asked for.
export { ViewsLayer } from '../text-view/views-layer.js';
export { readStepScores } from '../step-scores/step-scores.js';
export { runningTexts } from '../view/running-text.js';
export { viewsStyles as styles } from '../text-view/views.styles.js';
