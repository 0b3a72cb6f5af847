import { html, fixture, expect } from '@open-wc/testing';
import { executeServerCommand, resetMouse } from '@web/test-runner-commands';
import { visualDiff } from '@web/test-runner-visual-regression';
import '../../src/index.js';
import type { TokenHeatmap } from '../../src/index.js';
import { expectReferenceCells, loadSeed, painted } from '../helpers.js';

// The reference figure, pixel for pixel, against the baselines in test/visual/baselines/<browser>/
// (device scale 1, DejaVu fonts as Debian's chromium and firefox-esr use them). A change that moves
// a pixel fails here: look at screenshots/failed/<browser>/, and if the change is meant, update the
// baselines with `npm run test:visual -- --update-visual-baseline` and commit them.

/** Waits until the element has rendered, measured its colour bar and rendered again, and that is painted. */
async function settled(el: TokenHeatmap): Promise<void> {
  await document.fonts.ready;
  for (let frames = 0; frames < 60; frames++) {
    await el.updateComplete;
    await painted();
    if (!el.isUpdatePending) return;
  }
  throw new Error('the element kept updating for 60 frames');
}

async function referenceFigure(theme: 'light' | 'dark'): Promise<HTMLElement> {
  const seed = await loadSeed();
  // A fixed-size page area with the theme's own background, away from the pointer's corner.
  const frame = await fixture<HTMLElement>(html`<div
    style="display: inline-block; margin: 16px; padding: 8px; background: ${theme === 'dark' ? '#121212' : '#ffffff'}"
  >
    <token-heatmap
      theme=${theme}
      .rows=${seed.rows}
      .columns=${seed.columns}
      .values=${seed.values}
      min="-1.5"
      max="1.5"
      label=${seed.label}
      caption=${seed.caption}
    ></token-heatmap>
  </div>`);
  const el = frame.querySelector<TokenHeatmap>('token-heatmap')!;
  await settled(el);
  expectReferenceCells(el);
  return frame;
}

describe('the reference figure, pixel for pixel (issue 9 item 34)', () => {
  before(() => resetMouse());

  it('matches the light baseline', async () => {
    await visualDiff(await referenceFigure('light'), 'reference-light');
  });

  it('matches the dark baseline', async () => {
    await visualDiff(await referenceFigure('dark'), 'reference-dark');
  });

  it('fails on a one-pixel change', async function (this: { skip(): void }) {
    // Updating would save the shifted image as the light baseline.
    if (await executeServerCommand<boolean, undefined>('visual-update-mode')) this.skip();
    const frame = await referenceFigure('light');
    const heatmap = frame.querySelector<TokenHeatmap>('token-heatmap')!;
    // One pixel to the right, the frame's size unchanged.
    Object.assign(heatmap.style, { position: 'relative', left: '1px' });
    await painted();
    let error: unknown = null;
    try {
      await visualDiff(frame, 'reference-light@must-differ');
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.match(/Visual diff failed.*\d%/);
  });
});
