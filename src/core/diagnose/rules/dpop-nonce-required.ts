import type { Rule } from '../rule.js';

/** The token endpoint's JSON error (RFC 6749 §5.2 shape); error documents are small. */
const AS_NONCE_ERROR = /"error"\s*:\s*"use_dpop_nonce"/;

/**
 * `use_dpop_nonce` plus DPoP-Nonce is a normal step, not a credential problem. A resource server
 * says it in its DPoP challenge (RFC 9449 §9); an authorization server has no challenge and says it
 * in a 400's JSON body (RFC 9449 §8), which only counts with the DPoP-Nonce to retry with.
 */
export const dpopNonceRequired: Rule = {
  code: 'dpop-nonce-required',
  scope: 'challenged',
  check({ f }) {
    const nonce = f.responseHeader('dpop-nonce');
    if (f.errorCode === 'use_dpop_nonce') return { severity: 'warning', evidence: { 'dpop-nonce': nonce, error_description: f.param('error_description') } };
    if (f.status !== 400 || nonce === null || !AS_NONCE_ERROR.test(f.body.slice(0, 4096))) return null;
    return { severity: 'warning', evidence: { 'dpop-nonce': nonce, error: 'use_dpop_nonce', where: 'token endpoint response body' } };
  },
};
