// The vendor error catalog: each vector is a response body (or header) shaped like the vendor's
// documented error (the entry's `source`), and the near misses are the same words where they must
// not name that vendor.
import { describe, expect, test } from 'vitest';
import { matchVendorErrors, VENDOR_ERRORS, type Header } from '../../src/core/index.js';

interface Vector {
  name: string;
  status: number;
  body: string;
  url?: string;
  headers?: Header[];
  vendor: string;
  code: string;
}

const json = (v: unknown) => JSON.stringify(v);

const VECTORS: Vector[] = [
  // Entries that were in the catalog before: one vector each for the formats they come in.
  { name: 'Okta API token rejected', status: 401, url: 'https://example.okta.com/api/v1/users/me', body: json({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorId: 'oae1', errorCauses: [] }), vendor: 'Okta', code: 'E0000011' },
  { name: 'Entra refresh token expired from inactivity', status: 400, body: json({ error: 'invalid_grant', error_description: 'AADSTS700082: The refresh token has expired due to inactivity.', error_codes: [700082] }), vendor: 'Microsoft Entra ID', code: 'AADSTS700082' },
  { name: 'AWS error type in x-amzn-ErrorType', status: 400, body: '', headers: [{ name: 'x-amzn-ErrorType', value: 'ExpiredTokenException:http://internal.amazon.com/coral/com.amazon.coral.service/' }], vendor: 'AWS', code: 'ExpiredTokenException' },
  { name: 'GitHub bad token', status: 401, url: 'https://api.github.com/user', body: json({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' }), vendor: 'GitHub', code: 'Bad credentials' },

  // GitLab
  { name: 'GitLab REST 401', status: 401, url: 'https://gitlab.com/api/v4/user', body: json({ message: '401 Unauthorized' }), vendor: 'GitLab', code: '401 Unauthorized' },
  { name: 'GitLab token without the scope, scope named in the body', status: 403, url: 'https://gitlab.example.com/api/v4/projects/7/repository/files/a', body: json({ error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token.', scope: 'api read_api' }), vendor: 'GitLab', code: 'insufficient_scope' },
  { name: 'GitLab expired OAuth token', status: 401, url: 'https://gitlab.com/api/v4/user', body: json({ error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' }), vendor: 'GitLab', code: 'Token is expired. You can either do re-authorization or token refresh' },
  { name: 'GitLab revoked token', status: 401, url: 'https://gitlab.com/api/v4/user', body: json({ error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' }), vendor: 'GitLab', code: 'Token was revoked. You have to re-authorize from the user' },
  { name: 'GitLab impersonation token with impersonation off', status: 401, url: 'https://gitlab.example.com/api/v4/user', body: json({ error: 'invalid_token', error_description: 'Token is an impersonation token but impersonation was disabled.' }), vendor: 'GitLab', code: 'Token is an impersonation token but impersonation was disabled' },

  // Auth0
  { name: 'Auth0 refresh token reused after rotation (403)', status: 403, url: 'https://example.us.auth0.com/oauth/token', body: json({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }), vendor: 'Auth0', code: 'Unknown or invalid refresh token' },
  { name: 'Auth0 on a custom domain: the refresh message alone names it', status: 403, url: 'https://login.example.com/oauth/token', body: json({ error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' }), vendor: 'Auth0', code: 'Unknown or invalid refresh token' },
  { name: 'Auth0 audience that is not a registered API', status: 403, url: 'https://example.eu.auth0.com/oauth/token', body: json({ error: 'access_denied', error_description: 'Service not enabled within domain: https://api.example.com' }), vendor: 'Auth0', code: 'Service not enabled within domain' },
  { name: 'Auth0 access_denied from the tenant', status: 403, url: 'https://example.us.auth0.com/oauth/token', body: json({ error: 'access_denied', error_description: 'Unauthorized' }), vendor: 'Auth0', code: 'access_denied' },
  { name: 'Auth0 rule denied the login', status: 401, url: 'https://example.auth0.com/oauth/token', body: json({ error: 'unauthorized', error_description: 'Access denied: account not verified' }), vendor: 'Auth0', code: 'unauthorized' },
  { name: 'Auth0 wrong password', status: 403, url: 'https://example.auth0.com/co/authenticate', body: json({ error: 'invalid_user_password', error_description: 'Wrong email or password.' }), vendor: 'Auth0', code: 'invalid_user_password' },
  { name: 'Auth0 MFA required, with mfa_token', status: 403, url: 'https://login.example.com/oauth/token', body: json({ error: 'mfa_required', error_description: 'Multifactor authentication required', mfa_token: 'Fe26.2*abc' }), vendor: 'Auth0', code: 'mfa_required' },
  { name: 'Auth0 silent auth without a session', status: 400, url: 'https://example.us.auth0.com/authorize?prompt=none&response_mode=web_message', body: json({ type: 'authorization_response', response: { error: 'login_required', error_description: 'Login required', state: 'xyz' } }), vendor: 'Auth0', code: 'login_required' },
  { name: 'Auth0 silent auth without consent', status: 400, url: 'https://example.us.auth0.com/authorize?prompt=none', body: json({ error: 'consent_required', error_description: 'Consent required' }), vendor: 'Auth0', code: 'consent_required' },

  // Others
  { name: 'Okta refresh token refused', status: 400, url: 'https://example.okta.com/oauth2/default/v1/token', body: json({ error: 'invalid_grant', error_description: 'The refresh token is invalid or expired.' }), vendor: 'Okta', code: 'The refresh token is invalid or expired' },
  { name: 'GitHub Actions token without the permission', status: 403, url: 'https://api.github.com/repos/o/r/issues', body: json({ message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest/issues/issues#create-an-issue' }), vendor: 'GitHub', code: 'Resource not accessible by integration' },
  { name: 'GitHub fine-grained token without the permission', status: 403, url: 'https://api.github.com/repos/o/r/actions/secrets', body: json({ message: 'Resource not accessible by personal access token' }), vendor: 'GitHub', code: 'Resource not accessible by personal access token' },
  { name: 'GitHub token not authorized for SAML SSO', status: 403, url: 'https://api.github.com/orgs/acme/repos', body: json({ message: 'Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.' }), vendor: 'GitHub', code: 'Resource protected by organization SAML enforcement' },
  { name: 'Stripe expired API key', status: 401, url: 'https://api.stripe.com/v1/charges', body: json({ error: { code: 'api_key_expired', message: 'Expired API Key provided: sk_live_****1234', type: 'invalid_request_error' } }), vendor: 'Stripe', code: 'api_key_expired' },
  { name: 'Stripe publishable key used server-side', status: 401, url: 'https://api.stripe.com/v1/customers', body: json({ error: { code: 'secret_key_required', message: 'This API call cannot be made with a publishable API key.', type: 'invalid_request_error' } }), vendor: 'Stripe', code: 'secret_key_required' },
  { name: 'Slack invalid_auth (200, ok false)', status: 200, url: 'https://slack.com/api/auth.test', body: json({ ok: false, error: 'invalid_auth' }), vendor: 'Slack', code: 'invalid_auth' },
  { name: 'Slack token_expired on a workspace host', status: 200, url: 'https://acme.slack.com/api/conversations.list', body: json({ ok: false, error: 'token_expired' }), vendor: 'Slack', code: 'token_expired' },
  { name: 'Slack not_authed', status: 200, url: 'https://slack.com/api/chat.postMessage', body: json({ ok: false, error: 'not_authed' }), vendor: 'Slack', code: 'not_authed' },
  { name: 'Slack token_revoked', status: 200, url: 'https://slack.com/api/users.info', body: json({ ok: false, error: 'token_revoked' }), vendor: 'Slack', code: 'token_revoked' },
  { name: 'Slack account_inactive', status: 200, url: 'https://slack.com/api/users.info', body: json({ ok: false, error: 'account_inactive' }), vendor: 'Slack', code: 'account_inactive' },
  { name: 'Slack missing_scope with needed and provided', status: 200, url: 'https://slack.com/api/chat.postMessage', body: json({ ok: false, error: 'missing_scope', needed: 'chat:write', provided: 'channels:read' }), vendor: 'Slack', code: 'missing_scope' },
  { name: 'Google refresh token expired or revoked', status: 400, url: 'https://oauth2.googleapis.com/token', body: json({ error: 'invalid_grant', error_description: 'Token has been expired or revoked.' }), vendor: 'Google', code: 'Token has been expired or revoked' },
  { name: 'Google API call without credentials', status: 401, url: 'https://www.googleapis.com/drive/v3/files', body: json({ error: { code: 401, message: 'Request is missing required authentication credential. Expected OAuth 2 access token, login cookie or other valid authentication credential.', status: 'UNAUTHENTICATED' } }), vendor: 'Google', code: 'Request is missing required authentication credential' },
  { name: 'Microsoft Graph expired token', status: 401, url: 'https://graph.microsoft.com/v1.0/me', body: json({ error: { code: 'InvalidAuthenticationToken', message: 'Access token has expired or is not yet valid.' } }), vendor: 'Microsoft Graph', code: 'InvalidAuthenticationToken' },
  { name: 'Microsoft Graph missing privilege', status: 403, url: 'https://graph.microsoft.com/v1.0/users', body: json({ error: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' } }), vendor: 'Microsoft Graph', code: 'Authorization_RequestDenied' },
  { name: 'S3 expired session token (XML)', status: 400, url: 'https://bucket.s3.amazonaws.com/key', body: '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>ExpiredToken</Code><Message>The provided token has expired.</Message></Error>', vendor: 'AWS S3', code: 'ExpiredToken' },
  { name: 'S3 access denied (XML)', status: 403, url: 'https://bucket.s3.amazonaws.com/key', body: '<Error><Code>AccessDenied</Code><Message>Access Denied</Message><RequestId>R1</RequestId></Error>', vendor: 'AWS S3', code: 'AccessDenied' },
  { name: 'S3 unknown access key', status: 403, url: 'https://bucket.s3.amazonaws.com/key', body: '<Error><Code>InvalidAccessKeyId</Code><Message>The AWS Access Key Id you provided does not exist in our records.</Message></Error>', vendor: 'AWS S3', code: 'InvalidAccessKeyId' },
  { name: 'S3 clock skew', status: 403, url: 'https://bucket.s3.amazonaws.com/key', body: '<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>', vendor: 'AWS S3', code: 'RequestTimeTooSkewed' },
  { name: 'Keycloak refresh after the SSO session ended', status: 400, url: 'https://sso.example.com/realms/acme/protocol/openid-connect/token', body: json({ error: 'invalid_grant', error_description: 'Session not active' }), vendor: 'Keycloak', code: 'Session not active' },
];

const codesOf = (v: Omit<Vector, 'name' | 'vendor' | 'code'>) => matchVendorErrors({ status: v.status, body: v.body, headers: v.headers ?? [], ...(v.url ? { url: v.url } : {}) }).map((m) => `${m.vendor}: ${m.code}`);

describe('the catalog', () => {
  test('every entry is sourced and explained, and codes are unique', () => {
    const seen = new Set<string>();
    for (const e of VENDOR_ERRORS) {
      expect(e.source, e.code).toMatch(/^https:\/\/[^\s]+$/);
      expect(e.meaning.length, e.code).toBeGreaterThan(10);
      expect(e.fix.length, e.code).toBeGreaterThan(5);
      expect(seen.has(e.code), `duplicate code ${e.code}`).toBe(false);
      seen.add(e.code);
    }
  });

  // matchVendorErrors skips the catalog for a short body that holds none of the codes: that is
  // only right if no entry can match without its code in the body.
  test.each(VENDOR_ERRORS.filter((e) => e.match).map((e) => ({ vendor: e.vendor, code: e.code, match: e.match! })))(
    '$vendor $code: one of its patterns holds the code verbatim, so it never matches a body without it',
    ({ code, match }) => {
      const holds = match.some((p) => {
        const at = p.source.indexOf(code);
        // Case-sensitive, no alternative that could match instead, and the code not optional.
        return !p.flags.includes('i') && !p.source.includes('|') && /^[\w ]+$/.test(code) && at !== -1 && !/^\)?[?*{]/.test(p.source.slice(at + code.length));
      });
      expect(holds).toBe(true);
    },
  );

  test('every entry matched by patterns or limited to hosts has a vector here', () => {
    const covered = new Set(VECTORS.map((v) => `${v.vendor}: ${v.code}`));
    const untested = VENDOR_ERRORS.filter((e) => (e.match || e.where) && !covered.has(`${e.vendor}: ${e.code}`));
    expect(untested.map((e) => `${e.vendor}: ${e.code}`)).toEqual([]);
  });
});

describe('matchVendorErrors', () => {
  test.each(VECTORS)('$name → $vendor $code', (v) => {
    expect(codesOf(v)).toContain(`${v.vendor}: ${v.code}`);
  });

  // Short bodies are first checked for any code at all in one pass; long ones are searched entry
  // by entry. Both must find the same.
  test.each(VECTORS)('$name, in a body over 4 KB → $vendor $code', (v) => {
    const long = v.body.startsWith('{') ? `${v.body}${' '.repeat(5000)}` : `${v.body}\n${'<!-- padding -->'.repeat(400)}`;
    expect(codesOf({ ...v, body: long })).toContain(`${v.vendor}: ${v.code}`);
  });

  test('a code added to the catalog after loading is searched for too', () => {
    const entry = { vendor: 'Example', code: 'example_code_added_later', meaning: 'Added at run time by a test.', fix: 'None needed.', source: 'https://example.com/' };
    expect(codesOf({ status: 401, body: '{"error":"example_code_added_later"}' })).toEqual([]);
    VENDOR_ERRORS.push(entry);
    try {
      expect(codesOf({ status: 401, body: '{"error":"example_code_added_later"}' })).toEqual(['Example: example_code_added_later']);
    } finally {
      VENDOR_ERRORS.splice(VENDOR_ERRORS.indexOf(entry), 1);
    }
  });

  // The scan of a body is kept (error bodies repeat); whether an entry that counts only on the
  // vendor's hosts applies is still decided per request.
  test('the same body, seen again at the vendor and elsewhere, in either order', () => {
    const body = json({ error: 'access_denied', error_description: 'Unauthorized' });
    const at = (url: string) => matchVendorErrors({ status: 403, body, headers: [], url }).map((m) => `${m.vendor}: ${m.code}`);
    const sequence = ['https://api.example.com/v1', 'https://a.auth0.com/oauth/token', 'https://api.example.com/v1', 'https://a.auth0.com/oauth/token'];
    expect(sequence.map((url) => at(url).includes('Auth0: access_denied'))).toEqual([false, true, false, true]);
  });

  test('a match carries its source and an excerpt, not the matching machinery', () => {
    const [m] = matchVendorErrors({ status: 403, body: json({ error: 'mfa_required', mfa_token: 'x' }), headers: [], url: 'https://a.auth0.com/oauth/token' });
    expect(m).toMatchObject({ vendor: 'Auth0', code: 'mfa_required', matchedIn: 'body' });
    expect(m!.excerpt).toContain('mfa_required');
    expect(m).not.toHaveProperty('match');
    expect(m).not.toHaveProperty('where');
  });
});

describe('near misses: the same words where they must not name the vendor', () => {
  test.each([
    { name: 'access_denied from an authorization server that is not Auth0', status: 403, url: 'https://login.example.com/oauth/token', body: json({ error: 'access_denied' }), not: 'Auth0: access_denied' },
    { name: 'access_denied with no request URL to place it', status: 403, body: json({ error: 'access_denied' }), not: 'Auth0: access_denied' },
    { name: 'CouchDB-style "unauthorized" on another host', status: 401, url: 'https://db.example.com/orders', body: json({ error: 'unauthorized', reason: 'Name or password is incorrect.' }), not: 'Auth0: unauthorized' },
    { name: 'login_required from a generic OpenID provider', status: 400, url: 'https://id.example.com/authorize', body: json({ error: 'login_required' }), not: 'Auth0: login_required' },
    { name: 'mfa_required without the mfa_token of Auth0\'s MFA API', status: 403, url: 'https://login.example.com/token', body: json({ error: 'mfa_required' }), not: 'Auth0: mfa_required' },
    { name: 'the word unauthorized in prose on an Auth0 host', status: 401, url: 'https://a.auth0.com/userinfo', body: 'Unauthorized', not: 'Auth0: unauthorized' },
    { name: 'a Slack-shaped body from another API', status: 200, url: 'https://api.example.com/v1/messages', body: json({ ok: false, error: 'invalid_auth' }), not: 'Slack: invalid_auth' },
    { name: 'invalid_auth on Slack but in a successful call\'s data', status: 200, url: 'https://slack.com/api/conversations.history', body: json({ ok: true, messages: [{ text: '"error":"invalid_auth" is what we got' }] }), not: 'Slack: invalid_auth' },
    { name: 'insufficient_scope with scope outside the GitLab API path', status: 403, url: 'https://api.example.com/v1/orders', body: json({ error: 'insufficient_scope', scope: 'orders:write' }), not: 'GitLab: insufficient_scope' },
    { name: 'insufficient_scope under /api/v4/ without a scope in the body', status: 403, url: 'https://gitlab.example.com/api/v4/projects', body: json({ error: 'insufficient_scope' }), not: 'GitLab: insufficient_scope' },
    { name: 'a message that merely starts with 401', status: 401, url: 'https://gitlab.com/api/v4/user', body: json({ message: '401 Unauthorized: token expired' }), not: 'GitLab: 401 Unauthorized' },
    { name: 'ExpiredTokenException is AWS, not S3\'s ExpiredToken', status: 400, body: json({ __type: 'com.amazon.coral.service#ExpiredTokenException' }), not: 'AWS S3: ExpiredToken' },
    { name: 'AccessDeniedException is AWS, not S3\'s AccessDenied', status: 400, body: json({ __type: 'AccessDeniedException' }), not: 'AWS S3: AccessDenied' },
  ])('$name', ({ not, ...v }) => {
    expect(codesOf(v)).not.toContain(not);
  });
});
