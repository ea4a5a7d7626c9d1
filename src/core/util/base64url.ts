/**
 * Strict base64url (RFC 4648 §5) and UTF-8 helpers for the core.
 *
 * Why not `atob` / `Buffer` / `TextDecoder` alone: the core must run unchanged in Node, a worker and
 * the DevTools panel, and is type-checked against plain ES2023 (tsconfig.core.json) where none of
 * them is declared. `atob` is also too lenient for diagnosis (it skips whitespace and accepts `+` `/`),
 * and a naive `decodeURIComponent(escape(atob(x)))` breaks on UTF-8 claims. So the checks are ours;
 * `atob`, where the platform has it, only decodes what they already accepted (asciiFromBase64url).
 * These functions are linear-time and never throw on bad input: they return `null` or a
 * description instead.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Sextet value per char code for the base64url alphabet; -1 elsewhere. */
const SEXTET = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) SEXTET[ALPHABET.charCodeAt(i)] = i;

/** Unpadded base64url characters only. */
const PLAIN = /^[A-Za-z0-9_-]*$/;
/** What base64urlToBytes accepts leniently, without padding: base64url or standard base64 characters. */
const UNPADDED_EITHER = /^[A-Za-z0-9_\-+/]*$/;
// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/;

/** The platform's `atob` (browsers, workers, Node ≥ 16), looked up without DOM typings. */
const nativeAtob = (globalThis as { atob?: (data: string) => string }).atob;

/** What is wrong with a would-be base64url string, with the offset of the first offending char. */
export type Base64urlIssue =
  | { kind: 'standard-base64'; offset: number } // `+` or `/`: base64 (RFC 4648 §4), not base64url
  | { kind: 'padding'; offset: number } // `=`: JWS/JWT forbid padding (RFC 7515 §2)
  | { kind: 'invalid-character'; offset: number; char: string }
  | { kind: 'invalid-length'; offset: number } // length % 4 === 1 can't come from any byte string
  | { kind: 'non-canonical'; offset: number }; // unused trailing bits are not zero (RFC 4648 §3.5)

/**
 * Finds every kind of defect in `s` (first offset of each kind), in order of severity.
 * An empty string is valid base64url (it encodes zero bytes).
 */
export function base64urlIssues(s: string): Base64urlIssue[] {
  // The usual case, checked natively (tokens run to kilobytes): then only length and trailing bits can be wrong.
  if (PLAIN.test(s)) {
    if (s.length % 4 === 1) return [{ kind: 'invalid-length', offset: s.length }];
    if (s.length % 4 !== 0 && !trailingBitsZero(s, s.length)) return [{ kind: 'non-canonical', offset: s.length - 1 }];
    return [];
  }
  const issues: Base64urlIssue[] = [];
  // Padding is only padding at the very end; an `=` anywhere else is just a bad character.
  let dataLength = s.length;
  while (dataLength > 0 && s.charCodeAt(dataLength - 1) === 0x3d) dataLength--;
  const pad = dataLength < s.length ? dataLength : -1;
  let std = -1;
  let bad = -1;
  for (let i = 0; i < dataLength; i++) {
    const c = s.charCodeAt(i);
    if (c < 128 && SEXTET[c]! >= 0) continue;
    if (c === 0x2b /* + */ || c === 0x2f /* / */) {
      if (std < 0) std = i;
    } else if (bad < 0) {
      bad = i;
    }
  }
  if (std >= 0) issues.push({ kind: 'standard-base64', offset: std });
  if (pad >= 0) issues.push({ kind: 'padding', offset: pad });
  if (bad >= 0) issues.push({ kind: 'invalid-character', offset: bad, char: charAt(s, bad) });
  // Length and trailing bits are judged on the data without padding, as a lenient decoder would.
  if (bad < 0 && dataLength % 4 === 1) issues.push({ kind: 'invalid-length', offset: s.length });
  else if (bad < 0 && dataLength % 4 !== 0 && !trailingBitsZero(s, dataLength)) {
    issues.push({ kind: 'non-canonical', offset: dataLength - 1 });
  }
  return issues;
}

