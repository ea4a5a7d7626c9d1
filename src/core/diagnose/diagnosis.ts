/**
 * The diagnosis machinery. One incremental session serves the live panel (an exchange at a time)
 * and whole HARs alike, so both give the same findings; how a finding is worded is passed in
 * (engine.ts: with the knowledge base's texts).
 */
import type { Exchange } from '../har/exchange.js';
import { Facts, type DiagnosisOptions } from './facts.js';
import type { Finding, FindingCode, FindingSeverity } from './finding.js';
import { rulesFor, scopeOf, type FindingDraft, type Rule, type RuleContext, type RuleScope } from './rule.js';
import { RULES } from './rules/index.js';
import { Session } from './session.js';

const RANK: Record<FindingSeverity, number> = { error: 0, warning: 1, info: 2 };

const NO_FINDINGS = Object.freeze([]) as unknown as Finding[];

const BY_SCOPE: Record<RuleScope, Rule[]> = {
  failure: rulesFor(RULES, 'failure'),
  challenged: rulesFor(RULES, 'challenged'),
  any: rulesFor(RULES, 'any'),
};

export interface Diagnosis {
  /** Findings for this exchange, judged against the exchanges added before it. */
  add(exchange: Exchange): Finding[];
}

/**
 * Turns a rule's draft into a Finding. The full one (describe.ts) adds the knowledge base's
 * explanation, fixes and references; the panel's brief one only the title, and the panel adds the
 * rest when a finding is opened (the texts are most of the knowledge base's size).
 */
export type Describe = (code: FindingCode, draft: FindingDraft) => Finding;

export function diagnosisWith(describe: Describe, opts: DiagnosisOptions = {}): Diagnosis {
  const session = new Session();
  // One context for every exchange: most find nothing, and the allocations showed in HAR analysis.
  const found = new Map<FindingCode, FindingDraft>();
  let facts: Facts | null = null;
  const context: RuleContext = { f: null as unknown as Facts, session, found };
  return {
    add(exchange) {
      const f = facts === null ? (facts = new Facts(exchange, opts)) : facts.reset(exchange);
      context.f = f;
      // (Only when something was found: clearing a Map allocates a new table, for every exchange.)
      if (found.size > 0) found.clear();
      const rules = BY_SCOPE[scopeOf(f.status, f.challengeLines.length > 0)];
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const draft = rule.check(context);
        if (draft) found.set(rule.code, draft);
      }
      session.record(f);
      // Most exchanges have nothing: one shared, frozen empty list for all of them.
      return found.size === 0 ? NO_FINDINGS : ranked(found, describe);
    },
  };
}

/**
 * The findings, most likely cause first: errors, then warnings, then info; rule order within a
 * rank. An insertion as they come (a handful each): Array#sort allocated a work buffer every time.
 * (A function of its own: `add` runs for every exchange, and V8 optimized it with this inlined.)
 */
function ranked(found: Map<FindingCode, FindingDraft>, describe: Describe): Finding[] {
  const findings: Finding[] = [];
  found.forEach((draft, code) => {
    const finding = describe(code, draft);
    let at = findings.length;
    while (at > 0 && RANK[findings[at - 1]!.severity] > RANK[finding.severity]) at--;
    findings.splice(at, 0, finding);
  });
  return findings;
}

/** Rules that read the response body: re-run when a body arrives later (live capture). */
const BODY_RULES = new Set<FindingCode>(['vendor-error', 'credential-echoed', 'account-enumeration', 'refresh-failed', 'insufficient-scope', 'dpop-nonce-required']);

/**
 * Live capture gets bodies after the fact (`getContent`): adds the body-based findings to those
 * already found, without replaying the session.
 */
export function reviewWithBodyWith(describe: Describe, exchange: Exchange, findings: readonly Finding[], opts: DiagnosisOptions = {}): Finding[] {
  const f = new Facts(exchange, opts);
  const found = new Map<FindingCode, FindingDraft>(findings.map((x) => [x.code, { severity: x.severity, evidence: x.evidence }]));
  const session = new Session();
  const added: Finding[] = [];
  for (const rule of RULES) {
    if (!BODY_RULES.has(rule.code) || found.has(rule.code)) continue;
    const draft = rule.check({ f, session, found });
    if (draft) {
      found.set(rule.code, draft);
      added.push(describe(rule.code, draft));
    }
  }
  return added.length ? [...findings, ...added].sort((a, b) => RANK[a.severity] - RANK[b.severity]) : [...findings];
}

