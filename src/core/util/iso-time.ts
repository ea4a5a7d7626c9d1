/**
 * Milliseconds of a HAR time (ISO 8601, `Date.parse` rules), or NaN.
 *
 * A date-time without a zone (`2026-11-22T10:00:00`, written by some exporters although HAR 1.2
 * asks for one) is read as UTC. `Date.parse` reads it in the local time of whoever opens the file
 * (ECMA-262 §21.4.1.32), so one HAR would give different answers on different machines.
 */
export function parseHarTime(s: string): number {
  const last = s.charCodeAt(s.length - 1);
  // "…Z", the usual case (Chrome, Firefox, Safari write UTC), and anything not shaped
  // YYYY-MM-DD[T ]hh:mm…, go to Date.parse as they are.
  if (last === 0x5a || last === 0x7a || s.length < 16 || s.charCodeAt(4) !== 0x2d || (s.charCodeAt(10) !== 0x54 && s.charCodeAt(10) !== 0x20)) {
    return Date.parse(s);
  }
  for (let i = 11; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // A zone after the time: an offset or Z.
    if (c === 0x2b || c === 0x2d || c === 0x5a || c === 0x7a) return Date.parse(s);
  }
  return Date.parse(`${s}Z`);
}
