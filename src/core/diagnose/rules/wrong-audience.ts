import type { Rule } from '../rule.js';

/**
 * aud (RFC 7519 §4.1.3) names no value matching this API. Only URL-shaped audiences can be judged
 * against the request; opaque identifiers (GUIDs, api://…) are compared with the challenge's
 * resource / resource_id when the server names one.
 */
export const wrongAudience: Rule = {
  code: 'wrong-audience',
  scope: 'failure',
  check({ f }) {
    if (!f.authFailure) return null;
    const r = f.tokenReport;
    if (!r || r.kind !== 'jwt' || r.audience.length === 0 || r.hints.looksLikeIdToken) return null;
    const expected = [f.param('resource'), f.param('resource_id')].filter((v): v is string => Boolean(v));
    if (expected.length) {
      const norm = (s: string) => {
        // Trailing slashes trimmed by hand: /\/+$/ retries from every slash of a long run.
        let end = s.length;
        while (end > 0 && s.charCodeAt(end - 1) === 0x2f) end--;
        return s.slice(0, end).toLowerCase();
      };
      if (r.audience.some((a) => expected.some((e) => norm(a) === norm(e)))) return null;
      return { severity: 'error', title: `The token's audience is not the resource the server names (${expected[0]})`, evidence: { aud: r.audience, expected } };
    }
    const hosts: string[] = [];
    for (const a of r.audience) {
      if (!/^https?:\/\//i.test(a)) return null; // an identifier we can't relate to the URL
      try {
        hosts.push(new URL(a).hostname.toLowerCase());
      } catch {
        return null;
      }
    }
    if (hosts.includes(f.host)) return null;
    return { severity: 'error', title: `The token is for ${r.audience.join(', ')}, not ${f.origin}`, evidence: { aud: r.audience, api: f.origin } };
  },
};
