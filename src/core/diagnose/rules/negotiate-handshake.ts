import type { Rule } from '../rule.js';

/** RFC 4559 §4: the first 401 of Negotiate/NTLM is part of the handshake. */
export const negotiateHandshake: Rule = {
  code: 'negotiate-handshake',
  scope: 'failure',
  check({ f }) {
    if (f.status !== 401 || !f.handshakeOnly) return null;
    const auth = f.credentials.authorization;
    return {
      severity: 'info',
      evidence: { offered: f.challenges.challenges.map((c) => c.scheme), leg: auth ? `client sent ${auth.scheme}` : 'first leg: no credentials yet', serverToken: f.challenges.challenges.some((c) => c.token68 !== null) },
    };
  },
};
