import { problem, type Problem } from '../problem.js';
import type { TimeClaim, TokenRelativeTimes, TokenTimes } from './types.js';

export const TIME_CLAIMS: readonly TimeClaim[] = ['exp', 'nbf', 'iat', 'auth_time'];

/** ECMAScript Date range: ±8.64e15 ms (ECMA-262 §21.4.1.22). */
const MAX_DATE_MS = 8.64e15;
/** Seconds from 1970 past which a NumericDate is almost surely milliseconds (year 5138). */
const LIKELY_MILLISECONDS = 1e11;

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * A duration for people: "45 s", "12 min", "3 h 5 min", "2 d 4 h", "1 y 30 d". Units are truncated,
 * never rounded up, so "expired 59 s ago" never claims a full minute. The sign is ignored.
 */
export function formatRelative(ms: number): string {
  if (!Number.isFinite(ms)) return 'forever';
  const a = Math.abs(ms);
  if (a < MINUTE) return `${Math.floor(a / SECOND)} s`;
  if (a < HOUR) return `${Math.floor(a / MINUTE)} min`;
  if (a < DAY) return two(Math.floor(a / HOUR), 'h', Math.floor((a % HOUR) / MINUTE), 'min');
  if (a < YEAR) return two(Math.floor(a / DAY), 'd', Math.floor((a % DAY) / HOUR), 'h');
  return two(Math.floor(a / YEAR), 'y', Math.floor((a % YEAR) / DAY), 'd');
}

function two(big: number, bigUnit: string, small: number, smallUnit: string): string {
  return small === 0 ? `${big} ${bigUnit}` : `${big} ${bigUnit} ${small} ${smallUnit}`;
}

/** A NumericDate (RFC 7519 §2: seconds since the epoch, a JSON number, may be fractional) in ms. */
export interface ParsedTime {
  ms: number | null;
  problems: Problem[];
}

/** Reads one time claim; absent → `{ms: null}` with no problem. */
export function parseNumericDate(claim: TimeClaim, value: unknown): ParsedTime {
  if (value === undefined) return { ms: null, problems: [] };
  if (typeof value !== 'number') {
    const shown = typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
    // RFC 7519 §2 NumericDate is a JSON number; many validators reject a string here.
    return {
      ms: null,
      problems: [problem(`${claimCode(claim)}-not-numeric`, 'error', `"${claim}" must be a NumericDate (a JSON number of seconds), got ${shown}.`)],
    };
  }
  const ms = value * 1000;
  if (!Number.isFinite(value) || Math.abs(ms) > MAX_DATE_MS) {
    return { ms: null, problems: [problem(`${claimCode(claim)}-out-of-range`, 'error', `"${claim}" ${value} is outside the range of representable dates.`)] };
  }
  const problems: Problem[] = [];
  if (value > LIKELY_MILLISECONDS) {
    problems.push(
      problem(
        `${claimCode(claim)}-in-milliseconds`,
        'warning',
        `"${claim}" ${value} looks like milliseconds; NumericDate is in seconds (RFC 7519 §2), so it means ${new Date(ms).toISOString()}.`,
      ),
    );
  }
  return { ms, problems };
}

function claimCode(claim: TimeClaim): string {
  return claim === 'auth_time' ? 'auth-time' : claim;
}

export interface TimeJudgement {
  times: TokenTimes;
  relative: TokenRelativeTimes;
  expired: boolean | null;
  notYetValid: boolean | null;
  notYetValidBy: 'nbf' | 'iat' | null;
  problems: Problem[];
}

/**
 * Reads exp/nbf/iat/auth_time and judges them against `nowMs` (null = nothing to judge against).
 * A time counts only when it is strictly beyond the tolerance (DESIGN §3.1): with a 60 s tolerance,
 * exp 60 s before `now` is still valid and 61 s before is expired.
 */
