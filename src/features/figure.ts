// SVG and PNG export (toSVG, toPNG and the menu's two image entries): loaded on first use.
export { elementSvg } from '../export/element-figure.js';
export { svgToPng } from '../export/browser-export.js';
