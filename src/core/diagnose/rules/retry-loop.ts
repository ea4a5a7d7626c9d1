import { failureKey } from '../session.js';
import type { Rule } from '../rule.js';

const WINDOW_MS = 60_000;

/** The same request failing again with the same credentials: retrying can't help. */
export const retryLoop: Rule = {
  code: 'retry-loop',
  scope: 'failure',
  check({ f, session }) {
    if (!f.authFailure || f.isPreflight) return null;
    const prev = session.failures.get(failureKey(f));
    if (!prev || prev.credentialKey !== (f.requestHeader('authorization') ?? '')) return null;
    const gap = f.ex.startedMs - prev.lastMs;
    if (Number.isFinite(gap) && gap > WINDOW_MS) return null;
    const attempt = prev.count + 1;
    return { severity: 'warning', title: `Attempt ${attempt} of the same request, failing the same way`, evidence: { attempt, firstEntry: prev.firstIndex, sameCredentials: true } };
  },
};
