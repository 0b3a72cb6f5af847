import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { TokenHeatmap } from '../../src/index.js';
import { InvalidJson } from '../../src/data.js';
import { OPTIONS, PROPERTIES, accepts, expected, litProperties, readCell, resolveOption, traitName, type PropertySpec } from '../../src/properties.js';
import { circular, revokedArray, revokedObject, throwingEntry, throwingObject, throwingToString } from '../hostile-values.js';

const specs = PROPERTIES as readonly PropertySpec[];

describe('property schema', () => {
  it('gives every property of the element its default, attribute and reflection', () => {
    const el = new TokenHeatmap();
    const declared = TokenHeatmap.elementProperties;
    for (const spec of specs) {
      expect(el[spec.name as keyof TokenHeatmap], spec.name).to.deep.equal(spec.default);
      const declaration = declared.get(spec.name as keyof TokenHeatmap);
      expect(declaration, spec.name).to.exist;
      expect(declaration!.attribute, spec.name).to.equal(spec.attribute);
      expect(!!declaration!.reflect, spec.name).to.equal(spec.attribute !== false && !spec.data);
    }
  });

  it('lists the data first and only once', () => {
    expect(specs.filter((s) => s.data).map((s) => s.name)).to.deep.equal(['rows', 'columns', 'values', 'rowGroups', 'columnGroups', 'stepScores', 'compare']);
    expect(new Set(specs.map((s) => s.name)).size).to.equal(specs.length);
    expect(OPTIONS.map((s) => s.name)).to.not.include('values');
  });

  it('names Python traits in snake_case', () => {
    expect(traitName('columnLabelOrientation')).to.equal('column_label_orientation');
    expect(traitName('rows')).to.equal('rows');
  });

  it('checks values by kind', () => {
    const spec = (name: string) => specs.find((s) => s.name === name)!;
    expect(accepts(spec('decimals').kind, 4)).to.equal(true);
    expect(accepts(spec('decimals').kind, 4.5)).to.equal(false);
    expect(accepts(spec('decimals').kind, 21)).to.equal(false);
    expect(accepts(spec('min').kind, Infinity)).to.equal(false);
    expect(accepts(spec('theme').kind, 'dark')).to.equal(true);
    expect(accepts(spec('theme').kind, 'blue')).to.equal(false);
    expect(accepts(spec('scheme').kind, 'rdbu')).to.equal(true);
    expect(accepts(spec('scheme').kind, 'Jet')).to.equal(false);
    expect(accepts(spec('selected').kind, { rowIndex: 1, columnIndex: 0 })).to.equal(true);
    expect(accepts(spec('selected').kind, { rowIndex: -1, columnIndex: 0 })).to.equal(false);
    expect(expected(spec('columnLabelOrientation').kind)).to.equal('"auto", "horizontal" or "vertical"');
    expect(accepts(spec('stepScores').kind, { probability: [0.5, null, 0.25] })).to.equal(true);
    expect(accepts(spec('stepScores').kind, { probability: Float32Array.of(0.5) })).to.equal(true);
    expect(accepts(spec('stepScores').kind, { probability: ['high'] })).to.equal(false);
    expect(accepts(spec('stepScores').kind, [[0.5]])).to.equal(false);
    expect(accepts(spec('view').kind, 'both')).to.equal(true);
    expect(accepts(spec('compareMode').kind, 'c')).to.equal(false);
  });

  it('replaces an invalid option by its default and says so in one sentence', () => {
    const spec = (name: string) => specs.find((s) => s.name === name)!;
    expect(resolveOption(spec('decimals'), 2)).to.deep.equal({ value: 2 });
    expect(resolveOption(spec('decimals'), undefined)).to.deep.equal({ value: 4 });
    expect(resolveOption(spec('decimals'), 4.5)).to.deep.equal({ value: 4, problem: 'decimals: 4.5 is not a whole number from 0 to 20; using 4' });
    expect(resolveOption(spec('min'), NaN, 'abc').problem).to.equal('min: "abc" is not a number; ignored');
    expect(resolveOption(spec('crosshair'), 'cross').problem).to.equal('crosshair: "cross" is not "labels" or "band"; using "labels"');
    expect(resolveOption(spec('label'), 12)).to.deep.equal({ value: '12' });
    expect(resolveOption(spec('label'), Symbol('x')).problem).to.equal('label: Symbol(x) is not text; using ""');
    expect(resolveOption(spec('columnLabelOrientation'), 10n).problem).to.equal(
      'column-label-orientation: 10n is not "auto", "horizontal" or "vertical"; using "auto"',
    );
  });

  describe('with values that cannot be read, written back or quoted', () => {
    const spec = (name: string) => specs.find((s) => s.name === name)!;
    const hostile = () => [1n, Symbol('s'), circular(), revokedObject(), revokedArray(), throwingObject(), throwingToString(), () => 1];

    it('never throws, and rejects each with one sentence naming the attribute', () => {
      for (const s of specs) {
        for (const value of hostile()) {
          const result = resolveOption(s, value);
          // A function is what `interpolator` takes; everything else is rejected.
          if (s.kind.type === 'function' && typeof value === 'function') continue;
          if (s.kind.type === 'labels' || s.kind.type === 'values') continue; // checked with the matrix (buildMatrix)
          expect(result.problem, `${s.name} ${typeof value}`).to.be.a('string');
          expect(result.problem!.startsWith(`${s.attribute || s.name}: `), result.problem).to.equal(true);
          expect(result.problem).to.not.contain('\n');
          expect(result.value).to.equal(s.default);
        }
      }
    });

    it('reads a selected cell once into a plain object; what cannot be read is named', () => {
      const cellSpec = spec('selected');
      const extra = circular({ rowIndex: 1, columnIndex: 2 });
      const resolved = resolveOption(cellSpec, extra);
      expect(resolved).to.deep.equal({ value: { rowIndex: 1, columnIndex: 2 } });
      expect(resolved.value).to.not.equal(extra);
      expect(resolveOption(cellSpec, revokedObject()).problem).to.match(/^selected: cannot be read \(TypeError: .*\); ignored$/);
      expect(resolveOption(cellSpec, throwingObject()).problem).to.equal('selected: cannot be read (Error: getter throws); ignored');
      expect(resolveOption(cellSpec, { rowIndex: 1n, columnIndex: 0 }).problem).to.equal('selected: an object that cannot be written out is not {"rowIndex": …, "columnIndex": …}; ignored');
      expect(resolveOption(cellSpec, new InvalidJson('{', 'Unexpected end')).problem).to.equal('selected: not valid JSON (Unexpected end); ignored');
      expect(readCell({ get rowIndex() { return 0; }, columnIndex: 3 })).to.deep.equal({ rowIndex: 0, columnIndex: 3 });
    });

    it('checks group lists that throw as not group numbers', () => {
      expect(accepts(spec('rowGroups').kind, [0, 0, 1])).to.equal(true);
      expect(accepts(spec('rowGroups').kind, revokedArray())).to.equal(false);
      expect(accepts(spec('rowGroups').kind, throwingEntry([0, 1], 1))).to.equal(false);
    });

    it('writes back only values that have text: the rest remove the attribute instead of throwing', () => {
      const declarations = litProperties();
      for (const s of specs) {
        const converter = declarations[s.name].converter as { toAttribute?: (value: unknown) => unknown } | undefined;
        if (!declarations[s.name].reflect || !converter?.toAttribute) continue;
        for (const value of hostile()) {
          const text = converter.toAttribute(value);
          expect(text === null || typeof text === 'string', `${s.name}: ${typeof value}`).to.equal(true);
        }
        expect(converter.toAttribute(undefined), s.name).to.equal(null);
      }
      const text = declarations.label.converter as { toAttribute: (value: unknown) => unknown };
      expect(text.toAttribute('a;b')).to.equal('a;b');
      expect(text.toAttribute(Symbol('s'))).to.equal(null);
      const cell = declarations.selected.converter as { toAttribute: (value: unknown) => unknown };
      expect(cell.toAttribute({ rowIndex: 1, columnIndex: 0 })).to.equal('{"rowIndex":1,"columnIndex":0}');
      expect(cell.toAttribute(circular({ rowIndex: 1, columnIndex: 0 }))).to.equal(null);
    });
  });
});
