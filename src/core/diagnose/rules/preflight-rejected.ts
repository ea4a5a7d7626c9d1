import type { Rule } from '../rule.js';

/** Browsers never send credentials on a CORS preflight (Fetch Standard §4.8), so auth there always fails. */
export const preflightRejected: Rule = {
  code: 'preflight-rejected',
  scope: 'failure',
  check({ f }) {
    if (!f.isPreflight || (f.status !== 401 && f.status !== 403)) return null;
    return {
      severity: 'error',
      title: `The CORS preflight for ${f.requestHeader('access-control-request-method') ?? 'this request'} got ${f.status}`,
      evidence: {
        status: f.status,
        'access-control-request-method': f.requestHeader('access-control-request-method'),
        'access-control-request-headers': f.requestHeader('access-control-request-headers'),
        origin: f.requestHeader('origin'),
      },
    };
  },
};
