import { matchVendorErrors } from '../../knowledge/index.js';
import type { Rule } from '../rule.js';

export const vendorError: Rule = {
  code: 'vendor-error',
  check({ f }) {
    if (f.status < 400 && f.status !== 0) return null;
    const matches = matchVendorErrors({ status: f.status, body: f.body, headers: f.ex.responseHeaders });
    if (!matches.length) return null;
    const m = matches[0]!;
    return {
      severity: 'warning',
      title: `${m.vendor} ${m.code}: ${m.meaning}`,
      detail: m.fix,
      evidence: { matches: matches.map((x) => ({ vendor: x.vendor, code: x.code, meaning: x.meaning, fix: x.fix, source: x.source, excerpt: x.excerpt })) },
    };
  },
};
