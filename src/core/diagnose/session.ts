/**
 * What the engine remembers across exchanges, kept compact (no exchange objects): redirect
 * targets, recent failures, and session cookies seen per host.
 */
import { isSessionCookieName } from '../credentials/index.js';
import { isHeaderNamed } from '../har/exchange.js';
import type { Facts } from './facts.js';

export interface RedirectRecord {
  index: number;
  fromUrl: string;
  fromOrigin: string;
  hadAuthorization: boolean;
  apiCall: boolean;
}

export interface FailureRecord {
  count: number;
  firstIndex: number;
  lastMs: number;
  credentialKey: string;
}

const MAX_TRACKED = 5000;

export class Session {
  readonly redirects = new Map<string, RedirectRecord>();
  readonly failures = new Map<string, FailureRecord>();
  readonly sessionCookiesByHost = new Map<string, Set<string>>();

  /**
   * Called after the rules ran for an exchange, so rules only ever see earlier exchanges. This
   * runs for every exchange; redirects and failures, a few in a hundred, are recorded by methods of
   * their own, so V8 optimizes this without them inlined (that compiling shares the cores with
   * the analysis).
   */
  record(f: Facts): void {
    const ex = f.ex;
    if (ex.status >= 300 && ex.status < 400 && ex.redirectURL) this.recordRedirect(f);
    if (f.authFailure) this.recordFailure(f);
    const names = sessionCookieNames(f);
    const host = names.length ? f.host : '';
    if (host) {
      let set = this.sessionCookiesByHost.get(host);
      if (!set) bounded(this.sessionCookiesByHost).set(host, (set = new Set()));
      for (let i = 0; i < names.length && set.size < 50; i++) set.add(names[i]!);
    }
  }

  private recordRedirect(f: Facts): void {
    const ex = f.ex;
    const target = redirectTarget(ex.redirectURL, ex.url);
    bounded(this.redirects).set(target, {
      index: ex.index,
      fromUrl: ex.url,
      fromOrigin: f.origin,
      // (Any Authorization header counts: no need to parse the request's credentials for it.)
      hadAuthorization: f.requestHeader('authorization') !== null,
      apiCall: f.isApiCall || (this.redirects.get(ex.url)?.apiCall ?? false),
    });
  }

  private recordFailure(f: Facts): void {
    const ex = f.ex;
    const key = failureKey(f);
    const prev = this.failures.get(key);
    const credentialKey = f.requestHeader('authorization') ?? '';
    if (prev && prev.credentialKey === credentialKey) {
      prev.count++;
      prev.lastMs = ex.startedMs;
    } else bounded(this.failures).set(key, { count: 1, firstIndex: ex.index, lastMs: ex.startedMs, credentialKey });
  }
}

/**
 * Session-cookie names the request sent, read straight from the Cookie header / cookies[]: this
 * runs for every exchange, so it avoids parsing the other credentials, and allocates nothing for
 * the many requests that send no session cookie (index loops: a for-of allocates its iterator
 * until V8 optimizes the loop, which showed in HAR analysis).
 */
function sessionCookieNames(f: Facts): readonly string[] {
  let out: string[] | null = null;
  const cookies = f.ex.requestCookies;
  for (let i = 0; i < cookies.length; i++) {
    const name = cookies[i]!.name;
    if (isSessionCookieName(name)) (out ??= []).push(name);
  }
  const headers = f.ex.requestHeaders;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (!isHeaderNamed(h.name, 'cookie')) continue;
    const pairs = h.value.split(';');
    for (let k = 0; k < pairs.length; k++) {
      const pair = pairs[k]!;
      const eq = pair.indexOf('=');
      const n = (eq === -1 ? pair : pair.slice(0, eq)).trim();
      if (n && isSessionCookieName(n)) (out ??= []).push(n);
    }
  }
  return out ?? NO_NAMES;
}
const NO_NAMES: readonly string[] = Object.freeze([]);

/**
 * The URL the follow-up request goes to: the Location resolved against the request's URL, without
 * the fragment (the request is sent, and logged in the HAR, without it: the target URI excludes it,
 * RFC 9110 §7.1); as given when it is not a URL. An absolute http(s) Location needs no base, and a
 * session is sent to the same few places: those are resolved once.
 */
function redirectTarget(location: string, base: string): string {
  const absolute = location.startsWith('https://') || location.startsWith('http://');
  const known = absolute ? absoluteTargets.get(location) : undefined;
  if (known !== undefined) return known;
  let target = location;
  try {
    const u = new URL(location, base);
    u.hash = '';
    target = u.href;
  } catch {
    // keep as given
  }
  if (absolute) bounded(absoluteTargets).set(location, target);
  return target;
}
const absoluteTargets = new Map<string, string>();

export function failureKey(f: Facts): string {
  return `${f.ex.method} ${f.ex.url}`;
}

function bounded<K, V>(map: Map<K, V>): Map<K, V> {
  if (map.size >= MAX_TRACKED) {
    const oldest = map.keys().next();
    if (!oldest.done) map.delete(oldest.value);
  }
  return map;
}
