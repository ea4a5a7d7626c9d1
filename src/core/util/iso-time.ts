/**
 * Milliseconds of a HAR time (ISO 8601, `Date.parse` rules), or NaN.
 *
 * A date-time without a zone (`2026-11-22T10:00:00`, written by some exporters although HAR 1.2
 * asks for one) is read as UTC. `Date.parse` reads it in the local time of whoever opens the file
 * (ECMA-262 §21.4.1.32), so one HAR would give different answers on different machines.
 */
export function parseHarTime(s: string): number {
  const last = s.charCodeAt(s.length - 1);
  if (last === 0x5a) return parseUtcTime(s);
  // "…z", and anything not shaped YYYY-MM-DD[T ]hh:mm…, go to Date.parse as they are.
  if (last === 0x7a || s.length < 16 || s.charCodeAt(4) !== 0x2d || (s.charCodeAt(10) !== 0x54 && s.charCodeAt(10) !== 0x20)) {
    return Date.parse(s);
  }
  for (let i = 11; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A zone after the time: an offset or Z.
    if (c === 0x2b || c === 0x2d || c === 0x5a || c === 0x7a) return Date.parse(s);
  }
  return Date.parse(`${s}Z`);
}

/**
 * "…Z", the usual case (Chrome, Firefox, Safari write UTC). Entries follow each other by
 * milliseconds, so the minute of the last `YYYY-MM-DDThh:mm:ss.sssZ` is kept and a later one in
 * the same minute is read from its seconds and milliseconds (Date.parse took ≈ 4 % of a HAR's
 * analysis). Any other shape goes to Date.parse.
 */
let minutePrefix = '';
let minuteMs = NaN;
function parseUtcTime(s: string): number {
  const within = msWithinMinute(s);
  if (within >= 0 && minutePrefix !== '' && s.startsWith(minutePrefix)) return minuteMs + within;
  const ms = Date.parse(s);
  if (within >= 0 && Number.isFinite(ms)) {
    minutePrefix = s.slice(0, UTC_SECONDS);
    minuteMs = ms - within;
  }
  return ms;
}
/** Where the seconds of `YYYY-MM-DDThh:mm:ss.sssZ` start. */
const UTC_SECONDS = 17;
/**
 * Milliseconds after the minute of a value shaped exactly `YYYY-MM-DDThh:mm:ss.sssZ` (seconds
 * 00–59), or -1. Only the part after the minute is looked at: the minute itself is compared
 * whole with one Date.parse accepted.
 */
function msWithinMinute(s: string): number {
  if (s.length !== 24 || s.charCodeAt(16) !== 0x3a || s.charCodeAt(19) !== 0x2e) return -1;
  const s1 = s.charCodeAt(17) - 0x30;
  const s2 = s.charCodeAt(18) - 0x30;
  const m1 = s.charCodeAt(20) - 0x30;
  const m2 = s.charCodeAt(21) - 0x30;
  const m3 = s.charCodeAt(22) - 0x30;
  // (An unsigned shift turns a negative difference into a big number: one test per digit.)
  if (s1 >>> 0 > 5 || s2 >>> 0 > 9 || m1 >>> 0 > 9 || m2 >>> 0 > 9 || m3 >>> 0 > 9) return -1;
  return (s1 * 10 + s2) * 1000 + m1 * 100 + m2 * 10 + m3;
}

/** 0000-01-01T00:00:00.000Z and 10000-01-01T00:00:00.000Z: the years written with four digits. */
const FOUR_DIGIT_YEARS_FROM = -62167219200000;
const FOUR_DIGIT_YEARS_TO = 253402300800000;
const DAY_MS = 86400000;

/**
 * `new Date(ms).toISOString()` (ECMA-262 §21.4.4.36, the Date Time String Format), written out
 * directly for years 0000–9999: V8's own took ≈ 0.55 µs a call, and a token report writes up to
 * five of them. Other times (expanded years, NaN) go to toISOString, and so does what it throws.
 */
export function isoTime(ms: number): string {
  if (!(ms >= FOUR_DIGIT_YEARS_FROM && ms < FOUR_DIGIT_YEARS_TO)) return new Date(ms).toISOString();
  // A time value is truncated to an integer (TimeClip, §21.4.1.31).
  const t = Math.trunc(ms);
  const days = Math.floor(t / DAY_MS);
  let rest = t - days * DAY_MS;
  // The proleptic Gregorian civil date of a day number, by 400-year eras starting on 1 March
  // (the algorithm of H. Hinnant's "chrono-Compatible Low-Level Date Algorithms", civil_from_days).
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const m5 = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * m5 + 2) / 5) + 1;
  const month = m5 < 10 ? m5 + 3 : m5 - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  const hours = Math.floor(rest / 3600000);
  rest -= hours * 3600000;
  const minutes = Math.floor(rest / 60000);
  rest -= minutes * 60000;
  const seconds = Math.floor(rest / 1000);
  const millis = rest - seconds * 1000;
  const y = year < 10 ? '000' : year < 100 ? '00' : year < 1000 ? '0' : '';
  return `${y}${year}-${two(month)}-${two(day)}T${two(hours)}:${two(minutes)}:${two(seconds)}.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}Z`;
}

const two = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
