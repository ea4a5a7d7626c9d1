// Hostile input (SECURITY.md): every reader returns a result or a clear error, never throws or
// hangs. Large inputs are generated in memory so the repository stays small.
import { describe, expect, test } from 'vitest';
import { analyzeHar, HarReadError, inspectToken, parseAuthorization, parseChallenges, readHar, redactHar, toCurl, buildReport } from '../../src/core/index.js';
import { parseFilter } from '../../src/panel/filter.js';

const big = 'A'.repeat(10 * 1024 * 1024);
const entry = (over: Record<string, unknown>) => ({ startedDateTime: '2026-11-22T10:00:00Z', time: 1, request: { method: 'GET', url: 'https://a.test/', headers: [] }, response: { status: 401, headers: [] }, ...over });

const hars: { name: string; har: unknown }[] = [
  { name: 'entries is a string', har: { log: { entries: 'nope' } } },
  { name: 'entries null', har: { log: { entries: null } } },
  { name: 'entries of wrong types', har: { log: { entries: [null, 1, 'x', [], true] } } },
  { name: 'headers as an object', har: { log: { entries: [entry({ request: { method: 'GET', url: 'https://a.test/', headers: { Authorization: 'Bearer x' } } })] } } },
  { name: 'status as a string', har: { log: { entries: [entry({ response: { status: '401', headers: [{ name: 'WWW-Authenticate', value: 'Bearer' }] } })] } } },
  { name: 'missing request and response', har: { log: { entries: [{}] } } },
  { name: 'prototype keys', har: JSON.parse('{"log":{"__proto__":{"x":1},"entries":[{"__proto__":{"polluted":true},"request":{"constructor":{"prototype":{"bad":1}},"url":"https://a.test/","headers":[{"name":"__proto__","value":"x"}]},"response":{"status":401,"headers":[{"name":"www-authenticate","value":"Bearer __proto__=\\"x\\", constructor=\\"y\\""}]}}]}}') },
  { name: '10 MB header value', har: { log: { entries: [entry({ response: { status: 401, headers: [{ name: 'WWW-Authenticate', value: 'Bearer realm="' + big }] } })] } } },
  { name: '10 MB bearer token', har: { log: { entries: [entry({ request: { method: 'GET', url: 'https://a.test/', headers: [{ name: 'Authorization', value: 'Bearer ' + big }] } })] } } },
  { name: 'control characters and HTML payloads', har: { log: { entries: [entry({ request: { method: '<script>', url: 'javascript:alert(1)', headers: [{ name: 'Authorization', value: 'Bearer \u0000\r\n<img src=x onerror=alert(1)>' }] }, response: { status: 401, redirectURL: 'javascript:alert(1)', headers: [{ name: 'WWW-Authenticate', value: 'Bearer error="<script>alert(1)</script>"\u0000' }], content: { text: '\ud800\udfff\ud800', encoding: 'base64', mimeType: 'application/json' } } })] } } },
  { name: 'huge numbers and NaN-ish times', har: { log: { entries: [entry({ startedDateTime: 'not a date', time: 1e308, response: { status: 1e12, headers: [] } })] } } },
  { name: '100k empty entries', har: { log: { entries: Array.from({ length: 100_000 }, () => ({})) } } },
  // Found by test/unit/har-properties.test.ts (fast-check seed -1646214391): String() of an object
  // whose toString is not a function throws.
  { name: 'values whose toString is not callable', har: { log: { creator: { name: { toString: 0 } }, entries: [{ request: { method: { toString: 0 }, url: { toString: 0 }, httpVersion: { toString: 0 }, headers: [{ name: { toString: 0 }, value: { toString: 0 } }], cookies: [{ name: { toString: 0 }, value: 'v' }] }, response: { status: 401, statusText: { toString: 0 }, httpVersion: { toString: 0 }, redirectURL: { toString: 0 }, headers: [], content: { mimeType: { toString: 0 }, text: { toString: 0 } } } }] } } },
];

describe('HAR readers never throw on hostile HARs', () => {
  test.each(hars)('$name', ({ har }) => {
    expect(() => readHar(har)).not.toThrow();
    let analysis;
    try {
      analysis = analyzeHar(har);
    } catch (err) {
      // Unreadable input is a typed error with a message, nothing else.
      expect(err).toBeInstanceOf(HarReadError);
      expect((err as Error).message.length).toBeGreaterThan(10);
      return;
    }
    expect(Array.isArray(analysis.results)).toBe(true);
    const redacted = redactHar(har) as { log: { entries: unknown[] } };
    expect(Array.isArray(redacted.log.entries)).toBe(true);
    expect(typeof buildReport(analysis, har, { format: 'md' })).toBe('string');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Generous: the 10 MB and 100k-entry cases run several readers on a shared 2-core machine.
  }, 60_000);

  test.each([
    { name: 'truncated JSON', text: '{"log":{"entries":[{"request":' },
    { name: 'empty file', text: '' },
    { name: 'a JSON array', text: '[1,2,3]' },
    { name: '100k levels of nesting', text: '['.repeat(100_000) + ']'.repeat(100_000) },
  ])('text input: $name gets an error with a reason', ({ text }) => {
    const r = readHar(text);
    expect(r.ok).toBe(false);
    expect(r.problems[0]!.message.length).toBeGreaterThan(10);
    expect(() => analyzeHar(text)).toThrow(HarReadError);
  });
});

describe('parsers never throw on hostile strings', () => {
  const strings = [big, '\u0000'.repeat(1000), '"'.repeat(100_000), '\\'.repeat(100_000), ','.repeat(100_000), 'a='.repeat(100_000), '<img src=x onerror=alert(1)>', '\ud800', '.'.repeat(100_000), 'eyJ' + '.'.repeat(4) + 'eyJ'];
  test.each(strings.map((s, i) => ({ i, s })))('input #$i', ({ s }) => {
    expect(() => parseChallenges(s, { lenient: true })).not.toThrow();
    expect(() => parseChallenges(s)).not.toThrow();
    expect(() => parseAuthorization('Bearer ' + s)).not.toThrow();
    expect(() => inspectToken(s, { now: new Date(0) })).not.toThrow();
    expect(() => parseFilter(s)).not.toThrow();
    expect(() => toCurl({ request: { method: 'GET', url: s, headers: [{ name: 'X', value: s }] } }, {})).not.toThrow();
  });
});
