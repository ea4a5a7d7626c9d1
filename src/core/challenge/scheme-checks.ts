/**
 * Checks on top of the grammar: challenges that parse but break their scheme's own rules.
 * All are warnings (DESIGN §3.1): the header is readable, but something is wrong with it.
 */
import { problem, type Problem } from '../problem.js';
import { isJsonObjectClaims, isJsonObjectClaimsIn } from './claims.js';
import { P_ACR_VALUES, P_ALGORITHM, P_ALGS, P_CHARSET, P_CLAIMS, P_ERROR, P_ERROR_URI, P_MAX_AGE, P_NONCE, P_QOP, P_REALM, P_RESOURCE_METADATA, P_STALE, ANY_PARAM, S_BASIC, S_BEARER, S_DIGEST, S_DPOP, S_NEGOTIATE, S_NTLM } from './names.js';
import type { Challenge, ChallengeField } from './types.js';

/**
 * What the parser records per challenge for these checks, entry k for challenges[k] in each array
 * (flat number arrays, reused from call to call, instead of per-parameter span objects: it runs
 * for every response). Entries past challenges.length are stale.
 */
export interface ChallengeFacts {
  /** The (joined) field value the challenges were read from. */
  readonly s: string;
  readonly challenges: readonly Challenge[];
  /** S_* id of the scheme, or -1. */
  readonly schemeIds: readonly number[];
  /** Offset of the scheme: where problems without a parameter point. */
  readonly schemeStarts: readonly number[];
  /** Bit `1 << id` per known parameter present (names.ts), UNKNOWN_PARAM for any other, and quotedBit(id) for those with quoting rules. */
  readonly flags: readonly number[];
  /** Where the challenge's (id, offset) entries start in `pairs`. */
  readonly pairBase: readonly number[];
  /** (P_* id, offset of the name) for each checked parameter as read, in order; `pairCount` entries. */
  readonly pairs: readonly number[];
  readonly pairCount: number;
  /**
   * Where the value of the claims parameter that counts starts in `s` (it is then a slice of `s`),
   * or -1 when its quoted-pairs were unescaped. Read only when the challenge has claims.
   */
  readonly claimsFrom: readonly number[];
}

/**
 * Parameters with quoting rules (realm, qop, algorithm, stale), one bit each: whether the value
 * that counts was a quoted-string.
 */
export function quotedBit(id: number): number {
  return id <= P_STALE ? 1 << (26 + id) : 0;
}

/**
 * RFC 6750 §3.1, RFC 9470 §3, RFC 9449 §12.2, and Microsoft's claims challenge. A switch, not a
 * Set: the value is a fresh string, and hashing it for the Set look-up cost more than comparing.
 */
function isBearerError(error: string): boolean {
  switch (error) {
    case 'invalid_request':
    case 'invalid_token':
    case 'insufficient_scope':
    case 'insufficient_user_authentication':
    case 'insufficient_claims':
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
      return true;
    default:
      return false;
  }
}
/** RFC 9449 §7.1 and §9: the DPoP scheme's error codes. */
function isDpopError(error: string): boolean {
  switch (error) {
    case 'invalid_request':
    case 'invalid_token':
    case 'insufficient_scope':
    case 'invalid_dpop_proof':
    case 'use_dpop_nonce':
    case 'insufficient_user_authentication':
      return true;
    default:
      return false;
  }
}
/** RFC 7616 §3.3 algorithm names. */
const DIGEST_ALGORITHMS = new Set(['md5', 'md5-sess', 'sha-256', 'sha-256-sess', 'sha-512-256', 'sha-512-256-sess']);

/** Offset of the parameter `id` that counts (the last one read) in challenge `index`. */
function paramAt(facts: ChallengeFacts, index: number, id: number): number {
  const from = facts.pairBase[index]!;
  const to = index + 1 < facts.challenges.length ? facts.pairBase[index + 1]! : facts.pairCount;
  for (let k = to - 2; k >= from; k -= 2) if (facts.pairs[k] === id) return facts.pairs[k + 1]!;
  return facts.schemeStarts[index]!;
}

