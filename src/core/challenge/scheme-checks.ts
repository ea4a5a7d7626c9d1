/**
 * Checks on top of the grammar: challenges that parse but break their scheme's own rules.
 * All are warnings (DESIGN §3.1): the header is readable, but something is wrong with it.
 */
import { problem, type Problem } from '../problem.js';
import { decodeBase64UrlText } from './claims.js';
import type { ChallengeField, DetailedChallenge } from './types.js';

/**
 * Parameters with quoting rules, one bit each: the parser records per challenge whether the value
 * that counts was a quoted-string (a bit mask instead of a set: it runs for every response).
 */
export function quotedBit(name: string): number {
  switch (name) {
    case 'realm':
      return 1;
    case 'qop':
      return 2;
    case 'algorithm':
      return 4;
    case 'stale':
      return 8;
    default:
      return 0;
  }
}

/** RFC 6750 §3.1, RFC 9470 §3, RFC 9449 §12.2, and Microsoft's claims challenge. */
const BEARER_ERRORS = new Set([
  'invalid_request',
  'invalid_token',
  'insufficient_scope',
  'insufficient_user_authentication',
  'insufficient_claims',
  'invalid_dpop_proof',
  'use_dpop_nonce',
]);
/** RFC 9449 §7.1 and §9: the DPoP scheme's error codes. */
const DPOP_ERRORS = new Set(['invalid_request', 'invalid_token', 'insufficient_scope', 'invalid_dpop_proof', 'use_dpop_nonce', 'insufficient_user_authentication']);
/** RFC 7616 §3.3 algorithm names. */
const DIGEST_ALGORITHMS = new Set(['md5', 'md5-sess', 'sha-256', 'sha-256-sess', 'sha-512-256', 'sha-512-256-sess']);

export function checkSchemes(
  challenges: DetailedChallenge[],
  /** Per challenge, which of the QUOTED_BIT parameters were quoted-strings. */
  quotedMasks: readonly number[],
  field: ChallengeField,
  hadErrors: boolean,
): Problem[] {
  const out: Problem[] = [];
  const warn = (code: string, message: string, offset?: number) => out.push(problem(code, 'warning', message, offset));
  if (challenges.length === 0 && !hadErrors) {
    warn('no-challenge', `The ${field} header holds no challenge; a ${field === 'WWW-Authenticate' ? '401' : '407'} response MUST carry at least one (RFC 9110 §11.6.1).`, 0);
  }
  for (let index = 0; index < challenges.length; index++) {
    const ch = challenges[index]!;
    const mask = quotedMasks[index] ?? 0;
    const scheme = ch.scheme.toLowerCase();
    const p = ch.params;
    const isQuoted = (name: string) => (mask & quotedBit(name)) !== 0;
    const at = (name: string) => ch.paramSpans[name]?.start ?? ch.span.start;

    if ('realm' in p && !isQuoted('realm')) {
      warn('realm-not-quoted', `realm should be a quoted string ("${p.realm}"): senders MUST only generate that form (RFC 9110 §11.5).`, at('realm'));
    }
    switch (scheme) {
      case 'basic':
        if (!('realm' in p)) warn('basic-missing-realm', 'A Basic challenge must name its realm (RFC 7617 §2).', ch.span.start);
        if ('charset' in p && p.charset!.toLowerCase() !== 'utf-8') warn('basic-invalid-charset', `charset may only be "UTF-8" (RFC 7617 §2.1), not "${p.charset}".`, at('charset'));
        break;
      case 'bearer': {
        if (ch.token68 !== null) warn('bearer-token68', 'A Bearer challenge carries auth-params, not a token68 (RFC 6750 §3).', ch.span.start);
        else if (Object.keys(p).length === 0 && challenges.length === 1) {
          warn('bearer-without-auth-param', 'RFC 6750 §3 says a Bearer challenge is followed by at least one auth-param (realm, scope, error…).', ch.span.start);
        }
        checkError(ch, BEARER_ERRORS, 'RFC 6750 §3.1', warn, at);
        checkStepUp(ch, warn, at);
        checkClaims(ch, warn, at);
        checkHttpsParam(ch, 'resource_metadata', 'RFC 9728 §5.1', warn, at);
        break;
      }
      case 'dpop':
        if (field === 'Proxy-Authenticate') warn('dpop-in-proxy-authenticate', 'DPoP MUST NOT be used with Proxy-Authenticate (RFC 9449 §7.1).', ch.span.start);
        if ('algs' in p && p.algs!.trim() === '') warn('dpop-empty-algs', 'algs lists no algorithm (RFC 9449 §7.1).', at('algs'));
        checkError(ch, DPOP_ERRORS, 'RFC 9449 §7.1', warn, at);
        checkStepUp(ch, warn, at);
        checkHttpsParam(ch, 'resource_metadata', 'RFC 9728 §5.1', warn, at);
        break;
      case 'digest': {
        if (!('realm' in p)) warn('digest-missing-realm', 'A Digest challenge must carry realm (RFC 7616 §3.3).', ch.span.start);
        if (!('nonce' in p)) warn('digest-missing-nonce', 'A Digest challenge must carry nonce (RFC 7616 §3.3).', ch.span.start);
        if (!('qop' in p)) warn('digest-missing-qop', 'A Digest challenge MUST send qop (RFC 7616 §3.3); without it clients fall back to the RFC 2069 form.', ch.span.start);
        else if (!isQuoted('qop')) warn('digest-qop-not-quoted', 'qop must be a quoted string (RFC 7616 §3.3).', at('qop'));
        if ('algorithm' in p) {
          if (isQuoted('algorithm')) warn('digest-algorithm-quoted', 'algorithm must not be quoted (RFC 7616 §3.3).', at('algorithm'));
          if (!DIGEST_ALGORITHMS.has(p.algorithm!.toLowerCase())) warn('digest-unknown-algorithm', `Unknown Digest algorithm "${p.algorithm}" (RFC 7616 §3.3).`, at('algorithm'));
        }
        if ('stale' in p) {
          if (isQuoted('stale')) warn('digest-stale-quoted', 'stale is a token: true or false, not quoted (RFC 7616 §3.3).', at('stale'));
          if (!/^(true|false)$/i.test(p.stale!)) warn('digest-invalid-stale', `stale must be true or false, not "${p.stale}".`, at('stale'));
        }
        break;
      }
      case 'negotiate':
      case 'ntlm':
        if (Object.keys(p).length) warn('negotiate-with-params', `${ch.scheme} carries a token68 (the next handshake leg), not parameters (RFC 4559 §4).`, ch.span.start);
        break;
    }
  }
  return out;
}

