import type { Rule } from '../rule.js';

/** nbf (or iat) after the server's time beyond tolerance (RFC 7519 §4.1.5, §4.1.6). */
export const tokenNotYetValid: Rule = {
  code: 'token-not-yet-valid',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure && f.status !== 400) return null;
    const r = f.tokenReport;
    if (!r || r.kind !== 'jwt' || r.notYetValid !== true) return null;
    const claim = r.notYetValidBy ?? 'nbf';
    return {
      severity: 'error',
      title: `The token is not valid yet: ${claim} ${r.relative[claim] ?? ''}`.trim(),
      evidence: { [claim]: r.times[claim], serverTime: r.now, relative: r.relative[claim], clockToleranceSec: f.tolerance },
    };
  },
};
