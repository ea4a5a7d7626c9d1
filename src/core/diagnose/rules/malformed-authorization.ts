import { failureSeverity, type Rule } from '../rule.js';

export const malformedAuthorization: Rule = {
  code: 'malformed-authorization',
  check({ f }) {
    const auth = f.credentials.authorization ?? f.credentials.proxyAuthorization;
    if (!auth || auth.problems.length === 0) return null;
    const first = auth.problems[0]!;
    return {
      severity: failureSeverity(f.status),
      title: `Malformed ${auth.scheme || 'Authorization'} header: ${first.message.replace(/\.$/, '')}`,
      evidence: { scheme: auth.scheme, problems: auth.problems.map((p) => ({ code: p.code, message: p.message })), tokenLength: auth.token?.length ?? 0 },
    };
  },
};
