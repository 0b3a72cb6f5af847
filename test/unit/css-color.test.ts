import { expect } from '@open-wc/testing';
import { cssColor, MAX_COLOR_LENGTH, NAMED_COLORS } from '../../src/css-color.js';
import { SCHEME_NAMES, schemeInterpolator } from '../../src/schemes.js';

/** How many declarations a style attribute gets when `color` is put where the element puts a colour. */
function declarations(color: string): number {
  const div = document.createElement('div');
  div.setAttribute('style', `background:${color}`);
  return div.style.length === 0 ? 0 : new Set([...div.style].map((p) => (p.startsWith('background') ? 'background' : p))).size;
}

const VALID = [
  '#abc',
  '#ABCD',
  '#a1b2c3',
  '#A1B2C3D4',
  'rgb(255, 0, 0)',
  'rgb(255,0,0)',
  'rgb( 12 , 34 , 56 )',
  'rgba(255, 0, 0, 0.5)',
  'rgba(255, 0, 0, 50%)',
  'rgb(100%, 0%, 50%)',
  'rgb(-5, 300, 1e2)',
  'RGB(1, 2, 3)',
  'rgb(255 0 0)',
  'rgb(255 0 0 / 0.5)',
  'rgb(255 0 0/50%)',
  'rgb(100% 0% 50%)',
  'rgb(50% 128 none)',
  'rgba(1 2 3 / none)',
  'rgb(.5 1.5 +2)',
  'hsl(120, 100%, 50%)',
  'hsla(120deg, 100%, 50%, 0.3)',
  'hsl(0.5turn, 10%, 20%)',
  'hsl(120 100% 50%)',
  'hsl(120deg 100 50 / .25)',
  'hsl(none 50% 50%)',
  'hsl(3.14rad 1% 2%)',
  'hsl(100grad 1% 2%)',
  'hwb(194 0% 0%)',
  'hwb(194 0% 0% / 0.5)',
  'lab(52.2345% 40.1645 59.9971)',
  'lab(29.2345 39.3825 20.0664 / 50%)',
  'lch(52.2345% 72.2 56.2)',
  'lch(29.2345% 44.2 27 / 0.5)',
  'lch(50% 20 120deg)',
  'oklab(40.1% 0.1143 0.045)',
  'oklab(0.59 0.1 0.1 / 0.5)',
  'oklch(60% 0.15 50)',
  'oklch(0.6 0.15 50deg / none)',
  'color(srgb 1 0 0)',
  'color(display-p3 0.1 0.2 0.3 / 0.5)',
  'color(srgb-linear 10% 20% 30%)',
  'color(a98-rgb 0 0 0)',
  'color(prophoto-rgb 0 0 0)',
  'color(rec2020 0 0 0)',
  'color(xyz 0.1 0.2 0.3)',
  'color(xyz-d50 0.1 0.2 0.3)',
  'color(xyz-d65 0.1 0.2 0.3)',
  'red',
  'RebeccaPurple',
  'transparent',
  'TRANSPARENT',
  '  #fff  ',
];

const INJECTION = [
  'red;background-image:url(https://example.com/x.png)',
  'red; background-image: url(https://example.com/x.png)',
  'url(https://example.com/x.png)',
  'url(',
  'red;',
  ';',
  'red}',
  '{',
  '}',
  'red{color:blue}',
  '#fff\\;',
  '\\72 ed',
  're\\d',
  'red/**/',
  '/**/red',
  'rgb(1,2,3)/*',
  'var(--x)',
  'var(--x, red)',
  'rgb(var(--r), 0, 0)',
  'expression(alert(1))',
  'rgb(expression(alert(1)),0,0)',
  'calc(1)',
  'rgb(calc(1), 0, 0)',
  'rgb(1, 2, 3) url(x)',
  'rgb(1,2,3);color:red',
  'red!important',
  'red !important',
  'red\nbackground:url(x)',
  'red,blue',
  'red blue',
  '"red"',
  "'red'",
  '-webkit-image-set(url(x) 1x)',
  'image(url(x))',
  'attr(data-x)',
  'light-dark(red, blue)',
  'color-mix(in srgb, red, blue)',
  'rgb(from red r g b)',
  'constructor(1 2 3)',
  'toString',
  '__proto__',
  'hasOwnProperty(1, 2, 3)',
  '</style><script>alert(1)</script>',
  'red\u0000',
  '\u202ered',
  `rgb(${'1'.repeat(200)} 0 0)`,
];

