import { jwtDecode } from 'jwt-decode';
import { problem, type Problem } from '../problem.js';
import { isMarker } from '../redact/markers.js';
import { asciiFromBase64url, asciiFromPlainBase64url, base64urlByteLength, base64urlIssues, base64urlToBytes, utf8Decode, type Base64urlIssue } from '../util/base64url.js';

/**
 * Structure of a compact JWS (RFC 7515 §7.1: 3 segments) or JWE (RFC 7516 §7.1: 5 segments).
 * Every defect becomes a Problem with an offset into the string the caller passed (plus `baseOffset`);
 * nothing here throws. Decoding of the JSON itself goes through jwt-decode, after our own strict
 * base64url and UTF-8 checks (jwt-decode is lenient on purpose: it accepts `+`/`/` and silently
 * falls back to Latin-1 on bad UTF-8, which would hide exactly what a diagnosis must show).
 */
export interface JwtParts {
  segments: string[];
  /** `jws` for 3 segments, `jwe` for 5, null otherwise. */
  form: 'jws' | 'jwe' | null;
  header: Record<string, unknown> | null;
  /** JWS payload (the JWT claims set), when it decodes to a JSON object. */
  payload: Record<string, unknown> | null;
  /** Decoded signature length in bytes (JWS), or null. */
  signatureBytes: number | null;
  problems: Problem[];
}

const JWS_ROLES = ['header', 'payload', 'signature'] as const;
/** Signature algorithms (RFC 7518 §3.1, RFC 8037 §3.1): a header with one of these is a JWS header. */
const JWS_ALG = /^(?:HS|RS|ES|PS)(?:256|384|512)$|^ES256K$|^EdDSA$|^Ed25519$|^Ed448$|^none$/i;
const JWE_ROLES = ['header', 'encrypted key', 'initialization vector', 'ciphertext', 'authentication tag'] as const;

/**
 * A quick, non-throwing test for "this is a JWS or JWE": 3 or 5 dot-separated segments whose first
 * segment decodes to a JSON object. Useful to spot JWTs in cookies, custom headers and bodies.
 */
export function looksLikeJwt(s: string): boolean {
  if (typeof s !== 'string') return false;
  const segments = s.split('.');
  if (segments.length !== 3 && segments.length !== 5) return false;
  if (!segments.every((seg) => /^[A-Za-z0-9_-]*$/.test(seg))) return false;
  const header = decodeJson(segments[0]!);
  return header.kind === 'ok' && isObject(header.value);
}

/**
 * True when a value starts like a base64url-encoded JSON object ("eyJ" = `{"`, "ew" = `{` + newline
 * or tab): an attempt at a JWT, so a failure to decode it is a malformed JWT, not an opaque token.
 */
export function looksLikeJwtAttempt(s: string): boolean {
  if (!/^e[yw][A-Za-z0-9_\-+/]/.test(s)) return false;
  // Without a dot, only `{"` (eyJ) is convincing: a lone JWT header, the rest cut off.
  return s.includes('.') || (s.startsWith('eyJ') && s.length >= 16);
}

type JsonResult =
  | { kind: 'ok'; value: unknown }
  | { kind: 'base64'; issues: Base64urlIssue[] }
  | { kind: 'utf8' }
  | { kind: 'json'; detail: string };

/**
 * Payloads, and any segment above this many characters, are parsed from our own UTF-8 decoding:
 * jwt-decode's percent-escaping round trip costs ≈ 100 µs for a typical payload (about a second per
 * megabyte), which dominated HAR analysis on failing requests; ours is linear and gives the same
 * JSON (the 1 MB test checks both paths agree). JOSE headers are short, repeat across tokens, are
 * cached, and still go through jwt-decode.
 */
export const JWT_DECODE_MAX_SEGMENT = 256;

/** Short segments (JOSE headers) repeat across tokens (same alg and kid): decoded once each. */
const shortSegmentCache = new Map<string, JsonResult>();

