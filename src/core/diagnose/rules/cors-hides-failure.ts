import type { Rule } from '../rule.js';

/** Without Access-Control-Allow-Origin the browser hides the response (Fetch Standard CORS check). */
export const corsHidesFailure: Rule = {
  code: 'cors-hides-failure',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure || !f.crossOrigin || f.isPreflight || f.responseHeader('access-control-allow-origin') !== null) return null;
    return { severity: 'warning', title: `The page sees a CORS error, not this ${f.status}`, evidence: { origin: f.requestHeader('origin'), 'access-control-allow-origin': null, status: f.status } };
  },
};
