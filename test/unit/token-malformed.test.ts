import { describe, expect, test } from 'vitest';
import { inspectToken } from '../../src/core/token/index.js';
import { b64u, fakeSignature, jwt } from './token-fixtures.js';

/**
 * Malformed tokens, each with the problem code it must produce. Sources: the failure modes in
 * DESIGN §4 (`malformed-authorization`) and field-research §5 (unpadded base64url and UTF-8 break
 * naive decoders; malformed payloads must not throw), plus RFC 7515 §2/§7.1, RFC 7516 §7.1,
 * RFC 7519 §2/§4/§7.2, RFC 7518 §3.6 and RFC 6750 §2.1 for what "well-formed" means.
 */
const H = b64u('{"alg":"HS256","typ":"JWT"}');
const P = b64u('{"sub":"1234567890","name":"John Doe","iat":1516239022}');
const S = fakeSignature('HS256');
const VALID = `${H}.${P}.${S}`;
// Standard-base64 versions of segments that contain + or / in standard base64.
const stdPayload = Buffer.from('{"sub":"?>?>","n":"ÿÿ"}').toString('base64'); // has + or / and =
const hs = (claims: object) => jwt({ alg: 'HS256' }, claims as Record<string, unknown>);
const latin1 = (s: string) => Buffer.from(s, 'latin1').toString('base64url');

interface Row {
  source: string;
  token: string;
  code: string;
  kind?: string;
  severity?: 'error' | 'warning';
}