function charAt(s: string, i: number): string {
  const cp = s.codePointAt(i);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function sextetLenient(c: number): number {
  if (c === 0x2b) return 62;
  if (c === 0x2f) return 63;
  return c < 128 ? SEXTET[c]! : -1;
}

function trailingBitsZero(s: string, dataLength: number): boolean {
  const last = sextetLenient(s.charCodeAt(dataLength - 1));
  if (last < 0) return true;
  // 2 chars → 1 byte: 4 unused bits; 3 chars → 2 bytes: 2 unused bits.
  const mask = dataLength % 4 === 2 ? 0x0f : 0x03;
  return (last & mask) === 0;
}

/** True when `s` is canonical, unpadded base64url (what JWS/JWT require). */
export function isBase64url(s: string): boolean {
  return base64urlIssues(s).length === 0;
}

/**
 * Decodes base64url to bytes. Strict by default: any issue → `null`. With `lenient`, also accepts
 * standard base64 characters, padding and non-canonical trailing bits (still rejects other chars
 * and impossible lengths), so a diagnosis can show what a sloppy encoder meant.
 */
export function base64urlToBytes(s: string, opts?: { lenient?: boolean }): Uint8Array | null {
  const lenient = opts?.lenient === true;
  let end = s.length;
  if (lenient) while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--;
  if (end % 4 === 1) return null;
  if (!lenient && !isBase64url(s)) return null;
  const out = new Uint8Array(Math.floor((end * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    const v = lenient ? sextetLenient(c) : c < 128 ? SEXTET[c]! : -1;
    if (v < 0) return null;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return o === out.length ? out : out.subarray(0, o);
}

/**
 * The text an unpadded base64url (or base64) string encodes, when that text is ASCII, as the JSON
 * of JOSE headers and claims nearly always is: decoded by the native `atob`, so a long token costs
 * no JavaScript loop per character. Null when there is no `atob`, when `s` has padding or other
 * characters, an impossible length, or decodes to non-ASCII bytes: then `utf8Decode(base64urlToBytes(s,
 * { lenient: true }))` gives the answer (and its reasons). `atob` is only reached once `s` passed our
 * own alphabet check, so its leniency (it skips whitespace) changes nothing.
 */
export function asciiFromBase64url(s: string): string | null {
  if (s.length % 4 === 1 || !UNPADDED_EITHER.test(s)) return null;
  return asciiFromPlainBase64url(s);
}

/**
 * asciiFromBase64url for a string the caller has already checked (`base64urlIssues` found
 * nothing): unpadded base64url of a possible length. Spares a second scan of a long payload.
 */
export function asciiFromPlainBase64url(s: string): string | null {
  if (nativeAtob === undefined) return null;
  let text: string;
  try {
    // Only what is there is replaced: standard base64 (HAR bodies) has neither, and a scan for a
    // character costs less than a regex replace that finds nothing.
    let standard = s;
    if (standard.indexOf('-') !== -1) standard = standard.replaceAll('-', '+');
    if (standard.indexOf('_') !== -1) standard = standard.replaceAll('_', '/');
    text = nativeAtob(standard);
  } catch {
    return null;
  }
  return ASCII.test(text) ? text : null;
}

/** `s` without its trailing "=" padding. */
export function withoutPadding(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 0x3d) end--;
  return end === s.length ? s : s.slice(0, end);
}

/**
 * Lenient base64url (or base64) to UTF-8 text, `utf8Decode(base64urlToBytes(s, { lenient: true }))`:
 * null when either layer is ill-formed. ASCII text, the usual case, is decoded natively.
 */
export function base64urlToTextLenient(s: string): string | null {
  const ascii = asciiFromBase64url(s);
  if (ascii !== null) return ascii;
  const bytes = base64urlToBytes(s, { lenient: true });
  return bytes ? utf8Decode(bytes) : null;
}

/**
 * How many bytes `base64urlToBytes(s, { lenient: true })` would give, without decoding: null
 * where it would give null. (A signature's length is all a diagnosis needs of it.)
 */
export function base64urlByteLength(s: string): number | null {
  const data = withoutPadding(s);
  if (data.length % 4 === 1) return null;
  return UNPADDED_EITHER.test(data) ? Math.floor((data.length * 3) / 4) : null;
}

/** Encodes bytes (or a string, as UTF-8) to unpadded base64url. */
export function bytesToBase64url(input: Uint8Array | string): string {
  const bytes = typeof input === 'string' ? utf8Encode(input) : input;
  const parts: string[] = [];
  let chunk = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    chunk += ALPHABET[b0 >> 2]! + ALPHABET[((b0 & 3) << 4) | ((b1 ?? 0) >> 4)]!;
    if (b1 !== undefined) chunk += ALPHABET[((b1 & 15) << 2) | ((b2 ?? 0) >> 6)]!;
    if (b2 !== undefined) chunk += ALPHABET[b2 & 63]!;
    // Flush in chunks so big inputs don't build one string a character at a time.
    if (chunk.length >= 8192) {
      parts.push(chunk);
      chunk = '';
    }
  }
  parts.push(chunk);
  return parts.join('');
}

/**
 * Decodes UTF-8 (RFC 3629). With `fatal` (default), returns `null` on ill-formed input (overlong
 * forms, surrogates, truncated sequences, > U+10FFFF); otherwise replaces each bad sequence with
 * U+FFFD. A leading byte-order mark is kept: JSON forbids it (RFC 8259 §8.1), so the caller sees it.
 */
export function utf8Decode(bytes: Uint8Array, opts?: { fatal?: boolean }): string | null {
  const fatal = opts?.fatal !== false;
  const parts: string[] = [];
  let units: number[] = [];
  const flush = (): void => {
    parts.push(String.fromCharCode(...units));
    units = [];
  };
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let cp = -1;
    let need = 0;
    let min = 0;
    if (b0 < 0x80) {
      cp = b0;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      need = 1;
      min = 0x80;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      need = 2;
      min = 0x800;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      need = 3;
      min = 0x10000;
    }
    let ok = cp >= 0;
    let j = i + 1;
    for (let k = 0; ok && k < need; k++, j++) {
      const b = bytes[j];
      if (b === undefined || (b & 0xc0) !== 0x80) ok = false;
      else cp = (cp << 6) | (b & 0x3f);
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (!ok) {
      if (fatal) return null;
      units.push(0xfffd);
      i++;
    } else {
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        units.push(0xd800 + (v >> 10), 0xdc00 + (v & 0x3ff));
      } else {
        units.push(cp);
      }
      i = j;
    }
    if (units.length >= 4096) flush();
  }
  flush();
  return parts.join('');
}

/** Encodes a string as UTF-8; lone surrogates become U+FFFD (as TextEncoder does). */
export function utf8Encode(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < s.length) {
      const lo = s.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i++;
      }
    }
    if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return Uint8Array.from(out);
}

/** Strict base64url → UTF-8 string; `null` when either layer is ill-formed. */
export function base64urlDecodeString(s: string): string | null {
  const bytes = base64urlToBytes(s);
  return bytes === null ? null : utf8Decode(bytes);
}
