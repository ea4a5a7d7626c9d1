// HARs recorded from the scenario page in real Chromium 156 and Firefox ESR 153 DevTools
// (scripts/record-hars.mjs). Each scenario names the finding its failing request must produce;
// the healthy request must produce none.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { analyzeHar } from '../../src/core/index.js';

interface Scenario { name: string; path: string; expect: string[] }
const scenarios = JSON.parse(readFileSync('test/fixtures/recorded/scenarios.json', 'utf8')) as Scenario[];

const recordings = [
  { browser: 'Chromium 156', file: 'test/fixtures/recorded/chromium-scenarios.har', creator: 'WebInspector' },
  { browser: 'Firefox ESR 153', file: 'test/fixtures/recorded/firefox-scenarios.har', creator: 'Firefox' },
];

describe.each(recordings)('$browser recording', ({ file, creator }) => {
  const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: { request: { method: string; url: string }; response: { status: number } }[] } };
  const analysis = analyzeHar(har);
  const codesAt = (index: number) => analysis.results.find((r) => r.index === index)?.findings.map((f) => f.code) ?? [];

  test('reads every entry and the exporter', () => {
    expect(analysis.entries).toBe(har.log.entries.length);
    expect(analysis.source.creator).toBe(creator);
    expect(analysis.source.sanitized).toBe(false);
  });

  // Only the scenarios this browser's getHAR recorded with a response (Firefox's log can miss
  // early requests, and sometimes records a finished response with status 0).
  const recorded = scenarios.filter((s) => s.expect.length && har.log.entries.some((e) => new URL(e.request.url).pathname === s.path && e.response.status > 0));
  test.each(recorded)('$name: some request to $path is diagnosed $expect', (s) => {
    const indexes = har.log.entries.flatMap((e, i) => (new URL(e.request.url).pathname === s.path && e.response.status > 0 ? [i] : []));
    const found = new Set(indexes.flatMap(codesAt));
    for (const code of s.expect) expect([...found]).toContain(code);
  });

  test('the healthy request has no finding', () => {
    const indexes = har.log.entries.flatMap((e, i) => (new URL(e.request.url).pathname === '/api/me' && e.response.status === 200 ? [i] : []));
    expect(indexes.length).toBeGreaterThan(0);
    for (const i of indexes) expect(codesAt(i)).toEqual([]);
  });
});
