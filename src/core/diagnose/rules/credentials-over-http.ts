import type { Rule } from '../rule.js';

export const credentialsOverHttp: Rule = {
  code: 'credentials-over-http',
  check({ f }) {
    // Nearly every URL is written "https:…": no need to parse it to know (parsing every one showed in HAR analysis).
    if (f.ex.url.startsWith('https:') || f.url?.protocol !== 'http:' || f.loopback || !f.credentials.any) return null;
    const c = f.credentials;
    const what = [c.authorization && `Authorization (${c.authorization.scheme})`, c.apiKeyHeaders.length && c.apiKeyHeaders.join(', '), c.cookieNames.length && 'cookies', c.urlParams.length && 'URL token'].filter(Boolean);
    return { severity: 'warning', evidence: { url: f.origin, sent: what } };
  },
};
