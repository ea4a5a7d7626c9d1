/**
 * What the rules ask about one exchange, computed lazily and at most once: most exchanges are
 * healthy and never need their challenge parsed or their token decoded.
 */
import { parseChallenges } from '../challenge/index.js';
import type { ChallengeResult } from '../challenge/index.js';
import { findCredentials, type RequestCredentials } from '../credentials/index.js';
import { headerValues, type Exchange } from '../har/exchange.js';
import { inspectToken } from '../token/index.js';
import type { TokenReport } from '../token/index.js';

export interface DiagnosisOptions {
  /** Seconds a time may be off before it counts (default 60; a time counts only when strictly beyond). */
  clockToleranceSec?: number;
  /** The HAR was exported without Authorization / Cookie: absence proves nothing. */
  sanitized?: boolean;
}

/** Most responses carry no challenge: one shared, frozen empty result instead of a parse each. */
const NO_CHALLENGES: ChallengeResult = Object.freeze({ challenges: Object.freeze([]) as unknown as ChallengeResult['challenges'], problems: Object.freeze([]) as unknown as ChallengeResult['problems'] });

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\]|::1|[\w-]+\.localhost)$/i;

function indexHeaders(headers: Exchange['requestHeaders']): Map<string, string> {
  const index = new Map<string, string>();
  for (const h of headers) {
    const key = h.name.toLowerCase();
    if (!index.has(key)) index.set(key, h.value);
  }
  return index;
}

export class Facts {
  readonly tolerance: number;
  readonly sanitized: boolean;
  private cache = new Map<string, unknown>();

  constructor(
    readonly ex: Exchange,
    opts: DiagnosisOptions,
  ) {
    this.tolerance = opts.clockToleranceSec ?? 60;
    this.sanitized = opts.sanitized ?? false;
  }

  private memo<T>(key: string, compute: () => T): T {
    if (this.cache.has(key)) return this.cache.get(key) as T;
    const value = compute();
    this.cache.set(key, value);
    return value;
  }

