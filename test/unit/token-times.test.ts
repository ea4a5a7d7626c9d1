import { describe, expect, test } from 'vitest';
import { formatRelative, inspectToken } from '../../src/core/token/index.js';
import { jwt, sec } from './token-fixtures.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const at = (deltaSec: number) => NOW.getTime() / 1000 + deltaSec;
const hs = (claims: Record<string, unknown>) => jwt({ alg: 'HS256' }, claims);

describe('formatRelative (units truncated, never rounded up)', () => {
  test.each([
    { ms: 0, want: '0 s' },
    { ms: 999, want: '0 s' },
    { ms: 59_999, want: '59 s' },
    { ms: 60_000, want: '1 min' },
    { ms: 12 * 60_000 + 59_000, want: '12 min' },
    { ms: 3 * 3_600_000, want: '3 h' },
    { ms: 3 * 3_600_000 + 5 * 60_000, want: '3 h 5 min' },
    { ms: 86_400_000 - 1, want: '23 h 59 min' },
    { ms: 2 * 86_400_000 + 4 * 3_600_000, want: '2 d 4 h' },
    { ms: 365 * 86_400_000 + 30 * 86_400_000, want: '1 y 30 d' },
    { ms: -12 * 60_000, want: '12 min' },
    { ms: Infinity, want: 'forever' },
  ])('$ms ms → $want', ({ ms, want }) => {
    expect(formatRelative(ms)).toBe(want);
  });
});

describe('expired / notYetValid against the reference time, with tolerance (DESIGN §3.1: strictly beyond)', () => {
  test.each([
    { source: 'exp 1 s in the past, tolerance 0', claims: { exp: at(-1) }, tol: 0, expired: true },
    { source: 'exp exactly now, tolerance 0 (not strictly beyond)', claims: { exp: at(0) }, tol: 0, expired: false },
    { source: 'exp 60 s in the past, tolerance 60 (at the edge)', claims: { exp: at(-60) }, tol: 60, expired: false },
    { source: 'exp 61 s in the past, tolerance 60', claims: { exp: at(-61) }, tol: 60, expired: true },
    { source: 'exp 60.5 s in the past, tolerance 60 (fractional NumericDate)', claims: { exp: at(-60.5) }, tol: 60, expired: true },
    { source: 'exp in the future', claims: { exp: at(3600) }, tol: 60, expired: false },
    { source: 'no exp', claims: { sub: 'x' }, tol: 60, expired: null },
  ])('$source', ({ claims, tol, expired }) => {
    expect(inspectToken(hs(claims), { now: NOW, clockToleranceSec: tol }).expired).toBe(expired);
  });

  test.each([
    { source: 'nbf 61 s ahead, tolerance 60', claims: { nbf: at(61) }, tol: 60, nyv: true, by: 'nbf' },
    { source: 'nbf 60 s ahead, tolerance 60', claims: { nbf: at(60) }, tol: 60, nyv: false, by: null },
    { source: 'iat 5 min ahead (client clock behind, IdentityServer4#1298)', claims: { iat: at(300) }, tol: 60, nyv: true, by: 'iat' },
    { source: 'nbf fine but iat ahead', claims: { nbf: at(-10), iat: at(600) }, tol: 60, nyv: true, by: 'iat' },
    { source: 'nbf and iat in the past', claims: { nbf: at(-10), iat: at(-10) }, tol: 0, nyv: false, by: null },
    { source: 'neither nbf nor iat', claims: { exp: at(10) }, tol: 0, nyv: null, by: null },
  ])('$source', ({ claims, tol, nyv, by }) => {
    const r = inspectToken(hs(claims), { now: NOW, clockToleranceSec: tol });
    expect([r.notYetValid, r.notYetValidBy]).toEqual([nyv, by]);
  });

  test('without a reference time nothing is judged, but times are still ISO', () => {
    const r = inspectToken(hs({ exp: at(-3600), nbf: at(-7200), iat: at(-7200), auth_time: at(-9000) }));
    expect(r.expired).toBeNull();
    expect(r.notYetValid).toBeNull();
    expect(r.relative).toEqual({ exp: null, nbf: null, iat: null, auth_time: null });
    expect(r.times).toEqual({ exp: '2024-05-01T11:00:00.000Z', nbf: '2024-05-01T10:00:00.000Z', iat: '2024-05-01T10:00:00.000Z', auth_time: '2024-05-01T09:30:00.000Z' });
  });

  test('an invalid Date as now counts as no reference time', () => {
    expect(inspectToken(hs({ exp: at(-3600) }), { now: new Date(NaN) }).expired).toBeNull();
  });

  test('default tolerance of inspectToken is 0 (documented; the diagnosis passes 60)', () => {
    const r = inspectToken(hs({ exp: at(-30) }), { now: NOW });
    expect(r.clockToleranceSec).toBe(0);
    expect(r.expired).toBe(true);
  });
});

describe('relative wording', () => {
  test.each([
    { claims: { exp: at(-12 * 60) }, key: 'exp', request: 'expired 12 min before the request', now: 'expired 12 min ago' },
    { claims: { exp: at(3 * 3600 + 300) }, key: 'exp', request: 'valid for another 3 h 5 min', now: 'valid for another 3 h 5 min' },
    { claims: { exp: at(-30) }, key: 'exp', tol: 60, request: 'expired 30 s before the request (within the 60 s clock tolerance)', now: 'expired 30 s ago (within the 60 s clock tolerance)' },
    { claims: { nbf: at(300) }, key: 'nbf', request: 'not valid until 5 min after the request', now: 'not valid for another 5 min' },
    { claims: { nbf: at(-7200) }, key: 'nbf', request: 'valid from 2 h before the request', now: 'valid from 2 h ago' },
    { claims: { iat: at(-7200) }, key: 'iat', request: 'issued 2 h before the request', now: 'issued 2 h ago' },
    { claims: { iat: at(300) }, key: 'iat', request: 'issued 5 min after the request', now: 'issued 5 min from now' },
    { claims: { auth_time: at(-86400 * 2) }, key: 'auth_time', request: 'authenticated 2 d before the request', now: 'authenticated 2 d ago' },
  ])('$request', ({ claims, key, tol, request, now }) => {
    const k = key as 'exp' | 'nbf' | 'iat' | 'auth_time';
    expect(inspectToken(hs(claims), { now: NOW, clockToleranceSec: tol ?? 0 }).relative[k]).toBe(request);
    expect(inspectToken(hs(claims), { now: NOW, clockToleranceSec: tol ?? 0, reference: 'now' }).relative[k]).toBe(now);
  });

  test('ISO output for fractional and pre-1970 NumericDates', () => {
    const r = inspectToken(hs({ exp: 1300819380.5, iat: -86400 }));
    expect(r.times.exp).toBe('2011-03-22T18:43:00.500Z');
    expect(r.times.iat).toBe('1969-12-31T00:00:00.000Z');
    expect(r.problems).toEqual([]);
  });

  test('exp in milliseconds is read as seconds (per RFC) and flagged', () => {
    const r = inspectToken(hs({ exp: sec('2024-05-01T13:00:00Z') * 1000 }), { now: NOW });
    expect(r.expired).toBe(false);
    expect(r.problems.map((p) => p.code)).toEqual(['exp-in-milliseconds']);
  });
});
