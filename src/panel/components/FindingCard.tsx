import type { Finding } from '../../core/diagnose/index.js';
import { completeFinding } from '../../core/knowledge/complete-finding.js';
import { FINDINGS } from '../../core/knowledge/findings.js';

/**
 * An evidence value for people: text as it is, a list of texts or numbers one per line ("none" when
 * empty) rather than JSON with its quotes escaped, anything else as JSON.
 */
function Value({ v }: { v: unknown }) {
  if (v === null || v === undefined) return <>—</>;
  if (typeof v === 'string') return <>{v}</>;
  if (Array.isArray(v) && v.every((x) => typeof x === 'string' || typeof x === 'number')) {
    if (v.length === 0) return <span class="none">none</span>;
    return (
      <ul class="values">
        {v.map((x, i) => (
          <li key={i}>{String(x)}</li>
        ))}
      </ul>
    );
  }
  return <>{JSON.stringify(v)}</>;
}

/** The fix as text for a ticket or a commit message: title, both sides of the fix, references. */
export function fixText(brief: Finding): string {
  const finding = completeFinding(brief);
  const refs = (FINDINGS[finding.code]?.refs ?? []).map((r) => `- ${r.label}: ${r.url}`);
  return [`${finding.title} (${finding.code})`, `Calling the API: ${finding.fix.client}`, `Building the API: ${finding.fix.server}`, ...refs].join('\n');
}

/** One finding: the only elements in the panel that carry data-code (DESIGN §3.3). */
export function FindingCard({ finding: brief, openUrl, copy }: { finding: Finding; openUrl: (url: string) => void; copy: (text: string) => void }) {
  const finding = completeFinding(brief);
  const refs = FINDINGS[finding.code]?.refs ?? [];
  const evidence = Object.entries(finding.evidence).filter(([, v]) => v !== undefined);
  return (
    <article class={`card sev-${finding.severity}`} data-code={finding.code} data-severity={finding.severity} aria-label={finding.title}>
      <header>
        <span class={`badge ${finding.severity}`}>{finding.severity}</span>
        <h3>{finding.title}</h3>
        <code class="code">{finding.code}</code>
      </header>
      <p>{finding.detail}</p>
      {evidence.length > 0 && (
        <table class="evidence">
          <tbody>
            {evidence.map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>
                  <Value v={v} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="fix">
        <div>
          <strong>Calling the API:</strong> {finding.fix.client}
        </div>
        <div>
          <strong>Building the API:</strong> {finding.fix.server}
        </div>
        <button type="button" class="copy-fix" title="Copy the fix and its references" onClick={() => copy(fixText(finding))}>
          Copy fix
        </button>
      </div>
      {refs.length > 0 && (
        <div class="refs">
          {refs.map((r) => (
            <a
              key={r.url}
              href={r.url}
              onClick={(e) => {
                e.preventDefault();
                openUrl(r.url);
              }}
            >
              {r.label}
            </a>
          ))}
        </div>
      )}
    </article>
  );
}
