// SVG and PNG export (toSVG, toPNG and the menu's two image entries): loaded on first use.
export { figureFromView } from '../export/figure.js';
export { renderFigureSvg } from '../export/svg.js';
export { canvasOverview, svgToPng } from '../export/browser-export.js';
