import type { NetworkSource, RawHarEntry, SourceHandlers } from '../../src/panel/source.js';

/** A NetworkSource driven by the test: push entries, navigate, raise notices. */
export function createFakeSource(theme: 'light' | 'dark' = 'light') {
  let handlers: SourceHandlers | null = null;
  const copied: string[] = [];
  /** Set to make the next copies fail as a browser refusing the clipboard does. */
  const clipboard = { refuse: false };
  const downloads: { name: string; mime: string; text: string }[] = [];
  const source: NetworkSource = {
    kind: 'test',
    theme,
    subscribe(h) {
      handlers = h;
      return () => {
        handlers = null;
      };
    },
    async getContent(entry: RawHarEntry) {
      const content = (entry.response as { content?: { text?: string } }).content;
      return { text: content?.text ?? null, encoding: null };
    },
    openUrl() {},
    loadSettings: () => null,
    saveSettings() {},
    download(name, mime, text) {
      downloads.push({ name, mime, text });
    },
    async copyText(text) {
      if (clipboard.refuse) throw new Error('the browser did not allow it');
      copied.push(text);
    },
  };
  return {
    source,
    copied,
    clipboard,
    downloads,
    push: (...entries: RawHarEntry[]) => handlers!.onEntries(entries),
    navigate: (url: string) => handlers!.onNavigated?.(url),
    notice: (message: string) => handlers!.onNotice?.({ code: 'earlier-requests-unavailable', message }),
  };
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

export function entry(opts: { url: string; status: number; method?: string; started?: string; reqHeaders?: [string, string][]; resHeaders?: [string, string][] }): RawHarEntry {
  const started = opts.started ?? '2026-11-22T10:00:00.000Z';
  return {
    startedDateTime: started,
    time: 12,
    request: { method: opts.method ?? 'GET', url: opts.url, httpVersion: 'HTTP/1.1', headers: (opts.reqHeaders ?? []).map(([name, value]) => ({ name, value })), cookies: [], queryString: [] },
    response: {
      status: opts.status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      headers: [{ name: 'Date', value: new Date(started).toUTCString() }, ...(opts.resHeaders ?? []).map(([name, value]) => ({ name, value }))],
      cookies: [],
      content: { size: 0, mimeType: 'application/json' },
      redirectURL: '',
    },
    _resourceType: 'fetch',
  };
}

/** A JWT that expired 12 minutes before 2026-11-22T10:00:00Z. */
export function expiredToken(): string {
  const now = Date.parse('2026-11-22T10:00:00.000Z') / 1000;
  return `${b64({ alg: 'RS256', typ: 'at+jwt' })}.${b64({ iss: 'https://id.example.test/', aud: 'https://api.example.test', exp: now - 720, iat: now - 4320, scope: 'orders:read' })}.c2ln`;
}

/** A JWT valid at 2026-11-22T10:00:00Z granting `scope`. */
export function validToken(scope: string): string {
  const now = Date.parse('2026-11-22T10:00:00.000Z') / 1000;
  return `${b64({ alg: 'RS256', typ: 'at+jwt' })}.${b64({ iss: 'https://id.example.test/', aud: 'https://api.example.test', exp: now + 3600, iat: now - 60, scope })}.c2ln`;
}
