import { base64urlToBytes, utf8Decode } from '../util/base64url.js';

/** Sextet per char code for base64 and base64url alike (`+` and `-` are 62, `/` and `_` 63); -1 elsewhere. */
const SEXTET = new Int8Array(128).fill(-1);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < alphabet.length; i++) SEXTET[alphabet.charCodeAt(i)] = i;
  SEXTET[0x2b] = SEXTET[0x2d] = 62;
  SEXTET[0x2f] = SEXTET[0x5f] = 63;
}

/** Reused output buffer of decodeToScratch (claims run for every Microsoft 401). */
let scratch = new Uint8Array(512);
const CHUNK = 4096;
const INVALID = -1;
const NOT_ASCII = -2;

/**
 * base64 or base64url text value[from, to) (trailing "=" ignored, leftover bits dropped: as
 * decodeBase64UrlText) into `scratch`, four characters at a time. Returns the byte count; INVALID
 * when it isn't base64; NOT_ASCII when a byte is ≥ 0x80 (the caller then decodes UTF-8 the long way).
 */
function decodeToScratch(value: string, from: number, to: number): number {
  let end = to;
  while (end > from && value.charCodeAt(end - 1) === 0x3d) end--;
  const rest = (end - from) % 4;
  if (rest === 1) return INVALID;
  const size = Math.floor(((end - from) * 3) / 4);
  // One byte more than the text: isJsonObjectBytes puts a 0 after it.
  if (size >= scratch.length) scratch = size < 65536 ? new Uint8Array(size * 2) : new Uint8Array(size + 1);
  const out = scratch;
  let high = 0;
  let o = 0;
  let i = from;
  for (const full = end - rest; i < full; i += 4) {
    const c0 = value.charCodeAt(i);
    const c1 = value.charCodeAt(i + 1);
    const c2 = value.charCodeAt(i + 2);
    const c3 = value.charCodeAt(i + 3);
    if ((c0 | c1 | c2 | c3) >= 128) return INVALID;
    const a = SEXTET[c0]!;
    const b = SEXTET[c1]!;
    const c = SEXTET[c2]!;
    const d = SEXTET[c3]!;
    if ((a | b | c | d) < 0) return INVALID;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    high |= v;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 0xff;
    out[o + 2] = v & 0xff;
    o += 3;
  }
  if (rest !== 0) {
    const c0 = value.charCodeAt(i);
    const c1 = value.charCodeAt(i + 1);
    const c2 = rest === 3 ? value.charCodeAt(i + 2) : 0x41; // "A": zero bits
    if ((c0 | c1 | c2) >= 128) return INVALID;
    const a = SEXTET[c0]!;
    const b = SEXTET[c1]!;
    const c = SEXTET[c2]!;
    if ((a | b | c) < 0) return INVALID;
    const v = (a << 18) | (b << 12) | (c << 6);
    out[o++] = v >> 16;
    high |= v & 0x800000;
    if (rest === 3) {
      out[o++] = (v >> 8) & 0xff;
      high |= v & 0x8000;
    }
  }
  return (high & 0x808080) !== 0 ? NOT_ASCII : o;
}

/** One pass for the usual claims value, whose JSON is ASCII; undefined when a byte is not ASCII. */
function asciiText(value: string): string | null | undefined {
  const n = decodeToScratch(value, 0, value.length);
  if (n === INVALID) return null;
  if (n === NOT_ASCII) return undefined;
  const out = scratch;
  if (n <= CHUNK) return String.fromCharCode.apply(null, out.subarray(0, n) as unknown as number[]);
  const parts: string[] = [];
  for (let k = 0; k < n; k += CHUNK) parts.push(String.fromCharCode.apply(null, out.subarray(k, Math.min(n, k + CHUNK)) as unknown as number[]));
  return parts.join('');
}

/** Decodes a base64 or base64url string to UTF-8 text, or null. Used for claims challenges. */
export function decodeBase64UrlText(value: string): string | null {
  const ascii = asciiText(value);
  if (ascii !== undefined) return ascii;
  // The lenient decoder reads both alphabets and drops the trailing padding itself.
  const bytes = base64urlToBytes(value, { lenient: true });
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
  return isJsonObjectClaimsIn(claims, 0, claims.length);
}

/**
 * isJsonObjectClaims of s[from, to). The parser passes the header and the value's place in it:
 * the value is a slice of the header, and reading a slice costs V8 an indirection per character
 * that the header itself does not.
 */
export function isJsonObjectClaimsIn(s: string, from: number, to: number): boolean {
  const n = decodeToScratch(s, from, to);
  if (n === INVALID) return false;
  // ASCII JSON (the usual case) is checked on the bytes, without building the text or its objects.
  if (n !== NOT_ASCII) return isJsonObjectBytes(scratch, n);
  const text = decodeBase64UrlText(s.slice(from, to));
  if (text === null) return false;
  try {
    return typeof JSON.parse(text) === 'object';
  } catch {
    return false;
  }
}

