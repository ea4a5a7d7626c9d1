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

/**
 * Which exchanges a rule can find anything in. The engine doesn't call a rule outside its scope:
 * most exchanges of a HAR are healthy, and asking every rule about each of them showed in
 * analysis time. test/unit/rule-scope.test.ts holds every rule to its scope.
 * - `failure`: responses of 400 and up, or no response (status 0, or no valid status);
 * - `challenged`: those, and any response that carries a challenge (WWW-Authenticate);
 * - `any` (the default): every exchange.
 */
export type RuleScope = 'failure' | 'challenged' | 'any';

export interface Rule {
  code: FindingCode;
  scope?: RuleScope;
  check(ctx: RuleContext): FindingDraft | null;
}

/** The scope an exchange is in: only `any` rules apply to a healthy response without a challenge. */
export function scopeOf(status: number, challenged: boolean): RuleScope {
  if (status < 100 || status >= 400) return 'failure';
  return challenged ? 'challenged' : 'any';
}

/** The rules that apply to exchanges of a scope, in their order. */
export function rulesFor(rules: readonly Rule[], scope: RuleScope): Rule[] {
  if (scope === 'failure') return [...rules];
  return rules.filter((r) => (r.scope ?? 'any') === 'any' || (scope === 'challenged' && r.scope === 'challenged'));
}

/** "At most a warning" on 2xx/3xx (DESIGN §4). */
export function failureSeverity(status: number, onFailure: FindingSeverity = 'error'): FindingSeverity {
  return status >= 400 || status === 0 ? onFailure : onFailure === 'error' ? 'warning' : onFailure;
}

/** Whether any rule that ran earlier for this exchange found an error. */
export function hasAnyError(found: Map<FindingCode, FindingDraft>): boolean {
  let any = false;
  // (forEach: no iterator allocated per step before V8 optimizes the caller.)
  found.forEach((d) => {
    if (d.severity === 'error') any = true;
  });
  return any;
}

export function hasErrorFrom(found: Map<FindingCode, FindingDraft>, codes: FindingCode[]): boolean {
  return codes.some((c) => found.get(c)?.severity === 'error');
}
