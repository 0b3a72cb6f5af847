import { noChange } from 'lit';
import { Directive, directive, type AttributePart } from 'lit/directive.js';

/**
 * Binds a `style` attribute through the CSSOM (`style.cssText`), which a strict
 * Content-Security-Policy (`style-src 'self'`) allows while it blocks
 * `setAttribute('style', …)`. Server rendering still writes the attribute.
 */
class CssTextDirective extends Directive {
  private _last?: string;

  render(css: string): string {
    return css;
  }

  override update(part: AttributePart, [css]: [string]): typeof noChange {
    if (css !== this._last) {
      this._last = css;
      (part.element as HTMLElement).style.cssText = css;
    }
    return noChange;
  }
}

/** `style=${cssText('…')}`: a CSP-safe style binding. */
export const cssText = directive(CssTextDirective);
