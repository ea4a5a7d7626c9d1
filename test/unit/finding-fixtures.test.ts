// One hand-written HAR per finding code (test/fixtures/findings/<code>.har), each with entries that
// must produce the code and near misses that must not. Every entry says what it is in `comment` and
// what it expects in `_expect` / `_expectNot` (HAR 1.2 allows `comment` and `_`-prefixed fields);
// `log.comment` names the RFC section or vendor document the behaviour comes from.
// The reference time is each response's Date header (fixed in the files), the tolerance is fixed
// here, so the results don't depend on when the test runs.
import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyzeHar, RULES, type FindingCode } from '../../src/core/index.js';

const RULES_DIR = 'src/core/diagnose/rules';
const FIXTURES_DIR = 'test/fixtures/findings';
const TOLERANCE_SEC = 60;

interface FixtureEntry {
  comment?: unknown;
  _expect?: unknown;
  _expectNot?: unknown;
}
interface Fixture {
  log: { comment?: unknown; entries: FixtureEntry[] };
}

const ruleFiles = readdirSync(RULES_DIR)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
  .map((f) => basename(f, '.ts'))
  .sort();
const codes = new Set<string>(RULES.map((r) => r.code));
const fixtureFiles = readdirSync(FIXTURES_DIR)
  .filter((f) => f.endsWith('.har'))
  .map((f) => basename(f, '.har'))
  .sort();

const fixtures = new Map<string, Fixture>(fixtureFiles.map((code) => [code, JSON.parse(readFileSync(`${FIXTURES_DIR}/${code}.har`, 'utf8')) as Fixture]));
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

describe('a fixture for every finding code', () => {
  test('one rule file per code, named after it', () => {
    expect(ruleFiles).toEqual([...codes].sort());
  });

  test('no fixture for a code that does not exist', () => {
    expect(fixtureFiles.filter((f) => !codes.has(f))).toEqual([]);
  });

  test.each(ruleFiles)('%s.har exists, cites its source, and has a positive and a near miss', (code) => {
    const h = fixtures.get(code);
    expect(h, `missing ${FIXTURES_DIR}/${code}.har`).toBeDefined();
    expect(typeof h!.log.comment === 'string' && h!.log.comment.length > 20).toBe(true);
    expect(h!.log.entries.some((e) => strings(e._expect).includes(code))).toBe(true);
    expect(h!.log.entries.some((e) => strings(e._expectNot).includes(code))).toBe(true);
  });
});

interface Row {
  file: string;
  index: number;
  comment: string;
  expected: string[];
  notExpected: string[];
}
const rows: Row[] = [...fixtures].flatMap(([file, h]) =>
  h.log.entries.map((e, index) => ({
    file,
    index,
    comment: typeof e.comment === 'string' ? e.comment : '',
    expected: strings(e._expect),
    notExpected: strings(e._expectNot),
  })),
);

const analyses = new Map<string, Map<number, FindingCode[]>>();
function codesAt(file: string, index: number): FindingCode[] {
  let byIndex = analyses.get(file);
  if (!byIndex) {
    const analysis = analyzeHar(fixtures.get(file), { clockToleranceSec: TOLERANCE_SEC });
    byIndex = new Map(analysis.results.map((r) => [r.index, r.findings.map((f) => f.code)]));
    analyses.set(file, byIndex);
  }
  return byIndex.get(index) ?? [];
}

describe('fixture entries', () => {
  test('every entry says what it is and names only real codes', () => {
    for (const r of rows) {
      expect(r.comment, `${r.file} entry ${r.index} has no comment`).not.toBe('');
      for (const c of [...r.expected, ...r.notExpected]) expect(codes, `${r.file} entry ${r.index}: unknown code ${c}`).toContain(c);
      expect(r.expected.filter((c) => r.notExpected.includes(c))).toEqual([]);
    }
  });

  test.each(rows)('$file #$index: $comment', ({ file, index, expected, notExpected }) => {
    const found = codesAt(file, index);
    for (const c of expected) expect(found).toContain(c);
    for (const c of notExpected) expect(found).not.toContain(c);
  });
});
