// HAR times (src/core/util/iso-time.ts): the same file gives the same times in every time zone.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { normalizeEntry } from '../../src/core/har/index.js';
import { parseHarTime } from '../../src/core/util/iso-time.js';

const utc = (iso: string) => new Date(iso).getTime();

// Vectors: HAR 1.2 `startedDateTime` examples (zoned), the forms exporters write without a zone,
// and the forms that must not be touched.
const VECTORS: { description: string; input: string; expected: number }[] = [
  { description: 'Chrome / Firefox: UTC with milliseconds', input: '2026-11-22T10:00:00.123Z', expected: utc('2026-11-22T10:00:00.123Z') },
  { description: 'HAR 1.2 spec example: offset', input: '2009-04-16T12:07:25.123+01:00', expected: utc('2009-04-16T11:07:25.123Z') },
  { description: 'negative offset', input: '2026-11-22T10:00:00-05:00', expected: utc('2026-11-22T15:00:00Z') },
  { description: 'no zone: read as UTC', input: '2026-11-22T10:00:00', expected: utc('2026-11-22T10:00:00Z') },
  { description: 'no zone, fraction', input: '2026-11-22T10:00:00.5', expected: utc('2026-11-22T10:00:00.500Z') },
  { description: 'no zone, minutes only', input: '2026-11-22T10:00', expected: utc('2026-11-22T10:00:00Z') },
  { description: 'no zone, space separator', input: '2026-11-22 10:00:00', expected: utc('2026-11-22T10:00:00Z') },
  { description: 'date only (UTC by ECMA-262)', input: '2026-11-22', expected: utc('2026-11-22T00:00:00Z') },
  { description: 'IMF-fixdate', input: 'Sun, 22 Nov 2026 10:00:00 GMT', expected: utc('2026-11-22T10:00:00Z') },
  { description: 'not a time', input: 'yesterday', expected: NaN },
];

describe('parseHarTime', () => {
  const tz = process.env.TZ;
  // A zone far from UTC: a date-time without a zone read in local time would be 5 hours off.
  beforeAll(() => {
    process.env.TZ = 'America/New_York';
  });
  afterAll(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  test.each(VECTORS)('$description: $input', ({ input, expected }) => {
    expect(parseHarTime(input)).toBe(expected);
  });

  test('an entry without a zone starts at the same instant in any time zone', () => {
    expect(normalizeEntry({ startedDateTime: '2026-11-22T10:00:00', request: {}, response: {} }, 0).startedMs).toBe(utc('2026-11-22T10:00:00Z'));
  });
});

// parseHarTime keeps the minute of the last `YYYY-MM-DDThh:mm:ss.sssZ` and reads a later one's
// seconds and milliseconds directly: over any sequence it must give what Date.parse gives. The
// sequences mix times milliseconds to minutes apart and values that only look like that shape
// (seconds 60–99, a letter or sign for a digit, another separator, a character more or less).
describe('parseHarTime over sequences (the kept minute)', () => {
  const start = Date.UTC(2026, 10, 22, 10, 0, 0);
  const iso = fc.integer({ min: -400_000, max: 400_000 }).map((ms) => new Date(start + ms).toISOString());
  const mutated = fc.tuple(iso, fc.nat(23), fc.constantFrom('9', '6', '0', 'x', ' ', ':', 'Z', '.', '-', '+', 'T')).map(([v, at, c]) => v.slice(0, at) + c + v.slice(at + 1));
  const other = fc.constantFrom('2026-11-22T10:00:60.000Z', '2026-11-22T10:00:99.000Z', '2026-11-22T10:00:07.5Z', '2026-11-22T10:00:07.123456Z', '2026-11-22T10:00:07Z', '2026-02-30T10:00:07.000Z', '2026-11-22T10:00:07.000z', '');
  const sameMinute = fc
    .tuple(mutated, fc.integer({ min: 0, max: 59_999 }), fc.integer({ min: 0, max: 59_999 }))
    .map(([v, a, b]) => [a, b].map((ms) => `${v.slice(0, 17)}${String(Math.floor(ms / 1000)).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}Z`));
  const same = (v: string) => Object.is(parseHarTime(v), Date.parse(v));
  test.each([
    ['2026-11-22T10:00:07.000Z', '2026-11-22T10:00:59.999Z'],
    ['2026-11-22T10:00:07.000Z', '2026-11-22T10:00:60.000Z'],
    ['2026-02-30T10:00:07.000Z', '2026-02-30T10:00:08.000Z'],
    ['2026-11-22 10:00:07.000Z', '2026-11-22 10:00:08.000Z'],
  ])('%s then %s', (a, b) => {
    for (const v of [a, b]) expect(same(v), v).toBe(true);
  });
  test('gives what Date.parse gives, for two times in one minute', () => {
    fc.assert(fc.property(sameMinute, (times) => times.every(same)), { numRuns: 4000 });
  });
  test('gives what Date.parse gives, over any sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: iso, weight: 4 }, { arbitrary: mutated, weight: 2 }, { arbitrary: other, weight: 1 }), { minLength: 1, maxLength: 30 }), (times) => times.every(same)),
      { numRuns: 4000 },
    );
  });
});
