import type { Rule } from '../rule.js';

/** Fetch Standard "HTTP-redirect fetch": Authorization is removed on a cross-origin redirect. */
export const authDroppedOnRedirect: Rule = {
  code: 'auth-dropped-on-redirect',
  scope: 'failure',
  check({ f, session }) {
    if (f.status !== 401 || f.credentials.authorization) return null;
    const from = session.redirects.get(f.ex.url);
    if (!from || !from.hadAuthorization || from.fromOrigin === f.origin) return null;
    return {
      severity: 'error',
      title: `Authorization was dropped on the redirect from ${from.fromOrigin} to ${f.origin}`,
      evidence: { redirectedFrom: from.fromUrl, redirectEntry: from.index, to: f.ex.url },
    };
  },
};
