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

/**
 * params[PARAM_NAMES[id]] = value, as a named store per name. A keyed store whose key varies from
 * call to call goes through V8's megamorphic keyed-store path, which is slowest exactly here,
 * where each store adds a property; a named store site is cached per name.
 * test/unit/challenge-names.test.ts holds this equal to the keyed store for every id.
 */
export function storeKnownParam(params: Record<string, string>, id: number, value: string): void {
  switch (id) {
    case 0:
      params.realm = value;
      return;
    case 1:
      params.qop = value;
      return;
    case 2:
      params.algorithm = value;
      return;
    case 3:
      params.stale = value;
      return;
    case 4:
      params.charset = value;
      return;
    case 5:
      params.algs = value;
      return;
    case 6:
      params.error = value;
      return;
    case 7:
      params.error_uri = value;
      return;
    case 8:
      params.max_age = value;
      return;
    case 9:
      params.acr_values = value;
      return;
    case 10:
      params.claims = value;
      return;
    case 11:
      params.resource_metadata = value;
      return;
    case 12:
      params.nonce = value;
      return;
    case 13:
      params.error_description = value;
      return;
    case 14:
      params.scope = value;
      return;
    case 15:
      params.opaque = value;
      return;
    case 16:
      params.domain = value;
      return;
    case 17:
      params.userhash = value;
      return;
    case 18:
      params.service = value;
      return;
    case 19:
      params.authorization_uri = value;
      return;
    case 20:
      params.authorization = value;
      return;
    case 21:
      params.client_id = value;
      return;
    case 22:
      params.resource = value;
      return;
    case 23:
      params.resource_id = value;
      return;
    case 24:
      params.trusted_issuers = value;
      return;
    default:
      params[PARAM_NAMES[id]!] = value;
  }
}

export const S_BASIC = 0;
export const S_BEARER = 1;
export const S_DIGEST = 2;
export const S_DPOP = 3;
export const S_NEGOTIATE = 4;
export const S_NTLM = 5;
/** The presence bits of all known parameters (at most 25: bit 25 is UNKNOWN_PARAM, bits 26-29 hold quotedBit). */
export const PRESENT_MASK = (1 << PARAM_NAMES.length) - 1;
if (PARAM_NAMES.length > 25) throw new Error('PARAM_NAMES: at most 25 names fit the flags');
/** Set when the challenge has a parameter not in PARAM_NAMES. */
export const UNKNOWN_PARAM = 1 << 25;
/** Any parameter at all. */
export const ANY_PARAM = PRESENT_MASK | UNKNOWN_PARAM;

/** As usually spelled, indexed by id: a scheme sent exactly so is returned as this constant. */
export const SCHEME_NAMES: readonly string[] = ['Basic', 'Bearer', 'Digest', 'DPoP', 'Negotiate', 'NTLM'];

function byLength(names: readonly string[]): (readonly number[] | undefined)[] {
  const out: number[][] = [];
  names.forEach((name, id) => (out[name.length] ??= []).push(id));
  return out;
}
const PARAMS_BY_LENGTH = byLength(PARAM_NAMES);
const SCHEMES_BY_LENGTH = byLength(SCHEME_NAMES.map((n) => n.toLowerCase()));

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
  // Every known name starts with a letter: its first character, lower-cased, picks the candidate;
  // then the ASCII case-insensitive compare (for names this short, cheaper than a native
  // startsWith call first).
  const first = s.charCodeAt(start) | 0x20;
  for (let k = 0; k < ids.length; k++) {
    const word = words[ids[k]!]!;
    if (word.charCodeAt(0) === first && equalsLower(s, start, word)) return ids[k]!;
  }
  return -1;
}

/**
 * Names as a regular-expression alternation, longest first (so `error_uri` is tried before
 * `error`); `anyCase`: each letter matches in either ASCII case.
 */
function alternation(names: readonly string[], anyCase: boolean): string {
  const pattern = (c: string) => {
    if (c.toLowerCase() !== c.toUpperCase()) return anyCase ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
    // Characters that stand for themselves in a pattern; a name with another would need escaping.
    if (c === '_' || c === '-' || (c >= '0' && c <= '9')) return c;
    throw new Error(`names.ts: "${c}" in a known name`);
  };
  return [...names]
    .sort((a, b) => b.length - a.length)
    .map((name) => [...name].map(pattern).join(''))
    .join('|');
}

