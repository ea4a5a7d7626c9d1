import type { Rule } from '../rule.js';

export const forbiddenUnauthenticated: Rule = {
  code: 'forbidden-unauthenticated',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 403 || f.sanitized || f.isPreflight || f.credentials.any || f.isTokenRequest) return null;
    return { severity: 'error', evidence: { status: 403, authorization: null, cookies: [] } };
  },
};
