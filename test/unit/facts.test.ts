// Facts.origin / Facts.host come from a per-prefix cache (src/core/diagnose/facts.ts): they must
// equal what the WHATWG URL parser gives for the whole URL. Source of the edge cases: the WHATWG
// URL Standard's authority and host states (userinfo, ports, backslashes, IPv6, IDN, tabs).
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Facts } from '../../src/core/diagnose/facts.js';
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
