// The panel UI with a fake network source (no extension, no browser APIs).
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, test } from 'vitest';
import { App } from '../../src/panel/components/App.js';
import { FINDING_TITLES } from '../../src/core/knowledge/titles.js';
import { createStore } from '../../src/panel/store/create-store.js';
import { createFakeSource, entry, expiredToken, validToken } from './fake-source.js';

afterEach(cleanup);

/** Waits until the selector matches (waitFor retries only on a throw). */
function found(root: ParentNode, selector: string): Promise<HTMLElement> {
  return waitFor(() => {
    const el = root.querySelector<HTMLElement>(selector);
    if (!el) throw new Error(`no ${selector} yet`);
    return el;
  });
}

function setup() {
  const fake = createFakeSource();
  const store = createStore(fake.source);
  const view = render(<App store={store} />);
  return { fake, store, view };
}

const expired401 = () =>
  entry({
    url: 'https://api.example.test/orders',
    status: 401,
    reqHeaders: [['Authorization', `Bearer ${expiredToken()}`]],
    resHeaders: [['WWW-Authenticate', 'Bearer realm="api", error="invalid_token", error_description="expired"']],
  });

describe('AuthLens panel', () => {
  test('says what to do when nothing was captured yet', () => {
    setup();
    expect(screen.getByText(/No auth failures yet/)).toBeTruthy();
  });

  test('lists failures as rows with data-status, de-duplicating backfill and live events', async () => {
    const { fake, store, view } = setup();
    const e = expired401();
    fake.push(e, entry({ url: 'https://api.example.test/ok', status: 200, started: '2026-11-22T10:00:01.000Z' }));
    fake.push(structuredClone(e));
    await waitFor(() => expect(view.container.querySelectorAll('[data-status="401"]').length).toBe(1));
    // "Auth only" hides the healthy 200 but it is captured.
    expect(view.container.querySelector('[data-status="200"]')).toBeNull();
    expect(store.all.value.length).toBe(2);
    expect(view.container.querySelector('[data-status="401"]')!.getAttribute('title')).toContain('/orders');
  });

  test('clicking a row opens the diagnosis with a token-expired card', async () => {
    const { fake, view } = setup();
    fake.push(expired401());
    const row = await found(view.container, '[data-status="401"]');
    fireEvent.click(row);
    const card = await found(view.container, '[data-code="token-expired"]');
    expect(card.getAttribute('data-severity')).toBe('error');
    // The title: method, host and path (they give way to an ellipsis), then the status apart (it always shows).
    const title = view.container.querySelector('.detail-title')!;
    expect(title.getAttribute('title')).toBe('https://api.example.test/orders');
    expect(title.querySelector('.detail-url')!.textContent).toBe('GET api.example.test/orders');
    expect(title.querySelector('.detail-status')!.textContent).toBe(' → 401');
    expect(card.textContent).toContain('expired 12 min before the request');
    // Only finding cards carry data-code.
    for (const el of view.container.querySelectorAll('[data-code]')) expect(el.classList.contains('card')).toBe(true);
  });

  test('evidence lists read as lists, one value per line, not as JSON', async () => {
    const { fake, view } = setup();
    fake.push(
      entry({
        url: 'https://api.example.test/orders',
        method: 'POST',
        status: 403,
        reqHeaders: [['Authorization', `Bearer ${validToken('orders:read profile')}`]],
        resHeaders: [['WWW-Authenticate', 'Bearer error="insufficient_scope", scope="orders:write"']],
      }),
    );
    fireEvent.click(await found(view.container, '[data-status="403"]'));
    const card = await found(view.container, '[data-code="insufficient-scope"]');
    const value = (key: string) => [...card.querySelectorAll('tr')].find((tr) => tr.querySelector('th')!.textContent === key)!.querySelector('td')!;
    expect([...value('granted').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['orders:read', 'profile']);
    expect([...value('missing').querySelectorAll('li')].map((li) => li.textContent)).toEqual(['orders:write']);
    expect(card.querySelector('table.evidence')!.textContent).not.toContain('["');
  });

  test('keyboard: arrow keys select, Escape closes, Enter opens the same row again', async () => {
    const { fake, store, view } = setup();
    fake.push(expired401(), entry({ url: 'https://api.example.test/admin', status: 403, started: '2026-11-22T10:00:02.000Z' }));
    const list = await found(view.container, '[role="grid"]');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(store.selected.value?.url).toContain('/orders');
    fireEvent.keyDown(list, { key: 'ArrowDown' });
    expect(store.selected.value?.url).toContain('/admin');
    // Chromium's DevTools forwards any Escape that reaches the panel's document to itself (it
    // opens the console drawer), so the one that closes the detail pane must stop before it.
    const reachedDocument: string[] = [];
    const onDocumentKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') reachedDocument.push(e.key);
    };
    document.addEventListener('keydown', onDocumentKey);
    fireEvent.keyDown(list, { key: 'Escape' });
    expect(store.selected.value).toBeNull();
    expect(reachedDocument).toEqual([]);
    // Enter opens the row that was open again, not the first one.
    fireEvent.keyDown(list, { key: 'Enter' });
    expect(store.selected.value?.url).toContain('/admin');
    fireEvent.keyDown(list, { key: 'Escape' });
    // With nothing left to close, Escape is DevTools' again.
    fireEvent.keyDown(list, { key: 'Escape' });
    document.removeEventListener('keydown', onDocumentKey);
    expect(reachedDocument).toEqual(['Escape']);
  });

  test('the filter box narrows rows with the Network-panel syntax', async () => {
    const { fake, view } = setup();
    fake.push(expired401(), entry({ url: 'https://api.example.test/admin', status: 403, started: '2026-11-22T10:00:02.000Z' }));
    await waitFor(() => expect(view.container.querySelectorAll('[data-status]').length).toBe(2));
    fireEvent.input(screen.getByLabelText('Filter requests'), { target: { value: 'status:403' } });
    await waitFor(() => expect(view.container.querySelectorAll('[data-status]').length).toBe(1));
    fireEvent.input(screen.getByLabelText('Filter requests'), { target: { value: '-code:token-expired' } });
    await waitFor(() => expect(view.container.querySelector('[data-status="401"]')).toBeNull());
  });

  test('navigation clears the log unless preserve log is on', async () => {
    const { fake, store } = setup();
    fake.push(expired401());
    await waitFor(() => expect(store.all.value.length).toBe(1));
    store.preserveLog.value = true;
    fake.navigate('https://app.example.test/');
    expect(store.all.value.length).toBe(1);
    store.preserveLog.value = false;
    fake.navigate('https://app.example.test/');
    await waitFor(() => expect(store.all.value.length).toBe(0));
  });

  test('a request reported long after it finished is judged again in start order', async () => {
    const { fake, store } = setup();
    const at = (sec: number) => new Date(Date.parse('2026-11-22T10:00:00Z') + sec * 1000).toISOString();
    // The redirect that dropped Authorization (RFC 9110 §15.4) and the 401 that followed it.
    const redirect = entry({ url: 'https://api.example.test/v1/orders', status: 307, started: at(0), reqHeaders: [['Authorization', `Bearer ${expiredToken()}`]], resHeaders: [['Location', 'https://data.example.test/v1/orders']] });
    (redirect.response as { redirectURL: string }).redirectURL = 'https://data.example.test/v1/orders';
    const followUp = entry({ url: 'https://data.example.test/v1/orders', status: 401, started: at(1), resHeaders: [['WWW-Authenticate', 'Bearer realm="data"']] });
    const later = Array.from({ length: 80 }, (_, i) => entry({ url: `https://api.example.test/r${i}`, status: 200, started: at(2 + i) }));
    fake.push(followUp, ...later);
    await waitFor(() => expect(store.all.value.length).toBe(81));
    const codesOf = () => store.all.value.find((r) => r.url === 'https://data.example.test/v1/orders')!.codes;
    expect(codesOf()).not.toContain('auth-dropped-on-redirect');
    // The getHAR re-read brings the redirect, 81 rows late.
    fake.push(redirect);
    await waitFor(() => expect(codesOf()).toContain('auth-dropped-on-redirect'), { timeout: 3000 });
    expect(store.all.value[0]!.status).toBe(307);
  });

  test('capture notices are shown', async () => {
    const { fake } = setup();
    fake.notice('Reload the page to capture everything.');
    await waitFor(() => expect(screen.getByText('Reload the page to capture everything.')).toBeTruthy());
  });

  test('entries beyond the limit are dropped oldest first, and the panel says so', async () => {
    const { fake, store } = setup();
    store.updateSettings({ maxEntries: 100 });
    const many = Array.from({ length: 105 }, (_, i) => entry({ url: `https://api.example.test/r${i}`, status: 401, started: new Date(Date.parse('2026-11-22T10:00:00Z') + i * 1000).toISOString() }));
    fake.push(...many);
    await waitFor(() => expect(screen.getByText(/5 older entries dropped/)).toBeTruthy());
    expect(store.all.value[0]!.url).toContain('/r5');
    // The live panel re-reads the whole browser log: the dropped entries must stay dropped.
    fake.push(...many);
    await new Promise((r) => setTimeout(r, 20));
    expect(store.all.value.length).toBe(100);
    expect(screen.getByText(/5 older entries dropped/)).toBeTruthy();
  });

  test('Export: a redacted HAR is previewed, then saved without the token signature; the report is copied', async () => {
    const { fake, view } = setup();
    const e = expired401();
    fake.push(e);
    await found(view.container, '[data-status="401"]');
    fireEvent.click(screen.getByText('Export ▾'));
    fireEvent.click(await screen.findByText('Redacted HAR…'));
    const confirm = await found(view.container, '[role="alertdialog"]');
    expect(confirm.textContent).toMatch(/will be removed \(default level\)/);
    fireEvent.click(screen.getByText('Save'));
    expect(fake.downloads.map((d) => d.name)).toEqual(['authlens-redacted.har']);
    const signature = expiredToken().split('.')[2]!;
    expect(fake.downloads[0]!.text).not.toContain(signature);
    expect(JSON.parse(fake.downloads[0]!.text).log.entries).toHaveLength(1);

    fireEvent.click(screen.getByText('Export ▾'));
    fireEvent.click(await screen.findByText('Copy report (Markdown)'));
    await waitFor(() => expect(fake.copied.length).toBe(1));
    expect(fake.copied[0]).toContain('token-expired');
    expect(fake.copied[0]).not.toContain(signature);
  });

  test('Settings: the clock tolerance typed in is the one the store keeps', async () => {
    const { store } = setup();
    fireEvent.click(screen.getByTitle('Settings'));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    const input = dialog.querySelector<HTMLInputElement>('input[type="number"]')!;
    fireEvent.change(input, { target: { value: '120' } });
    expect(store.settings.value.clockToleranceSec).toBe(120);
  });

  test('the toolbar offers recording, clearing and "Preserve log" live, not for a HAR file', () => {
    const live = setup();
    expect(live.view.getByTitle('Stop recording')).toBeTruthy();
    expect(live.view.getByTitle('Clear')).toBeTruthy();
    expect(live.view.getByLabelText('Preserve log')).toBeTruthy();
    live.view.unmount();
    const fake = createFakeSource();
    const file = render(<App store={createStore({ ...fake.source, kind: 'file' })} />);
    expect(file.queryByTitle('Stop recording')).toBeNull();
    expect(file.queryByTitle('Record')).toBeNull();
    expect(file.queryByTitle('Clear')).toBeNull();
    expect(file.queryByLabelText('Preserve log')).toBeNull();
    expect(file.getByLabelText('Filter requests')).toBeTruthy();
    expect(file.getByText('Open a HAR file to see its auth failures.')).toBeTruthy();
  });

  test('a copy the browser refuses is said, not claimed', async () => {
    const { fake, view } = setup();
    fake.clipboard.refuse = true;
    fake.push(expired401());
    fireEvent.click(await found(view.container, '[data-status="401"]'));
    const card = await found(view.container, '[data-code="token-expired"]');
    fireEvent.click(card.querySelector<HTMLButtonElement>('button.copy-fix')!);
    await waitFor(() => expect(screen.getByText('Fix not copied: the browser did not allow it')).toBeTruthy());
    expect(screen.queryByText('Fix copied')).toBeNull();
  });

  test('"Copy fix" copies the finding\'s fix for both sides, with its references', async () => {
    const { fake, view } = setup();
    fake.push(expired401());
    fireEvent.click(await found(view.container, '[data-status="401"]'));
    const card = await found(view.container, '[data-code="token-expired"]');
    fireEvent.click(card.querySelector<HTMLButtonElement>('button.copy-fix')!);
    await waitFor(() => expect(fake.copied.length).toBe(1));
    expect(fake.copied[0]).toMatch(/^.*\(token-expired\)\nCalling the API: .+\nBuilding the API: .+/);
    expect(fake.copied[0]).toContain('RFC 7519 §4.1.4: https://www.rfc-editor.org/rfc/rfc7519#section-4.1.4');
    await waitFor(() => expect(screen.getByText('Fix copied')).toBeTruthy());
  });

  test('detail tabs by keyboard: one tab in the Tab order, arrows, Home and End move and select', async () => {
    const { fake, view } = setup();
    fake.push(expired401());
    fireEvent.click(await found(view.container, '[data-status="401"]'));
    await found(view.container, '.detail [role="tab"]');
    const tabs = () => [...view.container.querySelectorAll<HTMLElement>('.detail [role="tab"]')];
    const selected = () => tabs().find((t) => t.getAttribute('aria-selected') === 'true')!.textContent;
    expect(tabs().map((t) => t.tabIndex)).toEqual([0, -1, -1, -1, -1, -1]);
    tabs()[0]!.focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(selected()).toBe('Challenge');
    expect(document.activeElement?.textContent).toBe('Challenge');
    expect(view.container.querySelector('[role="tabpanel"]')!.getAttribute('aria-labelledby')).toBe(document.activeElement!.id);
    expect(view.container.querySelector('[role="tabpanel"]')!.textContent).toContain('Bearer');
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(selected()).toBe('Body');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(selected()).toMatch(/^Diagnosis/);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowLeft' });
    expect(selected()).toBe('Body');
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(selected()).toMatch(/^Diagnosis/);
    expect(tabs().filter((t) => t.tabIndex === 0).map((t) => t.textContent)).toEqual([selected()]);
  });

  test('Escape closes the detail and gives keyboard focus back to the list', async () => {
    const { fake, view } = setup();
    fake.push(expired401());
    fireEvent.click(await found(view.container, '[data-status="401"]'));
    await found(view.container, '.detail [role="tab"]');
    (view.container.querySelector('.detail button') as HTMLElement).focus();
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(view.container.querySelector('.detail')).toBeNull());
    await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('grid'));
  });
});

