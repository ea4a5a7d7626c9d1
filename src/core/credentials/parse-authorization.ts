/**
 * Authorization / Proxy-Authorization values (RFC 9110 §11.6.2): scheme and credentials, with every
 * common client mistake detected (DESIGN §4 `malformed-authorization`). Passwords are never
 * returned, only their length.
 */
import { problem, type Problem } from '../problem.js';
import { base64urlToTextLenient } from '../util/base64url.js';
import { decodeJwtParts, looksLikeJwtAttempt } from '../token/decode-jwt.js';

export type CredentialKind = 'basic' | 'bearer' | 'dpop' | 'digest' | 'negotiate' | 'ntlm' | 'other' | 'empty';

export interface CredentialResult {
  /** As sent, or '' when the value is empty. */
  scheme: string;
  kind: CredentialKind;
  /** Bearer / DPoP token, or the token68 of other schemes. */
  token: string | null;
  /** Basic: the user name (the password is never returned). */
  user: string | null;
  passwordLength: number | null;
  /** Digest / other auth-param credentials. */
  params: Record<string, string>;
  problems: Problem[];
}

/** token68 (RFC 9110 §11.2). */
const TOKEN68 = /^[A-Za-z0-9\-._~+/]+=*$/;
const PLACEHOLDERS = new Set(['undefined', 'null', '[object object]', 'nan', 'false', 'true', '{}', '""', "''", '<token>', 'your_token', 'token', '${token}', '{{token}}']);

