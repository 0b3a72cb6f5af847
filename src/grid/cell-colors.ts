import { isServer } from 'lit';
import { bestTextColor, parseColor } from '../color.js';
import { scalePosition, type Domain } from '../scale.js';
import type { Interpolator } from '../schemes.js';

/** Memo entries kept before the memo starts again: a million distinct values must not pin a million strings. */
const MEMO_LIMIT = 50_000;

/**
 * Cell colours: each value's background from the interpolator and the text colour of highest
 * contrast on it, memoised per value so a one-value update recolours one cell.
 */
export class CellColors {
  private _memo = new Map<number, readonly [string, string]>();
  private _version = 0;
  private _domain?: Domain;
  private _interpolate?: Interpolator;
  private _canvas?: CanvasRenderingContext2D | null;

  /** Sets the scale; the memo is kept while neither the domain nor the interpolator changes. */
  configure(domain: Domain, interpolate: Interpolator): void {
    const old = this._domain;
    if (interpolate !== this._interpolate || !old || old.min !== domain.min || old.max !== domain.max || old.center !== domain.center) {
      this._memo.clear();
      this._version++;
    }
    this._domain = domain;
    this._interpolate = interpolate;
  }

  /** Changes whenever a value's colours may have (a new domain or interpolator). */
  get version(): number {
    return this._version;
  }

  /** The background of a value's cell and its text colour. */
  colorFor(value: number): readonly [background: string, text: string] {
    let pair = this._memo.get(value);
    if (!pair) {
      const background = String(this._interpolate!(scalePosition(value, this._domain!)));
      const rgb = parseColor(background) ?? parseColor(this._browserColor(background)) ?? [255, 255, 255];
      pair = [background, bestTextColor(rgb)];
      if (this._memo.size > MEMO_LIMIT) this._memo.clear();
      this._memo.set(value, pair);
    }
    return pair;
  }

  /** Any CSS colour as the browser serialises it (`#rrggbb` or `rgba()`), for colour names, hsl() and the like. */
  private _browserColor(css: string): string {
    if (isServer) return css;
    this._canvas ??= document.createElement('canvas').getContext('2d');
    if (!this._canvas) return css;
    this._canvas.fillStyle = '#fff';
    this._canvas.fillStyle = css;
    return String(this._canvas.fillStyle);
  }
}
