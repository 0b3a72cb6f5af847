import type { CSSResultOrNative, LitElement } from 'lit';

// A constructed style sheet belongs to the document whose CSSStyleSheet made it: a shadow root moved
// into another document (an iframe) loses its adopted sheets, and adopting the old ones there throws
// ("Sharing constructed stylesheets in multiple documents is not allowed"). Lit 3.3 adopts once, on
// first connection (lit/lit#4868, #5162), so the element re-adopts sheets made by its new document.

/** The element's sheets as made by each document other than the one that defined the element. */
const sheetsByDocument = new WeakMap<Document, CSSStyleSheet[]>();

/** The sheets for `styles` that a shadow root in `doc` can adopt; null when that document cannot make any (no window). */
function sheetsFor(doc: Document, styles: readonly CSSResultOrNative[]): CSSStyleSheet[] | null {
  const own = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet));
  if (doc === document) return own.every(Boolean) ? (own as CSSStyleSheet[]) : null;
  let sheets = sheetsByDocument.get(doc);
  // A feature's styles added since (src/features/): made again, all of them.
  if (!sheets || sheets.length !== styles.length) {
    const Sheet = doc.defaultView?.CSSStyleSheet;
    if (!Sheet) return null;
    sheets = styles.map((s) => {
      const sheet = new Sheet();
      sheet.replaceSync(s instanceof CSSStyleSheet ? [...s.cssRules].map((r) => r.cssText).join('\n') : s.cssText);
      return sheet;
    });
    sheetsByDocument.set(doc, sheets);
  }
  return sheets;
}

/**
 * Adopts the element's styles into its shadow root for the document it is in now. Returns false when
 * the root cannot adopt sheets there (no constructable style sheets, or a document without a window).
 */
export function adoptDocumentStyles(root: ShadowRoot, styles: readonly CSSResultOrNative[]): boolean {
  if (!('adoptedStyleSheets' in root)) return false;
  const sheets = sheetsFor(root.ownerDocument, styles);
  if (!sheets) return false;
  const current = root.adoptedStyleSheets;
  if (current.length !== sheets.length || current.some((s, i) => s !== sheets[i])) root.adoptedStyleSheets = sheets;
  return true;
}

/**
 * Adopts styles added to the element's class since `adopted` (a feature's, loaded later) into its
 * shadow root; returns the styles it now has. A root the server rendered (its own <style>s) is left alone.
 */
export function adoptAddedStyles(element: LitElement, adopted: readonly CSSResultOrNative[]): readonly CSSResultOrNative[] {
  const styles = (element.constructor as typeof LitElement).elementStyles;
  const root = element.shadowRoot;
  if (styles === adopted || !root) return styles;
  if (!('adoptedStyleSheets' in (root as object))) {
    // No constructable sheets (Lit drew <style>s): one more for each added style.
    for (const style of styles) if (!adopted.includes(style)) (root as ShadowRoot).append(Object.assign((root as ShadowRoot).ownerDocument.createElement('style'), { textContent: 'cssText' in style ? style.cssText : '' }));
  } else if (root.adoptedStyleSheets.length) adoptDocumentStyles(root, styles);
  return styles;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the mixin pattern's constructor type
type LitElementClass = abstract new (...args: any[]) => LitElement;

/**
 * A LitElement whose styles follow it into other documents: its shadow root adopts sheets made by the
 * document it is in, on first connection and on every connection after a move.
 */
export function StylesPerDocument<T extends LitElementClass>(Base: T) {
  abstract class Styled extends Base {
    /** Whether the element adopted its sheets itself (not a server-rendered root with <style>s). */
    private _adoptsStyles = false;

    protected override createRenderRoot(): HTMLElement | DocumentFragment {
      const element = this.constructor as typeof LitElement;
      this._adoptsStyles = !this.shadowRoot;
      // Lit adopts sheets made by the defining document, which a shadow root elsewhere cannot use.
      if (this.shadowRoot || this.ownerDocument === document) return super.createRenderRoot();
      const root = this.attachShadow(element.shadowRootOptions);
      adoptDocumentStyles(root, element.elementStyles);
      return root;
    }

    override connectedCallback(): void {
      super.connectedCallback();
      if (this._adoptsStyles && this.shadowRoot) adoptDocumentStyles(this.shadowRoot, (this.constructor as typeof LitElement).elementStyles);
    }
  }
  // Adds no public member: typed as the base, which also keeps Lit's private members out of declarations.
  return Styled as unknown as T;
}
