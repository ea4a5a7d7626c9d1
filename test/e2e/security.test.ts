// Security in real Chromium with the built extension (npm run build first), one browser for all:
// (a) script payloads in a captured 401 stay text in every detail tab; (b) the extension's own pages
// make no network requests; (c) a captured bearer token is written to no storage.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CDPSession, Frame, Target } from 'puppeteer-core';
import { launchChromium } from './harness.mjs';
import { startScenarioServer } from '../scenario/server.mjs';

type ChromiumSession = Awaited<ReturnType<typeof launchChromium>>;

let server: { origin: string; close(): Promise<void> };
let session: ChromiumSession;
let panel: Frame;
const extensionRequests: string[] = [];
const sessions = new Map<string, CDPSession>();

const b64u = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
// A signature no other test uses, so finding it anywhere means this capture was stored.
const SIGNATURE = randomBytes(24).toString('base64url');
const PWN = "window.__pwned=1;document.title='pwned'";
const TOKEN = `${b64u({ alg: 'RS256', typ: 'at+jwt' })}.${b64u({ iss: 'https://id.example.test/', sub: `<img src=x onerror=${PWN}>`, name: `<script>${PWN}</script>`, aud: 'https://api.example.test', exp: Math.floor(Date.now() / 1000) + 3600, scope: `read <svg onload=${PWN}>` })}.${SIGNATURE}`;

/**
 * Network.enable on the extension's pages (the devtools page, the panel) and on the DevTools window
 * that hosts the panel frame, recording every request an extension document starts.
 */
async function watchExtensionTargets(): Promise<void> {
  const prefix = `chrome-extension://${session.extensionId}/`;
  for (const target of session.browser.targets()) {
    const url = target.url();
    const isHost = url.startsWith('devtools://');
    if ((!url.startsWith(prefix) && !isHost) || sessions.has(url)) continue;
    const cdp = await (target as Target).createCDPSession();
    cdp.on('Network.requestWillBeSent', (e: { request: { url: string }; documentURL?: string }) => {
      const from = e.documentURL ?? url;
      if (from.startsWith(prefix) && !e.request.url.startsWith('chrome-extension://')) extensionRequests.push(`${from} → ${e.request.url}`);
    });
    await cdp.send('Network.enable');
    sessions.set(url, cdp);
  }
}

/** What a page's Resource Timing saw since it started, other than extension files. */
const FOREIGN_RESOURCES = `JSON.stringify(performance.getEntriesByType('resource').map((e) => e.name).filter((n) => !n.startsWith('chrome-extension://')))`;

/** Markup that only captured data could have produced. */
function injectedMarkup(): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (tag === 'script' && !(el.getAttribute('src') ?? '').startsWith('/') && !(el as HTMLScriptElement).src.startsWith('chrome-extension://')) found.push('<script> without an extension src');
    if (['iframe', 'object', 'embed', 'img', 'svg', 'form', 'base'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.getAttributeNames()) {
      if (/^on/i.test(attr)) found.push(`<${tag} ${attr}>`);
      if (/^(href|src|action|formaction)$/i.test(attr) && /^\s*javascript:/i.test(el.getAttribute(attr) ?? '')) found.push(`<${tag} ${attr}=javascript:…>`);
    }
  }
  return found;
}

beforeAll(async () => {
  server = await startScenarioServer();
  session = await launchChromium();
  // The panel is a frame inside the DevTools window (an out-of-process iframe, not a target of its
  // own): Puppeteer's page for that window enables Network on the frame's session and reports here.
  const prefix = `chrome-extension://${session.extensionId}/`;
  session.devtools.on('request', (req) => {
    const from = req.frame()?.url() ?? '';
    if (from.startsWith(prefix) && !req.url().startsWith('chrome-extension://')) extensionRequests.push(`${from} → ${req.url()}`);
  });
  await watchExtensionTargets(); // the devtools page
  await session.page.goto(server.origin + '/', { waitUntil: 'networkidle0' });
  panel = await session.showPanel();
  await watchExtensionTargets(); // and the panel, now that it exists
  await session.page.evaluate(
    (url: string, token: string) => fetch(url, { headers: { Authorization: `Bearer ${token}` } }).then((r) => r.status),
    `${server.origin}/api/hostile-xss`,
    TOKEN,
  );
});

