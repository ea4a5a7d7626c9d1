import { FINDING_TITLES } from '../knowledge/titles.js';
import type { Finding, FindingCode } from './finding.js';
import type { FindingDraft } from './rule.js';

/**
 * A finding with its title but not yet the knowledge base's explanation, fixes and references:
 * enough for the panel's list, its filter and its summary. `detail` holds only what the rule said
 * of this exchange; completeFinding (knowledge/complete-finding.ts) adds the rest when the finding
 * is shown or reported, giving exactly what describeFinding gives.
 */
export function describeBriefly(code: FindingCode, draft: FindingDraft): Finding {
  return {
    code,
    severity: draft.severity,
    title: draft.title ?? FINDING_TITLES[code],
    detail: draft.detail ?? '',
    evidence: draft.evidence,
    fix: { client: '', server: '' },
    refs: [],
  };
}
