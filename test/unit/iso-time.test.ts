// HAR times (src/core/util/iso-time.ts): the same file gives the same times in every time zone.
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