afterAll(async () => {
  for (const s of sessions.values()) await s.detach().catch(() => undefined);
  await session?.close();
  await server?.close();
});

describe('AuthLens security in Chromium', () => {
  test('script payloads in a captured 401 stay text in every detail tab', async () => {
    const row = await panel.waitForSelector('[data-status="401"]::-p-text(/api/hostile-xss)', { timeout: 20_000 });
    await row!.click();
    await panel.waitForSelector('.detail [role="tab"]', { visible: true, timeout: 10_000 });
    const names = await panel.$$eval('.detail [role="tab"]', (tabs) => tabs.map((t) => (t.textContent ?? '').replace(/\s*\(\d+\)$/, '')));
    expect(names).toEqual(['Diagnosis', 'Challenge', 'Token', 'Headers', 'Related', 'Body']);
    const shown: Record<string, string> = {};
    for (const name of names) {
      await panel.evaluate((n: string) => [...document.querySelectorAll<HTMLElement>('.detail [role="tab"]')].find((t) => t.textContent?.startsWith(n))!.click(), name);
      await panel.waitForFunction((n: string) => document.querySelector('.detail [role="tab"][aria-selected="true"]')?.textContent?.startsWith(n), { timeout: 5000 }, name);
      // The body is fetched from DevTools after the row appears (getContent, failures only): on a
      // loaded machine it can arrive after the tab opens, so wait for it as a user would.
      if (name === 'Body') {
        await panel.waitForFunction(() => (document.querySelector('.detail [role="tabpanel"]')?.textContent ?? '').includes('onerror'), { timeout: 10_000 }).catch(() => undefined);
      }
      // Give an injected handler (img onerror, svg onload) time to fire.
      await new Promise((r) => setTimeout(r, 150));
      shown[name] = await panel.$eval('.detail [role="tabpanel"]', (el) => el.textContent ?? '');
      expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), `${name} tab`).toBeUndefined();
      expect(await panel.evaluate(() => document.title), `${name} tab`).toBe('AuthLens');
      expect(await panel.evaluate(injectedMarkup), `${name} tab`).toEqual([]);
    }
    // The payloads were there to run, shown as text.
    expect(shown.Challenge).toContain('<script>');
    expect(shown.Body).toContain('onerror');
    expect(shown.Token).toContain('<img src=x onerror=');
  });

  test('the extension makes no network requests of its own', async () => {
    await watchExtensionTargets();
    expect([...sessions.keys()].some((u) => u.includes('/devtools.html'))).toBe(true);
    // Everything seen over CDP while the test ran…
    expect(extensionRequests).toEqual([]);
    // …and everything each extension page loaded since it started, before CDP was attached.
    expect(JSON.parse(String(await panel.evaluate(FOREIGN_RESOURCES)))).toEqual([]);
    for (const [url, cdp] of sessions) {
      if (!url.startsWith('chrome-extension://')) continue;
      const { result } = (await cdp.send('Runtime.evaluate', { expression: FOREIGN_RESOURCES, returnByValue: true })) as { result: { value?: string } };
      expect(JSON.parse(result.value ?? 'null'), url).toEqual([]);
    }
  });

  test('a captured bearer token is written to no storage', async () => {
    // The token was captured: its row is there.
    await panel.waitForSelector('[data-status="401"]::-p-text(/api/hostile-xss)');
    const dump = await panel.evaluate(async () => {
      const local = Object.entries(localStorage);
      const sessionItems = Object.entries(sessionStorage);
      const databases = 'databases' in indexedDB ? (await indexedDB.databases()).map((d) => d.name ?? '') : [];
      const ext = (globalThis as unknown as { chrome?: { storage?: { local?: { get(k: null): Promise<unknown> } } } }).chrome?.storage?.local;
      const chromeLocal = ext ? await ext.get(null).catch(() => null) : null;
      const cacheNames = 'caches' in globalThis ? await caches.keys() : [];
      return JSON.stringify({ local, sessionItems, databases, chromeLocal, cacheNames, cookie: document.cookie });
    });
    expect(dump).not.toContain(SIGNATURE);
    expect(dump).not.toContain(TOKEN);
    expect(dump).not.toContain(TOKEN.split('.')[1]!);
  });
});
