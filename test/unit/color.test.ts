import { expect } from '@open-wc/testing';
import {
  interpolateRdBu,
  interpolateRdYlGn,
  interpolateViridis,
  interpolateRainbow,
  interpolateCubehelixDefault,
  interpolateSpectral,
} from 'd3-scale-chromatic';
import { BLACK, WHITE, bestTextColor, contrastRatio, parseColor, relativeLuminance, type Rgb } from '../../src/color.js';

const AA = 4.5;
const rgbOf = (hex: '#000' | '#fff'): Rgb => (hex === '#000' ? BLACK : WHITE);

describe('parseColor', () => {
  it('reads #rgb shorthand', () => {
    expect(parseColor('#fff')).to.deep.equal([255, 255, 255]);
    expect(parseColor('#000')).to.deep.equal([0, 0, 0]);
    expect(parseColor('#f80')).to.deep.equal([255, 136, 0]);
  });

  it('reads #rrggbb, in either case', () => {
    expect(parseColor('#1a9850')).to.deep.equal([26, 152, 80]);
    expect(parseColor('#A50026')).to.deep.equal([165, 0, 38]);
  });

  it('reads #rgba and #rrggbbaa, ignoring alpha', () => {
    expect(parseColor('#f808')).to.deep.equal([255, 136, 0]);
    expect(parseColor('#1a985080')).to.deep.equal([26, 152, 80]);
  });

  it('reads rgb(r, g, b) as d3 writes it', () => {
    expect(parseColor('rgb(165, 0, 38)')).to.deep.equal([165, 0, 38]);
    const css = interpolateRdYlGn(0.5);
    expect(css).to.match(/^rgb\(\d+, \d+, \d+\)$/);
    expect(parseColor(css)).to.deep.equal(css.match(/\d+/g)!.map(Number));
  });

  it('reads rgba(), dropping the alpha', () => {
    expect(parseColor('rgba(10, 20, 30, 0.5)')).to.deep.equal([10, 20, 30]);
    expect(parseColor('rgba(10,20,30,1)')).to.deep.equal([10, 20, 30]);
  });

  it('reads space-separated rgb(), with or without a slash alpha', () => {
    expect(parseColor('rgb(10 20 30)')).to.deep.equal([10, 20, 30]);
    expect(parseColor('rgb(10 20 30 / 0.25)')).to.deep.equal([10, 20, 30]);
  });

  it('tolerates surrounding and inner whitespace and upper case', () => {
    expect(parseColor('  rgb( 1 ,2 , 3 )  ')).to.deep.equal([1, 2, 3]);
    expect(parseColor('RGB(1, 2, 3)')).to.deep.equal([1, 2, 3]);
  });

  it('reads percentages and fractional channels, clamped to 0–255', () => {
    expect(parseColor('rgb(100%, 0%, 50%)')).to.deep.equal([255, 0, 127.5]);
    expect(parseColor('rgb(12.5, 300, 0)')).to.deep.equal([12.5, 255, 0]);
  });

  it('gives null for forms it does not parse, so the browser can be asked', () => {
    expect(parseColor('red')).to.equal(null);
    expect(parseColor('hsl(120, 50%, 50%)')).to.equal(null);
    expect(parseColor('')).to.equal(null);
    expect(parseColor('#12')).to.equal(null);
    expect(parseColor('#12345')).to.equal(null);
    expect(parseColor('#ggg')).to.equal(null);
    expect(parseColor('rgb(1, 2)')).to.equal(null);
  });

  it('parses every colour of the d3 interpolators the element uses', () => {
    for (const interpolate of [interpolateRdYlGn, interpolateViridis, interpolateRdBu, interpolateRainbow, interpolateCubehelixDefault]) {
      for (let i = 0; i <= 16; i++) {
        const css = interpolate(i / 16);
        const rgb = parseColor(css);
        expect(rgb, css).to.not.equal(null);
        for (const channel of rgb!) expect(channel, css).to.be.within(0, 255);
      }
    }
  });
});

