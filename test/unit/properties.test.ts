import { expect } from '@open-wc/testing';
import '../../src/index.js';
import { TokenHeatmap } from '../../src/index.js';
import { OPTIONS, PROPERTIES, accepts, expected, resolveOption, traitName, type PropertySpec } from '../../src/properties.js';

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
});
