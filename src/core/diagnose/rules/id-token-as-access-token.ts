import type { Rule } from '../rule.js';

export const idTokenAsAccessToken: Rule = {
  code: 'id-token-as-access-token',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure) return null;
    const r = f.tokenReport;
    if (!r || r.kind !== 'jwt' || !r.hints.looksLikeIdToken) return null;
    return { severity: 'error', evidence: { reasons: r.hints.idTokenReasons, aud: r.audience, typ: r.typ, scopes: r.scopes } };
  },
};
