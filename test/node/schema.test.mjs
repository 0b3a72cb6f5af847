// The property schema (src/properties.ts) against what is generated or written from it: the class's
// documented fields in custom-elements.json and the README's property table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = new URL('../../', import.meta.url);
const { PROPERTIES } = await import(new URL('dist/ssr.js', ROOT).href);
const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', ROOT), 'utf8'));
const element = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === 'token-heatmap');

test('every schema property is a documented field of the class, with the same one-line doc', () => {
  for (const spec of PROPERTIES) {
    const field = element.members.find((m) => m.kind === 'field' && m.name === spec.name);
    assert.ok(field, `${spec.name}: no field in the class`);
    assert.equal(field.description, spec.doc, `${spec.name}: the class's /** … */ differs from the schema's doc`);
    if (spec.kind.type === 'choice') {
      const literals = field.type.text.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined');
      assert.deepEqual(literals, spec.kind.choices.map((c) => `'${c}'`), `${spec.name}: the field's type lists other choices than the schema`);
    }
  }
});

test('the manifest lists exactly the schema attributes', () => {
  assert.deepEqual(
    element.attributes.map((a) => [a.name, a.fieldName]),
    PROPERTIES.filter((p) => p.attribute !== false).map((p) => [p.attribute, p.name]),
  );
});

test('the README property table is the one generated from the schema (node scripts/schema-docs.mjs)', () => {
  const run = spawnSync(process.execPath, [fileURLToPath(new URL('scripts/schema-docs.mjs', ROOT)), '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr || run.stdout);
});
