// The panel's store and the library must agree (engine.ts: "both give the same findings"). Every
// fixture HAR is fed, entries in file order, into createStore through a test NetworkSource that
// behaves like the HAR viewer's (it announces the file with onSource, then delivers the entries in
// batches and hands out bodies from the HAR); once every row is in and any coalesced replay has
// run, each row's finding codes must equal analyzeHar's for the same entry.
//
// The store keeps one row per (startedDateTime, method, URL, status) (it de-duplicates the getHAR
// overlap), and several hand-written fixtures repeat that key with different headers. The
// reference is therefore analyzeHar over the entries the store keeps (the first of each key, in
// file order) followed by the repeats it skipped; for files without repeats that is the file itself.
// Some files finish out of start order (a long export, then a short call), which schedules the
// store's coalesced replay: fake timers let it run before the comparison.
import { readdirSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { analyzeHar } from '../../src/core/index.js';
import type { NetworkSource, RawHarEntry, SourceHandlers } from '../../src/panel/source.js';
import { createStore } from '../../src/panel/store/create-store.js';

const DIRS = ['test/fixtures/findings', 'test/fixtures/exporters', 'test/fixtures/healthy', 'test/fixtures/recorded'];
const TOLERANCE_SEC = 60;
/** The viewer's worker starts with batches of 50 and doubles up to 200. */
const FIRST_BATCH = 50;
const BATCH = 200;

const files = DIRS.flatMap((dir) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.har'))
    .sort()
    .map((f) => `${dir}/${f}`),
);

type Har = { log: { creator?: { name?: unknown }; entries: RawHarEntry[] } };

function keyOf(e: RawHarEntry): string {
  const req = (e.request ?? {}) as { method?: unknown; url?: unknown };
  const res = (e.response ?? {}) as { status?: unknown };
  return JSON.stringify([e.startedDateTime ?? '', req.method ?? '', req.url ?? '', res.status ?? '']);
}

function fileSource() {
  let handlers: SourceHandlers | null = null;
  const source: NetworkSource = {
    kind: 'test',
    theme: 'light',
    subscribe(h) {
      handlers = h;
      return () => {
        handlers = null;
      };
    },
    async getContent(entry) {
      const content = (entry.response as { content?: { text?: unknown; encoding?: unknown } } | undefined)?.content;
      return { text: typeof content?.text === 'string' ? content.text : null, encoding: typeof content?.encoding === 'string' ? content.encoding : null };
    },
    openUrl() {},
    loadSettings: () => null,
    saveSettings() {},
    download() {},
    async copyText() {},
  };
  return {
    source,
    load(label: string, creator: string | null, sanitized: boolean, entries: RawHarEntry[]) {
      handlers!.onNavigated?.(label);
      handlers!.onSource?.({ label, creator, sanitized });
      for (let i = 0, size = FIRST_BATCH; i < entries.length; i += size, size = Math.min(BATCH, size * 2)) handlers!.onEntries(entries.slice(i, i + size));
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('panel store and analyzeHar give the same findings', () => {
  test('there are fixtures from every directory', () => {
    for (const dir of DIRS) expect(files.some((f) => f.startsWith(`${dir}/`)), dir).toBe(true);
  });

  test.each(files)('%s', async (path) => {
    const har = JSON.parse(readFileSync(path, 'utf8')) as Har;
    const full = analyzeHar(har, { clockToleranceSec: TOLERANCE_SEC });

    // What the store keeps: the first entry of each key, in file order.
    const seen = new Set<string>();
    const kept: RawHarEntry[] = [];
    const skipped: RawHarEntry[] = [];
    for (const e of har.log.entries) {
      const k = keyOf(e);
      (seen.has(k) ? skipped : kept).push(e);
      seen.add(k);
    }
    // The reference judges the kept entries in file order and puts the skipped repeats after them:
    // a diagnosis only looks back, so they change no kept entry's findings, and the file-level
    // "exported sanitized" flag is computed over the same entries as for the whole file.
    const reference = analyzeHar({ log: { ...har.log, entries: [...kept, ...skipped] } }, { clockToleranceSec: TOLERANCE_SEC });
    expect(reference.source).toEqual(full.source);
    if (!skipped.length) expect(reference).toEqual(full);
    const expected = new Map<number, string[]>(reference.results.map((r) => [r.index, r.findings.map((f) => f.code)]));

    // The store gets its own copies; each copy remembers which kept entry it is.
    const copies = kept.map((e) => structuredClone(e));
    const indexOf = new Map<RawHarEntry, number>(copies.map((c, i) => [c, i]));
    const fake = fileSource();
    const store = createStore(fake.source);
    store.updateSettings({ clockToleranceSec: TOLERANCE_SEC });
    fake.load(path, full.source.creator, full.source.sanitized, copies);
    // Repaints, body loads and a coalesced replay (1 s after a late arrival) all settle here.
    await vi.runAllTimersAsync();

    const rows = store.all.value;
    expect(rows.length).toBe(kept.length);
    const got = new Map<number, string[]>();
    for (const row of rows) {
      const i = indexOf.get(row.raw);
      expect(i, `a row for an entry that was not delivered: ${row.method} ${row.url}`).toBeDefined();
      got.set(i!, [...row.codes]);
    }
    const describeEntry = (i: number) => {
      const e = kept[i]!;
      return `#${i} ${(e.request as { method: string }).method} ${(e.request as { url: string }).url} ${(e.response as { status: number }).status}`;
    };
    const mismatches: string[] = [];
    for (let i = 0; i < kept.length; i++) {
      const want = expected.get(i) ?? [];
      const have = got.get(i) ?? [];
      if (JSON.stringify(want) !== JSON.stringify(have)) mismatches.push(`${describeEntry(i)}: analyzeHar ${JSON.stringify(want)}, store ${JSON.stringify(have)}`);
    }
    expect(mismatches).toEqual([]);
    store.dispose();
  });
});
