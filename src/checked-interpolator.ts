// The caller's `interpolator` runs on every cell and colour-bar stop, so anything it does reaches a
// style: it may throw, return a non-string, or return `red;background-image:url(…)`. Each colour
// goes through cssColor before it is used; a rejected one is drawn from the fallback scheme instead,
// and the first rejection is kept so the element can say so once.
import { cssColor } from './css-color.js';
import { errorText } from './safe-read.js';
import { InterpolatorChoice as SchemeOrChecked } from './interpolator-choice.js';
import type { Interpolator } from './schemes.js';
import { shown } from './shown.js';

/** Where on the scale the element tries a new interpolator before drawing: the colour bar's ends, middle and stops. */
export const PROBE_POSITIONS: readonly number[] = Array.from({ length: 33 }, (_, k) => k / 32);

/** An interpolator that always returns exactly one CSS colour, and remembers the first it had to replace. */
export class CheckedInterpolator {
  private _rejection?: string;

  constructor(
    private readonly _source: (t: number) => unknown,
    private readonly _fallback: Interpolator,
    /** The fallback's name, for the message. */
    private readonly _fallbackName: string,
  ) {}

  /** The colour at t: the caller's when it is one CSS colour, else the fallback's. Never throws. */
  readonly interpolate: Interpolator = (t) => {
    let color: string | null;
    let got: string;
    try {
      const value = this._source(t);
      color = cssColor(value);
      if (color !== null) return color;
      got = `returned ${shown(value)}, not one CSS colour`;
    } catch (error) {
      got = `threw ${errorText(error)}`;
    }
    this._rejection ??= `at t = ${shown(t, 12)} it ${got}`;
    return this._fallback(t);
  };

  /** Calls the interpolator at each position, so that a function that fails somewhere is found before drawing. */
  probe(positions: readonly number[] = PROBE_POSITIONS): void {
    for (const t of positions) {
      if (this._rejection) return;
      this.interpolate(t);
    }
  }

  /** One sentence about the first colour replaced, or undefined when none was. */
  get problem(): string | undefined {
    return this._rejection && `interpolator: ${this._rejection}; such colours are drawn from ${this._fallbackName}`;
  }
}

/** InterpolatorChoice with the checker at hand (for code that has it already, such as the tests); the element's asks the colours feature. */
export class InterpolatorChoice extends SchemeOrChecked {
  constructor() {
    super(() => CheckedInterpolator);
  }
}
