import type { Rule } from '../rule.js';

export const invalidRequest: Rule = {
  code: 'invalid-request',
  scope: 'challenged',
  check({ f }) {
    if (f.errorCode !== 'invalid_request') return null;
    return { severity: f.status >= 400 ? 'error' : 'warning', evidence: { error: 'invalid_request', error_description: f.param('error_description') } };
  },
};
