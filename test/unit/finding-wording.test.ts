// The panel keeps brief findings (title only) and completes them when one is shown or reported
// (src/core/diagnose/brief.ts, src/core/knowledge/complete-finding.ts): completed, they must be
// exactly what analyzeHar's findings are for the same draft, for every code.
import { describe, expect, test } from 'vitest';
import { describeBriefly } from '../../src/core/diagnose/brief.js';
import { describeFinding } from '../../src/core/diagnose/engine.js';
import type { FindingDraft } from '../../src/core/diagnose/rule.js';
import { RULES } from '../../src/core/index.js';
import { completeFinding } from '../../src/core/knowledge/complete-finding.js';

const drafts: { description: string; draft: FindingDraft }[] = [
  { description: 'severity and evidence only', draft: { severity: 'error', evidence: { status: 401 } } },
  { description: 'with an instance title', draft: { severity: 'warning', title: 'The token expired 12 min before the request', evidence: {} } },
  { description: 'with an instance detail', draft: { severity: 'info', detail: 'The server named no scope.', evidence: { scope: null } } },
];

describe('brief findings, completed, read as full ones', () => {
  for (const { code } of RULES) {
    test.each(drafts)(`${code}: $description`, ({ draft }) => {
      const brief = describeBriefly(code, draft);
      expect(brief.title).toBe(describeFinding(code, draft).title);
      expect(completeFinding(brief)).toEqual(describeFinding(code, draft));
      // Completing twice changes nothing.
      expect(completeFinding(completeFinding(brief))).toEqual(describeFinding(code, draft));
    });
  }
});
