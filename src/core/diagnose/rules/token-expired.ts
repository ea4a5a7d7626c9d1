import type { Rule } from '../rule.js';

/** exp before the server's time (RFC 7519 §4.1.4), judged with the configured tolerance. */
export const tokenExpired: Rule = {
  code: 'token-expired',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure && f.status !== 400) return null;
    const r = f.tokenReport;
    if (!r || r.kind !== 'jwt' || r.expired !== true) return null;
    const ago = r.relative.exp;
    // The report was judged against the server's time, and names it (`now`).
    const serverTime = r.now;
    return {
      severity: 'error',
      title: ago ? `The token ${ago}` : 'The token had expired',
      detail: `exp is ${r.times.exp}; the server's time was ${serverTime} (tolerance ${f.tolerance} s).`,
      evidence: { exp: r.times.exp, serverTime, relative: ago, iat: r.times.iat, issuer: r.issuer, clockToleranceSec: f.tolerance },
    };
  },
};
