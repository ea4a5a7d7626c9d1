// A big HAR (≈ 20 MB, generated) opened in the static viewer (dist/web) in real Chromium: the load
// finishes, every request becomes a row, the progress bar shows on the way, and the page never
// freezes (parsing and batching happen in the HAR worker). The precise long-task figure for a
// 100 MB file is in the benchmark (bench/viewer.mjs); here the bound is loose because CI machines
// are noisy.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { generatedHar, loadInViewer, openViewer } from '../../bench/viewer.mjs';
import { serveViewer } from '../../scripts/serve-viewer.mjs';

let server: { origin: string; close(): Promise<void> };
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await serveViewer({ port: 0 });
  ({ browser, page } = await openViewer(server.origin));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('a 20 MB HAR loads in the viewer without freezing the page', async () => {
  const file = generatedHar(20_000_000);
  const entries = (JSON.parse(readFileSync(file, 'latin1')) as { log: { entries: { startedDateTime: string; request: { method: string; url: string }; response: { status: number } }[] } }).log.entries;
  // The panel drops exact repeats (same start time, method, URL and status), as it does for live capture.
  const distinct = new Set(entries.map((e) => `${e.startedDateTime}|${e.request.method}|${e.request.url}|${e.response.status}`)).size;

  const r = await loadInViewer(page, file, { timeoutMs: 90_000 });

  expect(r.loadedText).toContain(`${entries.length} requests`);
  expect(r.rows).toBe(distinct);
  expect(r.visible).toBeGreaterThan(0);
  expect(await page.$('[data-status="401"]')).not.toBeNull();
  expect(r.progressShown).toBe(true);
  expect(r.phases).toContain('Parsing');
  expect(r.longestTaskMs).toBeLessThan(1000);
});
