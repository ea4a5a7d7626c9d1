import type { Rule } from '../rule.js';

/** RFC 9449 §9: `use_dpop_nonce` plus DPoP-Nonce is a normal step, not a credential problem. */
export const dpopNonceRequired: Rule = {
  code: 'dpop-nonce-required',
  check({ f }) {
    if (f.errorCode !== 'use_dpop_nonce') return null;
    return { severity: 'warning', evidence: { 'dpop-nonce': f.responseHeader('dpop-nonce'), error_description: f.param('error_description') } };
  },
};
