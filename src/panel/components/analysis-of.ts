import type { Analysis } from '../../core/index.js';
import { completeFinding } from '../../core/knowledge/complete-finding.js';
import type { Store } from '../store/create-store.js';

/** The captured session as an Analysis (same shape as analyzeHar), for reports. */
export function analysisOf(store: Store): Analysis {
  const rows = store.all.value;
  return {
    entries: rows.length,
    source: { creator: store.sourceInfo.value?.creator ?? 'AuthLens', sanitized: store.sourceInfo.value?.sanitized ?? false },
    results: rows.flatMap((r, index) => (r.findings.length ? [{ index, method: r.method, url: r.url, status: r.status, findings: r.findings.map(completeFinding) }] : [])),
  };
}