type Warn = (code: string, message: string, offset?: number) => void;

function checkError(ch: DetailedChallenge, known: Set<string>, ref: string, warn: Warn, at: (n: string) => number) {
  const error = ch.params.error;
  if (error !== undefined && !known.has(error)) warn('unknown-error-code', `"${error}" is not an error code defined for ${ch.scheme} (${ref}).`, at('error'));
  if ('error_uri' in ch.params && !/^https?:\/\//i.test(ch.params.error_uri!)) warn('invalid-error-uri', 'error_uri must be an absolute URI (RFC 6750 §3).', at('error_uri'));
}

/** RFC 9470 §3: step-up challenges say what is needed. */
function checkStepUp(ch: DetailedChallenge, warn: Warn, at: (n: string) => number) {
  if ('max_age' in ch.params && !/^\d{1,12}$/.test(ch.params.max_age!)) warn('invalid-max-age', 'max_age must be a number of seconds (RFC 9470 §3).', at('max_age'));
  if (ch.params.error === 'insufficient_user_authentication' && !('acr_values' in ch.params) && !('max_age' in ch.params)) {
    warn('step-up-without-requirements', 'insufficient_user_authentication without acr_values or max_age: the client can\'t tell what to do (RFC 9470 §3).', at('error'));
  }
}

/** Microsoft's claims challenge: `error="insufficient_claims", claims="<base64 JSON>"`. */
function checkClaims(ch: DetailedChallenge, warn: Warn, at: (n: string) => number) {
  const claims = ch.params.claims;
  if (claims === undefined) {
    if (ch.params.error === 'insufficient_claims') warn('claims-challenge-missing-claims', 'insufficient_claims without a claims parameter.', at('error'));
    return;
  }
  const text = decodeBase64UrlText(claims);
  let ok = false;
  if (text !== null) {
    try {
      ok = typeof JSON.parse(text) === 'object';
    } catch {
      ok = false;
    }
  }
  if (!ok) warn('claims-not-decodable', 'The claims parameter should be base64-encoded JSON (a claims challenge).', at('claims'));
}

function checkHttpsParam(ch: DetailedChallenge, name: string, ref: string, warn: Warn, at: (n: string) => number) {
  const value = ch.params[name];
  if (value !== undefined && !/^https:\/\//i.test(value)) warn(`${name.replace(/_/g, '-')}-not-https`, `${name} must be an https URL (${ref}).`, at(name));
}
