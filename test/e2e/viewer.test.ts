// The static HAR viewer (dist/web) in real Chromium: open a recorded HAR, see the diagnosis; a
// broken file gets a message that says what and where.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM, requireBrowser } from './harness.mjs';

let server: Server;
let browser: Browser;
let page: Page;
let origin = '';

beforeAll(async () => {
  requireBrowser(CHROMIUM, 'chromium');
  server = createServer(async (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    try {
      const body = await readFile(join('dist/web', path === '/' ? 'src/viewer/viewer.html' : path));
      res.writeHead(200, { 'Content-Type': extname(path) === '.js' ? 'text/javascript' : extname(path) === '.css' ? 'text/css' : 'text/html' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking'] });
  page = await browser.newPage();
  await page.goto(origin + '/', { waitUntil: 'networkidle0' });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function open(file: string) {
  const input = await page.waitForSelector('input[type=file]');
  await input!.uploadFile(file);
}

describe('HAR viewer', () => {
  test('shows the diagnosis of a recorded HAR', async () => {
    await open('test/fixtures/recorded/chromium-scenarios.har');
    await page.waitForSelector('[data-status]', { timeout: 20_000 });
    // The list keeps only the rows near its viewport in the DOM: find the row as a user would.
    await page.type('input.filter', '/api/orders');
    await page.waitForSelector('[data-status="401"][title*="/api/orders"]', { timeout: 20_000 });
    await page.$eval('[data-status="401"][title$="/api/orders"]', (el) => (el as HTMLElement).click());
    const card = await page.waitForSelector('[data-code="token-expired"]', { visible: true });
    expect(await card!.evaluate((el) => el.getAttribute('data-severity'))).toBe('error');
    expect(await page.$eval('.viewer-file', (el) => el.textContent)).toContain('WebInspector');
  });

  test('a truncated file gets a clear message with the position', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'authlens-viewer-'));
    const file = join(dir, 'broken.har');
    writeFileSync(file, '{"log": {"entries": [\n  {"request": ');
    await open(file);
    const alert = await page.waitForSelector('.viewer-error', { timeout: 10_000 });
    const text = await alert!.evaluate((el) => el.textContent ?? '');
    expect(text).toContain('broken.har');
    expect(text).toMatch(/line \d+, column \d+|not valid JSON/);
  });
});
