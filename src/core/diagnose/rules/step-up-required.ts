import type { Rule } from '../rule.js';

/** RFC 9470: compare acr_values / max_age with the token's acr / auth_time. */
export const stepUpRequired: Rule = {
  code: 'step-up-required',
  scope: 'challenged',
  check({ f }) {
    if (f.errorCode !== 'insufficient_user_authentication') return null;
    const r = f.tokenReport;
    const acrValues = f.param('acr_values');
    const maxAge = f.param('max_age');
    const authTime = r?.claims && typeof r.claims.auth_time === 'number' ? r.claims.auth_time : null;
    const ageSec = authTime !== null && f.referenceTime ? Math.round(f.referenceTime.getTime() / 1000 - authTime) : null;
    return {
      severity: 'error',
      title: acrValues ? `A sign-in with ${acrValues} is required${r?.acr ? ` (the token has ${r.acr})` : ''}` : maxAge ? `A sign-in newer than ${maxAge} s is required` : undefined,
      evidence: { acr_values: acrValues, max_age: maxAge, tokenAcr: r?.acr ?? null, tokenAmr: r?.amr ?? null, auth_time: r?.times.auth_time ?? null, authAgeSec: ageSec, error_description: f.param('error_description') },
    };
  },
};
