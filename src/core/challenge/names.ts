/**
 * The auth-schemes and parameter names the scheme checks know (and the common ones real servers
 * send), matched in place, ASCII case-insensitively: for them the parser neither slices nor
 * lower-cases the name, and stores the value under a constant key (an internalized string, so
 * the property store and the duplicate look-up take V8's fast path).
 */

/**
 * Parameter ids. The parser keeps a presence bit per id and challenge (duplicates are found
 * without a property look-up); for ids below CHECKED_PARAMS it also keeps the offset, for the checks.
 */
export const P_REALM = 0;
export const P_QOP = 1;
export const P_ALGORITHM = 2;
export const P_STALE = 3;
export const P_CHARSET = 4;
export const P_ALGS = 5;
export const P_ERROR = 6;
export const P_ERROR_URI = 7;
export const P_MAX_AGE = 8;
export const P_ACR_VALUES = 9;
export const P_CLAIMS = 10;
export const P_RESOURCE_METADATA = 11;
export const P_NONCE = 12;
export const CHECKED_PARAMS = 13;

/** Lower-case names, indexed by id. */
export const PARAM_NAMES: readonly string[] = [
  'realm',
  'qop',
  'algorithm',
  'stale',
  'charset',
  'algs',
  'error',
  'error_uri',
  'max_age',
  'acr_values',
  'claims',
  'resource_metadata',
  'nonce',
  // Not checked, but common: RFC 6750, RFC 7616, Docker registries, Azure, SharePoint.
  'error_description',
  'scope',
  'opaque',
  'domain',
  'userhash',
  'service',
  'authorization_uri',
  'authorization',
  'client_id',
  'resource',
  'resource_id',
  'trusted_issuers',
];

export const S_BASIC = 0;
export const S_BEARER = 1;
export const S_DIGEST = 2;
export const S_DPOP = 3;
export const S_NEGOTIATE = 4;
export const S_NTLM = 5;
/** As usually spelled, indexed by id: a scheme sent exactly so is returned as this constant. */
/** The presence bits of all known parameters (at most 26: bits 26-29 hold quotedBit). */
export const PRESENT_MASK = (1 << PARAM_NAMES.length) - 1;
if (PARAM_NAMES.length > 26) throw new Error('PARAM_NAMES: at most 26 names fit the flags');

export const SCHEME_NAMES: readonly string[] = ['Basic', 'Bearer', 'Digest', 'DPoP', 'Negotiate', 'NTLM'];

function byLength(names: readonly string[]): (readonly number[] | undefined)[] {
  const out: number[][] = [];
  names.forEach((name, id) => (out[name.length] ??= []).push(id));
  return out;
}
const PARAMS_BY_LENGTH = byLength(PARAM_NAMES);
const SCHEMES_BY_LENGTH = byLength(SCHEME_NAMES.map((n) => n.toLowerCase()));
const SCHEMES_LOWER = SCHEME_NAMES.map((n) => n.toLowerCase());

/** s[start, start + word.length) equals `word` (lower case) ignoring ASCII case. */
function equalsLower(s: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = s.charCodeAt(start + k);
    const e = word.charCodeAt(k);
    if (c !== e && (c < 0x41 || c > 0x5a || c + 32 !== e)) return false;
  }
  return true;
}

function find(s: string, start: number, end: number, table: (readonly number[] | undefined)[], words: readonly string[]): number {
  const ids = table[end - start];
  if (ids === undefined) return -1;
  for (let k = 0; k < ids.length; k++) if (equalsLower(s, start, words[ids[k]!]!)) return ids[k]!;
  return -1;
}

/** Id of the parameter name s[start, end) (a token), or -1. */
export function knownParam(s: string, start: number, end: number): number {
  return find(s, start, end, PARAMS_BY_LENGTH, PARAM_NAMES);
}

/** Id of the auth-scheme s[start, end) (a token), or -1. */
export function knownScheme(s: string, start: number, end: number): number {
  return find(s, start, end, SCHEMES_BY_LENGTH, SCHEMES_LOWER);
}
