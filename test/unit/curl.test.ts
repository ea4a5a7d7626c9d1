/**
 * toCurl: "Copy as cURL" (issue 7 item 5), redacted unless credentials are asked for, and safe to
 * paste into a POSIX shell (every argument single-quoted; `'` written as `'\''`).
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { shellQuote, toCurl } from '../../src/core/redact/index.js';
import type { Exchange } from '../../src/core/har/exchange.js';
import { entry } from './helpers/redact-check.js';

const exchange = (over: Partial<Exchange> = {}): Exchange => ({
  index: 0, startedDateTime: '2025-01-01T00:00:00Z', startedMs: 0, time: 1, method: 'GET', url: 'https://api.example.com/me?access_token=querysecret1',
  httpVersion: 'h2', requestHeaders: [{ name: ':authority', value: 'api.example.com' }, { name: 'Authorization', value: 'Bearer headersecret12' }, { name: 'Accept', value: 'application/json' }],
  requestCookies: [], requestBody: null, status: 401, statusText: '', responseHeaders: [], responseCookies: [], responseBody: null,
  redirectURL: '', resourceType: 'fetch', fromCache: false, pageref: null, ...over,
});

/** Runs `printf '%s\n' <args>` through sh to see exactly which words the shell produces. */
function shellWords(quotedArgs: string): string[] {
  return execFileSync('sh', ['-c', `printf '%s\\n' ${quotedArgs}`], { encoding: 'utf8' }).split('\n').slice(0, -1);
}

describe('shellQuote', () => {
  it.each(["plain", "it's", "'", "$(touch /tmp/x) `id` $HOME \\ \" ; | & > <", "line1\nline2", "", "''''"])('round-trips %j through sh', (s) => {
    expect(shellWords(shellQuote(s))).toEqual(s.includes('\n') ? s.split('\n') : [s]);
  });
});

describe('toCurl', () => {
  it('redacts by default: URL, Authorization; drops pseudo-headers', () => {
    const c = toCurl(exchange());
    expect(c).not.toMatch(/querysecret1|headersecret12/);
    expect(c).toMatch(/^curl 'https:\/\/api.example.com\/me\?access_token=REDACTED-query-len12-[0-9a-f]{6}'/);
    expect(c).toContain("-H 'Authorization: Bearer REDACTED-bearer-len14-");
    expect(c).not.toContain(':authority');
  });

  it('includes credentials only when asked', () => {
    const c = toCurl(exchange(), { includeCredentials: true });
    expect(c).toContain('querysecret1');
    expect(c).toContain("-H 'Authorization: Bearer headersecret12'");
  });

  it('POST body from a raw HAR entry, redacted; method implied by --data-raw', () => {
    const e = entry({ method: 'POST', url: 'https://idp.example.com/token', headers: [{ name: 'Content-Type', value: 'application/x-www-form-urlencoded' }, { name: 'Content-Length', value: '70' }], postData: { mimeType: 'application/x-www-form-urlencoded', text: "grant_type=password&username=o'brien&password=pa55w0rdpa55" } });
    const c = toCurl(e);
    expect(c).not.toContain('pa55w0rdpa55');
    expect(c).not.toContain('-X');
    expect(c).not.toContain('Content-Length');
    expect(c).toContain(`--data-raw 'grant_type=password&username=o'\\''brien&password=REDACTED-form-len12-`);
  });

  it('the whole command survives the shell with hostile values intact', () => {
    const hostile = "x'; touch /tmp/authlens-pwned; echo '";
    const c = toCurl(exchange({ method: 'PUT', url: `https://api.example.com/a?q=${encodeURIComponent(hostile)}`, requestHeaders: [{ name: 'X-Note', value: hostile }], requestBody: { mimeType: 'text/plain', text: hostile, size: 1 } }));
    const words = shellWords(c.replace(/ \\\n {2}/g, ' ').replace(/^curl /, ''));
    expect(words).toContain(`X-Note: ${hostile}`);
    expect(words).toContain(hostile);
    expect(words).toContain('PUT');
  });

  it('HEAD uses --head; odd URLs get --globoff or --url', () => {
    expect(toCurl(exchange({ method: 'HEAD', url: 'https://a/' }))).toContain('--head');
    expect(toCurl(exchange({ url: 'https://a/?filter[name]=x' }))).toContain('--globoff');
    expect(toCurl(exchange({ url: '-o/tmp/x' }))).toContain("--url '-o/tmp/x'");
  });

  it('skips header names that are not HTTP tokens (no -H @file)', () => {
    expect(toCurl(exchange({ requestHeaders: [{ name: '@/etc/passwd', value: 'x' }] }))).not.toContain('passwd');
  });

  it('cookies from cookies[] when there is no Cookie header, redacted', () => {
    const c = toCurl(entry({ cookies: [{ name: 'sid', value: 'cookiesecret1' }] }));
    expect(c).toMatch(/-b 'sid=REDACTED-cookie-len13-[0-9a-f]{6}'/);
  });
});
