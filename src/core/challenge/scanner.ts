/**
 * Character classes of RFC 9110 §5.6. Lookup tables instead of regular expressions: one pass,
 * no backtracking, whatever the input.
 */
const TCHAR = new Uint8Array(128);
for (const c of "!#$%&'*+-.^_`|~") TCHAR[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) TCHAR[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) TCHAR[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) TCHAR[c] = 1;

const T68 = new Uint8Array(128);
for (const c of '-._~+/') T68[c.charCodeAt(0)] = 1;
for (let c = 0x30; c <= 0x39; c++) T68[c] = 1;
for (let c = 0x41; c <= 0x5a; c++) T68[c] = 1;
for (let c = 0x61; c <= 0x7a; c++) T68[c] = 1;

/** tchar (RFC 9110 §5.6.2). */
export const isTchar = (c: number): boolean => c < 128 && TCHAR[c] === 1;
/** token68 characters before the trailing "=" run (RFC 9110 §11.2). */
export const isToken68Char = (c: number): boolean => c < 128 && T68[c] === 1;
/** OWS: SP / HTAB (RFC 9110 §5.6.3). */
export const isWs = (c: number): boolean => c === 0x20 || c === 0x09;
/** qdtext (RFC 9110 §5.6.4): HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text. */
export const isQdtext = (c: number): boolean =>
  c === 0x09 || c === 0x20 || c === 0x21 || (c >= 0x23 && c <= 0x5b) || (c >= 0x5d && c <= 0x7e) || (c >= 0x80 && c <= 0xff);
/** What may follow a backslash in a quoted-pair: HTAB / SP / VCHAR / obs-text. */
export const isQuotedPairChar = (c: number): boolean => c === 0x09 || c === 0x20 || (c >= 0x21 && c <= 0x7e) || (c >= 0x80 && c <= 0xff);

export function skipWs(s: string, i: number): number {
  while (i < s.length && isWs(s.charCodeAt(i))) i++;
  return i;
}

export function readToken(s: string, i: number): number {
  while (i < s.length && isTchar(s.charCodeAt(i))) i++;
  return i;
}
