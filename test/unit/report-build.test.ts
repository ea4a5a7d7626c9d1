/**
 * buildReport: a ticket-ready triage report (issue 7 item 4). URLs and evidence come from the HAR and
 * must arrive redacted; Markdown must not let HAR text inject links, images or HTML.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/diagnose/finding.js';
import { analyzeHar } from '../../src/core/index.js';
import { FINDINGS } from '../../src/core/knowledge/index.js';
import { buildReport, reportData, type ReportJson } from '../../src/core/redact/index.js';
import { entry, har, makeJwt } from './helpers/redact-check.js';

const jwt = makeJwt({ sub: 'u1', exp: 1_700_000_000 }, 'THE_SIGNATURE_THAT_MUST_GO_0123456789');
const input = har([
  entry({ url: 'https://api.example.com/orders?api_key=querysecret99', headers: [{ name: 'Authorization', value: `Bearer ${jwt}` }] }, { status: 401 }),
  entry({ url: 'https://api.example.com/ok' }),
  entry({ method: 'POST', url: 'https://api.example.com/admin' }, { status: 403 }),
]);

const analysis: Analysis = {
  entries: 3,
  source: { creator: 'WebInspector', sanitized: false },
  results: [
    {
      index: 0, method: 'GET', url: 'https://api.example.com/orders?api_key=querysecret99', status: 401,
      findings: [
        {
          code: 'token-expired', severity: 'error', title: 'The access token expired', detail: 'exp is 12 min before the request.',
          evidence: { authorization: `Bearer ${jwt}`, exp: '2023-11-14T22:13:20.000Z', note: 'client sent refresh_token=rtsecret12345' },
          fix: { client: 'Refresh the token before it expires.', server: 'Nothing to change.' }, refs: ['RFC 6750 §3.1'],
        },
        {
          code: 'token-in-url', severity: 'warning', title: 'Credential in the URL', detail: 'api_key is in the query string.',
          evidence: { url: 'https://api.example.com/orders?api_key=querysecret99' }, fix: { client: 'Send it in a header.', server: '' }, refs: [],
        },
      ],
    },
    {
      index: 2, method: 'POST', url: 'https://api.example.com/admin', status: 403,
      findings: [
        {
          code: 'insufficient-scope', severity: 'error', title: 'Missing scope ![x](https://evil.example/?leak) <img src=x>', detail: 'Needs `admin`.',
          evidence: { required: ['admin'], granted: ['read'] }, fix: { client: 'Request scope admin.', server: '' }, refs: ['RFC 6750 §3.1'],
        },
      ],
    },
  ],
};

describe('buildReport', () => {
  it('JSON: summary counts by code and severity, redacted URLs and evidence', () => {
    const text = buildReport(analysis, input, { format: 'json' });
    const d = JSON.parse(text) as ReportJson;
    expect(d.summary).toEqual({
      entries: 3, creator: 'WebInspector', sanitized: false, requestsWithFindings: 2,
      bySeverity: { error: 2, warning: 1, info: 0 },
      byCode: { 'insufficient-scope': 1, 'token-expired': 1, 'token-in-url': 1 },
    });
    expect(d.requests.map((r) => [r.index, r.method, r.status])).toEqual([[0, 'GET', 401], [2, 'POST', 403]]);
    expect(d.requests[0]!.startedDateTime).toBe('2025-03-01T10:00:00.000Z');
    expect(d.requests[0]!.url).toMatch(/api_key=REDACTED-query-len13-[0-9a-f]{6}$/);
    expect(text).not.toMatch(/querysecret99|THE_SIGNATURE_THAT_MUST_GO|rtsecret12345/);
    // The claims stay readable: the report must still explain the expiry.
    expect(String(d.requests[0]!.findings[0]!.evidence.authorization)).toContain(jwt.split('.').slice(0, 2).join('.'));
    expect(d.requests[0]!.findings[0]!.fix).toEqual({ client: 'Refresh the token before it expires.', server: 'Nothing to change.' });
  });

  it('Markdown: summary, then each request with method, redacted URL, status, findings, evidence and fix', () => {
    const md = buildReport(analysis, input, { format: 'md' });
    expect(md).toMatch(/^# AuthLens triage report\n/);
    expect(md).toContain('- Entries in HAR: 3');
    expect(md).toContain('- Exported by: `WebInspector`');
    expect(md).toContain('| `token-expired` | The token had expired | 1 |');
    expect(md).toMatch(/## #0 GET 401\n\n`https:\/\/api\.example\.com\/orders\?api_key=REDACTED-query-len13-[0-9a-f]{6}`/);
    expect(md).toContain('### ERROR `token-expired`: The access token expired');
    expect(md).toContain('- **Fix (client):** Refresh the token before it expires.');
    expect(md).toContain('```json\n{\n  "authorization"');
    expect(md).not.toMatch(/querysecret99|THE_SIGNATURE_THAT_MUST_GO|rtsecret12345/);
    expect(md.indexOf('## #0')).toBeLessThan(md.indexOf('## #2'));
  });

  it('Markdown escapes HAR-controlled text: no live image, link or HTML', () => {
    const md = buildReport(analysis, input, { format: 'md' });
    expect(md).not.toContain('![x](https://evil');
    expect(md).not.toMatch(/(?<!\\)<img/);
    expect(md).toContain('\\<img');
    expect(md).toContain('!\\[x\\](https://evil');
  });

  it.each([
    // Line-start constructs (CommonMark §4.2 ATX headings, §5.2 list items, §5.1 block quotes).
    { text: '# heading', escaped: '\\# heading' },
    { text: '- item', escaped: '\\- item' },
    { text: '+ item', escaped: '\\+ item' },
    { text: '1. item', escaped: '1\\. item' },
    { text: '12) item', escaped: '12\\) item' },
    { text: '> quote', escaped: '\\> quote' },
    // Inline constructs (§6): emphasis, code, links and images, raw HTML, entities; GFM strikethrough and tables.
    { text: 'a *b* _c_ `d`', escaped: 'a \\*b\\* \\_c\\_ \\`d\\`' },
    { text: '![x](https://evil/?leak)', escaped: '!\\[x\\](https://evil/?leak)' },
    { text: '<img src=x onerror=alert(1)> &lt;', escaped: '\\<img src=x onerror=alert(1)\\> \\&lt;' },
    { text: '~~gone~~ a|b', escaped: '\\~\\~gone\\~\\~ a\\|b' },
    // Prose and dates stay readable.
    { text: 'exp is 2026-11-22T16:07:21.000Z; expired 12 min before the request.', escaped: 'exp is 2026-11-22T16:07:21.000Z; expired 12 min before the request.' },
  ])('Markdown: a title $text is written as $escaped', ({ text, escaped }) => {
    const a: Analysis = { ...analysis, results: [{ ...analysis.results[0]!, findings: [{ ...analysis.results[0]!.findings[0]!, title: text }] }] };
    expect(buildReport(a, input, { format: 'md' })).toContain(`: ${escaped}\n`);
  });

  it('says when the HAR looks sanitized and when nothing was found', () => {
    const md = buildReport({ entries: 5, source: { creator: null, sanitized: true }, results: [] }, har([]), { format: 'md' });
    expect(md).toContain('**none**');
    expect(md).toContain('No authentication problems found.');
    expect(md).toContain('Exported by: unknown');
  });

  it('strict level also removes personal data from evidence', () => {
    const a: Analysis = { ...analysis, results: [{ ...analysis.results[1]!, findings: [{ ...analysis.results[1]!.findings[0]!, evidence: { email: 'jane@example.com' } }] }] };
    expect(JSON.stringify(reportData(a, input).requests[0]!.findings[0]!.evidence)).toContain('jane@example.com');
    expect(JSON.stringify(reportData(a, input, { level: 'strict' }).requests[0]!.findings[0]!.evidence)).not.toContain('jane@example.com');
  });

  it('the explanations and fixes of the knowledge base arrive as written; what a rule added from the HAR is redacted', () => {
    // Real analyses: their titles, explanations and fixes name schemes and options ("NTLM handshake",
    // `credentials: "include"`, `error="invalid_token": The…`), which read like secrets to a scan.
    const files = ['negotiate-handshake', 'no-credentials', 'invalid-token'];
    for (const file of files) {
      const h = JSON.parse(readFileSync(`test/fixtures/findings/${file}.har`, 'utf8')) as unknown;
      const a = analyzeHar(h);
      const report = reportData(a, h);
      const findings = a.results.flatMap((x) => x.findings);
      const reported = report.requests.flatMap((x) => x.findings);
      expect(reported.length, file).toBe(findings.length);
      reported.forEach((f, i) => {
        const k = FINDINGS[f.code];
        if (findings[i]!.title === k.title) expect(f.title).toBe(k.title);
        expect(f.detail.endsWith(k.explanation), `${file} ${f.code}: ${f.detail}`).toBe(true);
        expect(f.fix).toEqual(k.fix);
      });
    }
    const a: Analysis = { ...analysis, results: [{ ...analysis.results[1]!, findings: [{ ...analysis.results[1]!.findings[0]!, code: 'invalid-token', detail: `Sent refresh_token=rtsecret12345. ${FINDINGS['invalid-token'].explanation}` }] }] };
    const detail = reportData(a, input).requests[0]!.findings[0]!.detail;
    expect(detail).not.toContain('rtsecret12345');
    expect(detail.endsWith(FINDINGS['invalid-token'].explanation)).toBe(true);
  });

  // Evidence the rules work out (problem and vendor codes, the challenge, the token's environment
  // and acr) reads like secrets to a scan of names ("code", "token…"); it must arrive as found.
  it.each([
    { file: 'malformed-authorization', code: 'malformed-authorization', key: 'problems' },
    { file: 'malformed-challenge', code: 'malformed-challenge', key: 'problems' },
    { file: 'credentials-rejected', code: 'credentials-rejected', key: 'challenge' },
    { file: 'missing-challenge', code: 'proxy-auth-required', key: 'proxy-authenticate' },
    { file: 'environment-mismatch', code: 'environment-mismatch', key: 'tokenEnvironment' },
    { file: 'step-up-required', code: 'step-up-required', key: 'tokenAcr' },
    { file: 'refresh-failed', code: 'vendor-error', key: 'matches' },
  ])('$file: $code evidence "$key" arrives unchanged', ({ file, code, key }) => {
    const h = JSON.parse(readFileSync(`test/fixtures/findings/${file}.har`, 'utf8')) as unknown;
    const a = analyzeHar(h);
    const found = a.results.flatMap((x) => x.findings).filter((f) => f.code === code && f.evidence[key] != null);
    expect(found.length, `${file} has a ${code} finding with ${key}`).toBeGreaterThan(0);
    const reported = reportData(a, h).requests.flatMap((x) => x.findings).filter((f) => f.code === code && f.evidence[key] != null);
    expect(reported.map((f) => f.evidence[key])).toEqual(found.map((f) => f.evidence[key]));
  });

  it('evidence copied from the HAR is still redacted: body excerpts and error descriptions', () => {
    const echoed: Analysis = {
      ...analysis,
      results: [{ ...analysis.results[1]!, findings: [{ ...analysis.results[1]!.findings[0]!, code: 'vendor-error', evidence: { matches: [{ vendor: 'X', code: 'InvalidAuthenticationToken', excerpt: '{"refresh_token":"rtsecret12345"}' }], error_description: `Bearer ${jwt} is revoked`, body: 'password=hunter2secret' } }] }],
    };
    const e = reportData(echoed, input).requests[0]!.findings[0]!.evidence;
    const text = JSON.stringify(e);
    for (const secret of ['rtsecret12345', 'THE_SIGNATURE_THAT_MUST_GO', 'hunter2secret']) expect(text).not.toContain(secret);
    expect((e.matches as { code: string }[])[0]!.code).toBe('InvalidAuthenticationToken');
  });

  it('a URL with backticks cannot break out of its code span', () => {
    const a: Analysis = { ...analysis, results: [{ ...analysis.results[1]!, url: 'https://x/`](https://evil)`' }] };
    const md = buildReport(a, input, { format: 'md' });
    expect(md).toContain('## #2 POST 403\n\n`` https://x/`](https://evil)` ``');
  });
});
