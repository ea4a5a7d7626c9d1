import type { Finding } from '../diagnose/finding.js';
import { FINDINGS } from './findings.js';

/**
 * A brief finding (diagnose/brief.ts) with the knowledge base's explanation, fixes and references,
 * as describeFinding words it. A finding that already has its fixes is returned as it is.
 */
export function completeFinding(finding: Finding): Finding {
  if (finding.fix.client !== '') return finding;
  const k = FINDINGS[finding.code];
  return {
    ...finding,
    detail: finding.detail ? `${finding.detail} ${k.explanation}` : k.explanation,
    fix: { client: k.fix.client, server: k.fix.server },
    refs: k.refs.map((r) => r.label),
  };
}
