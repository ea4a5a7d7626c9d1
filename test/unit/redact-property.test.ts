/**
 * Property tests for redactHar (DESIGN §5, issue 7 item 6): random secrets planted in every place a
 * HAR can carry one must not survive in any encoding; the output stays a valid HAR; redaction is
 * idempotent and never changes its input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactHar, redactHarDetailed, summarizeRedaction } from '../../src/core/redact/index.js';
import { b64, b64u, deepFreeze, entry, har, leaks, makeJwt, validateHar } from './helpers/redact-check.js';

/** Secret values: long enough to be a credential, with characters that need URL-encoding. */
const secretArb = fc
  .tuple(fc.stringMatching(/^[A-Za-z0-9]{4}$/), fc.stringMatching(/^[A-Za-z0-9\-._~+/]{12,36}$/), fc.stringMatching(/^[A-Za-z0-9]{4}$/))
  .map(([a, b, c]) => `${a}${b}${c}`);
/** A JWS signature: base64url, as long as an RS256 one or a short HS256 one. */
const sigArb = fc.stringMatching(/^[A-Za-z0-9_-]{43,86}$/);

const secretParam = fc.constantFrom(
  'access_token', 'refresh_token', 'id_token', 'client_secret', 'password', 'code', 'code_verifier', 'assertion',
  'token', 'secret', 'api_key', 'session', 'client_assertion', 'apiKey', 'X-Amz-Signature', 'sig', 'accessToken',
);
const nameCase = fc.constantFrom((s: string) => s, (s: string) => s.toLowerCase(), (s: string) => s.toUpperCase());

interface Planted {
  har: Record<string, unknown>;
  secrets: string[];
}

const N = 32;

