import { hasErrorFrom, type Rule } from '../rule.js';

/** error="invalid_token" when no more specific cause explains it (DESIGN §4). */
export const invalidToken: Rule = {
  code: 'invalid-token',
  scope: 'challenged',
  check({ f, found }) {
    if (f.errorCode !== 'invalid_token') return null;
    if (hasErrorFrom(found, ['token-expired', 'token-not-yet-valid', 'wrong-audience', 'id-token-as-access-token', 'unsigned-token', 'malformed-authorization', 'dpop-required', 'scheme-mismatch', 'no-credentials', 'auth-dropped-on-redirect', 'cookie-session-missing'])) return null;
    const description = f.param('error_description');
    return { severity: 'error', title: description ? `Token rejected: ${description}` : undefined, evidence: { error: 'invalid_token', error_description: description, tokenKind: f.tokenReport?.kind ?? null } };
  },
};
