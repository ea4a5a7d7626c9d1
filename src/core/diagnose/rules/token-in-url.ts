import type { Rule } from '../rule.js';

const CANDIDATE = /[?&](access_token|id_token|refresh_token|token|api_?key|auth|auth_token|sig|x-amz-security-token)=/i;

/** RFC 6750 §2.3 / §5.3: tokens in URLs end up in logs, history and Referer. */
export const tokenInUrl: Rule = {
  code: 'token-in-url',
  check({ f }) {
    // Cheap pre-check before parsing the query (runs for every request). Only the query is looked
    // at, from its "?": the parameters found below come from there too.
    const url = f.ex.url;
    const query = url.indexOf('?');
    if (query === -1 || !CANDIDATE.test(url.slice(query))) return null;
    const params = f.credentials.urlParams;
    if (!params.length) return null;
    return { severity: 'warning', title: `A credential travels in the URL (${params.join(', ')})`, evidence: { parameters: params } };
  },
};
