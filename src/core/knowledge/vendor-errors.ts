/**
 * Error codes of identity providers and cloud APIs, with what they mean and the documentation they
 * come from. Matched in JSON error bodies, plain text and vendor headers (`x-amzn-ErrorType`).
 * A code distinctive enough on its own is matched as text; a generic OAuth code (`access_denied`,
 * `login_required`) names a vendor only with that vendor's shape (`match`) or on its hosts (`where`).
 */
import type { Header } from '../har/exchange.js';

export interface VendorError {
  vendor: string;
  code: string;
  meaning: string;
  fix: string;
  source: string;
  /** Every pattern must occur in the body (the first one places the excerpt); without it, `code` is looked up as text. */
  match?: readonly RegExp[];
  /** Only for requests to matching URLs: the code alone doesn't say which vendor answered. */
  where?: RegExp;
}

const ENTRA = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
const OKTA = 'https://developer.okta.com/docs/reference/error-codes/';
const AWS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';
const GOOGLE = 'https://cloud.google.com/apis/design/errors';
const GITLAB_AUTH = 'https://docs.gitlab.com/api/rest/authentication/';
// The messages GitLab's API guard sends for each token failure.
const GITLAB_GUARD = 'https://gitlab.com/gitlab-org/gitlab/-/blob/master/lib/api/api_guard.rb';
const AUTH0_ERRORS = 'https://auth0.com/docs/libraries/error-messages';
const AUTH0_API = 'https://auth0.com/docs/api/authentication';
const AUTH0_SILENT = 'https://auth0.com/docs/authenticate/login/configure-silent-authentication';
const SLACK = 'https://api.slack.com/web#evaluating_responses';
const STRIPE = 'https://docs.stripe.com/error-codes';
const GITHUB_TROUBLESHOOT = 'https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api';
const GRAPH = 'https://learn.microsoft.com/en-us/graph/errors';
const S3 = 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html';

