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
  BrBG: interpolateBrBG,
  PRGn: interpolatePRGn,
  PiYG: interpolatePiYG,
  PuOr: interpolatePuOr,
  RdBu: interpolateRdBu,
  RdGy: interpolateRdGy,
  RdYlBu: interpolateRdYlBu,
  RdYlGn: interpolateRdYlGn,
  Spectral: interpolateSpectral,
  Blues: interpolateBlues,
  Greens: interpolateGreens,
  Greys: interpolateGreys,
  Oranges: interpolateOranges,
  Purples: interpolatePurples,
  Reds: interpolateReds,
  BuGn: interpolateBuGn,
  BuPu: interpolateBuPu,
  GnBu: interpolateGnBu,
  OrRd: interpolateOrRd,
  PuBuGn: interpolatePuBuGn,
  PuBu: interpolatePuBu,
  PuRd: interpolatePuRd,
  RdPu: interpolateRdPu,
  YlGnBu: interpolateYlGnBu,
  YlGn: interpolateYlGn,
  YlOrBr: interpolateYlOrBr,
  YlOrRd: interpolateYlOrRd,
  Turbo: interpolateTurbo,
  Viridis: interpolateViridis,
  Magma: interpolateMagma,
  Inferno: interpolateInferno,
  Plasma: interpolatePlasma,
  Cividis: interpolateCividis,
  Warm: interpolateWarm,
  Cool: interpolateCool,
  CubehelixDefault: interpolateCubehelixDefault,
  Rainbow: interpolateRainbow,
  Sinebow: interpolateSinebow,
};

/** The default colour scheme, as in the reference figure. */
export const DEFAULT_SCHEME = 'RdYlGn';

/** Every scheme name `scheme` accepts, in d3's spelling. */
export const SCHEME_NAMES: readonly string[] = Object.keys(SCHEMES);

/**
 * The d3-scale-chromatic interpolator for a scheme name, case-insensitive,
 * with or without the `interpolate` prefix; null for an unknown name.
 */
export function schemeInterpolator(name: string): Interpolator | null {
  const key = name.trim().toLowerCase().replace(/^interpolate/, '');
  const match = SCHEME_NAMES.find((n) => n.toLowerCase() === key);
  return match ? SCHEMES[match] : null;
}

/** The interpolator a `scheme` value draws with: its scheme's, or DEFAULT_SCHEME's for anything else (any value may be set). */
export function drawnScheme(scheme: unknown): Interpolator {
  return (typeof scheme === 'string' ? schemeInterpolator(scheme) : null) ?? SCHEMES[DEFAULT_SCHEME];
}
