import { html, fixture, expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/index.js';
import type { TokenHeatmap } from '../src/index.js';
import { cellAt, loadSeed, shadow, type Seed } from './helpers.js';

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});

async function reference(extra = ''): Promise<TokenHeatmap> {
  const el = await fixture<TokenHeatmap>(html`<token-heatmap
    .rows=${seed.rows}
    .columns=${seed.columns}
    .values=${seed.values}
    min="-1.5"
    max="1.5"
    label="Token Attribution"
    caption="Heatmap: Token Attribution"
    ?no-export=${extra === 'no-export'}
  ></token-heatmap>`);
  await el.updateComplete;
  return el;
}

/** A figure drawn onto a canvas at one device pixel a px, to read its colours. */
async function rasterise(svg: string): Promise<CanvasRenderingContext2D> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(image, 0, 0);
  return context;
}

const rgb = (context: CanvasRenderingContext2D, x: number, y: number) => {
  const [r, g, b] = context.getImageData(Math.round(x), Math.round(y), 1, 1).data;
  return `rgb(${r}, ${g}, ${b})`;
};

/** Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(field), (field = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += ch;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('<token-heatmap>', () => {
  describe('export', () => {
    it('passes an axe accessibility check with the export menu open', async () => {
      const el = await reference();
      shadow(el).querySelector<HTMLButtonElement>('[part="export"] button')!.click();
      await el.updateComplete;
      await expect(el).to.be.accessible();
    });

    it('shows its toggle as a drawn icon in the text colour, named "Export", with no glyph that needs a fallback font', async () => {
      const el = await reference();
      const toggle = shadow(el).querySelector<HTMLButtonElement>('[part="export"] button')!;
      const hidden = toggle.querySelector('.visually-hidden')!;
      expect(hidden.textContent).to.equal('Export');
      // Every character the toggle prints is the hidden name's: the icon is an SVG path, stroked in the text's colour.
      expect(toggle.textContent!.trim()).to.equal('Export');
      const icon = toggle.querySelector('svg')!;
      expect(icon.getAttribute('aria-hidden')).to.equal('true');
      expect(getComputedStyle(icon).stroke).to.equal(getComputedStyle(toggle).color);
      const box = icon.getBoundingClientRect();
      expect(box.width).to.be.above(8);
      expect(box.height).to.be.above(8);
    });

    it('toSVG() draws every cell in the element\'s colour at the element\'s cell centre', async () => {
      const el = await reference();
      const svg = await el.toSVG();
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      expect(doc.querySelector('parsererror')).to.equal(null);
      expect(doc.documentElement.getAttribute('viewBox')).to.match(/^0 0 [\d.]+ [\d.]+$/);
      expect(svg).to.not.match(/href="(?!#|data:)/);
      expect(doc.documentElement.textContent).to.contain('1.9074').and.contain('Heatmap: Token Attribution').and.contain('−1.5');
      const context = await rasterise(svg);
      // The figure's cells sit where the element measured them: offsets from the first cell match.
      const first = cellAt(el, 0, 0).getBoundingClientRect();
      const texts = [...doc.querySelectorAll('text')];
      const firstText = texts.find((t) => t.textContent === '-0.0756')!;
      const x0 = Number(firstText.getAttribute('x'));
      const y0 = Number(firstText.getAttribute('y')) - 4;
      for (let r = 0; r < seed.rows.length; r++) {
        for (let c = 0; c < seed.columns.length; c++) {
          const box = cellAt(el, r, c).getBoundingClientRect();
          // Sample beside the text, inside the cell.
          const x = x0 + (box.left - first.left) - box.width / 2 + 3;
          const y = y0 + (box.top - first.top);
          expect(rgb(context, x, y), `cell ${r},${c}`).to.equal(getComputedStyle(cellAt(el, r, c)).backgroundColor);
        }
      }
    });

    it('toPNG() rasterises the figure at the asked scale', async () => {
      const el = await reference();
      const svg = await el.toSVG();
      const width = Number(/width="([\d.]+)"/.exec(svg)![1]);
      const height = Number(/height="([\d.]+)"/.exec(svg)![1]);
      const png = await el.toPNG({ scale: 3 });
      expect(png.type).to.equal('image/png');
      const bitmap = await createImageBitmap(png);
      expect(bitmap.width).to.equal(Math.round(width * 3));
      expect(bitmap.height).to.equal(Math.round(height * 3));
      expect((await createImageBitmap(await el.toPNG())).width).to.equal(Math.round(width * 2));
    });

    it('toCSV() writes every cell in your indices, round-tripping through a CSV reader', async () => {
      const el = await reference();
      el.rows = ['=SUM(A1)', 'a,b', 'say "hi"', ...seed.rows.slice(3)];
      el.values = seed.values.map((row, r) => row.map((v, c) => (r === 1 && c === 1 ? (null as unknown as number) : v)));
      el.transpose = true;
      await el.updateComplete;
      const rows = parseCsv(el.toCSV());
      expect(rows[0]).to.deep.equal(['row_index', 'column_index', 'row', 'column', 'value']);
      expect(rows).to.have.length(1 + 65);
      expect(rows[1]).to.deep.equal(['0', '0', "'=SUM(A1)", '9 + 3 = 12', '-0.0756']);
      expect(rows[1 + 5 + 1]).to.deep.equal(['1', '1', 'a,b', '7 x 5 = 35', '']);
      expect(rows[1 + 10]).to.deep.equal(['2', '0', 'say "hi"', '9 + 3 = 12', '0.0001']);
      expect(rows[1 + 2 * 5 + 4][4]).to.equal('-0');
      expect(rows[1 + 7 * 5 + 2]).to.deep.equal(['7', '2', '/', '4900 / 100 = 49', '1.9074']);
    });

    it('downloads SVG, PNG and CSV from the menu by keyboard, named after the caption', async () => {
      const el = await reference();
      const downloads: { name: string; body: Promise<string> }[] = [];
      let downloaded = () => {};
      const capture = (event: Event) => {
        const link = event.target as HTMLAnchorElement;
        if (link instanceof HTMLAnchorElement && link.download) {
          event.preventDefault();
          // Read it now: the page revokes the object URL once the download has started.
          downloads.push({ name: link.download, body: fetch(link.href).then((r) => r.text()) });
          downloaded();
        }
      };
      document.addEventListener('click', capture, true);
      try {
        const toggle = shadow(el).querySelector<HTMLButtonElement>('[part="export"] button')!;
        expect(toggle.getAttribute('aria-expanded')).to.equal('false');
        toggle.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        await sendKeys({ press: 'Tab' });
        expect(shadow(el).activeElement!.textContent).to.equal('Download SVG figure');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(downloads.map((d) => d.name)).to.deep.equal(['heatmap-token-attribution.svg']);
        const svg = await downloads[0].body;
        expect(svg).to.match(/^<svg /);

        // The menu closed; open it again and take the CSV, then check Escape closes it.
        toggle.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Enter' });
        expect(downloads.map((d) => d.name)).to.deep.equal(['heatmap-token-attribution.svg', 'heatmap-token-attribution.csv']);
        expect(await downloads[1].body).to.match(/^row_index,column_index,row,column,value\r\n/);
        toggle.focus();
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        await sendKeys({ press: 'Tab' });
        await sendKeys({ press: 'Tab' });
        // The PNG is rasterised first: its download comes a few tasks later.
        const png = new Promise<void>((resolve) => (downloaded = resolve));
        await sendKeys({ press: 'Enter' });
        await png;
        expect(downloads.at(-1)!.name).to.equal('heatmap-token-attribution.png');
        toggle.focus();
        await sendKeys({ press: 'Enter' });
        await sendKeys({ press: 'Escape' });
        await el.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      } finally {
        document.removeEventListener('click', capture, true);
      }
    });

    it('no-export hides the menu', async () => {
      const el = await reference('no-export');
      expect(shadow(el).querySelector('[part="export"]')).to.equal(null);
      expect(await el.toSVG()).to.match(/^<svg /);
    });

    it('exports a grouped view as shown: word labels, opened pieces indented', async () => {
      const el = await fixture<TokenHeatmap>(html`<token-heatmap
        .rows=${['▁In', 's', 'eq', '▁is']}
        .columns=${['a']}
        .values=${[[1], [2], [3], [4]]}
        group-rows="words"
      ></token-heatmap>`);
      shadow(el).querySelector<HTMLElement>('[role="rowheader"][aria-expanded]')!.click();
      await el.updateComplete;
      const doc = new DOMParser().parseFromString(await el.toSVG(), 'image/svg+xml');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
      expect(texts).to.include.members(['6.0000', '1.0000', '4.0000']);
      expect(texts.join(' ')).to.contain('Inseq');
    });
  });
});
