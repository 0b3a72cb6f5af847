import { html, type TemplateResult } from 'lit';
import { tokenParts } from '../tokens.js';

/** A label as text, with muted glyphs standing for invisible characters; never parsed as HTML. */
export function renderLabel(text: string): TemplateResult {
  return html`<span class="text">${tokenParts(text).map((p) => (p.glyph ? html`<span class="glyph">${p.text}</span>` : p.text))}</span>`;
}
