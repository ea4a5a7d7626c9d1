import { hasErrorFrom, type Rule } from '../rule.js';

export const forbidden: Rule = {
  code: 'forbidden',
  scope: 'failure',
  check({ f, found }) {
    if (f.status !== 403 || f.isPreflight || (!f.credentials.any && !f.sanitized) || f.sanitized) return null;
    if (hasErrorFrom(found, ['insufficient-scope', 'token-expired', 'token-not-yet-valid', 'malformed-authorization', 'wrong-audience', 'id-token-as-access-token', 'step-up-required', 'invalid-token', 'invalid-request', 'unsigned-token'])) return null;
    const r = f.tokenReport;
    return {
      severity: 'error',
      evidence: { scopes: r?.scopes ?? null, roles: r?.claims && Array.isArray(r.claims.roles) ? r.claims.roles : null, subject: r?.subject ?? null, body: f.body.slice(0, 300) || null },
    };
  },
};