const plantedArb: fc.Arbitrary<Planted> = fc
  .record({
    s: fc.array(secretArb, { minLength: N, maxLength: N }),
    sig: fc.array(sigArb, { minLength: 6, maxLength: 6 }),
    p: fc.array(secretParam, { minLength: 10, maxLength: 10 }),
    hc: fc.array(nameCase, { minLength: 6, maxLength: 6 }),
    user: fc.stringMatching(/^[a-z]{3,10}$/),
    noise: fc.stringMatching(/^[a-z]{1,8}$/),
  })
  .map(({ s, sig, p, hc, user, noise }) => {
    const S = (i: number): string => s[i]!;
    const enc = encodeURIComponent;
    const jwt = (i: number): string => makeJwt({ sub: user, aud: 'api', exp: 1_900_000_000, scope: 'read' }, sig[i]!);
    const dpop = makeJwt({ htm: 'POST', htu: 'https://api.example.com/token', iat: 1_700_000_000, jti: noise }, sig[2]!, {
      typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' },
    });
    const location = `https://app.example.com/cb?${p[2]}=${enc(S(16))}&iss=x#/done?${p[3]}=${enc(S(17))}`;
    const boundary = '----WebKitFormBoundary7MA4YWxkTrZu0gW';
    const multipart = [
      `--${boundary}`, 'Content-Disposition: form-data; name="username"', '', user,
      `--${boundary}`, 'Content-Disposition: form-data; name="password"', '', S(14),
      `--${boundary}--`, '',
    ].join('\r\n');

    const e1 = entry(
      {
        method: 'POST',
        url: `https://${user}:${enc(S(26))}@api.example.com/v1/items?${noise}=1&${p[0]}=${enc(S(0))}&page=2#${p[1]}=${enc(S(1))}&state=${noise}`,
        httpVersion: 'h2',
        headers: [
          { name: ':path', value: `/v1/items?${p[4]}=${enc(S(2))}` },
          { name: hc[0]!('Authorization'), value: `Bearer ${S(3)}` },
          { name: hc[1]!('X-Api-Key'), value: S(6) },
          { name: hc[2]!('Cookie'), value: `sid=${S(7)}; ${noise}=${S(8)}; jwt=${jwt(3)}` },
          { name: 'DPoP', value: dpop },
          { name: hc[3]!('X-Auth-Token'), value: S(23) },
          { name: 'Referer', value: `https://app.example.com/?${p[5]}=${enc(S(24))}` },
          { name: 'X-Forwarded-Authorization', value: `Bearer ${jwt(4)}` },
        ],
        cookies: [
          { name: 'sid', value: S(7) },
          { name: noise, value: S(8) },
        ],
        queryString: [
          { name: noise, value: '1' },
          { name: p[0]!, value: S(0) },
        ],
        postData: {
          mimeType: 'application/x-www-form-urlencoded',
          text: `grant_type=authorization_code&${p[6]}=${enc(S(10))}&password=${enc(S(11))}&${noise}=x`,
          params: [
            { name: 'grant_type', value: 'authorization_code' },
            { name: p[6]!, value: S(10) },
            { name: 'password', value: S(11) },
          ],
        },
      },
      {
        status: 302,
        statusText: 'Found',
        headers: [
          { name: hc[4]!('Set-Cookie'), value: `session=${S(15)}; Path=/; Secure; HttpOnly; SameSite=Lax` },
          { name: hc[5]!('Location'), value: location },
          { name: 'WWW-Authenticate', value: 'Bearer realm="api", error="invalid_token"' },
        ],
        cookies: [{ name: 'session', value: S(15), path: '/', httpOnly: true, secure: true }],
        redirectURL: location,
        content: { size: 10, mimeType: 'application/json', text: JSON.stringify({ [p[7]!]: S(18), id_token: jwt(5), data: JSON.stringify({ token: S(19), inner: JSON.stringify({ refresh_token: S(20) }) }) }) },
      },
      {
        _webSocketMessages: [{ type: 'send', time: 1, opcode: 1, data: JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${S(27)}` } }) }],
        _initiator: { type: 'script', url: `https://cdn.example.com/app.js?${p[8]}=${enc(S(28))}` },
      },
    );
    const e2 = entry(
      {
        method: 'POST',
        url: 'https://login.example.com/token',
        headers: [
          { name: 'Authorization', value: `Basic ${b64(`${user}:${S(5)}`)}` },
          { name: 'Content-Type', value: `multipart/form-data; boundary=${boundary}` },
        ],
        postData: { mimeType: `multipart/form-data; boundary=${boundary}`, text: multipart },
      },
      {
        status: 200,
        headers: [{ name: 'Content-Type', value: 'application/json' }],
        content: { size: 40, mimeType: 'application/json', encoding: 'base64', text: b64(JSON.stringify({ [p[9]!]: S(21), token_type: 'Bearer', expires_in: 3600 })) },
      },
    );
    const e3 = entry(
      {
        method: 'POST',
        url: 'https://api.example.com/graphql',
        headers: [{ name: 'Authorization', value: `Digest username="${user}", realm="r", nonce="abc", uri="/x?token=${enc(S(29))}", response="${S(30)}"` }],
        postData: { mimeType: 'application/json', text: JSON.stringify({ query: 'mutation Login { ok }', variables: { input: { password: S(12), client_secret: S(13) } } }) },
      },
      {
        status: 200,
        content: {
          size: 100,
          mimeType: 'text/html',
          text: `<html><body><form method="post" action="https://app.example.com/cb"><input type="hidden" name="code" value="${S(22)}"/><input type="hidden" name="state" value="${noise}"/></form></body></html>`,
        },
      },
    );
    const e4 = entry(
      { url: `https://api.example.com/me?${noise}=2`, headers: [{ name: 'Authorization', value: `DPoP ${S(9)}` }, { name: 'Cookie', value: `${noise}=${S(31)}` }] },
      { status: 401, headers: [{ name: 'WWW-Authenticate', value: 'DPoP algs="ES256", error="use_dpop_nonce"' }], content: { size: 1, mimeType: 'text/plain', encoding: 'base64', text: b64(`{"error":"invalid_token","detail":"refresh_token=${S(25)}"}`) } },
    );
    return { har: har([e1, e2, e3, e4]), secrets: [...s, ...sig] };
  });

describe('redactHar: planted secrets (fast-check)', () => {
  it('no planted secret survives in any encoding, at either level', () => {
    fc.assert(
      fc.property(plantedArb, fc.constantFrom('default' as const, 'strict' as const), ({ har: input, secrets }, level) => {
        const out = redactHar(input, { level });
        expect(leaks(out, secrets)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('the output is a valid HAR 1.2 and the input is never changed', () => {
    fc.assert(
      fc.property(plantedArb, ({ har: input }) => {
        const before = JSON.stringify(input);
        const out = redactHar(deepFreeze(input));
        expect(validateHar(out)).toEqual([]);
        expect(JSON.stringify(input)).toBe(before);
      }),
      { numRuns: 30 },
    );
  });

  it('is idempotent: redacting twice equals redacting once, and the second pass finds nothing', () => {
    fc.assert(
      fc.property(plantedArb, fc.constantFrom('default' as const, 'strict' as const), ({ har: input }, level) => {
        const once = redactHar(input, { level });
        expect(redactHar(once, { level })).toEqual(once);
        expect(summarizeRedaction(once, { level }).total).toBe(0);
      }),
      { numRuns: 30 },
    );
  });

  it('is deterministic and the same secret gets the same marker everywhere', () => {
    fc.assert(
      fc.property(plantedArb, ({ har: input, secrets }) => {
        const a = redactHarDetailed(input);
        expect(redactHar(input)).toEqual(a.har);
        // S(7) is in the Cookie header and in cookies[]: one distinct cookie secret for two places.
        const text = JSON.stringify(a.har);
        const cookieMarkers = text.match(/sid=(REDACTED-cookie-len\d+-[0-9a-f]{6})/);
        expect(cookieMarkers).not.toBeNull();
        expect(text).toContain(`"value":"${cookieMarkers![1]}"`);
        void secrets;
      }),
      { numRuns: 20 },
    );
  });

  it('keeps JWT header and claims decodable, with the signature replaced', () => {
    fc.assert(
      fc.property(sigArb, fc.stringMatching(/^[a-z]{3,10}$/), (sig, sub) => {
        const token = makeJwt({ sub, exp: 1_900_000_000, email: `${sub}@example.com` }, sig);
        const input = har([entry({ headers: [{ name: 'Authorization', value: `Bearer ${token}` }] })]);
        for (const level of ['default', 'strict'] as const) {
          const out = redactHar(input, { level }) as { log: { entries: { request: { headers: { value: string }[] } }[] } };
          const value = out.log.entries[0]!.request.headers[0]!.value;
          const [h, p, s] = value.slice('Bearer '.length).split('.');
          expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'k1' });
          const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
          expect(claims.sub).toBe(sub);
          expect(claims.exp).toBe(1_900_000_000);
          if (level === 'strict') expect(claims).not.toHaveProperty('email');
          else expect(claims.email).toBe(`${sub}@example.com`);
          expect(s).toMatch(/^REDACTED-jwt-len\d+-[0-9a-f]{6}-?$/);
          expect(s).not.toContain(sig);
          expect(JSON.stringify(claims)).not.toMatch(/redacted/i);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('redactHar: planted-secret sanity', () => {
  it('the leak detector finds an unredacted secret in each encoding (so the property can fail)', () => {
    const secret = 'Zq9sEcReT-value.01';
    expect(leaks({ a: `x ${secret} y` }, [secret])).toHaveLength(1);
    expect(leaks({ a: `?t=${encodeURIComponent(secret + '/+')}` }, [secret + '/+'])).toHaveLength(1);
    expect(leaks({ a: `Basic ${b64(`u:${secret}`)}` }, [secret])).toHaveLength(1);
    expect(leaks({ a: b64u(JSON.stringify({ k: secret })) }, [secret])).toHaveLength(1);
    expect(leaks({ a: 'nothing here' }, [secret])).toHaveLength(0);
  });
});
