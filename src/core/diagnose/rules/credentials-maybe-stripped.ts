import type { Rule } from '../rule.js';

/** Chrome exports HARs sanitized by default (no Authorization / Cookie anywhere). */
export const credentialsMaybeStripped: Rule = {
  code: 'credentials-maybe-stripped',
  scope: 'failure',
  check({ f }) {
    if (!f.sanitized || !f.authFailure) return null;
    return { severity: 'warning', evidence: { sanitized: true, note: 'No entry of this HAR carries Authorization, Proxy-Authorization, Cookie or Set-Cookie.' } };
  },
};