const warning = (out: Problem[], code: string, message: string, offset: number) => {
  out.push(problem(code, 'warning', message, offset));
};

const has = (f: number, id: number) => (f & (1 << id)) !== 0;

/** Appends the warnings to `out`. */
export function checkSchemes(facts: ChallengeFacts, field: ChallengeField, hadErrors: boolean, out: Problem[]): void {
  const challenges = facts.challenges;
  if (challenges.length === 0 && !hadErrors) {
    warning(out, 'no-challenge', `The ${field} header holds no challenge; a ${field === 'WWW-Authenticate' ? '401' : '407'} response MUST carry at least one (RFC 9110 §11.6.1).`, 0);
  }
  for (let index = 0; index < challenges.length; index++) {
    const ch = challenges[index]!;
    const f = facts.flags[index]!;
    const start = facts.schemeStarts[index]!;
    const p = ch.params;

    if (has(f, P_REALM) && (f & quotedBit(P_REALM)) === 0) {
      warning(out, 'realm-not-quoted', `realm should be a quoted string ("${p.realm}"): senders MUST only generate that form (RFC 9110 §11.5).`, paramAt(facts, index, P_REALM));
    }
    switch (facts.schemeIds[index]) {
      case S_BASIC:
        if (!has(f, P_REALM)) warning(out, 'basic-missing-realm', 'A Basic challenge must name its realm (RFC 7617 §2).', start);
        if (has(f, P_CHARSET) && p.charset!.toLowerCase() !== 'utf-8') warning(out, 'basic-invalid-charset', `charset may only be "UTF-8" (RFC 7617 §2.1), not "${p.charset}".`, paramAt(facts, index, P_CHARSET));
        break;
      case S_BEARER: {
        if (ch.token68 !== null) warning(out, 'bearer-token68', 'A Bearer challenge carries auth-params, not a token68 (RFC 6750 §3).', start);
        else if (challenges.length === 1 && (f & ANY_PARAM) === 0) {
          warning(out, 'bearer-without-auth-param', 'RFC 6750 §3 says a Bearer challenge is followed by at least one auth-param (realm, scope, error…).', start);
        }
        // The error code, read once for the three checks that look at it.
        const error = has(f, P_ERROR) ? p.error! : undefined;
        checkError(facts, index, error !== undefined && !isBearerError(error), 'RFC 6750 §3.1', out);
        checkStepUp(facts, index, error, out);
        if (has(f, P_CLAIMS)) {
          const from = facts.claimsFrom[index]!;
          const claimsOk = from >= 0 ? isJsonObjectClaimsIn(facts.s, from, from + p.claims!.length) : isJsonObjectClaims(p.claims!);
          if (!claimsOk) warning(out, 'claims-not-decodable', 'The claims parameter should be base64-encoded JSON (a claims challenge).', paramAt(facts, index, P_CLAIMS));
        } else if (error === 'insufficient_claims') {
          warning(out, 'claims-challenge-missing-claims', 'insufficient_claims without a claims parameter.', paramAt(facts, index, P_ERROR));
        }
        if (has(f, P_RESOURCE_METADATA)) checkResourceMetadata(facts, index, out);
        break;
      }
      case S_DPOP:
        if (field === 'Proxy-Authenticate') warning(out, 'dpop-in-proxy-authenticate', 'DPoP MUST NOT be used with Proxy-Authenticate (RFC 9449 §7.1).', start);
        if (has(f, P_ALGS) && p.algs!.trim() === '') warning(out, 'dpop-empty-algs', 'algs lists no algorithm (RFC 9449 §7.1).', paramAt(facts, index, P_ALGS));
      {
        const error = has(f, P_ERROR) ? p.error! : undefined;
        checkError(facts, index, error !== undefined && !isDpopError(error), 'RFC 9449 §7.1', out);
        checkStepUp(facts, index, error, out);
        if (has(f, P_RESOURCE_METADATA)) checkResourceMetadata(facts, index, out);
        break;
      }
      case S_DIGEST: {
        if (!has(f, P_REALM)) warning(out, 'digest-missing-realm', 'A Digest challenge must carry realm (RFC 7616 §3.3).', start);
        if (!has(f, P_NONCE)) warning(out, 'digest-missing-nonce', 'A Digest challenge must carry nonce (RFC 7616 §3.3).', start);
        if (!has(f, P_QOP)) warning(out, 'digest-missing-qop', 'A Digest challenge MUST send qop (RFC 7616 §3.3); without it clients fall back to the RFC 2069 form.', start);
        else if ((f & quotedBit(P_QOP)) === 0) warning(out, 'digest-qop-not-quoted', 'qop must be a quoted string (RFC 7616 §3.3).', paramAt(facts, index, P_QOP));
        if (has(f, P_ALGORITHM)) {
          if ((f & quotedBit(P_ALGORITHM)) !== 0) warning(out, 'digest-algorithm-quoted', 'algorithm must not be quoted (RFC 7616 §3.3).', paramAt(facts, index, P_ALGORITHM));
          if (!DIGEST_ALGORITHMS.has(p.algorithm!.toLowerCase())) warning(out, 'digest-unknown-algorithm', `Unknown Digest algorithm "${p.algorithm}" (RFC 7616 §3.3).`, paramAt(facts, index, P_ALGORITHM));
        }
        if (has(f, P_STALE)) {
          if ((f & quotedBit(P_STALE)) !== 0) warning(out, 'digest-stale-quoted', 'stale is a token: true or false, not quoted (RFC 7616 §3.3).', paramAt(facts, index, P_STALE));
          if (!/^(true|false)$/i.test(p.stale!)) warning(out, 'digest-invalid-stale', `stale must be true or false, not "${p.stale}".`, paramAt(facts, index, P_STALE));
        }
        break;
      }
      case S_NEGOTIATE:
      case S_NTLM:
        if ((f & ANY_PARAM) !== 0) warning(out, 'negotiate-with-params', `${ch.scheme} carries a token68 (the next handshake leg), not parameters (RFC 4559 §4).`, start);
        break;
    }
  }
}

