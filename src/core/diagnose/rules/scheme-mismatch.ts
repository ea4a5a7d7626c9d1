import type { Rule } from '../rule.js';

export const schemeMismatch: Rule = {
  code: 'scheme-mismatch',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 401 && f.status !== 407) return null;
    const auth = f.status === 407 ? f.credentials.proxyAuthorization : f.credentials.authorization;
    if (!auth || !auth.scheme || auth.problems.some((p) => p.code === 'missing-scheme')) return null;
    const offered = f.schemes;
    if (offered.size === 0) return null;
    const sent = auth.scheme.toLowerCase();
    if (offered.has(sent) || (sent === 'bearer' && offered.has('dpop'))) return null;
    return {
      severity: 'error',
      title: `Sent ${auth.scheme}, the server offers ${[...f.challenges.challenges.map((c) => c.scheme)].join(', ')}`,
      evidence: { sent: auth.scheme, offered: f.challenges.challenges.map((c) => c.scheme) },
    };
  },
};