const rows: Row[] = [
  // --- empty, whitespace, wrapping ---
  { source: 'empty string', token: '', code: 'empty-token' },
  { source: 'only spaces', token: '   ', code: 'whitespace-only' },
  { source: 'only a newline', token: '\n', code: 'whitespace-only' },
  { source: 'only tabs', token: '\t\t', code: 'whitespace-only' },
  { source: 'Bearer scheme with no token', token: 'Bearer', code: 'empty-token' },
  { source: 'Bearer scheme and spaces', token: 'Bearer   ', code: 'empty-token' },
  { source: '"Bearer Bearer <jwt>" (scheme repeated, DESIGN §4)', token: `Bearer ${VALID}`, code: 'scheme-included' },
  { source: 'lower-case scheme included', token: `bearer ${VALID}`, code: 'scheme-included' },
  { source: 'DPoP scheme included', token: `DPoP ${VALID}`, code: 'scheme-included' },
  { source: 'quoted token (DESIGN §4)', token: `"${VALID}"`, code: 'quoted-token' },
  { source: 'single-quoted token', token: `'${VALID}'`, code: 'quoted-token' },
  { source: 'empty quotes', token: '""', code: 'empty-token' },
  { source: 'space inside the token', token: `${H}.${P.slice(0, 10)} ${P.slice(10)}.${S}`, code: 'inner-whitespace' },
  { source: 'line break inside (copied from a wrapped log line)', token: `${H}.${P}\n.${S}`, code: 'inner-whitespace' },
  { source: 'tab inside an opaque token', token: 'abc\tdef', code: 'inner-whitespace' },
  { source: 'NUL byte inside', token: `${H}.${P}.${S}\u0000`, code: 'control-character' },
  { source: 'trailing newline only (warning, still a jwt)', token: `${VALID}\n`, code: 'surrounding-whitespace', kind: 'jwt', severity: 'warning' },
  // --- placeholders (stringified unset values, DESIGN §4) ---
  { source: 'Bearer undefined', token: 'undefined', code: 'placeholder-token' },
  { source: 'Bearer null', token: 'null', code: 'placeholder-token' },
  { source: 'Bearer [object Object]', token: '[object Object]', code: 'placeholder-token' },
  { source: 'unexpanded Postman variable', token: '{{access_token}}', code: 'placeholder-token' },
  { source: 'unexpanded shell variable', token: '${TOKEN}', code: 'placeholder-token' },
  { source: 'doc placeholder', token: '<access_token>', code: 'placeholder-token' },
  { source: 'YOUR_TOKEN_HERE', token: 'YOUR_TOKEN_HERE', code: 'placeholder-token' },
  // --- segment count (RFC 7515 §7.1, RFC 7516 §7.1) ---
  { source: 'header only', token: H, code: 'wrong-segment-count' },
  { source: 'signature missing with its dot (2 segments)', token: `${H}.${P}`, code: 'wrong-segment-count' },
  { source: '4 segments', token: `${VALID}.${S}`, code: 'wrong-segment-count' },
  { source: '6 segments', token: `${VALID}.a.b.c`, code: 'wrong-segment-count' },
  { source: 'JWT pasted twice', token: `${VALID}${VALID}`, code: 'wrong-segment-count' },
  { source: 'trailing dot after the signature', token: `${VALID}.`, code: 'wrong-segment-count' },
  // --- base64url (RFC 7515 §2, RFC 4648 §5) ---
  { source: 'standard base64 with + and / (not base64url)', token: `${H}.${stdPayload.replace(/=+$/, '')}.${S}`, code: 'standard-base64' },
  { source: 'standard base64 with padding', token: `${H}.${stdPayload}.${S}`, code: 'base64-padding' },
  { source: 'padded header', token: `${b64u('{"alg":"HS256"}')}=.${P}.${S}`, code: 'base64-padding' },
  { source: 'padded signature', token: `${H}.${P}.${S}=`, code: 'base64-padding' },
  { source: 'invalid character * in payload', token: `${H}.${P.slice(0, 5)}*${P.slice(6)}.${S}`, code: 'invalid-base64url' },
  { source: 'percent-encoded token (URL-escaped copy)', token: `${H}.${P}.${S.slice(0, 10)}%3D`, code: 'invalid-base64url' },
  { source: 'non-ASCII character in header', token: `eyJhbGciOiJIUzI1NiJ9é.${P}.${S}`, code: 'invalid-base64url' },
  { source: 'truncated payload (impossible length)', token: `${H}.${P.slice(0, 4 * 5 + 1)}.${S}`, code: 'invalid-base64url-length' },
  { source: 'non-canonical trailing bits in signature', token: `${H}.${P}.${S.slice(0, -1)}${String.fromCharCode(S.charCodeAt(S.length - 1) + 1)}`, code: 'non-canonical-base64url', kind: 'jwt', severity: 'warning' },
  // --- JSON (RFC 7519 §7.2) ---
  { source: 'header not JSON', token: `${b64u('alg=HS256')}.${P}.${S}`, code: 'header-not-json' },
  { source: 'payload not JSON (RFC 7515 A.4 shape)', token: `${H}.${b64u('Payload')}.${S}`, code: 'payload-not-json' },
  { source: 'payload truncated JSON', token: `${H}.${b64u('{"sub":"1234"')}.${S}`, code: 'payload-not-json' },
  { source: 'payload with a trailing comma', token: `${H}.${b64u('{"sub":"x",}')}.${S}`, code: 'payload-not-json' },
  { source: 'payload with single quotes', token: `${H}.${b64u("{'sub':'x'}")}.${S}`, code: 'payload-not-json' },
  { source: 'payload starts with a UTF-8 BOM (RFC 8259 §8.1)', token: `${H}.${b64u('\uFEFF{"sub":"x"}')}.${S}`, code: 'payload-not-json' },
  { source: 'header is a JSON array', token: `${b64u('["HS256"]')}.${P}.${S}`, code: 'header-not-object' },
  { source: 'header is a JSON string', token: `${b64u('"HS256"')}.${P}.${S}`, code: 'header-not-object' },
  { source: 'payload is JSON null', token: `${H}.${b64u('null')}.${S}`, code: 'payload-not-object' },
  { source: 'payload is a JSON number', token: `${H}.${b64u('1516239022')}.${S}`, code: 'payload-not-object' },
  { source: 'payload is a JSON array', token: `${H}.${b64u('[{"sub":"x"}]')}.${S}`, code: 'payload-not-object' },
  { source: 'payload is a JSON string (double-encoded claims)', token: `${H}.${b64u(JSON.stringify('{"sub":"x"}'))}.${S}`, code: 'payload-not-object' },
  { source: 'payload is Latin-1, not UTF-8', token: `${H}.${latin1('{"name":"José"}')}.${S}`, code: 'payload-invalid-utf8' },
  { source: 'header is Latin-1, not UTF-8', token: `${latin1('{"alg":"HS256","x":"ü"}')}.${P}.${S}`, code: 'header-invalid-utf8' },
  { source: 'empty header segment', token: `.${P}.${S}`, code: 'empty-header' },
  { source: 'empty payload segment', token: `${H}..${S}`, code: 'empty-payload' },
  // --- header parameters (RFC 7515 §4.1.1, RFC 7518 §3.6) ---
  { source: 'header without alg', token: `${b64u('{"typ":"JWT"}')}.${P}.${S}`, code: 'missing-alg' },
  { source: 'alg is a number', token: `${b64u('{"alg":256}')}.${P}.${S}`, code: 'invalid-alg' },
  { source: 'alg HS256 with an empty signature', token: `${H}.${P}.`, code: 'missing-signature' },
  { source: 'alg none with a signature', token: `${b64u('{"alg":"none"}')}.${P}.${S}`, code: 'unsigned-with-signature' },
  { source: 'alg none (unsigned, still a jwt)', token: `${b64u('{"alg":"none"}')}.${P}.`, code: 'unsigned-token', kind: 'jwt', severity: 'warning' },
  { source: 'signature cut short (HS256 must be 32 bytes)', token: `${H}.${P}.${S.slice(0, 20)}`, code: 'signature-length-mismatch', kind: 'jwt', severity: 'warning' },
  { source: 'ES256 signature DER-encoded (72 bytes)', token: `${b64u('{"alg":"ES256"}')}.${P}.${b64u(new Uint8Array(72))}`, code: 'signature-length-mismatch', kind: 'jwt', severity: 'warning' },
  { source: 'five segments, key-management alg but no enc', token: `${b64u('{"alg":"RSA-OAEP"}')}.a.b.c.d`, code: 'jwe-missing-enc' },
  { source: 'five segments with a JWS header', token: `${H}.a.b.c.d`, code: 'wrong-segment-count' },
  { source: 'JWE with an empty ciphertext', token: `${b64u('{"alg":"dir","enc":"A256GCM"}')}..AAAAAAAAAAAAAAAA..AAAAAAAAAAAAAAAAAAAAAA`, code: 'jwe-empty-segment' },
  // --- claims (RFC 7519 §2 NumericDate, §4.1) — kind stays jwt, the problem is an error ---
  { source: 'exp as a string', token: hs({ exp: '1516239022' }), code: 'exp-not-numeric', kind: 'jwt' },
  { source: 'exp as an ISO date string', token: hs({ exp: '2024-01-01T00:00:00Z' }), code: 'exp-not-numeric', kind: 'jwt' },
  { source: 'exp null', token: hs({ exp: null }), code: 'exp-not-numeric', kind: 'jwt' },
  { source: 'nbf as a boolean', token: hs({ nbf: true }), code: 'nbf-not-numeric', kind: 'jwt' },
  { source: 'iat as an object', token: hs({ iat: { $date: 1 } }), code: 'iat-not-numeric', kind: 'jwt' },
  { source: 'auth_time as a string', token: hs({ auth_time: 'yesterday' }), code: 'auth-time-not-numeric', kind: 'jwt' },
  { source: 'exp beyond the Date range', token: hs({ exp: 1e300 }), code: 'exp-out-of-range', kind: 'jwt' },
  { source: 'exp in milliseconds', token: hs({ exp: 1516239022000 }), code: 'exp-in-milliseconds', kind: 'jwt', severity: 'warning' },
  { source: 'exp before nbf', token: hs({ nbf: 1516239022, exp: 1516230000 }), code: 'exp-not-after-nbf', kind: 'jwt', severity: 'warning' },
  { source: 'exp before iat', token: hs({ iat: 1516239022, exp: 1516230000 }), code: 'exp-not-after-iat', kind: 'jwt', severity: 'warning' },
  { source: 'iss is a number', token: hs({ iss: 42 }), code: 'invalid-iss', kind: 'jwt' },
  { source: 'sub is an array', token: hs({ sub: ['a'] }), code: 'invalid-sub', kind: 'jwt' },
  { source: 'aud is an object', token: hs({ aud: { a: 1 } }), code: 'invalid-aud', kind: 'jwt' },
  // --- opaque values that can't be a Bearer token (RFC 6750 §2.1 b64token) ---
  { source: 'opaque with a comma', token: 'abc,def', code: 'invalid-token-characters' },
  { source: 'opaque with a non-ASCII letter', token: 'tökén123', code: 'invalid-token-characters' },
  { source: 'opaque with = in the middle', token: 'abc=def', code: 'invalid-token-characters' },
];

