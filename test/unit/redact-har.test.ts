/**
 * Example-based tests for redactHar: what is kept (evidence) and what goes (secrets), per location.
 * Sources: DESIGN §5; field-research §6 (karna#70: keep scheme, cookie names, Set-Cookie attributes;
 * Cloudflare: keep JWT header + payload; har-sanitizer#37/#49: stay valid JSON, odd names).
 */
import { describe, expect, it } from 'vitest';
import { analyzeHar } from '../../src/core/index.js';
import {
  formatRedactionSummary,
  HarRedactionError,
  redactHar,
  redactHarDetailed,
  summarizeRedaction,
} from '../../src/core/redact/index.js';
import { b64, b64u, entry, har, leaks, makeJwt, validateHar } from './helpers/redact-check.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read deep into the redacted HAR
type Har = { log: { entries: Record<string, any>[] } };
const one = (req: Record<string, unknown> = {}, res: Record<string, unknown> = {}, opts?: Parameters<typeof redactHar>[1]) =>
  (redactHar(har([entry(req, res)]), opts) as Har).log.entries[0]!;
const reqHeader = (name: string, value: string, opts?: Parameters<typeof redactHar>[1]): string =>
  one({ headers: [{ name, value }] }, {}, opts).request.headers[0].value;
const resHeader = (name: string, value: string, opts?: Parameters<typeof redactHar>[1]): string =>
  one({}, { headers: [{ name, value }] }, opts).response.headers[0].value;

