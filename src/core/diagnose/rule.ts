import type { FindingCode, FindingSeverity } from './finding.js';
import type { Facts } from './facts.js';
import type { Session } from './session.js';

/** What a rule reports; the engine adds the knowledge (title, explanation, fix, refs). */
export interface FindingDraft {
  severity: FindingSeverity;
  /** Instance-specific one-liner, e.g. "Token expired 12 min before the request". */
  title?: string;
  /** Instance-specific detail, shown before the general explanation. */
  detail?: string;
  evidence: Record<string, unknown>;
}

export interface RuleContext {
  f: Facts;
  session: Session;
  /** Drafts of rules that ran earlier for this exchange (more specific causes run first). */
  found: Map<FindingCode, FindingDraft>;
}

export interface Rule {
  code: FindingCode;
  check(ctx: RuleContext): FindingDraft | null;
}

/** "At most a warning" on 2xx/3xx (DESIGN §4). */
export function failureSeverity(status: number, onFailure: FindingSeverity = 'error'): FindingSeverity {
  return status >= 400 || status === 0 ? onFailure : onFailure === 'error' ? 'warning' : onFailure;
}

export function hasErrorFrom(found: Map<FindingCode, FindingDraft>, codes: FindingCode[]): boolean {
  return codes.some((c) => found.get(c)?.severity === 'error');
}
