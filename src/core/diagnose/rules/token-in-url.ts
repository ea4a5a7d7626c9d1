import type { Rule } from '../rule.js';

/** RFC 6750 §2.3 / §5.3: tokens in URLs end up in logs, history and Referer. */
export const tokenInUrl: Rule = {
  code: 'token-in-url',
  check({ f }) {
    if (f.ex.url.indexOf('?') === -1) return null;
    const params = f.credentials.urlParams;
    if (!params.length) return null;
    return { severity: 'warning', title: `A credential travels in the URL (${params.join(', ')})`, evidence: { parameters: params } };
  },
};
