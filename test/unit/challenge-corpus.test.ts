// Every case of the shared corpus (a copy of ../shared/corpus/challenges.json in
// test/fixtures/challenges-corpus.json: RFC examples, oauth4webapi
// vectors, real servers; each case names its source).
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseChallenges } from '../../src/core/index.js';

interface CorpusChallenge { scheme: string; token68?: string; params?: Record<string, string> }
interface CorpusCase {
  id: string;
  source: string;
  header: string;
  field_lines?: string[];
  field?: 'WWW-Authenticate' | 'Proxy-Authenticate';
  expected?: CorpusChallenge[];
  error?: boolean;
  lenient_expected?: CorpusChallenge[];
  semantic_issues?: string[];
}

const corpus = JSON.parse(readFileSync(new URL('../fixtures/challenges-corpus.json', import.meta.url), 'utf8')) as CorpusCase[];
const shape = (list: CorpusChallenge[]) => list.map((e) => ({ scheme: e.scheme, token68: e.token68 ?? null, params: e.params ?? {} }));

describe('shared corpus', () => {
  test.each(corpus)('$id', (c) => {
    const input = c.field_lines ?? c.header;
    const result = parseChallenges(input, c.field ? { field: c.field } : {});
    const errors = result.problems.filter((p) => p.severity === 'error');
    if (c.error) {
      expect(errors.length).toBeGreaterThan(0);
      for (const e of errors) expect(e.offset).toBeTypeOf('number');
    } else {
      expect(errors).toEqual([]);
      expect(result.challenges).toEqual(shape(c.expected ?? []));
    }
    const codes = result.problems.map((p) => p.code);
    for (const issue of c.semantic_issues ?? []) expect(codes).toContain(issue.split(' ')[0]);
    if (c.lenient_expected) {
      const lenient = parseChallenges(input, { lenient: true, ...(c.field ? { field: c.field } : {}) });
      expect(lenient.challenges).toEqual(shape(c.lenient_expected));
      expect(lenient.problems.some((p) => p.severity === 'warning')).toBe(true);
    }
  });
});
