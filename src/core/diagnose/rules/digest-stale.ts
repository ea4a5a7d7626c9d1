import type { Rule } from '../rule.js';

/** RFC 7616 §3.3 stale=true: the nonce expired, the credentials were right. */
export const digestStale: Rule = {
  code: 'digest-stale',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 401 && f.status !== 407) return null;
    const digest = f.challenges.challenges.find((c) => c.scheme.toLowerCase() === 'digest' && /^"?true"?$/i.test(c.params.stale ?? ''));
    if (!digest) return null;
    return { severity: 'warning', evidence: { stale: digest.params.stale, nonce: digest.params.nonce ?? null, realm: digest.params.realm ?? null } };
  },
};
