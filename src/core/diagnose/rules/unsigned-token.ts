import { failureSeverity, type Rule } from '../rule.js';

/** alg "none" (RFC 7518 §3.6): anyone can forge such a token (RFC 8725 §3.1). */
export const unsignedToken: Rule = {
  code: 'unsigned-token',
  check({ f }) {
    // alg "none" tokens end with an empty signature: only those are worth decoding.
    const auth = f.requestHeader('authorization');
    if (!(auth !== null && auth.trimEnd().endsWith('.')) && f.ex.url.indexOf('access_token=') === -1) return null;
    const t = f.token;
    if (!t || !t.endsWith('.')) return null;
    const r = f.tokenReport;
    if (!r || !r.unsigned) return null;
    return {
      severity: f.status >= 200 && f.status < 400 ? 'warning' : failureSeverity(f.status),
      title: f.status < 400 ? 'The server accepted an unsigned token (alg "none")' : undefined,
      evidence: { alg: r.alg, header: r.header },
    };
  },
};
