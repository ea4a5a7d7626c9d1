import { environmentOf } from '../../token/index.js';
import type { Rule } from '../rule.js';

export const environmentMismatch: Rule = {
  code: 'environment-mismatch',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure) return null;
    const r = f.tokenReport;
    if (!r || r.kind !== 'jwt' || !r.issuer) return null;
    const tokenEnv = environmentOf(r.issuer);
    const apiEnv = f.loopback ? 'localhost' : environmentOf(f.host);
    // A local API legitimately takes dev or staging tokens.
    if (!tokenEnv || tokenEnv === 'prod' || apiEnv === 'localhost' || tokenEnv === apiEnv) return null;
    return {
      severity: 'warning',
      title: `The token is from ${tokenEnv} (${r.issuer}), the API looks like ${apiEnv ?? 'production'}`,
      evidence: { issuer: r.issuer, tokenEnvironment: tokenEnv, api: f.origin, apiEnvironment: apiEnv ?? 'prod (no hint in the host)' },
    };
  },
};
