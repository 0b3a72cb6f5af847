// The caller's colours: the checks of a user `interpolator`'s every colour (src/css-color.ts),
// loaded when `interpolator` is a function. The built-in schemes need none of it.
export { CheckedInterpolator } from '../checked-interpolator.js';