  get status(): number {
    return this.ex.status;
  }
  /** 401, 403 or 407: the failures AuthLens explains. */
  get authFailure(): boolean {
    const s = this.ex.status;
    return s === 401 || s === 403 || s === 407;
  }
  get url(): URL | null {
    return this.memo('url', () => {
      try {
        return new URL(this.ex.url);
      } catch {
        return null;
      }
    });
  }
  get origin(): string {
    return this.url?.origin ?? '';
  }
  get host(): string {
    return this.url?.hostname.toLowerCase() ?? '';
  }
  get loopback(): boolean {
    return LOOPBACK.test(this.host);
  }
  // Rules ask for a dozen headers each exchange: one pass builds a lower-cased index instead of
  // a scan of every header per question (first value wins, like headerValue).
  private requestIndex: Map<string, string> | null = null;
  private responseIndex: Map<string, string> | null = null;
  requestHeader(name: string): string | null {
    return (this.requestIndex ??= indexHeaders(this.ex.requestHeaders)).get(name.toLowerCase()) ?? null;
  }
  responseHeader(name: string): string | null {
    return (this.responseIndex ??= indexHeaders(this.ex.responseHeaders)).get(name.toLowerCase()) ?? null;
  }
  get challengeField(): 'WWW-Authenticate' | 'Proxy-Authenticate' {
    return this.ex.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  }
  get challengeLines(): string[] {
    return this.memo('lines', () => headerValues(this.ex.responseHeaders, this.challengeField));
  }
  /** Lenient reading: what the server meant, even when it broke the grammar. */
  get challenges(): ChallengeResult {
    return this.memo('challenges', () => (this.challengeLines.length ? parseChallenges(this.challengeLines, { lenient: true, field: this.challengeField }) : NO_CHALLENGES));
  }
  /** Strict reading, for `malformed-challenge`. */
  get strictChallenges(): ChallengeResult {
    return this.memo('strict', () => (this.challengeLines.length ? parseChallenges(this.challengeLines, { field: this.challengeField }) : NO_CHALLENGES));
  }
  get schemes(): Set<string> {
    return this.memo('schemes', () => new Set(this.challenges.challenges.map((c) => c.scheme.toLowerCase())));
  }
  /** The first challenge parameter of that name, across challenges (error, scope, …). */
  param(name: string): string | null {
    for (const c of this.challenges.challenges) if (c.params[name] !== undefined) return c.params[name]!;
    return null;
  }
  get errorCode(): string | null {
    return this.param('error');
  }
  get credentials(): RequestCredentials {
    return this.memo('creds', () => findCredentials(this.ex.requestHeaders, this.ex.requestCookies, this.ex.url));
  }
  /** The bearer / DPoP token the request sent (Authorization first, else the query string). */
  get token(): string | null {
    return this.memo('token', () => {
      const auth = this.credentials.authorization;
      if (auth && (auth.kind === 'bearer' || auth.kind === 'dpop') && auth.token && !auth.problems.length) return auth.token;
      if (this.credentials.urlParams.includes('access_token')) {
        const v = this.url?.searchParams.get('access_token');
        if (v) return v;
      }
      return null;
    });
  }
  /** Server time: the response Date header, else when the request started (DESIGN §1). */
  get referenceTime(): Date | null {
    return this.memo('ref', () => {
      const date = this.responseHeader('date');
      // A cached response's Date is when it was first fetched, not now (DESIGN §4).
      if (date && !this.ex.fromCache) {
        const ms = Date.parse(date);
        if (Number.isFinite(ms)) return new Date(ms);
      }
      return Number.isFinite(this.ex.startedMs) ? new Date(this.ex.startedMs) : null;
    });
  }
  get tokenReport(): TokenReport | null {
    return this.memo('report', () => {
      const t = this.token;
      if (!t) return null;
      const now = this.referenceTime;
      return inspectToken(t, { ...(now ? { now } : {}), clockToleranceSec: this.tolerance });
    });
  }
  /** Cross-origin from the page's point of view: the request carried an Origin that differs. */
  get crossOrigin(): boolean {
    return this.memo('cross', () => {
      const origin = this.requestHeader('origin');
      if (!origin || origin === 'null') return false;
      return origin.toLowerCase() !== this.origin.toLowerCase();
    });
  }
  get isPreflight(): boolean {
    return this.ex.method === 'OPTIONS' && (this.ex.resourceType === 'preflight' || this.requestHeader('access-control-request-method') !== null);
  }
  /** The response body as text, capped: error documents are small, bodies may not be. */
  get body(): string {
    return this.memo('body', () => (this.ex.responseBody?.text ?? '').slice(0, 256 * 1024));
  }
  get isApiCall(): boolean {
    const t = this.ex.resourceType;
    if (t === 'fetch' || t === 'xhr') return true;
    if (t === 'document') return false;
    if (this.requestHeader('x-requested-with') !== null) return true;
    const accept = this.requestHeader('accept') ?? '';
    // A navigation's Accept is "text/html,application/xhtml+xml,application/xml;q=0.9,…" (Fetch
    // Standard, fetch step for document destinations): it names xml but asks for a page.
    return /json|xml/i.test(accept) && !/text\/html/i.test(accept);
  }
  /**
   * An OAuth token request (RFC 6749 §3.2): its credentials (refresh token, code, client secret)
   * travel in the form body, not in headers, so "no credentials" can't be judged from headers.
   */
  get isTokenRequest(): boolean {
    return this.memo('tokenRequest', () => {
      const body = this.ex.requestBody;
      if (this.ex.method !== 'POST' || !body) return false;
      if (body.params?.some((p) => p.name === 'grant_type')) return true;
      return /(?:^|&|[{,]\s*")grant_type(?:=|"\s*:)/.test((body.text ?? '').slice(0, 4096));
    });
  }
}
