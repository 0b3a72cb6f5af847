import {
  interpolateBrBG,
  interpolatePRGn,
  interpolatePiYG,
  interpolatePuOr,
  interpolateRdBu,
  interpolateRdGy,
  interpolateRdYlBu,
  interpolateRdYlGn,
  interpolateSpectral,
  interpolateBlues,
  interpolateGreens,
  interpolateGreys,
  interpolateOranges,
  interpolatePurples,
  interpolateReds,
  interpolateBuGn,
  interpolateBuPu,
  interpolateGnBu,
  interpolateOrRd,
  interpolatePuBuGn,
  interpolatePuBu,
  interpolatePuRd,
  interpolateRdPu,
  interpolateYlGnBu,
  interpolateYlGn,
  interpolateYlOrBr,
  interpolateYlOrRd,
  interpolateTurbo,
  interpolateViridis,
  interpolateMagma,
  interpolateInferno,
  interpolatePlasma,
  interpolateCividis,
  interpolateWarm,
  interpolateCool,
  interpolateCubehelixDefault,
  interpolateRainbow,
  interpolateSinebow,
} from 'd3-scale-chromatic';

/** Maps a position 0–1 on the colour scale to a CSS colour. */
export type Interpolator = (t: number) => string;

// Named one by one (not `import *`) so bundles keep only the interpolators,
// not d3-scale-chromatic's categorical schemes.
const SCHEMES: Record<string, Interpolator> = {
  brbg: interpolateBrBG,
  prgn: interpolatePRGn,
  piyg: interpolatePiYG,
  puor: interpolatePuOr,
  rdbu: interpolateRdBu,
  rdgy: interpolateRdGy,
  rdylbu: interpolateRdYlBu,
  rdylgn: interpolateRdYlGn,
  spectral: interpolateSpectral,
  blues: interpolateBlues,
  greens: interpolateGreens,
  greys: interpolateGreys,
  oranges: interpolateOranges,
  purples: interpolatePurples,
  reds: interpolateReds,
  bugn: interpolateBuGn,
  bupu: interpolateBuPu,
  gnbu: interpolateGnBu,
  orrd: interpolateOrRd,
  pubugn: interpolatePuBuGn,
  pubu: interpolatePuBu,
  purd: interpolatePuRd,
  rdpu: interpolateRdPu,
  ylgnbu: interpolateYlGnBu,
  ylgn: interpolateYlGn,
  ylorbr: interpolateYlOrBr,
  ylorrd: interpolateYlOrRd,
  turbo: interpolateTurbo,
  viridis: interpolateViridis,
  magma: interpolateMagma,
  inferno: interpolateInferno,
  plasma: interpolatePlasma,
  cividis: interpolateCividis,
  warm: interpolateWarm,
  cool: interpolateCool,
  cubehelixdefault: interpolateCubehelixDefault,
  rainbow: interpolateRainbow,
  sinebow: interpolateSinebow,
};

/** The default colour scheme, as in the reference figure. */
export const DEFAULT_SCHEME = 'RdYlGn';

/** Every scheme name `scheme` accepts, in d3's spelling. */
export const SCHEME_NAMES: readonly string[] = [
  'BrBG', 'PRGn', 'PiYG', 'PuOr', 'RdBu', 'RdGy', 'RdYlBu', 'RdYlGn', 'Spectral', 'Blues', 'Greens', 'Greys', 'Oranges', 'Purples', 'Reds', 'BuGn', 'BuPu', 'GnBu', 'OrRd', 'PuBuGn', 'PuBu', 'PuRd', 'RdPu', 'YlGnBu', 'YlGn', 'YlOrBr', 'YlOrRd', 'Turbo', 'Viridis', 'Magma', 'Inferno', 'Plasma', 'Cividis', 'Warm', 'Cool', 'CubehelixDefault', 'Rainbow', 'Sinebow'];

/**
 * The d3-scale-chromatic interpolator for a scheme name, case-insensitive,
 * with or without the `interpolate` prefix; null for an unknown name.
 */
export function schemeInterpolator(name: string): Interpolator | null {
  const key = name.trim().toLowerCase().replace(/^interpolate/, '');
  return Object.prototype.hasOwnProperty.call(SCHEMES, key) ? SCHEMES[key] : null;
}
