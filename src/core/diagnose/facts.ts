/**
 * What the rules ask about one exchange, computed lazily and at most once: most exchanges are
 * healthy and never need their challenge parsed or their token decoded.
 */
import { parseChallenges } from '../challenge/index.js';
import type { ChallengeResult } from '../challenge/index.js';
import { findCredentials, type RequestCredentials } from '../credentials/index.js';
import { isHeaderNamed, type Exchange } from '../har/exchange.js';
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

/**
 * First value of a header (`name` already lower-case), or null. A scan of the few headers an
 * exchange has, length first, is cheaper than building a lower-cased index per exchange: most
 * exchanges are healthy, get a dozen questions, and allocating for them showed in the profile.
 */
function firstHeader(headers: Exchange['requestHeaders'], name: string): string | null {
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (isHeaderNamed(h.name, name)) return h.value;
  }
  return null;
}

/** Every value of a header (`name` already lower-case); most responses have none: a shared empty list. */
function allHeaders(headers: Exchange['requestHeaders'], name: string): string[] {
  let out: string[] | null = null;
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i]!;
    if (isHeaderNamed(h.name, name)) (out ??= []).push(h.value);
  }
  return out ?? NO_LINES;
}
const NO_LINES = Object.freeze([]) as unknown as string[];

/**
 * The field lines in header values. A field value never holds a line break (RFC 9110 §5.5), but
 * HARs built from the DevTools protocol (sitespeed.io chrome-har, browsertime) copy its header
 * objects, which join the lines of a repeated field with "\n" (CDP `Network.Headers`): split them
 * back, so `Basic realm="a"\nBearer error=…` reads as the two challenges it was.
 */
function fieldLines(values: string[]): string[] {
  let joined = false;
  for (let i = 0; i < values.length; i++) if (values[i]!.includes('\n')) joined = true;
  if (!joined) return values;
  const out: string[] = [];
  for (const v of values) for (const line of v.split('\n')) out.push(line.endsWith('\r') ? line.slice(0, -1) : line);
  return out;
}

/**
 * HTTP dates repeat from one exchange to the next (one-second resolution): the last one parsed is
 * kept. So is the minute of the last IMF-fixdate (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110
 * §5.6.7, what servers send): a later one in the same minute differs only in its seconds, which
 * are read directly (Date.parse took ≈ 6 % of a healthy request's analysis).
 */
let lastDate = '';
let lastDateMs = NaN;
let minutePrefix = '';
let minuteMs = NaN;
export function parseHttpDate(value: string): number {
  if (value === lastDate) return lastDateMs;
  lastDate = value;
  // In the minute kept, only the seconds and " GMT" are left to check: the rest of the shape was
  // checked when the minute was kept. (Written out, not a call: this runs for every response, and
  // V8 optimized each helper it called on its own as well.)
  if (minutePrefix !== '' && value.length === 29 && value.startsWith(minutePrefix)) {
    const s1 = value.charCodeAt(IMF_SECONDS) - 0x30;
    const s2 = value.charCodeAt(IMF_SECONDS + 1) - 0x30;
    // (An unsigned shift turns a negative difference into a big number: one test per digit.)
    if (s1 >>> 0 <= 5 && s2 >>> 0 <= 9 && value.endsWith(' GMT')) return (lastDateMs = minuteMs + (s1 * 10 + s2) * 1000);
  }
  // asctime (`Sun Nov  6 08:49:37 1994`) names no zone, and Date.parse reads such a date in the
  // machine's local time; every HTTP-date is UTC (RFC 9110 §5.6.7), so it is read as GMT.
  lastDateMs = Date.parse(ASCTIME.test(value) ? `${value} GMT` : value);
  const seconds = imfSeconds(value);
  if (seconds >= 0 && Number.isFinite(lastDateMs)) {
    minutePrefix = value.slice(0, IMF_SECONDS);
    minuteMs = lastDateMs - seconds * 1000;
  }
  return lastDateMs;
}
/** Where an IMF-fixdate's seconds start (`Sun, 06 Nov 1994 08:49:` is 23 characters). */
const IMF_SECONDS = 23;
/** The characters an IMF-fixdate has at fixed places (`Www, DD Mmm YYYY hh:mm:ss GMT`), and its digits. */
const IMF_FIXED: readonly (readonly [number, number])[] = [[3, 0x2c], [4, 0x20], [7, 0x20], [11, 0x20], [16, 0x20], [19, 0x3a], [22, 0x3a], [25, 0x20]];
const IMF_DIGITS: readonly number[] = [5, 6, 12, 13, 14, 15, 17, 18, 20, 21, 23, 24];
/**
 * The seconds (0–59) of a value in the exact shape of an IMF-fixdate, or -1. Date.parse reads
 * other shapes its own way (`Sun, 22:Nov 2026 09:53:49 GMT` gives a time with milliseconds), so
 * only this one is read from a minute kept earlier. (The other two HTTP-date forms are never 29
 * characters long.)
 */