const MARK = /\[redacted:[a-z-]+ len=\d+ #[0-9a-f]{6}\]/;
const CMARK = /REDACTED-[a-z-]+-len\d+-[0-9a-f]{6}/;

describe('Authorization (RFC 9110 §11.6.2): scheme kept, credential removed', () => {
  it.each([
    ['Bearer opaque (RFC 6750 §2.1)', 'Bearer mF_9.B5f-4.1JqM', /^Bearer REDACTED-bearer-len15-[0-9a-f]{6}$/],
    ['DPoP (RFC 9449 §7.1)', 'DPoP Kz~8mXK1EalYznwH-LC-1fBAo.4Ljp~zsPE_NeO.gxU', /^DPoP REDACTED-bearer-len43-[0-9a-f]{6}$/],
    ['scheme case kept', 'bearer abcdefghijklmnop', /^bearer REDACTED-bearer-len16-/],
    ['Negotiate (RFC 4559)', 'Negotiate YIIFpAYGKwYBBQUCoIIFmDCCBZSgMDAuBgkqhkiC9xIBAgIGCSqGSIb3', /^Negotiate REDACTED-negotiate-len\d+-/],
    ['NTLM', 'NTLM TlRMTVNTUAADAAAAGAAYAHIAAAAYABgAigAAABQAFABAAAAADAAMAFQAAAASABIAYAAAAAAAAACiAAAAAYIAAgUBKAoAAAAP', /^NTLM REDACTED-negotiate-len\d+-/],
    ['unknown token68 scheme', 'SSWS 00QCjAl4MlV-WPXM-ABC', /^SSWS REDACTED-bearer-len\d+-/],
  ])('%s', (_label, value, expected) => {
    expect(reqHeader('Authorization', value)).toMatch(expected);
  });

  it('keeps the spacing that was sent (a double space is evidence of a malformed header)', () => {
    expect(reqHeader('Authorization', 'Bearer  abcdefgh12345678')).toMatch(/^Bearer {2}REDACTED-bearer-len16-/);
  });

  it('Basic (RFC 7617 §2): user kept by default, password gone, still decodes as user:pass', () => {
    const v = reqHeader('Authorization', `Basic ${b64('Aladdin:open sesame')}`);
    const decoded = Buffer.from(v.slice(6), 'base64').toString();
    expect(decoded).toMatch(/^Aladdin:REDACTED-basic-password-len11-[0-9a-f]{6}$/);
  });

  it('Basic at the strict level removes the user name too', () => {
    const v = reqHeader('Authorization', `Basic ${b64('Aladdin:open sesame')}`, { level: 'strict' });
    const decoded = Buffer.from(v.slice(6), 'base64').toString();
    expect(decoded).not.toContain('Aladdin');
    expect(decoded.split(':')).toHaveLength(2);
  });

  it('Basic that is not base64 stays malformed (a marker, not a made-up valid credential)', () => {
    expect(reqHeader('Authorization', 'Basic not base64!')).toMatch(/^Basic \[redacted:basic-password len=\d+ #[0-9a-f]{6}\]$/);
  });

  it('a bare credential without a scheme goes however short; a scheme alone stays (evidence of a missing token)', () => {
    expect(reqHeader('Authorization', 's3cr3tk3y')).toMatch(/^REDACTED-bearer-len9-[0-9a-f]{6}$/);
    expect(reqHeader('Authorization', 'abcd1234efgh5678ijkl')).toMatch(/^REDACTED-bearer-len20-[0-9a-f]{6}$/);
    for (const v of ['Bearer', 'Basic', 'Negotiate', 'NTLM', 'DPoP', 'undefined', 'null']) expect(reqHeader('Authorization', v)).toBe(v);
    expect(reqHeader('Proxy-Authorization', 'pr0xyk3y')).not.toContain('pr0xyk3y');
  });

  it('Digest (RFC 7616 §3.4): response removed, uri redacted as a URL, other params kept', () => {
    const v = reqHeader(
      'Authorization',
      'Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html?token=s3cretvalue", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS"',
    );
    expect(v).toContain('username="Mufasa"');
    expect(v).toContain('realm="http-auth@example.org"');
    expect(v).toContain('nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v"');
    expect(v).toContain('qop=auth');
    expect(v).not.toContain('753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1');
    expect(v).not.toContain('s3cretvalue');
    expect(v).toMatch(/response="\[redacted:digest-response len=64 #[0-9a-f]{6}\]"/);
  });

  it('AWS SigV4: Signature and Credential removed, SignedHeaders kept', () => {
    const v = reqHeader(
      'Authorization',
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024',
    );
    expect(v).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(v).toContain('SignedHeaders=host;range;x-amz-date');
    expect(v).not.toContain('fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024');
    expect(v).not.toContain('AKIAIOSFODNN7EXAMPLE');
  });

  it('Hawk (hapijs/hawk README example): mac removed, id, ts, nonce and ext kept', () => {
    const v = reqHeader('Authorization', 'Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="6R4rV5iE+NPoym+WwjeHzjAGXUtLNIxmo1vpMofpLAE="');
    expect(v).toMatch(/^Hawk id="dh37fgj492je", ts="1353832234", nonce="j4h3g2", ext="some-app-ext-data", mac="\[redacted:bearer len=44 #[0-9a-f]{6}\]"$/);
  });

  it('a JWT keeps header and claims; the signature becomes a base64url-safe marker', () => {
    const token = makeJwt({ sub: 'u1', aud: 'api', exp: 1_700_000_000 }, 'c2lnbmF0dXJlLXZhbHVlLXRoYXQtaXMtbG9uZw');
    const v = reqHeader('Authorization', `Bearer ${token}`);
    const [h, p, s] = v.slice(7).split('.');
    expect(`${h}.${p}`).toBe(token.split('.').slice(0, 2).join('.'));
    expect(s).toMatch(/^REDACTED-jwt-len38-[0-9a-f]{6}-?$/);
    expect(s).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('a JWE (RFC 7516 §7.1) keeps only its protected header', () => {
    const header = b64u(JSON.stringify({ alg: 'RSA-OAEP', enc: 'A256GCM' }));
    const jwe = `${header}.OKOawDo13gRp2ojaHV7LFpZcgV7T6DVZKTyKOMTYUmKoTCVJRgckCL9kiMT03JGe.48V1_ALb6US04U3b.5eym8TW_c8SuK0ltJ3rpYIzOeDQz7TALvtu6UG9oMo4vpzs9tX_EFShS8iB7j6ji.XFBoMYUZodetZdvTiFvSkQ`;
    const v = reqHeader('Authorization', `Bearer ${jwe}`);
    expect(v.startsWith(`Bearer ${header}.`)).toBe(true);
    expect(v.split('.')).toHaveLength(5);
    expect(v).not.toContain('48V1_ALb6US04U3b');
  });

  it('an unsecured JWT (alg none, empty signature) has nothing to remove and stays as evidence', () => {
    const token = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"x"}')}.`;
    expect(reqHeader('Authorization', `Bearer ${token}`)).toBe(`Bearer ${token}`);
  });

  it('a known vendor token keeps its prefix, so the diagnosis still sees product and environment', () => {
    const v = reqHeader('Authorization', 'Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc');
    expect(v).toMatch(/^Bearer sk_test_REDACTED/);
    expect(v).not.toContain('4eC39HqLyjWDarjtT1zdp7dc');
  });

  it('Proxy-Authorization is treated like Authorization', () => {
    expect(reqHeader('Proxy-Authorization', `Basic ${b64('bob:pw123456')}`)).not.toBe(`Basic ${b64('bob:pw123456')}`);
  });
});

describe('challenges and other headers', () => {
  it('WWW-Authenticate and Proxy-Authenticate stay verbatim (they are the evidence)', () => {
    const c = 'Bearer realm="example", error="invalid_token", error_description="The access token expired", scope="read write"';
    expect(resHeader('WWW-Authenticate', c)).toBe(c);
    expect(resHeader('Proxy-Authenticate', 'Basic realm="proxy"')).toBe('Basic realm="proxy"');
  });

  it.each([
    ['X-API-Key', 'abcd1234abcd1234'],
    ['api-key', 'abcd1234abcd1234'],
    ['Ocp-Apim-Subscription-Key', 'abcd1234abcd1234'],
    ['X-Auth-Token', 'abcd1234abcd1234'],
    ['X-CSRF-Token', 'abcd1234abcd1234'],
    ['X-Amz-Security-Token', 'abcd1234abcd1234'],
    ['Private-Token', 'abcd1234abcd1234'],
    ['X-Session-Id', 'abcd1234abcd1234'],
    // Named for auth without a secret word: Supabase clients, Sentry's legacy auth header, APIs.
    ['X-Auth', 'abcd1234abcd1234'],
    ['X-Supabase-Auth', 'abcd1234abcd1234'],
    ['X-Sentry-Auth', 'Sentry sentry_version=7, sentry_key=abcd1234abcd1234, sentry_client=raven-js/3.27'],
    ['Authentication', 'abcd1234abcd1234'],
    // Vendor headers whose names don't say it: Honeycomb API key, AWS ALB OIDC claims, Firebase App Check.
    ['X-Honeycomb-Team', 'abcd1234abcd1234'],
    ['X-Amzn-Oidc-Data', 'abcd1234abcd1234'],
    ['X-Firebase-AppCheck', 'abcd1234abcd1234'],
  ])('secret header %s is replaced by a marker', (name, value) => {
    const v = reqHeader(name, value);
    expect(v).not.toContain(value);
    expect(v).toMatch(MARK);
  });

  it.each([
    ['Accept', 'application/json'],
    ['Access-Control-Allow-Headers', 'authorization, x-api-key'],
    ['Vary', 'Authorization, Cookie'],
    ['Cache-Control', 'no-store'],
    ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
    ['X-Request-Id', '8c1f0c1e-4b5a-4bd4-9d1e-0b8b2a9c1234'],
    ['X-Auth-Request-Redirect', 'https://app.example/after-login'],
    ['X-Goog-AuthUser', '0'],
  ])('harmless header %s is kept', (name, value) => {
    expect(reqHeader(name, value)).toBe(value);
  });

  it('a JWT in a custom header (field research §3 item 3) loses its signature', () => {
    const token = makeJwt({ sub: 'x' }, 'U0lHTkFUVVJFX1NJR05BVFVSRV9TSUdOQVRVUkU');
    expect(reqHeader('X-Custom-Identity', token)).toMatch(/\.REDACTED-jwt-len\d+-[0-9a-f]{6}-?$/);
  });

  it('the allow list keeps a named header', () => {
    expect(reqHeader('X-Api-Key', 'public-demo-key-123', { allow: ['x-api-key'] })).toBe('public-demo-key-123');
  });

  it('Sec-WebSocket-Protocol carrying a Kubernetes bearer token (base64url.bearer.authorization.k8s.io.<token>): the token goes, the protocols stay', () => {
    const sa = makeJwt({ iss: 'kubernetes/serviceaccount', sub: 'system:serviceaccount:kube-system:dashboard' }, 'K8sServiceAccountSignature0123456789abcdef');
    const opaque = 'k8sopaquetoken0123456789';
    for (const token of [sa, opaque]) {
      const v = reqHeader('Sec-WebSocket-Protocol', `base64url.bearer.authorization.k8s.io.${b64u(token)}, v4.channel.k8s.io`);
      expect(leaks(v, [sa.split('.')[2]!, opaque])).toEqual([]);
      expect(v).toMatch(/^base64url\.bearer\.authorization\.k8s\.io\.[A-Za-z0-9_-]+, v4\.channel\.k8s\.io$/);
      const decoded = Buffer.from(v.split(',')[0]!.slice('base64url.bearer.authorization.k8s.io.'.length), 'base64url').toString();
      expect(decoded).toMatch(token === sa ? /^eyJ[^.]+\.eyJ[^.]+\.REDACTED-jwt-/ : /^REDACTED-bearer-len24-/);
      expect(reqHeader('Sec-WebSocket-Protocol', v)).toBe(v);
    }
  });
});

describe('cookies (RFC 6265): names and attributes kept, values removed', () => {
  it('Cookie header and cookies[] get the same marker for the same value', () => {
    const e = one({ headers: [{ name: 'Cookie', value: 'sid=31d4d96e407aad42; lang=en-US' }], cookies: [{ name: 'sid', value: '31d4d96e407aad42' }, { name: 'lang', value: 'en-US' }] });
    const header = e.request.headers[0].value as string;
    expect(header).toMatch(/^sid=REDACTED-cookie-len16-[0-9a-f]{6}; lang=REDACTED-cookie-len5-[0-9a-f]{6}$/);
    expect(header).toContain(`sid=${e.request.cookies[0].value}`);
    expect(e.request.cookies.map((c: { name: string }) => c.name)).toEqual(['sid', 'lang']);
  });

  it('Set-Cookie keeps every attribute', () => {
    const v = resHeader('Set-Cookie', 'SID=31d4d96e407aad42; Path=/; Domain=example.com; Secure; HttpOnly; SameSite=None; Max-Age=3600');
    expect(v).toMatch(/^SID=REDACTED-set-cookie-len16-[0-9a-f]{6}; Path=\/; Domain=example.com; Secure; HttpOnly; SameSite=None; Max-Age=3600$/);
  });

  it('Set-Cookie lines joined by a newline are each redacted', () => {
    const v = resHeader('Set-Cookie', 'a=secretvalue1; Path=/\nb=secretvalue2; HttpOnly');
    expect(v).not.toMatch(/secretvalue/);
    expect(v.split('\n')).toHaveLength(2);
  });

  it('Set-Cookie lines folded with "," (RFC 9110 §5.3, as libraries that join repeated fields write them) are each redacted', () => {
    const v = resHeader('Set-Cookie', 'a=foldedsecret1; Path=/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=foldedsecret2; HttpOnly,c=foldedsecret3');
    expect(v).not.toMatch(/foldedsecret/);
    expect(v).toMatch(/^a=REDACTED-set-cookie-len13-[0-9a-f]{6}; Path=\/; Expires=Wed, 21 Oct 2026 07:28:00 GMT, b=REDACTED-set-cookie-len13-[0-9a-f]{6}; HttpOnly,c=REDACTED-set-cookie-len13-[0-9a-f]{6}$/);
  });

  it('response cookies[] keep their attributes', () => {
    const e = one({}, { cookies: [{ name: 'SID', value: 'abc123abc123', path: '/', domain: 'example.com', httpOnly: true, secure: true, sameSite: 'Lax', expires: '2030-01-01T00:00:00.000Z' }] });
    expect(e.response.cookies[0]).toMatchObject({ name: 'SID', path: '/', domain: 'example.com', httpOnly: true, secure: true, sameSite: 'Lax', expires: '2030-01-01T00:00:00.000Z' });
    expect(e.response.cookies[0].value).toMatch(CMARK);
  });
});

describe('URLs: query, fragment, user info, :path, Location, redirectURL', () => {
  it('secret query parameters go, others stay, encoding of the rest unchanged', () => {
    const e = one({
      url: 'https://api.example.com/cb?code=SplxlOBeZQQYbYS6WxSbIA&state=xyz%20abc&client_id=s6BhdRkqt3',
      queryString: [{ name: 'code', value: 'SplxlOBeZQQYbYS6WxSbIA' }, { name: 'state', value: 'xyz abc' }, { name: 'client_id', value: 's6BhdRkqt3' }],
    });
    expect(e.request.url).toMatch(/^https:\/\/api.example.com\/cb\?code=REDACTED-query-len22-[0-9a-f]{6}&state=xyz%20abc&client_id=s6BhdRkqt3$/);
    expect(e.request.queryString[0].value).toBe(/code=([^&]+)/.exec(e.request.url)![1]);
    expect(e.request.queryString[1].value).toBe('xyz abc');
  });

  it.each([
    // One-time codes by purpose (email verification links, password resets, invitations), and
    // credentials named plainly: code alone in a longer name (error_code, zip_code) is evidence.
    ['verification_code', true],
    ['resetCode', true],
    ['invite_code', true],
    ['authkey', true],
    ['bearer', true],
    ['error_code', false],
    ['country_code', false],
    ['promo_code', false],
  ])('query parameter %s is a secret: %s', (name, secret) => {
    const e = one({ url: `https://app.example/p?${name}=Q9w8E7r6T5y4U3i2`, queryString: [{ name, value: 'Q9w8E7r6T5y4U3i2' }] });
    expect(e.request.url.includes('Q9w8E7r6T5y4U3i2')).toBe(!secret);
    expect(e.request.queryString[0].value.includes('Q9w8E7r6T5y4U3i2')).toBe(!secret);
  });

  it('implicit-flow fragment (RFC 6749 §4.2.2) and SPA-route fragments', () => {
    const loc = 'https://client.example.com/cb#access_token=2YotnFZFEjr1zCsicMWpAA&state=xyz&token_type=example&expires_in=3600';
    const e = one({}, { status: 302, headers: [{ name: 'Location', value: loc }], redirectURL: loc });
    expect(e.response.headers[0].value).toMatch(/#access_token=REDACTED-query-len22-[0-9a-f]{6}&state=xyz&token_type=example&expires_in=3600$/);
    expect(e.response.redirectURL).toBe(e.response.headers[0].value);
    expect(one({ url: 'https://app.example.com/#/callback?code=abcdef1234567890&x=1' }).request.url).toMatch(/#\/callback\?code=REDACTED-query-len16-[0-9a-f]{6}&x=1$/);
  });

  it('user info password and ;jsessionid path parameter', () => {
    expect(one({ url: 'https://bob:hunter2hunter2@example.com/a;jsessionid=0123456789ABCDEF?x=1' }).request.url).toMatch(
      /^https:\/\/bob:REDACTED-basic-password-len14-[0-9a-f]{6}@example.com\/a;jsessionid=REDACTED-query-len16-[0-9a-f]{6}\?x=1$/,
    );
  });

  it('nested redirect URLs are followed (redirect_uri=…%3Ftoken%3D…)', () => {
    const inner = 'https://app.example.com/cb?token=innersecret123';
    const url = one({ url: `https://idp.example.com/logout?post_logout_redirect_uri=${encodeURIComponent(inner)}` }).request.url;
    expect(url).not.toContain('innersecret123');
    expect(decodeURIComponent(url)).toMatch(/cb\?token=REDACTED-query-len14-/);
  });

  it(':path pseudo-header (RFC 9113 §8.3.1) is redacted like the URL', () => {
    expect(reqHeader(':path', '/v1/me?api_key=AbCdEf0123456789')).toMatch(/^\/v1\/me\?api_key=REDACTED-query-len16-[0-9a-f]{6}$/);
  });

  it('Google API key in ?key= and Azure SAS sig=', () => {
    const url = one({ url: 'https://maps.example.com/api?key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe&sv=2022-11-02&se=2025-01-01&sig=abc%2Bdef%3D' }).request.url;
    expect(url).not.toContain('SyDaGmWKa4JsXZ');
    expect(url).not.toContain('abc%2Bdef');
    expect(url).toContain('se=2025-01-01');
  });
});

describe('bodies', () => {
  it('form body and params[] (token request, RFC 6749 §4.1.3)', () => {
    const e = one({
      method: 'POST',
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: 'grant_type=authorization_code&code=SplxlOBeZQQYbYS6WxSbIA&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb&client_secret=7Fjfp0ZBr1KtDRbnfVdmIw',
        params: [{ name: 'grant_type', value: 'authorization_code' }, { name: 'client_secret', value: '7Fjfp0ZBr1KtDRbnfVdmIw' }],
      },
    });
    expect(e.request.postData.text).toMatch(/^grant_type=authorization_code&code=REDACTED-form-len22-[0-9a-f]{6}&redirect_uri=https%3A%2F%2Fclient%2Eexample%2Ecom%2Fcb&client_secret=REDACTED-form-len22-[0-9a-f]{6}$/);
    expect(e.request.postData.params[0].value).toBe('authorization_code');
    expect(e.request.postData.params[1].value).toMatch(CMARK);
  });

  it('JSON token response: JWTs keep claims, opaque tokens go, metadata stays, indentation kept', () => {
    const idt = makeJwt({ iss: 'https://idp', sub: 'u', aud: 'c', exp: 1 }, 'SIGSIGSIGSIGSIGSIGSIGSIGSIG');
    const text = JSON.stringify({ access_token: 'SlAV32hkKG', token_type: 'Bearer', refresh_token: '8xLOxBtZp8', expires_in: 3600, id_token: idt }, null, 2);
    const e = one({}, { content: { size: text.length, mimeType: 'application/json; charset=utf-8', text } });
    const out = e.response.content.text as string;
    expect(out).toMatch(/^\{\n {2}"access_token"/);
    const body = JSON.parse(out);
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBe(3600);
    expect(body.access_token).toMatch(/^\[redacted:json len=10 #[0-9a-f]{6}\]$/);
    expect(body.refresh_token).toMatch(MARK);
    expect(body.id_token.split('.').slice(0, 2)).toEqual(idt.split('.').slice(0, 2));
  });

  it.each([
    // Secrets named without a secret word (payment data per PCI DSS, wallet phrases, strings that
    // embed a password), and names that stay evidence.
    ['cardNumber', true],
    ['iban', true],
    ['ssn', true],
    ['securityAnswer', true],
    ['encryptionKey', true],
    ['hmacKey', true],
    ['connectionString', true],
    ['database_url', true],
    ['mnemonic', true],
    ['recoveryCodes', true],
    ['state', false],
    ['nonce', false],
    ['certificate', false],
  ])('JSON body field %s is a secret: %s', (name, secret) => {
    const text = JSON.stringify({ [name]: 'Zx8Cv7Bn6M5a4S3d', other: 'kept' });
    const e = one({ method: 'POST', postData: { mimeType: 'application/json', text } });
    const out = JSON.parse(e.request.postData.text as string) as Record<string, string>;
    expect(out[name] === 'Zx8Cv7Bn6M5a4S3d').toBe(!secret);
    expect(out.other).toBe('kept');
  });

  it('error codes in JSON responses are evidence, not authorization codes', () => {
    const text = JSON.stringify({ error: 'invalid_grant', code: 'invalid_grant', errorCode: 'E0000011', status: { code: 401 } });
    const e = one({}, { status: 400, content: { size: 1, mimeType: 'application/json', text } });
    expect(e.response.content.text).toBe(text);
  });

  // A `code` in a response is an error code when it looks like one (vendor docs for the formats);
  // anything that could be an OAuth authorization code (RFC 6749 §4.1.2) goes.
  it.each([
    { description: 'OAuth error (RFC 6749 §5.2)', code: 'invalid_grant', kept: true },
    { description: 'Okta (developer.okta.com error codes)', code: 'E0000011', kept: true },
    { description: 'Microsoft Graph (learn.microsoft.com, Graph errors)', code: 'InvalidAuthenticationToken', kept: true },
    { description: 'AWS (ExpiredTokenException)', code: 'ExpiredTokenException', kept: true },
    { description: 'Entra ID', code: 'AADSTS700082', kept: true },
    { description: 'HTTP status as a string', code: '401', kept: true },
    { description: 'authorization code (RFC 6749 §4.1.2 example)', code: 'SplxlOBeZQQYbYS6WxSbIA', kept: false },
    { description: 'random letters in mixed case', code: 'QwErTyUiOp', kept: false },
    { description: 'letters and digits', code: 'Ab3dEf9hIj', kept: false },
  ])('response code $code ($description) kept: $kept', ({ code, kept }) => {
    const text = JSON.stringify({ code });
    const e = one({}, { status: 400, content: { size: 1, mimeType: 'application/json', text } });
    expect(e.response.content.text === text).toBe(kept);
  });

  it('tokens in JSON strings nested in JSON strings, and in arrays under secret names', () => {
    const text = JSON.stringify({ payload: JSON.stringify({ data: JSON.stringify({ client_secret: 'deepsecret12345' }) }), tokens: ['tok-aaaaaaaaaaaa', 'tok-bbbbbbbbbbbb'] });
    const out = one({ method: 'POST', postData: { mimeType: 'application/json', text } }).request.postData.text as string;
    expect(out).not.toContain('deepsecret12345');
    expect(out).not.toContain('tok-aaaaaaaaaaaa');
    expect(out).toContain('client_secret');
  });

  it('base64 response content is decoded, redacted and re-encoded (encoding kept)', () => {
    const e = one({}, { content: { size: 10, mimeType: 'application/json', encoding: 'base64', text: b64('{"refresh_token":"r1c2d3e4f5g6h7"}') } });
    expect(e.response.content.encoding).toBe('base64');
    const decoded = JSON.parse(Buffer.from(e.response.content.text, 'base64').toString());
    expect(decoded.refresh_token).toMatch(MARK);
  });

  it('base64 text that is not UTF-8 (charset=iso-8859-1) is redacted and keeps its bytes', () => {
    const html = '<p>Grüße</p><input type="hidden" name="csrf_token" value="latin1hiddensecret">';
    const json = '{"message":"Gültig","access_token":"latin1jsonsecret99"}';
    for (const [mimeType, text] of [['text/html; charset=iso-8859-1', html], ['application/json; charset=ISO-8859-1', json]] as const) {
      const e = one({}, { content: { size: text.length, mimeType, encoding: 'base64', text: Buffer.from(text, 'latin1').toString('base64') } });
      expect(leaks(e, ['latin1hiddensecret', 'latin1jsonsecret99'])).toEqual([]);
      const back = Buffer.from(e.response.content.text, 'base64').toString('latin1');
      expect(back).toMatch(/Grüße|Gültig/);
      expect(back).toMatch(/\[redacted:|REDACTED-/);
    }
  });

  it('binary base64 content (not UTF-8) is left as it was', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0xff, 0xfe]).toString('base64');
    expect(one({}, { content: { size: 10, mimeType: 'image/png', encoding: 'base64', text: png } }).response.content.text).toBe(png);
  });

  it('HTML <meta name="csrf-token"> (Rails, Laravel) and <meta name="_csrf"> (Spring Security): the token goes, the header name stays', () => {
    const html = '<head><meta name="csrf-param" content="authenticity_token"><meta name="csrf-token" content="metacsrfsecret0123456789"><meta name="_csrf" content=\'springcsrfsecret987\'/><meta name="_csrf_header" content="X-CSRF-TOKEN"/><meta name="viewport" content="width=device-width"></head>';
    const out = one({}, { content: { size: 1, mimeType: 'text/html', text: html } }).response.content.text as string;
    expect(out).not.toMatch(/metacsrfsecret0123456789|springcsrfsecret987/);
    expect(out).toMatch(/<meta name="csrf-token" content="REDACTED-form-len24-[0-9a-f]{6}">/);
    expect(out).toContain('<meta name="_csrf_header" content="X-CSRF-TOKEN"/>');
    expect(out).toContain('<meta name="viewport" content="width=device-width">');
  });

  it('HTML form_post response (OAuth form post response mode) hidden inputs', () => {
    const html = '<form method="post" action="https://c/cb"><input type="hidden" name="code" value="Qcb0Orv1zh30vL1MPRsbm"/><input type="hidden" name="state" value="af0ifjsldkj"/></form>';
    const out = one({}, { content: { size: 1, mimeType: 'text/html', text: html } }).response.content.text as string;
    expect(out).not.toContain('Qcb0Orv1zh30vL1MPRsbm');
    expect(out).toContain('value="af0ifjsldkj"');
  });

  it('free text: key=value pairs, PEM private keys, vendor tokens', () => {
    const text = 'debug: password=hunter22 user=bob\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----\ntoken ghp_abcdefghijklmnopqrstuvwxyz0123456789 end';
    const out = one({}, { content: { size: 1, mimeType: 'text/plain', text } }).response.content.text as string;
    expect(out).not.toContain('hunter22');
    expect(out).not.toContain('MIIEpAIBAAKCAQEA');
    expect(out).not.toContain('abcdefghijklmnopqrstuvwxyz0123456789');
    expect(out).toContain('user=bob');
    expect(out).toContain('-----BEGIN RSA PRIVATE KEY-----');
  });

  it('program text: a secret inside a quoted call goes, the code around it stays', () => {
    const text = 'fetch("/x?api_key=apiKeyInText55443322")';
    const out = one({}, { content: { size: 1, mimeType: 'application/javascript', text } }).response.content.text as string;
    expect(out).toMatch(/^fetch\("\/x\?api_key=REDACTED-text-len20-[0-9a-f]{6}"\)$/);
  });

  it('an echoed "Authorization: Bearer …" line keeps its scheme, loses its token', () => {
    const text = 'Request headers:\nAuthorization: Bearer opaqueBearerTok998877\nAccept: */*';
    const out = one({}, { content: { size: 1, mimeType: 'text/plain', text } }).response.content.text as string;
    expect(out).toMatch(/^Request headers:\nAuthorization: Bearer REDACTED-bearer-len21-[0-9a-f]{6}\nAccept: \*\/\*$/);
  });

  it('a form body without spaces is still read as a form', () => {
    const text = "grant_type=password&username=o'brien&password=pa(ss)w0rd!";
    const out = one({}, { content: { size: 1, mimeType: 'text/plain', text } }).response.content.text as string;
    expect(out).toMatch(/^grant_type=password&username=o'brien&password=REDACTED-\S+$/);
    expect(out).not.toContain('pa(ss)w0rd');
  });

  it('XML: elements with a secret name lose their text (SOAP WS-Security, STS credentials); error codes and other elements stay', () => {
    const soap =
      '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header><wsse:Security><wsse:UsernameToken>' +
      '<wsse:Username>alice</wsse:Username><wsse:Password Type="PasswordText">soapPassw0rd!</wsse:Password></wsse:UsernameToken>' +
      '<wsse:BinarySecurityToken ValueType="X509v3">MIIC2jCCAkMCAg38MA0GCSqGSIb3DQEBBQUAMIGb</wsse:BinarySecurityToken></wsse:Security></soap:Header><soap:Body/></soap:Envelope>';
    const sts = '<AssumeRoleResponse><Credentials><SessionToken>\n  FwoGZXIvYXdzEBYaDstssessiontoken\n</SessionToken><SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey><Expiration>2026-11-22T11:00:00Z</Expiration></Credentials></AssumeRoleResponse>';
    const err = '<ErrorResponse><Error><Type>Sender</Type><Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message></Error></ErrorResponse>';
    const req = one({ postData: { mimeType: 'text/xml; charset=utf-8', text: soap } }).request.postData.text as string;
    expect(leaks(req, ['soapPassw0rd!', 'MIIC2jCCAkMCAg38MA0GCSqGSIb3DQEBBQUAMIGb'])).toEqual([]);
    expect(req).toContain('<wsse:Username>alice</wsse:Username>');
    expect(req).toMatch(/<wsse:Password Type="PasswordText">REDACTED-text-len13-[0-9a-f]{6}<\/wsse:Password>/);
    const res = one({}, { content: { size: 1, mimeType: 'text/xml', text: sts } }).response.content.text as string;
    expect(leaks(res, ['FwoGZXIvYXdzEBYaDstssessiontoken', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY'])).toEqual([]);
    expect(res).toMatch(/<SessionToken>\n {2}REDACTED-text-len32-[0-9a-f]{6}\n<\/SessionToken>/);
    expect(res).toContain('<Expiration>2026-11-22T11:00:00Z</Expiration>');
    expect(one({}, { content: { size: 1, mimeType: 'text/xml', text: err } }).response.content.text).toBe(err);
    const strict = one({ postData: { mimeType: 'text/xml', text: soap } }, {}, { level: 'strict' }).request.postData.text as string;
    expect(strict).not.toContain('alice');
  });

  it('XML: unclosed and unmatched secret-named tags take linear time (10× the text, well under 40× the time)', () => {
    const hostile = [(n: number) => '</token'.repeat(n / 7), (n: number) => '<token</token'.repeat(n / 13), (n: number) => '<token>x'.repeat(n / 8) + '</token>', (n: number) => '<'.repeat(n) + '</token>'];
    for (const make of hostile) {
      const time = (n: number) => {
        const text = make(n);
        let best = Infinity;
        for (let i = 0; i < 3; i++) {
          const t = performance.now();
          redactHar(har([entry({}, { content: { size: 1, mimeType: 'text/xml', text } })]));
          best = Math.min(best, performance.now() - t);
        }
        return best;
      };
      time(2_000);
      expect(time(200_000) / Math.max(time(20_000), 1)).toBeLessThan(40);
    }
  }, 60_000);

  it('error messages that name a scheme keep their words; a credential inside a message still goes', () => {
    const body = {
      message: 'Bearer token is expired',
      detail: 'NTLM handshake failed',
      error_description: 'Basic authentication is not enabled for this client',
      hint: 'Token rejected: use a new one',
      sent: 'The client sent Bearer mF_9.B5f-4.1JqMsecret and Basic YWxpY2U6c2VjcmV0cGFzcw==',
    };
    const out = JSON.parse(one({}, { content: { size: 1, mimeType: 'application/json', text: JSON.stringify(body) } }).response.content.text as string);
    expect(out.message).toBe(body.message);
    expect(out.detail).toBe(body.detail);
    expect(out.error_description).toBe(body.error_description);
    expect(out.hint).toBe(body.hint);
    expect(leaks(out, ['mF_9.B5f-4.1JqMsecret', 'secretpass'])).toEqual([]);
    expect(out.sent).toMatch(/^The client sent Bearer REDACTED-bearer-len21-[0-9a-f]{6} and Basic /);
  });

  // Two-word values: a scheme name and a plain word is a message ("Token revoked", as GitHub and
  // others word error descriptions), a scheme and a token-like word is a credential.
  it.each([
    { value: 'Token revoked', kept: true },
    { value: 'Bearer expired', kept: true },
    { value: 'Token invalid', kept: true },
    { value: 'Basic authentication', kept: true },
    { value: 'Bearer abc123XYZ789token', kept: false },
    { value: 'Token ghp_16C7e42F292c6912E7710c838347Ae178B4a', kept: false },
    { value: 'Basic dXNlcjpwYXNz', kept: false },
    { value: 'Bearer QwErTy', kept: false },
  ])('a JSON message "$value" is kept: $kept', ({ value, kept }) => {
    const text = JSON.stringify({ error_description: value });
    const out = JSON.parse(one({}, { status: 401, content: { size: 1, mimeType: 'application/json', text } }).response.content.text as string);
    expect(out.error_description === value).toBe(kept);
  });

  it('strict level: personal claims and fields go, default keeps them', () => {
    const text = JSON.stringify({ sub: 'u1', email: 'jane@example.com', name: 'Jane Doe', given_name: 'Jane', preferred_username: 'jdoe' });
    const def = JSON.parse(one({}, { content: { size: 1, mimeType: 'application/json', text } }).response.content.text);
    expect(def.email).toBe('jane@example.com');
    const strict = JSON.parse(one({}, { content: { size: 1, mimeType: 'application/json', text } }, { level: 'strict' }).response.content.text);
    expect(strict.sub).toBe('u1');
    for (const k of ['email', 'name', 'given_name', 'preferred_username']) expect(strict[k]).toMatch(/^\[redacted:personal /);
  });
});

describe('HAR structure', () => {
  it('unknown fields (_initiator, _webSocketMessages, comments) are walked too', () => {
    const e = (redactHar(har([entry({}, {}, { _initiator: { url: 'https://x/?access_token=initiatorsecret' }, comment: 'Authorization: Bearer commentsecret99' })])) as Har).log.entries[0]!;
    expect(JSON.stringify(e)).not.toMatch(/initiatorsecret|commentsecret99/);
  });

  it('page titles (often the page URL) are redacted', () => {
    const input = har([]);
    (input.log as Record<string, unknown>).pages = [{ startedDateTime: '2025-01-01T00:00:00Z', id: 'page_1', title: 'https://app/cb?code=pagetitlesecret1', pageTimings: {} }];
    expect(JSON.stringify(redactHar(input))).not.toContain('pagetitlesecret1');
  });

  it('repairs what a HAR 1.2 importer needs and reports each repair (entries: null, missing fields, string status)', () => {
    const input = { log: { creator: { name: 'x' }, entries: [null, { request: { url: 'https://x/?token=abcdefgh1234' }, response: { status: '401' } }] } };
    const r = redactHarDetailed(input);
    expect(validateHar(r.har)).toEqual([]);
    const entries = (r.har as unknown as Har).log.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]!.response.status).toBe(401);
    expect(r.problems.length).toBeGreaterThan(0);
    expect(r.problems.every((p) => p.code === 'har-repaired')).toBe(true);
    expect(validateHar(redactHar({ log: { entries: null } }))).toEqual([]);
  });

  it('headers written as a name → value map (read as headers by analyzeHar) become a redacted list with the same diagnosis', () => {
    const input = har([
      entry(
        { headers: { Authorization: 'Bearer mapheadersecret99', Accept: 'application/json' } },
        { status: 401, headers: { 'WWW-Authenticate': ['Basic realm="api"', 'Bearer error="invalid_token"'], 'Set-Cookie': ['a=mapcookiesecret1; Path=/', 'b=mapcookiesecret2'] } },
      ),
    ]);
    const r = redactHarDetailed(input);
    expect(validateHar(r.har)).toEqual([]);
    expect(leaks(r.har, ['mapheadersecret99', 'mapcookiesecret1', 'mapcookiesecret2'])).toEqual([]);
    const e = (r.har as unknown as Har).log.entries[0]!;
    expect(e.request.headers.map((h: { name: string }) => h.name)).toEqual(['Authorization', 'Accept']);
    expect(e.response.headers).toHaveLength(4);
    expect(r.problems.map((p) => p.code)).toEqual(['har-repaired', 'har-repaired']);
    const codes = (h: unknown) => analyzeHar(h).results.map((x) => x.findings.map((f) => f.code));
    expect(codes(input)).toEqual([['invalid-token']]);
    expect(codes(r.har)).toEqual(codes(input));
  });

  it('a credential the response echoes (debug header, error text, base64 body) gets the same replacement there, so credential-echoed still holds', () => {
    const jwt = makeJwt({ sub: 'u1', exp: 1_900_000_000 }, 'EchoedJwtSignature_0123456789abcdef');
    const input = har([
      entry(
        { headers: [{ name: 'X-Api-Key', value: 'k_live_51HqLyjWDarjtT1zdp7dc' }], cookies: [{ name: 'sid', value: 's%3Aechoedsessioncookie42' }] },
        {
          status: 403,
          headers: [{ name: 'X-Debug-Key', value: 'k_live_51HqLyjWDarjtT1zdp7dc' }],
          content: { size: 1, mimeType: 'text/plain', text: 'Invalid key k_live_51HqLyjWDarjtT1zdp7dc for session s%3Aechoedsessioncookie42' },
        },
      ),
      entry(
        { headers: [{ name: 'Authorization', value: `Bearer ${jwt}` }] },
        { status: 401, headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="invalid_token"' }], content: { size: 1, mimeType: 'application/json', encoding: 'base64', text: b64(JSON.stringify({ message: `token ${jwt} revoked` })) } },
        { comment: `retry with ${jwt}` },
      ),
    ]);
    const out = redactHar(input);
    expect(leaks(out, ['k_live_51HqLyjWDarjtT1zdp7dc', 's%3Aechoedsessioncookie42', 'EchoedJwtSignature_0123456789abcdef'])).toEqual([]);
    const e = (out as Har).log.entries;
    expect(e[0]!.response.headers[0].value).toBe(e[0]!.request.headers[0].value);
    const codes = (h: unknown) => analyzeHar(h).results.map((x) => x.findings.map((f) => f.code).sort());
    expect(codes(input).every((c) => c.includes('credential-echoed'))).toBe(true);
    expect(codes(out)).toEqual(codes(input));
    expect(redactHar(out)).toEqual(out);
  });

  it('throws HarRedactionError (code not-a-har) when there is no log object', () => {
    for (const bad of [null, 42, 'text', [], {}, { log: [] }]) {
      expect(() => redactHar(bad)).toThrow(HarRedactionError);
    }
    try {
      redactHar({});
    } catch (e) {
      expect((e as HarRedactionError).code).toBe('not-a-har');
    }
  });

  it('summarizeRedaction counts per kind and formats a preview', () => {
    const input = har([
      entry({ headers: [{ name: 'Authorization', value: 'Bearer opaqueopaque1' }, { name: 'Cookie', value: 'a=1111111; b=2222222' }] }),
      entry({ headers: [{ name: 'Authorization', value: 'Bearer opaqueopaque1' }] }),
    ]);
    const s = summarizeRedaction(input);
    expect(s.counts).toEqual({ bearer: 2, cookie: 2 });
    expect(s.distinct).toEqual({ bearer: 1, cookie: 2 });
    expect(s.total).toBe(4);
    expect(formatRedactionSummary(s)).toBe('2 bearer tokens, 2 cookies');
    expect(formatRedactionSummary(summarizeRedaction(har([])))).toBe('nothing to redact');
  });

  it('the same secret gets the same hash in different places; a salt changes it', () => {
    const input = har([
      entry({ headers: [{ name: 'Authorization', value: 'Bearer samesecret123' }] }),
      entry({}, { content: { size: 1, mimeType: 'application/json', text: '{"access_token":"samesecret123"}' } }),
    ]);
    const text = JSON.stringify(redactHar(input));
    const hashes = [...text.matchAll(/(?:len|len=)13[ -]#?([0-9a-f]{6})/g)].map((m) => m[1]);
    expect(hashes).toHaveLength(2);
    expect(hashes[0]).toBe(hashes[1]);
    const salted = JSON.stringify(redactHar(input, { salt: 'case-42' }));
    expect(salted).not.toContain(hashes[0]!);
  });
});