/** `issues`: the segment's `base64urlIssues`, when the caller has them already. */
function decodeJson(segment: string, role: 'header' | 'payload' = 'header', issues?: Base64urlIssue[]): JsonResult {
  if (role === 'payload' || segment.length > JWT_DECODE_MAX_SEGMENT) return decodeJsonUncached(segment, true, issues);
  const hit = shortSegmentCache.get(segment);
  if (hit) return hit;
  const result = decodeJsonUncached(segment, false, issues);
  if (shortSegmentCache.size >= DECODE_CACHE_SIZE) shortSegmentCache.clear();
  shortSegmentCache.set(segment, result);
  return result;
}

function decodeJsonUncached(segment: string, direct: boolean, known?: Base64urlIssue[]): JsonResult {
  const all = known ?? base64urlIssues(segment);
  let issues = all;
  if (all.length > 0) {
    issues = all.filter((i) => i.kind !== 'non-canonical');
    const fatal = issues.filter((i) => i.kind === 'invalid-character' || i.kind === 'invalid-length');
    if (fatal.length > 0) return { kind: 'base64', issues: fatal };
  }
  // No issue at all: plain base64url of a possible length, so no second alphabet scan.
  let text = all.length === 0 ? asciiFromPlainBase64url(segment) : asciiFromBase64url(segment);
  if (text === null) {
    const bytes = base64urlToBytes(segment, { lenient: true });
    if (!bytes) return { kind: 'base64', issues };
    text = utf8Decode(bytes);
    if (text === null) return { kind: 'utf8' };
  }
  try {
    if (direct) return { kind: 'ok', value: JSON.parse(text) as unknown };
    // Normalize to unpadded base64url (what a strict decoder requires) and let jwt-decode parse it.
    // (?<!=): /=+$/ re-scanned a run of `=` from each of them (quadratic on `====…x`).
    const normalized = segment.replace(/(?<!=)=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
    return { kind: 'ok', value: jwtDecode<unknown>(normalized, { header: true }) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    // The lookbehind skips a `(` that follows another with no `)` between: if the first fails, so
    // does the second, and trying each of `((((…` to the end was quadratic. Same matches as before.
    const detail = /\((?<!\([^)]*?\()([^)]*)\)\s*$/.exec(message)?.[1] ?? message;
    return { kind: 'json', detail };
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v === 'string' ? 'a string' : `a ${typeof v}`;
}

/**
 * Splits and decodes a compact JWS/JWE. `baseOffset` is where `token` starts in the caller's input,
 * so offsets point into what the user pasted.
 */
export function decodeJwtParts(token: string, baseOffset = 0): JwtParts {
  // A session sends the same token with request after request, and one exchange looks at it
  // up to three times (Authorization shape, token inspection, DPoP): decode each once.
  const cacheable = typeof token === 'string' && token.length <= DECODE_CACHE_MAX_TOKEN;
  // Offset 0 (nearly every call) is keyed by the token itself: V8 keeps a string's hash on the
  // string, so looking the same token up again costs no pass over it, as a joined key would.
  const cache = baseOffset === 0 ? decodeCache : offsetDecodeCache;
  const key = !cacheable ? '' : baseOffset === 0 ? token : `${baseOffset}|${token}`;
  const hit = cacheable ? cache.get(key) : undefined;
  if (hit) return { ...hit, segments: hit.segments.slice(), problems: hit.problems.slice() };
  const parts = decodeUncached(token, baseOffset);
  if (cacheable) {
    if (cache.size >= DECODE_CACHE_SIZE) cache.clear();
    cache.set(key, parts);
    return { ...parts, segments: parts.segments.slice(), problems: parts.problems.slice() };
  }
  return parts;
}

/** Decoded tokens kept in memory only, a few dozen at most: bounded work, nothing written anywhere. */
const DECODE_CACHE_SIZE = 64;
const DECODE_CACHE_MAX_TOKEN = 16 * 1024;
const decodeCache = new Map<string, JwtParts>();
/** The same for tokens that start elsewhere in the caller's input, keyed by offset and token. */
const offsetDecodeCache = new Map<string, JwtParts>();

function decodeUncached(token: string, baseOffset: number): JwtParts {
  const problems: Problem[] = [];
  const segments = typeof token === 'string' ? token.split('.') : [];
  const starts: number[] = [];
  let pos = baseOffset;
  for (let i = 0; i < segments.length; i++) {
    starts.push(pos);
    pos += segments[i]!.length + 1;
  }
  const n = segments.length;
  const form = n === 3 ? 'jws' : n === 5 ? 'jwe' : null;
  const roles: readonly string[] = form === 'jwe' ? JWE_ROLES : JWS_ROLES;
  const role = (i: number): string => roles[i] ?? `segment ${i + 1}`;

  if (form === null) {
    // RFC 7515 §7.1 / RFC 7516 §7.1: exactly 2 or 4 dots. Point at the first surplus dot, or the end.
    const offset = n > 5 ? starts[5]! - 1 : n === 4 ? starts[3]! - 1 : baseOffset + token.length;
    const what =
      n === 1
        ? 'this one has no dots.'
        : n === 2
          ? 'this one has 2: the signature (and its dot) is missing. Was the token cut off?'
          : `this one has ${n}.`;
    problems.push(problem('wrong-segment-count', 'error', `A JWT has 3 segments (JWS, RFC 7515 §7.1) or 5 (JWE, RFC 7516 §7.1); ${what}`, offset));
  }

  // A signature that a redaction replaced with its marker (DESIGN §5: header and claims stay, the
  // signature goes) was removed on purpose: its bytes are no evidence of a malformed token.
  const redactedSignature = form === 'jws' && isMarker(segments[2]!);

  // Base64url checks on every segment (RFC 7515 §2: base64url without padding), kept for decoding.
  const segmentIssues: (Base64urlIssue[] | undefined)[] = [];
  for (let i = 0; i < segments.length; i++) {
    if (i === 2 && redactedSignature) continue;
    const issues = (segmentIssues[i] = base64urlIssues(segments[i]!));
    for (let k = 0; k < issues.length; k++) problems.push(base64Problem(issues[k]!, role(i), starts[i]!));
  }

  const decodeObject = (i: number, code: 'header' | 'payload'): Record<string, unknown> | null => {
    const seg = segments[i];
    if (seg === undefined) return null;
    if (seg.length === 0) {
      problems.push(problem(`empty-${code}`, 'error', `The ${code} segment is empty.`, starts[i]));
      return null;
    }
    const r = decodeJson(seg, code, segmentIssues[i]);
    if (r.kind === 'base64') return null; // already reported above
    if (r.kind === 'utf8') {
      problems.push(problem(`${code}-invalid-utf8`, 'error', `The ${code} is not valid UTF-8 (RFC 7515 §2 requires UTF-8 JSON).`, starts[i]));
      return null;
    }
    if (r.kind === 'json') {
      problems.push(problem(`${code}-not-json`, 'error', `The ${code} does not decode to JSON: ${r.detail}.`, starts[i]));
      return null;
    }
    if (!isObject(r.value)) {
      const spec = code === 'header' ? 'RFC 7515 §4' : 'RFC 7519 §7.2';
      problems.push(problem(`${code}-not-object`, 'error', `The ${code} is ${describe(r.value)}, not a JSON object (${spec}).`, starts[i]));
      return null;
    }
    return r.value;
  };

  const header = decodeObject(0, 'header');
  const isJwe = form === 'jwe' || (header !== null && typeof header['enc'] === 'string' && form === null);
  let payload: Record<string, unknown> | null = null;
  if (!isJwe && n >= 2) payload = decodeObject(1, 'payload');

  let signatureBytes: number | null = null;
  if (header) {
    const alg = header['alg'];
    if (alg === undefined) problems.push(problem('missing-alg', 'error', 'The header has no "alg" (REQUIRED by RFC 7515 §4.1.1 and RFC 7516 §4.1.1).', starts[0]));
    else if (typeof alg !== 'string') problems.push(problem('invalid-alg', 'error', `"alg" is ${describe(alg)}; it must be a string (RFC 7515 §4.1.1).`, starts[0]));
    if (form === 'jwe') {
      if (typeof header['enc'] !== 'string') {
        if (typeof alg === 'string' && JWS_ALG.test(alg)) {
          // A JWS header on five segments: two tokens run together, not an encrypted one.
          problems.push(problem('wrong-segment-count', 'error', `The token has 5 segments like a JWE, but its header is a JWS header ("alg": "${alg}", no "enc"): two tokens were joined or pasted together.`, starts[3]! - 1));
        } else {
          problems.push(problem('jwe-missing-enc', 'error', 'Five segments make a JWE, but the header has no "enc" (REQUIRED, RFC 7516 §4.1.2).', starts[0]));
        }
      }
      for (const i of [3, 4]) {
        if (segments[i] === '') problems.push(problem('jwe-empty-segment', 'error', `The JWE ${role(i)} is empty (RFC 7516 §7.1).`, starts[i]));
      }
    }
    if (form === 'jws') {
      if (typeof header['enc'] === 'string') problems.push(problem('enc-in-jws', 'warning', 'The header has "enc" (a JWE parameter) but the token has 3 segments (a JWS).', starts[0]));
      const sig = segments[2]!;
      // Without any issue the signature is plain base64url: its length gives its size.
      signatureBytes = segmentIssues[2]?.length === 0 ? Math.floor((sig.length * 3) / 4) : base64urlByteLength(sig);
      if (typeof alg === 'string') {
        if (alg.toLowerCase() === 'none') {
          // RFC 7518 §3.6: an Unsecured JWS has the empty string as its signature.
          if (sig !== '') problems.push(problem('unsigned-with-signature', 'error', '"alg" is "none" but a signature is present; an Unsecured JWS must have an empty signature (RFC 7518 §3.6).', starts[2]));
        } else if (sig === '') {
          problems.push(problem('missing-signature', 'error', `"alg" is "${alg}" but the signature segment is empty: the token was cut off or its signature was stripped.`, starts[2]));
        } else if (signatureBytes !== null && !redactedSignature) {
          const want = expectedSignatureLengths(alg);
          if (want && !want.includes(signatureBytes)) {
            problems.push(
              problem(
                'signature-length-mismatch',
                'warning',
                `${alg} signatures are ${want.join(' or ')} bytes long; this one is ${signatureBytes}: the token may be truncated${alg.startsWith('ES') ? ', or the ECDSA signature is DER-encoded instead of R||S (RFC 7518 §3.4)' : ''}.`,
                starts[2],
              ),
            );
          }
        }
      }
    }
  }
  return { segments, form, header, payload, signatureBytes, problems };
}

/** Signature sizes per algorithm (RFC 7518 §3.2–3.5, RFC 8037 §3.1). Null when the key decides freely. */
function expectedSignatureLengths(alg: string): number[] | null {
  switch (alg) {
    case 'HS256':
      return [32];
    case 'HS384':
      return [48];
    case 'HS512':
      return [64];
    case 'ES256':
    case 'ES256K':
      return [64];
    case 'ES384':
      return [96];
    case 'ES512':
      return [132];
    case 'EdDSA':
    case 'Ed25519':
      return alg === 'Ed25519' ? [64] : [64, 114];
    case 'RS256':
    case 'RS384':
    case 'RS512':
    case 'PS256':
    case 'PS384':
    case 'PS512':
      // The modulus size: 2048-bit keys are the floor (RFC 7518 §3.3); common sizes only.
      return [256, 384, 512];
    default:
      return null;
  }
}

function base64Problem(issue: Base64urlIssue, role: string, start: number): Problem {
  const offset = start + issue.offset;
  switch (issue.kind) {
    case 'standard-base64':
      return problem('standard-base64', 'error', `The ${role} uses "+" or "/": that is standard base64; JWTs use base64url ("-" and "_", RFC 7515 §2).`, offset);
    case 'padding':
      return problem('base64-padding', 'error', `The ${role} ends with "=" padding; JWTs use base64url without padding (RFC 7515 §2).`, offset);
    case 'invalid-character':
      return problem('invalid-base64url', 'error', `The ${role} contains ${JSON.stringify(issue.char)}, which is not a base64url character (RFC 4648 §5).`, offset);
    case 'invalid-length':
      return problem('invalid-base64url-length', 'error', `The ${role} has an impossible base64url length (one character too many or missing: was it cut off?).`, offset);
    case 'non-canonical':
      return problem('non-canonical-base64url', 'warning', `The ${role} has non-zero unused bits in its last character; strict decoders reject it (RFC 4648 §3.5).`, offset);
  }
}
