// Real Firefox ESR, real toolbox, the built extension from dist/firefox (npm run build first).
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchFirefox } from './harness.mjs';

type FirefoxSession = Awaited<ReturnType<typeof launchFirefox>>;
import { startScenarioServer } from '../scenario/server.mjs';

interface Scenario { name: string; path: string; expect: string[]; hidden?: boolean; request?: unknown }
let server: { origin: string; scenarios: Scenario[]; close(): Promise<void> };
let session: FirefoxSession;

/**
 * Panel code that puts `text` in the filter box and lets the list render, as a user looking for a
 * row would: the list keeps only the rows near its viewport in the DOM, so a row further down is
 * found through the filter.
 */
const filterFor = (text: string) => `
  const filter = document.querySelector('input.filter');
  if (filter && filter.value !== ${JSON.stringify(text)}) {
    filter.focus();
    filter.value = ${JSON.stringify(text)};
    filter.dispatchEvent(new window.Event('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
  }`;

const hasRow = (status: number, path: string) =>
  `${filterFor(path)}
  return [...document.querySelectorAll('[data-status="${status}"]')].some((el) => (el.textContent || '').includes(${JSON.stringify(path)}) || (el.getAttribute('title') || '').includes(${JSON.stringify(path)}));`;

beforeAll(async () => {
  server = await startScenarioServer();
  session = await launchFirefox();
  await session.page.goto(server.origin + '/');
  // DevTools open on another tool: the devtools page is running, the AuthLens panel is not yet.
  await session.openToolbox('webconsole');
  await new Promise((r) => setTimeout(r, 1000));
  await session.page.evaluate(`runScenario('expired-token')`);
  await session.showPanel();
});

afterAll(async () => {
  await session?.close();
  await server?.close();
});

