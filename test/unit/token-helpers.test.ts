import { describe, expect, test } from 'vitest';
import { decodeJwtParts, environmentOf, inspectToken, isIdTokenLike, looksLikeJwt } from '../../src/core/token/index.js';
import { b64u, jwt } from './token-fixtures.js';

describe('environmentOf (issuer or host → stage; null when nothing says)', () => {
  test.each([
    { input: 'https://login.staging.example.com/realms/app', want: 'staging' },
    { input: 'https://auth-stg.example.com', want: 'staging' },
    { input: 'https://sso.example.com/realms/staging', want: 'staging' },
    { input: 'https://idp.preprod.example.com/', want: 'staging' },
    { input: 'https://dev-123456.okta.com/oauth2/default', want: 'dev' },
    { input: 'https://my-tenant-dev.eu.auth0.com/', want: 'dev' },
    { input: 'api.test.example.com', want: 'test' },
    { input: 'https://qa.example.com:8443/', want: 'qa' },
    { input: 'https://uat-api.example.com', want: 'uat' },
    { input: 'https://api.sandbox.paypal.com', want: 'sandbox' },
    { input: 'https://api.prod.example.com', want: 'prod' },
    { input: 'http://localhost:8080/realms/master', want: 'localhost' },
    { input: 'http://127.0.0.1:3000', want: 'localhost' },
    { input: 'http://[::1]:8080/', want: 'localhost' },
    { input: 'https://app.localhost', want: 'localhost' },
    { input: 'http://keycloak.local/realms/x', want: 'localhost' },
    { input: 'https://user:pw@staging.example.com/', want: 'staging' },
    { input: 'https://accounts.google.com', want: null },
    { input: 'https://login.microsoftonline.com/tid/v2.0', want: null },
    { input: 'https://contest.example.com', want: null }, // "test" only as a whole word
    { input: 'https://example.dev', want: null }, // .dev is a TLD, not a stage
    { input: 'https://shop.live', want: null },
    { input: '', want: null },
  ])('$input → $want', ({ input, want }) => {
    expect(environmentOf(input)).toBe(want);
  });
});

describe('looksLikeJwt', () => {
  test.each([
    { source: 'RFC 7519 §3.1', s: 'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk', want: true },
    { source: 'unsecured JWT', s: `${b64u('{"alg":"none"}')}.${b64u('{}')}.`, want: true },
    { source: 'JWE', s: `${b64u('{"alg":"dir","enc":"A128GCM"}')}..AAAA.AAAA.AAAA`, want: true },
    { source: 'two segments', s: `${b64u('{"alg":"none"}')}.${b64u('{}')}`, want: false },
    { source: 'header not JSON', s: 'abc.def.ghi', want: false },
    { source: 'header JSON array', s: `${b64u('[1]')}.e30.`, want: false },
    { source: 'whitespace', s: ` ${b64u('{"alg":"none"}')}.e30.`, want: false },
    { source: 'opaque', s: 'ghp_abcdefghijklmnopqrstuvwxyz0123456789', want: false },
    { source: 'empty', s: '', want: false },
  ])('$source → $want', ({ s, want }) => {
    expect(looksLikeJwt(s)).toBe(want);
  });
});

describe('decodeJwtParts', () => {
  test('splits, decodes and measures the signature', () => {
    const t = jwt({ alg: 'HS256' }, { sub: 'x' });
    const p = decodeJwtParts(t);
    expect(p.form).toBe('jws');
    expect(p.header).toEqual({ alg: 'HS256' });
    expect(p.payload).toEqual({ sub: 'x' });
    expect(p.signatureBytes).toBe(32);
    expect(p.problems).toEqual([]);
  });

  test('offsets are shifted by baseOffset', () => {
    const p = decodeJwtParts(`${b64u('{"alg":"HS256"}')}.a*b.c`, 7);
    const bad = p.problems.find((x) => x.code === 'invalid-base64url')!;
    expect(bad.offset).toBe(7 + b64u('{"alg":"HS256"}').length + 2);
  });

  test('the same token decoded again at another offset gets its own offsets (decoded tokens are kept)', () => {
    const token = `${b64u('{"alg":"HS256"}')}.a*b.c`;
    const at = (offset: number) => decodeJwtParts(token, offset).problems.find((x) => x.code === 'invalid-base64url')!.offset;
    const expected = b64u('{"alg":"HS256"}').length + 2;
    expect([at(0), at(3), at(0), at(3)]).toEqual([expected, 3 + expected, expected, 3 + expected]);
    // A token that spells another one's offset key is a token of its own.
    expect(decodeJwtParts(`3|${token}`).problems.find((x) => x.code === 'invalid-base64url')!.offset).toBe(1);
  });
});

describe('isIdTokenLike', () => {
  test.each([
    { source: 'OIDC Core §2 ID token (nonce)', claims: { iss: 'https://op', sub: 'u', aud: 'client', nonce: 'n' }, want: true },
    { source: 'at_hash only', claims: { aud: 'client', at_hash: 'h' }, want: true },
    { source: 'aud = azp (Google ID token)', claims: { aud: 'c.apps.googleusercontent.com', azp: 'c.apps.googleusercontent.com' }, want: true },
    { source: 'access token with scope and nonce (Entra puts nonce in the header, not here)', claims: { aud: 'api', scp: 'User.Read', nonce: 'n' }, want: false },
    { source: 'access token aud ≠ azp (Entra v2)', claims: { aud: 'api', azp: 'client' }, want: false },
    { source: 'plain claims', claims: { sub: 'u', aud: 'api' }, want: false },
  ])('$source → $want', ({ claims, want }) => {
    const r = inspectToken(jwt({ alg: 'RS256' }, claims));
    expect(isIdTokenLike(r)).toBe(want);
    expect(r.hints.looksLikeIdToken).toBe(want);
  });
});
