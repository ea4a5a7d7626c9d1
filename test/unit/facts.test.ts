// Facts.origin / Facts.host come from a per-prefix cache (src/core/diagnose/facts.ts): they must
// equal what the WHATWG URL parser gives for the whole URL. Source of the edge cases: the WHATWG
// URL Standard's authority and host states (userinfo, ports, backslashes, IPv6, IDN, tabs).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseChallenges } from '../../src/core/challenge/index.js';
import { Facts, parseHttpDate } from '../../src/core/diagnose/facts.js';
import { isHeaderNamed } from '../../src/core/har/exchange.js';
import { normalizeEntry } from '../../src/core/har/read-har.js';

const factsFor = (url: string) => new Facts(normalizeEntry({ request: { method: 'GET', url }, response: { status: 200 } }, 0), {});
const expected = (url: string) => {
  try {
    const u = new URL(url);
    return { origin: u.origin, host: u.hostname.toLowerCase() };
  } catch {
    return { origin: '', host: '' };
  }
};

const edgeCases = [
  'https://api.example.com/v1/orders?x=1#f',
  'https://API.Example.COM:443/a',
  'http://api.example.com:8080',
  'https://user:pa%40ss@api.example.com/x',
  'https://api.example.com\\path\\x',
  'https://api.example.com?q',
  'https://api.example.com#frag',
  'https://[::1]:8443/x',
  'https://bücher.example/x',
  'https://api.exa\tmple.com/x',
  'https://a/b@c/d',
  'https://:443/x',
  'https://host:99999/x',
  'http://',
  'https://xn--bcher-kva.example/',
  'HTTPS://api.example.com/x',
  'file:///etc/passwd',
  'not a url',
  '',
];

describe('Facts origin and host', () => {
  test.each(edgeCases)('%j', (url) => {
    const f = factsFor(url);
    expect({ origin: f.origin, host: f.host }).toEqual(expected(url));
  });

  test('random URLs: the same as parsing the whole URL, asked twice (the second from the cache)', () => {
    const part = fc.string({ unit: fc.constantFrom(...'aZ09.-_:@[]/\\?#%\t é'.split('')), maxLength: 16 });
    fc.assert(
      fc.property(fc.constantFrom('https://', 'http://', 'HTTP://', 'ftp://', ''), part, part, (scheme, authority, rest) => {
        const url = scheme + authority + rest;
        for (let i = 0; i < 2; i++) {
          const f = factsFor(url);
          expect({ origin: f.origin, host: f.host }).toEqual(expected(url));
        }
      }),
      { numRuns: 3000 },
    );
  });
});