describe('AuthLens panel in Firefox', () => {
  test('lists a 401 that finished while DevTools showed another tool', async () => {
    await session.waitInPanel(hasRow(401, '/api/orders'));
  });

  test('lists live failures', async () => {
    await session.page.evaluate(`runAll()`);
    await session.waitInPanel(hasRow(403, '/api/orders/create'));
    await session.waitInPanel(hasRow(401, '/api/legacy'));
    await session.waitInPanel(hasRow(401, '/api/profile'));
  });

  test('clicking the expired-token row shows the token-expired finding', async () => {
    const severity = await session.waitInPanel(`${filterFor('/api/orders')}
      const row = [...document.querySelectorAll('[data-status="401"]')].find((el) => (el.textContent || '').includes('/api/orders'));
      if (!row) return null;
      row.click();
      await new Promise((r) => setTimeout(r, 100));
      const f = document.querySelector('[data-code="token-expired"]');
      return f && f.getClientRects().length ? f.getAttribute('data-severity') : null;`);
    expect(severity).toBe('error');
  });

  test('"Copy fix" puts the fix and its references on the system clipboard', async () => {
    const toast = await session.waitInPanel(`${filterFor('/api/orders')}
      const row = [...document.querySelectorAll('[data-status="401"]')].find((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === '/api/orders');
      if (!row) return null;
      row.click();
      for (let i = 0; i < 40 && !document.querySelector('[data-code="token-expired"] .copy-fix'); i++) await new Promise((r) => setTimeout(r, 50));
      const button = document.querySelector('[data-code="token-expired"] .copy-fix');
      if (!button) return null;
      // The click as the user's (Firefox lets only user input write the clipboard): the frame
      // script marks it as handled user input, which is what a real click sets.
      const input = window.windowUtils.setHandlingUserInput(true);
      try {
        button.click();
      } finally {
        input.destruct();
      }
      for (let i = 0; i < 40 && !document.querySelector('.toast'); i++) await new Promise((r) => setTimeout(r, 50));
      const t = document.querySelector('.toast');
      return t && t.textContent;`);
    expect(toast).toBe('Fix copied');
    const copied = String(await session.clipboardText());
    expect(copied).toMatch(/^The token expired \d+ min before the request \(token-expired\)\nCalling the API: Refresh the token/);
    expect(copied).toContain('RFC 7519 §4.1.4: https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4');
  });

  test('Token tab: claims with absolute and relative times, scope chips with the missing one marked', async () => {
    const view = (await session.waitInPanel(`${filterFor('/api/orders/create')}
      const row = [...document.querySelectorAll('[data-status="403"]')].find((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === '/api/orders/create');
      if (!row) return null;
      row.click();
      for (let i = 0; i < 40 && !document.querySelector('.detail [role="tab"]'); i++) await new Promise((r) => setTimeout(r, 50));
      const tab = [...document.querySelectorAll('.detail [role="tab"]')].find((t) => t.textContent.startsWith('Token'));
      if (!tab) return null;
      tab.click();
      for (let i = 0; i < 40 && !document.querySelector('.detail .token'); i++) await new Promise((r) => setTimeout(r, 50));
      const el = document.querySelector('.detail .token');
      if (!el) return null;
      return {
        missing: [...el.querySelectorAll('.chip.missing')].map((c) => c.textContent),
        granted: [...el.querySelectorAll('.chip.granted')].map((c) => c.textContent),
        claims: [...el.querySelectorAll('table.kv th')].map((th) => th.textContent),
        exp: ([...el.querySelectorAll('table.kv tr')].find((tr) => tr.querySelector('th') && tr.querySelector('th').textContent === 'exp') || { textContent: '' }).textContent,
      };`)) as { missing: string[]; granted: string[]; claims: string[]; exp: string };
    expect(view.missing).toEqual(['orders:write']);
    expect(view.granted).toEqual(expect.arrayContaining(['orders:read']));
    expect(view.claims).toEqual(expect.arrayContaining(['iss', 'exp', 'scope', 'alg']));
    expect(view.exp).toMatch(/ min · now: (expires in|expired) /);
  });

  test('keyboard: arrows select, Escape closes, Ctrl+F focuses the filter', async () => {
    // Keys go to the focused element of the real panel document, as the toolbox routes them.
    const path = (await session.waitInPanel(`${filterFor('')}
      const close = document.querySelector('.detail button[aria-label="Close details"]');
      if (close) close.click();
      const wait = (ok) => new Promise((resolve) => { let n = 0; const t = window.setInterval(() => { if (ok() || ++n > 60) { window.clearInterval(t); resolve(ok()); } }, 50); });
      await wait(() => !document.querySelector('.detail'));
      const grid = document.querySelector('[role="grid"]');
      grid.focus();
      const key = (k, ctrlKey = false) => document.activeElement.dispatchEvent(new window.KeyboardEvent('keydown', { key: k, ctrlKey, bubbles: true, cancelable: true }));
      // Where the selected row stands (two rows may share a URL).
      const selected = () => { const r = document.querySelector('[role="row"][aria-selected="true"]'); return r && r.style.top; };
      key('ArrowDown');
      const opened = await wait(() => !!document.querySelector('.detail [role="tablist"]'));
      const first = selected();
      key('ArrowDown');
      await wait(() => selected() !== first);
      const second = selected();
      key('Escape');
      const closed = await wait(() => !document.querySelector('.detail'));
      const listFocused = document.activeElement === grid;
      key('f', true);
      return { opened, first, second, closed, listFocused, focused: document.activeElement.getAttribute('aria-label') };`)) as Record<string, unknown>;
    expect(path.opened).toBe(true);
    expect(path.first).toBeTruthy();
    expect(path.second).toBeTruthy();
    expect(path.second).not.toBe(path.first);
    expect(path.closed).toBe(true);
    expect(path.listFocused).toBe(true);
    expect(path.focused).toBe('Filter requests');
  });

  test('every scenario the Firefox log recorded shows its finding after a click', async () => {
    const missing: string[] = [];
    for (const s of server.scenarios.filter((x) => x.expect.length)) {
      const codes = await (session.evalInPanel as (code: string) => Promise<string[] | null>)(`${filterFor(s.path)}
        const rows = [...document.querySelectorAll('[data-status]')].filter((el) => new URL(el.getAttribute('title') || '', 'http://x').pathname === ${JSON.stringify(s.path)});
        const row = rows[rows.length - 1];
        if (!row) return null;
        row.click();
        // The detail pane of the row clicked, not the one shown before the click.
        for (let i = 0; i < 40 && row.getAttribute('aria-selected') !== 'true'; i++) await new Promise((r) => setTimeout(r, 50));
        for (let i = 0; i < 40 && !document.querySelector('.detail [data-code]') && !document.querySelector('.detail .empty'); i++) await new Promise((r) => setTimeout(r, 50));
        return [...document.querySelectorAll('[data-code]')].filter((e) => e.getClientRects().length).map((e) => e.getAttribute('data-code'));`);
      if (codes === null) missing.push(`${s.name}: no row`);
      else for (const code of s.expect) if (!codes.includes(code)) missing.push(`${s.name}: ${code} (saw ${codes.join(', ') || 'none'})`);
    }
    expect(missing).toEqual([]);
  });

  test('screenshot of the panel', async () => {
    mkdirSync('artifacts', { recursive: true });
    await session.screenshot('artifacts/firefox-panel.png');
  });
});
