import type { Problem } from '../problem.js';

/** One challenge (RFC 9110 §11.2). Exactly these keys: tests outside the project compare them. */
export interface Challenge {
  /** As sent (case kept); compare case-insensitively. */
  scheme: string;
  token68: string | null;
  /** Names lower-cased; values unquoted and unescaped (RFC 9110 §5.6.4). */
  params: Record<string, string>;
}

export interface ChallengeResult {
  challenges: Challenge[];
  problems: Problem[];
}

export type ChallengeField = 'WWW-Authenticate' | 'Proxy-Authenticate';

export interface ParseChallengesOptions {
  /** Salvage what real servers send beyond the grammar; each leniency is a warning. */
  lenient?: boolean;
  field?: ChallengeField;
}

/** Where things stand in the (joined) field value, for underlining in the UI. */
export interface Span {
  start: number;
  end: number;
}

export interface DetailedChallenge extends Challenge {
  span: Span;
  schemeSpan: Span;
  paramSpans: Record<string, Span>;
}

export interface DetailedChallengeResult {
  challenges: DetailedChallenge[];
  problems: Problem[];
  /** The value that offsets refer to: field lines joined with ", " (RFC 9110 §5.3). */
  value: string;
}
