// The panel fed the hostile HAR corpus (test/fixtures/hostile/): it keeps rendering, and nothing in
// the captured data becomes markup — no script, no event-handler attribute, no javascript: link.
import { cleanup, fireEvent, render, waitFor } from '@testing-library/preact';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, test } from 'vitest';
import { App } from '../../src/panel/components/App.js';
import type { RawHarEntry } from '../../src/panel/source.js';
import { createStore } from '../../src/panel/store/create-store.js';
import { HOSTILE_DIR, writeLargeHostileFixtures } from '../../scripts/make-hostile-fixtures.mjs';
import { createFakeSource } from './fake-source.js';

afterEach(cleanup);

const tmp = mkdtempSync(join(tmpdir(), 'authlens-hostile-panel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The object entries of a fixture (DevTools only ever hands the panel objects). */
function entriesOf(path: string): RawHarEntry[] {
  const har = JSON.parse(readFileSync(path, 'utf8')) as { log: { entries: unknown[] } };
  // A live capture always has request and response objects.
  return har.log.entries.filter(isObj).map((e) => ({ ...e, request: isObj(e.request) ? e.request : {}, response: isObj(e.response) ? e.response : {} }) as RawHarEntry);
}

/** Markup that captured data must never produce. */
function injected(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['script', 'iframe', 'object', 'embed', 'img', 'svg', 'form', 'base', 'meta', 'link', 'style'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      const value = el.getAttribute(attr) ?? '';
      if (/^on/i.test(attr)) found.push(`<${tag} ${attr}>`);
      if (/^(href|src|action|formaction|xlink:href)$/i.test(attr) && /^\s*(javascript|data|vbscript):/i.test(value)) found.push(`<${tag} ${attr}="${value.slice(0, 40)}">`);
    }
  }
  return found;
}

/** The fake source, with getContent keeping the NetworkSource contract (a string or null) as the real ones do. */
function hostileSource() {
  const fake = createFakeSource();
  fake.source.getContent = async (entry: RawHarEntry) => {
    const content = (entry.response as { content?: { text?: unknown; encoding?: unknown } } | undefined)?.content;
    return { text: typeof content?.text === 'string' ? content.text : null, encoding: typeof content?.encoding === 'string' ? content.encoding : null };
  };
  return fake;
}

const files = ['html-payloads.har', 'control-chars.har', 'binary-body.har', 'wrong-types.har'].map((name) => ({ name, path: join(HOSTILE_DIR, name) }));

describe('panel with hostile captured data', () => {
  const large = writeLargeHostileFixtures(tmp) as Record<string, string>;
  const all = [...files, { name: 'deep-json.har', path: large['deep-json.har']! }];

  test.each(all)('$name: every row and every tab renders as text', async ({ path }) => {
    const fake = hostileSource();
    const store = createStore(fake.source);
    const view = render(<App store={store} />);
    const entries = entriesOf(path);
    fake.push(...entries);
    await waitFor(() => expect(store.all.value.length).toBe(entries.length));
    // Show every row, not only auth failures.
    store.authOnly.value = false;
    await waitFor(() => expect(view.container.querySelectorAll('[data-status]').length).toBe(entries.length));
    const rows = [...view.container.querySelectorAll<HTMLElement>('[data-status]')];
    for (const row of rows) {
      fireEvent.click(row);
      const tabs = await waitFor(() => {
        const t = [...view.container.querySelectorAll<HTMLElement>('.detail [role="tab"]')];
        if (t.length !== 6) throw new Error('no detail tabs yet');
        return t;
      });
      for (const tab of tabs) {
        fireEvent.click(tab);
        await waitFor(() => expect(tab.getAttribute('aria-selected')).toBe('true'));
        const panel = view.container.querySelector('.detail [role="tabpanel"]');
        // Not blank: the tab shows something, and the list is still there.
        expect((panel?.textContent ?? '').trim().length, `${tab.textContent} tab is empty`).toBeGreaterThan(0);
        expect(view.container.querySelectorAll('[data-status]').length).toBe(entries.length);
        expect(injected(view.container), `${tab.textContent} tab`).toEqual([]);
      }
    }
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  }, 60_000);

  test('the payloads are shown, as text', async () => {
    const fake = hostileSource();
    const store = createStore(fake.source);
    const view = render(<App store={store} />);
    fake.push(...entriesOf(join(HOSTILE_DIR, 'html-payloads.har')));
    const row = await waitFor(() => {
      const r = view.container.querySelector<HTMLElement>('[data-status="401"]');
      if (!r) throw new Error('no row yet');
      return r;
    });
    fireEvent.click(row);
    const challengeTab = await waitFor(() => {
      const t = [...view.container.querySelectorAll<HTMLElement>('.detail [role="tab"]')].find((b) => b.textContent?.startsWith('Challenge'));
      if (!t) throw new Error('no tabs yet');
      return t;
    });
    fireEvent.click(challengeTab);
    await waitFor(() => expect(view.container.textContent).toContain('<script>alert(1)</script>'));
    expect(view.container.querySelector('script')).toBeNull();
  });
});
