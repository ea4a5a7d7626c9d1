import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeJwtParts, environmentOf, inspectToken, looksLikeJwt } from '../../src/core/token/index.js';
import { b64u } from './token-fixtures.js';

const KINDS = ['jwt', 'jwe', 'opaque', 'malformed'];

/** Invariants every report keeps, whatever the input. */
function checkReport(input: string, now?: Date): void {
  const r = inspectToken(input, now ? { now } : {});
  expect(KINDS).toContain(r.kind);
  expect(Array.isArray(r.audience)).toBe(true);
  expect(Array.isArray(r.scopes)).toBe(true);
  for (const v of Object.values(r.times)) if (v !== null) expect(new Date(v).toISOString()).toBe(v);
  if (!now) expect(r.expired).toBeNull();
  for (const p of r.problems) {
    expect(['error', 'warning']).toContain(p.severity);
    expect(p.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    if (p.offset !== undefined) expect(p.offset).toBeGreaterThanOrEqual(0);
    if (p.offset !== undefined) expect(p.offset).toBeLessThanOrEqual(input.length);
  }
  if (r.kind === 'malformed') expect(r.problems.some((p) => p.severity === 'error')).toBe(true);
  JSON.stringify(r);
}

/** Plausible JWT pieces: real base64url JSON, junk, the odd character that breaks decoders. */
const jsonValue = fc.oneof(
  fc.jsonValue(),
  fc.record({ alg: fc.constantFrom('HS256', 'RS256', 'none', 'ES256', 'dir', 'RSA-OAEP'), enc: fc.option(fc.constant('A256GCM'), { nil: undefined }) }),
  fc.record({ exp: fc.oneof(fc.double(), fc.integer(), fc.string()), aud: fc.oneof(fc.string(), fc.array(fc.string())), scope: fc.oneof(fc.string(), fc.array(fc.jsonValue())) }, { requiredKeys: [] }),
);
const piece = fc.oneof(
  jsonValue.map((v) => b64u(JSON.stringify(v) ?? 'null')),
  jsonValue.map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64')),
  fc.string().map((s) => b64u(s)),
  fc.uint8Array({ maxLength: 40 }).map((b) => b64u(b)),
  fc.string({ maxLength: 12 }),
  fc.constantFrom('', '=', '==', '+', '/', ' ', '\n', '%3D', 'eyJ', 'e30', '\u0000', '\uD800', 'é'),
);
const plausibleToken = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 7 }), fc.constantFrom('', 'Bearer ', '"', ' ', 'DPoP '))
  .map(([parts, prefix]) => prefix + parts.join('.'));

describe('never throws (fast-check)', () => {
  test('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkReport(s);
        checkReport(s, new Date(0));
        looksLikeJwt(s);
        decodeJwtParts(s);
        environmentOf(s);
      }),
      { numRuns: 1500 },
    );
  });

  test('on strings built from plausible JWT pieces', () => {
    fc.assert(
      fc.property(plausibleToken, fc.date({ noInvalidDate: false }), (s, now) => {
        checkReport(s, now);
        checkReport(s);
      }),
      { numRuns: 1500 },
    );
  });

  test('on non-string input from JavaScript callers', () => {
    for (const v of [undefined, null, 42, {}, [], Symbol('x')]) {
      const r = inspectToken(v as unknown as string);
      expect(r.kind).toBe('malformed');
      expect(r.problems[0]!.code).toBe('not-a-string');
    }
  });

  test('any JSON claims object encoded as a JWT is kind jwt with those claims', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (claims) => {
        const t = `${b64u('{"alg":"HS256"}')}.${b64u(JSON.stringify(claims))}.${b64u(new Uint8Array(32))}`;
        const r = inspectToken(t);
        expect(r.kind).toBe('jwt');
        expect(r.claims).toEqual(JSON.parse(JSON.stringify(claims)));
      }),
      { numRuns: 500 },
    );
  });
});
