import { describe, expect, test } from 'vitest';
import { inspectToken, type TokenReport } from '../../src/core/token/index.js';
import { jwt, sec } from './token-fixtures.js';

/**
 * Tokens shaped like the examples in each identity provider's documentation (claim names, value
 * shapes and issuer formats follow the doc named in `source`; ids and dates are made up). They are
 * re-encoded with token-fixtures.ts because published samples are unsigned fragments or expired.
 */
const NOW = new Date('2024-05-01T12:00:00Z');
const iat = sec('2024-05-01T11:30:00Z');
const exp = sec('2024-05-01T12:30:00Z');
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '6e74172b-be56-4843-9ff4-e66a39bb12e3';

interface Case {
  source: string;
  token: string;
  want: Partial<TokenReport> & { idToken?: boolean; provider?: string | null; env?: string | null; version?: string };
}

const cases: Case[] = [
  {
    source: 'Microsoft identity platform, "Access token claims reference" — v1.0 access token',
    token: jwt(
      { typ: 'JWT', alg: 'RS256', x5t: 'i6lGk3FZzxRcUb2C3nEQ7syHJlY', kid: 'i6lGk3FZzxRcUb2C3nEQ7syHJlY', nonce: 'AQABAAAAAAD' },
      {
        aud: 'https://graph.microsoft.com',
        iss: `https://sts.windows.net/${TENANT}/`,
        iat,
        nbf: iat,
        exp,
        acr: '1',
        amr: ['pwd', 'mfa'],
        appid: APP,
        appidacr: '0',
        name: 'Abe Lincoln',
        oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474',
        scp: 'User.Read Mail.Read',
        sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ',
        tid: TENANT,
        unique_name: 'abeli@microsoft.com',
        ver: '1.0',
      },
    ),
    want: { kind: 'jwt', scopes: ['User.Read', 'Mail.Read'], client: APP, clientClaim: 'appid', audience: ['https://graph.microsoft.com'], amr: ['pwd', 'mfa'], acr: '1', expired: false, idToken: false, provider: 'entra-id', version: '1.0', env: null },
  },
  {
    source: 'Microsoft identity platform, "Access token claims reference" — v2.0 access token (delegated)',
    token: jwt(
      { typ: 'JWT', alg: 'RS256', kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg' },
      { aud: APP, iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, iat, nbf: iat, exp, aio: 'AWQAm/8', azp: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', azpacr: '0', name: 'Abe Lincoln', oid: '690222be-ff1a-4d56-abd1-7e4f7d38e474', preferred_username: 'abeli@microsoft.com', rh: 'I', scp: 'access_as_user', sub: 'HKZpfaHyWadeOouYlitjrI-KffTm222X5rrV3xDqfKQ', tid: TENANT, uti: 'fqiBqXLPj0eQa82S-IYFAA', ver: '2.0' },
    ),
    want: { kind: 'jwt', scopes: ['access_as_user'], client: 'c44b4083-3bb0-49c1-b47d-974e53cbdf3c', clientClaim: 'azp', audience: [APP], idToken: false, provider: 'entra-id', version: '2.0' },
  },
  {
    source: 'Microsoft identity platform, "Access token claims reference" — v2.0 app-only token (roles, no scp)',
    token: jwt({ typ: 'JWT', alg: 'RS256', kid: 'k1' }, { aud: 'api://orders', iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, iat, nbf: iat, exp, azp: APP, azpacr: '1', idtyp: 'app', oid: 'f8b8f0a4', roles: ['Orders.Read.All', 'Orders.Write'], sub: 'f8b8f0a4', tid: TENANT, ver: '2.0' }),
    want: { kind: 'jwt', scopes: ['Orders.Read.All', 'Orders.Write'], scopeSources: [{ claim: 'roles', values: ['Orders.Read.All', 'Orders.Write'] }], idToken: false, provider: 'entra-id' },
  },
  {
    source: 'Microsoft identity platform, "ID token claims reference" — v2.0 ID token',
    token: jwt({ typ: 'JWT', alg: 'RS256', kid: '1LTMzakihiRla_8z2BEJVXeWMqo' }, { ver: '2.0', iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, sub: 'AAAAAAAAAAAAAAAAAAAAAIkzqFVrSaSaFHy782bbtaQ', aud: APP, exp, iat, nbf: iat, name: 'Abe Lincoln', preferred_username: 'AbeLi@microsoft.com', oid: '00000000-0000-0000-66f3-3332eca7ea81', tid: TENANT, nonce: '123523', aio: 'Df2UVXL1ix!lMCWMSOJBcFatzcGfvFGhjKv8q5g0x732dR5MB5BisvGQO7YWByjd8iQDLq!eGbIDakyp5mnOrcdqHeYSnltepQmRp6AIZ8jY' }),
    want: { kind: 'jwt', scopes: [], client: null, audience: [APP], idToken: true, provider: 'entra-id', version: '2.0' },
  },
  {
    source: 'Okta developer docs, "Validate access tokens" / "Access token" claims (scp array, cid, uid)',
    token: jwt({ kid: '45js03w0djwedsw', alg: 'RS256' }, { ver: 1, jti: 'AT.upXaEoHTAonoEjDO9cchyFpBjiaNt2xtIiTbIHS5mVY', iss: 'https://dev-133337.okta.com/oauth2/default', aud: 'api://default', iat, exp, cid: '0oa1xmvmd8aJHJEyS5d7', uid: '00u1wmghtzdNm0mFU5d7', scp: ['openid', 'email', 'orders:read'], auth_time: iat - 600, sub: 'john.doe@example.com' }),
    want: { kind: 'jwt', scopes: ['openid', 'email', 'orders:read'], client: '0oa1xmvmd8aJHJEyS5d7', clientClaim: 'cid', audience: ['api://default'], idToken: false, provider: 'okta', env: 'dev' },
  },
  {
    source: 'Okta developer docs, "ID token" claims (nonce, at_hash, amr, idp)',
    token: jwt({ kid: '45js03w0djwedsw', alg: 'RS256' }, { sub: '00uid4BxXw6I6TV4m0g3', name: 'John Doe', ver: 1, iss: 'https://example.okta.com', aud: '0oa1xmvmd8aJHJEyS5d7', iat, exp, jti: 'ID.4eAWJOCMB3SX8XewDfVR', amr: ['pwd'], idp: '00ok1u7AsAkrwdZL3z0g3', nonce: 'Zv7RK6B9NwKe1hkM0s4t', auth_time: iat, at_hash: 'preRmAY8W0-jdjyMqb4mZw' }),
    want: { kind: 'jwt', scopes: [], audience: ['0oa1xmvmd8aJHJEyS5d7'], idToken: true, provider: 'okta', env: null },
  },
  {
    source: 'Auth0 docs, "Access Token Profiles" (RFC 9068 profile) + "Enable RBAC" (permissions claim)',
    token: jwt({ alg: 'RS256', typ: 'at+jwt', kid: 'QzBCMDM2NzI0' }, { iss: 'https://my-tenant.us.auth0.com/', sub: 'auth0|65a1b2c3d4e5f60718293a4b', aud: ['https://api.example.com/health', 'https://my-tenant.us.auth0.com/userinfo'], iat, exp, client_id: 'xGn1o0VxpPtUqeAEHBF9Vrs7f2ZbT1hm', jti: 'sAzKW4PJCzCwy2ajbKeTyi', scope: 'openid profile read:patients read:admin', permissions: ['read:patients', 'read:admin', 'write:admin'] }),
    want: { kind: 'jwt', typ: 'at+jwt', scopes: ['openid', 'profile', 'read:patients', 'read:admin', 'write:admin'], audience: ['https://api.example.com/health', 'https://my-tenant.us.auth0.com/userinfo'], client: 'xGn1o0VxpPtUqeAEHBF9Vrs7f2ZbT1hm', clientClaim: 'client_id', idToken: false, provider: 'auth0' },
  },
  {
    source: 'Auth0 docs, "ID Token Structure" (aud = client id, nonce)',
    token: jwt({ alg: 'RS256', typ: 'JWT', kid: 'QzBCMDM2NzI0' }, { iss: 'https://dev-abc123.us.auth0.com/', sub: 'auth0|123456', aud: 'xGn1o0VxpPtUqeAEHBF9Vrs7f2ZbT1hm', exp, iat, name: 'Jane Josephine Doe', email: 'janedoe@example.com', nonce: 'crypto-value', sid: '7s2lp0' }),
    want: { kind: 'jwt', idToken: true, provider: 'auth0', env: 'dev', scopes: [] },
  },
  {
    source: 'Keycloak Server Admin guide / access token as issued by Keycloak 24 (typ Bearer, realm_access, resource_access)',
    token: jwt({ alg: 'RS256', typ: 'JWT', kid: 'Ty0mNGVZyLSJJYkxJbY3bLvz0gTA_Rq6WyWlQAm5KaA' }, { exp, iat, jti: 'onrtac:3a7b', iss: 'http://localhost:8080/realms/myrealm', aud: 'account', sub: 'f:5f5c-4fe0', typ: 'Bearer', azp: 'myclient', sid: 'a1b2', acr: '1', 'allowed-origins': ['http://localhost:3000'], realm_access: { roles: ['offline_access', 'uma_authorization', 'default-roles-myrealm'] }, resource_access: { account: { roles: ['manage-account', 'view-profile'] } }, scope: 'openid email profile', email_verified: true, preferred_username: 'alice' }),
    want: {
      kind: 'jwt',
      scopes: ['openid', 'email', 'profile'],
      scopeSources: [
        { claim: 'scope', values: ['openid', 'email', 'profile'] },
        { claim: 'realm_access.roles', values: ['offline_access', 'uma_authorization', 'default-roles-myrealm'] },
        { claim: 'resource_access.account.roles', values: ['manage-account', 'view-profile'] },
      ],
      client: 'myclient',
      audience: ['account'],
      acr: '1',
      idToken: false,
      provider: 'keycloak',
      env: 'localhost',
    },
  },
  {
    source: 'Keycloak ID token (typ claim "ID", aud = azp, at_hash)',
    token: jwt({ alg: 'RS256', typ: 'JWT', kid: 'k' }, { exp, iat, auth_time: iat, jti: 'x', iss: 'https://sso.staging.example.com/realms/shop', aud: 'myclient', sub: 'u', typ: 'ID', azp: 'myclient', nonce: 'n', at_hash: 'aIGOUUO8ooFGiB4nbz8a2Q', acr: '1' }),
    want: { kind: 'jwt', idToken: true, provider: 'keycloak', env: 'staging', client: 'myclient' },
  },
  {
    source: 'Amazon Cognito developer guide, "Understanding the access token" (no aud, client_id, token_use, cognito:groups)',
    token: jwt({ kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' }, { sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', 'cognito:groups': ['admin'], iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', version: 2, client_id: '1example23456789', origin_jti: 'aaaa', event_id: 'bbbb', token_use: 'access', scope: 'phone openid profile email', auth_time: iat, exp, iat, jti: 'cccc', username: 'my-test-user' }),
    want: { kind: 'jwt', audience: [], scopes: ['phone', 'openid', 'profile', 'email'], client: '1example23456789', idToken: false, provider: 'cognito' },
  },
  {
    source: 'Amazon Cognito developer guide, "Understanding the identity (ID) token" (aud, at_hash, token_use id)',
    token: jwt({ kid: 'abcdefghijklmnopqrsexample=', alg: 'RS256' }, { sub: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', 'cognito:groups': ['test-group-a'], email_verified: true, iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', 'cognito:username': 'my-test-user', origin_jti: 'x', aud: 'xxxxxxxxxxxxexample', event_id: 'y', token_use: 'id', auth_time: iat, exp, iat, jti: 'z', email: 'my-test-user@example.com', at_hash: 'abcdef' }),
    want: { kind: 'jwt', idToken: true, provider: 'cognito', scopes: [], scopeSources: [{ claim: 'cognito:groups', values: ['test-group-a'] }] },
  },
  {
    source: 'Google Identity, "OpenID Connect" — ID token example (azp = aud, at_hash, hd)',
    token: jwt({ alg: 'RS256', kid: '1e9gdk7', typ: 'JWT' }, { iss: 'https://accounts.google.com', azp: '1234987819200.apps.googleusercontent.com', aud: '1234987819200.apps.googleusercontent.com', sub: '10769150350006150715113082367', at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q', hd: 'example.com', email: 'jsmith@example.com', email_verified: 'true', iat, exp, nonce: '0394852-3190485-2490358' }),
    want: { kind: 'jwt', idToken: true, provider: 'google', client: '1234987819200.apps.googleusercontent.com', clientClaim: 'azp', env: null },
  },
];

describe('identity provider tokens', () => {
  test.each(cases)('$source', ({ token, want }) => {
    const r = inspectToken(token, { now: NOW });
    const { idToken, provider, env, version, ...fields } = want;
    expect(r).toMatchObject(fields);
    expect(r.problems).toEqual([]);
    expect(r.times.iat).not.toBeNull();
    if (idToken !== undefined) expect(r.hints.looksLikeIdToken, r.hints.idTokenReasons.join('; ')).toBe(idToken);
    if (provider !== undefined) expect(r.hints.provider?.id ?? null).toBe(provider);
    if (version !== undefined) expect(r.hints.provider?.version).toBe(version);
    if (env !== undefined) expect(r.hints.environment).toBe(env);
  });
});

describe('claims that shape the diagnosis', () => {
  test('DPoP-bound token (RFC 9449 §6.1 cnf.jkt) and mTLS-bound (RFC 8705 §3.1)', () => {
    const r = inspectToken(jwt({ alg: 'ES256', typ: 'at+jwt' }, { sub: 'u', cnf: { jkt: '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I' } }));
    expect([r.dpopBound, r.cnfJkt, r.mtlsBound]).toEqual([true, '0ZcOCORZNYy-DWpqq30jZyJGHTN0d2HglBV3uiguA4I', false]);
    const m = inspectToken(jwt({ alg: 'ES256' }, { sub: 'u', cnf: { 'x5t#S256': 'bwcK0esc3ACC3DB2Y5_lESsXE8o9ltc05O89jdN-dg2' } }));
    expect([m.dpopBound, m.mtlsBound]).toEqual([false, true]);
  });

  test('a DPoP proof (RFC 9449 §4.2 example header) sent as the token is flagged', () => {
    const r = inspectToken(jwt({ typ: 'dpop+jwt', alg: 'ES256', jwk: { kty: 'EC', x: 'l8tFrhx-34tV3hRICRDY9zCkDlpBhF42UQUfWVAWBFs', y: '9VE4jf_Ok_o64zbTTlcuNJajHmt6v9TDVrU0CdvGRDA', crv: 'P-256' } }, { jti: '-BwC3ESc6acc2lTc', htm: 'POST', htu: 'https://server.example.com/token', iat: 1562262616 }));
    expect(r.hints.looksLikeDpopProof).toBe(true);
    expect(r.problems.map((p) => p.code)).toContain('dpop-proof-as-token');
  });

  test('UTF-8 claims survive decoding (gustavo0197/react-jwt#8: naive atob breaks them)', () => {
    const claims = { name: 'José Müller-Łukasiewicz', city: '東京', emoji: '🔐✓', rtl: 'שלום', sub: 'ü' };
    const r = inspectToken(jwt({ alg: 'HS256' }, claims));
    expect(r.kind).toBe('jwt');
    expect(r.claims).toEqual(claims);
    expect(r.subject).toBe('ü');
  });

  test('a 1 MB token decodes (big group claims), in linear time', () => {
    const groups = Array.from({ length: 24_000 }, (_, i) => `group-${i.toString(36)}-${'x'.repeat(28)}`);
    const token = jwt({ alg: 'RS256' }, { sub: 'u', groups, exp });
    expect(token.length).toBeGreaterThan(1_000_000);
    const r = inspectToken(token, { now: NOW });
    expect(r.kind).toBe('jwt');
    expect(r.claims).toEqual(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')));
    expect(r.scopeSources.find((s) => s.claim === 'groups')?.values.length).toBe(24_000);
    expect(r.expired).toBe(false);
  });

  test.each([
    { source: 'scope as a JSON array (IdentityServer4)', claims: { scope: ['api1', 'offline_access'] }, scopes: ['api1', 'offline_access'], code: 'scope-claim-is-array' },
    { source: 'scp as a space-separated string (Entra ID)', claims: { scp: 'a b  c' }, scopes: ['a', 'b', 'c'], code: null },
    { source: 'scopes array (custom issuer)', claims: { scopes: ['x', 'y'] }, scopes: ['x', 'y'], code: null },
    { source: 'scope and scp both present, duplicates merged', claims: { scope: 'read write', scp: ['write', 'admin'] }, scopes: ['read', 'write', 'admin'], code: null },
    { source: 'scope of the wrong type', claims: { scope: 42 }, scopes: [], code: 'invalid-scope-claim' },
    { source: 'roles as a string', claims: { roles: 'Admin' }, scopes: ['Admin'], code: null },
  ])('scopes: $source', ({ claims, scopes, code }) => {
    const r = inspectToken(jwt({ alg: 'HS256' }, { sub: 'u', ...claims }));
    expect(r.scopes).toEqual(scopes);
    expect(r.problems.map((p) => p.code)).toEqual(code ? [code] : []);
  });

  test.each([
    { aud: 'api', want: ['api'], code: null },
    { aud: ['a', 'b'], want: ['a', 'b'], code: null },
    { aud: [], want: [], code: null },
    { aud: 7, want: [], code: 'invalid-aud' },
    { aud: ['a', 1], want: ['a'], code: 'invalid-aud' },
  ])('audience is always an array: $aud', ({ aud, want, code }) => {
    const r = inspectToken(jwt({ alg: 'HS256' }, { aud }));
    expect(r.audience).toEqual(want);
    expect(r.problems.map((p) => p.code)).toEqual(code ? [code] : []);
    expect(r.kind).toBe('jwt');
  });
});