/** Container stack of isJsonObjectBytes: 1 = array, 2 = object. Reused. */
let stack = new Uint8Array(64);
const ARRAY = 1;
const OBJECT = 2;

/** JSON whitespace (RFC 8259 §2): SP, HTAB, LF, CR. */
function skipJsonWs(b: Uint8Array, i: number, n: number): number {
  while (i < n) {
    const c = b[i]!;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i++;
  }
  return i;
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;
const isHex = (c: number | undefined): boolean => c !== undefined && ((c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x66));

/** End of the string starting at the quote b[i], or -1 (RFC 8259 §7). */
function jsonStringEnd(b: Uint8Array, i: number, n: number): number {
  for (i++; i < n; i++) {
    const c = b[i]!;
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -1;
    if (c === 0x5c) {
      const d = b[i + 1];
      if (d === 0x22 || d === 0x5c || d === 0x2f || d === 0x62 || d === 0x66 || d === 0x6e || d === 0x72 || d === 0x74) i++;
      else if (d === 0x75 && isHex(b[i + 2]) && isHex(b[i + 3]) && isHex(b[i + 4]) && isHex(b[i + 5])) i += 5;
      else return -1;
    }
  }
  return -1;
}

/** End of the number starting at b[i], or -1 (RFC 8259 §6). */
function jsonNumberEnd(b: Uint8Array, i: number, n: number): number {
  if (b[i] === 0x2d) i++;
  if (b[i] === 0x30) i++;
  else if (isDigit(b[i])) while (i < n && isDigit(b[i])) i++;
  else return -1;
  if (b[i] === 0x2e) {
    i++;
    if (!isDigit(b[i])) return -1;
    while (i < n && isDigit(b[i])) i++;
  }
  if (b[i] === 0x65 || b[i] === 0x45) {
    i++;
    if (b[i] === 0x2b || b[i] === 0x2d) i++;
    if (!isDigit(b[i])) return -1;
    while (i < n && isDigit(b[i])) i++;
  }
  return i;
}

/** b[i, i + word.length) is `word`. */
function bytesAre(b: Uint8Array, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether JSON.parse would accept the ASCII text b[0, n) and return an object, an array or null.
 * A validator with an explicit stack: linear, no recursion, nothing allocated per value.
 */
function isJsonObjectBytes(b: Uint8Array, n: number): boolean {
  // A 0 after the text (valid nowhere in JSON) stops every look-ahead past its end: the buffer
  // is reused, so what lies beyond n is left over from an earlier value.
  if (n < b.length) b[n] = 0;
  let i = skipJsonWs(b, 0, n);
  const top = b[i];
  if (top !== 0x7b && top !== 0x5b && top !== 0x6e) return false; // {, [ or null
  let depth = 0;
  for (;;) {
    // A value at i (after whitespace).
    i = skipJsonWs(b, i, n);
    const c = b[i];
    if (c === 0x7b || c === 0x5b) {
      const j = skipJsonWs(b, i + 1, n);
      if (b[j] === (c === 0x7b ? 0x7d : 0x5d)) {
        i = j + 1;
      } else {
        if (depth === stack.length) {
          const grown = new Uint8Array(depth * 2);
          grown.set(stack);
          stack = grown;
        }
        stack[depth++] = c === 0x7b ? OBJECT : ARRAY;
        i = j;
        if (c === 0x7b) {
          // The first key.
          if (b[i] !== 0x22) return false;
          i = jsonStringEnd(b, i, n);
          if (i < 0) return false;
          i = skipJsonWs(b, i, n);
          if (b[i] !== 0x3a) return false;
          i++;
        }
        continue;
      }
    } else if (c === 0x22) {
      i = jsonStringEnd(b, i, n);
      if (i < 0) return false;
    } else if (c === 0x74) {
      if (!bytesAre(b, i, 'true')) return false;
      i += 4;
    } else if (c === 0x66) {
      if (!bytesAre(b, i, 'false')) return false;
      i += 5;
    } else if (c === 0x6e) {
      if (!bytesAre(b, i, 'null')) return false;
      i += 4;
    } else {
      i = jsonNumberEnd(b, i, n);
      if (i < 0) return false;
    }
    // After a value: close containers, or a comma and the next element.
    for (;;) {
      i = skipJsonWs(b, i, n);
      if (depth === 0) return i === n;
      const d = b[i];
      const inObject = stack[depth - 1] === OBJECT;
      if (d === (inObject ? 0x7d : 0x5d)) {
        depth--;
        i++;
        continue;
      }
      if (d !== 0x2c) return false;
      i = skipJsonWs(b, i + 1, n);
      if (inObject) {
        if (b[i] !== 0x22) return false;
        i = jsonStringEnd(b, i, n);
        if (i < 0) return false;
        i = skipJsonWs(b, i, n);
        if (b[i] !== 0x3a) return false;
        i++;
      }
      break;
    }
  }
}
