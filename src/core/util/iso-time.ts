/**
 * Milliseconds of a HAR time (ISO 8601, `Date.parse` rules), or NaN.
 *
 * "…Z", the usual case (Chrome, Firefox, Safari write UTC): entries follow each other by
 * milliseconds, so the minute of the last `YYYY-MM-DDThh:mm:ss.sssZ` is kept, and a later one in
 * the same minute is read from its seconds and milliseconds (Date.parse took ≈ 4 % of a HAR's
 * analysis). Only the part after the minute is looked at: the minute itself is compared whole
 * with one Date.parse accepted. Any other shape goes to Date.parse.
 *
 * (One function, written out: it runs for every entry, and V8 optimized each helper it called on
 * its own as well, on the threads that share the cores with the analysis.)
 */
export function parseHarTime(s: string): number {
  if (s.charCodeAt(s.length - 1) !== 0x5a) return parseOtherTime(s);
  let within = -1;
  if (s.length === 24 && s.charCodeAt(16) === 0x3a && s.charCodeAt(19) === 0x2e) {
    const s1 = s.charCodeAt(17) - 0x30;
    const s2 = s.charCodeAt(18) - 0x30;
    const m1 = s.charCodeAt(20) - 0x30;
    const m2 = s.charCodeAt(21) - 0x30;
    const m3 = s.charCodeAt(22) - 0x30;
    // Seconds 00–59 and three digits. (An unsigned shift turns a negative difference into a big
    // number: one test per digit.)
    if (s1 >>> 0 <= 5 && s2 >>> 0 <= 9 && m1 >>> 0 <= 9 && m2 >>> 0 <= 9 && m3 >>> 0 <= 9) within = (s1 * 10 + s2) * 1000 + m1 * 100 + m2 * 10 + m3;
  }
  if (within >= 0 && minutePrefix !== '' && s.startsWith(minutePrefix)) return minuteMs + within;
  const ms = Date.parse(s);
  if (within >= 0 && Number.isFinite(ms)) {
    minutePrefix = s.slice(0, UTC_SECONDS);
    minuteMs = ms - within;
  }
  return ms;
}
let minutePrefix = '';
let minuteMs = NaN;
/** Where the seconds of `YYYY-MM-DDThh:mm:ss.sssZ` start. */
const UTC_SECONDS = 17;

/**
 * A time not ending in "Z". A date-time without a zone (`2026-11-22T10:00:00`, written by some
 * exporters although HAR 1.2 asks for one) is read as UTC. `Date.parse` reads it in the local time
 * of whoever opens the file (ECMA-262 §21.4.1.32), so one HAR would give different answers on
 * different machines.
 */
function parseOtherTime(s: string): number {
  // "…z", and anything not shaped YYYY-MM-DD[T ]hh:mm…, go to Date.parse as they are.
  if (s.charCodeAt(s.length - 1) === 0x7a || s.length < 16 || s.charCodeAt(4) !== 0x2d || (s.charCodeAt(10) !== 0x54 && s.charCodeAt(10) !== 0x20)) {
    return Date.parse(s);
  }
  for (let i = 11; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A zone after the time: an offset or Z.
    if (c === 0x2b || c === 0x2d || c === 0x5a || c === 0x7a) return Date.parse(s);
  }
  return Date.parse(`${s}Z`);
}
