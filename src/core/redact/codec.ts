import { base64urlToBytes, bytesToBase64url, utf8Decode, utf8Encode } from '../util/base64url.js';

/**
 * Small codecs the redactor needs on top of util/base64url.ts: standard base64 (HAR `encoding:
 * "base64"`, Basic credentials) and forgiving percent-decoding. Pure, no globals.
 */

/** Standard (RFC 4648 §4) base64 → bytes; also accepts base64url, missing padding and line breaks. */
export function base64ToBytes(s: string): Uint8Array | null {
  const compact = /[\s]/.test(s) ? s.replace(/\s+/g, '') : s;
  return base64urlToBytes(compact, { lenient: true });
}

/** Bytes (or a string as UTF-8) → padded standard base64. */
export function bytesToBase64(input: Uint8Array | string): string {
  const url = bytesToBase64url(input);
  const std = url.replace(/[-_]/g, (c) => (c === '-' ? '+' : '/'));
  return std + '='.repeat((4 - (std.length % 4)) % 4);
}

/** Base64 (either alphabet) → UTF-8 text, or null for binary or malformed input. */
export function base64ToText(s: string): string | null {
  const bytes = base64ToBytes(s);
  return bytes === null ? null : utf8Decode(bytes);
}

export function textToBase64(s: string): string {
  return bytesToBase64(utf8Encode(s));
}

/** `decodeURIComponent` that never throws; `+` is a space in query strings and forms. */
export function percentDecode(s: string, plusIsSpace = true): string {
  const t = plusIsSpace && s.includes('+') ? s.replace(/\+/g, ' ') : s;
  if (!t.includes('%')) return t;
  try {
    return decodeURIComponent(t);
  } catch {
    // Decode what decodes; a stray `%` stays as it was.
    return t.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/**
 * Bytes as ISO-8859-1 text: one character per byte, so any bytes round-trip through
 * `latin1Encode`. For textual bodies that are not UTF-8 (legacy `charset=iso-8859-1` or
 * windows-1252 pages), which must still be read to be redacted.
 */
export function latin1Decode(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 8192) parts.push(String.fromCharCode(...bytes.subarray(i, i + 8192)));
  return parts.join('');
}

/** The inverse of `latin1Decode`; null when a character doesn't fit in one byte. */
export function latin1Encode(s: string): Uint8Array | null {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return null;
    out[i] = c;
  }
  return out;
}
