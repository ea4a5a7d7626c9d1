/**
 * What a request carried that can authenticate it: Authorization / Proxy-Authorization, API-key
 * headers, cookies, a DPoP proof, and tokens in the query string (RFC 6750 §2.3).
 */
import type { Cookie, Header } from '../har/exchange.js';
import { parseAuthorization, type CredentialResult } from './parse-authorization.js';

/** Header names APIs use for keys and tokens (besides Authorization). */
export const API_KEY_HEADERS = new Set([
  'x-api-key',
  'api-key',
  'apikey',
  'x-apikey',
  'x-auth-token',
  'x-access-token',
  'x-token',
  'x-session-token',
  'x-csrf-token',
  'x-goog-api-key',
  'ocp-apim-subscription-key',
  'x-functions-key',
  'private-token',
  'x-amz-security-token',
  'x-vault-token',
]);

/** Query parameters that carry credentials. */
export const URL_CREDENTIAL_PARAMS = new Set(['access_token', 'id_token', 'refresh_token', 'token', 'api_key', 'apikey', 'auth', 'auth_token', 'sig', 'x-amz-security-token', 'code']);

/**
 * Cookie names that usually hold a session (Express, PHP, Java, Rails, ASP.NET, Django, generic).
 * The keyword is found by a lookahead: `.*(session|…).*$` retried the tail after every keyword
 * (quadratic on `sess_sess_…` followed by a line break); same names match.
 */
const SESSION_COOKIE = /^(connect\.sid|phpsessid|jsessionid|asp\.net_sessionid|\.aspnetcore\.(session|cookies)|sessionid|session|sid|_session_id|(?=.*(?:session|sess|sid|auth|token|jwt)).*)$/i;

export interface RequestCredentials {
  authorization: CredentialResult | null;
  proxyAuthorization: CredentialResult | null;
  /** Names of API-key style headers that were present. */
  apiKeyHeaders: string[];
  cookieNames: string[];
  sessionCookieNames: string[];
  dpopProof: string | null;
  /** Credential-bearing query parameter names. */
  urlParams: string[];
  /** Anything at all that can authenticate the request. */
  any: boolean;
}

const HAS_UPPER = /[A-Z]/;

export function isSessionCookieName(name: string): boolean {
  return name.length <= 64 && SESSION_COOKIE.test(name);
}

export function findCredentials(headers: readonly Header[], cookies: readonly Cookie[] = [], url = ''): RequestCredentials {
  let authorization: CredentialResult | null = null;
  let proxyAuthorization: CredentialResult | null = null;
  let dpopProof: string | null = null;
  const apiKeyHeaders: string[] = [];
  const cookieNames = new Set<string>();
  // Index loops: this runs for every failing request, mostly before V8 optimizes it.
  for (let i = 0; i < cookies.length; i++) cookieNames.add(cookies[i]!.name);
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    // Most names arrive in lower case (HTTP/2): lower-casing them anyway made a copy of each.
    const name = HAS_UPPER.test(h.name) ? h.name.toLowerCase() : h.name;
    if (name === 'authorization') authorization ??= parseAuthorization(h.value);
    else if (name === 'proxy-authorization') proxyAuthorization ??= parseAuthorization(h.value);
    else if (name === 'dpop') dpopProof ??= h.value;
    else if (name === 'cookie') {
      const pairs = h.value.split(';');
      for (let k = 0; k < pairs.length; k++) {
        const pair = pairs[k]!;
        const eq = pair.indexOf('=');
        const n = (eq === -1 ? pair : pair.slice(0, eq)).trim();
        if (n) cookieNames.add(n);
      }
    } else if (API_KEY_HEADERS.has(name) && h.value.trim() !== '') apiKeyHeaders.push(h.name);
  }
  const urlParams: string[] = [];
  const q = url.indexOf('?');
  if (q !== -1) {
    const end = url.indexOf('#', q);
    const pairs = url.slice(q + 1, end === -1 ? undefined : end).split('&');
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      const eq = pair.indexOf('=');
      const n = safeDecode(eq === -1 ? pair : pair.slice(0, eq)).toLowerCase();
      if (URL_CREDENTIAL_PARAMS.has(n) && n !== 'code' && eq !== -1 && pair.length > eq + 1) urlParams.push(n);
    }
  }
  const names = [...cookieNames];
  const sessionCookieNames = names.filter(isSessionCookieName);
  return {
    authorization,
    proxyAuthorization,
    apiKeyHeaders,
    cookieNames: names,
    sessionCookieNames,
    dpopProof,
    urlParams,
    any: Boolean(authorization || proxyAuthorization || apiKeyHeaders.length || names.length || urlParams.length),
  };
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    return s;
  }
}
