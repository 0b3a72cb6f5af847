// Hostile and odd input through the element (issue 9, items 23, 24, 26–29): values that cannot be read,
// written back or quoted; options set beside a bad value; an interpolator that injects CSS; removal
// and inactive documents with the tooltip open; moving into an iframe; huge and wrapping labels.
import { html, fixture, expect, waitUntil } from '@open-wc/testing';
import { interpolateRdBu, interpolateRdYlGn } from 'd3-scale-chromatic';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { contrastRatio, parseColor } from '../src/color.js';
import { LABEL_DISPLAY_LIMIT } from '../src/view/label-limit.js';
import { cellAt, columnHeaders, gridCells, painted, rowHeaders, shadow, text } from './helpers.js';
import {
  circular,
  deeplyNested,
  onlyAtHalf,
  revokedArray,
  revokedFunction,
  revokedObject,
  throwingEntry,
  throwingLength,
  throwingObject,
  throwingToString,
} from './hostile-values.js';

const ROWS = ['▁The', '▁cat', '▁sat'];
const COLUMNS = ['out', 'put'];
const VALUES = [
  [0.5, -0.25],
  [1, -1],
  [0.125, 0],
];

async function small(): Promise<TokenHeatmap> {
  return fixture<TokenHeatmap>(html`<token-heatmap .rows=${ROWS} .columns=${COLUMNS} .values=${VALUES} min="-1" max="1"></token-heatmap>`);
}

const alertText = (el: TokenHeatmap) => [...shadow(el).querySelectorAll('[role="alert"] p')].map(text);
const cellTexts = (el: TokenHeatmap) => gridCells(el).map(text);