describe('malformed tokens: each gets its problem code, none throws', () => {
  test('the table has at least 50 rows', () => {
    expect(rows.length).toBeGreaterThanOrEqual(50);
  });

  test.each(rows)('$source → $code', ({ token, code, kind, severity }) => {
    const r = inspectToken(token);
    const p = r.problems.find((x) => x.code === code);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p!.severity).toBe(severity ?? 'error');
    expect(r.kind).toBe(kind ?? 'malformed');
    expect(p!.message.length).toBeGreaterThan(10);
    if (p!.offset !== undefined) {
      expect(p!.offset).toBeGreaterThanOrEqual(0);
      expect(p!.offset).toBeLessThanOrEqual(token.length);
    }
    // Must survive JSON (the CLI prints it).
    expect(() => JSON.stringify(r)).not.toThrow();
  });
});

describe('what a malformed token still shows', () => {
  test('standard base64 still decodes for display, with the problem at the offending offset', () => {
    const token = `${H}.${stdPayload.replace(/=+$/, '')}.${S}`;
    const r = inspectToken(token);
    expect(r.claims).toEqual({ sub: '?>?>', n: 'ÿÿ' });
    const p = r.problems.find((x) => x.code === 'standard-base64')!;
    expect('+/').toContain(token[p.offset!]);
  });

  test('a whitespace-broken JWT still shows its claims', () => {
    const r = inspectToken(`${H}.${P.slice(0, 10)}\n${P.slice(10)}.${S}`);
    expect(r.kind).toBe('malformed');
    expect(r.claims).toMatchObject({ sub: '1234567890' });
  });

  test('offsets point into the string as given (after "Bearer ")', () => {
    const token = `Bearer ${H}.${P.slice(0, 5)}*${P.slice(6)}.${S}`;
    const r = inspectToken(token);
    const p = r.problems.find((x) => x.code === 'invalid-base64url')!;
    expect(token[p.offset!]).toBe('*');
  });

  test('two segments report the missing signature at the end of the token', () => {
    const r = inspectToken(`${H}.${P}`);
    expect(r.claims).toMatchObject({ name: 'John Doe' });
    expect(r.problems[0]).toMatchObject({ code: 'wrong-segment-count', offset: H.length + 1 + P.length });
  });
});
