import { problem, type Problem } from '../problem.js';
import { decodeJwtParts, looksLikeJwtAttempt } from './decode-jwt.js';
import { environmentOf, providerOf } from './environment.js';
import { matchOpaqueFormat, toVendor, type OpaqueFormat } from './opaque-formats.js';
import { extractScopes } from './scopes.js';
import { judgeTimes } from './times.js';
import type { InspectTokenOptions, TokenKind, TokenReport } from './types.js';

/**
 * Values that are a bug in the caller, not a token: an unset variable stringified, an object
 * concatenated into a string, an unexpanded template (Postman `{{token}}`, shell `${TOKEN}`).
 */
const PLACEHOLDER = /^(?:undefined|null|nil|none|nan|true|false|bearer|token|\[object object\]|\{\{.*\}\}|\$\{.*\}|\$[A-Z_][A-Z0-9_]*|<[^<>]*>|%[A-Z_]+%|your[-_ ]?(?:access[-_ ]?)?token(?:[-_ ]?here)?)$/i;

/** RFC 6750 §2.1 b64token: what may follow "Bearer " in an Authorization header. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
/** b64token's characters, `=` anywhere. */
const B64TOKEN_CHARS = /^[A-Za-z0-9\-._~+/=]+$/;

/**
 * Classifies and decodes a bearer token locally (DESIGN §3.1). Never throws on any string.
 *
 * Time is an argument: without `opts.now` nothing is judged (`expired`/`notYetValid` are null and
 * no relative wording is produced). `clockToleranceSec` defaults to 0 here; the diagnosis passes the
 * 60 s of `analyzeHar`. A time counts only when strictly beyond the tolerance.
 *
 * `kind` is `malformed` when the value could not be sent or verified as it is (bad structure,
 * encoding, JSON, stray whitespace or quotes); claims that decode but break a rule (say a string
 * `exp`) keep kind `jwt` and carry an `error` problem. Whatever could be decoded is still reported.
 */