describe('relativeLuminance', () => {
  it('is 0 for black and 1 for white', () => {
    expect(relativeLuminance(BLACK)).to.equal(0);
    expect(relativeLuminance(WHITE)).to.be.closeTo(1, 1e-12);
  });

  it('weights green more than red more than blue', () => {
    const r = relativeLuminance([255, 0, 0]);
    const g = relativeLuminance([0, 255, 0]);
    const b = relativeLuminance([0, 0, 255]);
    expect(r).to.be.closeTo(0.2126, 1e-9);
    expect(g).to.be.closeTo(0.7152, 1e-9);
    expect(b).to.be.closeTo(0.0722, 1e-9);
  });

  it('matches the WCAG value for mid grey', () => {
    expect(relativeLuminance([128, 128, 128])).to.be.closeTo(0.2158605, 1e-6);
  });
});

describe('contrastRatio', () => {
  it('is 21 between black and white, in either order', () => {
    expect(contrastRatio(BLACK, WHITE)).to.be.closeTo(21, 1e-9);
    expect(contrastRatio(WHITE, BLACK)).to.be.closeTo(21, 1e-9);
  });

  it('is 1 between a colour and itself', () => {
    expect(contrastRatio([120, 40, 200], [120, 40, 200])).to.equal(1);
  });

  it('matches the known ratio of #777 on white (about 4.48)', () => {
    expect(contrastRatio([119, 119, 119], WHITE)).to.be.closeTo(4.478, 0.001);
  });
});

describe('bestTextColor', () => {
  it('picks black on light and white on dark backgrounds', () => {
    expect(bestTextColor(WHITE)).to.equal('#000');
    expect(bestTextColor([255, 255, 191])).to.equal('#000');
    expect(bestTextColor(BLACK)).to.equal('#fff');
    expect(bestTextColor([0, 0, 128])).to.equal('#fff');
  });

  it('picks the colour with the higher contrast', () => {
    for (const bg of [[165, 0, 38], [26, 152, 80], [68, 1, 84], [253, 231, 37]] as Rgb[]) {
      const chosen = contrastRatio(bg, rgbOf(bestTextColor(bg)));
      expect(chosen).to.be.at.least(contrastRatio(bg, BLACK));
      expect(chosen).to.be.at.least(contrastRatio(bg, WHITE));
    }
  });

  const interpolators = { interpolateRdYlGn, interpolateViridis, interpolateRdBu, interpolateSpectral, interpolateRainbow };
  for (const [name, interpolate] of Object.entries(interpolators)) {
    it(`reaches WCAG AA (4.5:1) with the better of black and white on all 257 sampled colours of ${name}`, () => {
      for (let i = 0; i <= 256; i++) {
        const css = interpolate(i / 256);
        const bg = parseColor(css);
        expect(bg, css).to.not.equal(null);
        const ratio = contrastRatio(bg!, rgbOf(bestTextColor(bg!)));
        expect(ratio, `${css} at t=${i / 256}`).to.be.at.least(AA);
        expect(ratio, `${css} at t=${i / 256}`).to.equal(Math.max(contrastRatio(bg!, BLACK), contrastRatio(bg!, WHITE)));
      }
    });
  }

  it('reaches WCAG AA with the better of black and white on every grey from 0 to 255', () => {
    let switches = 0;
    let previous = bestTextColor([0, 0, 0]);
    for (let v = 0; v <= 255; v++) {
      const bg: Rgb = [v, v, v];
      const text = bestTextColor(bg);
      const ratio = contrastRatio(bg, rgbOf(text));
      expect(ratio, `grey ${v}`).to.be.at.least(AA);
      expect(ratio, `grey ${v}`).to.equal(Math.max(contrastRatio(bg, BLACK), contrastRatio(bg, WHITE)));
      if (text !== previous) switches++;
      previous = text;
    }
    // White on dark greys, black on light ones: one switch in between.
    expect(switches).to.equal(1);
    expect(bestTextColor([0, 0, 0])).to.equal('#fff');
    expect(bestTextColor([255, 255, 255])).to.equal('#000');
  });

  it('picks white on grey 117, where black reaches 4.5:1 but white contrasts more', () => {
    expect(contrastRatio([117, 117, 117], BLACK)).to.be.at.least(AA);
    expect(bestTextColor([117, 117, 117])).to.equal('#fff');
  });
});
