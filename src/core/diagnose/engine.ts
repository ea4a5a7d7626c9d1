/**
 * The diagnosis engine's public face (DESIGN §3.1): findings worded with the knowledge base, for
 * whole HARs (analyzeHar, the CLI) and one exchange at a time (createDiagnosis).
 */
import { FINDINGS } from '../knowledge/findings.js';
import { normalizeEntry, parseHarText, readHar } from '../har/read-har.js';
import type { Exchange } from '../har/exchange.js';
import type { Problem } from '../problem.js';
import { diagnosisWith, reviewWithBodyWith, type Diagnosis } from './diagnosis.js';
import type { DiagnosisOptions } from './facts.js';
import type { Analysis, EntryResult, Finding, FindingCode } from './finding.js';
import type { FindingDraft } from './rule.js';

export type { Diagnosis, DiagnosisOptions };

/** A finding with the knowledge base's explanation, fixes and references (DESIGN §3.1). */
export function describeFinding(code: FindingCode, draft: FindingDraft): Finding {
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

export function createDiagnosis(opts: DiagnosisOptions = {}): Diagnosis {
  return diagnosisWith(describeFinding, opts);
}

/**
 * Live capture gets bodies after the fact (`getContent`): adds the body-based findings to those
 * already found, without replaying the session.
 */
export function reviewWithBody(exchange: Exchange, findings: readonly Finding[], opts: DiagnosisOptions = {}): Finding[] {
  return reviewWithBodyWith(describeFinding, exchange, findings, opts);
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
