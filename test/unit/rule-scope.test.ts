// Rule scopes (src/core/diagnose/rule.ts): the engine skips a rule for exchanges outside its scope,
// which is only safe if the rule would have found nothing there. Every rule is run on every
// exchange here — all fixture HARs and random healthy exchanges full of auth material — and must
// answer null wherever its scope says it is not asked.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { normalizeEntry } from '../../src/core/har/read-har.js';
import type { Exchange } from '../../src/core/har/exchange.js';
import { Facts } from '../../src/core/diagnose/facts.js';
import { Session } from '../../src/core/diagnose/session.js';
import { scopeOf, type Rule, type RuleScope } from '../../src/core/diagnose/rule.js';
import { RULES } from '../../src/core/index.js';
import type { FindingCode } from '../../src/core/index.js';
import type { FindingDraft } from '../../src/core/diagnose/rule.js';
import { makeJwt } from './helpers/redact-check.js';

const asked = (rule: Rule, scope: RuleScope): boolean => {
  const own = rule.scope ?? 'any';
  return scope === 'failure' || own === 'any' || (scope === 'challenged' && own === 'challenged');
};

/** Runs every rule on every exchange, in order, as the engine would without scopes; lists answers given out of scope. */
function outOfScopeAnswers(exchanges: Exchange[], sanitized = false, rules: readonly Rule[] = RULES): string[] {
  const session = new Session();
  const out: string[] = [];
  for (const ex of exchanges) {
    const f = new Facts(ex, { clockToleranceSec: 60, sanitized });
    const found = new Map<FindingCode, FindingDraft>();
    const scope = scopeOf(f.status, f.challengeLines.length > 0);
    for (const rule of rules) {
      const draft = rule.check({ f, session, found });
      if (!draft) continue;
      if (!asked(rule, scope)) out.push(`${rule.code} on #${ex.index} (status ${ex.status}, scope ${scope})`);
      found.set(rule.code, draft);
    }
    session.record(f);
  }
  return out;
}

const FIXTURE_DIRS = ['test/fixtures/findings', 'test/fixtures/healthy', 'test/fixtures/exporters', 'test/fixtures/recorded'];
const fixtures = FIXTURE_DIRS.flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.har')).map((f) => `${dir}/${f}`));

