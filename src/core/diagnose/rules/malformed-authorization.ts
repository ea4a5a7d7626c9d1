import type { Rule } from '../rule.js';

export const malformedAuthorization: Rule = {
  code: 'malformed-authorization',
  scope: 'failure',
  check({ f }) {
    // A credential the server accepted is not what failed; judging every request's header would
    // also cost the most of any rule on large HARs.
    if (f.status > 0 && f.status < 400) return null;
    const auth = f.credentials.authorization ?? f.credentials.proxyAuthorization;
    if (!auth || auth.problems.length === 0) return null;
    const first = auth.problems[0]!;
    return {
      severity: 'error',
      title: `Malformed ${auth.scheme || 'Authorization'} header: ${first.message.replace(/\.$/, '')}`,
      evidence: { scheme: auth.scheme, problems: auth.problems.map((p) => ({ code: p.code, message: p.message })), tokenLength: auth.token?.length ?? 0 },
    };
  },
};
