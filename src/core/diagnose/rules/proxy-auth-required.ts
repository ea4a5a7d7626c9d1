import type { Rule } from '../rule.js';

export const proxyAuthRequired: Rule = {
  code: 'proxy-auth-required',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 407) return null;
    return { severity: 'error', evidence: { status: 407, 'proxy-authenticate': f.challengeLines.join(', ') || null, 'proxy-authorization-sent': f.credentials.proxyAuthorization !== null } };
  },
};