/** What the element said while `act` ran: console warnings, `error` events, and any uncaught error or rejection. */
async function observe(el: TokenHeatmap, act: () => unknown) {
  const warnings: string[] = [];
  const events: string[] = [];
  const uncaught: unknown[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  const onError = (event: Event) => events.push((event as CustomEvent<string>).detail);
  const onRejection = (event: PromiseRejectionEvent) => {
    uncaught.push(event.reason);
    event.preventDefault();
  };
  const onWindowError = (event: ErrorEvent) => {
    uncaught.push(event.error ?? event.message);
    event.preventDefault();
  };
  el.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  window.addEventListener('error', onWindowError);
  let thrown: unknown;
  try {
    await act();
    await el.updateComplete;
    // A rejection is reported in a later task: give it one.
    await new Promise((resolve) => setTimeout(resolve));
  } catch (error) {
    thrown = error;
  } finally {
    console.warn = warn;
    el.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    window.removeEventListener('error', onWindowError);
  }
  return { warnings, events, uncaught, thrown };
}

describe('hostile input', () => {
  describe('values that cannot be read, written back or quoted (item 23)', () => {
    const cases: [string, Partial<Record<keyof TokenHeatmap, unknown>>, RegExp, string[] | 'missing-first'][] = [
      ['a BigInt in values', { values: [[1n, -0.25], [1, -1], [0.125, 0]] }, /^values: values\[0\]\[0\] is bigint 1, not a number; shown as missing$/, 'missing-first'],
      ['BigInt64Array rows', { values: [new BigInt64Array([1n, 2n]), [1, -1], [0.125, 0]] }, /^values: values\[0\]\[0\] is bigint 1, not a number \(and 1 more\)/, 'row-0-missing' as never],
      ['a BigInt row label', { rows: [1n, '▁cat', '▁sat'] }, /^rows: 1 label is not text; shown by index$/, []],
      ['a BigInt min', { min: 1n }, /^min: 1n is not a number; ignored$/, []],
      ['a BigInt decimals', { decimals: 2n }, /^decimals: 2n is not a whole number from 0 to 20; using 4$/, []],
      ['a Symbol label', { label: Symbol('l') }, /^label: Symbol\(l\) is not text; using ""$/, []],
      ['a Symbol scheme', { scheme: Symbol('s') }, /^scheme: Symbol\(s\) is not a d3-scale-chromatic scheme name/, []],
      ['a circular max', { max: circular() }, /^max: an object that cannot be written out is not a number; ignored$/, []],
      ['a circular selected without indices', { selected: circular() }, /^selected: an object that cannot be written out is not \{"rowIndex"/, []],
      ['revoked values', { values: revokedArray() }, /^values: cannot be read \(TypeError: .+\); shown as missing cells$/, 'all-missing' as never],
      ['revoked rows', { rows: revokedArray() }, /^rows: cannot be read \(TypeError: .+\); shown by index$/, []],
      ['a revoked selected', { selected: revokedObject() }, /^selected: cannot be read \(TypeError: .+\); ignored$/, []],
      ['revoked rowGroups', { rowGroups: revokedArray() }, /^rowGroups: cannot be read \(TypeError: .+\); ignored$/, []],
      ['a selected whose getters throw', { selected: throwingObject() }, /^selected: cannot be read \(Error: getter throws\); ignored$/, []],
      ['a label whose toString throws', { label: throwingToString() }, /^label: \{\} is not text; using ""$/, []],
      ['a theme whose getters throw', { theme: throwingObject() }, /^theme: an object that cannot be written out is not "light" or "dark"; ignored$/, []],
      ['a row entry that throws', { values: [throwingEntry([0.5, -0.25], 0), [1, -1], [0.125, 0]] }, /^values: row 0 cannot be read \(Error: entry 0 throws\); shown as missing cells$/, 'row-0-missing' as never],
      ['a row length that throws', { values: [throwingLength([0.5, -0.25]), [1, -1], [0.125, 0]] }, /^values: row 0 cannot be read/, 'row-0-missing' as never],
      // Quoted as JSON where the engine can write it, else described.
      ['a caption nested 100,000 deep', { caption: deeplyNested(100_000) }, /^caption: (\[{40}…|an array that cannot be written out) is not text; using ""$/, []],
      ['an interpolator that works only at t = 0.5', { interpolator: onlyAtHalf }, /^interpolator: at t = 0 it threw RangeError: no colour at 0; such colours are drawn from RdYlGn$/, []],
      ['a revoked interpolator', { interpolator: revokedFunction() }, /^interpolator: at t = 0 it threw TypeError: .+; such colours are drawn from RdYlGn$/, []],
      ['a BigInt transpose', { transpose: 1n }, /^transpose: 1n is not true or false; using false$/, []],
    ];
    const reference = ['0.5000', '-0.2500', '1.0000', '-1.0000', '0.1250', '0.0000'];

    for (const [what, props, message, missing] of cases) {
      it(`${what}: keeps drawing the valid part and says what it rejected`, async () => {
        const el = await small();
        const seen = await observe(el, () => Object.assign(el, props));
        expect(seen.thrown, String(seen.thrown)).to.equal(undefined);
        expect(seen.uncaught.map(String)).to.deep.equal([]);
        const alerts = alertText(el);
        expect(alerts.length, alerts.join(' | ')).to.equal(1);
        expect(alerts[0]).to.match(message);
        expect(seen.warnings).to.deep.equal([`<token-heatmap>: ${alerts[0]}`]);
        expect(seen.events).to.deep.equal([alerts[0]]);
        // The grid keeps its shape and every cell that still has a valid value.
        const expected =
          missing === 'missing-first'
            ? ['', ...reference.slice(1)]
            : (missing as string) === 'all-missing'
              ? reference.map(() => '')
              : (missing as string) === 'row-0-missing'
                ? ['', '', ...reference.slice(2)]
                : reference;
        expect(cellTexts(el)).to.deep.equal(expected);
      });
    }

    it('a Symbol scheme with values large enough to be scanned ahead: the overview is drawn, the scheme rejected', async () => {
      const el = await small();
      // Over 2²² values: found in slices before the update, which prepares the colour table first.
      const rows = 2100;
      const columns = 2100;
      const values = new Float32Array(rows * columns).map((_, i) => Math.sin(i));
      const seen = await observe(el, () =>
        Object.assign(el, { rows: Array.from({ length: rows }, (_, i) => `t${i}`), columns: Array.from({ length: columns }, (_, i) => `o${i}`), values, scheme: Symbol('s') }),
      );
      expect(seen.thrown, String(seen.thrown)).to.equal(undefined);
      expect(seen.uncaught.map(String)).to.deep.equal([]);
      expect(alertText(el)).to.have.length(1);
      expect(alertText(el)[0]).to.match(/^scheme: Symbol\(s\) is not a d3-scale-chromatic scheme name/);
      expect(el.shadowRoot!.querySelector('canvas')).to.not.equal(null);
    });

    it('recovers fully once the bad value is replaced: no alert, the same cells', async () => {
      const el = await small();
      const before = cellTexts(el);
      const colours = gridCells(el).map((c) => getComputedStyle(c).backgroundColor);
      Object.assign(el, { values: revokedArray(), label: Symbol('x'), selected: revokedObject(), interpolator: onlyAtHalf });
      await el.updateComplete;
      expect(alertText(el)).to.have.length(4);
      Object.assign(el, { values: VALUES, label: 'ok', selected: null, interpolator: undefined });
      await el.updateComplete;
      expect(alertText(el)).to.deep.equal([]);
      expect(cellTexts(el)).to.deep.equal(before);
      expect(gridCells(el).map((c) => getComputedStyle(c).backgroundColor)).to.deep.equal(colours);
      expect(el.getAttribute('label')).to.equal('ok');
    });
  });

  describe('a failed update does not leave the element out of step (item 24)', () => {
    it('applies decimals and scheme set in the same batch as a bad value, with no false alert', async () => {
      const el = await small();
      // Each of these threw out of the update before: the revoked row in willUpdate, the Symbol while reflecting.
      Object.assign(el, { decimals: 2, scheme: 'RdBu', values: [revokedArray(), [1, -1], [0.125, 0]], label: Symbol('l') });
      await el.updateComplete;
      expect(alertText(el)).to.have.length(2);
      expect(alertText(el)[0]).to.match(/^values: row 0 cannot be read \(TypeError: .*\); shown as missing cells$/);
      expect(alertText(el)[1]).to.equal('label: Symbol(l) is not text; using ""');
      expect(cellTexts(el)).to.deep.equal(['', '', '1.00', '-1.00', '0.13', '0.00']);
      expect(getComputedStyle(cellAt(el, 1, 0)).backgroundColor).to.equal(interpolateRdBu(1));
      expect(el.getAttribute('decimals')).to.equal('2');
      Object.assign(el, { values: VALUES, label: 'fixed' });
      await el.updateComplete;
      expect(alertText(el)).to.deep.equal([]);
      expect(cellTexts(el)[0]).to.equal('0.50');
      expect(el.getAttribute('decimals')).to.equal('2');
    });

    it('keeps attributes and properties in step after a value that cannot be written back', async () => {
      const el = await small();
      el.setAttribute('decimals', '1');
      el.label = Symbol('no text') as unknown as string;
      await el.updateComplete;
      expect(alertText(el)).to.deep.equal(['label: Symbol(no text) is not text; using ""']);
      expect(el.hasAttribute('label')).to.equal(false);
      expect(cellTexts(el)[0]).to.equal('0.5');
      // Lit still reads the attributes: nothing was left half-reflected.
      el.setAttribute('label', 'From the attribute');
      el.setAttribute('decimals', '3');
      await el.updateComplete;
      expect(el.label).to.equal('From the attribute');
      expect(alertText(el)).to.deep.equal([]);
      expect(cellTexts(el)[0]).to.equal('0.500');
      el.selected = circular({ rowIndex: 1, columnIndex: 0 }) as never;
      await el.updateComplete;
      expect(alertText(el)).to.deep.equal([]);
      expect(cellAt(el, 1, 0).getAttribute('aria-selected')).to.equal('true');
      expect(el.hasAttribute('selected')).to.equal(false);
    });
  });

  describe('colours from an interpolator (item 26)', () => {
    it('red;background-image:url(…) adds no declaration and makes no request', async () => {
      const el = await small();
      const url = new URL(`/__token-heatmap-injected-${Date.now()}.png`, location.href).href;
      const seen: string[] = [];
      const observer = new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.name)));
      observer.observe({ type: 'resource', buffered: true });
      const seen0 = await observe(el, () => {
        el.interpolator = () => `red;background-image:url(${url})`;
      });
      await painted();
      // The same URL in a style that does apply is fetched and seen: the check can fail.
      const control = new URL(`/__token-heatmap-control-${Date.now()}.png`, location.href).href;
      const probe = document.createElement('div');
      probe.style.cssText = `width:4px;height:4px;background-image:url(${control})`;
      document.body.append(probe);
      try {
        await waitUntil(() => seen.includes(control), 'the control request was not observed', { timeout: 5000 });
      } finally {
        probe.remove();
        observer.disconnect();
      }
      expect(seen.filter((name) => name.includes('injected'))).to.deep.equal([]);
      expect(performance.getEntriesByName(url)).to.deep.equal([]);
      for (const node of shadow(el).querySelectorAll<HTMLElement>('[style]')) {
        expect(node.getAttribute('style'), node.className).to.not.match(/url\(|background-image/);
        expect(getComputedStyle(node).backgroundImage === 'none' || node.classList.contains('ramp'), node.className).to.equal(true);
      }
      // Drawn in the fallback scheme, with readable text, and said once.
      expect(getComputedStyle(cellAt(el, 1, 0)).backgroundColor).to.equal(interpolateRdYlGn(1));
      for (const cell of gridCells(el)) {
        const style = getComputedStyle(cell);
        expect(contrastRatio(parseColor(style.color)!, parseColor(style.backgroundColor)!)).to.be.at.least(4.5);
      }
      expect(alertText(el)).to.have.length(1);
      expect(alertText(el)[0]).to.match(/^interpolator: at t = 0 it returned "red;background-image:url\(.*, not one CSS colour; such colours are drawn from RdYlGn$/);
      expect(seen0.warnings).to.have.length(1);
      expect(seen0.events).to.have.length(1);
    });

    it('reports a colour rejected only while drawing one cell, once, and draws it from the scheme', async () => {
      const el = await small();
      // Only 0.125 maps to t = 0.5625, which the colour bar never asks for.
      const odd = (t: number) => (Math.abs(t - 0.5625) < 1e-9 ? 'url(x)' : interpolateRdBu(t));
      const seen = await observe(el, () => {
        el.interpolator = odd;
      });
      expect(alertText(el)).to.deep.equal(['interpolator: at t = 0.5625 it returned "url(x)", not one CSS colour; such colours are drawn from RdYlGn']);
      expect(seen.warnings).to.have.length(1);
      expect(getComputedStyle(cellAt(el, 2, 0)).backgroundColor).to.equal(interpolateRdYlGn(0.5625));
      expect(getComputedStyle(cellAt(el, 0, 0)).backgroundColor).to.equal(interpolateRdBu(0.75));
      // An unrelated update says nothing new.
      const again = await observe(el, () => {
        el.decimals = 2;
      });
      expect(again.warnings).to.deep.equal([]);
      expect(alertText(el)).to.have.length(1);
    });
  });

  describe('removal and inactive documents with the tooltip open (item 27)', () => {
    const openTooltip = async (el: TokenHeatmap) => {
      cellAt(el, 0, 0).focus();
      await el.updateComplete;
      const tip = shadow(el).querySelector<HTMLElement>('[part="tooltip"]')!;
      expect(tip.classList.contains('open')).to.equal(true);
      return tip;
    };

    it('removing the element, then updating it, rejects nothing; it draws again when put back', async () => {
      const el = await small();
      const parent = el.parentElement!;
      await openTooltip(el);
      const seen = await observe(el, async () => {
        el.remove();
        el.values = [[0.25, 0.5], [0.75, 1], [0, -0.5]];
        el.decimals = 1;
        await el.updateComplete;
        parent.append(el);
      });
      expect(seen.thrown).to.equal(undefined);
      expect(seen.uncaught.map(String)).to.deep.equal([]);
      expect(cellTexts(el)[0]).to.equal('0.3');
      expect(alertText(el)).to.deep.equal([]);
    });

    it('a document that is no longer active (its iframe removed) rejects nothing', async () => {
      const iframe = document.createElement('iframe');
      document.body.append(iframe);
      const doc = iframe.contentDocument!;
      // Made by this document, whose registry defines the element; then moved into the frame.
      const el = document.createElement('token-heatmap');
      Object.assign(el, { rows: ROWS, columns: COLUMNS, values: VALUES });
      doc.body.append(el);
      await el.updateComplete;
      await openTooltip(el);
      const seen = await observe(el, async () => {
        iframe.remove();
        el.values = [[0.25, 0.5], [0.75, 1], [0, -0.5]];
        await el.updateComplete;
        el.decimals = 2;
      });
      expect(el.ownerDocument.defaultView).to.equal(null);
      expect(seen.thrown).to.equal(undefined);
      expect(seen.uncaught.map(String)).to.deep.equal([]);
      expect(cellTexts(el)[0]).to.equal('0.25');
      // Nothing of it is observed from this window any more: no "ResizeObserver loop" error here.
      const later = await observe(el, async () => {
        for (let i = 0; i < 4; i++) await painted();
      });
      expect(later.uncaught.map(String)).to.deep.equal([]);
    });

    it('a document without a window at all (createHTMLDocument) rejects nothing', async () => {
      const el = await small();
      await openTooltip(el);
      const inert = document.implementation.createHTMLDocument('inert');
      const seen = await observe(el, async () => {
        inert.body.append(el);
        el.values = [[0.25, 0.5], [0.75, 1], [0, -0.5]];
        await el.updateComplete;
        document.body.append(el);
      });
      expect(seen.thrown).to.equal(undefined);
      expect(seen.uncaught.map(String)).to.deep.equal([]);
      expect(cellTexts(el)[0]).to.equal('0.2500');
      el.remove();
    });
  });

  describe('moving into another document (item 28)', () => {
    async function frame(): Promise<HTMLIFrameElement> {
      const iframe = document.createElement('iframe');
      iframe.style.cssText = 'width:600px;height:400px';
      const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
      iframe.srcdoc = '<!doctype html><html><body></body></html>';
      document.body.append(iframe);
      await loaded;
      return iframe;
    }
    const layout = (el: TokenHeatmap) => {
      const grid = shadow(el).querySelector<HTMLElement>('[role="grid"]')!;
      return el.ownerDocument.defaultView!.getComputedStyle(grid).display;
    };

    it('keeps its styles in an iframe and after moving back', async () => {
      const el = await small();
      const home = el.parentElement!;
      const sheets = shadow(el).adoptedStyleSheets.length;
      expect(sheets).to.be.greaterThan(0);
      expect(layout(el)).to.equal('grid');
      const iframe = await frame();
      try {
        const seen = await observe(el, async () => {
          iframe.contentDocument!.body.append(el);
          await el.updateComplete;
        });
        expect(seen.uncaught.map(String)).to.deep.equal([]);
        expect(shadow(el).adoptedStyleSheets.length).to.equal(sheets);
        expect(layout(el)).to.equal('grid');
        // Cells keep their colours and sizes there.
        expect(el.ownerDocument.defaultView!.getComputedStyle(cellAt(el, 1, 0)).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
        home.append(el);
        await el.updateComplete;
        expect(shadow(el).adoptedStyleSheets.length).to.equal(sheets);
        expect(layout(el)).to.equal('grid');
        // And again: each document's sheets are made once and reused.
        iframe.contentDocument!.body.append(el);
        const inFrame = shadow(el).adoptedStyleSheets[0];
        home.append(el);
        iframe.contentDocument!.body.append(el);
        expect(shadow(el).adoptedStyleSheets[0]).to.equal(inFrame);
        expect(layout(el)).to.equal('grid');
        home.append(el);
      } finally {
        iframe.remove();
      }
    });

    it('reconnects, also into an iframe, while holding values that cannot be read', async () => {
      const el = await small();
      const home = el.parentElement!;
      Object.assign(el, { rows: revokedArray(), values: revokedArray() });
      await el.updateComplete;
      const iframe = await frame();
      try {
        const seen = await observe(el, async () => {
          el.remove();
          iframe.contentDocument!.body.append(el);
          await el.updateComplete;
          home.append(el);
        });
        expect(seen.thrown).to.equal(undefined);
        expect(seen.uncaught.map(String)).to.deep.equal([]);
        expect(alertText(el)).to.have.length(2);
      } finally {
        iframe.remove();
      }
    });

    it('draws with its styles when first connected inside an iframe', async () => {
      const iframe = await frame();
      try {
        const el = document.createElement('token-heatmap');
        Object.assign(el, { rows: ROWS, columns: COLUMNS, values: VALUES });
        const seen = await observe(el, async () => {
          iframe.contentDocument!.body.append(el);
          await el.updateComplete;
        });
        expect(seen.uncaught.map(String)).to.deep.equal([]);
        expect(layout(el)).to.equal('grid');
        expect(cellTexts(el)[0]).to.equal('0.5000');
      } finally {
        iframe.remove();
      }
    });
  });

  describe('labels that wrap or are huge (item 29)', () => {
    it('replacing a short column label with one that must wrap raises no ResizeObserver loop error', async () => {
      const el = await small();
      const errors: string[] = [];
      const onError = (event: ErrorEvent) => {
        errors.push(event.message);
        event.preventDefault();
      };
      window.addEventListener('error', onError);
      try {
        for (let i = 0; i < 5; i++) {
          el.columns = i % 2 ? ['out', 'put'] : ['an output label long enough to wrap', 'put'];
          await el.updateComplete;
          await painted();
          await painted();
        }
      } finally {
        window.removeEventListener('error', onError);
      }
      expect(errors).to.deep.equal([]);
    });

    /** Characters of text the shadow tree holds: text nodes and attribute values. */
    function domText(el: TokenHeatmap): number {
      let total = 0;
      const walker = document.createTreeWalker(shadow(el), NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeType === Node.TEXT_NODE) total += node.nodeValue!.length;
        else for (const attribute of (node as Element).attributes) total += attribute.value.length;
      }
      return total;
    }

    const labels = (count: number, length: number, tag: string) =>
      Array.from({ length: count }, (_, i) => `${tag}${i} `.padEnd(length, 'abcdefghij'.charAt(i % 10)));

    for (const [rows, columns] of [
      [106, 5],
      [60, 60],
    ]) {
      it(`${rows} × ${columns} with labels of 100,000 characters costs no more DOM text than with labels just over the limit`, async () => {
        const values = Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => Math.sin(r + c)));
        const el = await fixture<TokenHeatmap>(html`<token-heatmap .values=${values}></token-heatmap>`);
        el.rows = labels(rows, LABEL_DISPLAY_LIMIT + 1, 'row');
        el.columns = labels(columns, LABEL_DISPLAY_LIMIT + 1, 'col');
        await el.updateComplete;
        await painted();
        const short = domText(el);
        const longRows = labels(rows, 100_000, 'row');
        el.rows = longRows;
        el.columns = labels(columns, 100_000, 'col');
        await el.updateComplete;
        await painted();
        const long = domText(el);
        // The same text but for the lengths the accessible names state (" (cut; 100000 characters)").
        const headers = rowHeaders(el).length + columnHeaders(el).length;
        expect(long).to.be.at.most(short + headers * 20 + gridCells(el).length * 20);
        expect(long).to.be.below(rows * columns * 2 * (LABEL_DISPLAY_LIMIT + 200));
        expect(text(rowHeaders(el)[0]).length).to.be.at.most(LABEL_DISPLAY_LIMIT + 1);
        expect(rowHeaders(el)[0].getAttribute('aria-label')).to.contain('(cut; 100000 characters)');
        // The full text is still there for one cell at a time: events and the tooltip.
        const selected = new Promise<CustomEvent>((resolve) => el.addEventListener('cell-select', resolve as EventListener, { once: true }));
        cellAt(el, 0, 0).click();
        expect((await selected).detail.row).to.equal(longRows[0]);
        cellAt(el, 0, 0).focus();
        await el.updateComplete;
        const tip = shadow(el).querySelector('[part="tooltip"]')!;
        expect(tip.textContent).to.contain(JSON.stringify(longRows[0]));
      });
    }
  });
});
