import type { Rule } from '../rule.js';

/** RFC 6750 §3.1 insufficient_scope (or a 403 naming a scope): required vs granted vs missing. */
export const insufficientScope: Rule = {
  code: 'insufficient-scope',
  scope: 'challenged',
  check({ f }) {
    // Cheap checks first: this runs for every exchange, bodies can be megabytes.
    if (f.status < 400 && f.errorCode === null) return null;
    const scope = f.param('scope');
    const vendorScope = f.status === 403 && f.body.includes('ACCESS_TOKEN_SCOPE_INSUFFICIENT');
    if (f.errorCode !== 'insufficient_scope' && !(f.status === 403 && scope !== null) && !vendorScope) return null;
    const required = scope ? scope.split(/\s+/).filter(Boolean) : [];
    const granted = f.tokenReport?.scopes ?? null;
    const missing = granted ? required.filter((s) => !granted.includes(s)) : required;
    return {
      severity: f.status >= 400 ? 'error' : 'warning',
      title: missing.length ? `Missing scope${missing.length > 1 ? 's' : ''} ${missing.join(', ')}` : 'The token lacks a required scope',
      detail: scope === null ? 'The server did not say which scope it needs (no scope parameter in the challenge).' : undefined,
      evidence: { required, granted, missing, error_description: f.param('error_description') },
    };
  },
};
