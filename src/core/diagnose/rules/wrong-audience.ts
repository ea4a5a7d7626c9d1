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
    const resource = f.param('resource');
    const resourceId = f.param('resource_id');
    if (resource || resourceId) {
      const expected = [resource, resourceId].filter((v): v is string => Boolean(v));
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
    for (let i = 0; i < r.audience.length; i++) {
      const host = audienceHost(r.audience[i]!);
      if (host === null) return null; // an identifier we can't relate to the URL
      hosts.push(host);
    }
    if (hosts.includes(f.host)) return null;
    return { severity: 'error', title: `The token is for ${r.audience.join(', ')}, not ${f.origin}`, evidence: { aud: r.audience, api: f.origin } };
  },
};

/**
 * The lower-case host of a URL-shaped audience (http or https), or null. A session's tokens name
 * the same few audiences, and parsing one with URL each time showed in HAR analysis (≈ 4 % of a
 * first run over a HAR with 458 failing requests): each is parsed once.
 */
function audienceHost(audience: string): string | null {
  let host = audienceHosts.get(audience);
  if (host === undefined) {
    host = null;
    if (/^https?:\/\//i.test(audience)) {
      try {
        host = new URL(audience).hostname.toLowerCase();
      } catch {
        host = null;
      }
    }
    if (audienceHosts.size >= 256) audienceHosts.clear();
    audienceHosts.set(audience, host);
  }
  return host;
}
const audienceHosts = new Map<string, string | null>();
