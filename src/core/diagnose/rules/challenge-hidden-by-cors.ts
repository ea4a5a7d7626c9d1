import type { Rule } from '../rule.js';

/** WWW-Authenticate and DPoP-Nonce are not CORS-safelisted response headers: they must be exposed. */
export const challengeHiddenByCors: Rule = {
  code: 'challenge-hidden-by-cors',
  check({ f }) {
    // The headers first: nearly every response lacks them, and crossOrigin parses the URL.
    const present = ['www-authenticate', 'dpop-nonce'].filter((h) => f.responseHeader(h) !== null);
    if (!present.length || !f.crossOrigin || f.isPreflight || f.responseHeader('access-control-allow-origin') === null) return null;
    const exposed = (f.responseHeader('access-control-expose-headers') ?? '').toLowerCase().split(',').map((s) => s.trim());
    // "*" exposes everything only for requests without credentials (Fetch Standard).
    const wildcard = exposed.includes('*') && !f.credentials.cookieNames.length && f.responseHeader('access-control-allow-credentials') !== 'true';
    const hidden = wildcard ? [] : present.filter((h) => !exposed.includes(h));
    if (!hidden.length) return null;
    return {
      severity: 'warning',
      title: `The page can't read ${hidden.map((h) => (h === 'www-authenticate' ? 'WWW-Authenticate' : 'DPoP-Nonce')).join(' or ')}`,
      evidence: { hidden, 'access-control-expose-headers': f.responseHeader('access-control-expose-headers') },
    };
  },
};
