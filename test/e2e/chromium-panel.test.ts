// Real Chromium, real DevTools, the built extension from dist/chrome (npm run build first).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Frame } from 'puppeteer-core';
import { launchChromium } from './harness.mjs';

type ChromiumSession = Awaited<ReturnType<typeof launchChromium>>;
import { startScenarioServer } from '../scenario/server.mjs';

interface Scenario { name: string; path: string; expect: string[]; hidden?: boolean; request?: unknown }
let server: { origin: string; scenarios: Scenario[]; close(): Promise<void> };
let session: ChromiumSession;
let panel: Frame;

const rowSelector = (status: number, path: string) => `[data-status="${status}"]::-p-text(${path})`;

/**
 * Types `text` into the panel's filter box, replacing what was there, as a user looking for a row
 * would: the list keeps only the rows near its viewport in the DOM, so a row further down is found
 * through the filter.
 */
async function filterFor(text: string) {
  await panel.focus('input.filter');
  await panel.$eval('input.filter', (el) => (el as HTMLInputElement).select());
  if (text) await session.devtools.keyboard.type(text);
  else await session.devtools.keyboard.press('Backspace');
  await panel.waitForFunction((t: string) => (document.querySelector('input.filter') as HTMLInputElement | null)?.value === t, { timeout: 5000 }, text);
}

