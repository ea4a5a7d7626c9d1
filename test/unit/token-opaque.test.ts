import { describe, expect, test } from 'vitest';
import { OPAQUE_FORMATS, inspectToken, matchOpaqueFormat } from '../../src/core/token/index.js';
import { jwe, jwt } from './token-fixtures.js';

/**
 * Opaque credentials shaped like each vendor's documented examples (values are fake: random
 * characters in the documented alphabet and length). The source of each format is in
 * src/core/token/opaque-formats.ts; the test checks that the row is named.
 */
const rnd = (n: number, alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789') =>
  Array.from({ length: n }, (_, i) => alphabet[(i * 7 + 3) % alphabet.length]).join('');
const hex = (n: number) => rnd(n, '0123456789abcdef');

const cases = [
  { token: `ghp_${rnd(36)}`, id: 'github-pat-classic', vendor: 'GitHub' },
  { token: `gho_${rnd(36)}`, id: 'github-oauth', vendor: 'GitHub' },
  { token: `ghu_${rnd(36)}`, id: 'github-user-to-server', vendor: 'GitHub' },
  { token: `ghs_${rnd(36)}`, id: 'github-server-to-server', vendor: 'GitHub' },
  { token: `ghr_${rnd(76)}`, id: 'github-refresh', vendor: 'GitHub' },
  { token: `github_pat_11ABCDEFG0${rnd(12)}_${rnd(59)}`, id: 'github-pat-fine-grained', vendor: 'GitHub' },
  { token: `glpat-${rnd(20)}`, id: 'gitlab-pat', vendor: 'GitLab' },
  { token: `gldt-${rnd(20)}`, id: 'gitlab-deploy', vendor: 'GitLab' },
  { token: `xoxb-17653672481-19874698323-${rnd(24)}`, id: 'slack-bot', vendor: 'Slack' },
  { token: `xoxp-17653672481-19874698323-19874698324-${hex(32)}`, id: 'slack-user', vendor: 'Slack' },
  { token: `xapp-1-A0123456789-1234567890123-${hex(64)}`, id: 'slack-app-level', vendor: 'Slack' },
  { token: `sk_live_${rnd(24)}`, id: 'stripe-secret-live', vendor: 'Stripe', env: 'prod' },
  { token: `sk_test_${rnd(24)}`, id: 'stripe-secret-test', vendor: 'Stripe', env: 'test' },
  { token: `rk_live_${rnd(24)}`, id: 'stripe-restricted-live', vendor: 'Stripe', env: 'prod' },
  { token: `pk_test_${rnd(24)}`, id: 'stripe-publishable-test', vendor: 'Stripe', env: 'test', secret: false },
  { token: `ya29.a0AfB_${rnd(120, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`, id: 'google-oauth-access', vendor: 'Google' },
  { token: `ya29.c.${rnd(40)}.${rnd(40)}`, id: 'google-oauth-access', vendor: 'Google' },
  { token: `AIza${rnd(35)}`, id: 'google-api-key', vendor: 'Google' },
  { token: 'AKIAIOSFODNN7EXAMPLE', id: 'aws-access-key-id', vendor: 'AWS' }, // AWS docs' example key id
  { token: 'ASIAIOSFODNN7EXAMPLE', id: 'aws-temporary-access-key-id', vendor: 'AWS' },
  { token: `IQoJb3JpZ2luX2VjEJv//////////wEaCXVzLWVhc3QtMSJHMEUCIQ${rnd(300)}`, id: 'aws-session-token', vendor: 'AWS' },
  { token: `FwoGZXIvYXdzEBYaDH${rnd(200)}`, id: 'aws-session-token-legacy', vendor: 'AWS' },
  { token: `ATATT3xFfGF0${rnd(170)}=${hex(8).toUpperCase()}`, id: 'atlassian-api-token', vendor: 'Atlassian' },
  { token: `npm_${rnd(36)}`, id: 'npm-access-token', vendor: 'npm' },
  { token: `pypi-AgEIcHlwaS5vcmc${rnd(60)}`, id: 'pypi-api-token', vendor: 'PyPI' },
  { token: `sk-proj-${rnd(100, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_')}`, id: 'openai-project', vendor: 'OpenAI' },
  { token: `sk-${rnd(20)}T3BlbkFJ${rnd(20)}`, id: 'openai-legacy', vendor: 'OpenAI' },
  { token: `sk-ant-api03-${rnd(93)}AA`, id: 'anthropic-api-key', vendor: 'Anthropic' },
  { token: `hf_${rnd(34)}`, id: 'huggingface', vendor: 'Hugging Face' },
  { token: `shpat_${hex(32)}`, id: 'shopify-admin', vendor: 'Shopify' },
  { token: `SG.${rnd(22)}.${rnd(43)}`, id: 'sendgrid-api-key', vendor: 'SendGrid (Twilio)' },
  { token: `dckr_pat_${rnd(27)}`, id: 'docker-hub-pat', vendor: 'Docker' },
  { token: `dop_v1_${hex(64)}`, id: 'digitalocean-pat', vendor: 'DigitalOcean' },
  { token: `dapi${hex(32)}`, id: 'databricks-pat', vendor: 'Databricks' },
  { token: `v4.public.${rnd(120)}`, id: 'paseto', vendor: 'PASETO' },
  { token: `gAAAAAB${rnd(100)}==`, id: 'fernet', vendor: 'Fernet' },
  { token: `pk.eyJ1IjoibWFwYm94IiwiYSI6ImNpejY4M29iazA2Z2gycXA4N2pmbDZmangifQ.${rnd(22)}`, id: 'mapbox-public', vendor: 'Mapbox', secret: false },
  { token: 'sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2024-05-01T13:00:00Z&st=2024-05-01T11:00:00Z&spr=https&sig=abc%2Bdef%3D', id: 'azure-storage-sas', vendor: 'Microsoft Azure' },
  { token: 'SharedAccessSignature sr=https%3A%2F%2Fns.servicebus.windows.net%2Fq&sig=abc%3D&se=1714564800&skn=RootManageSharedAccessKey', id: 'azure-service-bus-sas', vendor: 'Microsoft Azure' },
];

describe('opaque tokens: vendor recognized by prefix (each row in opaque-formats.ts names its source)', () => {
  test.each(cases)('$id', ({ token, id, vendor, env, secret }) => {
    const r = inspectToken(token, { now: new Date('2024-05-01T12:00:00Z') });
    expect(r.kind).toBe('opaque');
    expect(r.vendor).toMatchObject({ id, vendor });
    expect(r.vendor!.source.length).toBeGreaterThan(10);
    expect(r.vendor!.secret).toBe(secret ?? true);
    expect(r.hints.environment).toBe(env ?? null);
    expect(r.header).toBeNull();
    expect(r.claims).toBeNull();
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toContain(vendor);
  });

  test('every format row has a source and a prefix (or is the SAS query matcher)', () => {
    for (const f of OPAQUE_FORMATS) {
      expect(f.source, f.id).toMatch(/\w{4}/);
      expect(f.prefix.length, f.id).toBeGreaterThan(0);
    }
    expect(new Set(OPAQUE_FORMATS.map((f) => f.id)).size).toBe(OPAQUE_FORMATS.length);
  });

  test.each([
    { source: 'Azure Storage SAS, se 1 h after the reference', token: cases.find((c) => c.id === 'azure-storage-sas')!.token, now: '2024-05-01T12:00:00Z', expired: false, exp: '2024-05-01T13:00:00.000Z' },
    { source: 'Azure Storage SAS, judged after se', token: cases.find((c) => c.id === 'azure-storage-sas')!.token, now: '2024-05-01T13:10:00Z', expired: true, exp: '2024-05-01T13:00:00.000Z' },
    { source: 'Service Bus SAS (se in Unix seconds)', token: cases.find((c) => c.id === 'azure-service-bus-sas')!.token, now: '2024-05-01T12:30:00Z', expired: true, exp: '2024-05-01T12:00:00.000Z' },
  ])('SAS expiry from se: $source', ({ token, now, expired, exp }) => {
    const r = inspectToken(token, { now: new Date(now) });
    expect(r.times.exp).toBe(exp);
    expect(r.expired).toBe(expired);
  });

  test.each([
    { source: 'Auth0 opaque access token without audience (auth0/nextjs-auth0#1809)', token: 'nKg3IkWMl8kOXQZHEb2Ah0AhG-H4lIzJ' },
    { source: 'hex session id', token: hex(40) },
    { source: 'UUID token', token: '6f1d8c2e-4b7a-4c1e-9a6d-2f8b3c5e7a90' },
    { source: 'base64 with padding', token: 'dGhpcyBpcyBub3QgYSBKV1Q=' },
    { source: 'Okta opaque-looking value with dots', token: 'a1b2.c3d4' },
  ])('unknown opaque token: $source', ({ token }) => {
    const r = inspectToken(token);
    expect(r.kind).toBe('opaque');
    expect(r.vendor).toBeNull();
    expect(r.problems).toEqual([]);
    expect(r.notes.join(' ')).toMatch(/expected/);
  });

  test.each([
    { source: 'Stripe sk_ vs OpenAI sk-', token: `sk-${rnd(48)}`, id: null },
    { source: 'ghp_ too short to be a GitHub token', token: 'ghp_abc', id: null },
    { source: 'AKIA with lower-case tail', token: 'AKIAiosfodnn7example', id: null },
  ])('prefix alone is not enough: $source', ({ token, id }) => {
    expect(matchOpaqueFormat(token)?.id ?? null).toBe(id);
  });

  test('a vendor token wrapped in quotes is still named, but malformed', () => {
    const r = inspectToken(`"ghp_${rnd(36)}"`);
    expect(r.kind).toBe('malformed');
    expect(r.vendor?.vendor).toBe('GitHub');
  });

  test('a real JWT wins over a vendor prefix match', () => {
    const t = jwt({ alg: 'HS256' }, { sub: 'x' });
    expect(inspectToken(t).kind).toBe('jwt');
  });
});

describe('JWE five-segment tokens (RFC 7516 §7.1)', () => {
  test.each([
    { source: 'RSA-OAEP-256 + A256GCM (Auth0 JWE access tokens, auth0/auth0-spa-js#1008)', header: { alg: 'RSA-OAEP-256', enc: 'A256GCM', kid: 'k1' }, encryptedKey: true },
    { source: 'dir + A256GCM: empty encrypted key is legal (RFC 7516 §5.1 step 5)', header: { alg: 'dir', enc: 'A256GCM' }, encryptedKey: false },
    { source: 'ECDH-ES: empty encrypted key', header: { alg: 'ECDH-ES', enc: 'A128CBC-HS256', epk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y' } }, encryptedKey: false },
    { source: 'nested JWT (cty JWT)', header: { alg: 'RSA-OAEP', enc: 'A256GCM', cty: 'JWT' }, encryptedKey: true },
  ])('$source', ({ header, encryptedKey }) => {
    const r = inspectToken(jwe(header, { encryptedKey }), { now: new Date() });
    expect(r.kind).toBe('jwe');
    expect(r.header).toEqual(header);
    expect(r.alg).toBe(header.alg);
    expect(r.enc).toBe(header.enc);
    expect(r.claims).toBeNull();
    expect(r.expired).toBeNull();
    expect(r.problems).toEqual([]);
    expect(r.notes.some((n) => /encrypted/i.test(n))).toBe(true);
  });
});

describe('matchOpaqueFormat looks only at formats whose prefix starts with the token’s first character', () => {
  // The plain definition: every format, longest prefix first (then the Storage SAS matcher).
  const byPrefixLength = [...OPAQUE_FORMATS].sort((a, b) => b.prefix.length - a.prefix.length);
  const reference = (token: string) => byPrefixLength.find((f) => token.startsWith(f.prefix) && (!f.rest || f.rest.test(token.slice(f.prefix.length))))?.id ?? null;
  const tokens = [
    ...cases.map((c) => c.token),
    // Each prefix alone, cut short and followed by junk: the shorter prefixes sharing a first
    // character (sk_ / sk- / sk.eyJ, pk_ / pk.eyJ, gh* / gl* / gA…) must still be reached.
    ...OPAQUE_FORMATS.flatMap((f) => [f.prefix, f.prefix.slice(0, -1), `${f.prefix}${'x'.repeat(40)}`, `${f.prefix}${'A1'.repeat(40)}`]),
    jwt({ alg: 'RS256' }, { sub: 'a' }),
    '',
    ' sk_live_x',
  ];
  test.each(tokens.map((token) => ({ token })))('$token', ({ token }) => {
    const id = matchOpaqueFormat(token)?.id ?? null;
    expect(id === 'azure-storage-sas' ? null : id).toBe(reference(token));
  });
});
