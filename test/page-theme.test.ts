import { expect } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import type { TokenHeatmap } from '../src/index.js';
import { parseColor } from '../src/color.js';
import { loadSeed, painted, type Seed } from './helpers.js';

// The element in pages as sites and notebooks make them (issue 9 items 2 and 5): each page is an
// iframe of its own, with the element loaded as a module, like a user's page.

let seed: Seed;
before(async () => {
  seed = await loadSeed();
});
const frames: HTMLIFrameElement[] = [];
afterEach(async () => {
  for (const f of frames.splice(0)) f.remove();
  if (!navigator.userAgent.includes('Firefox')) await emulateMedia({ colorScheme: 'light' });
});

interface Page {
  win: Window;
  doc: Document;
  el: TokenHeatmap;
}

/** A page with `body`, the element loaded by a module script; no doctype when `quirks`. */
async function page(body: string, { head = '', quirks = false } = {}): Promise<Page> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 900px; height: 700px; border: 0';
  // A blob page, as an srcdoc page never is in quirks mode.
  const markup = `${quirks ? '' : '<!doctype html>'}<html lang="en"><head><meta charset="utf-8">${head}
    <script type="module" src="${location.origin}/src/index.ts"></script></head><body>${body}</body></html>`;
  frame.src = URL.createObjectURL(new Blob([markup], { type: 'text/html' }));
  frames.push(frame);
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('token-heatmap');
  const el = frame.contentDocument!.querySelector('token-heatmap') as TokenHeatmap;
  Object.assign(el, { rows: seed.rows, columns: seed.columns, values: seed.values, min: -1.5, max: 1.5, label: seed.label });
  await el.updateComplete;
  await painted();
  return { win, doc: frame.contentDocument!, el };
}

/** The element's own background: dark or light, as the reader sees it. */
function shade(p: Page): string {
  const background = p.win.getComputedStyle(p.el).backgroundColor;
  const parsed = parseColor(background);
  if (!parsed) return background;
  const [r, g, b] = parsed;
  return Math.max(r, g, b) < 60 ? 'dark' : Math.min(r, g, b) > 200 ? 'light' : 'neither';
}

/** Waits, frame by frame, until the element shows a theme (at most 2 s). */
async function shows(p: Page, theme: 'dark' | 'light', why: string): Promise<void> {
  for (let i = 0; i < 120 && shade(p) !== theme; i++) await painted();
  expect(shade(p), why).to.equal(theme);
}

const emulate = async (colorScheme: 'light' | 'dark') => {
  if (navigator.userAgent.includes('Firefox')) return false;
  await emulateMedia({ colorScheme });
  return true;
};

describe('the page’s theme, without a theme attribute (issue 9 item 5)', () => {
  it('VitePress: follows html.dark as it is toggled; theme still forces', async () => {
    const p = await page('<token-heatmap></token-heatmap>', {
      head: `<style>:root { --vp-c-bg: #ffffff; } .dark { --vp-c-bg: #1b1b1f; } body { background-color: var(--vp-c-bg); }</style>`,
    });
    await shows(p, 'light', 'light VitePress');
    p.doc.documentElement.classList.add('dark');
    await shows(p, 'dark', 'after html.dark is added');
    p.el.theme = 'light';
    await shows(p, 'light', 'theme="light" on a dark page');
    p.el.removeAttribute('theme');
    await shows(p, 'dark', 'theme removed: the page again');
    p.doc.documentElement.classList.remove('dark');
    await shows(p, 'light', 'after html.dark is removed');
    p.el.theme = 'dark';
    await shows(p, 'dark', 'theme="dark" on a light page');
  });

  it('Docusaurus: follows html[data-theme], the light mode having a transparent background', async () => {
    const p = await page('<main><token-heatmap></token-heatmap></main>', {
      head: `<style>
        :root { --ifm-background-color: transparent; }
        html[data-theme='dark'] { --ifm-background-color: #1b1b1d; color-scheme: dark; }
        html { background-color: var(--ifm-background-color); }
      </style><script>document.documentElement.dataset.theme = 'dark';</script>`,
    });
    await shows(p, 'dark', 'data-theme=dark');
    p.doc.documentElement.dataset.theme = 'light';
    await shows(p, 'light', 'data-theme=light (transparent, on a light canvas)');
  });

  it('JupyterLab: a dark theme on body[data-jp-theme-light=false] and a dark notebook panel', async () => {
    const p = await page(
      `<div class="jp-LabShell"><div class="jp-Notebook"><div class="jp-Cell"><div class="jp-OutputArea-output"><token-heatmap></token-heatmap></div></div></div></div>`,
      {
        head: `<style>
          body[data-jp-theme-light='true'] { --jp-layout-color0: #ffffff; }
          body[data-jp-theme-light='false'] { --jp-layout-color0: #111111; }
          .jp-Notebook { background: var(--jp-layout-color0); }
        </style><script>document.addEventListener('DOMContentLoaded', () => { document.body.dataset.jpThemeLight = 'false'; });</script>`,
      },
    );
    await shows(p, 'dark', 'JupyterLab dark');
    p.doc.body.dataset.jpThemeLight = 'true';
    await shows(p, 'light', 'JupyterLab light');
  });

  it('a light notebook on a dark OS stays light; a page that takes the OS preference follows it (Chromium)', async function () {
    if (!(await emulate('dark'))) this.skip();
    // Jupyter Notebook 6: a white page that declares no colour scheme.
    const notebook = await page('<div id="notebook"><div class="output_area"><token-heatmap></token-heatmap></div></div>', {
      head: '<style>body { background-color: #fff; }</style>',
    });
    expect(notebook.win.matchMedia('(prefers-color-scheme: dark)').matches).to.equal(true);
    await shows(notebook, 'light', 'light notebook, dark OS');
    // A page with no background and no colour scheme has a white canvas: light too.
    const plain = await page('<token-heatmap></token-heatmap>');
    await shows(plain, 'light', 'plain page, dark OS');
    // A page that follows the OS (color-scheme: light dark): dark, then light when the OS changes.
    const following = await page('<token-heatmap></token-heatmap>', { head: '<meta name="color-scheme" content="light dark">' });
    await shows(following, 'dark', 'color-scheme light dark, dark OS');
    await emulate('light');
    await shows(following, 'light', 'the OS turned light');
  });

  it('blends translucent backgrounds over the nearest opaque one, across shadow roots', async () => {
    const p = await page('<div id="app"></div><token-heatmap></token-heatmap>', { head: '<style>body { background: #f5f5f5; }</style>' });
    const host = p.doc.getElementById('app')!;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<div style="background: #202124"><div style="background: rgb(255 255 255 / 0.05)"><slot></slot><div id="here"></div></div></div>';
    root.getElementById('here')!.append(p.el);
    await shows(p, 'dark', 'inside a dark panel of a shadow root');
    (root.firstElementChild as HTMLElement).style.background = 'rgb(250 250 250)';
    await shows(p, 'light', 'the panel turned light (its inline style changed)');
  });
});