beforeAll(async () => {
  server = await startScenarioServer();
  session = await launchChromium();
  // Traffic before the panel was ever shown: the page's own early 401 and one scenario.
  await session.page.goto(server.origin + '/', { waitUntil: 'networkidle0' });
  await session.page.evaluate(`runScenario('expired-token')`);
  panel = await session.showPanel();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('AuthLens panel in Chromium', () => {
  test('lists 401s made before the panel was first shown', async () => {
    await panel.waitForSelector(rowSelector(401, '/api/early401'), { timeout: 20_000 });
    await panel.waitForSelector(rowSelector(401, '/api/orders'), { timeout: 20_000 });
  });

  test('lists live failures with their status, one row per request', async () => {
    await session.page.evaluate(`runAll()`);
    for (const s of server.scenarios.filter((x) => x.expect.length)) {
      const path = s.path;
      await filterFor(path);
      await panel.waitForFunction(
        (p: string) => [...document.querySelectorAll('[data-status]')].some((el) => (el.textContent ?? '').includes(p) || (el.getAttribute('title') ?? '').includes(p)),
        { timeout: 20_000 },
        path,
      );
    }
    await filterFor('status:403');
    await panel.waitForSelector('[data-status]', { timeout: 5000 }).catch(() => null);
    const statuses = await panel.$$eval('[data-status]', (els) => els.map((el) => el.getAttribute('data-status')));
    expect(statuses).toContain('403');
    // The rejected CORS preflight is a row of its own.
    await filterFor('method:OPTIONS');
    await panel.waitForSelector('[data-status]', { timeout: 5000 }).catch(() => null);
    const optionsRows = await panel.$$eval('[data-status]', (els) => els.filter((el) => /OPTIONS/.test(el.textContent ?? '')).length);
    expect(optionsRows).toBeGreaterThan(0);
    await filterFor('');
  });

  test('clicking the expired-token row shows the token-expired finding', async () => {
    await filterFor('/api/orders');
    const row = await panel.waitForSelector(rowSelector(401, '/api/orders'));
    await row!.click();
    const finding = await panel.waitForSelector('[data-code="token-expired"]', { visible: true, timeout: 10_000 });
    expect(await finding!.evaluate((el) => el.getAttribute('data-severity'))).toBe('error');
  });

  test('"Copy fix" puts the fix and its references on the system clipboard', async () => {
    await filterFor('/api/orders');
    const row = await panel.waitForSelector(rowSelector(401, '/api/orders'));
    await row!.click();
    const button = await panel.waitForSelector('[data-code="token-expired"] .copy-fix', { visible: true, timeout: 10_000 });
    await button!.click();
    const toast = await panel.waitForSelector('.toast', { timeout: 5000 });
    expect(await toast!.evaluate((el) => el.textContent)).toBe('Fix copied');
    // Read back from the inspected page, which may read the clipboard once granted and focused.
    await session.page.browser().defaultBrowserContext().overridePermissions(server.origin, ['clipboard-read', 'clipboard-write']);
    await session.page.bringToFront();
    const copied = await session.page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(/^The token expired \d+ min before the request \(token-expired\)\nCalling the API: Refresh the token/);
    expect(copied).toContain('RFC 7519 §4.1.4: https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4');
    await filterFor('');
  });

  test('Token tab: claims with absolute and relative times, scope chips with the missing one marked', async () => {
    await filterFor('/api/orders/create');
    const row = await panel.waitForSelector(rowSelector(403, '/api/orders/create'));
    await row!.click();
    await panel.waitForSelector('.detail [role="tab"]', { visible: true });
    await panel.evaluate(() => [...document.querySelectorAll<HTMLElement>('.detail [role="tab"]')].find((t) => t.textContent?.startsWith('Token'))!.click());
    const token = await panel.waitForSelector('.detail .token', { visible: true, timeout: 5000 });
    const view = await token!.evaluate((el) => ({
      missing: [...el.querySelectorAll('.chip.missing')].map((c) => c.textContent),
      granted: [...el.querySelectorAll('.chip.granted')].map((c) => c.textContent),
      claims: [...el.querySelectorAll('table.kv th')].map((th) => th.textContent),
      exp: [...el.querySelectorAll('table.kv tr')].find((tr) => tr.querySelector('th')?.textContent === 'exp')?.textContent ?? '',
    }));
    expect(view.missing).toEqual(['orders:write']);
    expect(view.granted).toEqual(expect.arrayContaining(['orders:read']));
    expect(view.claims).toEqual(expect.arrayContaining(['iss', 'exp', 'scope', 'alg']));
    expect(view.exp).toMatch(/ min · now: (expires in|expired) /);
    await filterFor('');
  });

  test('every scenario shows its finding after a click', async () => {
    const missing: string[] = [];
    for (const s of server.scenarios.filter((x) => x.expect.length)) {
      // The last matching row: a retry loop is flagged on the repeats, not the first attempt.
      await filterFor(s.path);
      await panel
        .waitForFunction((p: string) => [...document.querySelectorAll('[data-status]')].some((el) => new URL(el.getAttribute('title') ?? '', 'http://x').pathname === p), { timeout: 5000 }, s.path)
        .catch(() => null);
      const rows = [];
      for (const r of await panel.$$('[data-status]')) {
        if (await r.evaluate((el, p) => new URL(el.getAttribute('title') ?? '', 'http://x').pathname === p, s.path)) rows.push(r);
      }
      const row = rows[rows.length - 1];
      if (!row) {
        missing.push(`${s.name}: no row`);
        continue;
      }
      await row.evaluate((el) => (el as HTMLElement).click());
      for (const code of s.expect) {
        const el = await panel.waitForSelector(`[data-code="${code}"]`, { visible: true, timeout: 3000 }).catch(() => null);
        if (!el) missing.push(`${s.name}: ${code}`);
      }
    }
    await filterFor('');
    expect(missing).toEqual([]);
  });

  test('keyboard: arrows select, Escape closes, "/" focuses the filter', async () => {
    await panel.evaluate(() => (document.querySelector('.detail button[aria-label="Close details"]') as HTMLElement | null)?.click());
    const list = await panel.waitForSelector('[role="grid"]');
    await list!.focus();
    await session.devtools.keyboard.press('ArrowDown');
    await panel.waitForSelector('.detail [role="tablist"]', { visible: true });
    const first = await panel.$eval('[role="row"][aria-selected="true"]', (el) => el.getAttribute('title'));
    await session.devtools.keyboard.press('ArrowDown');
    await panel.waitForFunction((t) => document.querySelector('[role="row"][aria-selected="true"]')?.getAttribute('title') !== t, {}, first);
    await session.devtools.keyboard.press('Escape');
    await panel.waitForFunction(() => !document.querySelector('.detail'));
    // Chromium's DevTools keeps Ctrl+F for its own search; "/" reaches the panel.
    await session.devtools.keyboard.press('/');
    // The panel is an out-of-process frame: the key is handled after press() returns, so wait for the focus.
    const focused = await panel
      .waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Filter requests', { timeout: 3000 })
      .then(() => 'Filter requests')
      .catch(() => panel.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName));
    expect(focused).toBe('Filter requests');
  });

  test('Export menu: the redacted-HAR preview names what will be removed', async () => {
    // The menus load on first use: this proves the chunk loads under the extension's CSP.
    await panel.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Export'))!.click());
    const item = await panel.waitForSelector('[role="menuitem"]', { visible: true, timeout: 5000 });
    await item!.click();
    const confirm = await panel.waitForSelector('[role="alertdialog"]', { visible: true, timeout: 10_000 });
    expect(await confirm!.evaluate((el) => el.textContent)).toMatch(/will be removed \(default level\)/);
    await panel.evaluate(() => [...document.querySelectorAll('[role="alertdialog"] button')].find((b) => b.textContent === 'Cancel')!.dispatchEvent(new MouseEvent('click', { bubbles: true })));
    await panel.waitForFunction(() => !document.querySelector('[role="alertdialog"]'));
  });

  test('screenshot of the panel', async () => {
    mkdirSync('artifacts', { recursive: true });
    await session.devtools.screenshot({ path: 'artifacts/chromium-panel.png' });
  });
});
