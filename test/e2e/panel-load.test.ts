// Sustained load in real Chromium (issue: hardening, load): 10,000 requests a minute through the
// real capture path with the panel limited to 5,000 rows. The full three-minute run is
// `npm run bench` (bench/load.mjs); this one-minute run guards the same properties.
import { expect, test } from 'vitest';
import { runLoadTest } from '../../bench/load.mjs';

test('10,000 requests a minute: rows stay at the limit, drops are counted and shown, memory stays bounded, the panel answers', { timeout: 240_000 }, async () => {
  const r = await runLoadTest({ minutes: 1, perMinute: 10_000, maxEntries: 5_000, sampleSec: 15, log: () => {} });
  // Most of the ~10,000 requests arrived (a few may still be in flight at the end).
  expect(r.sent).toBeGreaterThan(8_000);
  expect(r.last.rows).toBe(5_000);
  expect(r.last.rows + r.last.dropped).toBeGreaterThan(r.sent * 0.95);
  // The banner tells the user how many were dropped.
  expect(Number(r.last.banner?.replace(/,/g, ''))).toBe(r.last.dropped);
  // Memory: reaching the limit and then taking thousands more leaves the heap where it was.
  expect(r.heapAtLimit).not.toBeNull();
  expect(r.heapMaxAfterLimit!).toBeLessThan(r.heapAtLimit! * 1.5);
  expect(r.last.heap).toBeLessThan(r.heapAtLimit! * 1.5);
  expect(r.responsive).toBe(true);
});