function imfSeconds(v: string): number {
  if (v.length !== 29 || !v.endsWith(' GMT')) return -1;
  for (let k = 0; k < IMF_FIXED.length; k++) if (v.charCodeAt(IMF_FIXED[k]![0]) !== IMF_FIXED[k]![1]) return -1;
  for (let k = 0; k < IMF_DIGITS.length; k++) if (!isDigit(v.charCodeAt(IMF_DIGITS[k]!))) return -1;
  const seconds = (v.charCodeAt(IMF_SECONDS) - 0x30) * 10 + v.charCodeAt(IMF_SECONDS + 1) - 0x30;
  return seconds <= 59 ? seconds : -1;
}
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const ASCTIME = /^[A-Za-z]{3} [A-Za-z]{3} [ \d]\d \d\d:\d\d:\d\d \d{4}$/;

const UNSET = Symbol('unset');

export class Facts {
  readonly tolerance: number;
  readonly sanitized: boolean;

  /** The exchange these facts are about (see `reset`). */
  ex: Exchange;

  constructor(ex: Exchange, opts: DiagnosisOptions) {
    this.ex = ex;
    this.tolerance = opts.clockToleranceSec ?? 60;
    this.sanitized = opts.sanitized ?? false;
  }

  /**
   * The same facts object for the next exchange, everything computed forgotten: the engine judges
   * exchanges one at a time, and a new object for each showed in HAR analysis (allocation, GC).
   */
  reset(ex: Exchange): this {
    this.ex = ex;
    this._url = this._lines = this._challenges = this._strict = this._schemes = this._creds = UNSET;
    this._token = this._ref = this._report = this._cross = this._body = this._tokenRequest = this._authority = UNSET;
    return this;
  }

  // Computed facts, at most once each (UNSET until asked): plain fields, no per-exchange Map.
  private _url: URL | null | typeof UNSET = UNSET;
  private _lines: string[] | typeof UNSET = UNSET;
  private _challenges: ChallengeResult | typeof UNSET = UNSET;
  private _strict: ChallengeResult | typeof UNSET = UNSET;
  private _schemes: Set<string> | typeof UNSET = UNSET;
  private _creds: RequestCredentials | typeof UNSET = UNSET;
  private _token: string | null | typeof UNSET = UNSET;
  private _ref: Date | null | typeof UNSET = UNSET;
  private _report: TokenReport | null | typeof UNSET = UNSET;
  private _cross: boolean | typeof UNSET = UNSET;
  private _body: string | typeof UNSET = UNSET;
  private _tokenRequest: boolean | typeof UNSET = UNSET;
  private _authority: Authority | typeof UNSET = UNSET;

