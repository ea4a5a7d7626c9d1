// Positives and near misses for the codes a browser can't produce in the scenario recordings
// (test/unit/recorded-hars.test.ts covers the rest). Sources: the RFC section each rule cites.
import { describe, expect, test } from 'vitest';
import { analyzeHar, redactHar } from '../../src/core/index.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const DATE = 'Sun, 22 Nov 2026 10:00:00 GMT';
const NOW = Date.parse(DATE) / 1000;
const token = (claims: Record<string, unknown>) => `${b64({ alg: 'RS256', typ: 'at+jwt' })}.${b64({ iat: NOW - 60, exp: NOW + 3600, ...claims })}.c2ln`;

interface E { url?: string; method?: string; status: number; req?: [string, string][]; res?: [string, string][]; started?: string }
function har(...entries: E[]) {
  return {
    log: {
      version: '1.2',
      creator: { name: 'test', version: '1' },
      entries: entries.map((e) => ({
        startedDateTime: e.started ?? '2026-11-22T10:00:00.000Z',
        time: 10,
        request: { method: e.method ?? 'GET', url: e.url ?? 'https://api.example.com/v1/orders', httpVersion: 'h2', headers: (e.req ?? []).map(([name, value]) => ({ name, value })), cookies: [], queryString: [] },
        response: { status: e.status, statusText: '', httpVersion: 'h2', headers: [['date', DATE], ...(e.res ?? [])].map(([name, value]) => ({ name, value })), cookies: [], content: { size: 0, mimeType: 'application/json' }, redirectURL: '' },
      })),
    },
  };
}
const codes = (h: unknown, index = 0) => analyzeHar(h).results.find((r) => r.index === index)?.findings.map((f) => f.code) ?? [];

describe.each([
  {
    code: 'digest-stale',
    source: 'RFC 7616 §3.3',
    positive: har({ status: 401, req: [['authorization', 'Digest username="a", nonce="old"']], res: [['www-authenticate', 'Digest realm="r", qop="auth", nonce="new", stale=true']] }),
    negative: har({ status: 401, req: [['authorization', 'Digest username="a", nonce="old"']], res: [['www-authenticate', 'Digest realm="r", qop="auth", nonce="new", stale=false']] }),
  },
  {
    code: 'proxy-auth-required',
    source: 'RFC 9110 §15.5.8',
    positive: har({ status: 407, res: [['proxy-authenticate', 'Basic realm="proxy"']] }),
    negative: har({ status: 401, res: [['www-authenticate', 'Basic realm="api"']] }),
  },
  {
    code: 'credentials-maybe-stripped',
    source: 'Chrome sanitized HAR export (DESIGN §5)',
    positive: har({ status: 401, res: [['www-authenticate', 'Bearer realm="api"']] }),
    negative: har({ status: 401, req: [['cookie', 'sid=1']], res: [['www-authenticate', 'Bearer realm="api"']] }),
  },
  {
    code: 'credentials-over-http',
    source: 'RFC 6750 §5.3',
    positive: har({ url: 'http://api.example.com/v1/orders', status: 200, req: [['authorization', `Bearer ${token({ aud: 'http://api.example.com' })}`]] }),
    negative: har({ url: 'http://localhost:8080/v1/orders', status: 200, req: [['authorization', `Bearer ${token({ aud: 'http://localhost:8080' })}`]] }),
  },
  {
    code: 'environment-mismatch',
    source: 'RFC 7519 §4.1.1 (iss)',
    positive: har({ status: 401, req: [['authorization', `Bearer ${token({ iss: 'https://login.staging.example.com/', aud: 'https://api.example.com' })}`]], res: [['www-authenticate', 'Bearer error="invalid_token"']] }),
    negative: har({ status: 401, req: [['authorization', `Bearer ${token({ iss: 'https://login.example.com/', aud: 'https://api.example.com' })}`]], res: [['www-authenticate', 'Bearer error="invalid_token"']] }),
  },
])('$code ($source)', ({ code, positive, negative }) => {
  test('detected', () => expect(codes(positive)).toContain(code));
  test('near miss not flagged', () => expect(codes(negative)).not.toContain(code));
});

