/**
 * Error codes of identity providers and cloud APIs, with what they mean and the documentation they
 * come from. Matched in JSON error bodies, plain text and vendor headers (`x-amzn-ErrorType`).
 */
import type { Header } from '../har/exchange.js';

export interface VendorError {
  vendor: string;
  code: string;
  meaning: string;
  fix: string;
  source: string;
}

const ENTRA = 'https://learn.microsoft.com/en-us/entra/identity-platform/reference-error-codes';
const OKTA = 'https://developer.okta.com/docs/reference/error-codes/';
const AWS = 'https://docs.aws.amazon.com/STS/latest/APIReference/CommonErrors.html';
const GOOGLE = 'https://cloud.google.com/apis/design/errors';

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
];

export interface VendorErrorMatch extends VendorError {
  matchedIn: 'body' | 'header';
  excerpt: string;
}

/** Only the start of a body is scanned: error documents are small, bodies may be huge. */
const SCAN_LIMIT = 64 * 1024;
const AADSTS = /AADSTS(\d{5,7})/;

export function matchVendorErrors(input: { status: number; body: string | null; headers: readonly Header[] }): VendorErrorMatch[] {
  const out: VendorErrorMatch[] = [];
  const seen = new Set<string>();
  const add = (e: VendorError, matchedIn: 'body' | 'header', text: string, at: number) => {
    if (seen.has(e.code)) return;
    seen.add(e.code);
    out.push({ ...e, matchedIn, excerpt: text.slice(Math.max(0, at - 40), at + e.code.length + 60).replace(/\s+/g, ' ').trim() });
  };
  for (const h of input.headers) {
    const name = h.name.toLowerCase();
    if (name === 'x-amzn-errortype' || name === 'x-amz-errortype') {
      const code = h.value.split(':')[0]!.trim();
      const known = VENDOR_ERRORS.find((e) => e.code === code);
      if (known) add(known, 'header', h.value, 0);
    }
  }
  const text = input.body ? input.body.slice(0, SCAN_LIMIT) : '';
  if (text) {
    for (const e of VENDOR_ERRORS) {
      const at = text.indexOf(e.code);
      if (at !== -1) add(e, 'body', text, at);
    }
    // An Entra code the catalog doesn't list is still a vendor error worth showing.
    const m = AADSTS.exec(text);
    if (m && !seen.has(`AADSTS${m[1]}`)) {
      add({ vendor: 'Microsoft Entra ID', code: `AADSTS${m[1]}`, meaning: 'A Microsoft identity platform error; see the error lookup for its meaning.', fix: `Look it up at https://login.microsoftonline.com/error?code=${m[1]}.`, source: ENTRA }, 'body', text, m.index);
    }
  }
  return out;
}