describe('quirks mode (issue 9 item 2)', () => {
  it('lays out without a doctype as with one: the colour bar as tall as the grid', async () => {
    const body = '<token-heatmap caption="Heatmap"></token-heatmap>';
    const sizes = async (quirks: boolean) => {
      const p = await page(body, { quirks });
      expect(p.doc.compatMode).to.equal(quirks ? 'BackCompat' : 'CSS1Compat');
      const root = p.el.shadowRoot!;
      const height = (selector: string) => Math.round(root.querySelector(selector)!.getBoundingClientRect().height);
      return { host: Math.round(p.el.getBoundingClientRect().height), grid: height('[role="grid"]'), scroller: height('.scroller'), colorbar: height('.colorbar'), ramp: height('.ramp') };
    };
    const standards = await sizes(false);
    const quirks = await sizes(true);
    expect(quirks).to.deep.equal(standards);
    // The 13 rows and the header: the bar is beside the grid, not 80 % of the 700 px window.
    expect(quirks.colorbar).to.equal(quirks.grid);
    expect(quirks.colorbar).to.be.below(0.7 * 700);
  });

  it('fills a height given to the element in quirks mode, the grid scrolling inside it', async () => {
    const p = await page('<token-heatmap style="height: 250px"></token-heatmap>', { quirks: true });
    expect(Math.round(p.el.getBoundingClientRect().height)).to.equal(250);
    const scroller = p.el.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    expect(scroller.scrollHeight).to.be.greaterThan(scroller.clientHeight);
    expect(Math.round(p.el.shadowRoot!.querySelector('.colorbar')!.getBoundingClientRect().bottom)).to.be.at.most(Math.round(p.el.getBoundingClientRect().bottom));
  });
});

describe('a page’s box-sizing', () => {
  it('lays out the same when the page makes the element content-box', async () => {
    const sizes = async (head: string) => {
      const p = await page('<token-heatmap caption="Heatmap"></token-heatmap>', { head });
      const root = p.el.shadowRoot!;
      const box = (selector: string) => {
        const r = root.querySelector(selector)!.getBoundingClientRect();
        return [Math.round(r.width), Math.round(r.height)];
      };
      return { cell: box('[role="gridcell"]'), rowLabel: box('[role="rowheader"]'), grid: box('[role="grid"]'), colorbar: box('[part~="colorbar"]'), tooltip: p.win.getComputedStyle(root.querySelector('[role="tooltip"]')!, '::before').boxSizing };
    };
    const plain = await sizes('');
    // Old CSS resets and some frameworks set this on every element, the host included.
    const contentBox = await sizes('<style>*, *::before, *::after { box-sizing: content-box }</style>');
    expect(contentBox).to.deep.equal(plain);
    expect(plain.tooltip).to.equal('border-box');
  });
});
