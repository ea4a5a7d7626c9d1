import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { asciiFromBase64url, base64urlByteLength, base64urlDecodeString, base64urlIssues, base64urlToBytes, bytesToBase64url, isBase64url, utf8Decode, utf8Encode } from '../../src/core/util/base64url.js';

// Reference behaviour: Node's Buffer (an independent implementation of RFC 4648 §5 and UTF-8).
describe('base64url against Node Buffer', () => {
  test('round-trips any bytes and matches Buffer', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const enc = bytesToBase64url(bytes);
        expect(enc).toBe(Buffer.from(bytes).toString('base64url'));
        expect(isBase64url(enc)).toBe(true);
        expect(Array.from(base64urlToBytes(enc)!)).toEqual(Array.from(bytes));
      }),
    );
  });

  test('UTF-8 decoding matches Buffer on any well-formed string (incl. astral characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (s) => {
        const bytes = Buffer.from(s, 'utf8');
        expect(utf8Decode(bytes)).toBe(s);
        expect(Array.from(utf8Encode(s))).toEqual(Array.from(bytes));
        expect(base64urlDecodeString(bytes.toString('base64url'))).toBe(s);
      }),
    );
  });

  test('fatal UTF-8 decoding rejects exactly what a fatal TextDecoder rejects', () => {
    const td = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        let want: string | null;
        try {
          want = td.decode(bytes);
        } catch {
          want = null;
        }
        expect(utf8Decode(bytes)).toBe(want);
      }),
      { numRuns: 2000 },
    );
  });

  test('replacement mode never returns null', () => {
    expect(utf8Decode(Uint8Array.from([0x41, 0xff, 0x42]), { fatal: false })).toBe('A\uFFFDB');
  });

  test.each([
    { source: 'RFC 4648 §10 "f"', s: 'Zg', kinds: [] },
    { source: 'RFC 4648 §10 "fo" padded', s: 'Zm8=', kinds: ['padding'] },
    { source: 'standard alphabet', s: 'a+b/', kinds: ['standard-base64'] },
    { source: 'bad char', s: 'ab!c', kinds: ['invalid-character'] },
    { source: '= in the middle is a bad char', s: 'ab=c', kinds: ['invalid-character'] },
    { source: 'impossible length', s: 'abcde', kinds: ['invalid-length'] },
    { source: 'non-zero trailing bits', s: 'Zh', kinds: ['non-canonical'] },
    { source: 'empty', s: '', kinds: [] },
  ])('issues: $source', ({ s, kinds }) => {
    expect(base64urlIssues(s).map((i) => i.kind)).toEqual(kinds);
  });

  test('strict decoding refuses what lenient decoding accepts', () => {
    expect(base64urlToBytes('Zm8=')).toBeNull();
    expect(Array.from(base64urlToBytes('Zm8=', { lenient: true })!)).toEqual([0x66, 0x6f]);
    expect(base64urlToBytes('+/8', { lenient: true })).not.toBeNull();
    expect(base64urlToBytes('a!b', { lenient: true })).toBeNull();
  });
});

// The native shortcuts must answer exactly as the JavaScript decoders they stand in for.
describe('native shortcuts agree with the full decoders', () => {
  const b64ish = fc.string({ unit: fc.constantFrom(...'AZaz09-_+/=.é \n'.split('')), maxLength: 40 });
  const inputs = fc.oneof(b64ish, fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')), fc.string({ unit: 'grapheme', maxLength: 30 }).map((s) => Buffer.from(s).toString('base64url')));

  test('base64urlByteLength is the length base64urlToBytes (lenient) gives, or null where it gives null', () => {
    fc.assert(
      fc.property(inputs, (s) => {
        expect(base64urlByteLength(s)).toBe(base64urlToBytes(s, { lenient: true })?.length ?? null);
      }),
    );
  });

  test('asciiFromBase64url, when it answers, gives the text utf8Decode(base64urlToBytes(lenient)) gives', () => {
    // Half the inputs are base64url of ASCII text, which it must answer: the count below then
    // shows the shortcut was exercised, whatever the random draw (≈ 175 of 300; 149 at least over 200 seeds).
    const asciiText = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 40 }).map((t) => Buffer.from(t).toString('base64url'));
    let answered = 0;
    fc.assert(
      fc.property(fc.oneof(inputs, asciiText), (s) => {
        const fast = asciiFromBase64url(s);
        if (fast === null) return;
        answered++;
        const bytes = base64urlToBytes(s, { lenient: true });
        expect(bytes).not.toBeNull();
        expect(fast).toBe(utf8Decode(bytes!));
      }),
      { numRuns: 300 },
    );
    expect(answered).toBeGreaterThan(60);
  });

  test('asciiFromBase64url declines non-ASCII text and padding (the full decoder reports those)', () => {
    expect(asciiFromBase64url(Buffer.from('{"name":"Zoë"}').toString('base64url'))).toBeNull();
    expect(asciiFromBase64url('eyJhIjoxfQ==')).toBeNull();
    expect(asciiFromBase64url(Buffer.from('{"a":1}').toString('base64url'))).toBe('{"a":1}');
  });

  test('base64urlIssues on plain base64url characters: no issue exactly when Buffer re-encodes it unchanged', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'AZaz09-_QgwB'.split('')), maxLength: 40 }), (s) => {
        const canonical = s.length % 4 !== 1 && Buffer.from(s, 'base64url').toString('base64url') === s;
        expect(base64urlIssues(s).length === 0).toBe(canonical);
      }),
    );
  });
});
