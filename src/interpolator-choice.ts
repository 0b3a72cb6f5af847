// Which interpolator the element draws with (the core part: built-in schemes are trusted; a caller's
// function goes through the colours feature's CheckedInterpolator, src/checked-interpolator.ts).
import type { CheckedInterpolator } from './checked-interpolator.js';
import { features } from './features/registry.js';
import { drawnScheme, type Interpolator } from './schemes.js';
import { shown } from './shown.js';

/**
 * The interpolator to draw with, chosen from `scheme` and `interpolator`: the caller's function,
 * checked, or the named scheme. The same function and scheme keep the same checked interpolator, so
 * the cell-colour memo and the reported rejection survive unrelated updates. The checker is the
 * colours feature's (src/features/colours.ts), loaded when `interpolator` is a function; while it is
 * missing (its load failed, which the element reports) the named scheme draws.
 */
export class InterpolatorChoice {
  private _function: unknown;
  private _scheme = '';
  private _checked: CheckedInterpolator | null = null;

  constructor(
    /** The checker class, once the colours feature is loaded. */
    private readonly _checker: () => typeof CheckedInterpolator | undefined = () => features.colours?.CheckedInterpolator,
  ) {}

  /** What to draw with for this scheme name (already checked by the schema) and interpolator. */
  pick(scheme: string, interpolator: unknown): { interpolate: Interpolator; problem?: string } {
    const named = drawnScheme(scheme);
    if (typeof interpolator !== 'function') this._checked = null;
    if (interpolator === undefined || interpolator === null) return { interpolate: named };
    if (typeof interpolator !== 'function') return { interpolate: named, problem: `interpolator: ${shown(interpolator)} is not a (t) => colour function; using ${scheme}` };
    const Checked = this._checker();
    if (!Checked) return { interpolate: named };
    if (!this._checked || this._function !== interpolator || this._scheme !== scheme) {
      this._checked = new Checked(interpolator as (t: number) => unknown, named, scheme);
      this._function = interpolator;
      this._scheme = scheme;
    }
    this._checked.probe();
    return { interpolate: this._checked.interpolate, problem: this._checked.problem };
  }

  /** The problem of the interpolator in use, including colours rejected while drawing. */
  get problem(): string | undefined {
    return this._checked?.problem;
  }
}
