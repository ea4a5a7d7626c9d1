import type { Rule } from '../rule.js';

/** RFC 9111 §3: a 401/403 that caches may store can be replayed after the user signs in. */
export const cacheableFailure: Rule = {
  code: 'cacheable-failure',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 401 && f.status !== 403) return null;
    const cc = (f.responseHeader('cache-control') ?? '').toLowerCase();
    if (!cc || /(^|[\s,])(no-store|private)\b/.test(cc)) return null;
    const age = /(?:^|[\s,])(s-maxage|max-age)\s*=\s*"?(\d+)/.exec(cc);
    const storable = /(^|[\s,])public\b/.test(cc) || (age !== null && Number(age[2]) > 0);
    if (!storable) return null;
    return { severity: 'warning', evidence: { 'cache-control': f.responseHeader('cache-control') } };
  },
};
