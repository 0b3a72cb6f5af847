import { expect } from '@open-wc/testing';
import { litProperties, propertySpec, resolveOption } from '../../src/properties.js';

const spec = propertySpec('zoom')!;
const converter = litProperties().zoom.converter as { fromAttribute(text: string | null): unknown; toAttribute(value: unknown): unknown };

describe('the zoom property', () => {
  it('takes auto, fit or a level above 0', () => {
    expect(resolveOption(spec, 'auto')).to.deep.equal({ value: 'auto' });
    expect(resolveOption(spec, 'fit')).to.deep.equal({ value: 'fit' });
    expect(resolveOption(spec, 0.25)).to.deep.equal({ value: 0.25 });
    expect(resolveOption(spec, undefined)).to.deep.equal({ value: 'auto' });
  });

  it('reads a level given as text, as frameworks pass attributes', () => {
    expect(resolveOption(spec, '0.5')).to.deep.equal({ value: 0.5 });
    expect(converter.fromAttribute(' 2 ')).to.equal(2);
    expect(converter.fromAttribute('fit')).to.equal('fit');
    expect(converter.toAttribute(0.5)).to.equal('0.5');
  });

  it('reports anything else in one line and draws auto', () => {
    for (const [value, shown] of [
      ['huge', '"huge"'],
      [0, '0'],
      [-1, '-1'],
      [Infinity, 'Infinity'],
    ] as const) {
      const result = resolveOption(spec, value);
      expect(result.value).to.equal('auto');
      expect(result.problem).to.equal(`zoom: ${shown} is not "auto", "fit" or a number above 0 (1 = readable cells); using "auto"`);
    }
  });
});
