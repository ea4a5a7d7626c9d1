import { base64urlToBytes, utf8Decode } from '../util/base64url.js';

/** Sextet per char code for base64 and base64url alike (`+` and `-` are 62, `/` and `_` 63); -1 elsewhere. */
const SEXTET = new Int8Array(128).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) SEXTET[alphabet.charCodeAt(i)] = i;
  SEXTET[0x2b] = SEXTET[0x2d] = 62;
  SEXTET[0x2f] = SEXTET[0x5f] = 63;
}

/** Reused output buffer of asciiText (claims run for every Microsoft 401). */
let scratch = new Uint8Array(512);
const CHUNK = 4096;

/**
 * One pass for the usual claims value, whose JSON is ASCII: base64/base64url straight to text.
 * null when it isn't base64 (as decodeBase64UrlText), undefined when a byte is not ASCII (the
 * caller then decodes UTF-8 the long way).
 */
function asciiText(value: string): string | null | undefined {
  let end = value.length;
  while (end > 0 && value.charCodeAt(end - 1) === 0x3d) end--;
  if (end % 4 === 1) return null;
  const size = Math.floor((end * 3) / 4);
  const out = size <= scratch.length ? scratch : size <= 65536 ? (scratch = new Uint8Array(size * 2)) : new Uint8Array(size);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = value.charCodeAt(i);
    const v = c < 128 ? SEXTET[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = (acc >> bits) & 0xff;
      if (b >= 0x80) return undefined;
      out[o++] = b;
    }
  }
  if (o <= CHUNK) return String.fromCharCode.apply(null, out.subarray(0, o) as unknown as number[]);
  const parts: string[] = [];
  for (let k = 0; k < o; k += CHUNK) parts.push(String.fromCharCode.apply(null, out.subarray(k, Math.min(o, k + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Decodes a base64 or base64url string to UTF-8 text, or null. Used for claims challenges. */
export function decodeBase64UrlText(value: string): string | null {
  const ascii = asciiText(value);
  if (ascii !== undefined) return ascii;
  // (?<!=): only the start of the trailing run is tried; /=+$/ re-scanned the run from each `=` (quadratic).
  const normalized = value.replace(/\+/g, '-').replace(/\//g, '_').replace(/(?<!=)=+$/, '');
  const bytes = base64urlToBytes(normalized, { lenient: true });
  return bytes ? utf8Decode(bytes, { fatal: true }) : null;
}

/** The decoded JSON of a Microsoft claims challenge, or null when it isn't one. */
export function decodeClaimsChallenge(claims: string): unknown {
  const text = decodeBase64UrlText(claims);
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Whether a claims parameter decodes (base64 or base64url, UTF-8) to JSON that is an object, an array or null. */
export function isJsonObjectClaims(claims: string): boolean {
  const text = decodeBase64UrlText(claims);
  if (text === null) return false;
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}
