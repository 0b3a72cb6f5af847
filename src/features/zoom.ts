// The zoom feature: zoom, pan and the overview canvas (with its Worker) for matrices too large for
// readable cells, loaded when `zoom` is set or the readable grid does not fit (src/features/zoom-gate.ts).
export { ZoomController } from '../zoom/zoom-controller.js';
export { overviewSource } from '../overview/source.js';
export { valueShape } from '../zoom/view.js';
export { zoomStyles as styles } from '../zoom/zoom.styles.js';