/** `unknown`: the challenge's error code is not one its scheme defines. */
function checkError(facts: ChallengeFacts, index: number, unknown: boolean, ref: string, out: Problem[]) {
  const f = facts.flags[index]!;
  const ch = facts.challenges[index]!;
  if (unknown) warning(out, 'unknown-error-code', `"${ch.params.error}" is not an error code defined for ${ch.scheme} (${ref}).`, paramAt(facts, index, P_ERROR));
  if (has(f, P_ERROR_URI) && !/^https?:\/\//i.test(ch.params.error_uri!)) warning(out, 'invalid-error-uri', 'error_uri must be an absolute URI (RFC 6750 §3).', paramAt(facts, index, P_ERROR_URI));
}

/** RFC 9470 §3: step-up challenges say what is needed. */
function checkStepUp(facts: ChallengeFacts, index: number, error: string | undefined, out: Problem[]) {
  const f = facts.flags[index]!;
  if (has(f, P_MAX_AGE) && !/^\d{1,12}$/.test(facts.challenges[index]!.params.max_age!)) warning(out, 'invalid-max-age', 'max_age must be a number of seconds (RFC 9470 §3).', paramAt(facts, index, P_MAX_AGE));
  if (error === 'insufficient_user_authentication' && !has(f, P_ACR_VALUES) && !has(f, P_MAX_AGE)) {
    warning(out, 'step-up-without-requirements', 'insufficient_user_authentication without acr_values or max_age: the client can\'t tell what to do (RFC 9470 §3).', paramAt(facts, index, P_ERROR));
  }
}

/** RFC 9728 §5.1: resource_metadata is an https URL. */
function checkResourceMetadata(facts: ChallengeFacts, index: number, out: Problem[]) {
  if (!/^https:\/\//i.test(facts.challenges[index]!.params.resource_metadata!)) {
    warning(out, 'resource-metadata-not-https', 'resource_metadata must be an https URL (RFC 9728 §5.1).', paramAt(facts, index, P_RESOURCE_METADATA));
  }
}
