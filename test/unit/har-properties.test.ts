// Property tests for the HAR path (issue: hardening, item 1): random HAR-shaped input of any
// types never makes the readers throw, always ends, and the output stays bounded by the input.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeHar, readHar, redactHar } from '../../src/core/index.js';
import { base64ToText } from '../../src/core/har/base64-text.js';
import { base64urlToBytes, utf8Decode } from '../../src/core/util/base64url.js';

/** Any JSON value, or a string that looks like a header, a token or a challenge. */
const loose = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom('Bearer eyJhbGciOiJub25lIn0.eyJleHAiOjF9.', 'Basic Og==', 'Bearer realm="x", error="invalid_token"', '<script>alert(1)</script>', '\u0000\r\n'),
);
const header = fc.oneof(fc.record({ name: fc.oneof(fc.constantFrom('Authorization', 'WWW-Authenticate', 'Cookie', 'Set-Cookie', 'Date', 'Location'), fc.string()), value: loose }), loose);
const entry = fc.oneof(
  loose,
  fc.record(
    {
      startedDateTime: fc.oneof(fc.constant('2026-11-22T10:00:00Z'), loose),
      time: loose,
      request: fc.oneof(fc.record({ method: loose, url: fc.oneof(fc.webUrl(), loose), headers: fc.oneof(fc.array(header, { maxLength: 6 }), loose), cookies: loose, postData: loose }, { requiredKeys: [] }), loose),
      response: fc.oneof(
        fc.record(
          {
            status: fc.oneof(fc.constantFrom(200, 302, 401, 403, 407), loose),
            headers: fc.oneof(fc.array(header, { maxLength: 6 }), loose),
            content: fc.oneof(fc.record({ text: loose, encoding: fc.constantFrom('base64', undefined), mimeType: loose }, { requiredKeys: [] }), loose),
            redirectURL: loose,
          },
          { requiredKeys: [] },
        ),
        loose,
      ),
    },
    { requiredKeys: [] },
  ),
);
const har = fc.oneof(fc.record({ log: fc.oneof(fc.record({ entries: fc.oneof(fc.array(entry, { maxLength: 8 }), loose), creator: loose }, { requiredKeys: [] }), loose) }), loose);

describe('HAR readers on random input', () => {
  test('readHar, analyzeHar and redactHar never throw anything but a read error, and stay bounded', () => {
    fc.assert(
      fc.property(har, (input) => {
        const read = readHar(input);
        const entries = (input as { log?: { entries?: unknown } } | null)?.log?.entries;
        const count = Array.isArray(entries) ? entries.length : 0;
        expect(read.exchanges.length).toBeLessThanOrEqual(count);
        if (!read.ok) return;
        const analysis = analyzeHar(input);
        expect(analysis.results.length).toBeLessThanOrEqual(count);
        for (const r of analysis.results) expect(r.findings.length).toBeLessThanOrEqual(40);
        const redacted = redactHar(input) as { log: { entries: unknown[] } };
        expect(redacted.log.entries.length).toBeLessThanOrEqual(count);
      }),
      { numRuns: 300 },
    );
  });

  test('base64 bodies decode as the full lenient decoder reads them (padding, line breaks, both alphabets, UTF-8)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: fc.constantFrom('a', 'Z', '{', '"', ' ', 'é', '€', '\n', '😀') }), fc.boolean(), fc.boolean(), (text, wrapped, url) => {
        let b64 = Buffer.from(text).toString(url ? 'base64url' : 'base64');
        if (wrapped) b64 = b64.replace(/.{1,16}/g, '$&\r\n');
        const bytes = base64urlToBytes(b64.replace(/[\s=]+/g, ''), { lenient: true });
        expect(base64ToText(b64, 'application/json')).toBe(bytes ? utf8Decode(bytes) : null);
      }),
      { numRuns: 400 },
    );
  });

  test('base64 bodies: any text and any declared type give text or null, never more than the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), fc.constantFrom('application/json', 'text/html', 'image/png', '', 'application/octet-stream'), (b64, mime) => {
        const out = base64ToText(b64, mime);
        expect(out === null || typeof out === 'string').toBe(true);
        if (out !== null) expect(out.length).toBeLessThanOrEqual(b64.length);
      }),
      { numRuns: 500 },
    );
  });
});