/** `"error": "<code>"` in a JSON body (RFC 6749 §5.2 shape). */
const jsonError = (code: string) => new RegExp(`"error"\\s*:\\s*"${code}"`);
/** Auth0 tenant domains ({tenant}.auth0.com, {tenant}.{region}.auth0.com); custom domains can't be told apart. */
const AUTH0_HOST = /^https:\/\/[^/?#]+\.auth0\.com(?::\d+)?\//i;
/** Slack's Web API: every method answers 200 with {"ok": false, "error": …} on failure. */
const SLACK_API = /^https:\/\/(?:[\w-]+\.)?slack\.com\/api\//i;
const SLACK_FAILED = /"ok"\s*:\s*false/;
const slack = (code: string, meaning: string, fix: string): VendorError => ({ vendor: 'Slack', code, meaning, fix, source: SLACK, match: [jsonError(code), SLACK_FAILED], where: SLACK_API });
/** GitLab's REST API lives under /api/v4/ on gitlab.com and on self-managed hosts alike. */
const GITLAB_API = /^https?:\/\/[^/?#]+\/api\/v4\//i;

export const VENDOR_ERRORS: VendorError[] = [
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50013', meaning: 'Assertion failed signature validation or is for another audience.', fix: 'Check the token\'s audience and signing key.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50034', meaning: 'The user account does not exist in the directory.', fix: 'Sign in with an account of this tenant or invite the user.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50053', meaning: 'The account is locked (too many failed sign-ins) or sign-in was blocked.', fix: 'Wait or ask an administrator to unlock the account.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50055', meaning: 'The password has expired.', fix: 'Reset the password.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50057', meaning: 'The user account is disabled.', fix: 'Ask an administrator to enable it.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50058', meaning: 'Silent sign-in failed: no session for the user.', fix: 'Use an interactive sign-in.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50076', meaning: 'Multi-factor authentication is required by policy.', fix: 'Sign in interactively and complete MFA.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50079', meaning: 'The user must register for multi-factor authentication.', fix: 'Complete MFA registration.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50105', meaning: 'The user is not assigned to a role for the application.', fix: 'Assign the user or group to the app.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50126', meaning: 'Invalid user name or password.', fix: 'Check the credentials.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS50173', meaning: 'The refresh token was revoked because the grant changed (e.g. password reset).', fix: 'Sign in again.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS53003', meaning: 'Blocked by Conditional Access.', fix: 'Meet the Conditional Access policy (device, location) or ask an administrator.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS65001', meaning: 'The user or administrator has not consented to the application.', fix: 'Grant consent for the requested permissions.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS70008', meaning: 'The authorization code or refresh token has expired.', fix: 'Start a new sign-in.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS700016', meaning: 'The application was not found in the directory (wrong client id or tenant).', fix: 'Check the client id and tenant.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS700082', meaning: 'The refresh token expired due to inactivity.', fix: 'Sign in again.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS7000215', meaning: 'An invalid client secret was provided.', fix: 'Use the secret value (not its id) and check it hasn\'t expired.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS7000222', meaning: 'The client secret has expired.', fix: 'Create a new client secret.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS90002', meaning: 'The tenant was not found.', fix: 'Check the tenant id or domain in the authority URL.', source: ENTRA },
  { vendor: 'Microsoft Entra ID', code: 'AADSTS500011', meaning: 'The resource principal was not found in the tenant (wrong audience / resource).', fix: 'Request the token for a resource that exists in the tenant.', source: ENTRA },
  { vendor: 'Okta', code: 'E0000004', meaning: 'Authentication failed.', fix: 'Check the credentials.', source: OKTA },
  { vendor: 'Okta', code: 'E0000006', meaning: 'You do not have permission to perform the requested action.', fix: 'Grant the admin role or scope needed.', source: OKTA },
  { vendor: 'Okta', code: 'E0000011', meaning: 'Invalid token provided.', fix: 'Send a valid API token or access token.', source: OKTA },
  { vendor: 'Okta', code: 'E0000015', meaning: 'The feature is not enabled for the org.', fix: 'Enable the feature in the Okta org.', source: OKTA },
  { vendor: 'Okta', code: 'E0000022', meaning: 'The endpoint does not support the HTTP method.', fix: 'Use the documented method.', source: OKTA },
  { vendor: 'Okta', code: 'E0000047', meaning: 'API call exceeded the rate limit.', fix: 'Back off and retry later.', source: OKTA },
  { vendor: 'Google', code: 'ACCESS_TOKEN_SCOPE_INSUFFICIENT', meaning: 'The access token lacks a scope this API needs.', fix: 'Request the scopes the API documents and get a new token.', source: GOOGLE },
  { vendor: 'Google', code: 'Request had invalid authentication credentials', meaning: 'The access token is missing, expired or invalid.', fix: 'Get a new OAuth 2 access token.', source: GOOGLE },
  { vendor: 'AWS', code: 'ExpiredTokenException', meaning: 'The security token in the request has expired.', fix: 'Refresh the temporary credentials.', source: AWS },
  { vendor: 'AWS', code: 'InvalidSignatureException', meaning: 'The request signature does not match.', fix: 'Check the secret key, region and clock; sign with SigV4.', source: AWS },
  { vendor: 'AWS', code: 'SignatureDoesNotMatch', meaning: 'The request signature does not match.', fix: 'Check the secret key and the signed headers.', source: 'https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html' },
  { vendor: 'AWS', code: 'UnrecognizedClientException', meaning: 'The access key id or security token is invalid.', fix: 'Check the access key id and session token.', source: AWS },
  { vendor: 'AWS', code: 'InvalidClientTokenId', meaning: 'The access key id does not exist.', fix: 'Use an existing access key.', source: AWS },
  { vendor: 'AWS', code: 'AccessDeniedException', meaning: 'The caller has no permission for the action.', fix: 'Add the action to the IAM policy.', source: AWS },
  { vendor: 'AWS Cognito', code: 'NotAuthorizedException', meaning: 'Invalid credentials, or the access token has expired or been revoked.', fix: 'Refresh the tokens or sign in again.', source: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html' },
  { vendor: 'GitHub', code: 'Bad credentials', meaning: 'The token is invalid, expired or revoked.', fix: 'Create a new token.', source: 'https://docs.github.com/en/rest/overview/troubleshooting-the-rest-api' },
  { vendor: 'GitHub', code: 'Requires authentication', meaning: 'The endpoint needs an authenticated request.', fix: 'Send a token in the Authorization header.', source: 'https://docs.github.com/en/rest/overview/troubleshooting-the-rest-api' },
  { vendor: 'Firebase', code: 'TOKEN_EXPIRED', meaning: 'The user\'s credential is no longer valid.', fix: 'Sign the user in again.', source: 'https://firebase.google.com/docs/reference/rest/auth' },
  { vendor: 'Firebase', code: 'INVALID_ID_TOKEN', meaning: 'The user\'s ID token is invalid.', fix: 'Get a fresh ID token.', source: 'https://firebase.google.com/docs/reference/rest/auth' },
  { vendor: 'Keycloak', code: 'Token is not active', meaning: 'The token has expired or the session was logged out.', fix: 'Refresh the token or sign in again.', source: 'https://www.keycloak.org/docs/latest/server_admin/' },
  { vendor: 'Auth0', code: 'jwt expired', meaning: 'The access token has expired.', fix: 'Get a new token.', source: 'https://auth0.com/docs/troubleshoot' },
  { vendor: 'Auth0', code: 'jwt malformed', meaning: 'The bearer value is not a JWT (often an opaque token requested without an audience).', fix: 'Request the token with the API\'s audience.', source: 'https://auth0.com/docs/secure/tokens/access-tokens' },
  { vendor: 'Auth0', code: 'Unknown or invalid refresh token', meaning: 'The refresh token is unknown, expired, revoked, or an older one reused after rotation (which revokes its whole family).', fix: 'Store the newest refresh token after every refresh, and sign in again now.', source: 'https://community.auth0.com/t/troubleshoot-refresh-token-unknown-or-invalid-before-expiry-403-unknown-or-invalid-refresh-token/120406' },
  { vendor: 'Auth0', code: 'Service not enabled within domain', meaning: 'The audience requested is not an API registered in this tenant.', fix: 'Request the token with the exact API identifier shown under Applications > APIs.', source: AUTH0_API },
  { vendor: 'Auth0', code: 'access_denied', meaning: 'Auth0 refused: the application is not authorized for the API, the client credentials are wrong, or an Action denied access.', fix: 'Read error_description; authorize the application for the API or check the client secret.', source: AUTH0_ERRORS, match: [jsonError('access_denied')], where: AUTH0_HOST },
  { vendor: 'Auth0', code: 'unauthorized', meaning: 'A Rule denied the sign-in or sign-up, or the user is blocked.', fix: 'Read error_description (the rule\'s message) and check the user in the dashboard.', source: AUTH0_ERRORS, match: [jsonError('unauthorized')], where: AUTH0_HOST },
  { vendor: 'Auth0', code: 'invalid_user_password', meaning: 'The user name or password is wrong.', fix: 'Check the credentials.', source: AUTH0_ERRORS, match: [jsonError('invalid_user_password')] },
  { vendor: 'Auth0', code: 'mfa_required', meaning: 'Multi-factor authentication is required; the response carries an mfa_token for the MFA API.', fix: 'Challenge the user through the MFA API with the mfa_token, then call /oauth/token again.', source: 'https://auth0.com/docs/secure/multi-factor-authentication/authenticate-using-ropg-flow-with-mfa', match: [jsonError('mfa_required'), /"mfa_token"/] },
  { vendor: 'Auth0', code: 'login_required', meaning: 'Silent authentication failed: the user has no session at Auth0 (third-party cookies blocked, or signed out).', fix: 'Fall back to an interactive login; use refresh tokens or a custom domain where third-party cookies are blocked.', source: AUTH0_SILENT, match: [jsonError('login_required')], where: AUTH0_HOST },
  { vendor: 'Auth0', code: 'consent_required', meaning: 'Silent authentication failed: the user has not consented to the requested scopes or audience.', fix: 'Send the user through an interactive login so they can consent.', source: AUTH0_SILENT, match: [jsonError('consent_required')], where: AUTH0_HOST },
  { vendor: 'GitLab', code: '401 Unauthorized', meaning: 'GitLab found no valid token: missing, mistyped, expired or revoked.', fix: 'Send a valid token (PRIVATE-TOKEN or Authorization: Bearer) that is not expired.', source: GITLAB_AUTH, match: [/"message"\s*:\s*"401 Unauthorized"/] },
  { vendor: 'GitLab', code: 'insufficient_scope', meaning: 'The token lacks a scope this endpoint needs; the body\'s "scope" names the ones that would do.', fix: 'Create a token with one of the scopes named in the response (api, read_api, …).', source: GITLAB_GUARD, match: [jsonError('insufficient_scope'), /"scope"\s*:\s*"/], where: GITLAB_API },
  { vendor: 'GitLab', code: 'Token is expired. You can either do re-authorization or token refresh', meaning: 'The OAuth or personal access token has expired.', fix: 'Refresh the OAuth token or create a new personal access token.', source: GITLAB_GUARD },
  { vendor: 'GitLab', code: 'Token was revoked. You have to re-authorize from the user', meaning: 'The token was revoked.', fix: 'Authorize again or create a new token.', source: GITLAB_GUARD },
  { vendor: 'GitLab', code: 'Token is an impersonation token but impersonation was disabled', meaning: 'Impersonation tokens are disabled on this instance.', fix: 'Use a personal access token of the user instead.', source: GITLAB_GUARD },
  { vendor: 'Okta', code: 'The refresh token is invalid or expired', meaning: 'The refresh token expired, was revoked, or was already used under rotation.', fix: 'Sign in again; keep the newest refresh token after each refresh.', source: 'https://support.okta.com/help/s/article/okta-refresh-token-invalid-or-expired-error-error-invalid-grant-error-description-the-refresh-token-is-invalid-or-expired' },
  { vendor: 'GitHub', code: 'Resource not accessible by integration', meaning: 'The GitHub App or GITHUB_TOKEN lacks the permission this endpoint needs.', fix: 'Grant the permission to the app (or under `permissions:` in the workflow).', source: GITHUB_TROUBLESHOOT },
  { vendor: 'GitHub', code: 'Resource not accessible by personal access token', meaning: 'The fine-grained token lacks the permission or repository access this endpoint needs.', fix: 'Edit the token\'s permissions and repository access.', source: GITHUB_TROUBLESHOOT },
  { vendor: 'GitHub', code: 'Resource protected by organization SAML enforcement', meaning: 'The organization enforces SAML SSO and the token is not authorized for it.', fix: 'Authorize the token for the organization (Configure SSO on the token page).', source: 'https://docs.github.com/en/enterprise-cloud@latest/authentication/authenticating-with-saml-single-sign-on/authorizing-a-personal-access-token-for-use-with-saml-single-sign-on' },
  { vendor: 'Stripe', code: 'api_key_expired', meaning: 'The API key has expired.', fix: 'Use a current key from the Dashboard.', source: STRIPE },
  { vendor: 'Stripe', code: 'secret_key_required', meaning: 'A publishable key was used where a secret key is needed.', fix: 'Call this endpoint from the server with a secret (or restricted) key.', source: STRIPE },
  slack('invalid_auth', 'The token could not be validated (invalid, or sent from a disallowed IP).', 'Check the token and the app\'s allowed IP ranges.'),
  slack('not_authed', 'No token was sent.', 'Send the token in the Authorization header.'),
  slack('token_expired', 'The token has expired (token rotation is on).', 'Refresh it with the refresh token.'),
  slack('token_revoked', 'The token was revoked, or belongs to a deleted user or an uninstalled app.', 'Reinstall the app or get a new token.'),
  slack('account_inactive', 'The token belongs to a deactivated user or workspace.', 'Use a token of an active user or workspace.'),
  slack('missing_scope', 'The token lacks a scope this method needs; the response\'s "needed" names it.', 'Add the scope to the app and reinstall it.'),
  { vendor: 'Google', code: 'Token has been expired or revoked', meaning: 'The refresh token expired (e.g. 7 days for apps in testing) or was revoked.', fix: 'Sign the user in again.', source: 'https://developers.google.com/identity/protocols/oauth2#expiration' },
  { vendor: 'Google', code: 'Request is missing required authentication credential', meaning: 'No OAuth 2 access token, API key or other credential reached the API.', fix: 'Send an access token in the Authorization header.', source: GOOGLE },
  { vendor: 'Microsoft Graph', code: 'InvalidAuthenticationToken', meaning: 'The access token is missing, expired or not valid for Microsoft Graph.', fix: 'Get a new token for https://graph.microsoft.com.', source: GRAPH },
  { vendor: 'Microsoft Graph', code: 'Authorization_RequestDenied', meaning: 'Insufficient privileges: the token lacks the permission or role for this operation.', fix: 'Grant (and admin-consent) the Graph permission the operation lists.', source: 'https://learn.microsoft.com/en-us/graph/resolve-auth-errors' },
  { vendor: 'AWS S3', code: 'ExpiredToken', meaning: 'The provided session token has expired.', fix: 'Refresh the temporary credentials.', source: S3, match: [/<Code>ExpiredToken<\/Code>/] },
  { vendor: 'AWS S3', code: 'AccessDenied', meaning: 'Access denied by a bucket or IAM policy.', fix: 'Check the bucket policy and the caller\'s IAM permissions.', source: S3, match: [/<Code>AccessDenied<\/Code>/] },
  { vendor: 'AWS S3', code: 'InvalidAccessKeyId', meaning: 'The access key id does not exist.', fix: 'Use an existing access key.', source: S3 },
  { vendor: 'AWS S3', code: 'RequestTimeTooSkewed', meaning: 'The request time and the server time differ by more than 15 minutes.', fix: 'Synchronize the client clock (NTP).', source: S3 },
  { vendor: 'Keycloak', code: 'Session not active', meaning: 'The SSO session behind the refresh token has ended (idle or max lifetime, or logout).', fix: 'Sign in again.', source: 'https://www.keycloak.org/docs/latest/server_admin/' },
];

export interface VendorErrorMatch extends VendorError {
  matchedIn: 'body' | 'header';
  excerpt: string;
}

/** Only the start of a body is scanned: error documents are small, bodies may be huge. */
const SCAN_LIMIT = 64 * 1024;
const AADSTS = /AADSTS(\d{5,7})/;

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalog's codes and "AADSTS" as one pattern (exported for the regex audit). */
export function anyCodePattern(): RegExp {
  const codes = [...new Set(VENDOR_ERRORS.map((e) => e.code)), 'AADSTS'].sort((a, b) => b.length - a.length);
  return new RegExp(codes.map(escapeRegExp).join('|'));
}
let anyCode = anyCodePattern();
/** The catalog size anyCode was built for (the list is exported: an entry added later is searched too). */
let anyCodeSize = VENDOR_ERRORS.length;
const ANY_CODE_MAX = 4096;

/**
 * Whether the body can match any entry: it holds a catalog code or "AADSTS". An entry without
 * `match` is its code as text, and every `match` has a pattern holding its code verbatim
 * (test/unit/vendor-errors.test.ts checks that for each entry). Error bodies are short, and one
 * native pass over them costs less than a search per entry (this runs for every failure, mostly
 * before V8 optimizes it); over a long body the searches per entry are faster, so a body longer
 * than ANY_CODE_MAX is searched entry by entry at once.
 */
function mayMatch(text: string): boolean {
  if (text.length > ANY_CODE_MAX) return true;
  if (anyCodeSize !== VENDOR_ERRORS.length) {
    anyCode = anyCodePattern();
    anyCodeSize = VENDOR_ERRORS.length;
  }
  return anyCode.test(text);
}

/** `url` is the request's; without it, entries that only count on a vendor's hosts (`where`) never match. */
export function matchVendorErrors(input: { status: number; body: string | null; headers: readonly Header[]; url?: string }): VendorErrorMatch[] {
  const out: VendorErrorMatch[] = [];
  // (Codes already reported: a list, since nearly always there are none or one.)
  const seen: string[] = [];
  const add = (e: VendorError, matchedIn: 'body' | 'header', text: string, at: number) => {
    if (seen.includes(e.code)) return;
    seen.push(e.code);
    const { match: _match, where: _where, ...entry } = e;
    out.push({ ...entry, matchedIn, excerpt: text.slice(Math.max(0, at - 40), at + e.code.length + 60).replace(/\s+/g, ' ').trim() });
  };
  // Index loops here and below: this runs for every failure, too rarely for V8 to optimize it in
  // one pass over a HAR, and an unoptimized for-of allocates per step.
  for (let i = 0; i < input.headers.length; i++) {
    const h = input.headers[i]!;
    // (Length first: lower-casing every header name of every failure showed in HAR analysis.)
    if (h.name.length !== 15 && h.name.length !== 16) continue;
    const name = h.name.toLowerCase();
    if (name === 'x-amzn-errortype' || name === 'x-amz-errortype') {
      const code = h.value.split(':')[0]!.trim();
      const known = VENDOR_ERRORS.find((e) => e.code === code);
      if (known) add(known, 'header', h.value, 0);
    }
  }
  const text = input.body ? input.body.slice(0, SCAN_LIMIT) : '';
  if (text) {
    const scan = scanBody(text);
    for (let i = 0; i < scan.hits.length; i++) {
      const { entry: e, at } = scan.hits[i]!;
      if (e.where && !(input.url && e.where.test(input.url))) continue;
      add(e, 'body', text, at);
    }
    // An Entra code the catalog doesn't list is still a vendor error worth showing.
    const entra = scan.entra;
    if (entra && !seen.includes(`AADSTS${entra.digits}`)) {
      add({ vendor: 'Microsoft Entra ID', code: `AADSTS${entra.digits}`, meaning: 'A Microsoft identity platform error; see the error lookup for its meaning.', fix: `Look it up at https://login.microsoftonline.com/error?code=${entra.digits}.`, source: ENTRA }, 'body', text, entra.at);
    }
  }
  return out;
}

/** What a body holds of the catalog, whatever the request's URL: entries in catalog order, where each matched. */
interface BodyScan {
  hits: { entry: VendorError; at: number }[];
  entra: { digits: string; at: number } | null;
}
const NOTHING_FOUND: BodyScan = { hits: [], entra: null };

/**
 * Scans a body against the catalog. Error bodies repeat (a server sends the same one for every
 * failure of a kind), and going through the catalog for each showed in HAR analysis, where this
 * runs too rarely for V8 to optimize it: the scans of short bodies are kept, for the catalog as
 * it is (an entry added later is searched too). Which entries count on the request's host
 * (`where`) is decided per request, by the caller.
 */
function scanBody(text: string): BodyScan {
  if (scansForSize !== VENDOR_ERRORS.length) {
    bodyScans.clear();
    scansForSize = VENDOR_ERRORS.length;
  }
  const keep = text.length <= ANY_CODE_MAX;
  const known = keep ? bodyScans.get(text) : undefined;
  if (known) return known;
  let scan = NOTHING_FOUND;
  if (mayMatch(text)) {
    const hits: BodyScan['hits'] = [];
    for (let i = 0; i < VENDOR_ERRORS.length; i++) {
      const e = VENDOR_ERRORS[i]!;
      const at = e.match ? matchAll(e.match, text) : text.indexOf(e.code);
      if (at !== -1) hits.push({ entry: e, at });
    }
    const m = AADSTS.exec(text);
    scan = { hits, entra: m ? { digits: m[1]!, at: m.index } : null };
  }
  if (keep) {
    if (bodyScans.size >= 64) bodyScans.clear();
    bodyScans.set(text, scan);
  }
  return scan;
}
const bodyScans = new Map<string, BodyScan>();
let scansForSize = VENDOR_ERRORS.length;

/** Where the first pattern matched, or -1 unless every pattern matches. */
function matchAll(patterns: readonly RegExp[], text: string): number {
  let at = -1;
  for (let i = 0; i < patterns.length; i++) {
    const m = patterns[i]!.exec(text);
    if (!m) return -1;
    if (at === -1) at = m.index;
  }
  return at;
}
