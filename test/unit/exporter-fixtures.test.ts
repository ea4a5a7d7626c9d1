// Small HARs shaped the way each exporter writes them (test/fixtures/exporters/<tool>.har; each
// file's log.comment lists the quirks it carries and where the shape comes from). Every file must
// read without an error, keep what each entry says, and be diagnosed as its `_expect` /
// `_expectNot` fields say (DESIGN §3.2: accept every exporter's quirks).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHar, readHar } from '../../src/core/index.js';

interface RawEntry {
  startedDateTime: string;
  request: { method: string; url: string };
  response: { status: number };
  _expect?: string[];
  _expectNot?: string[];
}
interface RawHar {
  log: { creator: { name: string }; comment: string; entries: RawEntry[] };
}

const EXPORTERS = [
  { file: 'safari', creator: 'WebKit Web Inspector', sanitized: false },
  { file: 'charles', creator: 'Charles Proxy', sanitized: false },
  { file: 'fiddler', creator: 'Fiddler', sanitized: false },
  { file: 'httptoolkit', creator: 'HTTP Toolkit', sanitized: false },
  { file: 'mitmproxy', creator: 'mitmproxy exporthar', sanitized: false },
  { file: 'firefox-export', creator: 'Firefox', sanitized: false },
  { file: 'chrome-sanitized', creator: 'WebInspector', sanitized: true },
  { file: 'chrome-har', creator: 'chrome-har', sanitized: false },
  { file: 'playwright', creator: 'Playwright', sanitized: false },
];

const load = (file: string) => JSON.parse(readFileSync(`test/fixtures/exporters/${file}.har`, 'utf8')) as RawHar;

describe.each(EXPORTERS)('$file', ({ file, creator, sanitized }) => {
  const text = readFileSync(`test/fixtures/exporters/${file}.har`, 'utf8');
  const raw = load(file);

  test('reads as text without a problem of severity error, keeping every entry', () => {
    const result = readHar(text);
    expect(result.ok).toBe(true);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(result.creator).toBe(creator);
    expect(result.exchanges).toHaveLength(raw.log.entries.length);
    result.exchanges.forEach((ex, i) => {
      const e = raw.log.entries[i]!;
      expect(ex.method).toBe(e.request.method);
      expect(ex.url).toBe(e.request.url);
      // A request that got no response is status 0 (Playwright writes -1).
      expect(ex.status).toBe(Math.max(0, e.response.status));
      // Offsets and 6- or 7-digit fractions (Python, .NET) read as the same instant.
      if (e.startedDateTime) expect(ex.startedMs).toBe(Date.parse(e.startedDateTime));
      else expect(Number.isNaN(ex.startedMs)).toBe(true);
    });
  });

  test('holds an auth failure that is expected to be diagnosed', () => {
    expect(raw.log.comment.length).toBeGreaterThan(40);
    expect(raw.log.entries.some((e) => (e.response.status === 401 || e.response.status === 403) && (e._expect ?? []).length > 0)).toBe(true);
  });

  const analysis = analyzeHar(text, { clockToleranceSec: 60 });
  test('source as DESIGN §3.2 defines it', () => {
    expect(analysis.entries).toBe(raw.log.entries.length);
    expect(analysis.source).toEqual({ creator, sanitized });
  });

  const rows = raw.log.entries.map((e, index) => ({ index, url: e.request.url, expected: e._expect ?? [], notExpected: e._expectNot ?? [] }));
  test.each(rows)('entry $index ($url): $expected', ({ index, expected, notExpected }) => {
    const codes = analysis.results.find((r) => r.index === index)?.findings.map((f) => f.code) ?? [];
    for (const c of expected) expect(codes).toContain(c);
    for (const c of notExpected) expect(codes).not.toContain(c);
    // An entry expected to be healthy has no warning or error at all.
    if (expected.length === 0 && notExpected.length === 0) expect(analysis.results.find((r) => r.index === index)?.findings.filter((f) => f.severity !== 'info') ?? []).toEqual([]);
  });
});
