import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeBase64UrlText, isJsonObjectClaims } from '../../src/core/challenge/claims.js';

// Reference: JSON.parse on the text Node's Buffer decodes (an independent base64 and UTF-8).
function reference(claims: string): boolean {
  if (!/^[A-Za-z0-9+/_-]*=*$/.test(claims) || claims.replace(/=+$/, '').length % 4 === 1) return false;
  const bytes = Buffer.from(claims.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''), 'base64');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return false;
  }
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}

const b64 = (text: string, url: boolean) => Buffer.from(text).toString(url ? 'base64url' : 'base64');

describe('claims challenge: base64 JSON object check', () => {
  test.each([
    ['{"access_token":{"acrs":{"essential":true,"value":"c1"}}}', true],
    ['[1, 2.5e-3, -0, "\\u00e9\\n", true, false, null, {}]', true],
    [' null ', true],
    ['{"a":"é☃😀"}', true],
    ['"a string"', false],
    ['42', false],
    ['{"a":1,}', false],
    ['[01]', false],
    ['{"a":"\u0001"}', false],
    ['{"a":"\\x"}', false],
    ['[1] x', false],
    ['', false],
    ['['.repeat(50_000) + ']'.repeat(50_000), true],
    ['['.repeat(50_000), false],
  ])('%s → %s', (text, expected) => {
    for (const url of [false, true]) {
      expect(isJsonObjectClaims(b64(text, url))).toBe(expected);
      expect(reference(b64(text, url))).toBe(expected);
    }
  });

  test('not base64: "%%%", a stray "=", an impossible length', () => {
    for (const claims of ['%%%', 'ab=c', 'e', 'eyJhIjoxfQ=x']) expect(isJsonObjectClaims(claims)).toBe(false);
  });

  test('agrees with JSON.parse on arbitrary JSON-like text', () => {
    const unit = fc.constantFrom(...'{}[],:" \t\n\\/0123456789-+.eEtruefalsnul\u0001\u00e9'.split(''), '\\u00e9', '\\uD800', '😀');
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit, maxLength: 40 })), fc.boolean(), (text, url) => {
        expect(isJsonObjectClaims(b64(text, url))).toBe(reference(b64(text, url)));
      }),
      { numRuns: 5000 },
    );
  });

  test('decodeBase64UrlText agrees with Buffer on ASCII and UTF-8 text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.boolean(), (text, url) => {
        expect(decodeBase64UrlText(b64(text, url))).toBe(Buffer.from(b64(text, url), 'base64').toString('utf8'));
      }),
      { numRuns: 3000 },
    );
  });
});