  get status(): number {
    return this.ex.status;
  }
  /** 401, 403 or 407: the failures AuthLens explains. */
  get authFailure(): boolean {
    const s = this.ex.status;
    return s === 401 || s === 403 || s === 407;
  }
  get url(): URL | null {
    return this._url !== UNSET ? this._url : (this._url = computeUrl(this));
  }
  get origin(): string {
    return this.authority.origin;
  }
  get host(): string {
    return this.authority.host;
  }
  /** Origin and host, worked out once per exchange (several rules and the session ask for them). */
  private get authority(): Authority {
    return this._authority !== UNSET ? this._authority : (this._authority = authorityOf(this));
  }
  get loopback(): boolean {
    return LOOPBACK.test(this.host);
  }
  // First value wins, like headerValue. `name` in lower case (every caller passes a literal).
  requestHeader(name: string): string | null {
    return firstHeader(this.ex.requestHeaders, name);
  }
  responseHeader(name: string): string | null {
    return firstHeader(this.ex.responseHeaders, name);
  }
  get challengeField(): 'WWW-Authenticate' | 'Proxy-Authenticate' {
    return this.ex.status === 407 ? 'Proxy-Authenticate' : 'WWW-Authenticate';
  }
  get challengeLines(): string[] {
    return this._lines !== UNSET ? this._lines : (this._lines = fieldLines(allHeaders(this.ex.responseHeaders, this.ex.status === 407 ? 'proxy-authenticate' : 'www-authenticate')));
  }
  /** Lenient reading: what the server meant, even when it broke the grammar. */
  get challenges(): ChallengeResult {
    return this._challenges !== UNSET ? this._challenges : (this._challenges = this.challengeLines.length ? readChallenges(this.challengeLines, this.challengeField, true) : NO_CHALLENGES);
  }
  /**
   * Strict reading, for `malformed-challenge`. Lenient mode departs from the grammar only where it
   * reports a problem, so a lenient reading without problems is the strict one
   * (test/unit/challenge-parser.test.ts holds the parser to that).
   */
  get strictChallenges(): ChallengeResult {
    if (this._strict !== UNSET) return this._strict;
    const lenient = this.challenges;
    return (this._strict = lenient.problems.length === 0 ? lenient : readChallenges(this.challengeLines, this.challengeField, false));
  }
  get schemes(): Set<string> {
    return this._schemes !== UNSET ? this._schemes : (this._schemes = new Set(this.challenges.challenges.map((c) => c.scheme.toLowerCase())));
  }
  /**
   * Every offered scheme is a connection handshake (Negotiate, NTLM, Kerberos, RFC 4559): a 401
   * to a request without credentials is then the handshake's first leg, by design.
   */
  get handshakeOnly(): boolean {
    const schemes = this.schemes;
    let all = schemes.size > 0;
    // (forEach: no iterator allocated per step in unoptimized code.)
    schemes.forEach((s) => {
      if (s !== 'negotiate' && s !== 'ntlm' && s !== 'kerberos') all = false;
    });
    return all;
  }
  /** The first challenge parameter of that name, across challenges (error, scope, …). */
  param(name: string): string | null {
    const list = this.challenges.challenges;
    for (let i = 0; i < list.length; i++) {
      const v = list[i]!.params[name];
      if (v !== undefined) return v;
    }
    return null;
  }
  get errorCode(): string | null {
    return this.param('error');
  }
  get credentials(): RequestCredentials {
    return this._creds !== UNSET ? this._creds : (this._creds = findCredentials(this.ex.requestHeaders, this.ex.requestCookies, this.ex.url));
  }
  /** The bearer / DPoP token the request sent (Authorization first, else the query string). */
  get token(): string | null {
    return this._token !== UNSET ? this._token : (this._token = computeToken(this));
  }
  /** Server time: the response Date header, else when the request started (DESIGN §1). */
  get referenceTime(): Date | null {
    return this._ref !== UNSET ? this._ref : (this._ref = computeReferenceTime(this));
  }
  get tokenReport(): TokenReport | null {
    return this._report !== UNSET ? this._report : (this._report = computeTokenReport(this));
  }
  /** Cross-origin from the page's point of view: the request carried an Origin that differs. */
  get crossOrigin(): boolean {
    return this._cross !== UNSET ? this._cross : (this._cross = computeCrossOrigin(this));
  }
  get isPreflight(): boolean {
    return this.ex.method === 'OPTIONS' && (this.ex.resourceType === 'preflight' || this.requestHeader('access-control-request-method') !== null);
  }
  /** The response body as text, capped: error documents are small, bodies may not be. */
  get body(): string {
    return this._body !== UNSET ? this._body : (this._body = (this.ex.responseBody?.text ?? '').slice(0, 256 * 1024));
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
    return this._tokenRequest !== UNSET ? this._tokenRequest : (this._tokenRequest = computeIsTokenRequest(this));
  }
}

// What the getters compute the first time they are asked (module functions: minified names).

/**
 * A server answers its failures with the same few challenges, again and again: the readings of
 * the last ones are kept, by field, mode and lines (a line never holds "\n": see fieldLines).
 * Parsing each anew took ≈ 20 µs a failing request in a first pass over a HAR, where the parser
 * runs too rarely for V8 to optimize it. The rules only read a reading; they never change one.
 */
