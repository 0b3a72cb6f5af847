// Screenshots a page of the demo in headless Chromium: `node scripts/screenshot.mjs [out.png] [selector] [url]`.
// Starts the dev server itself when no URL is given. Used for the README image.
import puppeteer from 'puppeteer-core';
import { startDevServer } from '@web/dev-server';
import { findBrowser } from './browsers.mjs';
import config from '../web-dev-server.config.mjs';

const [out = 'docs/reference-figure.png', selector = '#reference-figure', url] = process.argv.slice(2);
let server;
let target = url;
if (!target) {
  server = await startDevServer({ config: { ...config, open: false, port: 8765 }, readCliArgs: false, readFileConfig: false, logStartMessage: false });
  target = 'http://localhost:8765/demo/';
}
const browser = await puppeteer.launch({
  executablePath: findBrowser('chromium'),
  args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--force-color-profile=srgb'],
});
try {
  const page = await browser.newPage();
  await page.setViewport({ width: 1100, height: 900, deviceScaleFactor: 2 });
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: process.env.SCHEME ?? 'light' }]);
  await page.goto(target, { waitUntil: 'networkidle0' });
  await page.evaluate(() => document.fonts.ready);
  const element = await page.waitForSelector(selector);
  await element.screenshot({ path: out });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server?.stop();
}
