import type { Rule } from '../rule.js';

/** RFC 9110 §11.6.1 / §11.7.1: a 401 MUST carry WWW-Authenticate, a 407 Proxy-Authenticate. */
export const missingChallenge: Rule = {
  code: 'missing-challenge',
  scope: 'failure',
  check({ f }) {
    // "At least one challenge" (RFC 9110 §11.6.1): a field that is present but blank holds none.
    if ((f.status !== 401 && f.status !== 407) || f.challengeLines.some((l) => l.trim() !== '')) return null;
    return { severity: 'warning', title: `${f.status} without a ${f.challengeField} header`, evidence: { status: f.status, header: f.challengeField } };
  },
};