const challengeReadings = new Map<string, ChallengeResult>();
const MAX_KEPT_CHALLENGE = 4096;
function readChallenges(lines: string[], field: 'WWW-Authenticate' | 'Proxy-Authenticate', lenient: boolean): ChallengeResult {
  const opts = lenient ? { lenient: true, field } : { field };
  const text = lines.length === 1 ? lines[0]! : lines.join('\n');
  // (Long values, hostile ones among them, are read each time rather than kept.)
  if (text.length > MAX_KEPT_CHALLENGE) return parseChallenges(lines, opts);
  const key = `${lenient ? 'lenient' : 'strict'} ${field}\n${text}`;
  let reading = challengeReadings.get(key);
  if (reading === undefined) {
    reading = parseChallenges(lines, opts);
    if (challengeReadings.size >= 64) challengeReadings.clear();
    challengeReadings.set(key, reading);
  }
  return reading;
}

interface Authority {
  origin: string;
  host: string;
}
const NO_AUTHORITY: Authority = { origin: '', host: '' };
/** Origin and host per URL prefix ("https://host:port"): a session's requests go to a few of them. */
const authorities = new Map<string, Authority>();

/**
 * Origin and lower-case host of the exchange's URL. For http(s) URLs they depend only on the part
 * before the first "/", "?", "#" or "\\" after "//" (WHATWG URL authority state), so that prefix
 * is parsed once per session instead of every URL; anything else is parsed whole.
 */
function authorityOf(f: Facts): Authority {
  const url = f.ex.url;
  const start = url.startsWith('https://') ? 8 : url.startsWith('http://') ? 7 : -1;
  // (More slashes after "//" are skipped by the parser: such URLs are parsed whole.)
  const first = start < 0 ? -1 : url.charCodeAt(start);
  if (start < 0 || first === 0x2f || first === 0x5c || Number.isNaN(first)) return wholeUrlAuthority(f);
  let end = start;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x5c) break;
    end++;
  }
  // The parser trims spaces and control characters from the end of its input: a prefix ending in
  // one would parse differently from the whole URL.
  if (url.charCodeAt(end - 1) <= 0x20) return wholeUrlAuthority(f);
  const prefix = url.slice(0, end);
  let known = authorities.get(prefix);
  if (known === undefined) {
    let u: URL | null = null;
    try {
      u = new URL(prefix);
    } catch {
      // not a URL
    }
    known = u ? { origin: u.origin, host: u.hostname.toLowerCase() } : NO_AUTHORITY;
    if (authorities.size >= 1024) authorities.clear();
    authorities.set(prefix, known);
  }
  return known;
}

function wholeUrlAuthority(f: Facts): Authority {
  const u = f.url;
  return u ? { origin: u.origin, host: u.hostname.toLowerCase() } : NO_AUTHORITY;
}

function computeUrl(f: Facts): URL | null {
  try {
    return new URL(f.ex.url);
  } catch {
    return null;
  }
}

function computeToken(f: Facts): string | null {
  const auth = f.credentials.authorization;
  if (auth && (auth.kind === 'bearer' || auth.kind === 'dpop') && auth.token && !auth.problems.length) return auth.token;
  if (f.credentials.urlParams.includes('access_token')) {
    const v = f.url?.searchParams.get('access_token');
    if (v) return v;
  }
  return null;
}

function computeReferenceTime(f: Facts): Date | null {
  const date = f.responseHeader('date');
  // A cached response's Date is when it was first fetched, not now (DESIGN §4).
  if (date && !f.ex.fromCache) {
    const ms = parseHttpDate(date);
    if (Number.isFinite(ms)) return new Date(ms);
  }
  return Number.isFinite(f.ex.startedMs) ? new Date(f.ex.startedMs) : null;
}

function computeTokenReport(f: Facts): TokenReport | null {
  const t = f.token;
  if (!t) return null;
  const now = f.referenceTime;
  return inspectToken(t, { ...(now ? { now } : {}), clockToleranceSec: f.tolerance });
}

function computeCrossOrigin(f: Facts): boolean {
  const origin = f.requestHeader('origin');
  if (!origin || origin === 'null') return false;
  return origin.toLowerCase() !== f.origin.toLowerCase();
}

function computeIsTokenRequest(f: Facts): boolean {
  const body = f.ex.requestBody;
  if (f.ex.method !== 'POST' || !body) return false;
  if (body.params?.some((p) => p.name === 'grant_type')) return true;
  return /(?:^|&|[{,]\s*")grant_type(?:=|"\s*:)/.test((body.text ?? '').slice(0, 4096));
}
