import type { Environment, TokenProvider } from './types.js';

/**
 * Words in host labels or path segments that name a deployment stage. Matched as whole words
 * (split on `.`, `-`, `_`, `/`), so `testing-tools.example.com` is "test" but `contest.example.com`
 * is nothing. Feeds `environment-mismatch` (DESIGN §4): a staging token sent to production.
 */
const WORDS: Readonly<Record<string, Environment>> = {
  localhost: 'localhost',
  local: 'localhost',
  dev: 'dev',
  develop: 'dev',
  development: 'dev',
  devel: 'dev',
  test: 'test',
  testing: 'test',
  tst: 'test',
  qa: 'qa',
  uat: 'uat',
  staging: 'staging',
  stage: 'staging',
  stg: 'staging',
  preprod: 'staging',
  preproduction: 'staging',
  sandbox: 'sandbox',
  sbx: 'sandbox',
  prod: 'prod',
  production: 'prod',
  prd: 'prod',
  live: 'prod',
};

export interface HostParts {
  host: string;
  path: string;
}

/**
 * Splits a URL, issuer or bare host into lower-case host and path without the `URL` global (not part
 * of the ES2023 library that core is checked against, and it throws on the odd issuer).
 */
export function hostAndPath(issuerOrHost: string): HostParts {
  // A token's issuer is asked about twice in a row (provider, then environment), and a session's
  // tokens share their issuer: the last answer is kept (callers only read it).
  if (issuerOrHost === lastHostInput && lastHostParts !== null) return lastHostParts;
  lastHostParts = splitHostAndPath(issuerOrHost);
  lastHostInput = issuerOrHost;
  return lastHostParts;
}
let lastHostInput = '';
let lastHostParts: HostParts | null = null;

function splitHostAndPath(issuerOrHost: string): HostParts {
  let s = issuerOrHost.trim();
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(s);
  if (scheme) s = s.slice(scheme[0].length);
  const end = s.search(/[/?#]/);
  let authority = end < 0 ? s : s.slice(0, end);
  // Everything from the first ? or #. (/[?#].*$/ tried each ? up to a line break: quadratic on `????…\nx`.)
  const path = end < 0 ? '' : s.slice(end).replace(/[?#][\s\S]*$/, '');
  const at = authority.lastIndexOf('@');
  if (at >= 0) authority = authority.slice(at + 1);
  let host = authority;
  if (host.startsWith('[')) host = host.slice(0, host.indexOf(']') + 1 || host.length);
  else host = host.replace(/:\d*$/, '');
  return { host: host.toLowerCase().replace(/\.$/, ''), path };
}

export function isLoopbackHost(host: string): boolean {
  return (
    host === 'localhost' ||
    host.endsWith('.localhost') || // RFC 6761 §6.3
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) ||
    host === '[::1]' ||
    host === '::1' ||
    host === '0.0.0.0'
  );
}

/**
 * The deployment stage an issuer URL or host name points to, or null when nothing in it says
 * (absence of a marker is not proof of production; the caller decides what null means).
 * Host labels win over path segments (`https://login.example.com/realms/staging` → staging).
 * Default tenant names count too: Okta developer orgs (`dev-123456.okta.com`) and Auth0 tenants
 * (`dev-abc.us.auth0.com`) say "dev", which is usually right and only ever a hint.
 */
export function environmentOf(issuerOrHost: string): Environment | null {
  const known = environments.get(issuerOrHost);
  if (known !== undefined) return known;
  const env = computeEnvironment(issuerOrHost);
  if (environments.size >= 256) environments.clear();
  environments.set(issuerOrHost, env);
  return env;
}
/** Issuers and hosts repeat across a session's tokens and requests: each is judged once. */
const environments = new Map<string, Environment | null>();

function computeEnvironment(issuerOrHost: string): Environment | null {
  const { host, path } = hostAndPath(issuerOrHost);
  if (isLoopbackHost(host) || host.endsWith('.local')) return 'localhost';
  // The TLD is skipped: `.dev` and `.live` are ordinary public suffixes.
  const labels = host.split('.');
  return firstWord(labels.length > 1 ? labels.slice(0, -1) : labels) ?? firstWord(path.split('/'));
}

function firstWord(parts: string[]): Environment | null {
  for (const part of parts) {
    for (const word of part.toLowerCase().split(/[-_.]+/)) {
      const env = Object.hasOwn(WORDS, word) ? WORDS[word] : undefined;
      if (env) return env;
    }
  }
  return null;
}

/**
 * Identity provider from the issuer (and `ver` for Entra ID), from the issuer formats in each
 * provider's token reference: Microsoft identity platform "Access token claims reference" (v1 `iss`
 * sts.windows.net, v2 login.microsoftonline.com/…/v2.0), Okta "Access token" (`{org}.okta.com`),
 * Auth0 "Access Tokens" (`{tenant}.auth0.com`), Keycloak (`/realms/{realm}`), Amazon Cognito
 * "Understanding the access token" (cognito-idp.{region}.amazonaws.com/{poolId}), Google "OpenID
 * Connect" (accounts.google.com), GitHub Actions OIDC (token.actions.githubusercontent.com).
 */
export function providerOf(issuer: string | null, claims: Record<string, unknown> | null): TokenProvider | null {
  if (!issuer) return null;
  const { host, path } = hostAndPath(issuer);
  const ver = claims && typeof claims['ver'] === 'string' ? claims['ver'] : undefined;
  const withVersion = (p: TokenProvider): TokenProvider => (ver ? { ...p, version: ver } : p);
  if (host === 'sts.windows.net' || host === 'login.microsoftonline.com' || host.endsWith('.ciamlogin.com') || host === 'login.microsoftonline.us' || host === 'login.chinacloudapi.cn') {
    return withVersion({ id: 'entra-id', name: 'Microsoft Entra ID' });
  }
  if (host.endsWith('.b2clogin.com')) return withVersion({ id: 'azure-ad-b2c', name: 'Azure AD B2C' });
  if (host.endsWith('.okta.com') || host.endsWith('.oktapreview.com') || host.endsWith('.okta-emea.com')) return { id: 'okta', name: 'Okta' };
  if (host.endsWith('.auth0.com')) return { id: 'auth0', name: 'Auth0' };
  if (/^cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/.test(host)) return { id: 'cognito', name: 'Amazon Cognito' };
  if (host === 'accounts.google.com') return { id: 'google', name: 'Google' };
  if (host === 'token.actions.githubusercontent.com') return { id: 'github-actions', name: 'GitHub Actions OIDC' };
  if (/\/realms\/[^/]+\/?$/.test(path)) return { id: 'keycloak', name: 'Keycloak' };
  return null;
}
