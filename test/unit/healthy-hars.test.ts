// Correct traffic must not raise alarms (DESIGN §4: "false alarms are bugs"). Each HAR in
// test/fixtures/healthy is a hand-written flow that follows the RFC named in its `log.comment`.
// On every entry, analyzeHar may report no 'error' or 'warning' finding except those the entry
// lists in `_expect` (which must then appear, with the entry's `comment` saying why they are
// right); codes in `_expectNot` must not appear at any severity. 'info' findings are allowed.
// The reference time is each response's Date header, fixed in the files.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHar, RULES, type Finding } from '../../src/core/index.js';

const DIR = 'test/fixtures/healthy';
const TOLERANCE_SEC = 60;
const FLOWS = ['basic-auth-ok', 'conditional-304', 'dpop-ok', 'negotiate-200', 'oauth-code-flow-pkce', 'preflight-ok', 'refresh-success', 'session-cookie-ok'];

interface FixtureEntry {
  comment?: unknown;
  _expect?: unknown;
  _expectNot?: unknown;
  response?: { status?: unknown };
}
interface Fixture {
  log: { version?: unknown; comment?: unknown; entries: FixtureEntry[] };
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.har'))
  .map((f) => basename(f, '.har'))
  .sort();
const fixtures = new Map<string, Fixture>(files.map((f) => [f, JSON.parse(readFileSync(`${DIR}/${f}.har`, 'utf8')) as Fixture]));
const codes = new Set<string>(RULES.map((r) => r.code));

const findingsByFile = new Map<string, Map<number, Finding[]>>();
function findingsAt(file: string, index: number): Finding[] {
  let byIndex = findingsByFile.get(file);
  if (!byIndex) {
    const analysis = analyzeHar(fixtures.get(file), { clockToleranceSec: TOLERANCE_SEC });
    byIndex = new Map(analysis.results.map((r) => [r.index, r.findings]));
    findingsByFile.set(file, byIndex);
  }
  return byIndex.get(index) ?? [];
}

describe('healthy HAR fixtures', () => {
  test('every flow has its file and no file is unaccounted for', () => {
    expect(files).toEqual([...FLOWS].sort());
  });

  test.each(files)('%s.har is HAR 1.2, cites its RFC, and every entry says what it is', (file) => {
    const h = fixtures.get(file)!;
    expect(h.log.version).toBe('1.2');
    expect(typeof h.log.comment === 'string' && /RFC \d+/.test(h.log.comment)).toBe(true);
    expect(h.log.entries.length).toBeGreaterThan(1);
    for (const [i, e] of h.log.entries.entries()) {
      expect(typeof e.comment === 'string' && e.comment.length > 10, `${file} entry ${i} has no comment`).toBe(true);
      for (const c of [...strings(e._expect), ...strings(e._expectNot)]) expect(codes, `${file} entry ${i}: unknown code ${c}`).toContain(c);
    }
  });

  test.each(files)('%s.har: the flow ends in success', (file) => {
    const entries = fixtures.get(file)!.log.entries;
    const last = Number(entries[entries.length - 1]!.response?.status);
    expect(last >= 200 && last < 400).toBe(true);
  });
});

const rows = [...fixtures].flatMap(([file, h]) =>
  h.log.entries.map((e, index) => ({
    file,
    index,
    comment: typeof e.comment === 'string' ? e.comment.slice(0, 90) : '',
    expected: strings(e._expect),
    notExpected: strings(e._expectNot),
  })),
);

describe('no false alarm on correct traffic', () => {
  test.each(rows)('$file #$index: $comment', ({ file, index, expected, notExpected }) => {
    const found = findingsAt(file, index);
    const got = found.map((f) => f.code);
    for (const c of expected) expect(got, `${file} #${index} should report ${c}`).toContain(c);
    for (const c of notExpected) expect(got, `${file} #${index} must not report ${c}`).not.toContain(c);
    const alarms = found.filter((f) => (f.severity === 'error' || f.severity === 'warning') && !expected.includes(f.code)).map((f) => `${f.code} (${f.severity}): ${f.title}`);
    expect(alarms).toEqual([]);
  });
});
