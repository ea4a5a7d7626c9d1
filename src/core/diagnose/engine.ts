/**
 * The diagnosis engine. One incremental session serves the live panel (an exchange at a time) and
 * whole HARs alike, so both give the same findings.
 */
import { FINDINGS } from '../knowledge/index.js';
import { normalizeEntry, parseHarText, readHar } from '../har/read-har.js';
import type { Exchange } from '../har/exchange.js';
import type { Problem } from '../problem.js';
import { Facts, type DiagnosisOptions } from './facts.js';
import type { Analysis, EntryResult, Finding, FindingCode, FindingSeverity } from './finding.js';
import { rulesFor, scopeOf, type FindingDraft, type Rule, type RuleContext, type RuleScope } from './rule.js';
import { RULES } from './rules/index.js';
import { Session } from './session.js';

export type { DiagnosisOptions };

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

export function createDiagnosis(opts: DiagnosisOptions = {}): Diagnosis {
  const session = new Session();
  // One context for every exchange: most find nothing, and the allocations showed in HAR analysis.
  const found = new Map<FindingCode, FindingDraft>();
  let facts: Facts | null = null;
  const context: RuleContext = { f: null as unknown as Facts, session, found };
  return {
    add(exchange) {
      const f = facts === null ? (facts = new Facts(exchange, opts)) : facts.reset(exchange);
      context.f = f;
      found.clear();
      const rules = BY_SCOPE[scopeOf(f.status, f.challengeLines.length > 0)];
      for (let i = 0; i < rules.length; i++) {
        const rule = rules[i]!;
        const draft = rule.check(context);
        if (draft) found.set(rule.code, draft);
      }
      session.record(f);
      // Most exchanges have nothing: one shared, frozen empty list for all of them.
      if (found.size === 0) return NO_FINDINGS;
      // Most likely cause first: errors, then warnings, then info; rule order within a rank. An
      // insertion as they come (a handful each): Array#sort allocated a work buffer every time.
      const findings: Finding[] = [];
      found.forEach((draft, code) => {
        const finding = toFinding(code, draft);
        let at = findings.length;
        while (at > 0 && RANK[findings[at - 1]!.severity] > RANK[finding.severity]) at--;
        findings.splice(at, 0, finding);
      });
      return findings;
    },
  };
}

function toFinding(code: FindingCode, draft: FindingDraft): Finding {
  const k = FINDINGS[code];
  return {
    code,
    severity: draft.severity,
    title: draft.title ?? k.title,
    detail: draft.detail ? `${draft.detail} ${k.explanation}` : k.explanation,
    evidence: draft.evidence,
    fix: { client: k.fix.client, server: k.fix.server },
    refs: k.refs.map((r) => r.label),
  };
}

/** Rules that read the response body: re-run when a body arrives later (live capture). */
const BODY_RULES = new Set<FindingCode>(['vendor-error', 'credential-echoed', 'account-enumeration', 'refresh-failed', 'insufficient-scope', 'dpop-nonce-required']);

/**
 * Live capture gets bodies after the fact (`getContent`): adds the body-based findings to those
 * already found, without replaying the session.
 */
export function reviewWithBody(exchange: Exchange, findings: readonly Finding[], opts: DiagnosisOptions = {}): Finding[] {
  const f = new Facts(exchange, opts);
  const found = new Map<FindingCode, FindingDraft>(findings.map((x) => [x.code, { severity: x.severity, evidence: x.evidence }]));
  const session = new Session();
  const added: Finding[] = [];
  for (const rule of RULES) {
    if (!BODY_RULES.has(rule.code) || found.has(rule.code)) continue;
    const draft = rule.check({ f, session, found });
    if (draft) {
      found.set(rule.code, draft);
      added.push(toFinding(rule.code, draft));
    }
  }
  return added.length ? [...findings, ...added].sort((a, b) => RANK[a.severity] - RANK[b.severity]) : [...findings];
}

const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** DESIGN §3.2: sanitized = no entry carries Authorization, Proxy-Authorization, Cookie or Set-Cookie. */
export function isSanitized(exchanges: readonly Exchange[]): boolean {
  for (const ex of exchanges) {
    if (ex.requestCookies.length || ex.responseCookies.length) return false;
    for (const h of ex.requestHeaders) if (CREDENTIAL_HEADERS.has(h.name.toLowerCase())) return false;
    for (const h of ex.responseHeaders) if (CREDENTIAL_HEADERS.has(h.name.toLowerCase())) return false;
  }
  return true;
}

export function analyzeExchanges(exchanges: readonly Exchange[], opts: DiagnosisOptions = {}): EntryResult[] {
  const diagnosis = createDiagnosis(opts);
  const results: EntryResult[] = [];
  for (const ex of exchanges) {
    const findings = diagnosis.add(ex);
    if (findings.length) results.push({ index: ex.index, method: ex.method, url: ex.url, status: ex.status, findings });
  }
  return results;
}

/** The HAR could not be read at all (not JSON, not a HAR): the reason and, where known, the position. */
export class HarReadError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => p.message).join('; '));
    this.name = 'HarReadError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** isSanitized on raw HAR entries, without normalizing them. */
function rawCarriesCredentials(entry: unknown): boolean {
  if (!isObj(entry)) return false;
  for (const part of [entry.request, entry.response]) {
    if (!isObj(part)) continue;
    if (Array.isArray(part.cookies) && part.cookies.length) return true;
    if (Array.isArray(part.headers)) {
      for (const h of part.headers) if (isObj(h) && typeof h.name === 'string' && CREDENTIAL_HEADERS.has(h.name.toLowerCase())) return true;
    } else if (isObj(part.headers)) {
      // A name → value map (the reader accepts it as headers, so the credentials in it count too).
      for (const name of Object.keys(part.headers)) if (CREDENTIAL_HEADERS.has(name.toLowerCase())) return true;
    }
  }
  return false;
}

/**
 * DESIGN §3.1. Throws HarReadError only when the input can't be read as a HAR. Entries are
 * normalized and judged one at a time and not kept: the parsed HAR is the only big object alive.
 */
export function analyzeHar(har: unknown, opts: { clockToleranceSec?: number } = {}): Analysis {
  let value = har;
  if (typeof har === 'string') {
    const parsed = parseHarText(har);
    if (parsed.problems.length) throw new HarReadError(parsed.problems);
    value = parsed.value;
  }
  if (!isObj(value) || !isObj(value.log) || (value.log.entries != null && !Array.isArray(value.log.entries))) {
    throw new HarReadError(readHar(value).problems);
  }
  const log = value.log;
  const entries: unknown[] = Array.isArray(log.entries) ? log.entries : [];
  const creator = isObj(log.creator) && typeof log.creator.name === 'string' ? log.creator.name : null;
  let sanitized = entries.length > 0;
  for (let i = 0; sanitized && i < entries.length; i++) if (rawCarriesCredentials(entries[i])) sanitized = false;
  const diagnosis = createDiagnosis({ clockToleranceSec: opts.clockToleranceSec ?? 60, sanitized });
  const results: EntryResult[] = [];
  for (let i = 0; i < entries.length; i++) {
    const ex = normalizeEntry(entries[i], i);
    const findings = diagnosis.add(ex);
    if (findings.length) results.push({ index: i, method: ex.method, url: ex.url, status: ex.status, findings });
  }
  return { entries: entries.length, source: { creator, sanitized }, results };
}
