import type { Rule } from '../rule.js';

/** A secret worth looking for is long enough not to match by chance. */
const MIN_SECRET = 12;

export const credentialEchoed: Rule = {
  code: 'credential-echoed',
  scope: 'failure',
  check({ f }) {
    if (f.status < 400) return null;
    const secrets: { kind: string; value: string }[] = [];
    const auth = f.credentials.authorization;
    if (auth?.token && auth.token.length >= MIN_SECRET) secrets.push({ kind: `${auth.scheme} credentials`, value: auth.token });
    // Index loops: this runs for every failure, mostly before V8 optimizes it.
    const headers = f.ex.requestHeaders;
    const apiKeyHeaders = f.credentials.apiKeyHeaders;
    for (let i = 0; i < headers.length; i++) {
      const h = headers[i]!;
      if (h.value.length >= MIN_SECRET && apiKeyHeaders.includes(h.name)) secrets.push({ kind: h.name, value: h.value });
    }
    const cookies = f.ex.requestCookies;
    for (let i = 0; i < cookies.length; i++) {
      const c = cookies[i]!;
      if (c.value.length >= MIN_SECRET) secrets.push({ kind: `cookie ${c.name}`, value: c.value });
    }
    if (!secrets.length) return null;
    const body = f.body;
    const where: string[] = [];
    let first: string | null = null;
    for (const s of secrets) {
      if (body.includes(s.value)) where.push(`${s.kind} in the response body`);
      else if (f.ex.responseHeaders.some((h) => h.name.toLowerCase() !== 'set-cookie' && h.value.includes(s.value))) where.push(`${s.kind} in a response header`);
      else continue;
      first ??= s.kind;
    }
    if (!where.length) return null;
    return { severity: 'warning', title: `The failure repeats the ${first}`, evidence: { where } };
  },
};
