// scripts/vscode-data.mjs: the VS Code HTML custom data an editor loads through `html.customData`.
// Runs the script on the built manifest and module (`npm run build` first) into a temporary file.
import { test, describe, before } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './browser.mjs';
import { literalValues } from '../../scripts/vscode-data.mjs';

describe('VS Code custom data', () => {
  let tag;
  const attribute = (name) => tag.attributes.find((a) => a.name === name);
  const valuesOf = (name) => attribute(name).values?.map((v) => v.name);

  before(() => {
    const out = join(mkdtempSync(join(tmpdir(), 'vscode-data-')), 'custom-data.json');
    execFileSync(process.execPath, [join(ROOT, 'scripts/vscode-data.mjs'), out], { cwd: ROOT });
    const data = JSON.parse(readFileSync(out, 'utf8'));
    assert.equal(data.version, 1.1);
    assert.equal(data.tags.length, 1);
    tag = data.tags[0];
  });

  test('describes <token-heatmap> with its events, slots and parts', () => {
    assert.equal(tag.name, 'token-heatmap');
    assert.equal(tag.description.kind, 'markdown');
    assert.match(tag.description.value, /^A token-attribution heatmap/);
    assert.match(tag.description.value, /- `cell-select` — A cell was selected by click/);
    assert.match(tag.description.value, /- `caption` — Replaces the built-in caption/);
    assert.match(tag.description.value, /- `::part\(cell\)`/);
    assert.match(tag.description.value, /- `--token-heatmap-cell-width`/);
  });

  test('lists every attribute, with its description, and no property-only field', () => {
    assert.deepEqual(
      tag.attributes.map((a) => a.name),
      [
        ...['rows', 'columns', 'values', 'min', 'max', 'center', 'scheme', 'decimals', 'label', 'caption', 'caption-level', 'transpose', 'selected', 'theme', 'crosshair'],
        ...['column-label-orientation', 'group-rows', 'group-columns', 'row-groups', 'column-groups', 'aggregate', 'normalize', 'top-k', 'threshold', 'hide-special'],
        ...['view', 'target-rows', 'step-scores', 'compare', 'compare-mode', 'no-export'],
        ...['zoom'],
      ],
    );
    for (const a of tag.attributes) assert.ok(a.description.value.length > 20, `${a.name} has a description`);
    assert.match(attribute('rows').description.value, /JSON array in the attribute\.\n\nType: `string\[\]` · Default: `\[\]`$/);
    assert.match(attribute('decimals').description.value, /Default: `4`$/);
  });

  test('offers the values of enumerated attributes', () => {
    assert.deepEqual(valuesOf('theme'), ['light', 'dark']);
    assert.deepEqual(valuesOf('crosshair'), ['labels', 'band']);
    assert.deepEqual(valuesOf('column-label-orientation'), ['auto', 'horizontal', 'vertical']);
    assert.deepEqual(valuesOf('group-rows'), ['tokens', 'words', 'sentences', 'lines']);
    assert.deepEqual(valuesOf('normalize'), ['none', 'column', 'row', 'all']);
    assert.deepEqual(valuesOf('view'), ['grid', 'text', 'both']);
    assert.deepEqual(valuesOf('compare-mode'), ['diff', 'a', 'b']);
    assert.ok(valuesOf('scheme').includes('RdYlGn'));
    assert.ok(valuesOf('scheme').includes('Viridis'));
    assert.equal(attribute('rows').values, undefined);
    assert.equal(attribute('label').values, undefined);
  });

  test('marks the boolean attribute as written bare', () => {
    assert.equal(attribute('transpose').valueSet, 'v');
    assert.equal(attribute('label').valueSet, undefined);
  });

  test('reads values only from unions of string literals', () => {
    assert.deepEqual(literalValues("'light' | 'dark' | undefined"), ['light', 'dark']);
    assert.deepEqual(literalValues('"a" | "b" | null'), ['a', 'b']);
    assert.deepEqual(literalValues("'auto' | string"), []);
    assert.deepEqual(literalValues('string[]'), []);
    assert.deepEqual(literalValues('undefined'), []);
    assert.deepEqual(literalValues(undefined), []);
  });
});
