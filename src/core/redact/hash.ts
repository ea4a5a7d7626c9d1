import { utf8Encode } from '../util/base64url.js';

/**
 * Short, stable fingerprint of a secret for markers (`#3fa9c2`): FNV-1a (32 bit) over the UTF-8
 * bytes, xor-folded to 24 bits. Why FNV and not SHA-256: the marker only has to let a person see
 * that two entries carried the same secret; the core may not use Node's crypto, and a 24-bit value
 * is all the marker shows anyway. The optional salt lets a caller stop dictionary look-ups of weak
 * secrets (passwords) across files, at the price of hashes that only match within one salt.
 */
export function shortHash(secret: string, salt = ''): string {
  let h = 0x811c9dc5;
  const bytes = utf8Encode(salt === '' ? secret : salt + '\u0000' + secret);
  for (let i = 0; i < bytes.length; i++) {
    h ^= bytes[i]!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const folded = ((h >>> 24) ^ (h & 0xffffff)) >>> 0;
  return folded.toString(16).padStart(6, '0');
}