describe('healthy traffic raises nothing (false alarms are bugs)', () => {
  test.each([
    { name: 'valid bearer 200', h: har({ status: 200, req: [['authorization', `Bearer ${token({ aud: 'https://api.example.com' })}`]] }) },
    { name: 'successful preflight then request', h: har({ method: 'OPTIONS', status: 204, req: [['access-control-request-method', 'PUT'], ['origin', 'https://app.example.com']], res: [['access-control-allow-origin', 'https://app.example.com']] }, { method: 'PUT', status: 200, req: [['authorization', `Bearer ${token({ aud: 'https://api.example.com' })}`], ['origin', 'https://app.example.com']], res: [['access-control-allow-origin', 'https://app.example.com']] }) },
    { name: 'Negotiate handshake ending 200', h: har({ status: 401, res: [['www-authenticate', 'Negotiate']] }, { status: 200, req: [['authorization', 'Negotiate YIIB/wYJ==']] }) },
    { name: '304 with an old Date', h: har({ status: 304, req: [['authorization', `Bearer ${token({ aud: 'https://api.example.com', exp: NOW - 7200 + 3600 })}`]], res: [['date', 'Sat, 21 Nov 2026 08:00:00 GMT']] }) },
  ])('$name', ({ h }) => {
    const findings = analyzeHar(h).results.flatMap((r) => r.findings);
    expect(findings.filter((f) => f.severity !== 'info').map((f) => f.code)).toEqual([]);
  });
});

