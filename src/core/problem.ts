/**
 * Malformed input is a result, not an exception: every parser in core returns what it could read
 * plus a list of problems. Only programmer errors throw.
 */
export type ProblemSeverity = 'error' | 'warning';

export interface Problem {
  /** Stable, kebab-case code, e.g. `unterminated-quoted-string`. */
  code: string;
  severity: ProblemSeverity;
  /** Offset (UTF-16 code units) into the value that was parsed, when the problem has a position. */
  offset?: number;
  /** A sentence a person can act on. */
  message: string;
}

export function problem(
  code: string,
  severity: ProblemSeverity,
  message: string,
  offset?: number,
): Problem {
  return offset === undefined ? { code, severity, message } : { code, severity, offset, message };
}
