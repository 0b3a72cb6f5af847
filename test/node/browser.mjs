// Shared by the Node-side browser tests (test/node/*.test.mjs): real Chromium and Firefox through
// puppeteer-core, pages served from the repository root on a loopback port.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { findBrowser } from '../../scripts/browsers.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Launches 'chromium' or 'firefox' headless. */
export function launch(name = 'chromium', { javaScriptEnabled = true } = {}) {
  if (name === 'firefox') {
    return puppeteer.launch({ browser: 'firefox', executablePath: findBrowser('firefox'), headless: true });
  }
  return puppeteer.launch({
    executablePath: findBrowser('chromium'),
    args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    ...(javaScriptEnabled ? {} : {}),
  });
}

const TYPES = {
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.png': 'image/png',
};

/**
 * Serves the repository root on 127.0.0.1. `routes` maps a path to { body, headers } for pages a
 * test writes itself; `headers(path)` adds headers to every response (e.g. a Content-Security-Policy).
 */
export async function serve({ routes = {}, headers = () => ({}) } = {}) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(req.url.split('?')[0]);
    const route = routes[path];
    if (route) {
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8', ...headers(path), ...route.headers });
      return res.end(route.body);
    }
    const file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) return res.writeHead(403).end();
    const body = await readFile(file).catch(() => null);
    if (!body) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...headers(path) });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((r) => server.close(r)) };
}

/** The reference figure's data as the repository ships it. */
export async function seed() {
  return JSON.parse(await readFile(join(ROOT, 'demo/seed-heatmap.json'), 'utf8'));
}

/** Texts of the element's value cells, row-major, read from its shadow root. */
export function cellTexts(page, selector = 'token-heatmap') {
  return page.$eval(selector, (el) => [...el.shadowRoot.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim()));
}