describe('Summary', () => {
  const expiredAt = (path: string, second: number) =>
    entry({
      url: `https://api.example.test${path}`,
      status: 401,
      started: `2026-11-22T10:00:${String(second).padStart(2, '0')}.000Z`,
      reqHeaders: [['Authorization', `Bearer ${expiredToken()}`]],
      resHeaders: [['WWW-Authenticate', 'Bearer realm="api", error="invalid_token"']],
    });
  const openSummary = async (view: { container: Element }) => {
    fireEvent.click(screen.getByRole('button', { name: 'Summary' }));
    return found(view.container, '.summary');
  };

  test('says so when nothing failed yet; the Summary button says it is on', async () => {
    const { view } = setup();
    expect(screen.getByRole('button', { name: 'Summary' }).getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Summary' }));
    expect(screen.getByRole('button', { name: 'Summary' }).getAttribute('aria-pressed')).toBe('true');
    await waitFor(() => expect(view.container.textContent).toContain('No findings yet'));
  });

  test('groups findings by cause, most frequent first, with the top 3 endpoints and when they were seen', async () => {
    const { fake, store, view } = setup();
    // token-expired 7 times: /a three times, then /b, /c, /d, /e once each.
    fake.push(expiredAt('/a', 1), expiredAt('/a', 2), expiredAt('/b', 3), expiredAt('/a', 4), expiredAt('/c', 5), expiredAt('/d', 6), expiredAt('/e', 7));
    await waitFor(() => expect(store.all.value.length).toBe(7));
    const summary = await openSummary(view);
    const rows = [...summary.querySelectorAll('tbody tr')];
    const counts = rows.map((r) => Number(r.querySelector('.count')!.textContent));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const row = rows.find((r) => r.querySelector('.cause')!.textContent === FINDING_TITLES['token-expired'])!;
    expect(row.className).toBe('sev-error');
    expect(row.querySelector('.count')!.textContent).toBe('7');
    const endpoints = [...row.querySelectorAll('.endpoints li')].map((li) => li.textContent);
    expect(endpoints[0]).toBe('GET api.example.test/a (3)');
    expect(endpoints).toHaveLength(4);
    expect(endpoints[3]).toBe('and 2 more');
    const seen = [...row.querySelectorAll('.seen span')].map((s) => s.textContent);
    expect(seen).toEqual([`${new Date('2026-11-22T10:00:01.000Z').toLocaleTimeString()} –`, new Date('2026-11-22T10:00:07.000Z').toLocaleTimeString()]);
  });

  test('follows new requests while it is open', async () => {
    const { fake, view } = setup();
    fake.push(expiredAt('/a', 1));
    const summary = await openSummary(view);
    const count = () => [...summary.querySelectorAll('tbody tr')].find((r) => r.querySelector('.cause')!.textContent === FINDING_TITLES['token-expired'])?.querySelector('.count')!.textContent;
    await waitFor(() => expect(count()).toBe('1'));
    fake.push(expiredAt('/b', 2));
    await waitFor(() => expect(count()).toBe('2'));
  });

  test('a cause seen once shows its time once; clicking a cause lists its requests', async () => {
    const { fake, store, view } = setup();
    // And a request without credentials: a failure of another cause, which the click leaves out.
    fake.push(expiredAt('/a', 1), entry({ url: 'https://api.example.test/b', status: 401, started: '2026-11-22T10:00:02.000Z', resHeaders: [['WWW-Authenticate', 'Bearer realm="api"']] }));
    await waitFor(() => expect(store.all.value.length).toBe(2));
    const summary = await openSummary(view);
    const row = [...summary.querySelectorAll('tbody tr')].find((r) => r.querySelector('.cause')!.textContent === FINDING_TITLES['token-expired'])!;
    expect(row.querySelectorAll('.seen span')).toHaveLength(1);
    expect(summary.querySelectorAll('tbody tr').length).toBeGreaterThan(1);
    fireEvent.click(row.querySelector('button')!);
    expect(store.filterText.value).toBe('code:token-expired');
    expect(store.view.value).toBe('requests');
    await waitFor(() => expect(view.container.querySelectorAll('[data-status]').length).toBe(1));
    expect(view.container.querySelector('[data-status]')!.getAttribute('title')).toContain('/a');
  });
});

describe('Toolbar menus', () => {
  test('Export waits for something to export', async () => {
    const { fake } = setup();
    const exportButton = screen.getByText('Export ▾') as HTMLButtonElement;
    expect(exportButton.disabled).toBe(true);
    expect(exportButton.title).toBe('Nothing to export yet');
    fake.push(expired401());
    await waitFor(() => expect(exportButton.disabled).toBe(false));
  });

  test('Escape closes the open menu only: the detail stays open, focus goes back to the menu button, DevTools never sees the key', async () => {
    const { fake, store, view } = setup();
    fake.push(expired401());
    fireEvent.click(await found(view.container, '[data-status="401"]'));
    expect(store.selectedId.value).not.toBeNull();
    const exportButton = screen.getByText('Export ▾');
    fireEvent.click(exportButton);
    const menu = await screen.findByRole('menu');
    const reachedDocument: string[] = [];
    const onDocumentKey = (e: KeyboardEvent) => reachedDocument.push(e.key);
    document.addEventListener('keydown', onDocumentKey);
    fireEvent.keyDown(menu.querySelector('button')!, { key: 'Escape' });
    document.removeEventListener('keydown', onDocumentKey);
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    expect(reachedDocument).toEqual([]);
    expect(store.selectedId.value).not.toBeNull();
    expect(document.activeElement).toBe(exportButton);
    // The next Escape closes the detail, as before.
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(store.selectedId.value).toBeNull();
  });

  test('the Export menu takes keyboard focus; arrows, Home and End move between its items', async () => {
    const { fake } = setup();
    fake.push(expired401());
    await waitFor(() => expect((screen.getByText('Export ▾') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(screen.getByText('Export ▾'));
    const menu = await screen.findByRole('menu');
    const items = [...menu.querySelectorAll('[role="menuitem"]')];
    await waitFor(() => expect(document.activeElement).toBe(items[0]));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement).toBe(items[items.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[items.length - 1]);
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(items[0]);
  });

  test('the settings take keyboard focus in their first field', async () => {
    setup();
    fireEvent.click(screen.getByTitle('Settings'));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    await waitFor(() => expect(document.activeElement).toBe(dialog.querySelector('input')));
  });

  test('Escape in a settings field closes the settings, and so does a press outside them', async () => {
    setup();
    fireEvent.click(screen.getByTitle('Settings'));
    const dialog = await screen.findByRole('dialog', { name: 'Settings' });
    fireEvent.keyDown(dialog.querySelector('input')!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull());
    fireEvent.click(screen.getByTitle('Settings'));
    await screen.findByRole('dialog', { name: 'Settings' });
    fireEvent.pointerDown(screen.getByRole('searchbox', { name: 'Filter requests' }));
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Settings' })).toBeNull());
  });

  test('Escape cancels the redacted-HAR preview without saving', async () => {
    const { fake, view } = setup();
    fake.push(expired401());
    await found(view.container, '[data-status="401"]');
    fireEvent.click(screen.getByText('Export ▾'));
    fireEvent.click(await screen.findByText('Redacted HAR…'));
    await found(view.container, '[role="alertdialog"]');
    fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(view.container.querySelector('[role="alertdialog"]')).toBeNull());
    expect(fake.downloads).toEqual([]);
  });

  test('a menu that would run out of the panel on the left is left-aligned to its button', async () => {
    const { fake } = setup();
    fake.push(expired401());
    await waitFor(() => expect((screen.getByText('Export ▾') as HTMLButtonElement).disabled).toBe(false));
    // jsdom has no layout: the menu reports where a narrow dock would put it.
    const rect = HTMLElement.prototype.getBoundingClientRect;
    HTMLElement.prototype.getBoundingClientRect = function (this: HTMLElement) {
      return this.classList.contains('menu') ? ({ left: -60, right: 140, top: 40, bottom: 120, width: 200, height: 80, x: -60, y: 40 } as DOMRect) : rect.call(this);
    };
    try {
      fireEvent.click(screen.getByTitle('Settings'));
      const dialog = await screen.findByRole('dialog', { name: 'Settings' });
      await waitFor(() => expect(dialog.parentElement!.classList.contains('flip')).toBe(true));
    } finally {
      HTMLElement.prototype.getBoundingClientRect = rect;
    }
    // Where it fits, it stays right-aligned.
    fireEvent.click(screen.getByText('Export ▾'));
    const menu = await screen.findByRole('menu');
    expect(menu.parentElement!.classList.contains('flip')).toBe(false);
  });
});

describe('Related tab', () => {
  const openRelated = async (view: { container: Element }, path: string) => {
    const row = await waitFor(() => {
      const el = [...view.container.querySelectorAll<HTMLElement>('[data-status]')].find((e) => new URL(e.getAttribute('title')!).pathname === path);
      if (!el) throw new Error(`no row for ${path} yet`);
      return el;
    });
    fireEvent.click(row);
    const tab = await waitFor(() => {
      const t = [...view.container.querySelectorAll<HTMLElement>('.detail [role="tab"]')].find((b) => b.textContent === 'Related');
      if (!t) throw new Error('no Related tab yet');
      return t;
    });
    fireEvent.click(tab);
    return [...view.container.querySelectorAll<HTMLElement>('.related button')];
  };

  test('a redirect from another origin shows that origin; earlier attempts and the preflight show their path', async () => {
    const { fake, store, view } = setup();
    fake.push(
      entry({ url: 'https://a.example.test/api/moved', status: 302, started: '2026-11-22T10:00:01.000Z', resHeaders: [['Location', 'https://b.example.test/api/moved-target']] }),
      entry({ url: 'https://b.example.test/api/moved-target', status: 401, started: '2026-11-22T10:00:02.000Z', resHeaders: [['WWW-Authenticate', 'Bearer realm="b"']] }),
      entry({ url: 'https://b.example.test/api/moved-target', method: 'OPTIONS', status: 204, started: '2026-11-22T10:00:00.000Z' }),
      entry({ url: 'https://b.example.test/api/moved-target', status: 401, started: '2026-11-22T10:00:03.000Z', resHeaders: [['WWW-Authenticate', 'Bearer realm="b"']] }),
    );
    await waitFor(() => expect(store.all.value.length).toBe(4));
    const items = (await openRelated(view, '/api/moved-target')).map((b) => b.textContent);
    expect(items).toContainEqual(expect.stringMatching(/^Redirected here from: GET https:\/\/a\.example\.test\/api\/moved \(another origin\) → 302/));
    expect(items).toContainEqual(expect.stringMatching(/^Preflight: OPTIONS \/api\/moved-target → 204/));
    expect(items).toContainEqual(expect.stringMatching(/^Later attempt: GET \/api\/moved-target → 401/));
  });

  test('a click on a related request opens it; a request with none says so', async () => {
    const { fake, store, view } = setup();
    fake.push(
      entry({ url: 'https://api.example.test/a', status: 401, started: '2026-11-22T10:00:01.000Z' }),
      entry({ url: 'https://api.example.test/a', status: 401, started: '2026-11-22T10:00:02.000Z' }),
      entry({ url: 'https://api.example.test/lonely', status: 401, started: '2026-11-22T10:00:03.000Z' }),
    );
    await waitFor(() => expect(store.all.value.length).toBe(3));
    const [earlier] = await openRelated(view, '/lonely').then(async (none) => {
      expect(none).toEqual([]);
      expect(view.container.querySelector('.tab-body')!.textContent).toContain('No redirect, preflight or other attempt');
      return openRelated(view, '/a');
    });
    const before = store.selectedId.value;
    fireEvent.click(earlier!);
    expect(store.selectedId.value).not.toBe(before);
    expect(store.selected.value!.url).toBe('https://api.example.test/a');
  });
});
