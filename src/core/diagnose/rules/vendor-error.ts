import { matchVendorErrors } from '../../knowledge/vendor-errors.js';
import type { Facts } from '../facts.js';
import type { Rule } from '../rule.js';

/**
 * Slack's Web API answers failures with 200 and {"ok": false, "error": …}
 * (https://api.slack.com/web#evaluating_responses): such a 200 is a failure too. This runs on every
 * success: the anchored pattern gives up at the first character that doesn't fit, so only the
 * start of a body is ever read (no copy of it either), and only of a JSON one (okFalse).
 */
const OK_FALSE = /^\s*\{\s*"ok"\s*:\s*false\b/;

/**
 * A 200 whose body may be that JSON envelope: one declared as JSON, or not declared at all. Most
 * successes are pages, scripts, styles and images, and their bodies are not read: each is a
 * string of its own in the HAR, and reading even its first character cost a cache miss per
 * entry. The Content-Type header is asked first, because the headers have just been read.
 */
function okFalse(f: Facts): boolean {
  const body = f.ex.responseBody;
  if (body === null) return false;
  const type = f.responseHeader('content-type') ?? body.mimeType;
  return (type === '' || type.toLowerCase().includes('json')) && body.text !== null && OK_FALSE.test(body.text);
}

export const vendorError: Rule = {
  code: 'vendor-error',
  check({ f }) {
    if (f.status < 400 && f.status !== 0 && !(f.status === 200 && okFalse(f))) return null;
    const matches = matchVendorErrors({ status: f.status, body: f.body, headers: f.ex.responseHeaders, url: f.ex.url });
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
