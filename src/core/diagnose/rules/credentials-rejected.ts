import { hasAnyError, type Rule } from '../rule.js';

/**
 * A 401 to a request that did send credentials, well-formed and in a scheme the server offers, when
 * no more specific cause explains it (RFC 9110 §15.5.2: "the request has not been applied because
 * it lacks valid authentication credentials"). Wrong passwords, revoked keys and rotated tokens
 * end here, since servers rarely say which.
 */
export const credentialsRejected: Rule = {
  code: 'credentials-rejected',
  scope: 'failure',
  check({ f, found }) {
    if (f.status !== 401 || f.isPreflight || f.handshakeOnly || hasAnyError(found)) return null;
    const c = f.credentials;
    if (!c.any) return null;
    const sent = c.authorization ? `Authorization (${c.authorization.scheme || 'no scheme'})` : c.apiKeyHeaders.length ? c.apiKeyHeaders.join(', ') : c.sessionCookieNames.length ? `cookie ${c.sessionCookieNames.join(', ')}` : c.cookieNames.length ? 'cookies' : 'a token in the URL';
    return {
      severity: 'error',
      title: `The server rejected the credentials sent: ${sent}`,
      evidence: { sent, challenge: f.challengeLines.join(', ') || null, error: f.errorCode },
    };
  },
};
