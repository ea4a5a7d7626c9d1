import type { Rule } from '../rule.js';

export const credentialsOverHttp: Rule = {
  code: 'credentials-over-http',
  check({ f }) {
    if (f.url?.protocol !== 'http:' || f.loopback || !f.credentials.any) return null;
    const c = f.credentials;
    const what = [c.authorization && `Authorization (${c.authorization.scheme})`, c.apiKeyHeaders.length && c.apiKeyHeaders.join(', '), c.cookieNames.length && 'cookies', c.urlParams.length && 'URL token'].filter(Boolean);
    return { severity: 'warning', evidence: { url: f.origin, sent: what } };
  },
};
