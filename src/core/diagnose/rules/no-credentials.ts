import type { Rule } from '../rule.js';

export const noCredentials: Rule = {
  code: 'no-credentials',
  scope: 'failure',
  check({ f, found }) {
    // A more specific cause already explains the missing credentials.
    if (found.has('auth-dropped-on-redirect') || found.has('cookie-session-missing')) return null;
    if ((f.status !== 401 && f.status !== 407) || f.sanitized || f.isPreflight || f.isTokenRequest) return null;
    const c = f.credentials;
    if (f.status === 407 ? c.proxyAuthorization : c.any) return null;
    // The first leg of Negotiate/NTLM is a 401 to a request without credentials, by design.
    if (f.handshakeOnly) return null;
    return {
      severity: 'error',
      evidence: { authorization: null, cookies: [], apiKeyHeaders: [], challenge: f.challengeLines.join(', ') || null },
    };
  },
};
