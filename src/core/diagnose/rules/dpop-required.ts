import { parseDpopProof } from '../../credentials/index.js';
import type { Rule } from '../rule.js';

/** The server offers DPoP (RFC 9449 §7.1) but got a Bearer token or a proof that doesn't fit. */
export const dpopRequired: Rule = {
  code: 'dpop-required',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 401 || !f.schemes.has('dpop') || f.errorCode === 'use_dpop_nonce') return null;
    const auth = f.credentials.authorization;
    const bearerOffered = f.schemes.has('bearer');
    if (auth?.kind === 'bearer' && !bearerOffered) {
      return { severity: 'error', title: 'The server wants DPoP, the request sent a Bearer token', evidence: { sent: 'Bearer', offered: [...f.schemes], algs: f.param('algs') } };
    }
    if (auth?.kind === 'dpop') {
      if (!f.credentials.dpopProof) return { severity: 'error', title: 'DPoP token sent without a DPoP proof header', evidence: { sent: 'DPoP', dpopHeader: null } };
      const proof = parseDpopProof(f.credentials.dpopProof);
      const issues: string[] = proof.problems.map((p) => p.message);
      if (proof.htm && proof.htm.toUpperCase() !== f.ex.method) issues.push(`htm is ${proof.htm}, the request is ${f.ex.method}`);
      if (proof.htu) {
        const target = withoutQuery(f.ex.url);
        if (withoutQuery(proof.htu) !== target) issues.push(`htu is ${proof.htu}, the request went to ${target}`);
      }
      const now = f.referenceTime;
      if (proof.iat !== null && now && Math.abs(now.getTime() / 1000 - proof.iat) > Math.max(f.tolerance, 300)) issues.push(`the proof's iat is ${new Date(proof.iat * 1000).toISOString()}, far from the server's time`);
      if (!issues.length) return null;
      return { severity: 'error', title: `The DPoP proof doesn't match this request: ${issues[0]}`, evidence: { htm: proof.htm, htu: proof.htu, iat: proof.iat, jti: proof.jti, issues } };
    }
    return null;
  },
};

/**
 * htu is compared without query and fragment (RFC 9449 §4.3), after the syntax- and scheme-based
 * normalization servers are told to apply (RFC 3986 §6.2.2, §6.2.3): scheme and host case, the
 * default port. Without it a proof for `https://API.example.com:443/x` would count as a mismatch.
 */
function withoutQuery(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return url.split(/[?#]/)[0]!;
  }
}
