import type { Facts } from '../facts.js';
import type { FindingDraft, Rule } from '../rule.js';

/** WWW-Authenticate and DPoP-Nonce are not CORS-safelisted response headers: they must be exposed. */
export const challengeHiddenByCors: Rule = {
  code: 'challenge-hidden-by-cors',
  check({ f }) {
    // The headers first: nearly every response lacks them, and crossOrigin parses the URL.
    // (challengeLines are WWW-Authenticate's, but Proxy-Authenticate's on a 407.)
    const challenge = f.status === 407 ? f.responseHeader('www-authenticate') !== null : f.challengeLines.length > 0;
    const nonce = f.responseHeader('dpop-nonce') !== null;
    if (!challenge && !nonce) return null;
    return hiddenFromPage(f, challenge, nonce);
  },
};

/**
 * The rest of the check, for the few responses that carry either header. A function of its own:
 * the check runs for every exchange, and V8 optimized it with all of this inlined (≈ 10 ms of
 * compiling, on the threads that share the cores with the analysis).
 */
function hiddenFromPage(f: Facts, challenge: boolean, nonce: boolean): FindingDraft | null {
  if (!f.crossOrigin || f.isPreflight || f.responseHeader('access-control-allow-origin') === null) return null;
  const present = challenge ? (nonce ? ['www-authenticate', 'dpop-nonce'] : ['www-authenticate']) : ['dpop-nonce'];
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
}