export function inspectToken(token: string, opts: InspectTokenOptions = {}): TokenReport {
  const tolerance = typeof opts.clockToleranceSec === 'number' && Number.isFinite(opts.clockToleranceSec) ? Math.max(0, opts.clockToleranceSec) : 0;
  const nowMs = opts.now instanceof Date && !Number.isNaN(opts.now.getTime()) ? opts.now.getTime() : null;
  const report = emptyReport(nowMs, tolerance);
  const problems: Problem[] = [];

  if (typeof token !== 'string') {
    problems.push(problem('not-a-string', 'error', `Expected the token as a string, got ${token === null ? 'null' : typeof token}.`));
    return finish(report, 'malformed', problems);
  }
  if (token.length === 0) {
    problems.push(problem('empty-token', 'error', 'The token is empty.'));
    return finish(report, 'malformed', problems);
  }

  // --- Unwrap what people paste around a token, noting each as a problem. ---
  let s = token;
  let base = 0;
  // Nearly every token is b64token characters only: then it has no whitespace, control character
  // or quote to look for, and this one native pass replaces four.
  const plain = B64TOKEN_CHARS.test(token);
  const lead = plain ? 0 : /^\s*/.exec(s)![0].length;
  const trimmed = plain ? s : s.trim();
  if (trimmed.length === 0) {
    problems.push(problem('whitespace-only', 'error', 'The token is only whitespace.', 0));
    return finish(report, 'malformed', problems);
  }
  if (trimmed.length !== s.length) {
    // HTTP parsers trim field values (RFC 9110 §5.5), so this alone rarely breaks a request.
    problems.push(problem('surrounding-whitespace', 'warning', 'The token has leading or trailing whitespace (or a newline); it was trimmed.', lead > 0 ? 0 : lead + trimmed.length));
    s = trimmed;
    base = lead;
  }
  for (let guard = 0; guard < 8; guard++) {
    const scheme = /^(Bearer|DPoP)(?:\s+|$)/i.exec(s);
    if (scheme) {
      problems.push(
        problem('scheme-included', 'error', `The value starts with "${scheme[1]}": the scheme is part of the header, not the token (sent as is, the server sees "Bearer ${scheme[1]} …").`, base),
      );
      s = s.slice(scheme[0].length);
      base += scheme[0].length;
      continue;
    }
    const quoted = /^(["'])(.*)\1$/s.exec(s);
    if (quoted && s.length >= 2) {
      problems.push(problem('quoted-token', 'error', 'The token is wrapped in quotes; RFC 6750 §2.1 b64token has no quotes, so the server sees them as part of the token.', base));
      s = quoted[2]!;
      base += 1;
      continue;
    }
    break;
  }
  if (s.length === 0) {
    problems.push(problem('empty-token', 'error', 'Nothing is left once the scheme, quotes and whitespace are removed.', base));
    return finish(report, 'malformed', problems);
  }
  if (PLACEHOLDER.test(s)) {
    problems.push(
      problem('placeholder-token', 'error', `"${s.length > 40 ? s.slice(0, 40) + '…' : s}" is a placeholder, not a token: a variable was unset or not substituted.`, base),
    );
    return finish(report, 'malformed', problems);
  }

  // --- Opaque formats first: some contain dots (ya29., SG.…) or spaces (Azure Service Bus SAS). ---
  let format: OpaqueFormat | null = matchOpaqueFormat(s);
  if (format && looksLikeJwtAttempt(s) && decodeJwtParts(s).header) format = null; // a real JWT wins

  const ws = plain || format?.id === 'azure-service-bus-sas' ? -1 : s.search(/\s/);
  if (ws >= 0) {
    problems.push(problem('inner-whitespace', 'error', 'The token contains whitespace or a line break (copied from a wrapped line?); it is no longer one token.', base + ws));
  }
  // eslint-disable-next-line no-control-regex
  const ctl = plain ? -1 : s.search(/[\x00-\x08\x0e-\x1f\x7f]/);
  if (ctl >= 0) problems.push(problem('control-character', 'error', 'The token contains a control character.', base + ctl));
  if (ws >= 0) {
    // Decode what the user most likely meant, so the claims still show.
    s = s.replace(/\s+/g, '');
    format = matchOpaqueFormat(s);
  }

  if (format && !(looksLikeJwtAttempt(s) && decodeJwtParts(s).header)) {
    report.vendor = toVendor(format);
    report.notes.push(`Opaque ${format.vendor} ${format.product}: it carries no readable claims; the issuer validates it. Format source: ${format.source}.`);
    if (format.environment) report.hints.environment = format.environment;
    const expiry = format.expiry?.(s) ?? null;
    if (expiry !== null && Number.isFinite(expiry) && Math.abs(expiry) <= 8.64e15) {
      const judged = judgeTimes({ exp: expiry / 1000 }, nowMs, tolerance, opts.reference ?? 'request');
      report.times.exp = judged.times.exp;
      report.relative.exp = judged.relative.exp;
      report.expired = judged.expired;
    }
    return finish(report, hasError(problems) ? 'malformed' : 'opaque', problems);
  }

  const jwtShaped = looksLikeJwtAttempt(s) || /^[A-Za-z0-9_\-+/=]*(\.[A-Za-z0-9_\-+/=]*){2}$/.test(s) || /^[A-Za-z0-9_\-+/=]*(\.[A-Za-z0-9_\-+/=]*){4}$/.test(s);
  if (!jwtShaped) {
    const bad = s.search(/[^A-Za-z0-9\-._~+/=]/);
    if (!B64TOKEN.test(s) && ws < 0 && ctl < 0) {
      problems.push(
        problem('invalid-token-characters', 'error', 'The token has characters that a Bearer token cannot carry (RFC 6750 §2.1 b64token: letters, digits and - . _ ~ + / then = padding).', base + Math.max(0, bad)),
      );
    }
    if (!hasError(problems)) {
      report.notes.push('Opaque token: not decodable locally, which is expected; only the issuer can read or introspect it (RFC 7662).');
    }
    return finish(report, hasError(problems) ? 'malformed' : 'opaque', problems);
  }

  // --- JWS / JWE ---
  const parts = decodeJwtParts(s, base);
  problems.push(...parts.problems);
  report.header = parts.header;
  report.claims = parts.payload;
  const structuralError = hasError(problems);
  const isJwe = parts.form === 'jwe' || (parts.header !== null && typeof parts.header['enc'] === 'string' && parts.form !== 'jws');
  const kind: TokenKind = structuralError ? 'malformed' : isJwe ? 'jwe' : 'jwt';

  const h = parts.header;
  if (h) {
    report.alg = typeof h['alg'] === 'string' ? h['alg'] : null;
    report.typ = typeof h['typ'] === 'string' ? h['typ'] : null;
    report.enc = typeof h['enc'] === 'string' ? h['enc'] : null;
    if (!isJwe && report.alg !== null && report.alg.toLowerCase() === 'none') {
      report.unsigned = true;
      problems.push(problem('unsigned-token', 'warning', 'The token is unsigned ("alg": "none", RFC 7519 §6): anyone can forge it; a resource server must reject it.', base));
    }
    if (report.typ !== null && report.typ.toLowerCase().replace(/^application\//, '') === 'dpop+jwt') {
      report.hints.looksLikeDpopProof = true;
      problems.push(problem('dpop-proof-as-token', 'warning', 'This is a DPoP proof ("typ": "dpop+jwt", RFC 9449 §4.2), not an access token: send it in the DPoP header and the access token in "Authorization: DPoP …".', base));
    }
    if (typeof h['cty'] === 'string' && h['cty'].toUpperCase() === 'JWT') report.notes.push('Nested JWT ("cty": "JWT", RFC 7519 §5.2): the payload is itself a JWT.');
  }
  if (isJwe) {
    report.notes.push(
      'Encrypted token (JWE, RFC 7516): the claims are readable only by the intended recipient, so nothing beyond the header can be shown. This is expected, not an error (e.g. Auth0 issues JWE or opaque access tokens when no audience is requested).',
    );
  }
  if (report.claims) fillClaims(report, report.claims, problems);
  const judged = judgeTimes(report.claims, nowMs, tolerance, opts.reference ?? 'request');
  problems.push(...judged.problems);
  report.times = judged.times;
  report.relative = judged.relative;
  report.expired = judged.expired;
  report.notYetValid = judged.notYetValid;
  report.notYetValidBy = judged.notYetValidBy;
  const reasons = idTokenReasons(report.header, report.claims, report.scopes);
  report.hints.idTokenReasons = reasons;
  report.hints.looksLikeIdToken = reasons.length > 0;
  return finish(report, kind, problems);
}

const CLIENT_CLAIMS = ['client_id', 'azp', 'appid', 'cid'] as const;

/** (Index loops here and in decodeJwtParts: they run once per failing request's token, mostly before V8 optimizes them.) */
function fillClaims(report: TokenReport, c: Record<string, unknown>, problems: Problem[]): void {
  const str = (name: string): string | null => {
    if (!Object.hasOwn(c, name)) return null;
    const v = c[name];
    if (typeof v === 'string') return v;
    problems.push(problem(`invalid-${name.replace(/_/g, '-')}`, 'error', `"${name}" must be a string, got ${v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v}.`));
    return null;
  };
  report.issuer = str('iss');
  report.subject = str('sub');

  // RFC 7519 §4.1.3: a single string or an array of strings.
  if (Object.hasOwn(c, 'aud')) {
    const aud = c['aud'];
    if (typeof aud === 'string') report.audience = [aud];
    else if (Array.isArray(aud) && aud.every((a) => typeof a === 'string')) report.audience = aud as string[];
    else {
      if (Array.isArray(aud)) report.audience = aud.filter((a): a is string => typeof a === 'string');
      problems.push(problem('invalid-aud', 'error', '"aud" must be a string or an array of strings (RFC 7519 §4.1.3).'));
    }
  }

  // The client: RFC 9068 §2.2 `client_id`; OIDC `azp`; Entra v1 `appid`; Okta `cid`.
  for (let i = 0; i < CLIENT_CLAIMS.length; i++) {
    const claim = CLIENT_CLAIMS[i]!;
    const v = c[claim];
    if (Object.hasOwn(c, claim) && typeof v === 'string') {
      report.client = v;
      report.clientClaim = claim;
      break;
    }
  }

  const scopes = extractScopes(c);
  report.scopes = scopes.scopes;
  report.scopeSources = scopes.sources;
  problems.push(...scopes.problems);

  // RFC 7800 confirmation: DPoP (RFC 9449 §6.1 `jkt`) or mTLS (RFC 8705 §3.1 `x5t#S256`).
  const cnf = c['cnf'];
  if (Object.hasOwn(c, 'cnf') && typeof cnf === 'object' && cnf !== null && !Array.isArray(cnf)) {
    const jkt = (cnf as Record<string, unknown>)['jkt'];
    if (typeof jkt === 'string') {
      report.dpopBound = true;
      report.cnfJkt = jkt;
    }
    if (typeof (cnf as Record<string, unknown>)['x5t#S256'] === 'string') report.mtlsBound = true;
  }

  if (typeof c['acr'] === 'string') report.acr = c['acr'];
  const amr = c['amr'];
  if (Array.isArray(amr)) report.amr = amr.filter((a): a is string => typeof a === 'string');
  else if (typeof amr === 'string') report.amr = [amr];

  report.hints.provider = providerOf(report.issuer, c);
  if (report.issuer) report.hints.environment = environmentOf(report.issuer);
}

/**
 * Why a JWT looks like an OIDC ID token rather than an access token (feeds
 * `id-token-as-access-token`). Access tokens that say so (`typ: at+jwt`, RFC 9068 §2.1) and tokens
 * that carry scopes never count, except Keycloak's explicit `typ: "ID"` claim.
 */
export function idTokenReasons(header: Record<string, unknown> | null, claims: Record<string, unknown> | null, scopes: string[]): string[] {
  if (!claims) return [];
  const typ = header && typeof header['typ'] === 'string' ? header['typ'].toLowerCase() : '';
  if (typ === 'at+jwt' || typ === 'application/at+jwt' || typ === 'dpop+jwt') return [];
  const reasons: string[] = [];
  if (claims['typ'] === 'ID') reasons.push('claim "typ" is "ID" (Keycloak ID token)');
  if (scopes.length > 0 && reasons.length === 0) return [];
  if (Object.hasOwn(claims, 'nonce')) reasons.push('has "nonce" (OIDC Core §2: ID tokens echo the request nonce)');
  for (const hash of ['at_hash', 'c_hash', 's_hash']) {
    if (Object.hasOwn(claims, hash)) reasons.push(`has "${hash}" (OIDC Core §3.1.3.6 / §3.3.2.11)`);
  }
  const aud = claims['aud'];
  const single = typeof aud === 'string' ? aud : Array.isArray(aud) && aud.length === 1 && typeof aud[0] === 'string' ? aud[0] : null;
  if (single !== null && typeof claims['azp'] === 'string' && claims['azp'] === single) {
    reasons.push('"aud" is the client itself ("aud" = "azp")');
  }
  return reasons;
}

/** `looksLikeIdToken` recomputed from a report's header and claims. */
export function isIdTokenLike(report: Pick<TokenReport, 'header' | 'claims' | 'scopes'>): boolean {
  return idTokenReasons(report.header, report.claims, report.scopes).length > 0;
}

function hasError(problems: Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

function emptyReport(nowMs: number | null, tolerance: number): TokenReport {
  // The first nine keys are the `authlens token --json` contract (DESIGN §3.2), in its order.
  return {
    kind: 'malformed',
    header: null,
    claims: null,
    times: { exp: null, nbf: null, iat: null, auth_time: null },
    expired: null,
    scopes: [],
    audience: [],
    issuer: null,
    problems: [],
    relative: { exp: null, nbf: null, iat: null, auth_time: null },
    notYetValid: null,
    notYetValidBy: null,
    scopeSources: [],
    subject: null,
    client: null,
    clientClaim: null,
    typ: null,
    alg: null,
    enc: null,
    unsigned: false,
    dpopBound: false,
    cnfJkt: null,
    mtlsBound: false,
    acr: null,
    amr: [],
    hints: { looksLikeIdToken: false, idTokenReasons: [], looksLikeDpopProof: false, environment: null, provider: null },
    vendor: null,
    now: nowMs === null ? null : new Date(nowMs).toISOString(),
    clockToleranceSec: tolerance,
    notes: [],
  };
}

function finish(report: TokenReport, kind: TokenKind, problems: Problem[]): TokenReport {
  report.kind = kind;
  report.problems = problems;
  return report;
}