describe('rules find nothing outside their scope', () => {
  test('there are rules of every scope, and most are failure-only', () => {
    const count = (s: RuleScope) => RULES.filter((r) => (r.scope ?? 'any') === s).length;
    expect(count('failure')).toBeGreaterThan(20);
    expect(count('challenged')).toBeGreaterThan(0);
    expect(count('any')).toBeGreaterThan(0);
  });

  test.each(fixtures)('%s', (file) => {
    const har = JSON.parse(readFileSync(file, 'utf8')) as { log: { entries: unknown[] } };
    const exchanges = har.log.entries.map((e, i) => normalizeEntry(e, i));
    expect(outOfScopeAnswers(exchanges)).toEqual([]);
    expect(outOfScopeAnswers(exchanges, true)).toEqual([]);
  });

  // Random healthy exchanges (1xx–3xx) carrying what the failure rules look for: credentials of
  // every kind, expired / unsigned / ID tokens, challenges with error codes, CORS headers, bodies
  // with the phrases and error documents the body rules read.
  const now = Date.parse('2026-11-22T10:00:00Z') / 1000;
  const tokens = [
    makeJwt({ exp: now - 3600, aud: 'other', iss: 'https://login.staging.example.com/' }, 'c2ln'),
    makeJwt({ exp: now + 3600, nbf: now + 600, scope: 'read' }, 'c2ln'),
    makeJwt({ exp: now + 3600, nonce: 'n', at_hash: 'x', aud: 'client' }, 'c2ln'),
    makeJwt({ sub: 'a' }, '', { alg: 'none' }),
    'opaque-token-value-1234567890',
    'not a token',
  ];
  const header = fc.oneof(
    fc.constantFrom(...tokens).map((t) => ['Authorization', `Bearer ${t}`]),
    fc.constantFrom(...tokens).map((t) => ['Authorization', `DPoP ${t}`]),
    fc.constant(['Authorization', 'Basic dXNlcjpwYXNz']),
    fc.constant(['Authorization', 'Negotiate YIIB']),
    fc.constant(['Proxy-Authorization', 'Basic dXNlcjpwYXNz']),
    fc.constant(['Cookie', 'JSESSIONID=abcdef0123456789; other=1']),
    fc.constant(['X-API-Key', 'abcdef0123456789abcdef']),
    fc.constant(['Origin', 'https://app.example.com']),
    fc.constant(['Access-Control-Request-Method', 'POST']),
    fc.constant(['X-Requested-With', 'XMLHttpRequest']),
  );
  const responseHeader = fc.oneof(
    fc.constantFrom('Bearer error="invalid_token"', 'Bearer error="insufficient_scope", scope="orders:write"', 'DPoP error="use_dpop_nonce"', 'Negotiate', 'Digest realm="x", stale=true', 'Bearer error="insufficient_user_authentication", acr_values="mfa"', 'Bearer error="invalid_request"', 'Bearer realm=', ',,').map((v) => ['WWW-Authenticate', v]),
    fc.constant(['Proxy-Authenticate', 'Basic realm="proxy"']),
    fc.constant(['DPoP-Nonce', 'n-1']),
    fc.constant(['Access-Control-Allow-Origin', 'https://app.example.com']),
    fc.constant(['Cache-Control', 'public, max-age=60']),
    fc.constant(['Location', 'https://login.example.com/login?next=/api']),
    fc.constantFrom('Sun, 22 Nov 2026 10:00:00 GMT', 'Sun, 22 Nov 2026 12:00:00 GMT').map((d) => ['Date', d]),
    fc.constant(['x-amzn-ErrorType', 'ExpiredTokenException']),
  );
  const body = fc.constantFrom('', '{"error":"invalid_token"}', '{"error":"use_dpop_nonce"}', 'user not found', 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', '{"ok":false,"error":"invalid_auth"}', '<form><input type="password"></form>', `{"echo":"${tokens[0]}"}`);
  const exchange = fc.record({
    status: fc.oneof(fc.constantFrom(100, 200, 201, 204, 301, 302, 304, 307, 399), fc.integer({ min: 100, max: 399 })),
    method: fc.constantFrom('GET', 'POST', 'OPTIONS'),
    url: fc.constantFrom('https://api.example.com/v1/orders', 'http://api.example.com/v1/orders?access_token=abc', 'https://api.example.com/login', 'https://api.example.com/oauth/token'),
    requestHeaders: fc.array(header, { maxLength: 5 }),
    responseHeaders: fc.array(responseHeader, { maxLength: 5 }),
    responseText: body,
    requestText: fc.constantFrom('', 'grant_type=refresh_token&refresh_token=r'),
    mimeType: fc.constantFrom('application/json', 'text/html'),
    resourceType: fc.constantFrom('fetch', 'document', 'preflight', undefined),
  });

  test('random healthy exchanges with auth material', () => {
    fc.assert(
      fc.property(fc.array(exchange, { minLength: 1, maxLength: 6 }), fc.boolean(), (list, sanitized) => {
        const exchanges = list.map((x, i) =>
          normalizeEntry(
            {
              startedDateTime: '2026-11-22T10:00:00.000Z',
              time: 20,
              _resourceType: x.resourceType,
              request: { method: x.method, url: x.url, headers: x.requestHeaders.map(([name, value]) => ({ name, value })), cookies: [], postData: x.requestText ? { mimeType: 'application/x-www-form-urlencoded', text: x.requestText } : undefined },
              response: { status: x.status, headers: x.responseHeaders.map(([name, value]) => ({ name, value })), cookies: [], content: { size: x.responseText.length, mimeType: x.mimeType, text: x.responseText }, redirectURL: '' },
            },
            i,
          ),
        );
        expect(outOfScopeAnswers(exchanges, sanitized)).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  test('the check can fail: a failure-only rule that answers on a 200 is reported', () => {
    const ex = normalizeEntry({ request: { method: 'GET', url: 'https://api.example.com/' }, response: { status: 200, headers: [] } }, 0);
    const eager: Rule = { code: 'forbidden', scope: 'failure', check: () => ({ severity: 'error', evidence: {} }) };
    expect(outOfScopeAnswers([ex], false, [eager])).toEqual(['forbidden on #0 (status 200, scope any)']);
  });
});