// RFC 9110 §5.6.7: recipients accept all three HTTP-date formats, and all of them are UTC. asctime
// names no zone, which Date.parse reads as the machine's local time; the verdict must not depend on
// where the HAR is analysed.
describe('the server Date in every HTTP-date format, on a machine in any time zone (RFC 9110 §5.6.7)', () => {
  test.each([
    { format: 'IMF-fixdate', date: 'Sun, 22 Nov 2026 10:00:00 GMT' },
    { format: 'RFC 850', date: 'Sunday, 22-Nov-26 10:00:00 GMT' },
    { format: 'asctime', date: 'Sun Nov 22 10:00:00 2026' },
    { format: 'asctime, one-digit day', date: 'Sun Nov  1 10:00:00 2026' },
  ])('$format', ({ date }) => {
    // A token valid for an hour around that instant, rejected for another reason: invalid-token only.
    const now = Date.parse(date.endsWith('GMT') ? date : `${date} GMT`) / 1000;
    const h = har({ status: 401, req: [['authorization', `Bearer ${token({ aud: 'https://api.example.com', iat: now - 60, exp: now + 3600 })}`]], res: [['www-authenticate', 'Bearer error="invalid_token"']] });
    h.log.entries[0]!.response.headers[0]!.value = date;
    h.log.entries[0]!.startedDateTime = new Date(now * 1000).toISOString();
    const before = process.env.TZ;
    try {
      for (const tz of ['America/New_York', 'Asia/Tokyo', 'UTC']) {
        process.env.TZ = tz;
        expect(codes(h), tz).toEqual(['invalid-token']);
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });
});

describe('auth-dropped-on-redirect follows the redirect to the request the browser made (Fetch Standard, HTTP-redirect fetch)', () => {
  test.each(['https://cdn.example.net/f/7', 'https://cdn.example.net/f/7#page=2', '//cdn.example.net/f/7#'])('Location %s', (location) => {
    const h = har(
      { url: 'https://api.example.com/f/7', status: 302, req: [['authorization', 'Bearer opaque-token-123']], res: [['location', location]] },
      { url: 'https://cdn.example.net/f/7', status: 401, req: [['cookie', 'a=1']], res: [['www-authenticate', 'Bearer realm="cdn"']] },
    );
    expect(codes(h, 1)).toContain('auth-dropped-on-redirect');
  });
});

describe('a Location seen again, from another page, leads to the same request', () => {
  // Absolute Locations are resolved once per session (RFC 9110 §10.2.2, the fragment left out).
  test.each([
    { location: 'https://cdn.example.net/f/7#page', second: 'https://cdn.example.net/f/7' },
    { location: 'https://CDN.example.net:443/f/./7', second: 'https://cdn.example.net/f/7' },
  ])('Location $location', ({ location, second }) => {
    const h = har(
      // The first redirect carried no Authorization: the finding comes from the second one's record.
      { url: 'https://api.example.com/f/1', status: 302, res: [['location', location]] },
      { url: 'https://api2.example.com/f/2', status: 302, req: [['authorization', 'Bearer opaque-token-123']], res: [['location', location]] },
      { url: second, status: 401, req: [['cookie', 'a=1']], res: [['www-authenticate', 'Bearer realm="cdn"']] },
    );
    expect(codes(h, 2)).toContain('auth-dropped-on-redirect');
  });
});

describe('sanitized (DESIGN §3.2) looks at every header shape the reader accepts', () => {
  test('an Authorization header in a name → value map is a credential: not sanitized', () => {
    const h = har({ status: 401, res: [['www-authenticate', 'Bearer error="invalid_token"']] });
    (h.log.entries[0]!.request as Record<string, unknown>).headers = { Authorization: 'Bearer opaque-token-123' };
    const a = analyzeHar(h);
    expect(a.source.sanitized).toBe(false);
    expect(a.results[0]!.findings.map((f) => f.code)).toEqual(['invalid-token']);
  });
});

describe('redaction keeps the diagnosis (DESIGN §5)', () => {
  test.each(['chromium', 'firefox'])('%s recording: same finding codes after redactHar', async (browser) => {
    const { readFileSync } = await import('node:fs');
    const h = JSON.parse(readFileSync(`test/fixtures/recorded/${browser}-scenarios.har`, 'utf8'));
    const before = analyzeHar(h).results.map((r) => [r.index, r.findings.map((f) => f.code).sort()]);
    const after = analyzeHar(redactHar(h)).results.map((r) => [r.index, r.findings.map((f) => f.code).sort()]);
    expect(after).toEqual(before);
  });

  // A redacted JWT's signature is a marker: not a malformed or truncated signature (a DPoP proof
  // reported its length and padding as defects, so dpop-required appeared after redaction).
  test.each(['dpop-required', 'dpop-nonce-required', 'credential-echoed'])('findings fixture %s: same finding codes after redactHar', async (name) => {
    const { readFileSync } = await import('node:fs');
    const h = JSON.parse(readFileSync(`test/fixtures/findings/${name}.har`, 'utf8'));
    const codes = (x: unknown) => analyzeHar(x).results.map((r) => [r.index, r.findings.map((f) => f.code).sort()]);
    expect(codes(redactHar(h))).toEqual(codes(h));
  });
});

// Slack's Web API answers with 200 and {"ok": false} in application/json
// (https://api.slack.com/web#evaluating_responses). The rule reads a 200's body only when it may be
// that JSON: declared as JSON, or not declared at all.
describe("vendor-error reads a 200's body for Slack's {ok: false} only when it may be JSON", () => {
  test.each([
    { description: 'Content-Type application/json', contentType: 'application/json; charset=utf-8', mimeType: 'application/json', flagged: true },
    { description: 'Content-Type in upper case', contentType: 'Application/JSON', mimeType: 'application/json', flagged: true },
    { description: 'no Content-Type header, the body declared JSON', contentType: null, mimeType: 'application/json', flagged: true },
    { description: 'nothing declared at all', contentType: null, mimeType: '', flagged: true },
    { description: 'declared a page', contentType: 'text/html; charset=utf-8', mimeType: 'text/html', flagged: false },
    { description: 'no Content-Type header, the body declared a script', contentType: null, mimeType: 'application/javascript', flagged: false },
  ])('$description', ({ contentType, mimeType, flagged }) => {
    const text = '{"ok":false,"error":"invalid_auth"}';
    const h = {
      log: {
        version: '1.2',
        entries: [
          {
            startedDateTime: '2026-11-22T10:00:00.000Z',
            time: 10,
            request: { method: 'POST', url: 'https://slack.com/api/auth.test', headers: [{ name: 'authorization', value: 'Bearer xoxb-1-2-abc' }], cookies: [] },
            response: { status: 200, headers: contentType === null ? [] : [{ name: 'Content-Type', value: contentType }], cookies: [], content: { size: text.length, mimeType, text } },
          },
        ],
      },
    };
    expect(codes(h).includes('vendor-error')).toBe(flagged);
  });
});

// RFC 7519 §4.1.3: only URL-shaped audiences are compared with the request's host. Audience hosts
// are kept between exchanges: the same audience must give the same answer every time it comes.
describe('wrong-audience compares URL-shaped audiences with the host, the same way each time (RFC 7519 §4.1.3)', () => {
  const failing = (aud: unknown, url: string) => ({ url, status: 401, req: [['authorization', `Bearer ${token({ aud })}`]] as [string, string][], res: [['www-authenticate', 'Bearer error="invalid_token"']] as [string, string][] });
  const api = 'https://api.example.com/v1/orders';
  const other = 'https://other.example.com/v1';
  test.each([
    { description: 'an audience for another host', aud: 'https://other.example.com', atApi: true, atOther: false },
    { description: 'the API itself, host in another case', aud: 'HTTPS://API.Example.com/', atApi: false, atOther: true },
    { description: 'one audience of two matches', aud: ['https://other.example.com', 'https://api.example.com'], atApi: false, atOther: false },
    { description: 'not a URL (an identifier)', aud: 'api://orders', atApi: false, atOther: false },
    { description: 'http(s) but not a URL', aud: 'https://[not-a-host', atApi: false, atOther: false },
    { description: 'a URL and an identifier: nothing to judge', aud: ['https://other.example.com', 'orders-api'], atApi: false, atOther: false },
  ])('$description', ({ aud, atApi, atOther }) => {
    // Twice to the API, then to the other host: the host kept for an audience must serve each.
    const h = har(failing(aud, api), failing(aud, api), failing(aud, other));
    expect([0, 1, 2].map((i) => codes(h, i).includes('wrong-audience'))).toEqual([atApi, atApi, atOther]);
  });
});
