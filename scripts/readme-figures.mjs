// `npm run figures`: screenshots every <figure> of demo/figures.html into docs/<id>.png (and the
// reference figure into docs/reference-figure.png) in headless Chromium, for the README.
import puppeteer from 'puppeteer-core';
import { startDevServer } from '@web/dev-server';
import { findBrowser } from './browsers.mjs';
import config from '../web-dev-server.config.mjs';

const server = await startDevServer({ config: { ...config, open: false, port: 8766 }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
const browser = await puppeteer.launch({
  executablePath: findBrowser('chromium'),
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900, deviceScaleFactor: 2 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
  page.on('pageerror', (error) => console.error(`figures.html: ${error.message}`));
  await page.goto('http://localhost:8766/demo/figures.html', { waitUntil: 'networkidle0' });
  await page.waitForSelector('body[data-ready]');
  await page.evaluate(() => document.fonts.ready);
  for (const figure of await page.$$('figure[id]')) {
    const id = await figure.evaluate((f) => f.id);
    await figure.screenshot({ path: `docs/${id}.png` });
    console.log(`wrote docs/${id}.png`);
  }
} finally {
  await browser.close();
  await server.stop();
}
