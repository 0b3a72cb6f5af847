import { expect } from '@open-wc/testing';
import { canvasIsDark, DARK_LUMINANCE, parseRgba, themeBehind } from '../../src/theme.js';
import { contrastRatio, relativeLuminance } from '../../src/color.js';

describe('the page theme rules (issue 9 item 5)', () => {
  it('parses computed colours with their alpha', () => {
    expect(parseRgba('rgb(27, 27, 31)')).to.deep.equal([27, 27, 31, 1]);
    expect(parseRgba('rgba(0, 0, 0, 0.5)')).to.deep.equal([0, 0, 0, 0.5]);
    expect(parseRgba('rgb(255 255 255 / 5%)')).to.deep.equal([255, 255, 255, 0.05]);
    expect(parseRgba('transparent')).to.deep.equal([0, 0, 0, 0]);
    expect(parseRgba('oklch(0.2 0 0)')).to.equal(null);
  });

  it('reads the canvas from color-scheme: dark alone is dark, light dark follows the preference', () => {
    expect(canvasIsDark('normal', true)).to.equal(false);
    expect(canvasIsDark('light', true)).to.equal(false);
    expect(canvasIsDark('dark', false)).to.equal(true);
    expect(canvasIsDark('only dark', false)).to.equal(true);
    expect(canvasIsDark('light dark', true)).to.equal(true);
    expect(canvasIsDark('light dark', false)).to.equal(false);
    expect(canvasIsDark('dark light', true)).to.equal(true);
    expect(canvasIsDark('light, dark', true)).to.equal(true);
  });

  it('takes the nearest opaque background, whatever the canvas', () => {
    expect(themeBehind([[27, 27, 31, 1]], false)).to.equal('dark');
    expect(themeBehind([[255, 255, 255, 1]], true)).to.equal('light');
    // Farther backgrounds behind an opaque one do not count.
    expect(themeBehind([[255, 255, 255, 1], [0, 0, 0, 1]], true)).to.equal('light');
  });

  it('falls back to the canvas when nothing is opaque, and blends translucent layers over the base', () => {
    expect(themeBehind([], true)).to.equal('dark');
    expect(themeBehind([], false)).to.equal('light');
    expect(themeBehind([[0, 0, 0, 0.8]], false)).to.equal('dark');
    expect(themeBehind([[0, 0, 0, 0.1]], false)).to.equal('light');
    expect(themeBehind([[255, 255, 255, 0.05], [32, 33, 36, 1]], false)).to.equal('dark');
  });

  it('splits light from dark where white and black text contrast alike', () => {
    expect(DARK_LUMINANCE).to.be.closeTo(0.179, 0.001);
    // A grey a step below the split is dark, a step above light; both text colours pass 4.5:1 at it.
    expect(themeBehind([[117, 117, 117, 1]], false)).to.equal('dark');
    expect(themeBehind([[119, 119, 119, 1]], false)).to.equal('light');
    expect(relativeLuminance([118, 118, 118])).to.be.closeTo(DARK_LUMINANCE, 0.005);
    expect(contrastRatio([118, 118, 118], [0, 0, 0])).to.be.above(4.5);
  });
});