export function parseAuthorization(value: string): CredentialResult {
  const raw = typeof value === 'string' ? value : String(value ?? '');
  const problems: Problem[] = [];
  const result: CredentialResult = { scheme: '', kind: 'empty', token: null, user: null, passwordLength: null, params: {}, problems };
  const bad = (code: string, message: string, offset?: number) => problems.push(problem(code, 'error', message, offset));
  const v = trimWs(raw);
  if (v === '') {
    bad('empty-authorization', 'The Authorization header is empty.');
    return result;
  }
  const sp = v.search(/[ \t]/);
  const scheme = sp === -1 ? v : v.slice(0, sp);
  const rest = sp === -1 ? '' : v.slice(sp).replace(/^[ \t]+/, '');
  const restOffset = raw.indexOf(rest, scheme.length);
  result.scheme = scheme;
  const lower = scheme.toLowerCase();
  result.kind = lower === 'basic' || lower === 'bearer' || lower === 'dpop' || lower === 'digest' || lower === 'negotiate' || lower === 'ntlm' ? lower : 'other';
  if (PLACEHOLDERS.has(lower) || lower.startsWith('ey')) {
    // `Authorization: <token>` without a scheme, or a template that was never filled in.
    bad('missing-scheme', `The value has no auth scheme: "${short(scheme)}" looks like ${lower.startsWith('ey') ? 'a bare JWT' : 'a placeholder'}; send "Bearer <token>".`, 0);
    result.kind = 'other';
  }
  const lineBreak = indexOfLineBreak(raw);
  if (lineBreak !== -1) bad('newline-in-credentials', 'The value contains a line break (a token read from a file with its newline?).', lineBreak);

  switch (result.kind) {
    case 'bearer':
    case 'dpop': {
      result.token = rest || null;
      if (!rest) {
        bad('missing-token', `"${scheme}" is followed by no token.`, v.length);
        break;
      }
      // Placeholders are short: no lower-cased copy of every real token.
      const t = rest.length <= 16 ? rest.toLowerCase() : '';
      const kind = token68Kind(rest);
      if (PLACEHOLDERS.has(t)) bad('placeholder-token', `The token is the literal "${short(rest)}": the variable holding it was never set.`, restOffset);
      else if (t === 'bearer' || (kind === NOT_TOKEN68 && /^(bearer|dpop)[ \t]/i.test(rest))) bad('duplicated-scheme', `The scheme appears twice ("${scheme} ${rest.split(/[ \t]/)[0]} …"): the token already included it.`, restOffset);
      else if (kind !== NOT_TOKEN68) {
        // The common case, one pass so far: a well-formed token, checked further only if it looks like a JWT.
        if (looksLikeJwtAttempt(rest)) {
          const problem = jwtShapeProblem(rest, kind === BASE64URL_AND_DOTS);
          if (problem) bad('malformed-jwt', `The token looks like a JWT but doesn't decode: ${problem}`, restOffset);
        }
      } else if (/^["'].*["']$/.test(rest)) bad('quoted-token', 'The token is wrapped in quotes; send it bare (RFC 6750 §2.1: b64token).', restOffset);
      else if (/[ \t]/.test(rest)) bad('whitespace-in-token', 'The token contains whitespace.', restOffset + rest.search(/[ \t]/));
      else bad('invalid-token-characters', 'The token has characters a bearer token can\'t hold (RFC 6750 §2.1 b64token).', restOffset);
      break;
    }
    case 'basic': {
      result.token = rest || null;
      if (!rest) {
        bad('missing-token', 'Basic is followed by no credentials.', v.length);
        break;
      }
      // (The lenient decoder reads both alphabets and drops trailing padding.)
      const text = TOKEN68.test(rest) ? base64urlToTextLenient(rest) : null;
      if (text === null) bad('invalid-basic-encoding', 'Basic credentials must be base64 of "user:password" (RFC 7617 §2).', restOffset);
      else if (!text.includes(':')) bad('basic-missing-colon', 'The decoded Basic credentials have no ":" between user and password (RFC 7617 §2).', restOffset);
      else {
        const colon = text.indexOf(':');
        result.user = text.slice(0, colon);
        result.passwordLength = text.length - colon - 1;
      }
      break;
    }
    case 'digest': {
      for (const part of splitParams(rest)) result.params[part.name] = part.value;
      if (!rest) bad('missing-token', 'Digest is followed by no parameters.', v.length);
      break;
    }
    default:
      result.token = rest || null;
  }
  return result;
}

/**
 * A JWT's shape, checked cheaply on every request: segment count, the base64url alphabet, and the
 * header. The payload is only decoded when something is already wrong (it's what costs).
 */
function jwtShapeProblem(token: string, base64urlAndDots: boolean): string | null {
  const parts = token.split('.');
  if ((parts.length !== 3 && parts.length !== 5) || !base64urlAndDots || !parts[0]) {
    const structural = decodeJwtParts(token).problems.filter((p) => p.severity === 'error');
    return structural.length ? structural[0]!.message : 'it is not base64url-encoded JWS/JWE segments';
  }
  // The header is short: decode it directly (the payload, which costs, is left alone).
  const text = base64urlToTextLenient(parts[0]!);
  let header: unknown;
  try {
    header = text === null ? null : JSON.parse(text);
  } catch {
    header = null;
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    const structural = decodeJwtParts(token).problems.filter((p) => p.severity === 'error');
    return structural[0]?.message ?? 'its header is not a JSON object';
  }
  return null;
}

const NOT_TOKEN68 = 0;
const BASE64URL_AND_DOTS = 1;
const OTHER_TOKEN68 = 2;

/** RFC 7515 §7.1 compact form: base64url characters and dots only (a token68 without padding). */
const BASE64URL_DOTS = /^[A-Za-z0-9._-]+$/;

/**
 * Whether `s` is a token68 and, if so, whether it is in the compact form the JWT shape check needs.
 * Checked by native regexes, since this runs on every request's token (kilobytes for a JWT).
 */
function token68Kind(s: string): typeof NOT_TOKEN68 | typeof BASE64URL_AND_DOTS | typeof OTHER_TOKEN68 {
  if (BASE64URL_DOTS.test(s)) return BASE64URL_AND_DOTS;
  return TOKEN68.test(s) ? OTHER_TOKEN68 : NOT_TOKEN68;
}

function trimWs(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 0x20 || s.charCodeAt(a) === 0x09)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 0x20 || s.charCodeAt(b - 1) === 0x09)) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function indexOfLineBreak(s: string): number {
  const r = s.indexOf('\r');
  const n = s.indexOf('\n');
  return r === -1 ? n : n === -1 ? r : Math.min(r, n);
}

function short(s: string): string {
  return s.length > 24 ? s.slice(0, 21) + '…' : s;
}

/** Digest response params: name=value or name="value", comma separated (RFC 7616 §3.4). */
function splitParams(s: string): { name: string; value: string }[] {
  const out: { name: string; value: string }[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && (s[i] === ',' || s[i] === ' ' || s[i] === '\t')) i++;
    const eq = s.indexOf('=', i);
    if (eq === -1) break;
    const name = s.slice(i, eq).trim().toLowerCase();
    let j = eq + 1;
    while (s[j] === ' ') j++;
    let value: string;
    if (s[j] === '"') {
      const parts: string[] = [];
      let k = j + 1;
      let from = k;
      while (k < s.length && s[k] !== '"') {
        if (s[k] === '\\') {
          parts.push(s.slice(from, k));
          from = k + 1;
          k++;
        }
        k++;
      }
      parts.push(s.slice(from, k));
      value = parts.join('');
      i = k + 1;
    } else {
      let k = j;
      while (k < s.length && s[k] !== ',') k++;
      value = s.slice(j, k).trim();
      i = k;
    }
    if (name) out.push({ name, value });
  }
  return out;
}
