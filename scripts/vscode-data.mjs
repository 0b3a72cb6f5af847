// `node scripts/vscode-data.mjs [out]` → dist/vscode.html-custom-data.json (or `out`): VS Code's
// HTML custom data (`html.customData`) for the custom elements in custom-elements.json, so editors
// complete <token-heatmap>, its attributes and their values, and show the descriptions on hover.
// Runs after `cem analyze` in `npm run build`; the scheme names come from the built module.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../', import.meta.url);
export const DEFAULT_OUT = fileURLToPath(new URL('dist/vscode.html-custom-data.json', ROOT));

/** The strings of a union of string literals (`'light' | 'dark' | undefined` → light, dark); [] for any other type. */
export function literalValues(typeText = '') {
  const parts = typeText
    .split('|')
    .map((part) => part.trim())
    .filter((part) => part !== 'undefined' && part !== 'null');
  const literals = parts.map((part) => /^(['"])(.*)\1$/.exec(part)?.[2]);
  return parts.length && literals.every((literal) => literal !== undefined) ? literals : [];
}

const markdown = (value) => ({ kind: 'markdown', value });
// JSDoc links ({@link CellDetail}) read as plain names in a hover.
const plain = (text = '') => text.replace(/\{@link\s+([^}\s]+)\s*\}/g, '`$1`').trim();
const list = (title, items, name) =>
  items?.length
    ? [[`**${title}**`, ...items.map((item) => `- \`${name(item)}\`${item.description ? ` — ${plain(item.description)}` : ''}`)].join('\n')]
    : [];

/** One attribute: its description with type and default, its values when the type lists them. */
function attribute(attr, extraValues = []) {
  const type = attr.type?.text ?? '';
  const details = [type && `Type: \`${type}\``, attr.default !== undefined && `Default: \`${attr.default}\``].filter(Boolean);
  const values = [...new Set([...literalValues(type), ...extraValues])];
  return {
    name: attr.name,
    description: markdown([plain(attr.description), details.join(' · ')].filter(Boolean).join('\n\n')),
    // A boolean attribute is written bare: `<token-heatmap transpose>`.
    ...(type === 'boolean' ? { valueSet: 'v' } : {}),
    ...(values.length ? { values: values.map((name) => ({ name })) } : {}),
  };
}

/**
 * VS Code HTML custom data for every custom element declared in a custom-elements manifest.
 * `extraValues` adds completions per attribute name, for values a type does not list (scheme names).
 */
export function customData(manifest, { extraValues = {} } = {}) {
  const tags = [];
  for (const module of manifest.modules ?? []) {
    for (const d of module.declarations ?? []) {
      if (!d.customElement || !d.tagName) continue;
      const description = [
        plain(d.description),
        ...list('Events', d.events, (e) => e.name),
        ...list('Slots', d.slots, (s) => s.name || '(default)'),
        ...list('CSS parts', d.cssParts, (p) => `::part(${p.name})`),
        ...list('CSS custom properties', d.cssProperties, (p) => p.name),
      ].join('\n\n');
      tags.push({
        name: d.tagName,
        description: markdown(description),
        attributes: (d.attributes ?? []).map((a) => attribute(a, extraValues[a.name])),
      });
    }
  }
  return { version: 1.1, tags };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = process.argv[2] ?? DEFAULT_OUT;
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', ROOT), 'utf8'));
  // SCHEME_NAMES is computed from d3-scale-chromatic, so the manifest cannot list it.
  const { SCHEME_NAMES } = await import(new URL('dist/token-heatmap.js', ROOT).href);
  const data = customData(manifest, { extraValues: { scheme: SCHEME_NAMES } });
  if (!data.tags.length) throw new Error('custom-elements.json declares no custom element');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(data, null, 2)}\n`);
  console.log(`${out}: ${data.tags.map((t) => `<${t.name}> with ${t.attributes.length} attributes`).join(', ')}`);
}
