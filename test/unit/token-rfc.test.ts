import { describe, expect, test } from 'vitest';
import { inspectToken } from '../../src/core/token/index.js';

// Vectors copied verbatim from the RFCs named in each row.
const RFC7519_3_1 =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const PAYLOAD = 'eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
const RFC7515_A2 = `eyJhbGciOiJSUzI1NiJ9.${PAYLOAD}.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw`;
const RFC7515_A3 = `eyJhbGciOiJFUzI1NiJ9.${PAYLOAD}.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q`;
const RFC7515_A4 =
  'eyJhbGciOiJFUzUxMiJ9.UGF5bG9hZA.AdwMgeerwtHoh-l192l60hp9wAHZFVJbLfD_UxMi70cwnZOYaRI1bKPWROc-mZZqwqT2SI-KGDKB34XO0aw_7XdtAG8GaSwFKdCAPZgoXD2YBJZCPEX3xKpRwcdOO8KpEHwJjyqOgzDO7iKvU8vcnwNrmxYbSW9ERBXukOXolLzeO_Jn';
const RFC7515_A5 = `eyJhbGciOiJub25lIn0.${PAYLOAD}.`;
const RFC7516_A1 =
  'eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGeipsEdY3mx_etLbbWSrFr05kLzcSr4qKAq7YN7e9jwQRb23nfa6c9d-StnImGyFDbSv04uVuxIp5Zms1gNxKKK2Da14B8S4rzVRltdYwam_lDp5XnZAYpQdb76FdIKLaVmqgfwX7XWRxv2322i-vDxRfqNzo_tETKzpVLzfiwQyeyPGLBIO56YJ7eObdv0je81860ppamavo35UgoRdbYaBcoh9QcfylQr66oc6vFWXRcZ_ZT2LawVCWTIy3brGPi6UklfCpIMfIjf7iGdXKHzg.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6jiSdiwkIr3ajwQzaBtQD_A.XFBoMYUZodetZdvTiFvSkQ';

const JOE_CLAIMS = { iss: 'joe', exp: 1300819380, 'http://example.com/is_root': true };

describe('RFC examples (RFC 7519 §3.1, RFC 7515 appendix A, RFC 7516 appendix A.1)', () => {
  test.each([
    { source: 'RFC 7519 §3.1 / RFC 7515 A.1 (HS256)', token: RFC7519_3_1, header: { typ: 'JWT', alg: 'HS256' } },
    { source: 'RFC 7515 A.2 (RS256)', token: RFC7515_A2, header: { alg: 'RS256' } },
    { source: 'RFC 7515 A.3 (ES256)', token: RFC7515_A3, header: { alg: 'ES256' } },
  ])('$source decodes header, claims and times', ({ token, header }) => {
    const r = inspectToken(token, { now: new Date('2011-03-22T18:00:00Z') });
    expect(r.kind).toBe('jwt');
    expect(r.header).toEqual(header);
    expect(r.claims).toEqual(JOE_CLAIMS);
    expect(r.issuer).toBe('joe');
    expect(r.times).toEqual({ exp: '2011-03-22T18:43:00.000Z', nbf: null, iat: null, auth_time: null });
    expect(r.expired).toBe(false);
    expect(r.relative.exp).toBe('valid for another 43 min');
    expect(r.audience).toEqual([]);
    expect(r.scopes).toEqual([]);
    expect(r.problems).toEqual([]);
    expect(r.unsigned).toBe(false);
  });

  test('RFC 7519 §3.1: expired when judged after 2011-03-22T18:43:00Z', () => {
    const r = inspectToken(RFC7519_3_1, { now: new Date('2011-03-22T18:55:30Z') });
    expect(r.expired).toBe(true);
    expect(r.relative.exp).toBe('expired 12 min before the request');
  });

  test('RFC 7519 §3.1: no reference time → expired is null and nothing relative', () => {
    const r = inspectToken(RFC7519_3_1);
    expect(r.expired).toBeNull();
    expect(r.relative.exp).toBeNull();
    expect(r.now).toBeNull();
  });

  test('RFC 7515 A.4 (ES512 over the bytes "Payload"): a valid JWS that is not a JWT', () => {
    const r = inspectToken(RFC7515_A4);
    expect(r.kind).toBe('malformed');
    expect(r.header).toEqual({ alg: 'ES512' });
    expect(r.claims).toBeNull();
    expect(r.problems.map((p) => p.code)).toEqual(['payload-not-json']);
    expect(r.problems[0]!.offset).toBe('eyJhbGciOiJFUzUxMiJ9.'.length);
  });

  test('RFC 7515 A.5 / RFC 7519 §6.1 unsecured JWS: kind jwt, flagged unsigned', () => {
    const r = inspectToken(RFC7515_A5);
    expect(r.kind).toBe('jwt');
    expect(r.unsigned).toBe(true);
    expect(r.alg).toBe('none');
    expect(r.claims).toEqual(JOE_CLAIMS);
    expect(r.problems.map((p) => [p.code, p.severity])).toEqual([['unsigned-token', 'warning']]);
  });

  test('RFC 7516 A.1 (RSA-OAEP + A256GCM): kind jwe, header only, a note rather than an error', () => {
    const r = inspectToken(RFC7516_A1);
    expect(r.kind).toBe('jwe');
    expect(r.header).toEqual({ alg: 'RSA-OAEP', enc: 'A256GCM' });
    expect(r.enc).toBe('A256GCM');
    expect(r.claims).toBeNull();
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/encrypted/i);
    expect(r.expired).toBeNull();
  });
});

describe('RFC 9068 §2.2 example access token claims', () => {
  // Header and claims from RFC 9068 §2.2 (Figure 2), re-encoded.
  const header = { typ: 'at+JWT', alg: 'RS256', kid: 'RjEwOwOA' };
  const claims = {
    iss: 'https://authorization-server.example.com/',
    sub: '5ba552d67',
    aud: 'https://rs.example.com/',
    exp: 1639528912,
    iat: 1618354090,
    jti: 'dbe39bf3a3ba4238a513f51d6e1691c4',
    client_id: 's6BhdRkqt3',
    scope: 'openid profile reademail',
  };
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const token = `${b(header)}.${b(claims)}.${Buffer.alloc(256, 7).toString('base64url')}`;

  test.each([
    { field: 'kind', want: 'jwt' },
    { field: 'typ', want: 'at+JWT' },
    { field: 'client', want: 's6BhdRkqt3' },
    { field: 'clientClaim', want: 'client_id' },
    { field: 'scopes', want: ['openid', 'profile', 'reademail'] },
    { field: 'audience', want: ['https://rs.example.com/'] },
    { field: 'issuer', want: 'https://authorization-server.example.com/' },
    { field: 'subject', want: '5ba552d67' },
    { field: 'times', want: { exp: '2021-12-15T00:41:52.000Z', nbf: null, iat: '2021-04-13T22:48:10.000Z', auth_time: null } },
    { field: 'expired', want: true },
    { field: 'problems', want: [] },
  ])('$field', ({ field, want }) => {
    const r = inspectToken(token, { now: new Date('2022-01-01T00:00:00Z') }) as unknown as Record<string, unknown>;
    expect(r[field]).toEqual(want);
  });

  test('at+jwt is never taken for an ID token (RFC 9068 §2.1), even with OIDC claims', () => {
    const t = `${b(header)}.${b({ ...claims, nonce: 'n-0S6_WzA2Mj', scope: undefined })}.${Buffer.alloc(256, 7).toString('base64url')}`;
    expect(inspectToken(t).hints.looksLikeIdToken).toBe(false);
  });
});