// parseHttpDate keeps the minute of the last IMF-fixdate and reads a later one's seconds directly:
// over any sequence of dates it must give what Date.parse gives (asctime read as GMT, RFC 9110
// §5.6.7). The sequences mix dates a few seconds apart, other minutes, and values that only look
// like IMF-fixdates (seconds 60–99, a letter or sign for a digit, a colon for a space, another
// zone, a character more): Date.parse reads some of those its own way.
describe('parseHttpDate', () => {
  const reference = (v: string) => Date.parse(/^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/.test(v) ? `${v} GMT` : v);
  const start = Date.UTC(2026, 10, 22, 10, 0, 0);
  const imf = fc.integer({ min: -400, max: 400 }).map((s) => new Date(start + s * 1000).toUTCString());
  const mutated = fc.tuple(imf, fc.nat(28), fc.constantFrom('9', '6', '0', 'x', ' ', ':', 'Z', ',', '-', '.', '+', 'T')).map(([v, at, c]) => v.slice(0, at) + c + v.slice(at + 1));
  const other = fc.constantFrom('Sun, 22 Nov 2026 10:00:60 GMT', 'Sun, 22 Nov 2026 10:00:99 GMT', 'Sun, 22 Nov 2026 10:00:07 UTC', 'Sun, 22 Nov 2026 10:00:07 GMTx', 'Sunday, 22-Nov-26 10:00:07 GMT', 'Sun Nov 22 10:00:07 2026', 'Sun, 31 Feb 2026 10:00:07 GMT', '');
  // The same (possibly mutated) minute twice with other seconds: what the kept minute is used for.
  const sameMinute = fc
    .tuple(mutated, fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
    .map(([v, a, b]) => [a, b].map((s) => `${v.slice(0, 23)}${String(s).padStart(2, '0')} GMT`));
  test.each([
    ['Sun, 22:Nov 2026 09:53:49 GMT', 'Sun, 22:Nov 2026 09:53:12 GMT'],
    ['Sun, 22 Nov 2026 10:00:07 GMT', 'Sun, 22 Nov 2026 10:00:59 GMT'],
    ['Sun, 22 Nov 2026 10:00:07 GMT', 'Sun, 22 Nov 2026 10:00:60 GMT'],
  ])('%s then %s', (a, b) => {
    for (const d of [a, b]) expect(Object.is(parseHttpDate(d), reference(d)), d).toBe(true);
  });
  test('gives what Date.parse gives, for two dates in one minute', () => {
    fc.assert(
      fc.property(sameMinute, (dates) => {
        for (const d of dates) expect(Object.is(parseHttpDate(d), reference(d)), d).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
  test('gives what Date.parse gives, over any sequence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof({ arbitrary: imf, weight: 4 }, { arbitrary: mutated, weight: 2 }, { arbitrary: other, weight: 1 }), { minLength: 1, maxLength: 30 }), (dates) => {
        for (const d of dates) expect(Object.is(parseHttpDate(d), reference(d)), d).toBe(true);
      }),
      { numRuns: 4000 },
    );
  });
});

describe('Facts.reset', () => {
  // The diagnosis reuses one Facts for every exchange: what it worked out for one must not leak into the next.
  test('origin and host follow the exchange after a reset', () => {
    const ex = (url: string) => normalizeEntry({ request: { method: 'GET', url }, response: { status: 200 } }, 0);
    const f = new Facts(ex('https://a.example/x'), {});
    expect([f.origin, f.host]).toEqual(['https://a.example', 'a.example']);
    f.reset(ex('http://B.example:8080/y'));
    expect([f.origin, f.host]).toEqual(['http://b.example:8080', 'b.example']);
  });
});

// Field names are case-insensitive (RFC 9110 §5.1); HTTP/2 and HTTP/3 send them in lower case,
// HTTP/1.1 exporters as written (Cookie, COOKIE).
describe('isHeaderNamed', () => {
  test.each([
    { header: 'cookie', name: 'cookie', is: true },
    { header: 'Cookie', name: 'cookie', is: true },
    { header: 'COOKIE', name: 'cookie', is: true },
    { header: 'cOOKIE', name: 'cookie', is: true },
    { header: 'accept', name: 'cookie', is: false },
    { header: 'origin', name: 'cookie', is: false },
    { header: 'cookies', name: 'cookie', is: false },
    { header: 'Cookie2', name: 'cookie', is: false },
    { header: ':path', name: ':path', is: true },
    { header: 'WWW-Authenticate', name: 'www-authenticate', is: true },
    { header: 'Content-Encoding', name: 'www-authenticate', is: false },
  ])('$header is $name: $is', ({ header, name, is }) => {
    expect(isHeaderNamed(header, name)).toBe(is);
  });
});

// Facts keeps the readings of the last challenges (a server repeats the same one): whatever came
// before, an exchange's lenient and strict readings must be what parsing its own lines gives, for
// its own field (WWW-Authenticate, or Proxy-Authenticate on a 407). The values mix valid,
// lenient-only (BWS, a missing comma) and rejected challenges, on one or two field lines.
describe('Facts.challenges and strictChallenges, over any sequence of responses', () => {
  const values = [
    'Bearer realm="api", error="invalid_token", error_description="The access token expired"',
    'Bearer realm="api", error="insufficient_scope", scope="orders:write"',
    'Bearer realm = "api"',
    'Basic realm="a" Bearer realm="b"',
    'Bearer error="invalid_token',
    'Digest realm="x", nonce="abc", qop="auth"',
    ', ,',
  ];
  const response = fc.record({
    status: fc.constantFrom(401, 407),
    lines: fc.array(fc.constantFrom(...values), { minLength: 1, maxLength: 2 }),
  });
  test('equal a fresh parse of the exchange\'s own lines', () => {
    fc.assert(
      fc.property(fc.array(response, { minLength: 1, maxLength: 12 }), (responses) => {
        for (const { status, lines } of responses) {
          const field = status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
          const headers = lines.map((value) => ({ name: field.toLowerCase(), value }));
          const f = new Facts(normalizeEntry({ request: { method: 'GET', url: 'https://api.example.com/' }, response: { status, headers } }, 0), {});
          expect(f.challenges).toEqual(parseChallenges(lines, { lenient: true, field }));
          expect(f.strictChallenges).toEqual(parseChallenges(lines, { field }));
        }
      }),
      { numRuns: 500 },
    );
  });
});
