import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findCredentials, parseAuthorization, parseDpopProof } from '../../src/core/index.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({ sub: 'a' })}.c2ln`;

// Malformations from DESIGN §4 `malformed-authorization`, as seen in client bug reports
// (template variables never filled, tokens read from files with their newline, double prefixes).
describe('parseAuthorization: malformed Bearer values', () => {
  test.each([
    { value: 'Bearer', code: 'missing-token' },
    { value: 'Bearer ', code: 'missing-token' },
    { value: 'Bearer undefined', code: 'placeholder-token' },
    { value: 'Bearer null', code: 'placeholder-token' },
    { value: 'Bearer [object Object]', code: 'placeholder-token' },
    { value: `Bearer "${jwt}"`, code: 'quoted-token' },
    { value: `Bearer Bearer ${jwt}`, code: 'duplicated-scheme' },
    { value: `Bearer ${jwt.slice(0, 20)} ${jwt.slice(20)}`, code: 'whitespace-in-token' },
    { value: `Bearer ${jwt}\n`, code: 'newline-in-credentials' },
    { value: 'Bearer eyJhbGciOiJIUzI1NiJ9.%%%.sig', code: 'invalid-token-characters' },
    { value: 'Bearer eyJhbGciOiJIUzI1NiJ9.e30', code: 'malformed-jwt' },
    { value: 'Bearer eyJub3QganNvbg.e30.c2ln', code: 'malformed-jwt' },
    { value: jwt, code: 'missing-scheme' },
    { value: '', code: 'empty-authorization' },
  ])('$value → $code', ({ value, code }) => {
    const r = parseAuthorization(value);
    expect(r.problems.map((p) => p.code)).toContain(code);
    expect(r.problems.every((p) => p.message.length > 10)).toBe(true);
  });

  test.each([`Bearer ${jwt}`, 'Bearer 2YotnFZFEjr1zCsicMWpAA', `DPoP ${jwt}`, 'Negotiate YIIB/wYJ==', 'Bearer mF_9.B5f-4.1JqM'])('valid: %s', (value) => {
    expect(parseAuthorization(value).problems).toEqual([]);
  });
});

describe('parseAuthorization: schemes (RFC 7617, RFC 7616)', () => {
  test('Basic: user shown, password only as its length', () => {
    const r = parseAuthorization('Basic ' + Buffer.from('Aladdin:open sesame').toString('base64'));
    expect(r).toMatchObject({ kind: 'basic', user: 'Aladdin', passwordLength: 11 });
    expect(JSON.stringify(r)).not.toContain('sesame');
  });
  test('Basic without a colon', () => {
    expect(parseAuthorization('Basic ' + Buffer.from('nocolon').toString('base64')).problems.map((p) => p.code)).toContain('basic-missing-colon');
  });
  test('Digest response parameters (RFC 7616 §3.9.1)', () => {
    const r = parseAuthorization('Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf", nc=00000001, qop=auth');
    expect(r.kind).toBe('digest');
    expect(r.params).toMatchObject({ username: 'Mufasa', realm: 'http-auth@example.org', algorithm: 'SHA-256', qop: 'auth', nc: '00000001' });
  });
  test('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => Array.isArray(parseAuthorization(s).problems)));
  });
});

describe('DPoP proof (RFC 9449 §4.2)', () => {
  test('decodes htm, htu, iat, jti and the jwk', () => {
    const proof = `${b64({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } })}.${b64({ htm: 'POST', htu: 'https://server.example.com/token', iat: 1562262616, jti: '-BwC3ESc6acc2lTc' })}.c2ln`;
    const r = parseDpopProof(proof);
    expect(r).toMatchObject({ typ: 'dpop+jwt', alg: 'ES256', htm: 'POST', htu: 'https://server.example.com/token', iat: 1562262616, jti: '-BwC3ESc6acc2lTc' });
    // Only the (fake, 3-byte) signature draws a warning; nothing is an error.
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
  test('a proof without typ dpop+jwt and jwk is reported', () => {
    const codes = parseDpopProof(`${b64({ alg: 'ES256' })}.${b64({ htm: 'GET' })}.c2ln`).problems.map((p) => p.code);
    expect(codes).toEqual(expect.arrayContaining(['dpop-wrong-typ', 'dpop-missing-jwk', 'dpop-missing-htu']));
  });
});

describe('findCredentials', () => {
  test.each([
    { headers: [{ name: 'X-Api-Key', value: 'k-123' }], expected: { apiKeyHeaders: ['X-Api-Key'], any: true } },
    { headers: [{ name: 'Ocp-Apim-Subscription-Key', value: 'abc' }], expected: { apiKeyHeaders: ['Ocp-Apim-Subscription-Key'], any: true } },
    { headers: [{ name: 'Cookie', value: 'connect.sid=s%3A1; theme=dark' }], expected: { cookieNames: ['connect.sid', 'theme'], sessionCookieNames: ['connect.sid'], any: true } },
    { headers: [{ name: 'Accept', value: '*/*' }], expected: { any: false } },
  ])('$headers.0.name', ({ headers, expected }) => {
    expect(findCredentials(headers)).toMatchObject(expected);
  });
  test('tokens in the query string count as credentials (RFC 6750 §2.3)', () => {
    expect(findCredentials([], [], 'https://api.test/x?access_token=abc&page=2')).toMatchObject({ urlParams: ['access_token'], any: true });
  });
});