const MALFORMED = [
  '',
  '   ',
  '#ab',
  '#abcde',
  '#abcdefg',
  '#ggg',
  'rgb()',
  'rgb(1, 2)',
  'rgb(1, 2, 3, 4, 5)',
  'rgb(1 2)',
  'rgb(1 2 3 4)',
  'rgb(1 2 3 / 4 / 5)',
  'rgb(1, 2 3)',
  'rgb(1, 2%, 3)',
  'rgb(none, 0, 0)',
  'rgb(1,,2,3)',
  'rgb(1 2 3 /)',
  'rgb(1. 2 3)',
  'rgb(1 2 3',
  'rgb 1 2 3',
  'rgb (1 2 3)',
  'rgb((1 2 3))',
  'rgb(1deg 2 3)',
  'hsl(120, 100, 50)',
  'hsl(120 100% 50% 1)',
  'hsl(120px 1% 2%)',
  'hwb(1, 2%, 3%)',
  'lab(1, 2, 3)',
  'lch(1 2deg 3)',
  'oklab(1deg 2 3)',
  'color(srgb 1 2)',
  'color(unknown 1 2 3)',
  'color(1 2 3)',
  'color()',
  'blurple',
  'currentcolor',
  'inherit',
  'initial',
  'none',
];

describe('cssColor (issue 9 item 26)', () => {
  it('accepts every form of a single CSS colour, trimmed, as the browser does', () => {
    for (const color of VALID) {
      expect(cssColor(color), color).to.equal(color.trim());
      expect(CSS.supports('color', color.trim()), `${color}: the browser agrees`).to.equal(true);
      expect(declarations(color.trim()), color).to.equal(1);
    }
  });

  it('accepts what every d3 scheme returns', () => {
    for (const name of SCHEME_NAMES) {
      const interpolate = schemeInterpolator(name)!;
      for (const t of [0, 0.1, 0.25, 0.5, 0.77, 1]) expect(cssColor(interpolate(t)), `${name}(${t})`).to.equal(interpolate(t));
    }
  });

  it('accepts the 148 named colours, in any case', () => {
    expect(NAMED_COLORS).to.have.length(148);
    for (const name of NAMED_COLORS) {
      expect(CSS.supports('color', name), name).to.equal(true);
      expect(cssColor(name.toUpperCase()), name).to.equal(name.toUpperCase());
    }
  });

  it('rejects injection payloads: no declaration, URL, comment, escape or function can get through', () => {
    for (const payload of INJECTION) expect(cssColor(payload), JSON.stringify(payload)).to.equal(null);
  });

  it('rejects what is not one colour', () => {
    for (const text of MALFORMED) expect(cssColor(text), JSON.stringify(text)).to.equal(null);
  });

  it('rejects anything but a string', () => {
    for (const value of [null, undefined, 0, 0xff0000, true, {}, ['red'], { toString: () => 'red' }, new String('red'), Symbol('red'), 1n, () => 'red']) {
      expect(cssColor(value), String(typeof value)).to.equal(null);
    }
  });

  it('rejects strings over the length limit, even a valid colour padded with spaces', () => {
    expect(cssColor(`${' '.repeat(MAX_COLOR_LENGTH)}red`)).to.equal(null);
    const long = `rgb(${'1'.repeat(MAX_COLOR_LENGTH - 8)} 0 0)`;
    expect(long.length).to.be.greaterThan(MAX_COLOR_LENGTH);
    expect(cssColor(long)).to.equal(null);
    const atLimit = `rgb(${'1'.repeat(MAX_COLOR_LENGTH - 9)} 0 0)`;
    expect(atLimit.length).to.equal(MAX_COLOR_LENGTH);
    expect(cssColor(atLimit)).to.equal(atLimit);
  });

  it('accepts nothing the browser would not parse as one colour (fixed-seed fuzz)', () => {
    let state = 0x1234567;
    const random = () => {
      // mulberry32: the same sequence on every run and in every browser.
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const pick = (list: readonly string[]) => list[Math.floor(random() * list.length)];
    const heads = ['rgb(', 'rgba(', 'hsl(', 'hsla(', 'hwb(', 'lab(', 'lch(', 'oklab(', 'oklch(', 'color(srgb ', 'color(xyz ', 'url(', 'var(', '#', ''];
    const tokens = ['0', '1', '12', '255', '-5', '.5', '1e2', '50%', '120deg', '0.5turn', 'none', 'red', 'f', 'fa0', 'x', '1.'];
    const separators = [' ', ', ', ',', ' / ', '/', '  '];
    const noise = [';', ':', '{', '}', '\\', '/*', '*/', '(', ')', '"', '!important', '\n', 'url(x)', ''];
    let accepted = 0;
    for (let i = 0; i < 5000; i++) {
      // A function head, up to four tokens with separators, maybe a closing parenthesis, maybe noise anywhere.
      let text = pick(heads);
      const count = random() < 0.6 ? 3 : Math.floor(random() * 5);
      for (let k = 0; k < count; k++) text += (k ? pick(separators) : '') + pick(tokens);
      if (random() < 0.8) text += ')';
      if (random() < 0.3) {
        const at = Math.floor(random() * (text.length + 1));
        text = text.slice(0, at) + pick(noise) + text.slice(at);
      }
      const result = cssColor(text);
      if (result === null) continue;
      accepted++;
      expect(CSS.supports('color', result), JSON.stringify(text)).to.equal(true);
      expect(declarations(result), JSON.stringify(text)).to.equal(1);
      expect(result).not.to.match(/[;:{}\\"'*]|url|var/);
    }
    // Enough random texts were colours for the check above to mean something.
    expect(accepted).to.be.greaterThan(20);
  });
});
