import type { Rule } from '../rule.js';

export const cookieSessionMissing: Rule = {
  code: 'cookie-session-missing',
  scope: 'failure',
  check({ f, session }) {
    if ((f.status !== 401 && f.status !== 403) || f.sanitized || f.isPreflight) return null;
    const seen = session.sessionCookiesByHost.get(f.host);
    if (!seen || seen.size === 0) return null;
    if (f.credentials.sessionCookieNames.some((n) => seen.has(n))) return null;
    if (f.credentials.authorization) return null;
    return { severity: 'error', title: `The session cookie (${[...seen].join(', ')}) was not sent`, evidence: { expected: [...seen], sent: f.credentials.cookieNames } };
  },
};
