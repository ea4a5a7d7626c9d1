/**
 * The one place that reaches the browser's DevTools extension API. Chrome exposes `chrome.*`,
 * Firefox `browser.*` (and `chrome.*`). AuthLens only uses events, `panels.create`, `themeName`,
 * `inspectedWindow.tabId` and `runtime.getURL`, which have the same shape in both, plus
 * `network.getHAR` / `request.getContent`, which don't (see `getHar`, `readContent`) and which
 * webextension-polyfill doesn't wrap either — so a few lines replace the polyfill and keep the
 * panel inside its JavaScript budget.
 */
interface EventApi<T extends (...args: never[]) => void> {
  addListener(listener: T): void;
  removeListener(listener: T): void;
}

interface ExtensionApi {
  devtools: {
    panels: { create(title: string, icon: string, page: string, callback?: () => void): unknown; themeName?: string };
    network: {
      onRequestFinished: EventApi<(entry: unknown) => void>;
      onNavigated: EventApi<(url: string) => void>;
    };
    inspectedWindow: { tabId: number };
  };
  runtime: { getURL(path: string): string; getBrowserInfo?: unknown };
}

const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
export const browser: ExtensionApi = (g.browser ?? g.chrome)!;

export type RawEntry = Record<string, unknown> & { getContent?: unknown };

interface RawNetworkApi {
  getHAR(callback?: (har: { entries?: RawEntry[] }) => void): Promise<{ entries?: RawEntry[] }> | void;
}


/** Firefox is the browser whose runtime can describe itself (`runtime.getBrowserInfo`). */
export function isFirefox(): boolean {
  return typeof g.browser?.runtime.getBrowserInfo === 'function';
}

function rawNetwork(): RawNetworkApi {
  const g = globalThis as { chrome?: { devtools?: { network?: RawNetworkApi } } };
  // In Chrome, use the native object: the polyfill's wrapper doesn't know getHAR.
  const native = g.chrome?.devtools?.network;
  return native ?? (browser.devtools.network as unknown as RawNetworkApi);
}

/** `getHAR()` as a promise in both browsers (Chrome: callback or promise; Firefox: promise). */
export function getHar(): Promise<RawEntry[]> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (har: { entries?: RawEntry[] } | undefined) => {
      if (settled) return;
      settled = true;
      resolve(Array.isArray(har?.entries) ? har.entries : []);
    };
    try {
      const result = rawNetwork().getHAR(done);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<{ entries?: RawEntry[] }>).then(done, () => done(undefined));
      }
    } catch {
      done(undefined);
    }
  });
}

/**
 * Response body of an entry. Chrome: callback `(content, encoding)` or a promise of
 * `{content, encoding}`; Firefox: a promise of `[content, mimeType]`. Entries from Firefox's
 * `getHAR()` have no `getContent` at all. Bodies can be null (cache, eviction, service worker).
 */
export function readContent(entry: RawEntry): Promise<{ text: string | null; encoding: string | null }> {
  const getContent = entry.getContent;
  if (typeof getContent !== 'function') return Promise.resolve({ text: null, encoding: null });
  return new Promise((resolve) => {
    let settled = false;
    const done = (text: unknown, encoding: unknown) => {
      if (settled) return;
      settled = true;
      resolve({
        text: typeof text === 'string' ? text : null,
        encoding: typeof encoding === 'string' && encoding ? encoding : null,
      });
    };
    try {
      const result = getContent.call(entry, (content: unknown, encoding: unknown) => done(content, encoding));
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(
          (value) => {
            if (Array.isArray(value)) done(value[0], null);
            else if (value && typeof value === 'object') {
              const v = value as { content?: unknown; encoding?: unknown };
              done(v.content, v.encoding);
            } else done(value, null);
          },
          () => done(null, null),
        );
      }
    } catch {
      done(null, null);
    }
    // Some entries never answer (evicted resources); don't leave the UI waiting forever.
    setTimeout(() => done(null, null), 5000);
  });
}

/** A copy of an entry that can cross a BroadcastChannel (functions such as getContent removed). */
export function cloneableEntry(entry: RawEntry): RawEntry {
  return JSON.parse(JSON.stringify(entry)) as RawEntry;
}

export function inspectedTabId(): number {
  return browser.devtools.inspectedWindow.tabId;
}

/** The channel between the devtools page (which starts with DevTools) and the panel (lazy). */
export const CAPTURE_CHANNEL = 'authlens-capture';

export type ChannelMessage =
  | { type: 'hello'; tabId: number }
  | { type: 'buffer'; tabId: number; entries: RawEntry[]; dropped: number };