export function judgeTimes(
  claims: Record<string, unknown> | null,
  nowMs: number | null,
  toleranceSec: number,
  reference: 'request' | 'now',
): TimeJudgement {
  const times: TokenTimes = { exp: null, nbf: null, iat: null, auth_time: null };
  const relative: TokenRelativeTimes = { exp: null, nbf: null, iat: null, auth_time: null };
  const ms: Record<TimeClaim, number | null> = { exp: null, nbf: null, iat: null, auth_time: null };
  const problems: Problem[] = [];
  if (claims) {
    for (let i = 0; i < TIME_CLAIMS.length; i++) {
      const claim = TIME_CLAIMS[i]!;
      const value = claims[claim];
      if (value === undefined) continue;
      const parsed = parseNumericDate(claim, value);
      if (parsed.problems.length) problems.push(...parsed.problems);
      ms[claim] = parsed.ms;
      if (parsed.ms !== null) times[claim] = new Date(parsed.ms).toISOString();
    }
  }
  const tol = Math.max(0, toleranceSec) * 1000;

  // Internal consistency needs no reference time.
  if (ms.exp !== null && ms.nbf !== null && ms.exp <= ms.nbf) {
    problems.push(problem('exp-not-after-nbf', 'warning', `"exp" (${times.exp}) is not after "nbf" (${times.nbf}): the token is never valid.`));
  }
  if (ms.exp !== null && ms.iat !== null && ms.exp <= ms.iat) {
    problems.push(problem('exp-not-after-iat', 'warning', `"exp" (${times.exp}) is not after "iat" (${times.iat}): the token expired when it was issued.`));
  }

  let expired: boolean | null = null;
  let notYetValid: boolean | null = null;
  let notYetValidBy: 'nbf' | 'iat' | null = null;
  if (nowMs !== null) {
    const phrase = reference === 'now' ? ago : beforeAfterRequest;
    if (ms.exp !== null) {
      const d = nowMs - ms.exp; // > 0: exp is in the past
      expired = d > tol;
      relative.exp =
        d > 0
          ? `expired ${phrase(d)}${expired ? '' : withinTolerance(toleranceSec)}`
          : d === 0
            ? `expires at ${reference === 'now' ? 'this moment' : 'the time of the request'}`
            : `valid for another ${formatRelative(d)}`;
    }
    if (ms.nbf !== null) {
      const d = ms.nbf - nowMs; // > 0: nbf is in the future
      const early = d > tol;
      notYetValid = early;
      if (early) notYetValidBy = 'nbf';
      const until = reference === 'now' ? `not valid for another ${formatRelative(d)}` : `not valid until ${phrase(-d)}`;
      relative.nbf = d > 0 ? `${until}${early ? '' : withinTolerance(toleranceSec)}` : `valid from ${phrase(-d)}`;
    }
    if (ms.iat !== null) {
      const d = ms.iat - nowMs;
      const early = d > tol;
      // iat in the future is what a client with a slow clock sees (DuendeArchive/IdentityServer4#1298).
      if (ms.nbf === null) notYetValid = early;
      if (early && notYetValidBy === null) {
        notYetValid = true;
        notYetValidBy = 'iat';
      }
      relative.iat = `issued ${phrase(-d)}${d > 0 && !early ? withinTolerance(toleranceSec) : ''}`;
    }
    if (ms.auth_time !== null) relative.auth_time = `authenticated ${phrase(nowMs - ms.auth_time)}`;
  }
  return { times, relative, expired, notYetValid, notYetValidBy, problems };
}

function withinTolerance(sec: number): string {
  return ` (within the ${sec} s clock tolerance)`;
}

/** `d` > 0: that long before the reference; < 0: after it. */
function beforeAfterRequest(d: number): string {
  if (d === 0) return 'at the time of the request';
  return `${formatRelative(d)} ${d > 0 ? 'before' : 'after'} the request`;
}

function ago(d: number): string {
  if (d === 0) return 'just now';
  return d > 0 ? `${formatRelative(d)} ago` : `${formatRelative(d)} from now`;
}