/**
 * The names of a list told apart by length and first two letters (ASCII case ignored), for text
 * the regex engine has already matched against the list: naming it then needs no character loop
 * (a character loop in JavaScript costs several times what the regex does per character).
 */
interface MatchedNames {
  readonly names: readonly string[];
  /** (length, first letter) → the first id with them; NEXT[id]: the next id with the same pair. */
  readonly first: Int8Array;
  readonly next: Int8Array;
}

function matchedNames(names: readonly string[]): MatchedNames {
  const first = new Int8Array(32 * 32).fill(-1);
  const next = new Int8Array(names.length).fill(-1);
  const seen = new Set<number>();
  for (let id = names.length - 1; id >= 0; id--) {
    const name = names[id]!;
    const key = (name.length << 5) | (name.charCodeAt(0) & 31);
    // What idOfMatched looks at must tell every two names apart.
    const told = (key << 8) | (name.charCodeAt(1) | 0x20);
    if (name.length > 31 || seen.has(told)) throw new Error(`names.ts: "${name}" is not told apart by its length and first two letters`);
    seen.add(told);
    next[id] = first[key]!;
    first[key] = id;
  }
  return { names, first, next };
}

/** Id of s[start, end), which the regex engine matched as one of `m.names` in some ASCII case. */
function idOfMatched(m: MatchedNames, s: string, start: number, end: number): number {
  const second = s.charCodeAt(start + 1) | 0x20;
  for (let id = m.first[((end - start) << 5) | (s.charCodeAt(start) & 31)]!; id >= 0; id = m.next[id]!) {
    if ((m.names[id]!.charCodeAt(1) | 0x20) === second) return id;
  }
  return -1;
}

/** PARAM_NAMES in any ASCII case: the start of the parser's pattern for the usual parameter. */
export const KNOWN_PARAM_NAME_SOURCE = alternation(PARAM_NAMES, true);
const MATCHED_PARAMS = matchedNames(PARAM_NAMES);
/** Id of s[start, end), a name KNOWN_PARAM_NAME_SOURCE matched. */
export const paramIdOfMatched = (s: string, start: number, end: number): number => idOfMatched(MATCHED_PARAMS, s, start, end);

/** Id of the parameter name s[start, end) (a token), or -1. */
export function knownParam(s: string, start: number, end: number): number {
  return find(s, start, end, PARAMS_BY_LENGTH, PARAM_NAMES);
}

/** SCHEME_NAMES as spelled there: the parser tries them first, in one native pass. */
export const EXACT_SCHEME_SOURCE = alternation(SCHEME_NAMES, false);
const MATCHED_SCHEMES = matchedNames(SCHEME_NAMES);
/** Id of s[start, end), a scheme EXACT_SCHEME_SOURCE matched. */
export const schemeIdOfMatched = (s: string, start: number, end: number): number => idOfMatched(MATCHED_SCHEMES, s, start, end);

/** Added to knownScheme's id when the scheme is not spelled exactly as in SCHEME_NAMES. */
export const SCHEME_INEXACT = 16;

/**
 * Id of the auth-scheme s[start, end) (a token), plus SCHEME_INEXACT when its case differs from
 * SCHEME_NAMES[id]; -1 when unknown. One pass checks both.
 */
export function knownScheme(s: string, start: number, end: number): number {
  const ids = SCHEMES_BY_LENGTH[end - start];
  if (ids === undefined) return -1;
  const first = s.charCodeAt(start) | 0x20;
  outer: for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const word = SCHEME_NAMES[id]!;
    if ((word.charCodeAt(0) | 0x20) !== first) continue;
    let exact = true;
    for (let j = 0; j < word.length; j++) {
      const c = s.charCodeAt(start + j);
      const e = word.charCodeAt(j);
      if (c === e) continue;
      exact = false;
      // Letters only: the other characters of a scheme name must match exactly.
      const lower = e | 0x20;
      if (lower < 0x61 || lower > 0x7a || (c | 0x20) !== lower) continue outer;
    }
    return exact ? id : id + SCHEME_INEXACT;
  }
  return -1;
}
